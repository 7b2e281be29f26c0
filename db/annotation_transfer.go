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
	// Tags go on the article the record attaches to.
	Tags []string `json:"tags,omitempty"`
	// Foreign says another tool wrote the prefix and suffix: they are
	// evidence of any length, not Folio's own (see anchor.Selector.Edges).
	Foreign bool `json:"foreign,omitempty"`
}

// AnnotationImportReport says what ImportAnnotations did with each record.
type AnnotationImportReport struct {
	Imported   int `json:"imported"`   // added to the library
	Orphaned   int `json:"orphaned"`   // of those, highlights whose passage is not in the article's text
	Duplicates int `json:"duplicates"` // already in the library, left alone
	// Missing counts those whose article is not in the library: they are
	// kept and attach when the article is imported (see
	// AttachPendingAnnotations).
	Missing int `json:"missing"`
	// MissingArticles lists the articles they wait for, with how many
	// annotations each will get.
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
// articles they name: the article with the same content hash, else one
// with the same address (see urlVariants), else, for a highlight, the one
// article where its quote is found (see articleFinder). Highlights are
// placed again in the article's text; one that cannot be placed is kept as
// an orphan. An annotation already in the library (the same identity, or
// the same article, kind, quote, place and note) is not added twice. One
// whose article is not in the library is kept, to attach when the article
// is imported. Tags of a record go on its article. Either every record is
// handled or none is.
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
		finder := newArticleFinder(tx)
		missing := map[string]int{}
		for _, r := range records {
			art, err := finder.find(ctx, r)
			if err != nil {
				return err
			}
			if art.id == 0 {
				// Kept once, however often the file is read; reported each time.
				if err := s.keepPending(ctx, tx, r); err != nil {
					return err
				}
				rep.addMissing(missing, r)
				continue
			}
			if err := s.attachRecord(ctx, tx, art, r, &rep); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return AnnotationImportReport{MissingArticles: []MissingArticle{}}, fmt.Errorf("import annotations: %w", err)
	}
	return rep, nil
}

// addMissing counts a record whose article is not in the library.
func (rep *AnnotationImportReport) addMissing(index map[string]int, r AnnotationRecord) {
	rep.Missing++
	key := r.ArticleHash + "\x00" + r.ArticleURL + "\x00" + r.ArticleRef
	if i, ok := index[key]; ok {
		rep.MissingArticles[i].Annotations++
		return
	}
	index[key] = len(rep.MissingArticles)
	rep.MissingArticles = append(rep.MissingArticles, MissingArticle{Title: r.ArticleTitle,
		URL: r.ArticleURL, Ref: r.ArticleRef, Annotations: 1})
}

// attachRecord adds r to its article, tags the article and counts the outcome.
func (s *Store) attachRecord(ctx context.Context, tx *sql.Tx, art foundArticle, r AnnotationRecord, rep *AnnotationImportReport) error {
	added, err := s.importRecord(ctx, tx, art, r)
	if err != nil {
		return err
	}
	if err := tagArticle(ctx, tx, art.id, r.Tags); err != nil {
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
	return nil
}

// tagArticle gives an article the tags of an annotation attached to it.
// A tag Folio cannot take (see ValidTagName) is left out: the annotation
// matters more than its tag.
func tagArticle(ctx context.Context, tx *sql.Tx, articleID int64, names []string) error {
	for _, name := range names {
		name, err := ValidTagName(name)
		if err != nil {
			continue
		}
		tagID, err := ensureTag(ctx, tx, name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)`, articleID, tagID); err != nil {
			return fmt.Errorf("tag article %d with %q: %w", articleID, name, err)
		}
	}
	return nil
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
	foreign := false
	if a.Kind == KindHighlight {
		foreign = placeHighlight(&a, art.body, r.Foreign)
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
	if foreign {
		if _, err := tx.ExecContext(ctx, `UPDATE annotations SET foreign_context = 1 WHERE id = ?`, a.ID); err != nil {
			return nil, fmt.Errorf("store annotation: %w", err)
		}
	}
	return &a, nil
}
