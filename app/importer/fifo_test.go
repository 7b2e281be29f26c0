//go:build unix

package importer_test

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"folio/app/importer"
	"folio/db/dbtest"
)

// A named pipe waits for a writer that never comes: in a folder, behind a
// symlink or named directly, it is skipped and said so, and the import
// finishes.
func TestImportSkipsNamedPipes(t *testing.T) {
	s := dbtest.Open(t)
	dir := t.TempDir()
	write(t, dir, "news/harbour.txt", "Harbour\n\nThe harbour opens in spring.")
	for _, p := range []string{filepath.Join(dir, "news", "pipe.txt"), filepath.Join(dir, "direct.txt"), filepath.Join(dir, "target.zip")} {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skipf("cannot make a named pipe here: %v", err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "target.zip"), filepath.Join(dir, "news", "link.zip")); err != nil {
		t.Fatal(err)
	}
	done := make(chan importer.Report)
	go func() {
		exp := importer.Expand([]string{filepath.Join(dir, "news"), filepath.Join(dir, "direct.txt")})
		defer exp.Close()
		done <- importer.Run(context.Background(), s, exp.Sources, importer.Options{})
	}()
	var rep importer.Report
	select {
	case rep = <-done:
	case <-time.After(time.Minute):
		t.Fatal("the import hangs on a named pipe")
	}
	got := statuses(rep)
	for name, want := range map[string]string{"harbour.txt": "imported", "pipe.txt": "skipped", "link.zip": "skipped", "direct.txt": "skipped"} {
		if got[name] != want {
			t.Errorf("%s: %q, want %q (report %+v)", name, got[name], want, rep.Results)
		}
	}
	for _, r := range rep.Results {
		if r.Status == "skipped" && r.Error != "a named pipe (FIFO), not a regular file" {
			t.Errorf("%s is skipped saying %q", r.Path, r.Error)
		}
	}
}
