package app_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"folio/app"
	"folio/db"
)

// libraryHost records events, answers the file dialogs with fixed paths,
// and can hold an import at its progress event until released.
type libraryHost struct {
	mu       sync.Mutex
	events   []string
	savePath string
	saveDir  string // when set, each save goes to a new file in it
	saves    int
	openPath string
	dialog   error

	holdImport chan struct{} // when set, the import waits at its progress event...
	reached    chan struct{} // ...after closing this
	once       sync.Once
}

func (h *libraryHost) Emit(name string, _ any) {
	h.mu.Lock()
	h.events = append(h.events, name)
	h.mu.Unlock()
	if name == app.EventImportProgress && h.holdImport != nil {
		h.once.Do(func() { close(h.reached) })
		<-h.holdImport
	}
}
func (h *libraryHost) OpenFiles(string) ([]string, error) { return nil, app.ErrNotAvailable }
func (h *libraryHost) OpenFolder(string) (string, error)  { return "", app.ErrNotAvailable }
func (h *libraryHost) OpenFile(string) (string, error)    { return h.openPath, h.dialog }
func (h *libraryHost) SaveFile(string, string) (string, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.saveDir != "" {
		h.saves++
		return filepath.Join(h.saveDir, fmt.Sprintf("backup-%d.db", h.saves)), h.dialog
	}
	return h.savePath, h.dialog
}
func (h *libraryHost) OpenURL(string) error { return app.ErrNotAvailable }

// changed reports whether library:changed was emitted since the last call.
func (h *libraryHost) changed() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	got := false
	for _, e := range h.events {
		got = got || e == app.EventLibraryChanged
	}
	h.events = nil
	return got
}

// libraryApp is an app over a fresh library holding two articles.
func libraryApp(t *testing.T) (*app.App, *libraryHost, []int64) {
	t.Helper()
	s, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.ImportArticles(context.Background(), []db.NewArticle{
		{Title: "Ferry", Body: "The new ferry to Gozo will start in spring.", Published: "2023-09-15"},
		{Title: "Diesel", Body: "Belarus supplied diesel to Russia.", Published: "2023-08-02"},
	})
	if err != nil {
		t.Fatal(err)
	}
	h := &libraryHost{}
	a := app.New(s, h, "desktop")
	t.Cleanup(func() { app.CloseLibrary(a) })
	return a, h, []int64{out[0].ID, out[1].ID}
}

func TestTagMethods(t *testing.T) {
	a, h, ids := libraryApp(t)
	if err := a.AddTags(ids, []string{"Energy", "region/europe"}); err != nil {
		t.Fatal(err)
	}
	if !h.changed() {
		t.Error("AddTags did not emit library:changed")
	}
	tags, err := a.ListTags()
	if err != nil || len(tags) != 2 || tags[0].Name != "Energy" || tags[0].Count != 2 {
		t.Fatalf("ListTags = %+v, %v", tags, err)
	}
	renamed, err := a.RenameTag(tags[1].ID, "places")
	if err != nil || renamed.Name != "places" || renamed.Count != 2 || !h.changed() {
		t.Errorf("RenameTag = %+v, %v (changed emitted: %t)", renamed, err, h.changed())
	}
	err = a.SetTagColor(tags[0].ID, "chartreuse")
	if err == nil || !strings.HasPrefix(err.Error(), "colour the tag: ") || h.changed() {
		t.Errorf("a bad colour: %v; want a refusal and no event", err)
	}
	if err := a.RemoveTags(ids[:1], []string{"energy"}); err != nil || !h.changed() {
		t.Errorf("RemoveTags: %v", err)
	}
	if err := a.DeleteTag(tags[0].ID); err != nil || !h.changed() {
		t.Errorf("DeleteTag: %v", err)
	}
	err = a.DeleteTag(tags[0].ID)
	if err == nil || !strings.Contains(err.Error(), "no longer exists") {
		t.Errorf("deleting a deleted tag: %v, want 'no longer exists'", err)
	}
}

func TestTrashAndViewMethods(t *testing.T) {
	a, h, ids := libraryApp(t)
	if err := a.TrashArticles(ids[:1]); err != nil || !h.changed() {
		t.Fatalf("TrashArticles: %v", err)
	}
	counts, err := a.ViewCounts()
	if err != nil || counts != (db.ViewCounts{All: 1, Unread: 1, Trash: 1}) {
		t.Errorf("ViewCounts = %+v, %v", counts, err)
	}
	groups, err := a.MonthGroups("trash", "")
	if err != nil || len(groups) != 1 || groups[0] != (db.MonthCount{Month: "2023-09", Count: 1}) {
		t.Errorf("MonthGroups(trash) = %+v, %v", groups, err)
	}
	for _, c := range [][2]string{{"deleted", "newest"}, {"", "relevance"}, {"", "sideways"}} {
		if _, err := a.MonthGroups(c[0], c[1]); err == nil || !strings.Contains(err.Error(), "is not a") {
			t.Errorf("MonthGroups(%q, %q) = %v, want a refusal", c[0], c[1], err)
		}
	}
	if err := a.RestoreArticles(ids[:1]); err != nil || !h.changed() {
		t.Errorf("RestoreArticles: %v", err)
	}
	a.TrashArticles(ids)
	h.changed()
	if n, err := a.EmptyTrash(); err != nil || n != 2 || !h.changed() {
		t.Errorf("EmptyTrash = %d, %v", n, err)
	}
	if months, err := a.Timeline(); err != nil || len(months) != 0 {
		t.Errorf("Timeline of an empty library = %v, %v", months, err)
	}
}

func TestSavedSearchAndSettingMethods(t *testing.T) {
	a, _, _ := libraryApp(t)
	ss, err := a.SaveSearch("Energy", "diesel OR petrol")
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.SaveSearch("energy", "x")
	if err == nil || err.Error() != `save the search: there is already a saved search named "Energy"; choose another name` {
		t.Errorf("a taken name: %v", err)
	}
	if _, err := a.RenameSavedSearch(ss.ID, "Fuel"); err != nil {
		t.Error(err)
	}
	other, _ := a.SaveSearch("Korea", "korea")
	if err := a.ReorderSavedSearches([]int64{other.ID, ss.ID}); err != nil {
		t.Error(err)
	}
	list, err := a.SavedSearches()
	if err != nil || len(list) != 2 || list[0].Name != "Korea" || list[1].Name != "Fuel" {
		t.Errorf("SavedSearches = %+v, %v", list, err)
	}
	if err := a.DeleteSavedSearch(ss.ID); err != nil {
		t.Error(err)
	}
	if err := a.SetSetting("reader.fontSize", "19"); err != nil {
		t.Error(err)
	}
	if err := a.SetSetting("Reader Font", "19"); err == nil || !strings.HasPrefix(err.Error(), "save the setting: ") {
		t.Errorf("a bad key: %v", err)
	}
	if got, err := a.Settings(); err != nil || len(got) != 1 || got["reader.fontSize"] != "19" {
		t.Errorf("Settings = %v, %v", got, err)
	}
}
