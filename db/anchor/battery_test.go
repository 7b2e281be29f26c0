package anchor

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The edit battery: highlights made on an article, the article edited in
// one of the ways articles really change, and the highlights placed again.
// Every edit is applied as splices of the old text, so where the highlighted
// passage went (or that it is gone) is known, and each placement is graded.

// splice replaces old text[at:at+cut) with ins.
type splice struct {
	at, cut int
	ins     []rune
}

// edited is the outcome of an edit: the new text and where the
// highlighted passage is in it (gone when it was deleted).
type edited struct {
	text       []rune
	start, end int
	gone       bool
}

// apply makes the splices (sorted, not overlapping) and maps the highlight.
func apply(t []rune, start, end int, edits []splice) edited {
	slices.SortFunc(edits, func(a, b splice) int { return a.at - b.at })
	out := make([]rune, 0, len(t)+64)
	e := edited{start: start, end: end}
	last, shift := 0, 0
	for _, s := range edits {
		out = append(append(out, t[last:s.at]...), s.ins...)
		last = s.at + s.cut
		d := len(s.ins) - s.cut
		if s.at+s.cut <= start { // wholly before the start (an insertion at start too)
			e.start += d
		} else if s.at < start { // the start was replaced: it moves to the start of the replacement
			e.start = s.at + shift
		}
		if s.at+s.cut <= end && !(s.cut == 0 && s.at == end) {
			e.end += d
		} else if s.at < end {
			e.end = s.at + shift + len(s.ins)
		}
		shift += d
	}
	e.text = append(out, t[last:]...)
	return e
}

// editKind makes one kind of edit to text around the highlight [start, end).
type editKind struct {
	name string
	// edit returns the edited text, or ok false when the edit does not
	// apply to this highlight (no copy to change, say).
	edit func(b *battery, t []rune, start, end int) (edited, bool)
	// before, when set, turns the article into the text the highlight is
	// made on; edit then turns it back (the "both ways" of an edit).
	before func(t []rune) []rune
}

// battery holds the articles and the random source of one run.
type battery struct {
	articles [][]rune
	current  int // the article being edited, whose sentences are not reused
	r        *rand.Rand
}

// sentence is a random sentence of another article, for inserted text.
func (b *battery) sentence() []rune {
	for {
		i := b.r.IntN(len(b.articles))
		if i == b.current && len(b.articles) > 1 {
			continue
		}
		a := b.articles[i]
		parts := strings.SplitAfter(string(a), ". ")
		s := strings.TrimSpace(parts[b.r.IntN(len(parts))])
		if n := utf8.RuneCountInString(s); n > 20 && n < 300 && !strings.Contains(s, "\n") {
			return []rune(s)
		}
	}
}

// words is a run of n random words of other articles.
func (b *battery) words(n int) []rune {
	var out []string
	for len(out) < n {
		out = append(out, strings.Fields(string(b.sentence()))...)
	}
	return []rune(strings.Join(out[:n], " "))
}

// sentenceStart is the start of the sentence holding i.
func sentenceStart(t []rune, i int) int {
	for j := i; j > 0; j-- {
		if t[j-1] == '\n' || j >= 2 && t[j-1] == ' ' && strings.ContainsRune(".!?", t[j-2]) {
			return j
		}
	}
	return 0
}

// sentenceEnd is the end of the sentence holding i-1, with its trailing space.
func sentenceEnd(t []rune, i int) int {
	for j := max(i, 1); j < len(t); j++ {
		if t[j] == '\n' {
			return j
		}
		if t[j] == ' ' && strings.ContainsRune(".!?", t[j-1]) {
			return j + 1
		}
	}
	return len(t)
}

// boundaryBefore picks a random sentence start before i (i itself when
// there is none).
func (b *battery) boundaryBefore(t []rune, i int) int {
	var starts []int
	for j := sentenceStart(t, i); j > 0; j = sentenceStart(t, j-1) {
		if j < i {
			starts = append(starts, j)
		}
	}
	starts = append(starts, 0)
	return starts[b.r.IntN(len(starts))]
}

func (b *battery) insertBefore(t []rune, start, end int) (edited, bool) {
	at := b.boundaryBefore(t, start)
	ins := append(b.sentence(), ' ')
	if b.r.IntN(2) == 0 {
		ins = append(b.sentence(), '\n', '\n')
	}
	return apply(t, start, end, []splice{{at: at, ins: ins}}), true
}

