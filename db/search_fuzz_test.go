package db

import (
	"context"
	"slices"
	"strings"
	"testing"

	"folio/db/query"
)

// fuzzLibrary is a small library with a bit of everything search looks
// at: tags in a hierarchy, dates, sources, read and starred articles,
// highlights and notes, and one article in the Trash.
func fuzzLibrary(t testing.TB) *Store {
	t.Helper()
	ctx := context.Background()
	s := openTestStore(t)
	articles := []NewArticle{
		{Title: "Belarus supplied diesel to Russia", Source: "Reuters", Published: "2023-09-15",
			Body: "Minsk supplied diesel fuel to Moscow. Lukashenko floated a three-way cooperation with North Korea.",
			Tags: []string{"region/russia", "energy"}},
		{Title: "Kim Jong Un arrives in Russia", Source: "Associated Press", Published: "2023-09-13",
			Body: "The North Korean leader arrived by train; officials said the visit would cover energy and arms.",
			Tags: []string{"region/asia", "Middle East"}},
		{Title: "Oil embargo widens", Source: "Reuters", Published: "2022-12-05",
			Body: "European sanctions on Russian oil took effect. Ukraine welcomed the embargo (NEAR the border).",
			Tags: []string{"energy"}},
		{Title: "Ferry link to Gozo", Source: "Times of Malta", Published: "2023-01-01",
			Body: "The new ferry starts in spring. Café owners in Victoria expect more visitors: \"title\" col:x.",
			Tags: []string{"transport"}},
		{Title: "Cup final tonight", Source: "BBC Sport", Published: "2021-05-20",
			Body: "The final kicks off at eight. Ukraine fans travelled in numbers — 😀 and ünïcödé.", Tags: []string{"sport"}},
		{Title: "Notes on diesel engines", Body: "An undated piece about engines, diesel supply chains and OR NOT AND."},
		{Title: "Diesel shortage", Source: "Reuters", Published: "2023-09-20", Body: "A trashed article about diesel.",
			Tags: []string{"energy"}},
		{Title: "Said the minister", Source: "Deutsche Welle", Published: "2019-02-02",
			Body: "The minister said that the said report said nothing.", Tags: []string{"politics", "region/europe"}},
	}
	for i := range articles {
		articles[i].Path = "/lib/" + strings.ReplaceAll(articles[i].Title, " ", "-") + ".txt"
	}
	out, err := s.ImportArticles(ctx, articles)
	if err != nil {
		t.Fatal(err)
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := s.db.ExecContext(ctx, q, args...); err != nil {
			t.Fatal(err)
		}
	}
	exec(`UPDATE articles SET deleted_at = '2024-01-01T00:00:00Z' WHERE id = ?`, out[6].ID)
	exec(`UPDATE articles SET read_at = '2024-01-01T00:00:00Z' WHERE id IN (?, ?)`, out[1].ID, out[3].ID)
	exec(`UPDATE articles SET starred = 1 WHERE id = ?`, out[2].ID)
	exec(`INSERT INTO annotations (article_id, kind, note, exact, pos_start, pos_end, created_at, updated_at)
		VALUES (?, 'highlight', '', 'three-way cooperation', 60, 81, 'x', 'x'),
		       (?, 'highlight', 'Minsk wants a role as a broker', 'supplied diesel', 6, 21, 'x', 'x'),
		       (?, 'note', 'Check the ferry timetable in spring', '', 0, 0, 'x', 'x'),
		       (?, 'highlight', 'trashed note on diesel', 'diesel', 2, 8, 'x', 'x')`,
		out[0].ID, out[1].ID, out[3].ID, out[6].ID)
	return s
}

