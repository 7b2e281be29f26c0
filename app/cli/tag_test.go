package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tagLibrary imports three articles and returns the library's path.
func tagLibrary(t *testing.T) string {
	return libraryOf(t, map[string]string{
		"a.txt": "Diesel from Belarus\n\nBelarus supplied diesel to Russia.",
		"b.txt": "Petrol prices\n\nPetrol and diesel cost more this week.",
		"c.txt": "Ferry to Gozo\n\nThe new ferry starts in spring.",
	})
}

// libraryOf imports files of the given names and texts with folio import
// and returns the library's path.
func libraryOf(t *testing.T, files map[string]string) string {
	t.Helper()
	lib := filepath.Join(t.TempDir(), "library.db")
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if r := folio(t, lib, "import", dir); r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	return lib
}

type tagOut struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
	Color string `json:"color"`
}

func TestTagAddRemoveAndList(t *testing.T) {
	lib := tagLibrary(t)
	r := folio(t, lib, "tag", "add", "Energy / fuel", "diesel")
	if r.code != 0 || !strings.Contains(r.stdout, "Tagged 2 articles") {
		t.Fatalf("tag add: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// Flags after the arguments; several words are one query.
	r = folio(t, lib, "tag", "add", "transport", "ferry", "OR", "petrol", "--db", lib)
	if r.code != 0 || !strings.Contains(r.stdout, "Tagged 2 articles") {
		t.Fatalf("tag add with a query of several words: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// Words side by side: only the articles with all of them, not the
	// partial matches a ranked search lists after them.
	r = folio(t, lib, "tag", "add", "belarusian-diesel", "belarus", "diesel")
	if r.code != 0 || !strings.Contains(r.stdout, "Tagged 1 article") {
		t.Fatalf("tag add with two words: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = folio(t, lib, "tag", "add", "energy/fuel", "petrol")
	if r.code != 0 || !strings.Contains(r.stdout, "Tagged 0 articles") {
		t.Errorf("tagging again: exit %d, %s", r.code, r.stdout)
	}
	r = folio(t, lib, "tags", "--json")
	got := decode[[]tagOut](t, r.stdout)
	if r.code != 0 || len(got) != 3 || got[0] != (tagOut{"belarusian-diesel", 1, ""}) || got[1] != (tagOut{"Energy/fuel", 2, ""}) || got[2] != (tagOut{"transport", 2, ""}) {
		t.Errorf("tags --json: exit %d\n%s", r.code, r.stdout)
	}
	if !strings.Contains(r.stdout, `"name": "Energy/fuel"`) || !strings.Contains(r.stdout, `"count": 2`) {
		t.Errorf("tags --json does not use the names name, count, color:\n%s", r.stdout)
	}

	r = folio(t, lib, "tag", "remove", "energy/FUEL", "belarus")
	if r.code != 0 || !strings.Contains(r.stdout, "from 1 article.") {
		t.Errorf("tag remove: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = folio(t, lib, "tags")
	if r.code != 0 || !strings.Contains(r.stdout, "1  Energy/fuel") || !strings.Contains(r.stdout, "2  transport") {
		t.Errorf("tags: exit %d\n%s", r.code, r.stdout)
	}
	r = folio(t, lib, "tag", "add", "energy", "nothingmatchesthis")
	if r.code != 0 || !strings.Contains(r.stdout, "No article matches") {
		t.Errorf("a search that finds nothing: exit %d %s", r.code, r.stdout)
	}
	r = folio(t, lib, "tag", "remove", "nosuchtag", "diesel")
	if r.code != 1 || !strings.Contains(r.stderr, `no tag "nosuchtag"`) {
		t.Errorf("removing a tag that does not exist: exit %d %s", r.code, r.stderr)
	}
}

func TestTagsOfAnEmptyLibrary(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	r := folio(t, lib, "tags", "--json")
	if r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("tags --json of an empty library: exit %d %q", r.code, r.stdout)
	}
	r = folio(t, lib, "tags")
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "no tags yet") {
		t.Errorf("tags of an empty library: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
}

func TestTagUsageErrors(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	for _, args := range [][]string{
		{"tag"},
		{"tag", "add", "energy"},
		{"tag", "paint", "energy", "diesel"},
		{"tag", "add", " / ", "diesel"},
		{"tag", "add", "energy", " "},
		{"tag", "add", "energy", "diesel", "--nope"},
		{"tags", "extra"},
	} {
		if r := folio(t, lib, args...); r.code != 2 || r.stderr == "" {
			t.Errorf("folio %q: exit %d, stderr %q; want 2 with a message", args, r.code, r.stderr)
		}
	}
}
