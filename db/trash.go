package db

import (
	"context"
	"fmt"
)

// TrashArticles moves articles to the Trash, in one statement. They keep
// their tags and annotations until the Trash is emptied. Ids of articles
// that no longer exist, or are in the Trash already, are ignored.
func (s *Store) TrashArticles(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := s.db.ExecContext(ctx, `UPDATE articles SET deleted_at = ?
		WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`, s.timestamp(), int64sJSON(ids))
	if err != nil {
		return fmt.Errorf("move %d articles to the Trash: %w", len(ids), err)
	}
	return nil
}

// RestoreArticles takes articles out of the Trash. Ids of articles that no
// longer exist, or are not in the Trash, are ignored.
func (s *Store) RestoreArticles(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := s.db.ExecContext(ctx, `UPDATE articles SET deleted_at = NULL
		WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NOT NULL`, int64sJSON(ids))
	if err != nil {
		return fmt.Errorf("restore %d articles from the Trash: %w", len(ids), err)
	}
	return nil
}

// EmptyTrash deletes the articles in the Trash for good and returns how many
// went. It is the only way Folio removes an article: their tag links and
// annotations go with them (ON DELETE CASCADE) and the delete triggers take
// them out of the full-text indexes. Tags stay, even when left unused.
func (s *Store) EmptyTrash(ctx context.Context) (int, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM articles WHERE deleted_at IS NOT NULL`)
	if err != nil {
		return 0, fmt.Errorf("empty the Trash: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("empty the Trash: %w", err)
	}
	return int(n), nil
}

// DeleteTrashed deletes the given articles for good, as EmptyTrash does,
// but only those of them that are in the Trash: an article still in the
// library is never deleted by id. It returns how many went.
func (s *Store) DeleteTrashed(ctx context.Context, ids []int64) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	res, err := s.db.ExecContext(ctx, `DELETE FROM articles
		WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NOT NULL`, int64sJSON(ids))
	if err != nil {
		return 0, fmt.Errorf("delete %d articles for good: %w", len(ids), err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("delete %d articles for good: %w", len(ids), err)
	}
	return int(n), nil
}
