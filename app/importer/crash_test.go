package importer_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"folio/app/importer"
	"folio/db"
	"folio/db/corpus"
)

// The child half of TestKillMidImportLosesNothing: when the environment
// says so, this "test" is a plain import that the parent kills with SIGKILL.
func TestImportChildProcess(t *testing.T) {
	lib, dir := os.Getenv("FOLIO_CHILD_DB"), os.Getenv("FOLIO_CHILD_DIR")
	if lib == "" {
		t.Skip("runs only as the child of TestKillMidImportLosesNothing")
	}
	s, err := db.Open(context.Background(), lib)
	if err != nil {
		t.Fatal(err)
	}
	exp := importer.Expand([]string{dir})
	importer.Run(context.Background(), s, exp.Sources, importer.Options{FolderTags: true, BatchSize: 50})
	t.Fatal("the import finished before it was killed")
}

func TestKillMidImportLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: imports a few thousand files")
	}
	dir := filepath.Join(t.TempDir(), "articles")
	const n = 3000
	if _, err := corpus.New(3, "").WriteFiles(dir, n); err != nil {
		t.Fatal(err)
	}
	lib := filepath.Join(t.TempDir(), "library.db")
	// Create the library first so the parent can watch it fill.
	s, err := db.Open(context.Background(), lib)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	child := exec.Command(os.Args[0], "-test.run=^TestImportChildProcess$", "-test.count=1")
	child.Env = append(os.Environ(), "FOLIO_CHILD_DB="+lib, "FOLIO_CHILD_DIR="+dir)
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	before := waitForArticles(t, s, 300)
	if err := child.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	child.Wait()
	if ws, ok := child.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the child was not killed by the signal: %v", child.ProcessState)
	}

	stored := count(t, s)
	if stored < before || stored >= n {
		t.Fatalf("after the kill %d articles are stored; want between %d and %d", stored, before, n-1)
	}
	checkWhole(t, s)

	// Running the same import again completes it.
	rep := importer.Run(context.Background(), s, importer.Expand([]string{dir}).Sources, importer.Options{FolderTags: true})
	if rep.Failed != 0 || rep.Imported+rep.Duplicates != n || rep.Duplicates != stored {
		t.Errorf("second run: %+v; want %d duplicates and %d imported", rep.Counts, stored, n-stored)
	}
	if got := count(t, s); got != n {
		t.Errorf("%d articles after the second run, want %d", got, n)
	}
	checkWhole(t, s)
}

// waitForArticles polls until at least min articles are committed.
func waitForArticles(t *testing.T, s *db.Store, min int) int {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if c := count(t, s); c >= min {
			return c
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the child did not store %d articles in time", min)
	return 0
}

func count(t *testing.T, s *db.Store) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// checkWhole asserts the library is sound and no article is half there:
// integrity_check passes, the full-text index matches the table, and every
// article has its body and the folder tag written in the same transaction.
func checkWhole(t *testing.T, s *db.Store) {
	t.Helper()
	if err := s.IntegrityCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Fatalf("the full-text index does not match the articles: %v", err)
	}
	var half int
	err := s.DB().QueryRow(`SELECT count(*) FROM articles a
		WHERE a.body = '' OR NOT EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id)`).Scan(&half)
	if err != nil {
		t.Fatal(err)
	}
	if half != 0 {
		t.Errorf("%d articles are half imported (no body or no tag)", half)
	}
}
