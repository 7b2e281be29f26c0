package db_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"folio/db"
)

// viewRows lists a view and checks that its total, the sidebar's count
// and the month headers agree with the rows; it returns the rows' ids.
func viewRows(t *testing.T, s *db.Store, view db.View, when string) []int64 {
	t.Helper()
	ctx := context.Background()
	page, err := s.ListArticles(ctx, db.ArticleFilter{View: view})
	if err != nil {
		t.Fatal(err)
	}
	counts, err := s.ViewCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	count := counts.All
	if view == db.ViewTrash {
		count = counts.Trash
	}
	inMonths := 0
	for _, sort := range []db.Sort{db.SortNewest, db.SortImported} {
		months, err := s.MonthGroups(ctx, view, sort)
		if err != nil {
			t.Fatal(err)
		}
		inMonths = 0
		for _, m := range months {
			inMonths += m.Count
		}
		if inMonths != len(page.Articles) {
			t.Errorf("%s, %s by %s: month headers count %d, the list has %d rows", when, view, sort, inMonths, len(page.Articles))
		}
	}
	if page.Total != len(page.Articles) || count != len(page.Articles) {
		t.Errorf("%s, %s: total %d, sidebar %d, rows %d", when, view, page.Total, count, len(page.Articles))
	}
	if view == db.ViewAll {
		timeline, err := s.Timeline(ctx)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, m := range timeline {
			n += m.Count
		}
		if n != len(page.Articles) {
			t.Errorf("%s: the timeline counts %d, the list has %d rows", when, n, len(page.Articles))
		}
	}
	ids := make([]int64, len(page.Articles))
	for i, a := range page.Articles {
		ids[i] = a.ID
	}
	return ids
}

// threeVersions adds a third version to storyLibrary's story.
func threeVersions(t *testing.T) (*db.Store, fixture) {
	t.Helper()
	s, ids := storyLibrary(t)
	ids["third"] = importOne(t, s, db.NewArticle{Title: "Northern ferry terminal to close for repairs",
		Published: "2024-03-04", Path: "/lib/third.txt",
		Body: strings.Replace(storyBody, "January storms", "winter storms", 1) + "\n\nCorrection: an earlier version gave the wrong month."})
	versions, err := s.ArticleVersions(context.Background(), ids["third"])
	if err != nil || len(versions) != 3 {
		t.Fatalf("the third version is not grouped: %v, %v", versions, err)
	}
	return s, ids
}

// A story whose first version is in the Trash stays in the library as
// its next version; the Trash lists every version in it; the counts
// follow; and a story whose first version is deleted for good goes on
// with the next.
func TestATrashedFirstVersionLeavesTheStoryListed(t *testing.T) {
	s, ids := threeVersions(t)
	ctx := context.Background()
	others := len(ids) - 3
	has := func(list []int64, keys ...string) bool {
		for _, k := range keys {
			if !slices.Contains(list, ids[k]) {
				return false
			}
		}
		return true
	}
	step := func(when string, do func() error, all []string, trash []string) {
		t.Helper()
		if err := do(); err != nil {
			t.Fatal(err)
		}
		listed := viewRows(t, s, db.ViewAll, when)
		if len(listed) != others+len(all) || !has(listed, all...) {
			t.Errorf("%s: the library lists %v, want the other articles and %v", when, ids.keys(listed), all)
		}
		trashed := viewRows(t, s, db.ViewTrash, when)
		if len(trashed) != len(trash) || !has(trashed, trash...) {
			t.Errorf("%s: the Trash lists %v, want %v", when, ids.keys(trashed), trash)
		}
	}
	none := func() error { return nil }
	trash := func(keys ...string) func() error {
		return func() error { return s.TrashArticles(ctx, ids.ids(keys)) }
	}
	step("after import", none, []string{"first"}, nil)
	step("first in the Trash", trash("first"), []string{"second"}, []string{"first"})
	page, err := s.ListArticles(ctx, db.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range page.Articles {
		if a.ID == ids["second"] && a.Versions != 2 {
			t.Errorf("the second version's row: %d versions, want 2 (the first is in the Trash)", a.Versions)
		}
	}
	step("second in the Trash too", trash("second"), []string{"third"}, []string{"first", "second"})
	step("first restored", func() error { return s.RestoreArticles(ctx, ids.ids([]string{"first"})) },
		[]string{"first"}, []string{"second"})
	step("first in the Trash again", trash("first"), []string{"third"}, []string{"first", "second"})
	step("the Trash emptied", func() error { _, err := s.EmptyTrash(ctx); return err }, []string{"third"}, nil)
	versions, err := s.ArticleVersions(ctx, ids["third"])
	if err != nil || len(versions) != 1 {
		t.Errorf("versions of the third after the others went: %v, %v", versions, err)
	}
}

// A story whose first version is deleted for good goes on as its next
// version, still grouped with the rest.
func TestDeletingTheFirstVersionKeepsTheStory(t *testing.T) {
	s, ids := threeVersions(t)
	ctx := context.Background()
	if err := s.TrashArticles(ctx, ids.ids([]string{"first"})); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EmptyTrash(ctx); err != nil {
		t.Fatal(err)
	}
	listed := viewRows(t, s, db.ViewAll, "first deleted")
	if !slices.Contains(listed, ids["second"]) || slices.Contains(listed, ids["third"]) {
		t.Errorf("first deleted: the library lists %v, want second standing for the story", ids.keys(listed))
	}
	versions, err := s.ArticleVersions(ctx, ids["third"])
	if err != nil || strings.Join(ids.keys(summaryIDs(versions)), ",") != "second,third" {
		t.Errorf("versions of the third: %v, %v; want second,third", summaryIDs(versions), err)
	}
	// The next version of the story still joins it.
	fourth := importOne(t, s, db.NewArticle{Title: "Northern ferry terminal to close for repairs",
		Published: "2024-03-05", Path: "/lib/fourth.txt", Body: storyBody + "\n\nThe works began on Monday."})
	versions, err = s.ArticleVersions(ctx, fourth)
	if err != nil || len(versions) != 3 {
		t.Errorf("a fourth version: %d versions, %v; want 3", len(versions), err)
	}
	viewRows(t, s, db.ViewAll, "a fourth version imported")
}

func (f fixture) ids(keys []string) []int64 {
	out := make([]int64, len(keys))
	for i, k := range keys {
		out[i] = f[k]
	}
	return out
}
