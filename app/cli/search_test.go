package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"folio/db"
)

type searchHit struct {
	ID        int64    `json:"id"`
	Title     string   `json:"title"`
	Published *string  `json:"published"`
	Path      string   `json:"path"`
	Source    string   `json:"source"`
	Tags      []string `json:"tags"`
	Snippet   string   `json:"snippet"`
	Score     float64  `json:"score"`
	Versions  int      `json:"versions"`
}

// searchLibrary imports a few title-first articles, tagged by folder.
func searchLibrary(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"tech/phones.txt":     "Mobile phone sales rise\n\nSales of mobile phones rose again as buyers upgraded their handsets.",
		"tech/broadband.txt":  "Broadband reaches villages\n\nRural broadband arrived; a mobile phone signal is still patchy.",
		"business/media.txt":  "Time Warner profit jumps\n\nQuarterly profit at the media giant Time Warner rose 76%.",
		"business/energy.txt": "Oil prices fall\n\nOil prices fell as supplies grew; analysts said profits would shrink.",
	}
	for name, text := range files {
		path := filepath.Join(dir, "news", name)
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lib := filepath.Join(t.TempDir(), "library.db")
	if r := folio(t, lib, "import", "--folder-tags", filepath.Join(dir, "news")); r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	return lib
}

func TestSearchJSON(t *testing.T) {
	lib := searchLibrary(t)
	r := folio(t, lib, "search", "--json", "Time", "Warner", "profit")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	hits := decode[[]searchHit](t, r.stdout)
	if len(hits) == 0 || hits[0].Title != "Time Warner profit jumps" || hits[0].Published != nil ||
		!strings.HasSuffix(hits[0].Path, "media.txt") || hits[0].Score <= 0 {
		t.Fatalf("hits = %s", r.stdout)
	}
	if !strings.Contains(hits[0].Snippet, "[Time] [Warner]") || !strings.Contains(hits[0].Snippet, "[profit]") {
		t.Errorf("snippet %q does not mark the words", hits[0].Snippet)
	}
	if len(hits[0].Tags) != 1 || !strings.HasSuffix(hits[0].Tags[0], "business") {
		t.Errorf("tags = %v", hits[0].Tags)
	}
}

func TestSearchFlagsAnywhereAndNegation(t *testing.T) {
	lib := searchLibrary(t)
	// Flags after the words; "-broadband" is a word, not a flag.
	r := folio(t, lib, "search", `"mobile phone"`, "-broadband", "--json", "--sort", "newest")
	hits := decode[[]searchHit](t, r.stdout)
	if r.code != 0 || len(hits) != 1 || hits[0].Title != "Mobile phone sales rise" {
		t.Fatalf("exit %d, hits %s", r.code, r.stdout)
	}
	r = folio(t, lib, "search", "--json", "tag:news/tech")
	if hits := decode[[]searchHit](t, r.stdout); len(hits) != 2 {
		t.Errorf("tag:news/tech found %d, want 2: %s", len(hits), r.stdout)
	}
	r = folio(t, lib, "search", "--json", "tag:news", "--limit", "3")
	if hits := decode[[]searchHit](t, r.stdout); len(hits) != 3 || !strings.Contains(r.stderr, "3 of 4") {
		t.Errorf("--limit 3 showed %d, stderr %q", len(hits), r.stderr)
	}
	r = folio(t, lib, "search", "--json", "--", "-oil")
	if hits := decode[[]searchHit](t, r.stdout); len(hits) != 3 {
		t.Errorf("after --, -oil found %d, want 3", len(hits))
	}
}

