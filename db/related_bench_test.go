package db

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"
)

// BenchmarkRelated times the related articles of articles spread over
// generated libraries of 10,000 and 100,000 articles (see BenchmarkSearch
// for how they are made and kept):
//
//	go test -run '^$' -bench 'Related$' -benchtime 1x ./db/    (part of make bench)
//
// The first articles pay for looking up the common words' document
// frequencies, which later ones find cached: both are in the figures.
func BenchmarkRelated(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			s, _, real := benchLibrary(b, n)
			for b.Loop() {
				runs, cpus := measureRelated(b, s, n, 100)
				median, p95 := runs[len(runs)/2], runs[len(runs)*95/100]
				fmt.Printf("    %d articles (%s): related articles of %d articles: median %.1f ms, p95 %.1f ms, max %.1f ms; median CPU %.1f ms\n",
					n, corpusKind(real), len(runs), ms(median), ms(p95), ms(runs[len(runs)-1]), ms(cpus[len(cpus)/2]))
				fmt.Printf("    machine load average at start: %s\n", loadAverage())
				b.ReportMetric(ms(median), "median-ms")
				b.ReportMetric(ms(p95), "p95-ms")
			}
		})
	}
}

// measureRelated asks for the related articles of count articles spread
// evenly over the ids, after a change to the text (the term cache empty),
// and returns the times and the CPU times, each sorted.
func measureRelated(b *testing.B, s *Store, n, count int) (runs, cpus []time.Duration) {
	ctx := context.Background()
	s.search.terms = termRowCache{}
	for i := range count {
		id := int64(1 + i*n/count)
		cpu := cpuTime()
		start := time.Now()
		if _, err := s.RelatedArticles(ctx, id, DefaultRelatedLimit); err != nil {
			b.Fatalf("related to %d: %v", id, err)
		}
		runs = append(runs, time.Since(start))
		cpus = append(cpus, cpuTime()-cpu)
	}
	slices.Sort(runs)
	slices.Sort(cpus)
	return runs, cpus
}
