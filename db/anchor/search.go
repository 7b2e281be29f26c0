package anchor

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Weights of the candidate score, as in Hypothesis.
const (
	quoteWeight    = 50
	contextWeight  = 20 // for the prefix and for the suffix
	positionWeight = 2
)

const (
	maxErrors   = 256     // edits a fuzzy match may have, whatever the quote length
	shortQuote  = 16      // fuzzy matches of shorter quotes need context
	maxScored   = 256     // candidates whose context is compared in full
	matchBudget = 1 << 22 // block steps spent placing fuzzy matches
)

// search holds what Locate needs to compare candidate places. Its text,
// quote and context are folded (see fold).
type search struct {
	str            string // the text, valid UTF-8
	text           []rune
	quote          []rune
	prefix, suffix []rune
	noContext      bool // the selector has neither prefix nor suffix
	hint           int
}

// candidate is a possible place text[start:end) for the quote.
type candidate struct {
	start, end int
	errs       int     // edit distance from the quote
	pre, suf   float64 // similarity of the prefix and the suffix
	score      float64
}

// edge stands for the start or the end of the text in context comparisons.
const edge rune = -1

func (t *Text) newSearch(sel Selector) *search {
	s := &search{str: t.str, text: t.folded, quote: foldString(sel.Exact), hint: t.foldedAt(sel.Start)}
	if sel.Prefix == "" && sel.Suffix == "" {
		s.noContext = true
		return s
	}
	prefix, suffix := foldString(sel.Prefix), foldString(sel.Suffix)
	s.prefix = prefix[max(0, len(prefix)-ContextLen):]
	s.suffix = suffix[:min(len(suffix), ContextLen)]
	// Only Folio's own selectors say that short context meets a text edge;
	// other tools write as little context as they like.
	if sel.Edges && utf8.RuneCountInString(sel.Prefix) < ContextLen {
		s.prefix = append([]rune{edge}, s.prefix...)
	}
	if sel.Edges && utf8.RuneCountInString(sel.Suffix) < ContextLen {
		s.suffix = append(slices.Clip(s.suffix), edge)
	}
	return s
}

// before is the n code points of context before i, edge included.
func (s *search) before(i, n int) []rune {
	if i >= n {
		return s.text[i-n : i]
	}
	return append([]rune{edge}, s.text[:i]...)
}

// after is the n code points of context from i, edge included.
func (s *search) after(i, n int) []rune {
	if i+n <= len(s.text) {
		return s.text[i : i+n]
	}
	return append(slices.Clip(s.text[i:]), edge)
}

// best finds the best place for the quote: an exact occurrence, else one
// with whitespace changed, else an approximate match. A place whose context
// has changed may be another copy of a repeated phrase, so it is compared
// with the approximate matches, where an edited copy in the right context
// can beat it. A place is only taken on good evidence (see convincing and
// acceptable): a passage that is gone makes an orphan, not a guess.
func (s *search) best() (candidate, bool) {
	exact := s.exact()
	if len(exact) == 0 {
		exact = s.spaced()
	}
	c, ok, repeated := s.pickExact(exact)
	if ok && (c.trusted() || repeated) {
		return c, true
	}
	f, fok := s.pick(s.fuzzy())
	// An exact quote near its old place beats a better-scored match far
	// away: the old place is evidence too.
	if fok && (!ok || f.score > c.score && !(s.near(c) && !s.near(f))) {
		return f, true
	}
	if ok {
		if c, ok := s.convincing(c, exact); ok {
			return c, true
		}
	}
	return f, fok // an acceptable match whose context agrees, or nothing
}

// nearby is how far from its old place a quote whose context has changed
// may be found: about the context that changed around it.
const nearby = 2 * ContextLen

func (s *search) near(c candidate) bool { return s.distance(c.start) <= nearby }

// agrees says whether the text around c is at least roughly the
// selector's context, each side weighed by its length, or one side of a
// few words at least is all but the same.
func (s *search) agrees(c candidate) bool {
	lp, ls := float64(len(s.prefix)), float64(len(s.suffix))
	return lp+ls == 0 || c.pre*lp+c.suf*ls >= 0.6*(lp+ls) ||
		c.pre >= 0.9 && lp >= ContextLen/4 || c.suf >= 0.9 && ls >= ContextLen/4
}

// convincing returns c, the best occurrence of the quote, when its context
// roughly agrees or the selector has none; else the one occurrence near the
// old place, if there is just one (the words around the quote were
// rewritten). Otherwise the quote is somewhere else now, and no place is
// convincing.
func (s *search) convincing(c candidate, all []candidate) (candidate, bool) {
	if s.agrees(c) || s.noContext {
		return c, true
	}
	var found []candidate
	for _, o := range all {
		if s.near(o) {
			found = append(found, o)
		}
	}
	if len(found) != 1 {
		return candidate{}, false
	}
	return found[0], true
}