func TestSearchTextOutputAndNothingFound(t *testing.T) {
	lib := searchLibrary(t)
	r := folio(t, lib, "search", "supplied")
	if r.code != 0 || !strings.Contains(r.stdout, "Oil prices fall") || !strings.Contains(r.stdout, "[supplies]") {
		t.Errorf("text output (exit %d):\n%s", r.code, r.stdout)
	}
	r = folio(t, lib, "search", "oil", "tag:news/tech")
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "Without oil: 2 found") {
		t.Errorf("nothing found: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	r = folio(t, lib, "search", "--json", "!!!")
	if r.code != 0 || strings.TrimSpace(r.stdout) != "[]" || !strings.Contains(r.stderr, "Type words") {
		t.Errorf("punctuation: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestSearchUsageErrors(t *testing.T) {
	lib := searchLibrary(t)
	for _, args := range [][]string{
		{"search"},
		{"search", "  "},
		{"search", "--json"},
		{"search", "--nope", "oil"},
		{"search", "oil", "--sort", "sideways"},
		{"search", "oil", "--limit", "-2"},
		{"search", "oil", "--limit"},
	} {
		if r := folio(t, lib, args...); r.code != 2 || r.stderr == "" {
			t.Errorf("folio %q: exit %d, stderr %q; want 2 with a message", args, r.code, r.stderr)
		}
	}
}

// A story's versions are one hit, with their count, as in the list.
func TestSearchShowsAStoryOnce(t *testing.T) {
	body := "The harbour authority confirmed on Tuesday that the northern ferry terminal will close for " +
		"six weeks of repairs to its loading ramps, which were damaged in the January storms.\n\n" +
		"Passengers travelling to the island will be directed to the southern quay, where extra staff and " +
		"a temporary waiting hall are being set up before the Easter holidays begin."
	dir := t.TempDir()
	first := filepath.Join(dir, "first.txt")
	second := filepath.Join(dir, "second.txt")
	os.WriteFile(first, []byte("Ferry terminal to close\n\n"+body), 0o644)
	os.WriteFile(second, []byte("Ferry terminal to close\n\n"+strings.Replace(body, "six", "seven", 1)+
		"\n\nUpdate: the terminal should reopen on 12 May."), 0o644)
	lib := filepath.Join(t.TempDir(), "library.db")
	if r := folio(t, lib, "import", first); r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	if r := folio(t, lib, "import", second); r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	r := folio(t, lib, "search", "--json", "ferry terminal")
	hits := decode[[]searchHit](t, r.stdout)
	if len(hits) != 1 || hits[0].Versions != 2 {
		t.Fatalf("search --json: %s; want one hit with versions 2", r.stdout)
	}
	r = folio(t, lib, "search", "ferry terminal")
	if r.code != 0 || strings.Count(r.stdout, "Ferry terminal to close") != 1 || !strings.Contains(r.stdout, "(2 versions)") {
		t.Errorf("search: exit %d, %q; want the story once with \"(2 versions)\"", r.code, r.stdout)
	}
}

// folio import groups the articles stored before versions were found with
// the copies it imports.
func TestImportGroupsOlderArticles(t *testing.T) {
	dir := t.TempDir()
	body := "The harbour authority confirmed on Tuesday that the northern ferry terminal will close for " +
		"six weeks of repairs to its loading ramps, which were damaged in the January storms.\n\n" +
		"Passengers travelling to the island will be directed to the southern quay, where extra staff and " +
		"a temporary waiting hall are being set up before the Easter holidays begin."
	first := filepath.Join(dir, "first.txt")
	second := filepath.Join(dir, "second.txt")
	os.WriteFile(first, []byte("Ferry terminal to close\n\n"+body), 0o644)
	os.WriteFile(second, []byte("Ferry terminal to close\n\n"+body+"\n\nUpdate: it reopens on 12 May."), 0o644)
	lib := filepath.Join(t.TempDir(), "library.db")
	if r := folio(t, lib, "import", first); r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	// As an older Folio left it: no signature, the range still to sign.
	store, err := db.Open(context.Background(), lib)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{`DELETE FROM article_signatures`, `DELETE FROM signature_bands`,
		`UPDATE versions_backfill SET next_id = 1, end_id = (SELECT max(id) FROM articles)`} {
		if _, err := store.DB().Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	store.Close()
	r := folio(t, lib, "import", second)
	if r.code != 0 || !strings.Contains(r.stderr, "Finding the versions of 1 older article…") {
		t.Fatalf("import: exit %d: %q", r.code, r.stderr)
	}
	r = folio(t, lib, "search", "--json", "ferry terminal")
	if hits := decode[[]searchHit](t, r.stdout); len(hits) != 1 || hits[0].Versions != 2 {
		t.Errorf("after importing a copy of an older article: %s; want one hit with versions 2", r.stdout)
	}
	if r = folio(t, lib, "import", second); strings.Contains(r.stderr, "Finding the versions") {
		t.Errorf("a second import signs again: %q", r.stderr)
	}
}
