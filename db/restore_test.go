package db_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"folio/db"
	"folio/db/dbtest"
)

// articleCount is the size of the All view.
func articleCount(t *testing.T, s *db.Store) int {
	t.Helper()
	page, err := s.ListArticles(context.Background(), db.ArticleFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	return page.Total
}

func TestRestoreReplacesTheLibraryAndKeepsIt(t *testing.T) {
	ctx := context.Background()
	s := smallLibrary(t)
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, backup, false); err != nil {
		t.Fatal(err)
	}
	importOne(t, s, db.NewArticle{Title: "Later", Body: "Written after the backup."})
	lib := s.Path()

	r, err := db.PrepareRestore(ctx, backup, lib)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Discard()
	if info := r.Info(); info.Articles != 2 || info.Path != backup {
		t.Errorf("restore info = %+v", info)
	}
	if err := s.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	kept, err := r.Replace()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(kept, lib+".before-restore-") || !strings.HasSuffix(kept, ".bak") || r.Info().Replaced != kept {
		t.Errorf("the library was kept at %q (info says %q)", kept, r.Info().Replaced)
	}
	restored, err := db.Open(ctx, lib)
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if n := articleCount(t, restored); n != 2 {
		t.Errorf("the restored library has %d articles, want the backup's 2", n)
	}
	old, err := db.Open(ctx, kept)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if n := articleCount(t, old); n != 3 {
		t.Errorf("the kept library has %d articles, want 3", n)
	}
	entries, _ := os.ReadDir(filepath.Dir(lib))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".restore-") {
			t.Errorf("the restore's copy was left behind: %s", e.Name())
		}
	}
}

func TestRestoreUndo(t *testing.T) {
	ctx := context.Background()
	s := smallLibrary(t)
	other := dbtest.Open(t)
	importOne(t, other, db.NewArticle{Title: "Other", Body: "Only in the other library."})
	lib := s.Path()
	r, err := db.PrepareRestore(ctx, other.Path(), lib)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Discard()
	if err := s.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	kept, err := r.Replace()
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Undo(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(kept); !os.IsNotExist(err) {
		t.Errorf("after undo the kept file is still at %s", kept)
	}
	back, err := db.Open(ctx, lib)
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	if n := articleCount(t, back); n != 2 {
		t.Errorf("after undo the library has %d articles, want its own 2", n)
	}
}

func TestRestoreAnOlderLibraryMigratesIt(t *testing.T) {
	ctx := context.Background()
	oldPath := filepath.Join(t.TempDir(), "old.db")
	old, err := db.OpenAtVersion(ctx, oldPath, 1)
	if err != nil {
		t.Fatal(err)
	}
	importOld(t, old, db.NewArticle{Title: "From an older Folio", Body: "Still here."})
	old.Close()

	s := smallLibrary(t)
	r, err := db.PrepareRestore(ctx, oldPath, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Discard()
	if r.Info().Schema != 1 {
		t.Errorf("schema = %d, want 1", r.Info().Schema)
	}
	s.Shutdown(ctx)
	if _, err := r.Replace(); err != nil {
		t.Fatal(err)
	}
	s.Close() // lets go of the library's lock
	restored, err := db.Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if n := articleCount(t, restored); n != 1 {
		t.Errorf("the restored library has %d articles, want 1", n)
	}
	if _, err := restored.SavedSearches(ctx); err != nil {
		t.Errorf("the restored library was not migrated: %v", err)
	}
}

func TestRestoreRefusals(t *testing.T) {
	ctx := context.Background()
	s := smallLibrary(t)
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("junk"), 0o644)
	for _, c := range []struct{ src, err string }{
		{s.Path(), "the library itself"},
		{junk, "not a Folio library"},
	} {
		if _, err := db.PrepareRestore(ctx, c.src, s.Path()); err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("PrepareRestore(%s) = %v, want an error saying %q", c.src, err, c.err)
		}
	}
	if n := articleCount(t, s); n != 2 {
		t.Errorf("a refused restore changed the library: %d articles", n)
	}
}

func TestShutdownWaitsForOpenConnections(t *testing.T) {
	s := smallLibrary(t)
	rows, err := s.DB().Query(`SELECT id FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Shutdown(cancelled); err == nil {
		t.Error("Shutdown returned while a query still held a connection")
	}
	rows.Close()
	if err := s.Shutdown(context.Background()); err != nil {
		t.Errorf("Shutdown after the query ended: %v", err)
	}
	if n := s.DB().Stats().OpenConnections; n != 0 {
		t.Errorf("%d connections still open", n)
	}
}
