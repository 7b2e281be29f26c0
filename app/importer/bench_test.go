package importer_test

import (
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"folio/app/importer"
	"folio/db"
	"folio/db/corpus"
)

// BenchmarkImport imports a generated corpus of realistic articles (100,000
// by default; FOLIO_BENCH_ARTICLES=N changes it) into an empty library with
// the real folio binary, and in the same run has the stock sqlite3 tool put
// the same rows into Folio's own schema (see timeSQLite). It prints
// articles per second for both, the ratio, and the import's peak memory
// (maximum resident set size).
//
//	go test -run '^$' -bench 'Import$' -benchtime 1x ./app/importer/
func BenchmarkImport(b *testing.B) {
	n := envInt("FOLIO_BENCH_ARTICLES", 100_000)
	work := b.TempDir()
	dir := filepath.Join(work, "articles")
	gen := corpus.New(1, sharedBBCFrom(repoRoot(b)))
	if _, err := gen.WriteFiles(dir, n); err != nil {
		b.Fatal(err)
	}
	text := "Zipf-distributed words"
	if gen.UsesRealSentences() {
		text = "sentences recombined from the BBC corpus"
	}
	compareImport(b, work, dir, n, fmt.Sprintf("%s, ~%d bytes each, title-first text", text, corpus.BodySize))
}

// BenchmarkImportShortSeed is BenchmarkImport on a folder of short stories
// in the seed format (20,000 by default, ~0.8 KB each; FOLIO_BENCH_SHORT=N
// changes it): the per-file costs (open, read, parse, a derived title)
// weigh most there.
//
//	go test -run '^$' -bench 'ImportShortSeed$' -benchtime 1x ./app/importer/
func BenchmarkImportShortSeed(b *testing.B) {
	n := envInt("FOLIO_BENCH_SHORT", 20_000)
	work := b.TempDir()
	dir := filepath.Join(work, "short")
	if err := writeShortSeedFiles(dir, sharedBBCFrom(repoRoot(b)), n); err != nil {
		b.Fatal(err)
	}
	compareImport(b, work, dir, n, "short seed-format stories, ~0.8 KB each")
}

// compareImport times folio import of dir against the sqlite3 tool
// inserting the same rows, and reports both.
func compareImport(b *testing.B, work, dir string, n int, what string) {
	bin := buildFolio(b, work)
	staged := stageRows(b, work, dir)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lib := filepath.Join(work, fmt.Sprintf("library-%d.db", i))
		ours, rss := timeImport(b, bin, lib, dir)
		theirs := timeSQLite(b, filepath.Join(work, fmt.Sprintf("sqlite3-%d.db", i)), staged)
		oursRate, theirRate := float64(n)/ours.Seconds(), float64(n)/theirs.Seconds()
		b.ReportMetric(oursRate, "articles/s")
		b.ReportMetric(theirRate, "sqlite3-articles/s")
		b.ReportMetric(ours.Seconds()/theirs.Seconds(), "time-ratio-to-sqlite3")
		b.ReportMetric(float64(rss)/1024, "peak-MB")
		fmt.Printf("\nImport of %d articles (%s) into an empty library:\n", n, what)
		fmt.Printf("  folio import   %7.1f s  %7.0f articles/s  peak memory %d MB\n", ours.Seconds(), oursRate, rss/1024)
		fmt.Printf("  sqlite3 (same schema, same rows from a staged table, same page cache) %7.1f s  %7.0f articles/s\n", theirs.Seconds(), theirRate)
		fmt.Printf("  ratio (folio time / sqlite3 time): %.2f\n\n", ours.Seconds()/theirs.Seconds())
	}
}

// writeShortSeedFiles writes n short seed-format stories, one a file, in
// folders of 1,000.
func writeShortSeedFiles(dir, sentences string, n int) error {
	gen := corpus.New(3, sentences)
	for i := 0; i < n; i++ {
		a := gen.Next(i)
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return err
			}
		}
		body := a.Body
		if len(body) > 800 {
			body = body[:strings.LastIndex(body[:800], " ")] + "."
		}
		text := fmt.Sprintf("date %s %s\n\nReference %d.\n", a.Published, body, i)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%06d.txt", i)), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

func repoRoot(b *testing.B) string {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		b.Fatal(err)
	}
	return filepath.Dir(strings.TrimSpace(string(out)))
}

