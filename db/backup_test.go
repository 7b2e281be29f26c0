package db_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"folio/db"
	"folio/db/corpus"
	"folio/db/dbtest"
)

// generated returns n batches of size generated articles.
func generated(n, size int) [][]db.NewArticle {
	gen := corpus.New(7, "")
	batches := make([][]db.NewArticle, n)
	for b := range batches {
		for i := 0; i < size; i++ {
			a := gen.Next(b*size + i)
			batches[b] = append(batches[b], db.NewArticle{Title: a.Title, Source: a.Source,
				Published: a.Published, Body: a.Body, Tags: a.Tags})
		}
	}
	return batches
}

// smallLibrary stores two articles (one annotated) and a third in the Trash.
func smallLibrary(t *testing.T) *db.Store {
	t.Helper()
	s := dbtest.Open(t)
	a := importOne(t, s, db.NewArticle{Title: "Ferries", Body: "A ferry sails to Gozo."})
	importOne(t, s, db.NewArticle{Title: "Harbour", Body: "The harbour opens in spring."})
	gone := importOne(t, s, db.NewArticle{Title: "Diesel", Body: "Belarus supplied diesel."})
	annotateRow(t, s, a, "ferry", "")
	if err := s.TrashArticles(context.Background(), []int64{gone}); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBackupDuringImportHoldsWholeBatches(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	const size = 200
	batches := generated(15, size)
	someStored := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		for i, b := range batches {
			if _, err := s.ImportArticles(ctx, b); err != nil {
				done <- err
				return
			}
			if i == 2 {
				close(someStored)
			}
		}
		done <- nil
	}()
	select {
	case <-someStored:
	case err := <-done:
		t.Fatalf("the import ended before the backup: %v", err)
	}
	dest := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, dest, false); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}

	info, err := db.CheckLibrary(ctx, dest) // runs PRAGMA integrity_check
	if err != nil {
		t.Fatalf("the backup is not a sound library: %v", err)
	}
	if info.Articles%size != 0 || info.Articles < 3*size || info.Articles > len(batches)*size {
		t.Errorf("the backup holds %d articles: not a whole number of batches of %d after the third", info.Articles, size)
	}
	t.Logf("the backup caught %d of %d batches", info.Articles/size, len(batches))
	backup, err := db.Open(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	defer backup.Close()
	checkIndexMatchesTable(t, backup)
}

func TestBackupDestinations(t *testing.T) {
	s := smallLibrary(t)
	ctx := context.Background()
	dir := t.TempDir()
	taken := filepath.Join(dir, "taken.db")
	os.WriteFile(taken, []byte("an older backup"), 0o644)

	for _, c := range []struct {
		name, dest string
		overwrite  bool
		err        string
	}{
		{"empty", " ", false, "choose a file"},
		{"the library", s.Path(), true, "the library itself"},
		{"its log", s.Path() + "-wal", true, "the library itself"},
		{"no folder", filepath.Join(dir, "missing", "b.db"), false, "does not exist"},
		{"a folder", dir, true, "is a folder"},
		{"taken", taken, false, "already exists"},
	} {
		err := s.Backup(ctx, c.dest, c.overwrite)
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: Backup(%s) = %v, want an error saying %q", c.name, c.dest, err, c.err)
		}
	}
	if err := s.Backup(ctx, taken, false); !errors.Is(err, db.ErrConflict) {
		t.Errorf("an existing file: %v, want ErrConflict", err)
	}
	if got, _ := os.ReadFile(taken); string(got) != "an older backup" {
		t.Error("a refused backup changed the existing file")
	}
	if err := s.Backup(ctx, taken, true); err != nil {
		t.Fatalf("overwrite: %v", err)
	}
	if info, err := db.CheckLibrary(ctx, taken); err != nil || info.Articles != 2 {
		t.Errorf("the overwritten backup: %+v, %v", info, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the backup folder holds %d files, want only the backup (no temporary files)", len(entries))
	}
}

func TestCheckLibrary(t *testing.T) {
	s := smallLibrary(t)
	ctx := context.Background()
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	if err := s.Backup(ctx, good, false); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(good)

	info, err := db.CheckLibrary(ctx, good)
	want := db.LibraryInfo{Path: good, Articles: 2, Annotations: 1, Schema: db.SchemaVersion()}
	if err != nil || info != want {
		t.Errorf("CheckLibrary(good) = %+v, %v\nwant %+v", info, err, want)
	}
	if after, _ := os.ReadFile(good); !bytes.Equal(before, after) {
		t.Error("checking the file changed it")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("checking left files beside it: %d entries", len(entries))
	}
	// A library in use, with its write-ahead log, can be checked too.
	if info, err := db.CheckLibrary(ctx, s.Path()); err != nil || info.Articles != 2 {
		t.Errorf("CheckLibrary(the open library) = %+v, %v", info, err)
	}

	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	damaged := append([]byte{}, before...)
	for i := 4096 * 3; i < 4096*4 && i < len(damaged); i++ {
		damaged[i] = 0xff
	}
	foreign := filepath.Join(dir, "foreign.db")
	execOn(t, foreign, `CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)`)
	newer := write("newer.db", before)
	execOn(t, newer, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '999_future.sql', 'x')`)

	for _, c := range []struct{ name, path, err string }{
		{"missing", filepath.Join(dir, "nope.db"), "does not exist"},
		{"folder", dir, "is a folder"},
		{"text", write("notes.txt", []byte(strings.Repeat("not a database ", 100))), "not a Folio library"},
		{"empty", write("empty.db", nil), "not a Folio library"},
		{"foreign", foreign, "not a Folio library (it has no schema_migrations table)"},
		{"damaged", write("damaged.db", damaged), "damaged"},
		{"newer", newer, "newer version of Folio"},
	} {
		_, err := db.CheckLibrary(ctx, c.path)
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: CheckLibrary = %v, want an error saying %q", c.name, err, c.err)
		}
	}
	if _, err := db.CheckLibrary(ctx, newer); !errors.Is(err, db.ErrNewerLibrary) {
		t.Errorf("newer: %v, want ErrNewerLibrary", err)
	}
}

// execOn runs a statement on a database file outside any Store.
func execOn(t *testing.T, path, stmt string) {
	t.Helper()
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Exec(stmt); err != nil {
		t.Fatal(err)
	}
}
