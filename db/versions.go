package db

import (
	"context"
	"fmt"
)

// ArticleVersions returns the versions of an article's story, the first
// imported first: the article alone when it has no other version.
// Versions in the Trash are left out, unless it is the article asked for.
func (s *Store) ArticleVersions(ctx context.Context, id int64) ([]ArticleSummary, error) {
	list, err := s.summaries(ctx, `SELECT `+summaryColumns+` FROM articles a
		WHERE a.id = ?1 OR (a.deleted_at IS NULL AND a.story_id = (SELECT story_id FROM articles WHERE id = ?1))
		ORDER BY a.id`, id)
	if err != nil {
		return nil, fmt.Errorf("read the versions of article %d: %w", id, err)
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	return list, nil
}

// storyIDs are the article and its other versions, which related
// articles leave out.
func (s *Store) storyIDs(ctx context.Context, id int64) (map[int64]bool, error) {
	ids, err := queryIDs(ctx, s.db, `SELECT id FROM articles
		WHERE id = ?1 OR story_id = (SELECT story_id FROM articles WHERE id = ?1)`, id)
	if err != nil {
		return nil, fmt.Errorf("read the versions of article %d: %w", id, err)
	}
	out := make(map[int64]bool, len(ids))
	for _, x := range ids {
		out[x] = true
	}
	return out, nil
}

// versionsColumn counts the live versions of a summary's story (1 when
// it has none), for the list's "3 versions".
const versionsColumn = `CASE WHEN a.story_id IS NULL THEN 1 ELSE
	(SELECT count(*) FROM articles v WHERE v.story_id = a.story_id AND v.deleted_at IS NULL) END`
