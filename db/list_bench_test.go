package db_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"folio/db"
	"folio/db/corpus"
)

// benchLibrary builds a library of n generated articles, imported in
// batches over several months, with some read, starred, annotated and in
// the Trash, as a library in use would be.
func benchLibrary(b *testing.B, n int) *db.Store {
	b.Helper()
	ctx := context.Background()
	s, err := db.Open(ctx, filepath.Join(b.TempDir(), "library.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	gen := corpus.New(1, "")
	const batchSize = 2500
	start := time.Now()
	for first := 0; first < n; first += batchSize {
		imported := time.Date(2022, 1, 1, 9, 0, 0, 0, time.UTC).AddDate(0, first/batchSize, 0)
		s.SetClock(func() time.Time { return imported })
		batch := make([]db.NewArticle, 0, batchSize)
		for i := first; i < min(first+batchSize, n); i++ {
			a := gen.Next(i)
			if i%50 == 0 {
				a.Published = "" // some files carry no date
			}
			batch = append(batch, db.NewArticle{Title: a.Title, Source: a.Source, Published: a.Published,
				Body: a.Body, Tags: a.Tags})
		}
		if _, err := s.ImportArticles(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("built a library of %d articles in %.1f s", n, time.Since(start).Seconds())
	for _, q := range []string{
		`UPDATE articles SET read_at = imported_at WHERE id % 5 = 0`,
		`UPDATE articles SET starred = 1 WHERE id % 50 = 1`,
		`UPDATE articles SET deleted_at = imported_at WHERE id % 100 = 2`,
		`INSERT INTO annotations (article_id, kind, exact, created_at, updated_at)
			SELECT id, 'highlight', 'x', imported_at, imported_at FROM articles WHERE id % 200 = 3`,
	} {
		if _, err := s.DB().ExecContext(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkListFirstPage measures what the window asks for when it shows
// the library: the list's first page in each order, the sidebar's counts,
// the month headers and the timeline, on 100,000 articles, and all of a
// first screen together (FirstScreen), which should take under 50 ms.
func BenchmarkListFirstPage(b *testing.B) {
	s := benchLibrary(b, 100_000)
	ctx := context.Background()
	run := func(name string, fn func() error) {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if err := fn(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
		})
	}
	sorts := []db.Sort{db.SortNewest, db.SortOldest, db.SortImported, db.SortTitle}
	for _, sort := range sorts {
		run("ListArticles/"+string(sort), func() error {
			page, err := s.ListArticles(ctx, db.ArticleFilter{Sort: sort, Limit: 100})
			if err == nil && len(page.Articles) != 100 {
				b.Fatalf("the first page has %d rows", len(page.Articles))
			}
			return err
		})
	}
	for _, view := range []db.View{db.ViewTrash, db.ViewAnnotated} {
		run("ListArticles/"+string(view), func() error {
			_, err := s.ListArticles(ctx, db.ArticleFilter{View: view, Limit: 100})
			return err
		})
	}
	run("ViewCounts", func() error { _, err := s.ViewCounts(ctx); return err })
	for _, sort := range sorts {
		run("MonthGroups/"+string(sort), func() error { _, err := s.MonthGroups(ctx, db.ViewAll, sort); return err })
	}
	run("MonthGroups/unread", func() error { _, err := s.MonthGroups(ctx, db.ViewUnread, db.SortNewest); return err })
	run("Timeline", func() error { _, err := s.Timeline(ctx); return err })
	// What the window waits for before it can draw: page, counts, headers.
	for _, sort := range sorts {
		run("FirstScreen/"+string(sort), func() error {
			if _, err := s.ListArticles(ctx, db.ArticleFilter{Sort: sort, Limit: 100}); err != nil {
				return err
			}
			if _, err := s.ViewCounts(ctx); err != nil {
				return err
			}
			_, err := s.MonthGroups(ctx, db.ViewAll, sort)
			return err
		})
	}
	run("ListTags", func() error { _, err := s.ListTags(ctx); return err })
}
