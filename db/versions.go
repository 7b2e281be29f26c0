package db

import (
	"context"
	"database/sql"
	"fmt"
)

// versionFinder groups each article an import stores with an earlier
// version of the same story, if the library has one (see minhash.go).
// Its statements belong to the import's transaction, so an article finds
// the versions stored earlier in the same batch.
type versionFinder struct {
	candidates *sql.Stmt
	signature  *sql.Stmt
	bands      *sql.Stmt
	join       *sql.Stmt
}

// prepareVersionFinder prepares the finder's statements, or returns nil
// for a library whose schema predates versions (migration 010), which a
// test may write to as an older Folio did.
func prepareVersionFinder(ctx context.Context, tx *sql.Tx, prep func(string) *sql.Stmt) *versionFinder {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'article_signatures'`).Scan(&n)
	if err != nil || n == 0 {
		return nil
	}
	return &versionFinder{
		candidates: prep(`SELECT s.article_id, s.signature, coalesce(a.story_id, a.id) FROM article_signatures s
			JOIN articles a ON a.id = s.article_id
			WHERE s.article_id IN (SELECT article_id FROM signature_bands
				WHERE band_key IN (SELECT value FROM json_each(?)))
			ORDER BY s.article_id`),
		signature: prep(`INSERT OR REPLACE INTO article_signatures (article_id, signature) VALUES (?, ?)`),
		bands:     prep(`INSERT OR IGNORE INTO signature_bands (band_key, article_id) SELECT value, ? FROM json_each(?)`),
		join:      prep(`UPDATE articles SET story_id = ? WHERE id IN (?, ?)`),
	}
}

// add records a new article's signature and groups it with the earliest
// story it is a version of.
func (v *versionFinder) add(ctx context.Context, id int64, title, body string) error {
	if v == nil {
		return nil
	}
	sig := signatureOf(title + "\n" + body)
	keys := sig.bandKeys()
	story, err := v.storyOf(ctx, sig, keys[:])
	if err != nil {
		return err
	}
	if story != 0 {
		if _, err := v.join.ExecContext(ctx, story, story, id); err != nil {
			return err
		}
	}
	if _, err := v.signature.ExecContext(ctx, id, sig.encode()); err != nil {
		return err
	}
	_, err = v.bands.ExecContext(ctx, id, int64sJSON(keys[:]))
	return err
}

// storyOf is the story (its first article's id) of the earliest article
// sharing a band with the signature that passes sameStory, or 0.
func (v *versionFinder) storyOf(ctx context.Context, sig signature, keys []int64) (int64, error) {
	rows, err := v.candidates.QueryContext(ctx, int64sJSON(keys))
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, story int64
		var blob []byte
		if err := rows.Scan(&id, &blob, &story); err != nil {
			return 0, err
		}
		if other, ok := decodeSignature(blob); ok && sig.sameStory(other) {
			return story, nil
		}
	}
	return 0, rows.Err()
}

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
