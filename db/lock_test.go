package db_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"folio/db"
)

// Each open records itself in the lock file; one that finds itself alone
// drops the records of those gone, so the file does not grow for ever.
func TestLockFileKeepsOnlyHolders(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	for i := 0; i < 5; i++ {
		s, err := db.Open(context.Background(), lib)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	a, err := db.Open(context.Background(), lib)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := db.Open(context.Background(), lib)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(lib + ".lock")
	if n := strings.Count(string(data), "\n"); n != 2 {
		t.Errorf("the lock file holds %d records with two holders:\n%s", n, data)
	}
	// While b has the library open, a cannot have it alone.
	if err := a.Exclusive(); !errors.Is(err, db.ErrLibraryInUse) {
		t.Errorf("Exclusive with another holder: %v", err)
	}
	b.Close()
	if err := a.Exclusive(); err != nil {
		t.Errorf("Exclusive once alone: %v", err)
	}
}
