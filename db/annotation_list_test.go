package db_test

import (
	"context"
	"strings"
	"testing"

	"folio/db"
	"folio/db/dbtest"
)

func TestListAnnotationsFilters(t *testing.T) {
	s := dbtest.Open(t)
	tick(s)
	ctx := context.Background()
	const (
		fuel  = "Belarus supplied diesel to the front. Minsk floated a three-way cooperation with Pyongyang."
		grid  = "The grid operator is supplying power to the region at record prices this winter."
		trash = "A deleted article about diesel."
	)
	a := importOne(t, s, db.NewArticle{Title: "Fuel", Body: fuel, Published: "2023-09-15", Source: "Reuters", Tags: []string{"Region/Russia"}})
	b := importOne(t, s, db.NewArticle{Title: "Grid", Body: grid, Tags: []string{"Regional", "energy"}})
	c := importOne(t, s, db.NewArticle{Title: "Gone", Body: trash, Tags: []string{"region"}})
	highlight(t, s, a, fuel, "supplied diesel", "yellow", "")                   // 1
	highlight(t, s, a, fuel, "three-way cooperation", "green", "Minsk's role?") // 2
	s.AddNote(ctx, a, "Follow the diesel money.")                               // 3
	highlight(t, s, b, grid, "record prices", "yellow", "Compare with 2022.")   // 4
	highlight(t, s, b, grid, "supplying power", "blue", "")                     // 5
	highlight(t, s, c, trash, "diesel", "yellow", "")
	if _, err := s.DB().Exec(`UPDATE articles SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = ?`, c); err != nil {
		t.Fatal(err)
	}
	label := map[string]string{"supplied diesel": "1", "three-way cooperation": "2", "Follow the diesel money.": "3",
		"record prices": "4", "supplying power": "5"}
	list := func(f db.AnnotationFilter) (string, int) {
		t.Helper()
		page, err := s.ListAnnotations(ctx, f)
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		var out []string
		for _, it := range page.Items {
			key := it.Annotation.Exact
			if it.Annotation.Kind == db.KindNote {
				key = it.Annotation.Note
			}
			out = append(out, label[key])
		}
		return strings.Join(out, ","), page.Total
	}
	for _, c := range []struct {
		name string
		f    db.AnnotationFilter
		want string
	}{
		{"all, newest first", db.AnnotationFilter{}, "5,4,3,2,1"},
		{"colour", db.AnnotationFilter{Color: "yellow"}, "4,1"},
		{"kind", db.AnnotationFilter{Kind: "note"}, "3"},
		{"highlights", db.AnnotationFilter{Kind: "highlight", Color: "green"}, "2"},
		{"tag and its children", db.AnnotationFilter{Tag: "region"}, "3,2,1"},
		{"tag in any case", db.AnnotationFilter{Tag: " REGION / russia "}, "3,2,1"},
		{"a child tag only", db.AnnotationFilter{Tag: "region/russia/moscow"}, ""},
		{"a tag that merely starts alike", db.AnnotationFilter{Tag: "regional"}, "5,4"},
		{"words of quotes", db.AnnotationFilter{Text: "diesel"}, "3,1"},
		{"stemmed", db.AnnotationFilter{Text: "supply"}, "5,1"},
		{"words of notes", db.AnnotationFilter{Text: "compare 2022"}, "4"},
		{"last word is a prefix", db.AnnotationFilter{Text: "dies"}, "3,1"},
		{"a finished word is not", db.AnnotationFilter{Text: "dies "}, ""},
		{"diacritics folded", db.AnnotationFilter{Text: "mínsk"}, "2"},
		{"hyphen is not NOT", db.AnnotationFilter{Text: "three-way"}, "2"},
		{"FTS syntax is plain text", db.AnnotationFilter{Text: `"cooperation" OR NEAR(diesel*`}, ""},
		{"only punctuation: no filter", db.AnnotationFilter{Text: `" - * ( `}, "5,4,3,2,1"},
		{"only a combining mark", db.AnnotationFilter{Text: "\u0301"}, ""},
		{"letters with marks", db.AnnotationFilter{Text: "mi\u0301nsk"}, "2"},
		{"everything at once", db.AnnotationFilter{Text: "supplied", Tag: "region", Color: "yellow", Kind: "highlight"}, "1"},
		{"a page", db.AnnotationFilter{Offset: 1, Limit: 2}, "4,3"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, total := list(c.f)
			if got != c.want {
				t.Errorf("%+v: %q, want %q", c.f, got, c.want)
			}
			if c.f.Limit == 0 && total != strings.Count(c.want, ",")+min(1, len(c.want)) {
				t.Errorf("total %d for %q", total, got)
			}
		})
	}
	page, _ := s.ListAnnotations(ctx, db.AnnotationFilter{Color: "green"})
	it := page.Items[0]
	if it.ArticleTitle != "Fuel" || it.ArticlePublished != "2023-09-15" || it.ArticleSource != "Reuters" ||
		it.Annotation.ArticleID != a || it.Annotation.Note != "Minsk's role?" {
		t.Errorf("item = %+v", it)
	}
	if page, _ := s.ListAnnotations(ctx, db.AnnotationFilter{Limit: 2}); page.Total != 5 || len(page.Items) != 2 {
		t.Errorf("a page of 2: total %d, %d items", page.Total, len(page.Items))
	}
	for _, f := range []db.AnnotationFilter{{Color: "red"}, {Kind: "bookmark"}} {
		if _, err := s.ListAnnotations(ctx, f); err == nil || strings.Contains(err.Error(), "SQL") {
			t.Errorf("%+v: err = %v, want a plain error", f, err)
		}
	}
}
