package importer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// htmlPagesDir holds real saved pages with the text a good extractor should
// find in each (ground-truth.json); it sits beside the repository, or under
// FOLIO_SHARED, and may be absent.
var htmlPagesDir = func() string {
	if dir := os.Getenv("FOLIO_SHARED"); dir != "" {
		return filepath.Join(dir, "corpus", "html-pages")
	}
	return filepath.Join("..", "..", "..", "shared", "corpus", "html-pages")
}()

type groundTruth struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

// BenchmarkExtractHTMLPages extracts every page of the corpus and reports
// how well the text matches the ground truth, word by word.
func BenchmarkExtractHTMLPages(b *testing.B) {
	truth, pages := loadHTMLPages(b)
	var score extractionScore
	for i := 0; b.Loop(); i++ {
		for _, name := range sortedKeys(pages) {
			docs, err := Parse(name, pages[name])
			if i > 0 {
				continue
			}
			body := ""
			if err == nil {
				body = docs[0].Body
			} else {
				score.failed++
			}
			score.add(body, truth[name].ArticleBody)
		}
	}
	b.ReportMetric(score.mean(score.precision), "precision")
	b.ReportMetric(score.mean(score.recall), "recall")
	b.ReportMetric(score.mean(score.f1), "F1")
	b.ReportMetric(float64(score.failed), "failed")
	b.ReportMetric(float64(len(pages)), "pages")
}

func loadHTMLPages(b *testing.B) (map[string]groundTruth, map[string][]byte) {
	return loadHTMLPagesT(b)
}

// loadHTMLPagesT reads the html-pages corpus, skipping tb when it is absent.
func loadHTMLPagesT(b testing.TB) (map[string]groundTruth, map[string][]byte) {
	b.Helper()
	data, err := os.ReadFile(filepath.Join(htmlPagesDir, "ground-truth.json"))
	if err != nil {
		b.Skipf("the html-pages corpus is not here (%v); nothing to measure", err)
	}
	truth := map[string]groundTruth{}
	if err := json.Unmarshal(data, &truth); err != nil {
		b.Fatal(err)
	}
	pages := map[string][]byte{}
	for name := range truth {
		page, err := os.ReadFile(filepath.Join(htmlPagesDir, name))
		if err != nil {
			b.Fatal(err)
		}
		pages[name] = page
	}
	return truth, pages
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// extractionScore accumulates word-level precision and recall per page.
type extractionScore struct {
	precision, recall, f1 []float64
	failed                int
}

func (s *extractionScore) add(got, want string) {
	p, r := wordOverlap(got, want)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	s.precision, s.recall, s.f1 = append(s.precision, p), append(s.recall, r), append(s.f1, f)
}

func (s *extractionScore) mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

// wordOverlap compares two texts as bags of lower-cased words.
func wordOverlap(got, want string) (precision, recall float64) {
	g, w := words(got), words(want)
	if len(g) == 0 || len(w) == 0 {
		return 0, 0
	}
	counts := map[string]int{}
	for _, x := range w {
		counts[x]++
	}
	common := 0
	for _, x := range g {
		if counts[x] > 0 {
			counts[x]--
			common++
		}
	}
	return float64(common) / float64(len(g)), float64(common) / float64(len(w))
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
