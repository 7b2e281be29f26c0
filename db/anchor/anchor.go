// Package anchor places highlights in article text that may have changed.
//
// A highlight is kept as a W3C Web Annotation TextQuoteSelector (exact,
// prefix, suffix) together with a TextPositionSelector (start, end).
// Positions count code points of the canonical text and end is exclusive.
//
// Locate re-anchors a selector. Text, quote and context are compared with
// typographic punctuation folded (curly quotes, dashes, "…" as "..."), and
// places are mapped back to the text as it is. It tries, in order:
//
//  1. the old position, when the quote and its context are still there;
//  2. the exact quote, choosing among its occurrences by how well the prefix
//     and suffix match and then by nearness to the old position;
//  3. the quote with whitespace runs treated alike (a space that became a
//     newline, two spaces or a paragraph break);
//  4. an approximate match (Myers' bit-parallel algorithm, any quote length).
//
// A place is taken only on good evidence, so that a highlight whose passage
// is gone becomes an orphan rather than a guess on other text:
//
//   - an occurrence of the quote needs its context to agree roughly (the
//     two sides weighed by length at least 60% similar, or one side of 8 or
//     more code points 90% similar), or to be the only occurrence within
//     64 code points of the old position (the words around it rewritten);
//   - an approximate match needs its context to agree the same way; for a
//     selector with no context it must be clearly the only one (no other
//     within one edit). It may have at most one edit per four code points
//     of the quote and never more than 256, so quotes under four code
//     points must match exactly;
//   - no place starts or ends inside a word where the quote did not;
//   - when the quote occurs twice in a row, the first with the old prefix
//     and the second with the old suffix, the words were repeated before
//     the highlight and it takes the second.
//
// Candidates are scored like Hypothesis does: quote similarity (weight 50),
// prefix and suffix similarity (20 each) and nearness to the old position
// (2). An exact place whose context has changed is compared with the
// approximate matches, so an edited copy of a repeated phrase in the right
// context beats an unedited copy elsewhere, unless the exact one is near the
// old position and the other is not. Places found in steps 3 and 4, and
// places whose punctuation differs from the quote's, are reported as ByFuzzy.
//
// Context is evidence, compared exactly as given (case included), whatever
// its length. Only Folio's own selectors (Edges, as Describe writes them)
// say that a prefix or suffix shorter than ContextLen meets the start or
// end of the text; a selector with neither prefix nor suffix carries no
// context.
package anchor

import "slices"

// ContextLen is how many code points of context a selector keeps each side.
const ContextLen = 32

// Selector locates a passage of a text.
type Selector struct {
	Exact  string `json:"exact"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
	Start  int    `json:"start"` // code points
	End    int    `json:"end"`   // code points, exclusive
	// Edges says that a Prefix or Suffix shorter than ContextLen stops at
	// the start or the end of the text, as Describe writes them. Selectors
	// written by other tools carry context of any length and leave it false.
	Edges bool `json:"edges"`
}

// Method says how Locate placed a selector.
type Method string

// The ways Locate can place a selector.
const (
	ByPosition Method = "position" // the quote is still at its old position
	ByQuote    Method = "quote"    // the exact quote was found elsewhere (nearest to the old position wins)
	ByFuzzy    Method = "fuzzy"    // an approximate match of quote with context
	Orphaned   Method = "orphaned" // it could not be placed
)

// Describe builds the selector for text[start:end) (code points), clamping out-of-range values.
func Describe(text string, start, end int) Selector {
	return describe([]rune(text), start, end)
}

func describe(t []rune, start, end int) Selector {
	start = min(max(start, 0), len(t))
	end = min(max(end, start), len(t))
	return Selector{
		Exact:  string(t[start:end]),
		Prefix: string(t[max(0, start-ContextLen):start]),
		Suffix: string(t[end:min(len(t), end+ContextLen)]),
		Start:  start,
		End:    end,
		Edges:  true,
	}
}

// Locate finds sel in text and returns the selector re-described at its new place
// (fresh exact/prefix/suffix/start/end from text) and how it was found. When it
// cannot be placed it returns sel unchanged and Orphaned. To place several
// selectors in one text, Prepare it once and call its Locate.
func Locate(text string, sel Selector) (Selector, Method) {
	return Prepare(text).Locate(sel)
}

// Locate places sel in t (see the package documentation).
func (t *Text) Locate(sel Selector) (Selector, Method) {
	q := []rune(sel.Exact)
	if atPosition(t.runes, q, sel.Start, sel.End) {
		d := describe(t.runes, sel.Start, sel.End)
		if len(q) == 0 || d.Prefix == sel.Prefix && d.Suffix == sel.Suffix {
			return d, ByPosition
		}
	}
	if len(q) == 0 {
		return sel, Orphaned
	}
	c, ok := t.newSearch(sel).best()
	if !ok {
		return sel, Orphaned
	}
	start, end := t.origStart(c.start), t.origEnd(c.end)
	placed := describe(t.runes, start, end)
	switch {
	case !slices.Equal(t.runes[start:end], q):
		return placed, ByFuzzy
	case start == sel.Start && end == sel.End:
		return placed, ByPosition
	}
	return placed, ByQuote
}

func atPosition(t, q []rune, start, end int) bool {
	if start < 0 || end < start || end > len(t) {
		return false
	}
	return slices.Equal(t[start:end], q)
}
