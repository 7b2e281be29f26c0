package fts5aux

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
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

func init() {
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
