package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestWindowPathsReadsASecondLaunch(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"a.txt", "news/"}, []string{"a.txt", "news/"}},
		{[]string{"--db", "/x/lib.db", "a.txt"}, []string{"a.txt"}},
		{[]string{"a.txt", "--db=/x/lib.db", "b.md"}, []string{"a.txt", "b.md"}},
		{[]string{"--db", "/x/lib.db"}, nil},
		{[]string{"--", "-odd-name.txt"}, []string{"-odd-name.txt"}},
		{[]string{"--nope"}, nil},
		{nil, nil},
	} {
		if got := windowPaths(c.args); !slices.Equal(got, c.want) {
			t.Errorf("windowPaths(%q) = %q, want %q", c.args, got, c.want)
		}
	}
}

func TestExistingPaths(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	os.WriteFile(file, []byte("A\n\nBody."), 0o644)
	got, err := existingPaths([]string{file, dir})
	if err != nil || !slices.Equal(got, []string{file, dir}) {
		t.Errorf("existingPaths = %q, %v", got, err)
	}
	if _, err := existingPaths([]string{file, filepath.Join(dir, "missing.txt")}); err == nil ||
		!strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("a missing file gave %v, want an error naming it", err)
	}
}

func TestFileArgumentOpensTheWindow(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	// A test binary is built without the desktop tag: reaching the window
	// shows as its refusal, where an unknown command would be a usage error.
	r := folio(t, lib, seedFixture)
	if r.code != 2 || !strings.Contains(r.stderr, "no window") {
		t.Errorf("folio FILE: exit %d, stderr %q; want the window's path", r.code, r.stderr)
	}
	r = folio(t, lib, "--db", lib, filepath.Join(t.TempDir(), "missing.txt"))
	if r.code != 2 || !strings.Contains(r.stderr, "no such file or folder") {
		t.Errorf("folio --db LIB MISSING: exit %d, stderr %q", r.code, r.stderr)
	}
	r = folio(t, lib, "no-such-command-or-file")
	if r.code != 2 || !strings.Contains(r.stderr, "unknown command") {
		t.Errorf("folio NONSENSE: exit %d, stderr %q", r.code, r.stderr)
	}
}
