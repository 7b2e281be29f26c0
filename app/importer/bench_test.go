package importer_test

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"folio/db"
	"folio/db/corpus"
)

// BenchmarkImport imports a generated corpus of realistic articles (100,000
// by default; FOLIO_BENCH_ARTICLES=N changes it) into an empty library with
// the real folio binary, and in the same run has the stock sqlite3 tool
// bulk-insert the same texts into an equivalent table (Folio's own schema:
// the articles table, its indexes and the FTS5 indexes kept by triggers) in
// one transaction. It prints articles per second for both, the ratio, and the
// import's peak memory (maximum resident set size).
//
//	go test -run '^$' -bench Import -benchtime 1x ./app/importer/
func BenchmarkImport(b *testing.B) {
	n := envInt("FOLIO_BENCH_ARTICLES", 100_000)
	work := b.TempDir()
	bin := buildFolio(b, work)
	dir := filepath.Join(work, "articles")
	gen := corpus.New(1, sharedBBCFrom(repoRoot(b)))
	if _, err := gen.WriteFiles(dir, n); err != nil {
		b.Fatal(err)
	}
	text := "Zipf-distributed words"
	if gen.UsesRealSentences() {
		text = "sentences recombined from the BBC corpus"
	}
	sqlFile := writeSQLiteScript(b, work, dir)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lib := filepath.Join(work, fmt.Sprintf("library-%d.db", i))
		ours, rss := timeImport(b, bin, lib, dir)
		theirs := timeSQLite(b, filepath.Join(work, fmt.Sprintf("sqlite3-%d.db", i)), sqlFile)
		oursRate, theirRate := float64(n)/ours.Seconds(), float64(n)/theirs.Seconds()
		b.ReportMetric(oursRate, "articles/s")
		b.ReportMetric(theirRate, "sqlite3-articles/s")
		b.ReportMetric(ours.Seconds()/theirs.Seconds(), "time-ratio-to-sqlite3")
		b.ReportMetric(float64(rss)/1024, "peak-MB")
		fmt.Printf("\nImport of %d articles (%s, ~%d bytes each) into an empty library:\n", n, text, corpus.BodySize)
		fmt.Printf("  folio import   %7.1f s  %7.0f articles/s  peak memory %d MB\n", ours.Seconds(), oursRate, rss/1024)
		fmt.Printf("  sqlite3 (same schema, one transaction) %7.1f s  %7.0f articles/s\n", theirs.Seconds(), theirRate)
		fmt.Printf("  ratio (folio time / sqlite3 time): %.2f\n\n", ours.Seconds()/theirs.Seconds())
	}
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

// writeSQLiteScript writes the same articles as one SQL transaction against
// Folio's own schema (every migration: the same tables, indexes, full-text
// indexes and triggers), as the title-first parser reads them.
func writeSQLiteScript(b *testing.B, work, dir string) string {
	migrations, err := filepath.Glob(filepath.Join(repoRoot(b), "db", "migrations", "*.sql"))
	if err != nil || len(migrations) == 0 {
		b.Fatalf("no migrations found: %v", err)
	}
	var schema []byte
	for _, m := range migrations { // Glob sorts them, as their numbers say
		part, err := os.ReadFile(m)
		if err != nil {
			b.Fatal(err)
		}
		schema = append(schema, part...)
	}
	path := filepath.Join(work, "import.sql")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintf(w, "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n%s\nBEGIN;\n", schema)
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		title, body, _ := strings.Cut(strings.TrimSpace(string(data)), "\n\n")
		fmt.Fprintf(w, "INSERT INTO articles (title, imported_at, body, word_count, content_hash, path) VALUES (%s, '2026-01-01T00:00:00Z', %s, %d, '%s', %s);\n",
			sqlQuote(title), sqlQuote(body), db.WordCount(body), db.ContentHash(title, body), sqlQuote(p))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	fmt.Fprintln(w, "COMMIT;")
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	return path
}

func sqlQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func timeSQLite(b *testing.B, lib, script string) time.Duration {
	if _, err := exec.LookPath("sqlite3"); err != nil {
		b.Skip("the sqlite3 command-line tool is not installed (Debian package sqlite3)")
	}
	in, err := os.Open(script)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	cmd := exec.Command("sqlite3", lib)
	cmd.Stdin = in
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
