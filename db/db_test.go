package db_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"folio/db"
	"folio/db/dbtest"
)

// importOne stores one article and returns its id.
func importOne(t *testing.T, s *db.Store, a db.NewArticle) int64 {
	t.Helper()
	out, err := s.ImportArticles(context.Background(), []db.NewArticle{a})
	if err != nil {
		t.Fatal(err)
	}
	if out[0].Status != db.StatusImported {
		t.Fatalf("import %q: status %s, want imported", a.Title, out[0].Status)
	}
	return out[0].ID
}

// importOld stores an article in a library of an older schema, with the
// columns the first one had: today's writer may need columns it lacks.
func importOld(t *testing.T, s *db.Store, a db.NewArticle) int64 {
	t.Helper()
	res, err := s.DB().Exec(`INSERT INTO articles (title, published, imported_at, body, word_count, content_hash, path)
		VALUES (?, nullif(?, ''), '2024-01-01T00:00:00Z', ?, ?, ?, ?)`,
		a.Title, a.Published, a.Body, db.WordCount(a.Body), db.ContentHash(a.Title, a.Body), a.Path)
	if err != nil {
		t.Fatal(err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestOpenSetsPragmasOnEveryConnection(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	// Several connections at once: each must have the pragmas from the DSN.
	conns := make([]interface{ Close() error }, 0, 3)
	for i := 0; i < 3; i++ {
		c, err := s.DB().Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var fk, timeout int
		var mode string
		if err := c.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&timeout); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if fk != 1 || timeout < 1000 || mode != "wal" {
			t.Errorf("connection %d: foreign_keys=%d busy_timeout=%d journal_mode=%s", i, fk, timeout, mode)
		}
	}
	for _, c := range conns {
		c.Close()
	}
}

func TestMigrationsAreRecordedOnce(t *testing.T) {
	// Numbers are reserved per change, so they may skip some: count files.
	path := filepath.Join(t.TempDir(), "library.db")
	for i := 0; i < 2; i++ {
		s, err := db.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		var n, max int
		if err := s.DB().QueryRow(`SELECT count(*), max(version) FROM schema_migrations`).Scan(&n, &max); err != nil {
			t.Fatal(err)
		}
		if n != db.MigrationCount() || max != db.SchemaVersion() {
			t.Errorf("open %d: %d migrations recorded, newest %d; want %d, newest %d", i+1, n, max, db.MigrationCount(), db.SchemaVersion())
		}
		if s.BackupPath != "" {
			t.Errorf("open %d: a current library was backed up to %s", i+1, s.BackupPath)
		}
		s.Close()
	}
}

func TestNewerLibraryIsRefusedUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '999_future.sql', 'x')`); err != nil {
		t.Fatal(err)
	}
	// A library copied from elsewhere may be in rollback mode: opening it
	// for writing would already turn it to WAL, a change of its header.
	var mode string
	if err := s.DB().QueryRow(`PRAGMA journal_mode = DELETE`).Scan(&mode); err != nil || mode != "delete" {
		t.Fatalf("journal mode %q, %v", mode, err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	_, err = db.Open(context.Background(), path)
	if !errors.Is(err, db.ErrNewerLibrary) {
		t.Fatalf("open a newer library: err = %v, want ErrNewerLibrary", err)
	}
	if !strings.Contains(err.Error(), "newer version of Folio") {
		t.Errorf("error does not tell the person what to do: %v", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("the newer library file was changed")
	}
}

func TestNotADatabaseGetsAClearError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	os.WriteFile(path, []byte(strings.Repeat("this is not sqlite ", 500)), 0o644)
	_, err := db.Open(context.Background(), path)
	if err == nil || !strings.Contains(err.Error(), "not a Folio library") {
		t.Fatalf("err = %v, want a clear 'not a Folio library' error", err)
	}
}

func TestGetArticleNotFound(t *testing.T) {
	s := dbtest.Open(t)
	_, err := s.GetArticle(context.Background(), 42)
	if !errors.Is(err, db.ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}

func TestImportStoresEverything(t *testing.T) {
	s := dbtest.Open(t)
	s.SetClock(func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) })
	id := importOne(t, s, db.NewArticle{Title: "Ferry link to Gozo", Byline: "A. Reporter", Source: "Malta Post",
		URL: "https://example.org/ferry", Published: "2023-09-15", Body: "First paragraph.\n\nSecond one here.",
		HTML: "<p>First paragraph.</p><p>Second one here.</p>", Path: "/news/ferry.html", Tags: []string{"Malta", " transport / ferries "}})
	a, err := s.GetArticle(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Ferry link to Gozo" || a.Byline != "A. Reporter" || a.Source != "Malta Post" || a.Published != "2023-09-15" ||
		a.ImportedAt != "2026-01-02T03:04:05Z" || a.WordCount != 5 || a.Path != "/news/ferry.html" || a.HTML == "" || a.Read || a.Starred {
		t.Errorf("stored article = %+v", a)
	}
	var names []string
	for _, tag := range a.Tags {
		names = append(names, tag.Name)
	}
	if strings.Join(names, ",") != "Malta,transport/ferries" {
		t.Errorf("tags = %v, want [Malta transport/ferries]", names)
	}
}

func TestDuplicatesFoldWhitespaceAndCase(t *testing.T) {
	s := dbtest.Open(t)
	id := importOne(t, s, db.NewArticle{Title: "Title", Body: "One two three.\n\nFour five.", Path: "/a.txt"})
	out, err := s.ImportArticles(context.Background(), []db.NewArticle{
		{Title: "title", Body: "ONE two   three.\nFour five.", Path: "/b.txt"},
		{Title: "Title", Body: "One two three. Four five six.", Path: "/c.txt"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if out[0].Status != db.StatusDuplicate || out[0].ID != id || out[0].Title != "Title" {
		t.Errorf("same text, other case and spaces: %+v, want duplicate of %d", out[0], id)
	}
	if out[1].Status != db.StatusImported {
		t.Errorf("different text: %+v, want imported", out[1])
	}
}

func TestReimportFromSamePathUpdatesInPlace(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	id := importOne(t, s, db.NewArticle{Title: "Ferry", Body: "The ferry starts in spring. Fares are not known.", Path: "/ferry.txt", Tags: []string{"malta"}})
	out, err := s.ImportArticles(ctx, []db.NewArticle{{Title: "Ferry", Body: "The new ferry starts in spring. Fares are low.", Path: "/ferry.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	if out[0].Status != db.StatusUpdated || out[0].ID != id {
		t.Fatalf("edited file: %+v, want updated %d", out[0], id)
	}
	a, _ := s.GetArticle(ctx, id)
	if !strings.Contains(a.Body, "Fares are low") || len(a.Tags) != 1 {
		t.Errorf("after update: body %q tags %v", a.Body, a.Tags)
	}
	// An unrelated file that merely has the same name stays a new article.
	out, err = s.ImportArticles(ctx, []db.NewArticle{{Title: "Elections", Body: "Voters went to the polls on Sunday in large numbers.", Path: "/ferry.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	if out[0].Status != db.StatusImported || out[0].ID == id {
		t.Errorf("unrelated file at the same path: %+v, want a new article", out[0])
	}
}

func TestListViewsAndOrders(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	importOne(t, s, db.NewArticle{Title: "B old", Body: "one", Published: "2020-01-01"})
	importOne(t, s, db.NewArticle{Title: "a new", Body: "two", Published: "2024-05-06"})
	importOne(t, s, db.NewArticle{Title: "C undated", Body: "three"})
	titles := func(f db.ArticleFilter) string {
		t.Helper()
		page, err := s.ListArticles(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, a := range page.Articles {
			out = append(out, a.Title)
		}
		return strings.Join(out, "|")
	}
	for _, c := range []struct {
		f    db.ArticleFilter
		want string
	}{
		{db.ArticleFilter{}, "a new|B old|C undated"},
		{db.ArticleFilter{Sort: db.SortOldest}, "B old|a new|C undated"},
		{db.ArticleFilter{Sort: db.SortTitle}, "a new|B old|C undated"},
		{db.ArticleFilter{Sort: db.SortImported}, "C undated|a new|B old"},
		{db.ArticleFilter{Limit: 1, Offset: 1}, "B old"},
		{db.ArticleFilter{View: db.ViewUnread}, "a new|B old|C undated"},
		{db.ArticleFilter{View: db.ViewStarred}, ""},
		{db.ArticleFilter{View: db.ViewTrash}, ""},
	} {
		if got := titles(c.f); got != c.want {
			t.Errorf("%+v: %q, want %q", c.f, got, c.want)
		}
	}
	page, _ := s.ListArticles(ctx, db.ArticleFilter{Limit: 1})
	if page.Total != 3 || len(page.Articles) != 1 {
		t.Errorf("total %d with %d rows, want 3 with 1", page.Total, len(page.Articles))
	}
}

func TestBatchIsAllOrNothing(t *testing.T) {
	s := dbtest.Open(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.ImportArticles(ctx, []db.NewArticle{{Title: "x", Body: "y"}}); err == nil {
		t.Fatal("import with a cancelled context succeeded")
	}
	page, err := s.ListArticles(context.Background(), db.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 0 {
		t.Errorf("%d articles stored by a failed batch", page.Total)
	}
}

func TestOlderLibraryIsBackedUpThenMigrated(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	old, err := db.OpenAtVersion(ctx, path, 1)
	if err != nil {
		t.Fatal(err)
	}
	importOld(t, old, db.NewArticle{Title: "Kept", Body: "An article from an older Folio."})
	old.Close()

	s, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.BackupPath == "" {
		t.Fatal("no backup was made before migrating")
	}
	backup, err := db.OpenAtVersion(ctx, s.BackupPath, 1) // opens without migrating further
	if err != nil {
		t.Fatal(err)
	}
	defer backup.Close()
	// The backup keeps the older schema, which this version's list cannot
	// read: count its rows directly.
	var kept int
	if err := backup.DB().QueryRow(`SELECT count(*) FROM articles`).Scan(&kept); err != nil || kept != 1 {
		t.Errorf("the backup holds %d articles (%v), want 1", kept, err)
	}
	if page, _ := s.ListArticles(ctx, db.ArticleFilter{}); page.Total != 1 {
		t.Errorf("the migrated library holds %d articles, want 1", page.Total)
	}
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM saved_searches`).Scan(&n); err != nil {
		t.Errorf("migration 2 was not applied: %v", err)
	}
}

