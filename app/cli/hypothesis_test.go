package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"folio/db"
)

const hypothesisDir = "testdata/hypothesis"

// A Hypothesis export with highlights on two pages saved from the web,
// read by "folio import": each highlight attaches to the page at its
// address (spelled differently, with tracking parameters), lands on its
// passage, and brings its tags; the one whose page is not in the library is
// kept and attaches when the page is imported.
func TestImportHypothesisExport(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	pages := []string{filepath.Join(hypothesisDir, "harbour.html"), filepath.Join(hypothesisDir, "budget.html")}
	if r := folio(t, lib, append([]string{"import"}, pages...)...); r.code != 0 || strings.Count(r.stdout, "imported ") != 2 {
		t.Fatalf("import the pages (exit %d): %s%s", r.code, r.stdout, r.stderr)
	}
	export := filepath.Join(hypothesisDir, "hypothesis-export.json")
	r := folio(t, lib, "import", "--json", export)
	got := decode[[]importJSON](t, r.stdout)
	if r.code != 0 || len(got) != 1 || got[0].Status != "annotations" || got[0].Title != "3 highlights and notes attached, 0 already there" {
		t.Fatalf("import the export (exit %d): %s%s", r.code, r.stdout, r.stderr)
	}
	if len(got[0].Warnings) != 1 || !strings.Contains(got[0].Warnings[0], `"Late goal sends City into the final"`) ||
		!strings.Contains(got[0].Warnings[0], "kept") {
		t.Errorf("warnings = %q, want the missing page named and its annotation kept", got[0].Warnings)
	}

	s := openLibrary(t, lib)
	harbour, budget := articleAt(t, s, "https://news.example.org/2024/05/harbour-plan"), articleAt(t, s, "http://www.herald.example.com/city/budget-2024/")
	checkHighlights(t, s, harbour, map[string]string{
		"the work would disturb the market for at least two summers": "Two summers of disruption.",
		"no disruption… and now":                                     "", // the export's "..." is the page's "…"
	})
	checkHighlights(t, s, budget, map[string]string{"ignores the needs of rural districts": "Rural districts left out."})
	checkArticleTags(t, s, harbour, "harbour", "island politics")
	checkArticleTags(t, s, budget, "budget")
	s.Close()

	// The same export again adds nothing.
	r = folio(t, lib, "import", "--json", export)
	if got := decode[[]importJSON](t, r.stdout); r.code != 0 || got[0].Title != "0 highlights and notes attached, 3 already there" {
		t.Errorf("import the export again (exit %d): %s", r.code, r.stdout)
	}

	// The missing page arrives: its highlight attaches.
	page := filepath.Join(t.TempDir(), "final.md")
	text := "---\ntitle: Late goal sends City into the final\nurl: https://herald.example.com/sport/final\n---\n\n" +
		"A goal four minutes from time sent City into the cup final on Saturday.\n"
	if err := os.WriteFile(page, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	r = folio(t, lib, "import", page)
	if r.code != 0 || !strings.Contains(r.stdout, "1 highlights and notes kept from earlier imports found their article") {
		t.Fatalf("import the missing page (exit %d): %s%s", r.code, r.stdout, r.stderr)
	}
	s = openLibrary(t, lib)
	checkHighlights(t, s, articleAt(t, s, "https://herald.example.com/sport/final"), map[string]string{"A goal four minutes from time": ""})
	checkArticleTags(t, s, articleAt(t, s, "https://herald.example.com/sport/final"), "sport")
}

func openLibrary(t *testing.T, path string) *db.Store {
	t.Helper()
	s, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// articleAt is the id of the article stored with the address.
func articleAt(t *testing.T, s *db.Store, url string) int64 {
	t.Helper()
	var id int64
	if err := s.DB().QueryRow(`SELECT id FROM articles WHERE url = ?`, url).Scan(&id); err != nil {
		t.Fatalf("the article at %s: %v", url, err)
	}
	return id
}

// checkHighlights checks that the article has exactly these highlights
// (quote to note), each placed on its quote in the article's text.
func checkHighlights(t *testing.T, s *db.Store, id int64, want map[string]string) {
	t.Helper()
	ctx := context.Background()
	list, err := s.ArticleAnnotations(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.GetArticle(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(want) {
		t.Fatalf("article %d has %d annotations, want %d: %+v", id, len(list), len(want), list)
	}
	body := []rune(a.Body)
	for _, h := range list {
		note, ok := want[h.Exact]
		if !ok || h.Orphaned || h.Note != note || h.Kind != db.KindHighlight || string(body[h.Start:h.End]) != h.Exact {
			t.Errorf("article %d: highlight %+v, want one of %q placed on its text", id, h, want)
		}
	}
}

func checkArticleTags(t *testing.T, s *db.Store, id int64, want ...string) {
	t.Helper()
	a, err := s.GetArticle(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tag := range a.Tags {
		got = append(got, tag.Name)
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tags of article %d: %q, want %q", id, got, want)
	}
}