// checkSearch runs a search every way there is and checks that none fails
// and that they agree with each other and with the plain SQL version.
func checkSearch(t *testing.T, s *Store, input string) {
	ctx := context.Background()
	q := query.Parse(input)
	ids, err := s.SearchArticleIDs(ctx, input)
	if err != nil {
		t.Fatalf("SearchArticleIDs(%q): %v", input, err)
	}
	want, err := oracleIDs(ctx, s, input)
	if err != nil {
		t.Fatalf("plain SQL for %q (MATCH %q, exclude %q): %v", input, q.Match, q.Exclude, err)
	}
	if q.InNotes {
		ids, want = slices.Sorted(slices.Values(ids)), slices.Sorted(slices.Values(want))
	}
	if !slices.Equal(ids, want) {
		t.Fatalf("%q (MATCH %q, exclude %q, filters %+v) found %v, plain SQL finds %v",
			input, q.Match, q.Exclude, q.Filters, ids, want)
	}
	allWords, err := oracleAllWords(ctx, s, q, ids)
	if err != nil {
		t.Fatalf("plain SQL for the articles with all the words of %q: %v", input, err)
	}
	for _, sort := range []Sort{"", SortNewest, SortOldest, SortTitle} {
		res, err := s.Search(ctx, SearchRequest{Query: input, Sort: sort, Limit: 3})
		if err != nil {
			t.Fatalf("Search(%q, %s): %v", input, sort, err)
		}
		want := len(ids) // by relevance: every article with some of the words
		if sort != "" && allWords > 0 {
			want = allWords // in another order: those with all of them, when there are some
		}
		if !q.InNotes && res.Total != want {
			t.Fatalf("Search(%q, %s): total %d, want %d (SearchArticleIDs found %d)", input, sort, res.Total, want, len(ids))
		}
		if len(res.Hits) != min(3, res.Total) {
			t.Fatalf("Search(%q, %s): %d hits of %d on a page of 3", input, sort, len(res.Hits), res.Total)
		}
		if (res.Message != "") != (q.Message != "") {
			t.Fatalf("Search(%q): message %q", input, res.Message)
		}
		for _, h := range res.Hits {
			if _, err := s.MatchRanges(ctx, h.Article.ID, input); err != nil {
				t.Fatalf("MatchRanges(%d, %q): %v", h.Article.ID, input, err)
			}
		}
	}
}

// nastyQueries are inputs a person may type that mean nothing to the
// language or would mean something to FTS5 or SQL.
var nastyQueries = []string{
	``, ` `, `"`, `""`, `"unbalanced`, `-`, `--`, `- -`, `*`, `**`, `OR`, `OR OR`, `NOT`, `AND`, `a OR`, `OR a`,
	`NOT NOT diesel`, `tag:`, `title:`, `title:*`, `source:`, `date:`, `is:`, `has:`, `in:`, `tag:""`,
	`😀`, `'; DROP TABLE articles; --`, `NEAR(a b)`, `NEAR(diesel russia, 2)`, `^start`, `^diesel`, `col:x`,
	`a + b`, `diesel + russia`, `{title body}:x`, `{title}:diesel`, `title:(diesel OR oil)`, `(`, `)`, `)(`,
	`((((((((((((((((((((diesel))))))))))))))))))))`, `-(-(-(-(-(diesel)))))`, "diesel\x00russia",
	"\x01\x02\x7f", "\xff\xfe", `diesel*russia`, `*diesel`, `"diesel"*`, `title:"a phrase`, `tag:"middle`,
	`date:2023-02-30`, `after:99999`, `before:0000`, `date:2023-13`, `is:purple`, `has:everything`,
	`in:notes`, `in:notes -spring`, `in:notes title:broker`, `-in:notes diesel`, `supplied`, `caf*`,
	`diesel -russia OR (oil -tag:energy)`, `-tag:energy -date:2023 -is:read`, `tag:region -tag:region/asia`,
	`source:"times of malta"`, `"minister said"`, `said`, `the`, `ünïcödé`, `UNICODE`, `x:y:z`, `:`, `"":`,
	strings.Repeat("diesel ", 400), strings.Repeat("(", 300) + "a", strings.Repeat("-\"", 200),
	strings.Repeat("ORNOT ", 100), `\"`, `%`, `_`, `'`, `?`, `?1`, `:name`, `@x`, `$x`, `/`, `\`,
}

func TestSearchAgreesWithPlainSQL(t *testing.T) {
	s := fuzzLibrary(t)
	queries := append([]string{
		`diesel`, `supply`, `"three-way cooperation"`, `lukash*`, `sanctions OR ferry`, `-ukraine`, `NOT diesel russia`,
		`title:russia`, `tag:energy`, `tag:region`, `tag:region tag:energy`, `tag:"middle east"`, `-tag:energy`,
		`source:reuters`, `date:2023`, `date:2023-09`, `after:2023-01-01`, `before:2023-01-01`, `-date:2023`,
		`is:unread`, `is:read`, `is:starred`, `has:highlights`, `has:notes`, `in:notes broker`, `in:notes spring`,
		`(tag:energy OR tag:sport) oil`, `a OR -b`, `diesel OR -russia`, `-(diesel russia)`, `said -minister`,
	}, nastyQueries...)
	for _, input := range queries {
		checkSearch(t, s, input)
	}
}

func FuzzSearch(f *testing.F) {
	for _, q := range nastyQueries {
		f.Add(q)
	}
	s := fuzzLibrary(f)
	f.Fuzz(func(t *testing.T, input string) {
		checkSearch(t, s, input)
	})
}
