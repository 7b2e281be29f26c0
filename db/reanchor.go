package db

import (
	"context"
	"database/sql"
	"fmt"

	"folio/db/anchor"
)

// reanchorArticle moves the highlights of an article whose text changed from
// oldBody to newBody. A highlight that cannot be placed is kept, marked
// orphaned, with its old quote, context and note, so that a later edit that
// brings the passage back places it again. Orphans are tried too, for that
// reason. Highlights that did not move are left untouched.
func reanchorArticle(ctx context.Context, tx *sql.Tx, articleID int64, oldBody, newBody, now string) error {
	if oldBody == newBody {
		return nil
	}
	list, err := highlightSelectors(ctx, tx, articleID)
	if err != nil {
		return err
	}
	text := anchor.Prepare(newBody) // once for all the article's highlights
	for _, h := range list {
		placed, method := text.Locate(h.sel)
		orphaned := method == anchor.Orphaned
		if placed == h.sel && orphaned == h.orphaned {
			continue
		}
		// A placed highlight has Folio's own context now.
		_, err := tx.ExecContext(ctx, `UPDATE annotations SET exact = ?, prefix = ?, suffix = ?,
			pos_start = ?, pos_end = ?, orphaned = ?, foreign_context = ?, updated_at = ? WHERE id = ?`,
			placed.Exact, placed.Prefix, placed.Suffix, placed.Start, placed.End, orphaned, !placed.Edges, now, h.id)
		if err != nil {
			return fmt.Errorf("re-anchor highlight %d: %w", h.id, err)
		}
	}
	return nil
}

// storedHighlight is a highlight's anchor as stored.
type storedHighlight struct {
	id       int64
	sel      anchor.Selector
	orphaned bool
}

func highlightSelectors(ctx context.Context, tx *sql.Tx, articleID int64) ([]storedHighlight, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, exact, prefix, suffix, pos_start, pos_end, orphaned, foreign_context
		FROM annotations WHERE article_id = ? AND kind = 'highlight' ORDER BY id`, articleID)
	if err != nil {
		return nil, fmt.Errorf("read highlights: %w", err)
	}
	defer rows.Close()
	var out []storedHighlight
	for rows.Next() {
		var h storedHighlight
		var foreign bool
		if err := rows.Scan(&h.id, &h.sel.Exact, &h.sel.Prefix, &h.sel.Suffix, &h.sel.Start, &h.sel.End, &h.orphaned, &foreign); err != nil {
			return nil, fmt.Errorf("read highlights: %w", err)
		}
		h.sel.Edges = !foreign
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read highlights: %w", err)
	}
	return out, nil
}