// typoInside changes one letter inside the quote, away from its edges.
func (b *battery) typoInside(t []rune, start, end int) (edited, bool) {
	var letters []int
	for i := start + 2; i < end-2; i++ {
		if unicode.IsLetter(t[i]) {
			letters = append(letters, i)
		}
	}
	if len(letters) == 0 {
		return edited{}, false
	}
	i := letters[b.r.IntN(len(letters))]
	var s splice
	switch b.r.IntN(4) {
	case 0: // a letter changed
		s = splice{at: i, cut: 1, ins: []rune{otherLetter(t[i])}}
	case 1: // a letter dropped
		s = splice{at: i, cut: 1}
	case 2: // a letter doubled
		s = splice{at: i, ins: []rune{t[i]}}
	default: // two letters swapped
		s = splice{at: i, cut: 2, ins: []rune{t[i+1], t[i]}}
	}
	return apply(t, start, end, []splice{s}), true
}

func otherLetter(r rune) rune {
	if r == 'e' {
		return 'a'
	}
	return 'e'
}

// contextRewritten replaces the words within about a context's length on
// either side of the quote, in its paragraph, with other words.
func (b *battery) contextRewritten(t []rune, start, end int) (edited, bool) {
	var edits []splice
	from := start - 1 // keep the space before the quote
	for from > 0 && start-from < ContextLen+8 && t[from-1] != '\n' {
		from--
	}
	if from < start-1 {
		n := len(strings.Fields(string(t[from : start-1])))
		edits = append(edits, splice{at: from, cut: start - 1 - from, ins: b.words(max(n, 1))})
	}
	to := end + 1
	for to < len(t) && to-end < ContextLen+8 && t[to] != '\n' {
		to++
	}
	if end+1 < to {
		n := len(strings.Fields(string(t[end+1 : to])))
		edits = append(edits, splice{at: end + 1, cut: to - end - 1, ins: b.words(max(n, 1))})
	}
	if len(edits) == 0 {
		return edited{}, false
	}
	return apply(t, start, end, edits), true
}

// passageDeleted deletes the sentences the quote is in.
func (b *battery) passageDeleted(t []rune, start, end int) (edited, bool) {
	from, to := sentenceStart(t, start), sentenceEnd(t, end)
	e := apply(t, start, end, []splice{{at: from, cut: to - from}})
	e.gone = true
	return e, true
}

// nearCopyRemains deletes the passage and puts, in a paragraph away from it, a
// copy of the quote with one of its words changed.
func (b *battery) nearCopyRemains(t []rune, start, end int) (edited, bool) {
	words := strings.Fields(string(t[start:end]))
	if len(words) < 3 {
		return edited{}, false
	}
	i := 1 + b.r.IntN(len(words)-2)
	words[i] = string(b.words(1))
	if words[i] == strings.Fields(string(t[start:end]))[i] {
		words[i] += "s"
	}
	from, to := sentenceStart(t, start), sentenceEnd(t, end)
	at := b.paragraphStart(t, from, to)
	if at < 0 {
		return edited{}, false
	}
	copied := []rune(strings.Join(words, " ") + ". ")
	e := apply(t, start, end, []splice{{at: from, cut: to - from}, {at: at, ins: copied}})
	e.gone = true
	return e, true
}

// paragraphStart picks the start of a paragraph away from [from, to)
// (more than a context's length), or -1.
func (b *battery) paragraphStart(t []rune, from, to int) int {
	var starts []int
	for i := range t {
		if (i == 0 || t[i-1] == '\n') && t[i] != '\n' && (i < from-2*ContextLen || i > to+2*ContextLen) {
			starts = append(starts, i)
		}
	}
	if len(starts) == 0 {
		return -1
	}
	return starts[b.r.IntN(len(starts))]
}

// rewrapped breaks the lines of every paragraph at 72 columns.
func rewrapped(t []rune) []rune {
	out := slices.Clone(t)
	col, lastSpace := 0, -1
	for i, r := range out {
		switch {
		case r == '\n':
			col, lastSpace = 0, -1
			continue
		case r == ' ':
			lastSpace = i
		}
		col++
		if col > 72 && lastSpace >= 0 {
			out[lastSpace] = '\n'
			col, lastSpace = i-lastSpace, -1
		}
	}
	return out
}

// unwrapped joins the lines of every paragraph.
func unwrapped(t []rune) []rune {
	out := slices.Clone(t)
	for i, r := range out {
		if r == '\n' && (i == 0 || out[i-1] != '\n') && (i+1 == len(out) || out[i+1] != '\n') {
			out[i] = ' '
		}
	}
	return out
}

// sameLength turns a whole-text change that keeps every offset into an edit.
func sameLength(change func([]rune) []rune) func(*battery, []rune, int, int) (edited, bool) {
	return func(_ *battery, t []rune, start, end int) (edited, bool) {
		return edited{text: change(t), start: start, end: end}, true
	}
}

