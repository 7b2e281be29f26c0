package db

import (
	"context"
	"database/sql"
)

// loadLengths reads every row's length in tokens (all columns together)
// from the full-text index's docsize table, for folio_rank. Each size is
// a run of varints, one per column.
func (m *searchMeta) loadLengths(ctx context.Context, tx *sql.Tx) error {
	m.lengths = make([]int32, m.maxID+1)
	rows, err := tx.QueryContext(ctx, `SELECT id, sz FROM articles_fts_docsize WHERE id BETWEEN 0 AND ?`, m.maxID)
	if err != nil {
		return err
	}
	defer rows.Close()
	var id int64
	var sz []byte
	for rows.Next() {
		if err := rows.Scan(&id, &sz); err != nil {
			return err
		}
		m.lengths[id] = sumVarints(sz)
	}
	return rows.Err()
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
