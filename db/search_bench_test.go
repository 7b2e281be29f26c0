package db

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"folio/db/corpus"
)

// The search benchmarks run on generated libraries of 10,000 and 100,000
// articles (and 1,000,000 with FOLIO_BENCH_MILLION=1). Generating one takes
// minutes, so each is kept in the temporary folder and reused while the
// schema and the generator stay the same; delete $TMPDIR/folio-bench-* to
// start over.
//
//	go test -run '^$' -bench Search -benchtime 1x ./db/
//
// Every search is measured cold: the result cache is emptied first, so
// each one pays for its full-text match, ranking, facets and snippets.

// benchQueries are what a person typically types, for the BBC corpus.
var benchQueries = []string{
	`election`, `broadband`, `mobile phone`, `Time Warner profit`, `"prime minister"`, `"chief executive"`,
	`econom*`, `champion*`, `blair brown`, `film award`, `tag:business oil`, `date:2015 football`,
	`tag:region/europe after:2020 bank`, `government`, `title:china`, `music -album`,
}

// benchWorst are words found in nearly every article.
var benchWorst = []string{`said`, `the`}

// benchTyping are searches as the box sends them while a word is being
// typed: its first two or three letters, searched as a prefix.
var benchTyping = []string{`hi`, `la`, `ec`, `go`, `pri`, `mob`, `prime minis`, `film aw`}

// benchQuestions are questions and a paragraph pasted as they are.
var benchQuestions = []string{
	`what did the prime minister say about the economy and taxes`,
	`how much profit did Time Warner make from its internet business last year`,
	`Which film won the most awards at the ceremony, and who were the actors nominated for best actor?`,
	`Mobile phone makers are racing to build handsets that can play music and video, while operators ` +
		`try to persuade customers to pay for faster networks and new services.`,
}

// benchSeed makes the generated libraries the same on every machine.
const benchSeed = 1

func BenchmarkSearch(b *testing.B) {
	sizes := []int{10000, 100000}
	if os.Getenv("FOLIO_BENCH_MILLION") == "1" {
		sizes = append(sizes, 1000000)
	}
	var growth []string
	for _, n := range sizes {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			s, path, real := benchLibrary(b, n)
			typical, worst := benchQueries, benchWorst
			if !real {
				typical = syntheticQueries(b, s)
			}
			for b.Loop() {
				loadText, loadOther := measureMetaLoad(b, s)
				t := measureQueries(b, s, typical, false)
				w := measureQueries(b, s, worst, false)
				typing := measureQueries(b, s, benchTyping, true)
				questions := measureQueries(b, s, benchQuestions, false)
				b.ReportMetric(ms(t.median), "typical-median-ms")
				b.ReportMetric(ms(t.p95), "typical-p95-ms")
				b.ReportMetric(ms(w.max), "worst-max-ms")
				say := func(format string, args ...any) { fmt.Printf("    "+format+"\n", args...) }
				say("%d articles (%s); the first search after a change reads the library state in %.1f ms (%.1f ms when the text did not change)",
					n, corpusKind(real), ms(loadText), ms(loadOther))
				say("machine load average at start: %s", loadAverage())
				say("typical (%d queries × 5): median %.1f ms, p95 %.1f ms, max %.1f ms; median CPU %.1f ms",
					len(typical), ms(t.median), ms(t.p95), ms(t.max), ms(t.cpu))
				for _, line := range t.lines {
					say("  " + line)
				}
				say("worst case: median %.1f ms, max %.1f ms; median CPU %.1f ms", ms(w.median), ms(w.max), ms(w.cpu))
				for _, line := range w.lines {
					say("  " + line)
				}
				say("as typed, the last word a prefix: median %.1f ms, p95 %.1f ms, max %.1f ms", ms(typing.median), ms(typing.p95), ms(typing.max))
				for _, line := range typing.lines {
					say("  " + line)
				}
				say("questions and a paragraph pasted: median %.1f ms, max %.1f ms", ms(questions.median), ms(questions.max))
				for _, line := range questions.lines {
					say("  " + line)
				}
				b.ReportMetric(ms(typing.max), "typing-max-ms")
				for _, word := range worst {
					cli, err := sqliteCLITime(b, path, word)
					if err != nil {
						say("sqlite3 command-line tool: %v", err)
						continue
					}
					ours := w.byQuery[word]
					say("%q: Folio %.1f ms (a page of 50 with snippets and facets), sqlite3 CLI %.1f ms (top 50 by bm25 only): ratio %.2f",
						word, ms(ours), ms(cli), float64(ours)/float64(cli))
					b.ReportMetric(float64(ours)/float64(cli), word+"-vs-sqlite3")
				}
				growth = append(growth, fmt.Sprintf("%8d articles: typical median %6.1f ms, p95 %6.1f ms; worst max %6.1f ms",
					n, ms(t.median), ms(t.p95), ms(w.max)))
			}
		})
	}
	if len(growth) > 1 {
		fmt.Println("Search latency by library size:")
		for _, line := range growth {
			fmt.Println("  " + line)
		}
	}
}