// punctuation lists the splices that turn typewriter quotes, dashes and
// ellipses into typographic ones (or back, when plain is set).
func punctuation(t []rune, plain bool) []splice {
	var out []splice
	for i := 0; i < len(t); i++ {
		open := i == 0 || unicode.IsSpace(t[i-1]) || strings.ContainsRune("([", t[i-1])
		switch r := t[i]; {
		case plain && strings.ContainsRune("“”", r):
			out = append(out, splice{at: i, cut: 1, ins: []rune{'"'}})
		case plain && strings.ContainsRune("‘’", r):
			out = append(out, splice{at: i, cut: 1, ins: []rune{'\''}})
		case plain && r == '–':
			out = append(out, splice{at: i, cut: 1, ins: []rune{'-'}})
		case plain && r == '—':
			out = append(out, splice{at: i, cut: 1, ins: []rune("--")})
		case plain && r == '…':
			out = append(out, splice{at: i, cut: 1, ins: []rune("...")})
		case plain:
		case r == '"' && open:
			out = append(out, splice{at: i, cut: 1, ins: []rune{'“'}})
		case r == '"':
			out = append(out, splice{at: i, cut: 1, ins: []rune{'”'}})
		case r == '\'' && open:
			out = append(out, splice{at: i, cut: 1, ins: []rune{'‘'}})
		case r == '\'':
			out = append(out, splice{at: i, cut: 1, ins: []rune{'’'}})
		case r == '-' && i > 0 && i+1 < len(t) && t[i-1] == ' ' && t[i+1] == ' ':
			out = append(out, splice{at: i, cut: 1, ins: []rune{'–'}})
		case r == '-' && i+1 < len(t) && t[i+1] == '-':
			out = append(out, splice{at: i, cut: 2, ins: []rune{'—'}})
			i++
		case r == '.' && i+2 < len(t) && t[i+1] == '.' && t[i+2] == '.':
			out = append(out, splice{at: i, cut: 3, ins: []rune{'…'}})
			i += 2
		}
	}
	return out
}

func punctuate(plain bool) func(*battery, []rune, int, int) (edited, bool) {
	return func(_ *battery, t []rune, start, end int) (edited, bool) {
		edits := punctuation(t, plain)
		if len(edits) == 0 {
			return edited{}, false
		}
		return apply(t, start, end, edits), true
	}
}

func typographic(t []rune) []rune { return apply(t, 0, 0, punctuation(t, false)).text }

// copyEarlier puts a copy of the quote, in a sentence of its own, at a
// sentence start before the quote.
func (b *battery) copyEarlier(t []rune, start, end int) (edited, bool) {
	at := b.boundaryBefore(t, start)
	ins := slices.Concat([]rune("As reported, "), t[start:end], []rune(". "))
	return apply(t, start, end, []splice{{at: at, ins: ins}}), true
}

// copyAtPosition puts the same words just before the quote.
func (b *battery) copyAtPosition(t []rune, start, end int) (edited, bool) {
	ins := slices.Concat(t[start:end], []rune(" "))
	return apply(t, start, end, []splice{{at: start, ins: ins}}), true
}

// editKinds are the edits of the battery, in the order of its table.
var editKinds = []editKind{
	{name: "insertion before", edit: (*battery).insertBefore},
	{name: "typo inside", edit: (*battery).typoInside},
	{name: "context rewritten", edit: (*battery).contextRewritten},
	{name: "passage deleted", edit: (*battery).passageDeleted},
	{name: "deleted, near copy left", edit: (*battery).nearCopyRemains},
	{name: "rewrapped", edit: sameLength(rewrapped)},
	{name: "unwrapped", edit: sameLength(unwrapped), before: rewrapped},
	{name: "punctuation typeset", edit: punctuate(false)},
	{name: "punctuation plain", edit: punctuate(true), before: typographic},
	{name: "copy earlier", edit: (*battery).copyEarlier},
	{name: "copy at old position", edit: (*battery).copyAtPosition},
}

// grades counts the outcomes of one kind of edit.
type grades struct {
	trials, correct, edges, wrong, lost, orphaned int
	examples                                      []string
}

