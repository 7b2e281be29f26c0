package db

import (
	"context"
	"database/sql"
)

// docLengths are the row lengths of the full-text index as of one state
// of the text (a generation.text).
type docLengths struct {
	byID []int32
	text int64
	err  error
}

// readDocLengths reads the row lengths in a transaction of its own, so
// that it can run while the rest of the per-article data is read; the
// caller uses them if the text has not changed in between.
func (s *Store) readDocLengths(ctx context.Context) docLengths {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return docLengths{err: err}
	}
	defer tx.Rollback()
	var d docLengths
	var maxID int64
	if err := tx.QueryRowContext(ctx, `SELECT text, (SELECT coalesce(max(id), 0) FROM articles)
		FROM search_generation WHERE id = 1`).Scan(&d.text, &maxID); err != nil {
		return docLengths{err: err}
	}
	d.byID, d.err = readLengths(ctx, tx, min(maxID, maxDenseID))
	return d
}

// readLengths reads every row's length in tokens (all columns together)
// from the full-text index's docsize table, for folio_rank. Each size is
// a run of varints, one per column.
func readLengths(ctx context.Context, tx *sql.Tx, maxID int64) ([]int32, error) {
	lengths := make([]int32, maxID+1)
	rows, err := tx.QueryContext(ctx, `SELECT id, sz FROM articles_fts_docsize WHERE id BETWEEN 0 AND ?`, maxID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var id int64
	var sz []byte
	for rows.Next() {
		if err := rows.Scan(&id, &sz); err != nil {
			return nil, err
		}
		lengths[id] = sumVarints(sz)
	}
	return lengths, rows.Err()
}

// sumVarints adds up SQLite varints (seven bits a byte, high bit set on
// all but the last; the ninth byte, if any, gives eight bits).
func sumVarints(b []byte) int32 {
	var sum, v uint64
	n := 0
	for _, c := range b {
		n++
		if n == 9 {
			sum += v<<8 | uint64(c)
			v, n = 0, 0
			continue
		}
		v = v<<7 | uint64(c&0x7f)
		if c&0x80 == 0 {
			sum += v
			v, n = 0, 0
		}
	}
	return int32(sum)
}
