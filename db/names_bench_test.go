package db

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"folio/db/corpus"
	"folio/db/names"
)

// benchCorpusDir is the BBC corpus the generated libraries take their
// sentences from: FOLIO_SHARED/corpus/bbc when set, else beside the
// repository.
func benchCorpusDir() string {
	if s := os.Getenv("FOLIO_SHARED"); s != "" {
		return filepath.Join(s, "corpus", "bbc")
	}
	return filepath.Join("..", corpus.SharedCorpus)
}

// BenchmarkNameSearch measures the person:, org: and place: filters on a
// generated library (5,000 articles by default; FOLIO_BENCH_ARTICLES=N for
// another size): reading every article's names into memory, as the first
// search after an import does, and searches that filter by the most
// frequent name of each kind, alone and with words, cold.
//
//	go test -run '^$' -bench NameSearch -benchtime 1x ./db/
func BenchmarkNameSearch(b *testing.B) {
	n := 5000
	if v, err := strconv.Atoi(os.Getenv("FOLIO_BENCH_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	s, _, real := benchLibrary(b, n)
	if !real {
		b.Log("no BBC corpus: the generated text names nobody (set FOLIO_SHARED)")
	}
	ctx := context.Background()
	var queries []string
	for _, kind := range []names.Kind{names.Person, names.Org, names.Place} {
		top, err := s.ListNames(ctx, NameFilter{Kind: string(kind), Limit: 1})
		if err != nil {
			b.Fatal(err)
		}
		if len(top) > 0 {
			f := fmt.Sprintf("%s:%q", kind, top[0].Name)
			queries = append(queries, f, f+" government", "-"+f+" election")
		}
	}
	b.ResetTimer()
	for b.Loop() {
		s.names.idx = nil
		start := time.Now()
		if _, err := s.nameIndex(ctx); err != nil {
			b.Fatal(err)
		}
		load := time.Since(start)
		l := measureQueries(b, s, queries, false)
		fmt.Printf("\n%d articles (%s): names read into memory in %.0f ms\n", n, corpusKind(real), ms(load))
		for _, line := range l.lines {
			fmt.Println("  " + line)
		}
		b.ReportMetric(ms(load), "names-load-ms")
		b.ReportMetric(ms(l.median), "median-ms")
		b.ReportMetric(ms(l.max), "max-ms")
	}
}
