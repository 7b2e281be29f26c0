package anchor

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestEditBattery runs the edit battery on the articles in testdata: no
// highlight may land on other text, and none may be lost while its
// passage is still there.
func TestEditBattery(t *testing.T) {
	articles, err := readArticles("testdata/battery")
	if err != nil || len(articles) == 0 {
		t.Fatalf("read the battery's articles: %v (%d)", err, len(articles))
	}
	g := runBattery(articles, 40, 1)
	var out strings.Builder
	wrong, lost, trials := printGrades(&out, g, true)
	if trials < 1000 || wrong > 0 || lost > 0 {
		t.Errorf("%d trials, %d wrong, %d lost:\n%s", trials, wrong, lost, out.String())
	}
}

// BenchmarkAnchoring runs the edit battery on the BBC corpus (five
// highlights of 3 to 25 words per article and kind of edit) and prints its
// table. FOLIO_ANCHOR_ARTICLES=N uses the first N articles only.
func BenchmarkAnchoring(b *testing.B) {
	dir, ok := sharedCorpus()
	if !ok {
		b.Skip("BBC corpus not found (set FOLIO_SHARED to the folder holding corpus/bbc): skipped")
	}
	articles, err := readArticles(dir)
	if err != nil {
		b.Fatal(err)
	}
	if n, err := strconv.Atoi(os.Getenv("FOLIO_ANCHOR_ARTICLES")); err == nil && n < len(articles) {
		articles = articles[:n]
	}
	for b.Loop() {
		g := runBattery(articles, 5, 1)
		os.Stdout.WriteString("    Edit battery: " + strconv.Itoa(len(articles)) + " BBC articles, 5 highlights of 3–25 words each per kind of edit\n")
		wrong, lost, trials := printGrades(os.Stdout, g, os.Getenv("FOLIO_ANCHOR_EXAMPLES") != "")
		b.ReportMetric(1e4*float64(wrong)/float64(trials), "wrong/10k")
		b.ReportMetric(float64(lost), "lost")
	}
}
