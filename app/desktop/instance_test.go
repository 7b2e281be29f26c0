package desktop

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

func TestInstanceIDPerLibrary(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.db")
	b := filepath.Join(dir, "b.db")
	if InstanceID(a) == InstanceID(b) {
		t.Error("two libraries share one instance lock")
	}
	if InstanceID(a) != InstanceID(filepath.Join(dir, ".", "x", "..", "a.db")) {
		t.Error("the same library spelled differently gets another lock")
	}
	// Wails makes a D-Bus name of the ID: letters, digits and underscores,
	// not starting with a digit.
	valid := regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)
	if id := InstanceID(a); !valid.MatchString(id) {
		t.Errorf("InstanceID = %q, not usable in a D-Bus name", id)
	}
}

func TestInstanceIDFollowsSymlinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	os.Mkdir(real, 0o755)
	os.WriteFile(filepath.Join(real, "library.db"), nil, 0o644)
	link := filepath.Join(dir, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if InstanceID(filepath.Join(real, "library.db")) != InstanceID(filepath.Join(link, "library.db")) {
		t.Error("a library reached through a symlink gets another lock")
	}
}

func TestInstanceIDOfRelativePath(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if InstanceID("lib.db") != InstanceID(filepath.Join(wd, "lib.db")) {
		t.Error("a relative library path is not made absolute")
	}
}

func TestResolvePaths(t *testing.T) {
	got := ResolvePaths([]string{"a.txt", "/abs/b.md", "", "sub/../c.zip", "./d"}, "/home/ann/news")
	want := []string{"/home/ann/news/a.txt", "/abs/b.md", "/home/ann/news/c.zip", "/home/ann/news/d"}
	if len(got) != len(want) {
		t.Fatalf("ResolvePaths = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("path %d = %q, want %q", i, got[i], want[i])
		}
	}
	if got := ResolvePaths(nil, "/x"); len(got) != 0 {
		t.Errorf("no paths gave %q", got)
	}
}
