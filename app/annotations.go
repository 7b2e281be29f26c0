package app

import (
	"context"

	"folio/db"
)

// HighlightParams is a passage to highlight: Start and End count Unicode
// code points of the article's plain text (not UTF-16 units), End exclusive.
type HighlightParams struct {
	ArticleID int64  `json:"articleId"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Color     string `json:"color"` // "" for yellow
	Note      string `json:"note"`
}

// ArticleAnnotations returns an article's highlights in text order, then
// the orphaned ones, then its notes.
func (a *App) ArticleAnnotations(articleID int64) ([]db.Annotation, error) {
	list, err := a.db().ArticleAnnotations(context.Background(), articleID)
	if err != nil {
		return []db.Annotation{}, userError("read the highlights and notes", err)
	}
	return list, nil
}

// AddHighlight highlights a passage of an article.
func (a *App) AddHighlight(p HighlightParams) (db.Annotation, error) {
	n, err := a.db().AddHighlight(context.Background(), p.ArticleID, p.Start, p.End, p.Color, p.Note)
	if err != nil {
		return n, userError("highlight the passage", err)
	}
	a.host.Emit(EventLibraryChanged, nil)
	return n, nil
}

// AddNote adds a note on a whole article.
func (a *App) AddNote(articleID int64, note string) (db.Annotation, error) {
	n, err := a.db().AddNote(context.Background(), articleID, note)
	if err != nil {
		return n, userError("add the note", err)
	}
	a.host.Emit(EventLibraryChanged, nil)
	return n, nil
}

// SetAnnotationColor recolours a highlight.
func (a *App) SetAnnotationColor(id int64, color string) (db.Annotation, error) {
	n, err := a.db().SetAnnotationColor(context.Background(), id, color)
	return n, userError("change the colour", err)
}

// SetAnnotationNote replaces the note of a highlight or of an article.
func (a *App) SetAnnotationNote(id int64, note string) (db.Annotation, error) {
	n, err := a.db().SetAnnotationNote(context.Background(), id, note)
	return n, userError("save the note", err)
}

// DeleteAnnotation deletes a highlight or note and returns it, for undo.
func (a *App) DeleteAnnotation(id int64) (db.Annotation, error) {
	n, err := a.db().DeleteAnnotation(context.Background(), id)
	if err != nil {
		return n, userError("delete it", err)
	}
	a.host.Emit(EventLibraryChanged, nil)
	return n, nil
}

// RestoreAnnotation undoes DeleteAnnotation with what it returned.
func (a *App) RestoreAnnotation(n db.Annotation) (db.Annotation, error) {
	restored, err := a.db().RestoreAnnotation(context.Background(), n)
	if err != nil {
		return restored, userError("undo the deletion", err)
	}
	a.host.Emit(EventLibraryChanged, nil)
	return restored, nil
}

// maxAnnotationPage bounds how many annotations one call returns.
const maxAnnotationPage = 500

// ListAnnotations returns a page of the annotations across the library,
// newest first.
func (a *App) ListAnnotations(f db.AnnotationFilter) (db.AnnotationPage, error) {
	if f.Limit <= 0 || f.Limit > maxAnnotationPage {
		f.Limit = maxAnnotationPage
	}
	page, err := a.db().ListAnnotations(context.Background(), f)
	return page, userError("list the highlights and notes", err)
}
