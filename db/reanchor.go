package db

import (
	"context"
	"database/sql"
	"fmt"

	"folio/db/anchor"
)

// reanchorArticle moves the highlights of an article whose text changed from
// oldBody to newBody. A highlight that cannot be placed is kept, marked
// orphaned, with its old quote and note.
func reanchorArticle(ctx context.Context, tx *sql.Tx, articleID int64, oldBody, newBody, now string) error {
	if oldBody == newBody {
		return nil
	}
	list, err := highlightSelectors(ctx, tx, articleID)
	if err != nil {
		return err
	}
	for id, sel := range list {
		placed, method := anchor.Locate(newBody, sel)
		orphaned := method == anchor.Orphaned
		_, err := tx.ExecContext(ctx, `UPDATE annotations SET exact = ?, prefix = ?, suffix = ?,
			pos_start = ?, pos_end = ?, orphaned = ?, updated_at = ? WHERE id = ?`,
			placed.Exact, placed.Prefix, placed.Suffix, placed.Start, placed.End, orphaned, now, id)
		if err != nil {
			return fmt.Errorf("re-anchor highlight %d: %w", id, err)
		}
	}
	return nil
}

func highlightSelectors(ctx context.Context, tx *sql.Tx, articleID int64) (map[int64]anchor.Selector, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, exact, prefix, suffix, pos_start, pos_end
		FROM annotations WHERE article_id = ? AND kind = 'highlight'`, articleID)
	if err != nil {
		return nil, fmt.Errorf("read highlights: %w", err)
	}
	defer rows.Close()
	out := map[int64]anchor.Selector{}
	for rows.Next() {
		var id int64
		var s anchor.Selector
		if err := rows.Scan(&id, &s.Exact, &s.Prefix, &s.Suffix, &s.Start, &s.End); err != nil {
			return nil, fmt.Errorf("read highlights: %w", err)
		}
		out[id] = s
	}
	return out, rows.Err()
}
