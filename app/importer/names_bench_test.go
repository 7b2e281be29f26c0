package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"folio/db"
	"folio/db/corpus"
	"folio/db/names"
)

// BenchmarkImportNames measures what names cost an import: the same
// generated articles (3,000 by default; FOLIO_BENCH_ARTICLES=N for
// another size) imported into an empty library with names found and
// stored, and with both switched off. Sentences come from the BBC corpus
// when it is found (FOLIO_SHARED, or beside the repository), so that the
// text names people and places as news does.
//
//	go test -run '^$' -bench ImportNames -benchtime 1x ./app/importer/
func BenchmarkImportNames(b *testing.B) {
	n := 3000
	if v, err := strconv.Atoi(os.Getenv("FOLIO_BENCH_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	dir := filepath.Join("..", "..", corpus.SharedCorpus)
	if s := os.Getenv("FOLIO_SHARED"); s != "" {
		dir = filepath.Join(s, "corpus", "bbc")
	}
	gen := corpus.New(1, dir)
	sources := make([]Source, n)
	for i := range sources {
		a := gen.Next(i)
		text := fmt.Sprintf("---\ntitle: %q\ndate: %s\n---\n%s\n", a.Title, a.Published, a.Body)
		sources[i] = BytesSource(fmt.Sprintf("%06d.md", i), []byte(text))
	}
	if !gen.UsesRealSentences() {
		b.Log("no BBC corpus: the text is made of generated words, which name nobody")
	}
	defer func(f func(string, string, *names.Lexicon) []names.Name) { findNames = f }(findNames)
	var with, without, withCPU, withoutCPU time.Duration
	for b.Loop() {
		findNames = db.FindNamesWith
		took, cpu := timeRun(b, sources)
		with, withCPU = with+took, withCPU+cpu
		findNames = func(string, string, *names.Lexicon) []names.Name { return nil }
		took, cpu = timeRun(b, sources)
		without, withoutCPU = without+took, withoutCPU+cpu
	}
	b.ReportMetric(float64(n*b.N)/with.Seconds(), "articles/s")
	b.ReportMetric(float64(n*b.N)/without.Seconds(), "without-names-articles/s")
	b.ReportMetric(100*(with.Seconds()/without.Seconds()-1), "%-longer")
	// CPU time is steadier than the clock on a busy machine.
	b.ReportMetric(100*(withCPU.Seconds()/withoutCPU.Seconds()-1), "%-more-cpu")
}

// cpuTime is the CPU time the process has used so far.
func cpuTime() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// timeRun imports the sources into a new library, and returns the time
// it took and the CPU time it used.
func timeRun(b *testing.B, sources []Source) (took, cpu time.Duration) {
	s, err := db.Open(context.Background(), filepath.Join(b.TempDir(), "library.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	start, startCPU := time.Now(), cpuTime()
	rep := Run(context.Background(), s, sources, Options{})
	took, cpu = time.Since(start), cpuTime()-startCPU
	if rep.Counts.Imported != len(sources) {
		b.Fatalf("imported %d of %d", rep.Counts.Imported, len(sources))
	}
	return took, cpu
}
