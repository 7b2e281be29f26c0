// Package dbtest opens real libraries in temporary folders for the tests of
// every package that needs one.
package dbtest

import (
	"context"
	"path/filepath"
	"testing"

	"folio/db"
)

// Open creates an empty library in a temporary folder, closed when the
// test ends.
func Open(t testing.TB) *db.Store {
	t.Helper()
	s, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