type latencies struct {
	median, p95, max time.Duration
	cpu              time.Duration            // median CPU time (all threads) per search
	byQuery          map[string]time.Duration // median per query
	lines            []string
}

// measureQueries runs each query five times, cold, and sums up; typing
// sends them as the search box does while the last word is being typed.
func measureQueries(b *testing.B, s *Store, queries []string, typing bool) latencies {
	ctx := context.Background()
	l := latencies{byQuery: map[string]time.Duration{}}
	var all, allCPU []time.Duration
	for _, q := range queries {
		var runs, cpus []time.Duration
		var total int
		for range 5 {
			s.search.results = resultCache{}
			cpu := cpuTime()
			start := time.Now()
			res, err := s.Search(ctx, SearchRequest{Query: q, Typing: typing})
			if err != nil {
				b.Fatalf("search %q: %v", q, err)
			}
			runs = append(runs, time.Since(start))
			cpus = append(cpus, cpuTime()-cpu)
			total = res.Total
		}
		slices.Sort(runs)
		slices.Sort(cpus)
		all, allCPU = append(all, runs...), append(allCPU, cpus...)
		l.byQuery[q] = runs[len(runs)/2]
		l.lines = append(l.lines, fmt.Sprintf("%-40.40q %7d hits  median %6.1f ms  max %6.1f ms  cpu %6.1f ms",
			q, total, ms(runs[len(runs)/2]), ms(runs[len(runs)-1]), ms(cpus[len(cpus)/2])))
	}
	slices.Sort(all)
	slices.Sort(allCPU)
	l.cpu = allCPU[len(allCPU)/2]
	l.median = all[len(all)/2]
	l.p95 = all[min(len(all)-1, len(all)*95/100)]
	l.max = all[len(all)-1]
	return l
}

