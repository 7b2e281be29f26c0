package names

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The labelled sample: testdata/labels.txt names files of the BBC corpus,
// which is not part of the repository. FOLIO_SHARED points at the folder
// that holds corpus/; without it, the corpus is looked for beside the
// repository, and the tests are skipped when it is not there either.

// labelled is one article of the sample and the names a reader found in it.
type labelled struct {
	path  string
	names []labelledName
}

type labelledName struct {
	kind  Kind
	forms []string
}

func readLabels(t testing.TB, file string) []labelled {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		switch {
		case s == "" || strings.HasPrefix(s, "#"):
		case strings.HasPrefix(s, "== "):
			out = append(out, labelled{path: strings.TrimPrefix(s, "== ")})
		default:
			kind, rest, _ := strings.Cut(s, " ")
			k, ok := ParseKind(kind)
			if !ok || len(out) == 0 || rest == "" {
				t.Fatalf("%s:%d: want \"== path\" or \"person|org|place Name|Variant\", got %q", file, line, s)
			}
			out[len(out)-1].names = append(out[len(out)-1].names, labelledName{kind: k, forms: strings.Split(rest, "|")})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// corpusDir finds the BBC corpus or skips the test.
func corpusDir(t testing.TB) string {
	t.Helper()
	dirs := []string{filepath.Join("..", "..", "..", "shared", "corpus", "bbc")}
	if s := os.Getenv("FOLIO_SHARED"); s != "" {
		dirs = append([]string{filepath.Join(s, "corpus", "bbc")}, dirs...)
	}
	for _, d := range dirs {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	t.Skip("the BBC corpus is not here (set FOLIO_SHARED to the folder that holds corpus/bbc)")
	return ""
}

// score counts, per kind, names found, found right, labelled and labelled
// found. A name found counts as right when one of its forms is one of the
// forms of a labelled name of the same kind.
type score struct {
	found, right, labelled, recalled map[Kind]int
	misses                           []string
}

func newScore() *score {
	return &score{found: map[Kind]int{}, right: map[Kind]int{}, labelled: map[Kind]int{}, recalled: map[Kind]int{}}
}

func comparable(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, ".", ""))
	return strings.TrimPrefix(s, "the ")
}

func sameName(forms []string, labelledForms []string) bool {
	for _, f := range forms {
		for _, l := range labelledForms {
			if comparable(f) == comparable(l) {
				return true
			}
		}
	}
	return false
}

func (s *score) add(path string, got []Name, want []labelledName) {
	for _, g := range got {
		s.found[g.Kind]++
		ok := false
		for _, w := range want {
			if w.kind == g.Kind && sameName(append([]string{g.Name}, g.Forms...), w.forms) {
				ok = true
				break
			}
		}
		if ok {
			s.right[g.Kind]++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("%s: wrong %s %q", path, g.Kind, g.Name))
		}
	}
	for _, w := range want {
		s.labelled[w.kind]++
		ok := false
		for _, g := range got {
			if w.kind == g.Kind && sameName(append([]string{g.Name}, g.Forms...), w.forms) {
				ok = true
				break
			}
		}
		if ok {
			s.recalled[w.kind]++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("%s: missed %s %q", path, w.kind, w.forms[0]))
		}
	}
}

func (s *score) precision(k Kind) float64 { return ratio(s.right[k], s.found[k]) }
func (s *score) recall(k Kind) float64    { return ratio(s.recalled[k], s.labelled[k]) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// runSample finds the names in every article of a labelled sample, or of
// several joined by "+" ("heldout.txt+heldout2.txt").
func runSample(t testing.TB, files string, find func(string) []Name) (*score, time.Duration) {
	dir := corpusDir(t)
	var sample []labelled
	for _, file := range strings.Split(files, "+") {
		sample = append(sample, readLabels(t, file)...)
	}
	texts := make([]string, len(sample))
	for i, a := range sample {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(a.path)))
		if err != nil {
			t.Fatal(err)
		}
		texts[i] = string(b)
	}
	s := newScore()
	start := time.Now()
	for i, a := range sample {
		s.add(a.path, find(texts[i]), a.names)
	}
	return s, time.Since(start)
}

