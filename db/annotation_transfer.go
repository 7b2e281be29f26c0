package db

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// AnnotatedArticle is an article with its annotations, as an export
// writes it.
type AnnotatedArticle struct {
	ID          int64        `json:"id"`
	Title       string       `json:"title"`
	Byline      string       `json:"byline"`
	Source      string       `json:"source"`
	URL         string       `json:"url"`
	Published   string       `json:"published"`   // YYYY-MM-DD, or "" when unknown
	ContentHash string       `json:"contentHash"` // identifies the text across libraries (see ContentHash)
	Annotations []Annotation `json:"annotations"` // in ArticleAnnotations' order
}

// AnnotatedArticles returns the articles among ids that have annotations,
// with them, newest first. With no ids it returns every article outside the
// Trash that has annotations.
func (s *Store) AnnotatedArticles(ctx context.Context, ids []int64) ([]AnnotatedArticle, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT id, title, byline, source, url, coalesce(published, ''), content_hash FROM articles a
		WHERE EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id)
			AND CASE WHEN ? THEN a.id IN (SELECT value FROM json_each(?)) ELSE a.deleted_at IS NULL END
		ORDER BY `+orderClause(SortNewest), len(ids) > 0, int64sJSON(ids))
	if err != nil {
		return nil, fmt.Errorf("read annotated articles: %w", err)
	}
	defer rows.Close()
	list := []AnnotatedArticle{}
	index := map[int64]int{}
	for rows.Next() {
		var a AnnotatedArticle
		if err := rows.Scan(&a.ID, &a.Title, &a.Byline, &a.Source, &a.URL, &a.Published, &a.ContentHash); err != nil {
			return nil, fmt.Errorf("read annotated articles: %w", err)
		}
		index[a.ID] = len(list)
		list = append(list, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read annotated articles: %w", err)
	}
	rows.Close()
	if len(list) == 0 {
		return list, nil
	}
	found := make([]int64, 0, len(list))
	for _, a := range list {
		found = append(found, a.ID)
	}
	rows, err = s.db.QueryContext(ctx, `SELECT `+annotationColumns("")+` FROM annotations
		WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, `+annotationOrder, int64sJSON(found))
	if err != nil {
		return nil, fmt.Errorf("read annotations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		n, err := scanAnnotation(rows)
		if err != nil {
			return nil, fmt.Errorf("read annotations: %w", err)
		}
		a := &list[index[n.ArticleID]]
		a.Annotations = append(a.Annotations, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read annotations: %w", err)
	}
	return list, nil
}

// AnnotationRecord is an annotation read from an export, to be attached to
// the article it names.
type AnnotationRecord struct {
	UID          string `json:"uid"`          // its identity in the library it came from; "" when unknown
	ArticleHash  string `json:"articleHash"`  // the article's ContentHash, when the export names it
	ArticleURL   string `json:"articleUrl"`   // the article's address, tried when the hash finds nothing
	ArticleTitle string `json:"articleTitle"` // for reporting an article that is not in the library
	ArticleRef   string `json:"articleRef"`   // how the export names the article, for the same report
	Kind         string `json:"kind"`
	Color        string `json:"color"`
	Note         string `json:"note"`
	Exact        string `json:"exact"`
	Prefix       string `json:"prefix"`
	Suffix       string `json:"suffix"`
	Start        int    `json:"start"`
	End          int    `json:"end"`
	CreatedAt    string `json:"createdAt"` // RFC 3339, or "" for now
	UpdatedAt    string `json:"updatedAt"`
}

// AnnotationImportReport says what ImportAnnotations did with each record.
type AnnotationImportReport struct {
	Imported   int `json:"imported"`   // added to the library
	Orphaned   int `json:"orphaned"`   // of those, highlights whose passage is not in the article's text
	Duplicates int `json:"duplicates"` // already in the library, left alone
	Missing    int `json:"missing"`    // not imported: their article is not in the library
	// MissingArticles lists the articles to import before importing the
	// same file again, with how many annotations each would get.
	MissingArticles []MissingArticle `json:"missingArticles"`
}

// MissingArticle is an article an annotation export names that the library
// does not hold.
type MissingArticle struct {
	Title       string `json:"title"`
	URL         string `json:"url"`
	Ref         string `json:"ref"`
	Annotations int    `json:"annotations"`
}

// ImportAnnotations attaches annotations read from an export to the
// articles they name: the article with the same content hash, or else the
// same URL. Highlights are placed again in the article's text; one that
// cannot be placed is kept as an orphan. An annotation already in the
// library (the same identity, or the same article, kind, quote, place and
// note) is not added twice. Either every record is handled or none is.
func (s *Store) ImportAnnotations(ctx context.Context, records []AnnotationRecord) (AnnotationImportReport, error) {
	rep := AnnotationImportReport{MissingArticles: []MissingArticle{}}
	records = slices.Clone(records) // checkRecord normalises them
	for i := range records {
		if err := checkRecord(&records[i]); err != nil {
			return rep, fmt.Errorf("annotation %d: %w", i+1, err)
		}
	}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		rep = AnnotationImportReport{MissingArticles: []MissingArticle{}}
		finder := &articleFinder{tx: tx, cache: map[string]foundArticle{}}
		missing := map[string]int{}
		for _, r := range records {
			art, err := finder.find(ctx, r)
			if err != nil {
				return err
			}
			if art.id == 0 {
				rep.Missing++
				key := r.ArticleHash + "\x00" + r.ArticleURL + "\x00" + r.ArticleRef
				if i, ok := missing[key]; ok {
					rep.MissingArticles[i].Annotations++
					continue
				}
				missing[key] = len(rep.MissingArticles)
				rep.MissingArticles = append(rep.MissingArticles, MissingArticle{Title: r.ArticleTitle,
					URL: r.ArticleURL, Ref: r.ArticleRef, Annotations: 1})
				continue
			}
			added, err := s.importRecord(ctx, tx, art, r)
			if err != nil {
				return err
			}
			switch {
			case added == nil:
				rep.Duplicates++
			case added.Orphaned:
				rep.Imported++
				rep.Orphaned++
			default:
				rep.Imported++
			}
		}
		return nil
	})
	if err != nil {
		return AnnotationImportReport{MissingArticles: []MissingArticle{}}, fmt.Errorf("import annotations: %w", err)
	}
	return rep, nil
}

// checkRecord checks a record as RestoreAnnotation checks an annotation.
func checkRecord(r *AnnotationRecord) error {
	a := Annotation{Kind: r.Kind, Color: r.Color, Note: r.Note, Exact: r.Exact, Prefix: r.Prefix, Suffix: r.Suffix, Start: r.Start, End: r.End}
	if err := checkAnnotation(&a); err != nil {
		return err
	}
	r.Color, r.Note, r.Exact, r.Prefix, r.Suffix, r.Start, r.End = a.Color, a.Note, a.Exact, a.Prefix, a.Suffix, a.Start, a.End
	if r.ArticleHash == "" && r.ArticleURL == "" {
		return errors.New("it does not say which article it belongs to")
	}
	return nil
}

// importRecord adds one record to the article unless it is already there;
// it returns the added annotation, or nil for a duplicate.
func (s *Store) importRecord(ctx context.Context, tx *sql.Tx, art foundArticle, r AnnotationRecord) (*Annotation, error) {
	if _, ok, err := annotationByUID(ctx, tx, r.UID); err != nil || ok {
		return nil, err
	}
	now := s.timestamp()
	a := Annotation{ArticleID: art.id, Kind: r.Kind, Color: r.Color, Note: r.Note, Exact: r.Exact,
		Prefix: r.Prefix, Suffix: r.Suffix, Start: r.Start, End: r.End,
		CreatedAt: cmp.Or(r.CreatedAt, now), UpdatedAt: cmp.Or(r.UpdatedAt, r.CreatedAt, now), UID: r.UID}
	if a.Kind == KindHighlight {
		placeHighlight(&a, art.body)
	}
	var dup bool
	err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM annotations WHERE article_id = ? AND kind = ?
		AND exact = ? AND pos_start = ? AND note = ?)`, a.ArticleID, a.Kind, a.Exact, a.Start, a.Note).Scan(&dup)
	if err != nil {
		return nil, fmt.Errorf("look for the annotation in the library: %w", err)
	}
	if dup {
		return nil, nil
	}
	a, err = insertAnnotation(ctx, tx, a)
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// foundArticle is the article a record belongs to; id is 0 when the
// library does not hold it.
type foundArticle struct {
	id   int64
	body string
}

// articleFinder looks up the articles of an import's records, each once.
type articleFinder struct {
	tx    *sql.Tx
	cache map[string]foundArticle
}

func (f *articleFinder) find(ctx context.Context, r AnnotationRecord) (foundArticle, error) {
	key := r.ArticleHash + "\x00" + r.ArticleURL
	if a, ok := f.cache[key]; ok {
		return a, nil
	}
	var a foundArticle
	lookups := []struct{ query, arg string }{
		{`SELECT id, body FROM articles WHERE content_hash = ?`, r.ArticleHash},
		// Several articles may share an address (an edited page saved twice):
		// the newest outside the Trash wins.
		{`SELECT id, body FROM articles WHERE url = ? ORDER BY deleted_at IS NOT NULL, id DESC LIMIT 1`, r.ArticleURL},
	}
	for _, l := range lookups {
		if l.arg == "" {
			continue
		}
		err := f.tx.QueryRowContext(ctx, l.query, l.arg).Scan(&a.id, &a.body)
		if err == nil {
			break
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return a, fmt.Errorf("find the annotated article: %w", err)
		}
	}
	f.cache[key] = a
	return a, nil
}
