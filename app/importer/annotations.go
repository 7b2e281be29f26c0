package importer

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"

	"folio/app/export"
	"folio/db"
)

func isJSON(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".json" || ext == ".jsonld"
}

// parseAnnotations reads a JSON file of annotations: W3C Web Annotations
// (Folio's export or another tool's) or a Hypothesis export. It returns
// export.ErrNotAnnotations for anything else, such as articles.
func parseAnnotations(data []byte) ([]db.AnnotationRecord, error) {
	recs, err := export.ParseW3C(data)
	if errors.Is(err, export.ErrNotAnnotations) {
		return export.ParseHypothesis(data)
	}
	return recs, err
}

// attachAnnotations stores the highlights and notes of dropped annotation
// exports, after the articles dropped with them are in, so one drop can
// bring back both. Annotations kept from earlier imports, waiting for
// their article, are attached first when it came in this time.
func (r *runner) attachAnnotations(ctx context.Context) {
	if r.counts.Imported+r.counts.Updated > 0 {
		rep, err := r.store.AttachPendingAnnotations(ctx)
		if err != nil {
			r.problem = fmt.Sprintf("annotations kept from earlier imports were not attached (%v); they stay kept for the next import", err)
		}
		r.counts.Annotations += rep.Imported
		r.attachedLater = rep.Imported
	}
	for _, p := range r.notes {
		rep, err := r.store.ImportAnnotations(ctx, p.annotations)
		if err != nil {
			r.finish(p.index, []Result{{Path: p.src.Path, Status: StatusFailed, Error: err.Error()}})
			continue
		}
		r.counts.Annotations += rep.Imported
		r.finish(p.index, []Result{annotationResult(p.src.Path, rep)})
	}
	r.notes = nil
}

func annotationResult(file string, rep db.AnnotationImportReport) Result {
	res := Result{Path: file, Status: StatusAnnotations,
		Title: fmt.Sprintf("%d highlights and notes attached, %d already there", rep.Imported, rep.Duplicates)}
	if rep.Orphaned > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d highlights no longer match their article's text; they are kept as orphaned", rep.Orphaned))
	}
	for _, m := range rep.MissingArticles {
		name := m.Title
		if name == "" {
			name = m.URL
		}
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d annotations belong to %q, which is not in the library: they are kept, and attach when you import it", m.Annotations, name))
	}
	return res
}