// buildFolio builds the command-line binary (no window needed) once.
func buildFolio(b *testing.B, dir string) string {
	bin := filepath.Join(dir, "folio")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = repoRoot(b)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("build folio: %v\n%s", err, out)
	}
	return bin
}

// timeImport runs folio import and returns its wall time and peak RSS in KB.
func timeImport(b *testing.B, bin, lib, dir string) (time.Duration, int64) {
	start := time.Now()
	cmd := exec.Command(bin, "import", "--db", lib, dir)
	out, err := cmd.CombinedOutput()
	elapsed := time.Since(start)
	if err != nil {
		b.Fatalf("folio import: %v\n%s", err, tail(out))
	}
	return elapsed, cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss
}

// stageRows parses every file of dir as folio import does and writes the
// rows it would store (title, its mark, date, text, word count, hash, path)
// to a table of a database of their own, outside the timing: the sqlite3
// tool then inserts exactly Folio's rows without parsing anything.
func stageRows(b *testing.B, work, dir string) string {
	path := filepath.Join(work, "staged.db")
	st, err := sql.Open("sqlite", path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Exec(`CREATE TABLE staged (title, title_derived, byline, source, url, published, body, html,
		word_count, content_hash, path)`); err != nil {
		b.Fatal(err)
	}
	tx, err := st.Begin()
	if err != nil {
		b.Fatal(err)
	}
	ins, err := tx.Prepare(`INSERT INTO staged VALUES (?, ?, ?, ?, ?, nullif(?, ''), ?, nullif(?, ''), ?, ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	exp := importer.Expand([]string{dir})
	defer exp.Close()
	for _, src := range exp.Sources { // in the order folio import stores them
		data, err := src.Read()
		if err != nil {
			b.Fatal(err)
		}
		docs, err := importer.Parse(src.Path, data)
		if err != nil {
			b.Fatalf("%s: %v", src.Path, err)
		}
		for _, d := range docs {
			if _, err := ins.Exec(d.Title, d.TitleDerived, d.Byline, d.Source, d.URL, d.Published, d.Body, d.HTML,
				db.WordCount(d.Body), db.ContentHash(d.Title, d.Body), src.Path); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return path
}

// sqliteScript is what the sqlite3 tool runs: Folio's schema (every
// migration: the same tables, indexes, full-text indexes and triggers),
// the same pragmas and page cache as Folio's connections, one INSERT …
// SELECT of the staged rows in one transaction, and the same optimize of
// the full-text indexes as the end of a large import.
func sqliteScript(b *testing.B, staged string) string {
	migrations, err := filepath.Glob(filepath.Join(repoRoot(b), "db", "migrations", "*.sql"))
	if err != nil || len(migrations) == 0 {
		b.Fatalf("no migrations found: %v", err)
	}
	var script strings.Builder
	script.WriteString("PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\nPRAGMA cache_size=-32000;\nPRAGMA foreign_keys=1;\n")
	for _, m := range migrations { // Glob sorts them, as their numbers say
		part, err := os.ReadFile(m)
		if err != nil {
			b.Fatal(err)
		}
		script.Write(part)
		script.WriteString("\n")
	}
	fmt.Fprintf(&script, `ATTACH %s AS s;
BEGIN;
INSERT INTO articles (title, title_derived, byline, source, url, published, imported_at, body, html, word_count, content_hash, path)
	SELECT title, title_derived, byline, source, url, published, '2026-01-01T00:00:00Z', body, html, word_count, content_hash, path
	FROM s.staged ORDER BY rowid;
COMMIT;
INSERT INTO articles_fts (articles_fts) VALUES ('optimize');
INSERT INTO annotations_fts (annotations_fts) VALUES ('optimize');
`, sqlQuote(staged))
	return script.String()
}

func sqlQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// timeSQLite times the sqlite3 tool running sqliteScript on a new library.
func timeSQLite(b *testing.B, lib, staged string) time.Duration {
	if _, err := exec.LookPath("sqlite3"); err != nil {
		b.Skip("the sqlite3 command-line tool is not installed (Debian package sqlite3)")
	}
	cmd := exec.Command("sqlite3", lib)
	cmd.Stdin = strings.NewReader(sqliteScript(b, staged))
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("sqlite3: %v\n%s", err, tail(out))
	}
	return time.Since(start)
}

func tail(out []byte) string {
	if len(out) > 2000 {
		return string(out[len(out)-2000:])
	}
	return string(out)
}
