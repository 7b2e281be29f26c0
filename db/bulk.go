package db

import (
	"context"
	"database/sql"
	"strings"
)

// bulkRows is how many rows one statement of execRows writes: its
// parameters stay well under SQLite's limit of 32,766.
const bulkRows = 500

// execRows runs a statement over many rows, given as their values one
// after the other (cols to a row), bulkRows rows to a statement.
//
// The import writes tens of rows per article (its names, the bands of
// its signature) and the statements that write them cost much more when
// the rows come as one JSON text that SQLite parses again (json_each)
// than when their values are bound, which is also what the articles'
// own INSERT does. query is the statement for n rows: it is called with
// the "(?, ?), (?, ?)…" text of n rows, and prepared once for full
// statements and once for the rest.
func execRows(ctx context.Context, tx *sql.Tx, cols int, query func(values string) string, args []any) error {
	perStatement := bulkRows * cols
	var full *sql.Stmt
	for len(args) > 0 {
		n := min(len(args), perStatement)
		if n == perStatement && full == nil {
			st, err := tx.PrepareContext(ctx, query(valuesList(bulkRows, cols)))
			if err != nil {
				return err
			}
			defer st.Close()
			full = st
		}
		var err error
		if n == perStatement {
			_, err = full.ExecContext(ctx, args[:n]...)
		} else {
			_, err = tx.ExecContext(ctx, query(valuesList(n/cols, cols)), args[:n]...)
		}
		if err != nil {
			return err
		}
		args = args[n:]
	}
	return nil
}

// valuesList is the VALUES text of rows rows of cols parameters.
func valuesList(rows, cols int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
	return strings.TrimSuffix(strings.Repeat(row+", ", rows), ", ")
}