// pickExact is pick for occurrences of the quote, with one more rule: when
// the quote occurs twice in a row, the first with the old prefix and the
// second with the old suffix, the words were repeated at the highlight's
// start and the highlight is the second (text inserted at its edge stays
// outside it, as in place). It says when that rule chose.
func (s *search) pickExact(cands []candidate) (c candidate, ok, repeated bool) {
	c, ok = s.pick(cands)
	if !ok || c.trusted() {
		return c, ok, false
	}
	for _, first := range cands {
		if first.pre < 0.9 || first.suf >= 0.9 {
			continue
		}
		next := spaceAfterRunes(s.text, first.end)
		for _, second := range cands {
			if second.start == next && second.suf >= 0.9 && second.pre < 0.9 && (c == first || c == second) {
				return second, true, true
			}
		}
	}
	return c, ok, false
}

// spaceAfterRunes is the end of the whitespace starting at i.
func spaceAfterRunes(t []rune, i int) int {
	for i < len(t) && unicode.IsSpace(t[i]) {
		i++
	}
	return i
}

// exact lists every occurrence of the quote.
func (s *search) exact() []candidate {
	starts := indexAll(s.str, string(s.quote))
	out := make([]candidate, 0, len(starts))
	for _, i := range starts {
		if c := (candidate{start: i, end: i + len(s.quote)}); s.wordEdges(c) {
			out = append(out, c)
		}
	}
	return s.rateAll(out)
}

// spaced lists the places where the quote occurs with its whitespace
// changed: every run of whitespace in the quote stands for any run of
// whitespace in the text. Such a place counts as one error.
func (s *search) spaced() []candidate {
	quote := string(s.quote)
	words := strings.FieldsFunc(quote, unicode.IsSpace)
	if len(words) == 0 {
		return nil
	}
	lead, trail := spaceAfter(quote, 0) > 0, spaceBefore(quote, len(quote)) < len(quote)
	runes := runeIndex{str: s.str}
	var out []candidate
	for at := 0; ; {
		i := strings.Index(s.str[at:], words[0])
		if i < 0 {
			return s.rateAll(out)
		}
		i += at
		_, size := utf8.DecodeRuneInString(s.str[i:])
		at = i + size
		wordsEnd := matchWords(s.str, i, words)
		if wordsEnd < 0 {
			continue
		}
		start, end := i, wordsEnd
		if lead {
			start = spaceBefore(s.str, i)
		}
		if trail {
			end = spaceAfter(s.str, wordsEnd)
		}
		if start == i && lead || end == wordsEnd && trail {
			continue // the quote's leading or trailing whitespace is missing
		}
		if c := (candidate{start: runes.at(start), end: runes.at(end), errs: 1}); s.wordEdges(c) {
			out = append(out, c)
		}
	}
}

// matchWords returns where words end when they occur at str[i:] separated
// by whitespace, or -1.
func matchWords(str string, i int, words []string) int {
	i += len(words[0])
	for _, w := range words[1:] {
		j := spaceAfter(str, i)
		if j == i || !strings.HasPrefix(str[j:], w) {
			return -1
		}
		i = j + len(w)
	}
	return i
}

// spaceAfter is the end of the whitespace starting at byte i of str.
func spaceAfter(str string, i int) int {
	return len(str) - len(strings.TrimLeftFunc(str[i:], unicode.IsSpace))
}

// spaceBefore is the start of the whitespace ending at byte i of str.
func spaceBefore(str string, i int) int {
	return len(strings.TrimRightFunc(str[:i], unicode.IsSpace))
}

// fuzzy lists acceptable approximate matches of the quote.
func (s *search) fuzzy() []candidate {
	m := len(s.quote)
	k := min(m/4, maxErrors)
	if k == 0 {
		return nil
	}
	p := compile(s.quote)
	ends := p.bestEnds(s.text, k)
	slices.SortStableFunc(ends, func(a, b hit) int {
		return cmp.Or(cmp.Compare(a.errs, b.errs), cmp.Compare(s.distance(a.end-m), s.distance(b.end-m)))
	})
	limit := min(max(matchBudget/(2*(m+k)*p.blocks), 2), maxScored)
	var out []candidate
	for _, h := range ends[:min(len(ends), limit)] {
		if c := s.place(p, h.end, k); s.acceptable(&c) {
			out = append(out, c)
		}
	}
	if s.noContext {
		return s.onlyOne(out)
	}
	return out
}

// acceptable rates c and says whether it is close enough to the quote, in
// the right context, with edges that are word edges where the quote's were.
// A selector without context has only the quote to go by: its match is
// taken when it is clearly the only one (see onlyOne).
func (s *search) acceptable(c *candidate) bool {
	s.rate(c)
	m := len(s.quote)
	switch {
	case c.errs == 0 || c.errs*4 > m || c.errs > maxErrors || !s.wordEdges(*c):
		return false // exact places are exact's
	case c.errs > 0 && !s.noContext:
		return s.agrees(*c)
	}
	return true
}

