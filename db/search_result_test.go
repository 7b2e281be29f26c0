package db_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"folio/db"
	"folio/db/dbtest"
)

func search(t *testing.T, s *db.Store, r db.SearchRequest) db.SearchResult {
	t.Helper()
	res, err := s.Search(context.Background(), r)
	if err != nil {
		t.Fatalf("search %q: %v", r.Query, err)
	}
	return res
}

func hitIDs(res db.SearchResult) []int64 {
	ids := []int64{}
	for _, h := range res.Hits {
		ids = append(ids, h.Article.ID)
	}
	return ids
}

// A title match helps an article: of articles that are otherwise alike,
// the one with the word in its title ranks first.
func TestSearchATitleMatchHelps(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	var batch []db.NewArticle
	for i := range 30 {
		batch = append(batch, db.NewArticle{Title: fmt.Sprintf("Report %d", i), Path: fmt.Sprintf("/r%d", i),
			Body: fmt.Sprintf("Item %d of the day. The harbour authority met; harbour fees rise.", i)})
	}
	batch = append(batch, db.NewArticle{Title: "Harbour works begin", Path: "/h", Body: "Cranes arrived on Monday at the quay."})
	out, err := s.ImportArticles(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	res := search(t, s, db.SearchRequest{Query: "harbour"})
	if res.Total != 31 || res.Hits[0].Article.ID != out[30].ID {
		t.Fatalf("total %d, first %q; want the title match first", res.Total, res.Hits[0].Article.Title)
	}
	for i := 1; i < len(res.Hits); i++ {
		if res.Hits[i].Score > res.Hits[i-1].Score {
			t.Fatalf("scores not descending at %d: %v > %v", i, res.Hits[i].Score, res.Hits[i-1].Score)
		}
	}
	if res.Hits[0].Score <= 0 {
		t.Errorf("score %v, want higher-is-better positive", res.Hits[0].Score)
	}
	// Pages follow on without overlap.
	first := search(t, s, db.SearchRequest{Query: "harbour", Limit: 10})
	second := search(t, s, db.SearchRequest{Query: "harbour", Limit: 10, Offset: 10})
	all := append(hitIDs(first), hitIDs(second)...)
	if !slices.Equal(all, hitIDs(res)[:20]) || second.Offset != 10 {
		t.Errorf("pages %v + %v differ from %v", hitIDs(first), hitIDs(second), hitIDs(res)[:20])
	}
}

func TestSearchSortsAndSnippets(t *testing.T) {
	s, ids := searchLibrary(t)
	res := search(t, s, db.SearchRequest{Query: "diesel OR ferry OR embargo", Sort: db.SortNewest})
	if got := ids.keys(hitIDs(res)); !slices.Equal(got, []string{"diesel", "ferry", "embargo", "undated"}) {
		t.Errorf("newest: %v", got)
	}
	res = search(t, s, db.SearchRequest{Query: "diesel OR ferry OR embargo", Sort: db.SortOldest})
	if got := ids.keys(hitIDs(res)); !slices.Equal(got, []string{"embargo", "ferry", "diesel", "undated"}) {
		t.Errorf("oldest (undated last): %v", got)
	}
	res = search(t, s, db.SearchRequest{Query: "diesel OR ferry OR embargo", Sort: db.SortTitle})
	if got := ids.keys(hitIDs(res)); !slices.Equal(got, []string{"diesel", "ferry", "undated", "embargo"}) {
		t.Errorf("title: %v", got)
	}
	if res.Hits[0].Score != 0 {
		t.Errorf("score when not ranked: %v", res.Hits[0].Score)
	}
	res = search(t, s, db.SearchRequest{Query: "supply"})
	for _, h := range res.Hits {
		if !strings.Contains(h.Snippet, db.MarkStart+"supplied"+db.MarkEnd) && !strings.Contains(h.Snippet, db.MarkStart+"supply"+db.MarkEnd) {
			t.Errorf("snippet of %q does not mark the stemmed word: %q", h.Article.Title, h.Snippet)
		}
	}
	if res.Sort != db.SortRelevance {
		t.Errorf("a search with words is ranked; result says %q", res.Sort)
	}
	res = search(t, s, db.SearchRequest{Query: "tag:transport"})
	if res.Sort != db.SortNewest {
		t.Errorf("a search without words lists newest first; result says %q", res.Sort)
	}
	if len(res.Hits) != 1 || res.Hits[0].Snippet != "The new ferry starts in spring. Café owners in Victoria expect more visitors." {
		t.Errorf("a search without words shows the opening: %+v", res.Hits)
	}
	if _, err := s.Search(context.Background(), db.SearchRequest{Query: "x", Sort: "sideways"}); err == nil {
		t.Error("an unknown order is accepted")
	}
}

func TestParseSorts(t *testing.T) {
	for name, want := range map[string]db.Sort{"": db.SortNewest, "oldest": db.SortOldest, "imported": db.SortImported,
		"title": db.SortTitle, "relevance": "", "sideways": ""} {
		got, err := db.ParseListSort(name)
		if got != want || (err != nil) != (want == "") {
			t.Errorf("ParseListSort(%q) = %q, %v", name, got, err)
		}
	}
	for name, want := range map[string]db.Sort{"": db.SortRelevance, "newest": db.SortNewest, "title": db.SortTitle,
		"imported": "", "sideways": ""} {
		got, err := db.ParseSearchSort(name)
		if got != want || (err != nil) != (want == "") {
			t.Errorf("ParseSearchSort(%q) = %q, %v", name, got, err)
		}
	}
}

func TestSearchFacetsCountEveryMatch(t *testing.T) {
	s, _ := searchLibrary(t)
	res := search(t, s, db.SearchRequest{Query: "", Limit: 1})
	if res.Total != 6 || len(res.Hits) != 1 {
		t.Fatalf("total %d, %d hits", res.Total, len(res.Hits))
	}
	want := db.Facets{
		Tags: []db.FacetCount{{"energy", 2}, {"Middle East", 1}, {"region/asia", 1}, {"region/russia", 1},
			{"sport", 1}, {"transport", 1}},
		Years:   []db.FacetCount{{"2023", 3}, {"2022", 1}, {"2021", 1}, {db.NoDate, 1}},
		Sources: []db.FacetCount{{"Reuters", 2}, {"Associated Press", 1}, {"BBC Sport", 1}, {"Times of Malta", 1}},
		// The names' facets are tested in names_test.go.
		People: res.Facets.People, Orgs: res.Facets.Orgs, Places: res.Facets.Places,
	}
	if fmt.Sprint(res.Facets) != fmt.Sprint(want) {
		t.Errorf("facets\n got %v\nwant %v", res.Facets, want)
	}
	res = search(t, s, db.SearchRequest{Query: "diesel"})
	if fmt.Sprint(res.Facets.Years) != fmt.Sprint([]db.FacetCount{{"2023", 1}, {db.NoDate, 1}}) {
		t.Errorf("the trashed article is counted: %v", res.Facets.Years)
	}
}

func TestSearchMessageAndSuggestion(t *testing.T) {
	s, _ := searchLibrary(t)
	res := search(t, s, db.SearchRequest{Query: "?!… ---"})
	if res.Message == "" || res.Total != 0 || res.Hits == nil {
		t.Errorf("punctuation: %+v", res)
	}
	res = search(t, s, db.SearchRequest{Query: "ferry tag:energy date:2023"})
	if res.Total != 0 || res.Suggestion == nil {
		t.Fatalf("want no hits and a suggestion: %+v", res)
	}
	if *res.Suggestion != (db.Suggestion{Drop: "ferry", Query: "tag:energy date:2023", Total: 1}) {
		t.Errorf("suggestion %+v", *res.Suggestion)
	}
	if res := search(t, s, db.SearchRequest{Query: "zeppelin"}); res.Suggestion != nil {
		t.Errorf("a single word has nothing to drop: %+v", res.Suggestion)
	}
}

func TestSearchInNotes(t *testing.T) {
	s, ids := searchLibrary(t)
	res := search(t, s, db.SearchRequest{Query: "in:notes broker"})
	if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].Note == nil {
		t.Fatalf("in:notes broker: %+v", res)
	}
	h := res.Hits[0]
	if h.Article.ID != ids["korea"] || h.Note.Kind != "highlight" || h.Note.Exact != "supplied diesel" ||
		!strings.Contains(h.Note.Snippet, db.MarkStart+"broker"+db.MarkEnd) || h.Snippet != h.Note.Snippet {
		t.Errorf("hit %+v note %+v", h, *h.Note)
	}
	res = search(t, s, db.SearchRequest{Query: "in:notes"})
	if res.Total != 3 {
		t.Errorf("in:notes alone: %d, want every note and highlight (3)", res.Total)
	}
	res = search(t, s, db.SearchRequest{Query: "in:notes cooperation -tag:energy"})
	if res.Total != 0 {
		t.Errorf("filters apply to the note's article: %+v", res.Hits)
	}
}

