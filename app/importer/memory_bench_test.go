package importer_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"folio/db/corpus"
)

// BenchmarkImportLargeFiles imports a folder of very large seed-format
// articles (36 files of 30 MB by default; FOLIO_BENCH_LARGE_FILES and
// FOLIO_BENCH_LARGE_MB change it) with the real folio binary and reports
// its peak memory (maximum resident set size), which must stay under
// 300 MB however large and many the files are.
//
//	go test -run '^$' -bench ImportLargeFiles -benchtime 1x ./app/importer/
func BenchmarkImportLargeFiles(b *testing.B) {
	files, mb := envInt("FOLIO_BENCH_LARGE_FILES", 36), envInt("FOLIO_BENCH_LARGE_MB", 30)
	work := b.TempDir()
	bin := buildFolio(b, work)
	dir := filepath.Join(work, "large")
	if err := writeLargeFiles(dir, sharedBBCFrom(repoRoot(b)), files, mb<<20); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		took, rss := timeImport(b, bin, filepath.Join(work, fmt.Sprintf("library-%d.db", i)), dir)
		b.ReportMetric(float64(rss)/1024, "peak-MB")
		fmt.Printf("\nImport of %d seed-format files of %d MB: %.1f s, peak memory %d MB\n\n", files, mb, took.Seconds(), rss/1024)
	}
}

// writeLargeFiles writes n seed-format files of about size bytes each, of
// generated paragraphs.
func writeLargeFiles(dir, sentences string, n, size int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	gen := corpus.New(7, sentences)
	for i := 0; i < n; i++ {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("large-%02d.txt", i)))
		if err != nil {
			return err
		}
		w := bufio.NewWriterSize(f, 1<<20)
		fmt.Fprintf(w, "date 2024-01-%02d ", 1+i%28)
		for written := 0; written < size; {
			body := gen.Next(i).Body
			n, _ := w.WriteString(body + "\n\n")
			written += n
		}
		if err := w.Flush(); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

// sharedBBCFrom is the BBC corpus the generator takes its sentences from:
// under FOLIO_SHARED when it is set (a checkout elsewhere than beside the
// shared folder), else where development machines keep it beside root.
func sharedBBCFrom(root string) string {
	if dir := os.Getenv("FOLIO_SHARED"); dir != "" {
		return filepath.Join(dir, "corpus", "bbc")
	}
	return filepath.Join(root, corpus.SharedCorpus)
}
