package importer

import (
	"context"
	"fmt"
	"path"
	"strings"

	"folio/db"
)

func isJSON(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".json" || ext == ".jsonld"
}

// attachAnnotations stores the highlights and notes of dropped annotation
// exports, after the articles dropped with them are in, so one drop can
// bring back both.
func (r *runner) attachAnnotations(ctx context.Context) {
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
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d annotations belong to %q, which is not in the library; import the article, then this file again", m.Annotations, name))
	}
	return res
}
