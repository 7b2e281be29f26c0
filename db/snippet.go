package db

import (
	"bytes"
	"strings"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
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

var passages handles[*passageTokens]

// snippetRow is folio_snippet for one row.
func snippetRow(tls *libc.TLS, pApi, pFts, pCtx uintptr, nVal int32, apVal uintptr) {
	api := (*sqlite3.TFts5ExtensionApi)(cPointer(pApi))
	hits, rc := bodyHits(tls, api, pFts)
	if rc != sqlite3.SQLITE_OK {
		sqlite3.Xsqlite3_result_error_code(tls, pCtx, rc)
		return
	}
	if len(hits) == 0 {
		resultText(tls, pCtx, "")
		return
	}
	lo, first, last := passageRange(hits, snippetTokens)
	text, rc := columnText(tls, api, pFts, bodyColumn)
	if rc != sqlite3.SQLITE_OK {
		sqlite3.Xsqlite3_result_error_code(tls, pCtx, rc)
		return
	}
	p := &passageTokens{from: lo, to: first + snippetTokens, first: first, last: last}
	if rc := tokenize(tls, api, pFts, text, p); rc != sqlite3.SQLITE_OK {
		sqlite3.Xsqlite3_result_error_code(tls, pCtx, rc)
		return
	}
	resultText(tls, pCtx, p.passage(unsafe.Slice((*byte)(cPointer(text.p)), text.n), hits))
}

// bodyHits lists the row's phrase matches in the body, in order.
func bodyHits(tls *libc.TLS, api *sqlite3.TFts5ExtensionApi, pFts uintptr) ([]passageHit, int32) {
	mem := tls.Alloc(16)
	defer tls.Free(16)
	rc := apiCall[func(*libc.TLS, uintptr, uintptr) int32](api.FxInstCount)(tls, pFts, mem)
	if rc != sqlite3.SQLITE_OK {
		return nil, rc
	}
	inst := apiCall[func(*libc.TLS, uintptr, int32, uintptr, uintptr, uintptr) int32](api.FxInst)
	size := apiCall[func(*libc.TLS, uintptr, int32) int32](api.FxPhraseSize)
	n := *(*int32)(cPointer(mem))
	var hits []passageHit
	for i := int32(0); i < n; i++ {
		if rc := inst(tls, pFts, i, mem, mem+4, mem+8); rc != sqlite3.SQLITE_OK {
			return nil, rc
		}
		phrase, col, off := *(*int32)(cPointer(mem)), *(*int32)(cPointer(mem + 4)), *(*int32)(cPointer(mem + 8))
		if col != bodyColumn {
			continue
		}
		hits = append(hits, passageHit{phrase: int(phrase), start: int(off), end: int(off + max(size(tls, pFts, phrase), 1))})
	}
	return hits, sqlite3.SQLITE_OK
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

type cText struct {
	p uintptr
	n int
}

// columnText is a column's text in the current row, in SQLite's memory.
func columnText(tls *libc.TLS, api *sqlite3.TFts5ExtensionApi, pFts uintptr, col int32) (cText, int32) {
	mem := tls.Alloc(16)
	defer tls.Free(16)
	rc := apiCall[func(*libc.TLS, uintptr, int32, uintptr, uintptr) int32](api.FxColumnText)(tls, pFts, col, mem, mem+8)
	if rc != sqlite3.SQLITE_OK {
		return cText{}, rc
	}
	return cText{p: *(*uintptr)(cPointer(mem)), n: int(*(*int32)(cPointer(mem + 8)))}, sqlite3.SQLITE_OK
}

// tokenize runs the table's tokenizer over text until the passage ends.
func tokenize(tls *libc.TLS, api *sqlite3.TFts5ExtensionApi, pFts uintptr, text cText, p *passageTokens) int32 {
	h := passages.add(p)
	defer passages.drop(h)
	rc := apiCall[func(*libc.TLS, uintptr, uintptr, int32, uintptr, uintptr) int32](api.FxTokenize)(
		tls, pFts, text.p, int32(text.n), uintptr(h), cFunc(passageToken))
	if rc == sqlite3.SQLITE_DONE {
		return sqlite3.SQLITE_OK
	}
	return rc
}

// passageToken is the tokenizer's callback: it keeps the spans of the
// passage's tokens and stops the tokenizer after them.
func passageToken(tls *libc.TLS, pCtx uintptr, flags int32, pToken uintptr, nToken, iStart, iEnd int32) int32 {
	if flags&sqlite3.FTS5_TOKEN_COLOCATED != 0 {
		return sqlite3.SQLITE_OK
	}
	p, ok := passages.get(int64(pCtx))
	if !ok {
		return sqlite3.SQLITE_ERROR
	}
	pos := p.pos
	p.pos++
	if pos >= p.to {
		p.more = true
		return sqlite3.SQLITE_DONE
	}
	switch {
	case pos >= p.from:
		p.spans = append(p.spans, tokenSpan{int(iStart), int(iEnd)})
	case pos == p.from-1:
		p.prevEnd = int(iEnd)
	}
	return sqlite3.SQLITE_OK
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
