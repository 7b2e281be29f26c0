package db_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"folio/db"
	"folio/db/dbtest"
)

// fixture names the articles of the search library by a short key.
type fixture map[string]int64

// searchLibrary stores a small library with known words, tags, dates,
// sources and states, and returns its ids by key.
func searchLibrary(t *testing.T) (*db.Store, fixture) {
	t.Helper()
	s := dbtest.Open(t)
	ctx := context.Background()
	list := []struct {
		key string
		a   db.NewArticle
	}{
		{"diesel", db.NewArticle{Title: "Belarus supplied diesel to Russia", Source: "Reuters", Published: "2023-09-15",
			Body: "Minsk supplied diesel fuel to Moscow. Lukashenko floated a three-way cooperation with North Korea.",
			Tags: []string{"region/russia", "energy"}}},
		{"korea", db.NewArticle{Title: "Kim Jong Un arrives in Russia", Source: "Associated Press", Published: "2023-09-13",
			Body: "The North Korean leader arrived by train. Officials said the visit would cover energy and arms.",
			Tags: []string{"region/asia", "Middle East"}}},
		{"embargo", db.NewArticle{Title: "Oil embargo widens", Source: "Reuters", Published: "2022-12-05",
			Body: "European sanctions on Russian oil took effect. Ukraine welcomed the embargo.",
			Tags: []string{"energy"}}},
		{"ferry", db.NewArticle{Title: "Ferry link to Gozo", Source: "Times of Malta", Published: "2023-01-01",
			Body: "The new ferry starts in spring. Café owners in Victoria expect more visitors.",
			Tags: []string{"transport"}}},
		{"sport", db.NewArticle{Title: "Cup final tonight", Source: "BBC Sport", Published: "2021-05-20",
			Body: "The final kicks off at eight. Ukraine fans travelled in numbers.",
			Tags: []string{"sport"}}},
		{"undated", db.NewArticle{Title: "Notes on diesel engines", Body: "An undated piece about engines and diesel supply chains."}},
		{"trashed", db.NewArticle{Title: "Diesel shortage", Source: "Reuters", Published: "2023-09-20",
			Body: "A trashed article about diesel.", Tags: []string{"energy"}}},
	}
	ids := fixture{}
	for _, item := range list {
		item.a.Path = "/lib/" + item.key + ".txt"
		ids[item.key] = importOne(t, s, item.a)
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := s.DB().ExecContext(ctx, q, args...); err != nil {
			t.Fatal(err)
		}
	}
	exec(`UPDATE articles SET deleted_at = '2024-01-01T00:00:00Z' WHERE id = ?`, ids["trashed"])
	exec(`UPDATE articles SET read_at = '2024-01-01T00:00:00Z' WHERE id IN (?, ?)`, ids["korea"], ids["ferry"])
	exec(`UPDATE articles SET starred = 1 WHERE id = ?`, ids["embargo"])
	exec(`INSERT INTO annotations (article_id, kind, note, exact, pos_start, pos_end, created_at, updated_at)
		VALUES (?, 'highlight', '', 'three-way cooperation', 60, 81, 'x', 'x'),
		       (?, 'highlight', 'Minsk wants a role as a broker', 'supplied diesel', 6, 21, 'x', 'x'),
		       (?, 'note', 'Check the ferry timetable in spring', '', 0, 0, 'x', 'x')`,
		ids["diesel"], ids["korea"], ids["ferry"])
	return s, ids
}

// keys turns ids back into fixture keys, in order.
func (f fixture) keys(ids []int64) []string {
	out := []string{}
	for _, id := range ids {
		name := fmt.Sprint(id)
		for k, v := range f {
			if v == id {
				name = k
			}
		}
		out = append(out, name)
	}
	return out
}

func TestSearchArticleIDs(t *testing.T) {
	s, ids := searchLibrary(t)
	tests := []struct {
		query string
		want  []string
		any   bool // order does not matter
	}{
		{"", []string{"diesel", "korea", "ferry", "embargo", "sport", "undated"}, false},
		{"diesel", []string{"diesel", "undated"}, true},
		{"supply", []string{"diesel", "undated"}, true},
		{`"three-way cooperation"`, []string{"diesel"}, false},
		{"lukash*", []string{"diesel"}, false},
		{"sanctions OR ferry", []string{"embargo", "ferry"}, true},
		{"-ukraine", []string{"diesel", "korea", "ferry", "undated"}, false},
		{"NOT diesel russia", []string{"korea"}, false},
		{"russia -title:kim", []string{"diesel"}, false},
		{"title:korea", []string{}, false},
		{"title:russia", []string{"diesel", "korea"}, true},
		{`title:"kim jong"`, []string{"korea"}, false},
		{"tag:energy", []string{"diesel", "embargo"}, false},
		{"tag:region", []string{"diesel", "korea"}, false},
		{"tag:region tag:energy", []string{"diesel"}, false},
		{"tag:REGION/Russia", []string{"diesel"}, false},
		{`tag:"middle east"`, []string{"korea"}, false},
		{"tag:regio", []string{}, false},
		{"-tag:energy", []string{"korea", "ferry", "sport", "undated"}, false},
		{"source:reuters", []string{"diesel", "embargo"}, false},
		{`source:"associated press"`, []string{"korea"}, false},
		{"date:2023", []string{"diesel", "korea", "ferry"}, false},
		{"date:2023-09", []string{"diesel", "korea"}, false},
		{"date:2023-09-13", []string{"korea"}, false},
		{"after:2023-01-01", []string{"diesel", "korea", "ferry"}, false},
		{"before:2023-01-01", []string{"embargo", "sport"}, false},
		{"after:2022 before:2023", []string{"embargo"}, false},
		{"-date:2023", []string{"embargo", "sport", "undated"}, false},
		{"date:none", []string{"undated"}, false},
		{"-date:none", []string{"diesel", "korea", "ferry", "embargo", "sport"}, false},
		{"is:unread", []string{"diesel", "embargo", "sport", "undated"}, false},
		{"is:read", []string{"korea", "ferry"}, false},
		{"is:starred", []string{"embargo"}, false},
		{"has:highlights", []string{"diesel", "korea"}, false},
		{"has:notes", []string{"korea", "ferry"}, false},
		{"in:notes broker", []string{"korea"}, false},
		{"in:notes spring", []string{"ferry"}, false},
		{"cafe", []string{"ferry"}, false},
		{"(tag:energy OR tag:sport) oil", []string{}, false},
		{"!!!", []string{}, false},
		{"-", []string{}, false},
	}
	for _, tt := range tests {
		got, err := s.SearchArticleIDs(context.Background(), tt.query)
		if err != nil {
			t.Errorf("%q: %v", tt.query, err)
			continue
		}
		keys := ids.keys(got)
		if tt.any {
			slices.Sort(keys)
			slices.Sort(tt.want)
		}
		if !slices.Equal(keys, tt.want) {
			t.Errorf("%q found %v, want %v", tt.query, keys, tt.want)
		}
	}
}