// wordEdges says whether c starts and ends where words do, as far as the
// quote and its context say it did.
func (s *search) wordEdges(c candidate) bool {
	if len(s.prefix) > 0 && wordEdge(s.prefix, s.quote) && !s.textEdge(c.start) {
		return false
	}
	return len(s.suffix) == 0 || !wordEdge(s.quote, s.suffix) || s.textEdge(c.end)
}

// onlyOne keeps the best of approximate matches for a selector without
// context when no other comes close (within one edit); nothing otherwise.
func (s *search) onlyOne(cands []candidate) []candidate {
	best, ok := s.pick(cands)
	if !ok {
		return nil
	}
	for _, o := range cands {
		if (o.start >= best.end || o.end <= best.start) && o.errs <= best.errs+1 {
			return nil
		}
	}
	return []candidate{best}
}

// pick returns the best scoring candidate.
func (s *search) pick(cands []candidate) (candidate, bool) {
	if len(cands) == 0 {
		return candidate{}, false
	}
	return slices.MaxFunc(cands, func(a, b candidate) int { return cmp.Compare(a.score, b.score) }), true
}

// rateAll rates the candidates, or a shortlist of them when there are many.
func (s *search) rateAll(cands []candidate) []candidate {
	if len(cands) > maxScored {
		cands = s.shortlist(cands)
	}
	for i := range cands {
		s.rate(&cands[i])
	}
	return cands
}

// shortlist keeps the candidates whose context agrees longest, then the
// nearest. It sorts packed keys: disagreement, distance, then index.
func (s *search) shortlist(cands []candidate) []candidate {
	const bits = 28
	keys := make([]uint64, len(cands))
	for i, c := range cands {
		agree := commonSuffix(s.prefix, s.text[:c.start]) + commonPrefix(s.suffix, s.text[c.end:])
		near := min(s.distance(c.start), 1<<bits-1)
		keys[i] = uint64(4*ContextLen-agree)<<(2*bits) | uint64(near)<<bits | uint64(i)
	}
	slices.Sort(keys)
	out := make([]candidate, maxScored)
	for i := range out {
		out[i] = cands[keys[i]&(1<<bits-1)]
	}
	return out
}

// trusted says whether c's context is close enough to the selector's that
// no other place needs to be tried.
func (c candidate) trusted() bool {
	return min(c.pre, c.suf) >= 0.9
}

// rate fills in the context similarity and the score of c.
func (s *search) rate(c *candidate) {
	pre := similarity(s.prefix, s.before(c.start, len(s.prefix)))
	suf := similarity(s.suffix, s.after(c.end, len(s.suffix)))
	near := 1 - float64(s.distance(c.start))/float64(max(len(s.text), 1))
	quote := 1 - float64(c.errs)/float64(len(s.quote))
	c.pre, c.suf = pre, suf
	c.score = quoteWeight*quote + contextWeight*(pre+suf) + positionWeight*max(near, 0)
}

func (s *search) distance(i int) int {
	if i > s.hint {
		return i - s.hint
	}
	return s.hint - i
}

// similarity is 1 minus the fewest edits turning want into some substring of
// got, relative to the length of want; 1 when want is empty.
func similarity(want, got []rune) float64 {
	if len(want) == 0 {
		return 1
	}
	row := make([]int, len(got)+1)
	for i, w := range want {
		diag := row[0]
		row[0] = i + 1
		for j, g := range got {
			next := min(row[j+1], row[j]) + 1
			if w == g {
				next = min(next, diag)
			} else {
				next = min(next, diag+1)
			}
			diag, row[j+1] = row[j+1], next
		}
	}
	return 1 - float64(slices.Min(row))/float64(len(want))
}

func commonPrefix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

// indexAll returns the code point offset of every occurrence of p in str,
// overlapping ones included.
func indexAll(str, p string) []int {
	if p == "" {
		return nil
	}
	runes := runeIndex{str: str}
	var out []int
	for at := 0; ; {
		i := strings.Index(str[at:], p)
		if i < 0 {
			return out
		}
		out = append(out, runes.at(at+i))
		_, size := utf8.DecodeRuneInString(str[at+i:])
		at += i + size
	}
}

// runeIndex turns byte offsets of str into code point offsets, cheaply when
// they come in order.
type runeIndex struct {
	str        string
	byte, rune int
}

func (x *runeIndex) at(b int) int {
	if b >= x.byte {
		x.rune += utf8.RuneCountInString(x.str[x.byte:b])
	} else {
		x.rune -= utf8.RuneCountInString(x.str[b:x.byte])
	}
	x.byte = b
	return x.rune
}
