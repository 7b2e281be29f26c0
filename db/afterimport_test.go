package db_test

import (
	"context"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"testing"

	"folio/db"
	"folio/db/dbtest"
)

// segments reads the number of segments of the articles' full-text index
// from FTS5's structure record: a 4-byte cookie, then varints for the number
// of levels and the number of segments.
func segments(t *testing.T, s *db.Store) int {
	t.Helper()
	var blob []byte
	if err := s.DB().QueryRow(`SELECT block FROM articles_fts_data WHERE id = 10`).Scan(&blob); err != nil {
		t.Fatal(err)
	}
	rest := blob[4:]
	_, n := binary.Uvarint(rest)
	count, _ := binary.Uvarint(rest[n:])
	return int(count)
}

func TestAfterImportMergesTheIndexOfALargeImport(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	for b := 0; b < 12; b++ {
		var batch []db.NewArticle
		for i := 0; i < 50; i++ {
			n := b*50 + i
			batch = append(batch, db.NewArticle{Title: fmt.Sprintf("Article %d", n), Body: fmt.Sprintf("Body of article %d about harbours.", n)})
		}
		if _, err := s.ImportArticles(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	before := segments(t, s)
	if before < 2 {
		t.Fatalf("twelve transactions left %d segments; the test needs several", before)
	}
	if err := s.AfterImport(ctx, 40); err != nil {
		t.Fatal(err)
	}
	if got := segments(t, s); got != before {
		t.Errorf("a small import changed the index: %d segments, was %d", got, before)
	}
	if err := s.AfterImport(ctx, 600); err != nil {
		t.Fatal(err)
	}
	if got := segments(t, s); got != 1 {
		t.Errorf("after a large import the index has %d segments, want 1", got)
	}
	checkIndexMatchesTable(t, s)
}

func automerge(t *testing.T, s *db.Store) string {
	t.Helper()
	var v string
	err := s.DB().QueryRow(`SELECT coalesce((SELECT v FROM articles_fts_config WHERE k = 'automerge'), 'default')`).Scan(&v)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestALargeImportPausesMergingAndEndsWithOneMerge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	ctx := context.Background()
	s, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.BeforeImport(ctx, 10); err != nil || automerge(t, s) != "default" {
		t.Fatalf("a small import paused merging: %v %s", err, automerge(t, s))
	}
	if err := s.BeforeImport(ctx, 5000); err != nil || automerge(t, s) != "0" {
		t.Fatalf("a large import did not pause merging: %v %s", err, automerge(t, s))
	}
	importOne(t, s, db.NewArticle{Title: "One", Body: "A body."})
	importOne(t, s, db.NewArticle{Title: "Two", Body: "Another body."})
	if err := s.AfterImport(ctx, 2); err != nil {
		t.Fatal(err)
	}
	if got := automerge(t, s); got != "4" {
		t.Errorf("after the import automerge is %s, want 4", got)
	}
	if got := segments(t, s); got != 1 {
		t.Errorf("a paused import was not merged: %d segments", got)
	}

	// Killed while paused: the next open resumes merging.
	if err := s.BeforeImport(ctx, 5000); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := automerge(t, s); got != "4" {
		t.Errorf("after reopening automerge is %s, want 4", got)
	}
	checkIndexMatchesTable(t, s)
}
