package db_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"folio/db"
	"folio/db/dbtest"
)

// viewLibrary stores articles across months, some undated, imported in
// three different months, in every state a view looks at.
func viewLibrary(t *testing.T) *db.Store {
	t.Helper()
	s := dbtest.Open(t)
	ctx := context.Background()
	dates := []string{"2023-09-15", "2023-09-01", "", "2021-01-31", "2023-10-02", "", "2021-01-01", "2022-12-31", "2023-09-30"}
	var ids []int64
	for i, d := range dates {
		imported := time.Date(2025, time.Month(1+i%3), 10, 12, 0, 0, 0, time.UTC)
		s.SetClock(func() time.Time { return imported })
		ids = append(ids, importOne(t, s, db.NewArticle{Title: fmt.Sprintf("Article %c", 'A'+i), Published: d,
			Body: fmt.Sprintf("Text number %d.", i)}))
	}
	exec := func(q string, args ...any) {
		if _, err := s.DB().Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	exec(`UPDATE articles SET read_at = '2025-05-05T00:00:00Z' WHERE id IN (?, ?, ?)`, ids[0], ids[2], ids[3])
	exec(`UPDATE articles SET starred = 1 WHERE id IN (?, ?, ?)`, ids[1], ids[2], ids[8])
	annotateRow(t, s, ids[4], "x", "")
	annotateRow(t, s, ids[4], "y", "")
	annotateRow(t, s, ids[5], "z", "")
	annotateRow(t, s, ids[6], "w", "")
	if err := s.TrashArticles(ctx, []int64{ids[6], ids[7], ids[8]}); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestViewCounts(t *testing.T) {
	s := viewLibrary(t)
	got, err := s.ViewCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := db.ViewCounts{All: 6, Unread: 3, Starred: 2, Annotated: 2, Trash: 3}
	if got != want {
		t.Errorf("ViewCounts = %+v\nwant         %+v", got, want)
	}
	// Each count is the size of its list.
	for view, n := range map[db.View]int{db.ViewAll: got.All, db.ViewUnread: got.Unread,
		db.ViewStarred: got.Starred, db.ViewAnnotated: got.Annotated, db.ViewTrash: got.Trash} {
		page, err := s.ListArticles(context.Background(), db.ArticleFilter{View: view})
		if err != nil || page.Total != n {
			t.Errorf("view %q lists %d (%v), counted %d", view, page.Total, err, n)
		}
	}
}

// listMonths groups the rows of a list the way month headers would, from
// the rows themselves.
func listMonths(t *testing.T, s *db.Store, view db.View, sort db.Sort) string {
	t.Helper()
	page, err := s.ListArticles(context.Background(), db.ArticleFilter{View: view, Sort: sort})
	if err != nil {
		t.Fatal(err)
	}
	var groups []string
	last, n := "none", 0
	flush := func() {
		if n > 0 {
			groups = append(groups, fmt.Sprintf("%s:%d", last, n))
		}
	}
	for _, a := range page.Articles {
		date := a.Published
		if sort == db.SortImported {
			date = a.ImportedAt
		}
		month := date[:min(7, len(date))]
		if month != last {
			flush()
			last, n = month, 0
		}
		n++
	}
	flush()
	return strings.Join(groups, " ")
}

func monthString(list []db.MonthCount) string {
	var out []string
	for _, m := range list {
		out = append(out, fmt.Sprintf("%s:%d", m.Month, m.Count))
	}
	return strings.Join(out, " ")
}

func TestMonthGroupsFollowTheList(t *testing.T) {
	s := viewLibrary(t)
	ctx := context.Background()
	for _, view := range []db.View{db.ViewAll, db.ViewUnread, db.ViewStarred, db.ViewAnnotated, db.ViewTrash} {
		for _, sort := range []db.Sort{db.SortNewest, db.SortOldest, db.SortImported, db.SortRelevance} {
			groups, err := s.MonthGroups(ctx, view, sort)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := monthString(groups), listMonths(t, s, view, sort); got != want {
				t.Errorf("view %q sort %q: groups %q, the list has %q", view, sort, got, want)
			}
		}
	}
	groups, err := s.MonthGroups(ctx, db.ViewAll, db.SortNewest)
	if want := "2023-10:1 2023-09:2 2021-01:1 :2"; err != nil || monthString(groups) != want {
		t.Errorf("newest = %q (%v), want %q", monthString(groups), err, want)
	}
	if groups, err := s.MonthGroups(ctx, db.ViewAll, db.SortTitle); err != nil || groups == nil || len(groups) != 0 {
		t.Errorf("title order has groups %v (%v); want an empty list", groups, err)
	}
}

func TestTimeline(t *testing.T) {
	s := viewLibrary(t)
	got, err := s.Timeline(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// Oldest first, undated last; trashed articles are not on it.
	if want := "2021-01:1 2023-09:2 2023-10:1 :2"; monthString(got) != want {
		t.Errorf("timeline = %q, want %q", monthString(got), want)
	}
	if got, err := dbtest.Open(t).Timeline(context.Background()); err != nil || got == nil || len(got) != 0 {
		t.Errorf("an empty library's timeline = %v, %v; want []", got, err)
	}
}

// checkMonthCounts recounts article_months from the articles themselves.
func checkMonthCounts(t *testing.T, s *db.Store) {
	t.Helper()
	dump := func(q string) string {
		t.Helper()
		rows, err := s.DB().Query(q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var kind, month string
			var trashed, unread, starred, n int
			if err := rows.Scan(&kind, &month, &trashed, &unread, &starred, &n); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%s %q t%d u%d s%d: %d", kind, month, trashed, unread, starred, n))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return strings.Join(out, "\n")
	}
	kept := dump(`SELECT * FROM article_months WHERE n != 0 ORDER BY 1, 2, 3, 4, 5`)
	recounted := dump(`SELECT * FROM (
		SELECT 'published', coalesce(substr(published, 1, 7), ''), deleted_at IS NOT NULL, read_at IS NULL, starred != 0, count(*)
		FROM articles GROUP BY 2, 3, 4, 5
		UNION ALL
		SELECT 'imported', substr(imported_at, 1, 7), deleted_at IS NOT NULL, read_at IS NULL, starred != 0, count(*)
		FROM articles GROUP BY 2, 3, 4, 5) ORDER BY 1, 2, 3, 4, 5`)
	if kept != recounted {
		t.Errorf("the running month counts drifted:\n%s\nrecounted from the articles:\n%s", kept, recounted)
	}
}

func TestMonthCountsFollowEveryChange(t *testing.T) {
	s := viewLibrary(t)
	ctx := context.Background()
	checkMonthCounts(t, s)
	id := importOne(t, s, db.NewArticle{Title: "Ferry", Published: "2020-02-02", Path: "/ferry.txt",
		Body: "The ferry starts in spring. Fares are not known."})
	checkMonthCounts(t, s)
	// An edited file imported again changes the date in place.
	if _, err := s.ImportArticles(ctx, []db.NewArticle{{Title: "Ferry", Published: "2020-03-03", Path: "/ferry.txt",
		Body: "The new ferry starts in spring. Fares are low."}}); err != nil {
		t.Fatal(err)
	}
	checkMonthCounts(t, s)
	for _, q := range []string{
		`UPDATE articles SET read_at = '2026-01-01T00:00:00Z'`,
		`UPDATE articles SET starred = 1 WHERE id % 2 = 0`,
		`UPDATE articles SET read_at = NULL WHERE id % 3 = 0`,
		`UPDATE articles SET progress = 0.5`,
	} {
		if _, err := s.DB().Exec(q); err != nil {
			t.Fatal(err)
		}
		checkMonthCounts(t, s)
	}
	if err := s.TrashArticles(ctx, []int64{id, 1, 2}); err != nil {
		t.Fatal(err)
	}
	checkMonthCounts(t, s)
	if err := s.RestoreArticles(ctx, []int64{1}); err != nil {
		t.Fatal(err)
	}
	checkMonthCounts(t, s)
	if _, err := s.EmptyTrash(ctx); err != nil {
		t.Fatal(err)
	}
	checkMonthCounts(t, s)
}

func TestMonthCountsOfALibraryFromBefore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	old, err := db.OpenAtVersion(ctx, path, 4)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range []string{"2023-09-15", "", "2023-09-01", "2019-12-31"} {
		importOld(t, old, db.NewArticle{Title: fmt.Sprintf("Old %d", i), Published: d, Body: fmt.Sprintf("Old text %d.", i)})
	}
	if _, err := old.DB().Exec(`UPDATE articles SET deleted_at = 'x' WHERE id = 4`); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkMonthCounts(t, s)
	if got, _ := s.ViewCounts(ctx); got != (db.ViewCounts{All: 3, Unread: 3, Trash: 1}) {
		t.Errorf("counts after the upgrade = %+v", got)
	}
}
