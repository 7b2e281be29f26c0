package anchor

import (
	"sort"
	"unicode/utf8"
)

// Text is an article's text prepared for placing selectors: converted to
// code points and with its punctuation folded once, however many selectors
// are placed in it.
type Text struct {
	runes  []rune
	folded []rune // the text with typographic punctuation folded (see fold)
	str    string // folded, as valid UTF-8, for fast exact search
	orig   []int  // orig[i] is the offset in runes of folded[i]; nil when nothing was folded
}

// Prepare converts text for Locate.
func Prepare(text string) *Text {
	t := &Text{runes: []rune(text)}
	t.folded, t.orig = foldRunes(t.runes)
	if t.orig == nil && utf8.ValidString(text) {
		t.str = text
	} else {
		t.str = string(t.folded)
	}
	return t
}

// fold is the typewriter form of typographic punctuation: curly quotes,
// dashes and the ellipsis character. Articles and quotes are compared in
// this form, so a quote survives an edit that typesets the punctuation, or
// undoes it.
func fold(r rune) string {
	switch r {
	case '“', '”', '„', '‟', '″', '«', '»':
		return `"`
	case '‘', '’', '‚', '‛', '′':
		return "'"
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return "-"
	case '…':
		return "..."
	}
	return ""
}

// foldRunes folds t; orig maps each folded code point to the one it came
// from, and is nil when nothing changed.
func foldRunes(t []rune) ([]rune, []int) {
	first := -1
	for i, r := range t {
		if fold(r) != "" {
			first = i
			break
		}
	}
	if first < 0 {
		return t, nil
	}
	out := make([]rune, first, len(t)+16)
	copy(out, t)
	orig := make([]int, first, len(t)+16)
	for i := range orig {
		orig[i] = i
	}
	for i := first; i < len(t); i++ {
		f := fold(t[i])
		if f == "" {
			out, orig = append(out, t[i]), append(orig, i)
			continue
		}
		for _, r := range f {
			out, orig = append(out, r), append(orig, i)
		}
	}
	return out, orig
}

// foldString folds a quote or a context.
func foldString(s string) []rune {
	r, _ := foldRunes([]rune(s))
	return r
}

// origStart maps a start offset of the folded text to the original text.
func (t *Text) origStart(i int) int {
	if t.orig == nil || i >= len(t.orig) {
		return i - len(t.folded) + len(t.runes)
	}
	return t.orig[i]
}

// origEnd maps an end offset of the folded text to the original text: an
// end inside a folded "..." takes the whole "…".
func (t *Text) origEnd(i int) int {
	if t.orig == nil || i == 0 {
		return i
	}
	return t.orig[i-1] + 1
}

// foldedAt maps an offset of the original text to the folded text.
func (t *Text) foldedAt(i int) int {
	if t.orig == nil {
		return i
	}
	return sort.SearchInts(t.orig, i)
}
