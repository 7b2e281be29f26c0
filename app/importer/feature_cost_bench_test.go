package importer

import (
	"context"
	"database/sql"
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

// BenchmarkImportFeatureCost measures what names and versions cost an
// import: the same generated articles (100,000 by default, the size the
// targets are set at; FOLIO_BENCH_ARTICLES=N for another size) imported
// into an empty library as Folio does, without names (neither found nor
// stored), and without versions (no signatures taken, into a library
// without their table, as before versions were kept, where the import
// does not group). Sentences come from the BBC corpus
// when it is found (FOLIO_SHARED, or beside the repository), so that the
// text names people and places as news does.
//
//	go test -run '^$' -bench ImportFeatureCost -benchtime 1x ./app/importer/
func BenchmarkImportFeatureCost(b *testing.B) {
	n := 100_000
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
	defer func(f func(string, string) *db.StorySignature) { storySignature = f }(storySignature)
	noNames := func(string, string, *names.Lexicon) []names.Name { return nil }
	noSignature := func(string, string) *db.StorySignature { return nil }
	var full, withoutNames, withoutVersions importCost
	for b.Loop() {
		findNames = db.FindNamesWith
		full.add(timeRun(b, sources, false))
		findNames = noNames
		withoutNames.add(timeRun(b, sources, false))
		findNames, storySignature = db.FindNamesWith, noSignature
		withoutVersions.add(timeRun(b, sources, true))
		storySignature = db.StorySignatureOf
	}
	b.ReportMetric(float64(n*b.N)/full.took.Seconds(), "articles/s")
	fmt.Printf("\nImport of %d articles into an empty library (%d runs):\n", n, b.N)
	fmt.Printf("  as Folio does           %6.1f s  CPU %6.1f s\n", full.took.Seconds(), full.cpu.Seconds())
	for _, c := range []struct {
		what    string
		without importCost
	}{{"names", withoutNames}, {"versions", withoutVersions}} {
		longer, moreCPU := full.over(c.without)
		fmt.Printf("  without %-15s %6.1f s  CPU %6.1f s  (%s cost %+.0f%% time, %+.0f%% CPU)\n",
			c.what, c.without.took.Seconds(), c.without.cpu.Seconds(), c.what, longer, moreCPU)
		// CPU time is steadier than the clock on a busy machine.
		b.ReportMetric(longer, "%-longer-with-"+c.what)
		b.ReportMetric(moreCPU, "%-more-cpu-with-"+c.what)
	}
	fmt.Println()
}

// importCost is the time and CPU time imports took.
type importCost struct{ took, cpu time.Duration }

func (c *importCost) add(took, cpu time.Duration) { c.took, c.cpu = c.took+took, c.cpu+cpu }

// over is how much longer c took than o, and how much more CPU, in
// percent.
func (c importCost) over(o importCost) (longer, moreCPU float64) {
	return 100 * (c.took.Seconds()/o.took.Seconds() - 1), 100 * (c.cpu.Seconds()/o.cpu.Seconds() - 1)
}

// cpuTime is the CPU time the process has used so far.
func cpuTime() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// timeRun imports the sources into a new library, and returns the time
// it took and the CPU time it used. noVersions drops the table of story
// signatures first, as in a library from before versions were kept.
func timeRun(b *testing.B, sources []Source, noVersions bool) (took, cpu time.Duration) {
	path := filepath.Join(b.TempDir(), "library.db")
	s, err := db.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if noVersions {
		dropSignatures(b, path)
	}
	start, startCPU := time.Now(), cpuTime()
	rep := Run(context.Background(), s, sources, Options{})
	took, cpu = time.Since(start), cpuTime()-startCPU
	if rep.Counts.Imported != len(sources) {
		b.Fatalf("imported %d of %d", rep.Counts.Imported, len(sources))
	}
	return took, cpu
}

func dropSignatures(b *testing.B, path string) {
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Exec(`DROP TABLE article_signatures`); err != nil {
		b.Fatal(err)
	}
}
