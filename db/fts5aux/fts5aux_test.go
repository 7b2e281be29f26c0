package fts5aux

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// describe is a test function: the row's rowid, phrase count, each
// occurrence (phrase:column:offset), the first phrase's row count, and
// the tokens of column 1 (start-end:term).
func describe(c Call) {
	var b strings.Builder
	fmt.Fprintf(&b, "row %d phrases %d", c.Rowid(), c.PhraseCount())
	insts, err := c.Insts(nil)
	if err != nil {
		c.SetError(err)
		return
	}
	for _, in := range insts {
		fmt.Fprintf(&b, " %d:%d:%d", in.Phrase, in.Col, in.Offset)
	}
	rows, _ := c.PhraseRows(0)
	total, _ := c.RowCount()
	fmt.Fprintf(&b, " rows %d/%d tokens", rows, total)
	text, err := c.ColumnText(1)
	if err != nil {
		c.SetError(err)
		return
	}
	err = c.Tokenize(text, func(t Token) error {
		fmt.Fprintf(&b, " %d-%d:%s", t.Start, t.End, t.Term)
		if t.Start > 10 {
			return Stop
		}
		return nil
	})
	if err != nil {
		c.SetError(err)
		return
	}
	c.SetText(b.String())
}

// sameInsts is a test function: whether PhraseInsts lists the row's
// occurrences as Insts does, and how many there are.
func sameInsts(c Call) {
	want, err := c.Insts(nil)
	if err != nil {
		c.SetError(err)
		return
	}
	got, err := c.PhraseInsts(nil)
	if err != nil {
		c.SetError(err)
		return
	}
	if !slices.Equal(got, want) {
		c.SetError(fmt.Errorf("row %d: PhraseInsts %v, Insts %v", c.Rowid(), got, want))
		return
	}
	c.SetText(fmt.Sprint(len(got)))
}

func init() {
	Register("test_same_insts", sameInsts)
	Register("test_describe", describe)
	Register("test_fail", func(c Call) { c.SetError(errors.New("test_fail: no good")) })
}

func openTest(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, stmt := range []string{
		`CREATE VIRTUAL TABLE t USING fts5(a, b, tokenize = 'porter unicode61')`,
		`INSERT INTO t (rowid, a, b) VALUES (7, 'ferry news', 'the ferry to Gozo runs again in spring and summer')`,
		`INSERT INTO t (rowid, a, b) VALUES (8, 'bus news', 'no ferry today')`,
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// The driver's connection still holds the sqlite3* where this package
// reads it; when an upgrade moves it, this fails first.
func TestDriverShape(t *testing.T) {
	db := openTest(t)
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		h, err := connHandle(dc)
		if err == nil && h == 0 {
			err = fmt.Errorf("handle 0")
		}
		return err
	})
	if err != nil {
		t.Fatalf("the driver's connection: %v", err)
	}
	if _, err := connHandle(struct{ x int }{}); err == nil || !strings.Contains(err.Error(), "changed shape") {
		t.Errorf("a connection of another shape: %v", err)
	}
}

func TestFunctionSeesTheMatch(t *testing.T) {
	db := openTest(t)
	var got string
	err := db.QueryRow(`SELECT test_describe(t) FROM t WHERE t MATCH 'ferry AND "to gozo"' `).Scan(&got)
	if err != nil {
		t.Fatal(err)
	}
	want := "row 7 phrases 2 0:0:0 0:1:1 1:1:2 rows 2/2 tokens 0-3:the 4-9:ferri 10-12:to 13-17:gozo"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// Related articles read a row's terms by rowid, without a full-text match.
func TestFunctionRunsWithoutAMatch(t *testing.T) {
	db := openTest(t)
	var got string
	if err := db.QueryRow(`SELECT test_describe(t) FROM t WHERE rowid = 8`).Scan(&got); err != nil {
		t.Fatal(err)
	}
	want := "row 8 phrases 0 rows 0/2 tokens 0-2:no 3-8:ferri 9-14:todai"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestErrorsReachTheStatement(t *testing.T) {
	db := openTest(t)
	var got string
	err := db.QueryRow(`SELECT test_fail(t) FROM t WHERE t MATCH 'ferry'`).Scan(&got)
	if err == nil || !strings.Contains(err.Error(), "test_fail: no good") {
		t.Errorf("the function's error became %q, %v", got, err)
	}
	// Every connection of a pool has the functions.
	conns := make([]*sql.Conn, 3)
	for i := range conns {
		c, err := db.Conn(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns[i] = c
		err = c.QueryRowContext(context.Background(), `SELECT test_describe(t) FROM t WHERE t MATCH 'ferry' AND rowid = 8`).Scan(&got)
		if err != nil || !strings.HasPrefix(got, "row 8 phrases 1 0:1:1") {
			t.Errorf("connection %d: %q, %v", i, got, err)
		}
	}
}

// PhraseInsts is Insts by another way: the same occurrences in the same
// order, for queries of many words, repeated words, phrases, prefixes,
// columns, NOT and OR, over rows that repeat words in both columns.
func TestPhraseInstsAreInsts(t *testing.T) {
	db := openTest(t)
	words := strings.Fields("ferry gozo spring summer news bus the to runs again island port late")
	r := rand.New(rand.NewSource(3))
	text := func(n int) string {
		out := make([]string, n)
		for i := range out {
			out[i] = words[r.Intn(len(words))]
		}
		return strings.Join(out, " ")
	}
	for i := 0; i < 200; i++ {
		if _, err := db.Exec(`INSERT INTO t (a, b) VALUES (?, ?)`, text(1+r.Intn(4)), text(5+r.Intn(60))); err != nil {
			t.Fatal(err)
		}
	}
	// Words far apart: offsets whose steps take more than one byte.
	for i := 0; i < 20; i++ {
		long := strings.Repeat("filler ", 150+r.Intn(20000)) + "ferry " + strings.Repeat("filler ", r.Intn(300)) + "island ferry"
		if _, err := db.Exec(`INSERT INTO t (a, b) VALUES (?, ?)`, "island", long); err != nil {
			t.Fatal(err)
		}
	}
	queries := []string{"ferry", "ferry OR gozo OR spring OR summer OR news OR bus OR runs OR island OR port OR late",
		`"the ferry" OR gozo`, "fer* OR isl*", "a:news OR b:ferry", "ferry NOT bus", "ferry AND (port OR late) AND island",
		"ferry OR ferry OR gozo", `"ferry to gozo" OR "late ferry"`}
	for _, q := range queries {
		rows, err := db.Query(`SELECT test_same_insts(t) FROM t WHERE t MATCH ?`, q)
		if err != nil {
			t.Fatal(err)
		}
		n, total := 0, 0
		for rows.Next() {
			var count int
			if err := rows.Scan(&count); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			n, total = n+1, total+count
		}
		if err := rows.Err(); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		rows.Close()
		if n == 0 || total == 0 {
			t.Errorf("%s: %d rows, %d occurrences: nothing compared", q, n, total)
		}
	}
}