// measureMetaLoad times reading the per-article data that filters and
// facets use, as happens on the first search after any change: all of it
// after a change to the text, and all but the row lengths after one to
// tags, stars and the like.
func measureMetaLoad(b *testing.B, s *Store) (text, other time.Duration) {
	ctx := context.Background()
	start := time.Now()
	m, err := s.loadSearchMeta(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	text = time.Since(start)
	start = time.Now()
	if _, err := s.loadSearchMeta(ctx, m); err != nil {
		b.Fatal(err)
	}
	return text, time.Since(start)
}

// sqliteCLITime ranks the same MATCH with bm25 in the stock sqlite3 tool,
// on a copy of the library, and returns its median time over three runs
// in one process (so its page cache is as warm as ours).
func sqliteCLITime(b *testing.B, path, word string) (time.Duration, error) {
	cli, err := exec.LookPath("sqlite3")
	if err != nil {
		return 0, fmt.Errorf("not installed (apt-get install sqlite3)")
	}
	dir := b.TempDir()
	cp := filepath.Join(dir, "copy.db")
	if err := copyFile(path, cp); err != nil {
		return 0, err
	}
	stmt := fmt.Sprintf(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH '"%s"' ORDER BY bm25(articles_fts, %s) LIMIT 50;`,
		word, rankWeights)
	script := ".output /dev/null\n" + stmt + "\n.timer on\n" + strings.Repeat(stmt+"\n", 3)
	cmd := exec.Command(cli, cp)
	cmd.Stdin = strings.NewReader(script)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("%v: %s", err, out)
	}
	var runs []time.Duration
	for _, m := range regexp.MustCompile(`Run Time: real ([0-9.]+)`).FindAllStringSubmatch(string(out), -1) {
		sec, _ := strconv.ParseFloat(m[1], 64)
		runs = append(runs, time.Duration(sec*float64(time.Second)))
	}
	if len(runs) == 0 {
		return 0, fmt.Errorf("no timing in its output: %s", out)
	}
	slices.Sort(runs)
	return runs[len(runs)/2], nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// benchLibrary opens (generating the first time) a library of n articles,
// imported in batches with their tags and optimized as after a large
// import. real reports whether the text is recombined BBC sentences.
func benchLibrary(b *testing.B, n int) (*Store, string, bool) {
	b.Helper()
	ctx := context.Background()
	gen := corpus.New(benchSeed, benchCorpusDir())
	real := gen.UsesRealSentences()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("folio-bench-%s-%d-schema%d.db", corpusKind(real), n, SchemaVersion()))
	if _, err := os.Stat(path); err != nil {
		b.Logf("generating %s (once; it is kept for later runs)", path)
		if err := generateLibrary(ctx, gen, path, n); err != nil {
			b.Fatal(err)
		}
	}
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if _, err := s.Search(ctx, SearchRequest{Query: "warm up"}); err != nil {
		b.Fatal(err)
	}
	return s, path, real
}

func generateLibrary(ctx context.Context, gen *corpus.Generator, path string, n int) error {
	tmp := path + ".partial"
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	s, err := Open(ctx, tmp)
	if err != nil {
		return err
	}
	const batch = 5000
	for i := 0; i < n; i += batch {
		list := make([]NewArticle, 0, batch)
		for j := i; j < min(n, i+batch); j++ {
			a := gen.Next(j)
			list = append(list, NewArticle{Title: a.Title, Source: a.Source, Published: a.Published, Body: a.Body,
				Tags: a.Tags, Path: fmt.Sprintf("/bench/%07d.txt", j)})
		}
		if _, err := s.ImportArticles(ctx, list); err != nil {
			s.Close()
			return err
		}
	}
	if err := s.Optimize(ctx); err != nil {
		s.Close()
		return err
	}
	if _, err := s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		s.Close()
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// syntheticQueries picks words of a Zipf library at the document
// frequencies typical words have in news (0.1% to 10% of articles), since
// its words are made up.
func syntheticQueries(b *testing.B, s *Store) []string {
	ctx := context.Background()
	conn, err := s.db.Conn(ctx) // the temp table is the connection's own
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab USING fts5vocab(main, articles_fts, row)`); err != nil {
		b.Fatal(err)
	}
	var live int
	conn.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&live)
	var out []string
	for _, share := range []float64{0.001, 0.003, 0.01, 0.03, 0.1} {
		var term string
		err := conn.QueryRowContext(ctx, `SELECT term FROM temp.bench_vocab WHERE doc >= ? ORDER BY doc LIMIT 1`,
			int(share*float64(live))).Scan(&term)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, term, term[:max(1, len(term)-1)]+"*", "tag:energy "+term, "date:2015 "+term)
	}
	return append(out, out[0]+" "+out[4], `"`+out[8]+" "+out[12]+`"`)
}

// loadAverage is the machine's 1-minute load, to judge the figures by.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Fields(string(data))[0]
}

func corpusKind(real bool) string {
	if real {
		return "bbc"
	}
	return "zipf"
}

// cpuTime is the CPU time the process has used, all threads together: on
// a busy machine it shows the work a search does when wall time does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
