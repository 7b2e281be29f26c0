package db

import (
	"context"
	"strings"
	"time"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// DiffPart is a run of words of a diff between two versions.
type DiffPart struct {
	Op   string `json:"op"`   // "same", "added" (only in the newer) or "removed" (only in the older)
	Text string `json:"text"` // the words with the spaces between them
}

// Diff operations.
const (
	DiffSame    = "same"
	DiffAdded   = "added"
	DiffRemoved = "removed"
)

// VersionDiff compares the text (title and body) of two articles word by
// word: what the second adds to the first and what it drops.
func (s *Store) VersionDiff(ctx context.Context, fromID, toID int64) ([]DiffPart, error) {
	from, err := s.GetArticle(ctx, fromID)
	if err != nil {
		return nil, err
	}
	to, err := s.GetArticle(ctx, toID)
	if err != nil {
		return nil, err
	}
	return wordDiff(from.Title+"\n\n"+from.Body, to.Title+"\n\n"+to.Body), nil
}

// diffTimeout bounds the diff of two very different long texts; past it
// the diff is coarser, never wrong.
const diffTimeout = 2 * time.Second

// wordDiff diffs two texts by words: each word is one symbol, a rune (as
// a line is in the library's line diff), so a change never splits a word
// and a change of spacing alone is none. The parts keep the spaces after
// their words: the newer text's, where both have the word.
func wordDiff(a, b string) []DiffPart {
	symbols := map[string]rune{}
	encode := func(tokens []string) []rune {
		out := make([]rune, len(tokens))
		for i, tok := range tokens {
			w := strings.TrimRightFunc(tok, unicode.IsSpace)
			r, ok := symbols[w]
			if !ok {
				r = symbolRune(len(symbols))
				symbols[w] = r
			}
			out[i] = r
		}
		return out
	}
	ta, tb := splitWords(a), splitWords(b)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = diffTimeout
	parts := []DiffPart{}
	ia, ib := 0, 0
	for _, d := range dmp.DiffMainRunes(encode(ta), encode(tb), false) {
		n := len([]rune(d.Text))
		var part DiffPart
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			part = DiffPart{Op: DiffAdded, Text: strings.Join(tb[ib:ib+n], "")}
			ib += n
		case diffmatchpatch.DiffDelete:
			part = DiffPart{Op: DiffRemoved, Text: strings.Join(ta[ia:ia+n], "")}
			ia += n
		default:
			part = DiffPart{Op: DiffSame, Text: strings.Join(tb[ib:ib+n], "")}
			ia, ib = ia+n, ib+n
		}
		parts = append(parts, part)
	}
	return parts
}

// symbolRune is the rune standing for the n-th distinct word: the diff's
// text passes through strings, so the surrogate range, which no string
// holds, is skipped. Words past what runes can number share the last one.
func symbolRune(n int) rune {
	r := rune(min(n, unicode.MaxRune-0x800))
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

// splitWords cuts text into words, each with the white space after it;
// joined, they are the text again.
func splitWords(text string) []string {
	var out []string
	start := 0
	inSpace := false
	for i, r := range text {
		space := unicode.IsSpace(r)
		if !space && inSpace {
			out = append(out, text[start:i])
			start = i
		}
		inSpace = space
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}
