package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

type relatedHit struct {
	ID     int64    `json:"id"`
	Title  string   `json:"title"`
	Score  float64  `json:"score"`
	Shared []string `json:"shared"`
}

func TestRelatedJSON(t *testing.T) {
	lib := searchLibrary(t)
	r := folio(t, lib, "search", "--json", "title:oil")
	oil := decode[[]searchHit](t, r.stdout)
	if len(oil) != 1 {
		t.Fatalf("oil article not found: %s", r.stdout)
	}
	r = folio(t, lib, "related", "--json", "--limit", "1", strconv.FormatInt(oil[0].ID, 10))
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	hits := decode[[]relatedHit](t, r.stdout)
	if len(hits) != 1 || hits[0].Title != "Time Warner profit jumps" || !slices.Contains(hits[0].Shared, "profits") {
		t.Errorf("related to the oil article: %s, want the profit article sharing \"profits\"", r.stdout)
	}
	r = folio(t, lib, "related", strconv.FormatInt(oil[0].ID, 10))
	if r.code != 0 || !strings.Contains(r.stdout, "Time Warner profit jumps") || !strings.Contains(r.stdout, "shares: profits") {
		t.Errorf("exit %d, text output %q", r.code, r.stdout)
	}
}

func TestRelatedBadInput(t *testing.T) {
	lib := searchLibrary(t)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"related"}, exitUsage, "give exactly one article ID"},
		{[]string{"related", "abc"}, exitUsage, "not an article ID"},
		{[]string{"related", "--limit", "0", "1"}, exitUsage, "--limit must be between"},
		{[]string{"related", "999"}, exitFailed, "there is no article 999"},
	} {
		r := folio(t, lib, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, r.code, r.stderr, tc.code, tc.want)
		}
	}
}

// An article nothing else resembles has no related articles: that is what
// folio related says, not that the library is empty.
func TestRelatedNoneShared(t *testing.T) {
	lib := searchLibrary(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "alone.txt")
	text := "Zebras tune accordions\n\nQuantum zebras tuned accordions beside glaciers."
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := folio(t, lib, "import", path); r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	r := folio(t, lib, "search", "--json", "title:zebras")
	hits := decode[[]searchHit](t, r.stdout)
	if len(hits) != 1 {
		t.Fatalf("zebra article not found: %s", r.stdout)
	}
	id := strconv.FormatInt(hits[0].ID, 10)
	r = folio(t, lib, "related", id)
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "No related articles") ||
		strings.Contains(r.stderr, "empty") {
		t.Errorf("related of an article alone: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if r = folio(t, lib, "related", "--json", id); r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("related --json of an article alone: exit %d, %q", r.code, r.stdout)
	}
}
