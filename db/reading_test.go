package db_test

import (
	"context"
	"errors"
	"math"
	"testing"
	"time"

	"folio/db"
	"folio/db/dbtest"
)

func TestSetProgressClamps(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	id := importOne(t, s, db.NewArticle{Title: "Ferry", Body: ferryBody})
	for _, c := range []struct{ in, want float64 }{
		{0.25, 0.25},
		{1, 1},
		{1.7, 1},
		{-0.3, 0},
		{math.NaN(), 0},
		{math.Inf(1), 1},
	} {
		if err := s.SetProgress(ctx, id, c.in); err != nil {
			t.Fatalf("progress %v: %v", c.in, err)
		}
		a, _ := s.GetArticle(ctx, id)
		if a.Progress != c.want {
			t.Errorf("progress %v stored as %v, want %v", c.in, a.Progress, c.want)
		}
	}
	if err := s.SetProgress(ctx, id+1, 0.5); !errors.Is(err, db.ErrNotFound) {
		t.Errorf("progress of a missing article: err = %v, want ErrNotFound", err)
	}
}

func TestSetReadAndStarredInBulk(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	day := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return day })
	a := importOne(t, s, db.NewArticle{Title: "A", Body: "one", Published: "2024-01-03"})
	b := importOne(t, s, db.NewArticle{Title: "B", Body: "two", Published: "2024-01-02"})
	c := importOne(t, s, db.NewArticle{Title: "C", Body: "three", Published: "2024-01-01"})
	ids := func(v db.View) []int64 {
		t.Helper()
		page, err := s.ListArticles(ctx, db.ArticleFilter{View: v})
		if err != nil {
			t.Fatal(err)
		}
		out := []int64{}
		for _, a := range page.Articles {
			out = append(out, a.ID)
		}
		return out
	}
	readAt := func(id int64) string {
		t.Helper()
		var at *string
		if err := s.DB().QueryRow(`SELECT read_at FROM articles WHERE id = ?`, id).Scan(&at); err != nil {
			t.Fatal(err)
		}
		if at == nil {
			return ""
		}
		return *at
	}

	if err := s.SetRead(ctx, []int64{a, c, 999}, true); err != nil {
		t.Fatal(err)
	}
	if got := ids(db.ViewUnread); len(got) != 1 || got[0] != b {
		t.Errorf("unread after reading a and c: %v, want [%d]", got, b)
	}
	// Marking read again keeps when it was first read.
	day = day.Add(24 * time.Hour)
	if err := s.SetRead(ctx, []int64{a, b}, true); err != nil {
		t.Fatal(err)
	}
	if readAt(a) != "2026-03-01T09:00:00Z" || readAt(b) != "2026-03-02T09:00:00Z" {
		t.Errorf("read_at a=%q b=%q", readAt(a), readAt(b))
	}
	if err := s.SetRead(ctx, []int64{a, b}, false); err != nil {
		t.Fatal(err)
	}
	if got := ids(db.ViewUnread); len(got) != 2 || got[0] != a || got[1] != b || readAt(a) != "" {
		t.Errorf("unread after unreading a and b: %v", got)
	}

	if err := s.SetStarred(ctx, []int64{b, c, -4}, true); err != nil {
		t.Fatal(err)
	}
	if got := ids(db.ViewStarred); len(got) != 2 || got[0] != b || got[1] != c {
		t.Errorf("starred: %v, want [%d %d]", got, b, c)
	}
	if err := s.SetStarred(ctx, []int64{c}, false); err != nil {
		t.Fatal(err)
	}
	if got := ids(db.ViewStarred); len(got) != 1 || got[0] != b {
		t.Errorf("starred after unstarring c: %v, want [%d]", got, b)
	}
	for _, empty := range [][]int64{nil, {}} {
		if err := s.SetRead(ctx, empty, true); err != nil {
			t.Errorf("SetRead(%v): %v", empty, err)
		}
		if err := s.SetStarred(ctx, empty, true); err != nil {
			t.Errorf("SetStarred(%v): %v", empty, err)
		}
	}
	if got := ids(db.ViewStarred); len(got) != 1 {
		t.Errorf("an empty list of ids changed the stars: %v", got)
	}
}
