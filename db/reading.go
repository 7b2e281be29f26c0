package db

import (
	"context"
	"fmt"
	"math"
)

// SetProgress records how far into an article the person has read, from 0
// (the top) to 1 (the end); values outside are clamped.
func (s *Store) SetProgress(ctx context.Context, id int64, progress float64) error {
	if math.IsNaN(progress) {
		progress = 0
	}
	progress = min(max(progress, 0), 1)
	res, err := s.db.ExecContext(ctx, `UPDATE articles SET progress = ? WHERE id = ?`, progress, id)
	if err != nil {
		return fmt.Errorf("save reading progress of article %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("save reading progress of article %d: %w", id, err)
	} else if n == 0 {
		return fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	return nil
}

// SetRead marks articles read (keeping when an article was first read) or
// unread. Ids of articles that do not exist are ignored.
func (s *Store) SetRead(ctx context.Context, ids []int64, read bool) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := s.db.ExecContext(ctx, `UPDATE articles SET read_at = CASE WHEN ? THEN coalesce(read_at, ?) END
		WHERE id IN (SELECT value FROM json_each(?))`, read, s.timestamp(), int64sJSON(ids))
	if err != nil {
		state := "read"
		if !read {
			state = "unread"
		}
		return fmt.Errorf("mark %d articles as %s: %w", len(ids), state, err)
	}
	return nil
}

// SetStarred stars or unstars articles. Ids of articles that do not exist
// are ignored.
func (s *Store) SetStarred(ctx context.Context, ids []int64, starred bool) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := s.db.ExecContext(ctx, `UPDATE articles SET starred = ? WHERE id IN (SELECT value FROM json_each(?))`,
		starred, int64sJSON(ids))
	if err != nil {
		verb := "star"
		if !starred {
			verb = "unstar"
		}
		return fmt.Errorf("%s %d articles: %w", verb, len(ids), err)
	}
	return nil
}
