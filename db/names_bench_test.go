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
	shared, path, real := benchLibrary(b, n)
	// The import below changes the library: work on a copy of it.
	shared.Close()
	copyPath := filepath.Join(b.TempDir(), "library.db")
	if err := copyFile(path, copyPath); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	s, err := Open(ctx, copyPath)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if !real {
		b.Log("no BBC corpus: the generated text names nobody (set FOLIO_SHARED)")
	}
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
		added := importMore(b, s, n)
		fmt.Printf("\n%d articles (%s): names read into memory in %.0f ms; after an import of %d more, their names in %.0f ms\n",
			n, corpusKind(real), ms(load), importBatch, ms(added))
		for _, line := range l.lines {
			fmt.Println("  " + line)
		}
		b.ReportMetric(ms(load), "names-load-ms")
		b.ReportMetric(ms(added), "names-after-import-ms")
		b.ReportMetric(ms(l.median), "median-ms")
		b.ReportMetric(ms(l.max), "max-ms")
	}
}

// importBatch is how many articles importMore adds.
const importBatch = 500

// importMore imports more generated articles and times reading their
// names into the index, as the first search after the import does.
func importMore(b *testing.B, s *Store, n int) time.Duration {
	ctx := context.Background()
	if _, err := s.nameIndex(ctx); err != nil {
		b.Fatal(err)
	}
	gen := corpus.New(benchSeed+1, benchCorpusDir())
	batch := make([]NewArticle, importBatch)
	for i := range batch {
		a := gen.Next(n + i)
		batch[i] = NewArticle{Title: a.Title, Source: a.Source, Published: a.Published, Body: a.Body}
	}
	if _, err := s.ImportArticles(ctx, batch); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if _, err := s.nameIndex(ctx); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}