func TestMatchRanges(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	id := importOne(t, s, db.NewArticle{Title: "Diesel supplies to Russia", Path: "/d",
		Body: "Café owners said Minsk supplied diesel.\n\nThe three-way cooperation — diesel again."})
	r, err := s.MatchRanges(ctx, id, `supply diesel "three-way cooperation" -minsk tag:x cafe`)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.GetArticle(ctx, id)
	text := func(s string, rs []db.Range) []string {
		runes := []rune(s)
		out := []string{}
		for _, r := range rs {
			out = append(out, string(runes[r.Start:r.End]))
		}
		return out
	}
	if got := text(a.Title, r.Title); !slices.Equal(got, []string{"Diesel", "supplies"}) {
		t.Errorf("title ranges %v → %q", r.Title, got)
	}
	if got := text(a.Body, r.Body); !slices.Equal(got, []string{"Café", "supplied", "diesel", "three-way cooperation", "diesel"}) {
		t.Errorf("body ranges %v → %q", r.Body, got)
	}
	if r, err := s.MatchRanges(ctx, id, "zeppelin"); err != nil || len(r.Body) != 0 || r.Title == nil {
		t.Errorf("no match: %+v, %v", r, err)
	}
	if _, err := s.MatchRanges(ctx, 999, "diesel"); !errors.Is(err, db.ErrNotFound) {
		t.Errorf("missing article: %v", err)
	}
}

