package db

import (
	"bytes"
	"strings"

	"folio/db/fts5aux"
)

// folio_snippet(articles_fts) is the passage of a matching row's body
// with the most of the query's phrases, snippetTokens words long, the
// matched words between MarkStart and MarkEnd, and "…" where the body
// goes on. FTS5's snippet() finds the same from the same match positions,
// but it tokenizes (and stems) the whole body twice and looks the row's
// size up; this tokenizes only as far as the passage ends.
const snippetFunction = "folio_snippet"

// bodyColumn is the body's column in articles_fts.
const bodyColumn = 3

// passageHit is one phrase found in the body, in token positions.
type passageHit struct{ phrase, start, end int }

// tokenSpan is where a token of the passage sits in the body, in bytes.
type tokenSpan struct{ start, end int }

// passageTokens collects the byte spans of the tokens a passage may hold
// while FTS5's tokenizer walks the body.
type passageTokens struct {
	from, to    int // token positions wanted: [from, to)
	first, last int // the matches to show are in [first, last)
	pos         int // position of the next token
	prevEnd     int // where the token before from ends
	spans       []tokenSpan
	more        bool // the body goes on after to
}

// snippetRow is folio_snippet for one row.
func snippetRow(c fts5aux.Call) {
	hits, err := bodyHits(c)
	if err != nil {
		c.SetError(err)
		return
	}
	if len(hits) == 0 {
		c.SetText("")
		return
	}
	lo, first, last := passageRange(hits, snippetTokens)
	text, err := c.ColumnText(bodyColumn)
	if err != nil {
		c.SetError(err)
		return
	}
	p := &passageTokens{from: lo, to: first + snippetTokens, first: first, last: last}
	if err := c.Tokenize(text, p.token); err != nil {
		c.SetError(err)
		return
	}
	c.SetText(p.passage(text, hits))
}

// bodyHits lists the row's phrase matches in the body, in order.
func bodyHits(c fts5aux.Call) ([]passageHit, error) {
	insts, err := c.PhraseInsts(nil)
	if err != nil {
		return nil, err
	}
	var hits []passageHit
	for _, in := range insts {
		if in.Col != bodyColumn {
			continue
		}
		off, phrase := int(in.Offset), int(in.Phrase)
		hits = append(hits, passageHit{phrase: phrase, start: off, end: off + max(c.PhraseSize(phrase), 1)})
	}
	return hits, nil
}

// passageRange is the window of n tokens with the most different
// phrases, then the most matches, the earliest of equals: the tokens
// [first, last) hold its matches, and the passage may start anywhere from
// lo to first and still show them all.
func passageRange(hits []passageHit, n int) (lo, first, last int) {
	bestScore, phrases := -1, 0
	for _, h := range hits {
		phrases = max(phrases, h.phrase+1)
	}
	seen := make([]bool, phrases) // the phrases in the window
	for i, h := range hits {
		clear(seen)
		count, distinct, end := 0, 0, h.end
		for _, g := range hits[i:] {
			if g.end > h.start+n {
				break
			}
			if !seen[g.phrase] {
				seen[g.phrase] = true
				distinct++
			}
			count++
			end = max(end, g.end)
		}
		if score := distinct*1000 + count; score > bestScore {
			bestScore, first, last = score, h.start, end
		}
	}
	return max(0, last-n), first, last
}

// token is the tokenizer's callback: it keeps the spans of the passage's
// tokens and stops the tokenizer after them.
func (p *passageTokens) token(t fts5aux.Token) error {
	if t.Colocated {
		return nil
	}
	pos := p.pos
	p.pos++
	if pos >= p.to {
		p.more = true
		return fts5aux.Stop
	}
	switch {
	case pos >= p.from:
		p.spans = append(p.spans, tokenSpan{t.Start, t.End})
	case pos == p.from-1:
		p.prevEnd = t.End
	}
	return nil
}

// passage writes the passage out of the body with its matches marked. It
// starts at the sentence holding the first match when that still shows
// them all, else with the matches centred.
func (p *passageTokens) passage(body []byte, hits []passageHit) string {
	if len(p.spans) == 0 {
		return ""
	}
	start := p.start(body)
	end := min(start+snippetTokens, p.from+len(p.spans))
	spans := p.spans[start-p.from : end-p.from]
	opens, closes := markRanges(hits, start, end)
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	for i, span := range spans {
		if i > 0 {
			b.Write(body[spans[i-1].end:span.start])
		}
		if opens[i] {
			b.WriteString(MarkStart)
		}
		b.Write(body[span.start:span.end])
		if closes[i] {
			b.WriteString(MarkEnd)
		}
	}
	if p.more || end < p.from+len(p.spans) {
		b.WriteString("…")
	}
	return b.String()
}

// markRanges says which tokens of [start, end) open and close a mark
// (indexed from start): one mark per match, overlapping matches merged.
func markRanges(hits []passageHit, start, end int) (opens, closes []bool) {
	opens, closes = make([]bool, end-start), make([]bool, end-start)
	from, to := -1, -1 // the mark being built
	flush := func() {
		if from >= 0 {
			opens[from-start], closes[to-1-start] = true, true
		}
	}
	for _, h := range hits { // in order of start
		s, e := max(h.start, start), min(h.end, end)
		if s >= e {
			continue
		}
		if from >= 0 && s < to {
			to = max(to, e)
			continue
		}
		flush()
		from, to = s, e
	}
	flush()
	return opens, closes
}

// start is the token the passage starts at.
func (p *passageTokens) start(body []byte) int {
	for pos := min(p.first, p.from+len(p.spans)-1); pos >= p.from; pos-- {
		prev := p.prevEnd
		if pos > p.from {
			prev = p.spans[pos-p.from-1].end
		}
		if pos == 0 || bytes.ContainsAny(body[prev:p.spans[pos-p.from].start], ".!?") {
			return pos
		}
	}
	return max(p.from, p.first-(snippetTokens-(p.last-p.first))/2)
}
