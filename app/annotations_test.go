package app_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"folio/app"
	"folio/db"
)

// annotationHost records events and answers the save dialog with savePath.
type annotationHost struct {
	events   []string
	savePath string
	saveErr  error
}

func (h *annotationHost) Emit(name string, _ any)              { h.events = append(h.events, name) }
func (h *annotationHost) OpenFiles(string) ([]string, error)   { return nil, app.ErrNotAvailable }
func (h *annotationHost) OpenFolder(string) (string, error)    { return "", app.ErrNotAvailable }
func (h *annotationHost) OpenFile(string) (string, error)      { return "", app.ErrNotAvailable }
func (h *annotationHost) OpenURL(string) error                 { return app.ErrNotAvailable }
func (h *annotationHost) SaveFile(_, _ string) (string, error) { return h.savePath, h.saveErr }
func (h *annotationHost) take() []string                       { e := h.events; h.events = nil; return e }
func (h *annotationHost) changed(t *testing.T, want bool, action string) {
	t.Helper()
	got := false
	for _, e := range h.take() {
		got = got || e == app.EventLibraryChanged
	}
	if got != want {
		t.Errorf("%s: library:changed emitted = %t, want %t", action, got, want)
	}
}

// annotatedApp is an app over a fresh library holding one article.
func annotatedApp(t *testing.T) (*app.App, *annotationHost, int64) {
	t.Helper()
	s, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	out, err := s.ImportArticles(context.Background(), []db.NewArticle{{Title: "Ferry",
		Body: "The new ferry to Gozo will start in spring.", Published: "2023-09-15"}})
	if err != nil {
		t.Fatal(err)
	}
	h := &annotationHost{}
	return app.New(s, h, "desktop"), h, out[0].ID
}

func TestAnnotationMethods(t *testing.T) {
	a, h, id := annotatedApp(t)
	hl, err := a.AddHighlight(app.HighlightParams{ArticleID: id, Start: 4, End: 13, Color: "blue", Note: "Which ferry?"})
	if err != nil || hl.Exact != "new ferry" || hl.Color != "blue" {
		t.Fatalf("AddHighlight = %+v, %v", hl, err)
	}
	h.changed(t, true, "add a highlight")
	if _, err := a.AddNote(id, "On the whole piece."); err != nil {
		t.Fatal(err)
	}
	h.changed(t, true, "add a note")
	if got, err := a.SetAnnotationColor(hl.ID, "pink"); err != nil || got.Color != "pink" {
		t.Errorf("SetAnnotationColor = %+v, %v", got, err)
	}
	if got, err := a.SetAnnotationNote(hl.ID, "Edited."); err != nil || got.Note != "Edited." {
		t.Errorf("SetAnnotationNote = %+v, %v", got, err)
	}
	h.changed(t, false, "recolour and edit a note")
	deleted, err := a.DeleteAnnotation(hl.ID)
	h.changed(t, true, "delete")
	if list, _ := a.ArticleAnnotations(id); err != nil || len(list) != 1 {
		t.Fatalf("after delete: %+v, %v", list, err)
	}
	if back, err := a.RestoreAnnotation(deleted); err != nil || back.ID != hl.ID || back.Note != "Edited." {
		t.Errorf("RestoreAnnotation = %+v, %v", back, err)
	}
	h.changed(t, true, "restore")
	page, err := a.ListAnnotations(db.AnnotationFilter{Color: "pink"})
	if err != nil || page.Total != 1 || page.Items[0].ArticleTitle != "Ferry" {
		t.Errorf("ListAnnotations = %+v, %v", page, err)
	}

	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"bad span", second(a.AddHighlight(app.HighlightParams{ArticleID: id, Start: 8, End: 2})), "highlight the passage: the selection is empty"},
		{"missing article", second(a.AddHighlight(app.HighlightParams{ArticleID: 99, Start: 0, End: 2})), "highlight the passage: it no longer exists"},
		{"missing annotation", second(a.DeleteAnnotation(999)), "delete it: it no longer exists"},
		{"bad colour", second(a.ListAnnotations(db.AnnotationFilter{Color: "red"})), `"red" is not a highlight colour`},
	} {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, c.err, c.want)
		}
	}
	h.changed(t, false, "refused changes")
}

func second[T any](_ T, err error) error { return err }

func TestReadingMethods(t *testing.T) {
	a, h, id := annotatedApp(t)
	if err := a.SetProgress(id, 0.5); err != nil {
		t.Fatal(err)
	}
	h.changed(t, false, "save progress")
	if err := a.SetRead([]int64{id}, true); err != nil {
		t.Fatal(err)
	}
	h.changed(t, true, "mark read")
	if err := a.SetStarred([]int64{id}, true); err != nil {
		t.Fatal(err)
	}
	h.changed(t, true, "star")
	art, _ := a.GetArticle(id)
	if art.Progress != 0.5 || !art.Read || !art.Starred {
		t.Errorf("article = progress %v read %t starred %t", art.Progress, art.Read, art.Starred)
	}
	if err := a.SetProgress(999, 0.5); err == nil || !strings.Contains(err.Error(), "no longer exists") {
		t.Errorf("progress of a missing article: %v", err)
	}
}

func TestExportMethods(t *testing.T) {
	a, h, id := annotatedApp(t)
	if _, err := a.ExportAnnotations(app.ExportParams{Format: "md"}); err == nil || !strings.Contains(err.Error(), "no highlights or notes") {
		t.Errorf("export of nothing: err = %v", err)
	}
	hl, _ := a.AddHighlight(app.HighlightParams{ArticleID: id, Start: 4, End: 13})
	md, err := a.ExportAnnotations(app.ExportParams{Format: "md", ArticleIDs: []int64{id}})
	if err != nil || md != "# Ferry\n\n2023-09-15\n\n> new ferry\n>\n> — 2023-09-15 · yellow highlight, "+hl.CreatedAt[:10]+"\n" {
		t.Errorf("Markdown = %q, %v", md, err)
	}
	if _, err := a.ExportAnnotations(app.ExportParams{Format: "pdf"}); err == nil || !strings.Contains(err.Error(), `"pdf" is not an export format`) {
		t.Errorf("unknown format: err = %v", err)
	}

	h.savePath = filepath.Join(t.TempDir(), "notes.json")
	path, err := a.SaveAnnotationsExport(app.ExportParams{Format: "json"})
	data, _ := os.ReadFile(h.savePath)
	if err != nil || path != h.savePath || !strings.Contains(string(data), `"exact": "new ferry"`) {
		t.Errorf("save: %q, %v\n%s", path, err, data)
	}
	h.savePath = "" // the person cancelled the dialog
	if path, err := a.SaveAnnotationsExport(app.ExportParams{Format: "json"}); path != "" || err != nil {
		t.Errorf("cancelled save: %q, %v", path, err)
	}
	h.saveErr = app.ErrNotAvailable
	if _, err := a.SaveAnnotationsExport(app.ExportParams{Format: "md"}); err == nil || !strings.Contains(err.Error(), "not available") {
		t.Errorf("save without a dialog: err = %v", err)
	}
}