func TestSearchSeesChangesFromAnyConnection(t *testing.T) {
	s, ids := searchLibrary(t)
	ctx := context.Background()
	count := func(q string) int {
		t.Helper()
		return search(t, s, db.SearchRequest{Query: q}).Total
	}
	if n := count("is:starred"); n != 1 {
		t.Fatalf("starred %d", n)
	}
	changes := []struct {
		sql   string
		query string
		want  int
	}{
		{`UPDATE articles SET starred = 1 WHERE id = ` + fmt.Sprint(ids["sport"]), "is:starred", 2},
		{`UPDATE articles SET deleted_at = 'x' WHERE id = ` + fmt.Sprint(ids["embargo"]), "is:starred", 1},
		{`UPDATE articles SET published = '2020-01-01' WHERE id = ` + fmt.Sprint(ids["undated"]), "date:2020", 1},
		{`UPDATE tags SET name = 'Power', name_key = 'power' WHERE name_key = 'energy'`, "tag:power", 1},
		{`DELETE FROM article_tags WHERE article_id = ` + fmt.Sprint(ids["sport"]), "tag:sport", 0},
		{`INSERT INTO annotations (article_id, kind, note, created_at, updated_at) VALUES (` +
			fmt.Sprint(ids["sport"]) + `, 'note', 'A note', 'x', 'x')`, "has:notes", 3},
		{`UPDATE articles SET body = 'zeppelin' WHERE id = ` + fmt.Sprint(ids["ferry"]), "zeppelin", 1},
	}
	for _, c := range changes {
		count(c.query) // the result is cached now
		if _, err := s.DB().ExecContext(ctx, c.sql); err != nil {
			t.Fatal(err)
		}
		if n := count(c.query); n != c.want {
			t.Errorf("after %s: %q finds %d, want %d", c.sql, c.query, n, c.want)
		}
	}
}

func TestSearchWhileWriting(t *testing.T) {
	s, ids := searchLibrary(t)
	ctx := context.Background()
	done := make(chan error, 5)
	for g := range 4 {
		go func() {
			for i := range 20 {
				q := []string{"diesel", "is:starred", "tag:energy oil", "-ukraine", "in:notes broker"}[(g+i)%5]
				if _, err := s.Search(ctx, db.SearchRequest{Query: q, Sort: []db.Sort{"", db.SortTitle}[i%2]}); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	go func() {
		for i := range 20 {
			if _, err := s.DB().ExecContext(ctx, `UPDATE articles SET starred = ? WHERE id = ?`, i%2, ids["sport"]); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for range 5 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if n := search(t, s, db.SearchRequest{Query: "is:starred"}).Total; n != 2 {
		t.Errorf("after the writes, %d starred, want 2", n)
	}
}

// A title match does not leapfrog a better article: one that is about the
// word (short, and full of it) ranks above a long one that only has it in
// its title, and one with every word typed above one with some.
func TestSearchTitleIsNoTier(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	filler := strings.Repeat("The council met and talked about the weather and the roads. ", 10)
	out, err := s.ImportArticles(ctx, []db.NewArticle{
		{Title: "Harbour", Path: "/t", Body: filler},
		{Title: "Weekly report", Path: "/b", Body: "Harbour news: the harbour, the harbour fees, the harbour master, harbour boats."},
		{Title: "Notes", Path: "/n", Body: "A quiet week. " + filler},
	})
	if err != nil {
		t.Fatal(err)
	}
	res := search(t, s, db.SearchRequest{Query: "harbour"})
	if len(res.Hits) != 2 || res.Hits[0].Article.ID != out[1].ID {
		t.Errorf("harbour: %v, want the article about harbours first", hitIDs(res))
	}
	res = search(t, s, db.SearchRequest{Query: "harbour council"})
	if len(res.Hits) != 3 || res.Hits[0].Article.ID != out[0].ID {
		t.Errorf("harbour council: %v, want the article with both words first", hitIDs(res))
	}
}