// grade compares a placement with where the passage really is.
func (g *grades) grade(kind string, sel Selector, e edited, got Selector, m Method) {
	g.trials++
	example := func(what string) {
		if len(g.examples) < 3 {
			g.examples = append(g.examples, fmt.Sprintf("%s, %s: %q (prefix %q, suffix %q) -> %s %q at %d–%d, want %s",
				kind, what, sel.Exact, sel.Prefix, sel.Suffix, m, got.Exact, got.Start, got.End, want(e)))
		}
	}
	switch {
	case e.gone && m == Orphaned:
		g.orphaned++
	case e.gone:
		g.wrong++
		example("wrong")
	case m == Orphaned:
		g.lost++
		example("lost")
	case got.Start == e.start && got.End == e.end:
		g.correct++
	case got.Start < e.end && e.start < got.End:
		g.edges++
		example("edges off")
	default:
		g.wrong++
		example("wrong")
	}
}

func want(e edited) string {
	if e.gone {
		return "orphan"
	}
	return fmt.Sprintf("%q at %d–%d", string(e.text[e.start:e.end]), e.start, e.end)
}

// highlights picks n passages of 3 to 25 words of t, as word spans.
func highlights(r *rand.Rand, t []rune, n int) [][2]int {
	var words [][2]int
	for i := 0; i < len(t); {
		for i < len(t) && unicode.IsSpace(t[i]) {
			i++
		}
		j := i
		for j < len(t) && !unicode.IsSpace(t[j]) {
			j++
		}
		if j > i {
			words = append(words, [2]int{i, j})
		}
		i = j
	}
	var out [][2]int
	for len(words) >= 3 && len(out) < n {
		size := 3 + r.IntN(23)
		if size > len(words) {
			continue
		}
		first := r.IntN(len(words) - size + 1)
		out = append(out, [2]int{words[first][0], words[first+size-1][1]})
	}
	return out
}

// runBattery makes every kind of edit on perArticle highlights of every
// article and grades the placements.
func runBattery(articles []string, perArticle int, seed uint64) []grades {
	b := &battery{r: rand.New(rand.NewPCG(seed, 3))}
	for _, a := range articles {
		b.articles = append(b.articles, []rune(a))
	}
	out := make([]grades, len(editKinds))
	for i, a := range b.articles {
		b.current = i
		for k, kind := range editKinds {
			t := a
			if kind.before != nil {
				t = kind.before(a)
			}
			for _, h := range highlights(b.r, t, perArticle) {
				e, ok := kind.edit(b, t, h[0], h[1])
				if !ok {
					continue
				}
				sel := describe(t, h[0], h[1])
				got, m := Locate(string(e.text), sel)
				out[k].grade(kind.name, sel, e, got, m)
			}
		}
	}
	return out
}

// printGrades writes the battery's table.
func printGrades(w io.Writer, g []grades, examples bool) (wrong, lost, trials int) {
	fmt.Fprintf(w, "    %-26s %7s %8s %6s %6s %5s %9s\n", "edit", "trials", "correct", "edges", "wrong", "lost", "orphaned")
	for k, row := range g {
		fmt.Fprintf(w, "    %-26s %7d %8d %6d %6d %5d %9d\n", editKinds[k].name, row.trials, row.correct, row.edges, row.wrong, row.lost, row.orphaned)
		wrong += row.wrong + row.edges
		lost += row.lost
		trials += row.trials
	}
	fmt.Fprintf(w, "    %-26s %7d %8s %6s %6d %5d   (%.2f wrong per 10,000)\n", "all", trials, "", "", wrong, lost, 1e4*float64(wrong)/float64(max(trials, 1)))
	if examples {
		for _, row := range g {
			for _, e := range row.examples {
				fmt.Fprintln(w, "     ", e)
			}
		}
	}
	return wrong, lost, trials
}

// sharedCorpus finds the BBC articles: under $FOLIO_SHARED, else in a
// folder named shared beside the repository or one of its parents.
func sharedCorpus() (string, bool) {
	if d := os.Getenv("FOLIO_SHARED"); d != "" {
		dir := filepath.Join(d, "corpus", "bbc")
		_, err := os.Stat(dir)
		return dir, err == nil
	}
	dir, err := filepath.Abs(".")
	if err != nil {
		return "", false
	}
	for ; filepath.Dir(dir) != dir; dir = filepath.Dir(dir) {
		bbc := filepath.Join(dir, "shared", "corpus", "bbc")
		if _, err := os.Stat(bbc); err == nil {
			return bbc, true
		}
	}
	return "", false
}

// readArticles reads the bodies of the title-first text files under dir
// (Latin-1 when a file is not UTF-8).
func readArticles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text := string(data)
		if !utf8.ValidString(text) {
			r := make([]rune, len(data))
			for i, c := range data {
				r[i] = rune(c)
			}
			text = string(r)
		}
		_, body, _ := strings.Cut(strings.ReplaceAll(strings.TrimSpace(text), "\r\n", "\n"), "\n")
		out = append(out, strings.TrimSpace(body))
		return nil
	})
	return out, err
}