func TestListArticleIDsFollowsTheView(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	a := importOne(t, s, db.NewArticle{Title: "A", Body: "one", Published: "2020-01-01"})
	b := importOne(t, s, db.NewArticle{Title: "B", Body: "two", Published: "2021-01-01"})
	ids, err := s.ListArticleIDs(ctx, db.ViewAll, db.SortNewest)
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 2 || ids[0] != b || ids[1] != a {
		t.Errorf("ids = %v, want [%d %d]", ids, b, a)
	}
	if ids, _ := s.ListArticleIDs(ctx, db.ViewTrash, db.SortNewest); len(ids) != 0 {
		t.Errorf("trash ids = %v, want none", ids)
	}
}

// Migration 009 marks the titles an older Folio made from the body: those
// of plain-text articles that start their body, and "Untitled".
func TestMigrationMarksDerivedTitles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	old, err := db.OpenAtVersion(ctx, path, 7)
	if err != nil {
		t.Fatal(err)
	}
	derived := importOld(t, old, db.NewArticle{Title: "The ferry will run from Gozo to Malta on…",
		Body: "The ferry will run from Gozo to Malta on\nweekdays only. It starts in spring."})
	untitled := importOld(t, old, db.NewArticle{Title: "Untitled", Body: "Watch: the video"})
	given := importOld(t, old, db.NewArticle{Title: "Ferry to run", Body: "The ferry will run from Gozo."})
	old.Close()
	s, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for id, want := range map[int64]bool{derived: true, untitled: true, given: false} {
		a, err := s.GetArticle(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if a.TitleDerived != want {
			t.Errorf("%q: derived = %v, want %v", a.Title, a.TitleDerived, want)
		}
	}
	// The same file imported again from elsewhere, its title made the way
	// this Folio makes titles, is the article already there.
	out, err := s.ImportArticles(ctx, []db.NewArticle{{Title: "The ferry will run from Gozo to Malta on weekdays only",
		TitleDerived: true, Body: "The ferry will run from Gozo to Malta on\nweekdays only. It starts in spring.", Path: "/elsewhere/ferry.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	if out[0].Status != db.StatusDuplicate || out[0].ID != derived {
		t.Errorf("the same text again: %s, article %d; want a duplicate of %d", out[0].Status, out[0].ID, derived)
	}
}

// New articles are inserted many to a statement; a batch must still end as
// if its articles were stored one at a time, in order: a repeat of an
// article earlier in the batch is its duplicate, an edit of one (same
// path) updates it, ids follow the batch's order, and tags reach all.
func TestABatchIsStoredAsIfOneArticleAtATime(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	var batch []db.NewArticle
	for i := range 150 { // more than one statement's worth
		batch = append(batch, db.NewArticle{Title: fmt.Sprintf("Story %d", i), Body: fmt.Sprintf("Text of story %d.", i),
			Path: fmt.Sprintf("/s/%03d.txt", i), Tags: []string{"batch"}})
	}
	batch = append(batch,
		db.NewArticle{Title: "story 3", Body: "TEXT of story 3.", Path: "/copy.txt", Tags: []string{"copied"}},
		db.NewArticle{Title: "Ferry", Body: "The ferry starts in spring. Fares are not known.", Path: "/ferry.txt"},
		db.NewArticle{Title: "Ferry", Body: "The new ferry starts in spring. Fares are low.", Path: "/ferry.txt", Tags: []string{"edited"}},
	)
	out, err := s.ImportArticles(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 150 {
		if out[i].Status != db.StatusImported || out[i].ID != int64(i+1) {
			t.Fatalf("story %d: %+v, want imported with id %d", i, out[i], i+1)
		}
	}
	if o := out[150]; o.Status != db.StatusDuplicate || o.ID != 4 {
		t.Errorf("a repeat of story 3: %+v, want a duplicate of 4", o)
	}
	ferry := out[151]
	if o := out[152]; ferry.Status != db.StatusImported || o.Status != db.StatusUpdated || o.ID != ferry.ID {
		t.Errorf("an edit of an article earlier in the batch: %+v then %+v, want imported then updated", ferry, o)
	}
	for id, want := range map[int64]string{1: "batch", 4: "batch,copied", ferry.ID: "edited"} {
		a, err := s.GetArticle(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, tag := range a.Tags {
			names = append(names, tag.Name)
		}
		if strings.Join(names, ",") != want {
			t.Errorf("article %d has tags %v, want %s", id, names, want)
		}
	}
}