// TestLabelledSample holds the recogniser to its targets on the labelled
// sample: precision at least 0.85 and recall at least 0.7 for every kind,
// on each article alone and with what the rest of the corpus says about
// people, as at an import into a library that holds it.
func TestLabelledSample(t *testing.T) {
	lex := libraryLexicon(t)
	for _, run := range []struct {
		name string
		find func(string) []Name
	}{{"alone", Find}, {"in a library", func(text string) []Name { return FindWith(text, lex) }}} {
		s, _ := runSample(t, "labels.txt", run.find)
		if testing.Verbose() {
			for _, m := range s.misses {
				t.Log(m)
			}
		}
		for _, k := range []Kind{Person, Org, Place} {
			p, r := s.precision(k), s.recall(k)
			t.Logf("%-12s %-6s precision %.3f (%d/%d)  recall %.3f (%d/%d)", run.name, k, p, s.right[k], s.found[k], r, s.recalled[k], s.labelled[k])
			if p < 0.85 || r < 0.7 {
				t.Errorf("%s, %s: precision %.3f, recall %.3f; want at least 0.85 and 0.7", run.name, k, p, r)
			}
		}
	}
}

// BenchmarkNamesSample reports precision and recall per kind on the
// labelled sample and on the held-out one, beside a plain baseline, and
// how many articles a second one core reads.
func BenchmarkNamesSample(b *testing.B) {
	var took time.Duration
	n := 0
	for b.Loop() {
		_, d := runSample(b, "labels.txt", Find)
		took += d
		n += len(readLabels(b, "labels.txt"))
	}
	b.ReportMetric(float64(n)/took.Seconds(), "articles/s")
	lex := libraryLexicon(b)
	withLibrary := func(text string) []Name { return FindWith(text, lex) }
	for _, file := range []string{"labels.txt", "heldout.txt", "heldout2.txt", "heldout.txt+heldout2.txt"} {
		for _, run := range []struct {
			name string
			find func(string) []Name
		}{{"rules", Find}, {"rules+library", withLibrary}, {"baseline", baseline}} {
			s, _ := runSample(b, file, run.find)
			fmt.Printf("%-24s %-13s", file, run.name)
			for _, k := range []Kind{Person, Org, Place} {
				fmt.Printf("  %s P %.2f R %.2f", k, s.precision(k), s.recall(k))
			}
			fmt.Println()
		}
	}
}

// libraryLexicon finds the names in the whole corpus, as a library that
// holds it would, and makes its lexicon as the store does.
func libraryLexicon(t testing.TB) *Lexicon {
	dir := corpusDir(t)
	counts := map[string]map[Kind]int{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, n := range Find(string(b)) {
			if counts[n.Name] == nil {
				counts[n.Name] = map[Kind]int{}
			}
			counts[n.Name][n.Kind]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var usage []Usage
	for name, byKind := range counts {
		for k, n := range byKind {
			usage = append(usage, Usage{Name: name, Kind: k, Articles: n})
		}
	}
	return LexiconOf(usage)
}

// TestHeldOutSample reports how the rules do on the articles they were not
// tuned on, both held-out samples together; it asserts nothing beyond the
// samples being readable, since its figures are there to be read, not to
// be met.
func TestHeldOutSample(t *testing.T) {
	s, _ := runSample(t, "heldout.txt+heldout2.txt", Find)
	for _, k := range []Kind{Person, Org, Place} {
		t.Logf("%-6s precision %.3f (%d/%d)  recall %.3f (%d/%d)", k, s.precision(k), s.right[k], s.found[k], s.recall(k), s.recalled[k], s.labelled[k])
	}
	if testing.Verbose() {
		for _, m := range s.misses {
			t.Log(m)
		}
	}
}

// baseline is what a reader without the rules would do: every capitalised
// sequence not starting a sentence is a name, a place when the list of
// places has it, a person when it has two or three words, else an
// organisation.
func baseline(text string) []Name {
	var out []Name
	seen := map[string]bool{}
	for _, m := range mentions(text, tokenize(text)) {
		key := strings.Join(m.words, " ")
		if seen[key] || m.initial {
			continue
		}
		seen[key] = true
		k := Org
		switch {
		case places[key] || aliases[key] != "":
			k = Place
		case len(m.words) == 2 || len(m.words) == 3:
			k = Person
		}
		out = append(out, Name{Name: key, Kind: k, Forms: []string{key}, Spans: []Span{{int(m.start), int(m.end)}}})
	}
	return out
}

// BenchmarkFind measures the recogniser alone on every article of the
// BBC corpus, as an import runs it: time per article and articles a
// second on one core.
//
//	go test -run '^$' -bench 'Find$' ./db/names/
func BenchmarkFind(b *testing.B) {
	dir := corpusDir(b)
	var texts []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		texts = append(texts, string(data))
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for b.Loop() {
		for _, t := range texts {
			Find(t)
		}
		n += len(texts)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/article")
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
