package fts5aux

import (
	"cmp"
	"slices"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// Call is one call of an auxiliary function: the current row of a match,
// the function's arguments, and its result. It is valid only during the
// call.
type Call struct {
	tls   *libc.TLS
	api   *sqlite3.TFts5ExtensionApi
	fts   uintptr // Fts5Context*
	ctx   uintptr // sqlite3_context*
	nVal  int32
	apVal uintptr
	mem   uintptr // memBytes of scratch for the API's out parameters
}

// Args is how many arguments the function was given after the table.
func (c Call) Args() int { return int(c.nVal) }

// Int64Arg is argument i (after the table) as an integer.
func (c Call) Int64Arg(i int) int64 {
	return sqlite3.Xsqlite3_value_int64(c.tls, *(*uintptr)(cPointer(c.apVal + uintptr(i)*8)))
}

// Rowid is the current row's rowid.
func (c Call) Rowid() int64 {
	return apiCall[func(*libc.TLS, uintptr) int64](c.api.FxRowid)(c.tls, c.fts)
}

// RowCount is how many rows the table has.
func (c Call) RowCount() (int64, error) {
	rc := apiCall[func(*libc.TLS, uintptr, uintptr) int32](c.api.FxRowCount)(c.tls, c.fts, c.mem)
	return *(*int64)(cPointer(c.mem)), errorOf(rc)
}

// ColumnTotalSize is how many tokens column col holds in all rows (-1:
// all columns).
func (c Call) ColumnTotalSize(col int) (int64, error) {
	rc := apiCall[func(*libc.TLS, uintptr, int32, uintptr) int32](c.api.FxColumnTotalSize)(c.tls, c.fts, int32(col), c.mem)
	return *(*int64)(cPointer(c.mem)), errorOf(rc)
}

// PhraseCount is how many phrases the query has.
func (c Call) PhraseCount() int {
	return int(apiCall[func(*libc.TLS, uintptr) int32](c.api.FxPhraseCount)(c.tls, c.fts))
}

// PhraseSize is how many tokens phrase i has.
func (c Call) PhraseSize(i int) int {
	return int(apiCall[func(*libc.TLS, uintptr, int32) int32](c.api.FxPhraseSize)(c.tls, c.fts, int32(i)))
}

// InstCount is how many times the query's phrases occur in the row.
func (c Call) InstCount() (int, error) {
	rc := apiCall[func(*libc.TLS, uintptr, uintptr) int32](c.api.FxInstCount)(c.tls, c.fts, c.mem)
	return int(*(*int32)(cPointer(c.mem))), errorOf(rc)
}

// Inst is one occurrence of a phrase in the row.
type Inst struct{ Phrase, Col, Offset int32 }

// Insts appends the row's occurrences to dst, in FTS5's order: by column,
// then offset, then phrase.
func (c Call) Insts(dst []Inst) ([]Inst, error) {
	n, err := c.InstCount()
	if err != nil {
		return dst, err
	}
	inst := apiCall[func(*libc.TLS, uintptr, int32, uintptr, uintptr, uintptr) int32](c.api.FxInst)
	m := c.mem
	for i := range int32(n) {
		if rc := inst(c.tls, c.fts, i, m, m+4, m+8); rc != sqlite3.SQLITE_OK {
			return dst, Error(rc)
		}
		dst = append(dst, Inst{*(*int32)(cPointer(m)), *(*int32)(cPointer(m + 4)), *(*int32)(cPointer(m + 8))})
	}
	return dst, nil
}

// PhraseInsts is Insts read phrase by phrase: each phrase's positions in
// the row, decoded here from the position list xPhraseFirst hands out,
// then sorted into Insts's order. FTS5 builds its list of occurrences by
// picking the next one among every phrase at each step, which costs the
// phrase count per occurrence: for a query of forty words (related
// articles, a pasted paragraph) that was most of ranking a row. The
// result is the same list (tested against Insts), got in about half the
// time even for one phrase.
func (c Call) PhraseInsts(dst []Inst) ([]Inst, error) {
	phrases := int32(c.PhraseCount())
	first := apiCall[func(*libc.TLS, uintptr, int32, uintptr, uintptr, uintptr) int32](c.api.FxPhraseFirst)
	columns := apiCall[func(*libc.TLS, uintptr) int32](c.api.FxColumnCount)(c.tls, c.fts)
	iter, col, off := c.mem, c.mem+16, c.mem+20 // an Fts5PhraseIter, then the two out parameters
	start := len(dst)
	for i := range phrases {
		if rc := first(c.tls, c.fts, i, iter, col, off); rc != sqlite3.SQLITE_OK {
			return dst, Error(rc)
		}
		if *(*int32)(cPointer(col)) < 0 {
			continue // not in this row
		}
		dst = append(dst, Inst{i, *(*int32)(cPointer(col)), *(*int32)(cPointer(off))})
		it := (*sqlite3.TFts5PhraseIter)(cPointer(iter))
		var rest []byte
		if it.Fb > it.Fa {
			rest = unsafe.Slice((*byte)(cPointer(it.Fa)), it.Fb-it.Fa)
		}
		dst = appendPositions(dst, i, columns, dst[len(dst)-1], rest)
	}
	if phrases > 1 { // one phrase's list is in order already
		slices.SortFunc(dst[start:], compareInsts)
	}
	return dst, nil
}

// appendPositions decodes the rest of a phrase's position list as
// xPhraseNext does, from the occurrence last: varints, each the offset's
// step plus 2, or 1 and then a new column (whose offsets start at 0).
func appendPositions(dst []Inst, phrase, columns int32, last Inst, list []byte) []Inst {
	c, o := last.Col, last.Offset
	for len(list) > 0 {
		v, n := varint32(list)
		list = list[n:]
		if v == 1 {
			v, n = varint32(list)
			list = list[n:]
			c, o = min(int32(v), columns-1), 0
			v, n = varint32(list)
			list = list[n:]
		}
		o += int32(v) - 2
		dst = append(dst, Inst{phrase, c, o})
	}
	return dst
}

// varint32 reads one of SQLite's variable-length integers (big-endian,
// seven bits a byte, the high bit set on all but the last; a ninth byte
// gives all eight) and its length; past the end it reads 0.
func varint32(p []byte) (uint32, int) {
	var v uint32
	for i := 0; i < len(p); i++ {
		if i == 8 {
			return v<<8 | uint32(p[i]), 9
		}
		v = v<<7 | uint32(p[i]&0x7f)
		if p[i]&0x80 == 0 {
			return v, i + 1
		}
	}
	return v, len(p)
}

// compareInsts is Insts's order: by column, then offset, then phrase.
func compareInsts(a, b Inst) int {
	if a.Col != b.Col {
		return cmp.Compare(a.Col, b.Col)
	}
	if a.Offset != b.Offset {
		return cmp.Compare(a.Offset, b.Offset)
	}
	return cmp.Compare(a.Phrase, b.Phrase)
}

// PhraseRows is how many rows of the whole table hold phrase i (a pass
// over the phrase's posting list).
func (c Call) PhraseRows(i int) (int64, error) {
	*(*int64)(cPointer(c.mem)) = 0
	rc := apiCall[func(*libc.TLS, uintptr, int32, uintptr, uintptr) int32](c.api.FxQueryPhrase)(
		c.tls, c.fts, int32(i), c.mem, countRowsFunc)
	return *(*int64)(cPointer(c.mem)), errorOf(rc)
}

var countRowsFunc = cFunc(countRows)

// countRows counts the rows xQueryPhrase visits.
func countRows(tls *libc.TLS, pApi, pFts, pUserData uintptr) int32 {
	*(*int64)(cPointer(pUserData))++
	return sqlite3.SQLITE_OK
}

// ColumnText is column col of the current row. It points into SQLite's
// memory: use it only during the call.
func (c Call) ColumnText(col int) ([]byte, error) {
	rc := apiCall[func(*libc.TLS, uintptr, int32, uintptr, uintptr) int32](c.api.FxColumnText)(c.tls, c.fts, int32(col), c.mem, c.mem+8)
	if rc != sqlite3.SQLITE_OK {
		return nil, Error(rc)
	}
	p, n := *(*uintptr)(cPointer(c.mem)), int(*(*int32)(cPointer(c.mem + 8)))
	if p == 0 || n == 0 {
		return nil, nil
	}
	return unsafe.Slice((*byte)(cPointer(p)), n), nil
}

// Token is one token the table's tokenizer found: its byte span in the
// text, the term it is indexed as (stemmed, folded), and whether it
// shares its position with the one before (a synonym).
type Token struct {
	Start, End int
	Colocated  bool
	// Term points into SQLite's memory: copy it to keep it past the
	// callback.
	Term []byte
}

// Stop, returned by a Tokenize callback, ends the tokenizing early
// without an error.
var Stop = Error(sqlite3.SQLITE_DONE)

// tokenizing holds the callbacks of running Tokenize calls.
var tokenizing Handles[func(Token) error]

// Tokenize runs the table's tokenizer over text (from ColumnText), calling
// fn for each token until it returns an error; Stop ends it quietly.
func (c Call) Tokenize(text []byte, fn func(Token) error) error {
	if len(text) == 0 {
		return nil
	}
	h := tokenizing.Add(fn)
	defer tokenizing.Drop(h)
	rc := apiCall[func(*libc.TLS, uintptr, uintptr, int32, uintptr, uintptr) int32](c.api.FxTokenize)(
		c.tls, c.fts, uintptr(unsafe.Pointer(unsafe.SliceData(text))), int32(len(text)), uintptr(h), tokenFunc)
	if rc == sqlite3.SQLITE_DONE {
		return nil
	}
	return errorOf(rc)
}

// TokenizeString is Tokenize for text of Go's: the tokenizer reads it
// from a copy in SQLite's memory (C code must not be handed Go memory).
func (c Call) TokenizeString(text string, fn func(Token) error) error {
	if text == "" {
		return nil
	}
	z, err := libc.CString(text)
	if err != nil {
		return err
	}
	defer libc.Xfree(c.tls, z)
	return c.Tokenize(unsafe.Slice((*byte)(cPointer(z)), len(text)), fn)
}

var tokenFunc = cFunc(onToken)

func onToken(tls *libc.TLS, pCtx uintptr, flags int32, pToken uintptr, nToken, iStart, iEnd int32) int32 {
	fn, ok := tokenizing.Get(int64(pCtx))
	if !ok {
		return sqlite3.SQLITE_ERROR
	}
	var term []byte
	if pToken != 0 && nToken > 0 {
		term = unsafe.Slice((*byte)(cPointer(pToken)), int(nToken))
	}
	err := fn(Token{Start: int(iStart), End: int(iEnd), Colocated: flags&sqlite3.FTS5_TOKEN_COLOCATED != 0, Term: term})
	if err == nil {
		return sqlite3.SQLITE_OK
	}
	if e, ok := err.(Error); ok {
		return int32(e)
	}
	return sqlite3.SQLITE_ERROR
}

// SetInt sets the function's result to an integer.
func (c Call) SetInt(v int) { sqlite3.Xsqlite3_result_int(c.tls, c.ctx, int32(v)) }

// SetFloat sets the function's result to a number.
func (c Call) SetFloat(v float64) { sqlite3.Xsqlite3_result_double(c.tls, c.ctx, v) }

// SetText sets the function's result to text (SQLite copies it).
func (c Call) SetText(s string) {
	c.withCString(s, func(z uintptr) {
		sqlite3.Xsqlite3_result_text(c.tls, c.ctx, z, int32(len(s)), sqliteTransient)
	})
}

// SetError makes the statement fail: with the API's own result code for
// an Error, else with the message.
func (c Call) SetError(err error) {
	if e, ok := err.(Error); ok {
		sqlite3.Xsqlite3_result_error_code(c.tls, c.ctx, int32(e))
		return
	}
	c.withCString(err.Error(), func(z uintptr) { sqlite3.Xsqlite3_result_error(c.tls, c.ctx, z, -1) })
}

// withCString calls f with s as a C string, or sets an out-of-memory
// result.
func (c Call) withCString(s string, f func(z uintptr)) {
	z, err := libc.CString(s)
	if err != nil {
		sqlite3.Xsqlite3_result_error_nomem(c.tls, c.ctx)
		return
	}
	defer libc.Xfree(c.tls, z)
	f(z)
}

// sqliteTransient tells SQLite to copy a result before it returns.
const sqliteTransient = ^uintptr(0)
