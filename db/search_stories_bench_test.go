package db

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// BenchmarkSearchStories measures what showing a story once costs search:
// the typical searches on a copy of the generated library (10,000
// articles; FOLIO_BENCH_ARTICLES=N for another size), first as generated
// (no article has a version), then with a tenth of its articles made
// versions of the article before them, cold.
//
//	go test -run '^$' -bench 'SearchStories$' -benchtime 1x ./db/
func BenchmarkSearchStories(b *testing.B) {
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("FOLIO_BENCH_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	shared, path, real := benchLibrary(b, n)
	queries := benchQueries
	if !real {
		queries = syntheticQueries(b, shared)
	}
	shared.Close()
	ctx := context.Background()
	copied := filepath.Join(b.TempDir(), "library.db")
	if err := copyFile(path, copied); err != nil {
		b.Fatal(err)
	}
	s, err := Open(ctx, copied)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	// loadState times reading search's per-article data after a change.
	loadState := func() time.Duration {
		if _, err := s.db.ExecContext(ctx, `UPDATE search_generation SET meta = meta + 1`); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if _, err := s.searchMeta(ctx); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	for b.Loop() {
		alone := measureQueries(b, s, queries, false)
		aloneLoad := loadState()
		// Ids ending in 2 join the story of the id before; ids ending in 1
		// are those stories' first versions.
		if _, err := s.db.ExecContext(ctx, `UPDATE articles SET story_id = id - id % 10 + 1 WHERE id % 10 IN (1, 2)`); err != nil {
			b.Fatal(err)
		}
		load := loadState()
		m, err := s.searchMeta(ctx)
		if err != nil {
			b.Fatal(err)
		}
		grouped := measureQueries(b, s, queries, false)
		say := func(format string, args ...any) { fmt.Printf("    "+format+"\n", args...) }
		say("%d articles (%s), load average %s", n, corpusKind(real), loadAverage())
		say("no versions: typical median %.1f ms, p95 %.1f ms; median CPU %.1f ms; reading the library's state %.1f ms",
			ms(alone.median), ms(alone.p95), ms(alone.cpu), ms(aloneLoad))
		say("%d stories of 2 versions: typical median %.1f ms, p95 %.1f ms; median CPU %.1f ms; reading the library's state %.1f ms",
			m.stories, ms(grouped.median), ms(grouped.p95), ms(grouped.cpu), ms(load))
		for _, line := range grouped.lines {
			say("  " + line)
		}
		b.ReportMetric(ms(alone.median), "alone-median-ms")
		b.ReportMetric(ms(grouped.median), "stories-median-ms")
		// Back as generated, for the next round.
		if _, err := s.db.ExecContext(ctx, `UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL;
			UPDATE search_generation SET meta = meta + 1`); err != nil {
			b.Fatal(err)
		}
	}
}
