package importer

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// BenchmarkExtractionShingles scores the body text Folio extracts from the
// pages of the article-extraction benchmark with that benchmark's own
// measure (its evaluate.py): for each page, the 4-word shingles of the
// extracted and the expected text are matched, true and false positives
// and negatives are normalised by the page's total, precision and recall
// are averaged over pages, and F1 is their harmonic mean. Beside it, the
// same score of go-readability's own text for the same pages, the library
// Folio builds on. It prints the pages scored worst.
//
//	go test -run '^$' -bench 'ExtractionShingles$' -benchtime 1x ./app/importer/
func BenchmarkExtractionShingles(b *testing.B) {
	truth, pages := loadHTMLPages(b)
	names := sortedKeys(pages)
	var folio, plain shingleScores
	for b.Loop() {
		folio, plain = shingleScores{}, shingleScores{}
		for _, name := range names {
			want := truth[name].ArticleBody
			folio.add(name, folioBody(name, pages[name]), want)
			plain.add(name, readabilityBody(pages[name]), want)
		}
	}
	fp, fr, ff := folio.metrics()
	rp, rr, rf := plain.metrics()
	b.ReportMetric(ff, "F1")
	b.ReportMetric(fp, "precision")
	b.ReportMetric(fr, "recall")
	b.ReportMetric(rf, "readability-F1")
	fmt.Printf("\nExtraction on %d pages (4-word shingles, as the article-extraction benchmark's evaluate.py):\n", len(names))
	fmt.Printf("  Folio               F1 %.3f  precision %.3f  recall %.3f  pages below F1 0.5: %d\n", ff, fp, fr, folio.below(0.5))
	fmt.Printf("  go-readability text F1 %.3f  precision %.3f  recall %.3f  pages below F1 0.5: %d\n", rf, rp, rr, plain.below(0.5))
	fmt.Println("  Folio's worst pages:")
	for _, pg := range folio.worst(12) {
		fmt.Printf("    %s  F1 %.3f  precision %.3f  recall %.3f\n", pg.name, pg.f1(), pg.precision(), pg.recall())
	}
	fmt.Println()
}

// folioBody is the text Folio stores for a page, "" when it finds none.
func folioBody(name string, page []byte) string {
	docs, err := Parse(name, page)
	if err != nil || len(docs) == 0 {
		return ""
	}
	return docs[0].Body
}

// readabilityBody is go-readability's own text of the page, decoded as
// Folio decodes it: the baseline Folio's cleaning is measured against.
func readabilityBody(page []byte) string {
	text, err := decodeHTML(page)
	if err != nil {
		return ""
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return ""
	}
	parser := readability.NewParser()
	article, err := parser.ParseAndMutate(doc, nil)
	if err != nil || article.Node == nil {
		return ""
	}
	var b strings.Builder
	if err := article.RenderText(&b); err != nil {
		return ""
	}
	return b.String()
}

// pageScore is one page's shingle matches, normalised to sum to 1.
type pageScore struct {
	name       string
	tp, fp, fn float64
}

func (s pageScore) precision() float64 {
	switch {
	case s.fp == 0 && s.fn == 0:
		return 1
	case s.tp == 0 && s.fp == 0:
		return 0
	}
	return s.tp / (s.tp + s.fp)
}

func (s pageScore) recall() float64 {
	switch {
	case s.fp == 0 && s.fn == 0:
		return 1
	case s.tp == 0 && s.fn == 0:
		return 0
	}
	return s.tp / (s.tp + s.fn)
}

func (s pageScore) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

type shingleScores []pageScore

func (ss *shingleScores) add(name, got, want string) {
	*ss = append(*ss, matchShingles(name, got, want))
}

// metrics are evaluate.py's: precision averaged over the pages where
// something was extracted, recall over those where something was expected.
func (ss shingleScores) metrics() (precision, recall, f1 float64) {
	var np, nr int
	for _, s := range ss {
		if s.tp+s.fp > 0 {
			precision += s.precision()
			np++
		}
		if s.tp+s.fn > 0 {
			recall += s.recall()
			nr++
		}
	}
	precision /= float64(max(np, 1))
	recall /= float64(max(nr, 1))
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}

func (ss shingleScores) below(f1 float64) int {
	n := 0
	for _, s := range ss {
		if s.f1() < f1 {
			n++
		}
	}
	return n
}

func (ss shingleScores) worst(n int) []pageScore {
	sorted := append(shingleScores{}, ss...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].f1() < sorted[j].f1() })
	return sorted[:min(n, len(sorted))]
}

// matchShingles counts the shingles two texts share (true positives), those
// only in got (false positives) and only in want (false negatives).
func matchShingles(name, got, want string) pageScore {
	g, w := shingles(got), shingles(want)
	s := pageScore{name: name}
	for k, wc := range w {
		gc := g[k]
		s.tp += float64(min(gc, wc))
		s.fn += float64(max(0, wc-gc))
	}
	for k, gc := range g {
		s.fp += float64(max(0, gc-w[k]))
	}
	if sum := s.tp + s.fp + s.fn; sum > 0 {
		s.tp, s.fp, s.fn = s.tp/sum, s.fp/sum, s.fn/sum
	}
	return s
}

// shingles counts the runs of 4 tokens of a text; a text of fewer tokens
// is one shingle. Tokens are runs of letters, digits and "_", case kept, as
// Python's \w+ finds them.
func shingles(text string) map[string]int {
	tokens := strings.FieldsFunc(text, func(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_') })
	out := map[string]int{}
	if len(tokens) == 0 {
		return out
	}
	for i := 0; i < max(1, len(tokens)-3); i++ {
		out[strings.Join(tokens[i:min(i+4, len(tokens))], "\x00")]++
	}
	return out
}

func TestShingleScoreMatchesEvaluatePy(t *testing.T) {
	// Worked by hand with evaluate.py's string_shingle_matching.
	s := matchShingles("", "a b c d e", "a b c d x")
	if s.tp != 1.0/3 || s.fp != 1.0/3 || s.fn != 1.0/3 {
		t.Errorf("tp, fp, fn = %v %v %v, want a third each", s.tp, s.fp, s.fn)
	}
	if s := matchShingles("", "", ""); s.precision() != 1 || s.recall() != 1 {
		t.Errorf("two empty texts: precision %v recall %v, want 1 and 1", s.precision(), s.recall())
	}
	if s := matchShingles("", "", "one two"); s.precision() != 0 || s.recall() != 0 {
		t.Errorf("nothing extracted: precision %v recall %v", s.precision(), s.recall())
	}
	if s := matchShingles("", "Café, déjà-vu 42 x_y", "Café déjà vu 42 x_y"); s.f1() != 1 {
		t.Errorf("punctuation is not a token: F1 %v", s.f1())
	}
	ss := shingleScores{{tp: 1}, {tp: 0.5, fp: 0.5}, {fn: 1}}
	p, r, f := ss.metrics()
	// Precision leaves out the page where nothing was extracted: (1 + 0.5) / 2.
	if wantF := 2 * 0.75 * (2.0 / 3) / (0.75 + 2.0/3); p != 0.75 || math.Abs(r-2.0/3) > 1e-12 || math.Abs(f-wantF) > 1e-12 {
		t.Errorf("metrics = %v %v %v, want 0.75, 2/3 and %v", p, r, f, wantF)
	}
}
