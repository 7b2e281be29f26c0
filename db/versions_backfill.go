package db

import (
	"context"
	"database/sql"
	"fmt"
)

// Articles stored before versions were found (migration 010) have no
// signature, so nothing is grouped with them. FillVersions signs and
// groups them in the background, in id order, a batch per transaction,
// recording where it got to (versions_backfill, migration 013) so that
// it goes on after a restart. An older article found to be a version of
// a story becomes its first version when it is older than the story's
// head, as it would have been had it been signed at import.

// versionsBatch is how many articles one step of FillVersions signs: the
// signatures are taken before the write transaction, which holds the
// write lock for the lookups and writes of this many articles only.
var versionsBatch = 200

// VersionsProgress is how far signing the older articles has got.
type VersionsProgress struct {
	Done  int  `json:"done"`  // articles read
	Total int  `json:"total"` // articles to read in all
	Ready bool `json:"ready"` // every article is signed and grouped
}

// VersionsProgress reads how far FillVersions has got.
func (s *Store) VersionsProgress(ctx context.Context) (VersionsProgress, error) {
	done, total, ready, err := s.backfillProgress(ctx, "versions_backfill")
	if err != nil {
		return VersionsProgress{}, fmt.Errorf("read the progress of versions: %w", err)
	}
	return VersionsProgress{Done: done, Total: total, Ready: ready}, nil
}

// FillVersions signs and groups the articles stored before versions were
// found, a batch per transaction. progress, when not nil, is called after
// each batch. It returns when every article is signed or ctx is done.
func (s *Store) FillVersions(ctx context.Context, progress func(VersionsProgress)) error {
	return fillInBatches(ctx, "find versions", s.fillVersionsBatch, s.VersionsProgress, progress)
}

// unsigned is an article of a batch with its signature.
type unsigned struct {
	id   int64
	sig  signature
	keys [minhashBands]int64
}

// fillVersionsBatch signs and groups the next batch; more is false when
// there is nothing left.
func (s *Store) fillVersionsBatch(ctx context.Context) (more bool, err error) {
	var next, end int64
	if err := s.db.QueryRowContext(ctx, `SELECT next_id, end_id FROM versions_backfill WHERE id = 1`).Scan(&next, &end); err != nil {
		return false, err
	}
	if next > end {
		return false, nil
	}
	batch, last, err := s.unsignedBatch(ctx, next, end)
	if err != nil {
		return false, err
	}
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		grouped := false
		for _, a := range batch {
			joined, err := signAndGroup(ctx, tx, a)
			if err != nil {
				return fmt.Errorf("article %d: %w", a.id, err)
			}
			grouped = grouped || joined
		}
		if grouped { // search keeps the stories in memory (search_stories.go)
			if _, err := tx.ExecContext(ctx, `UPDATE search_generation SET meta = meta + 1 WHERE id = 1`); err != nil {
				return err
			}
		}
		// Only where it was: a second FillVersions running meanwhile moves on too.
		_, err := tx.ExecContext(ctx, `UPDATE versions_backfill SET next_id = max(next_id, ?) WHERE id = 1`, last+1)
		return err
	})
	return last < end, err
}

// unsignedBatch reads and signs the next articles without a signature
// from next on, and returns the last id the batch covers.
func (s *Store) unsignedBatch(ctx context.Context, next, end int64) ([]unsigned, int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, a.body FROM articles a
		WHERE a.id >= ? AND a.id <= ? AND a.id NOT IN (SELECT article_id FROM article_signatures WHERE article_id >= ?)
		ORDER BY a.id LIMIT ?`, next, end, next, versionsBatch)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var batch []unsigned
	for rows.Next() {
		var a unsigned
		var title, body string
		if err := rows.Scan(&a.id, &title, &body); err != nil {
			return nil, 0, err
		}
		a.sig = signatureOf(title, body)
		a.keys = a.sig.bandKeys()
		batch = append(batch, a)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	last := end
	if len(batch) == versionsBatch {
		last = batch[len(batch)-1].id
	}
	return batch, last, nil
}

// signAndGroup writes an article's signature and bands, and groups it
// with the earliest signed article of the same story, if there is one;
// joined tells whether it was.
func signAndGroup(ctx context.Context, tx *sql.Tx, a unsigned) (joined bool, err error) {
	if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO article_signatures (article_id, signature) VALUES (?, ?)`,
		a.id, a.sig.encode()); err != nil {
		return false, err
	}
	if a.sig.shingles < minShingles { // never grouped: filed under no band, as at import
		return false, nil
	}
	story, err := earliestVersion(ctx, tx, a)
	if err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO signature_bands (band_key, article_id)
		SELECT value, ? FROM json_each(?)`, a.id, int64sJSON(a.keys[:])); err != nil {
		return false, err
	}
	if story == 0 {
		return false, nil
	}
	// The story's first article is the older of the two: the story moves
	// to this article when it is older than the story's head.
	head := min(story, a.id)
	_, err = tx.ExecContext(ctx, `UPDATE articles SET story_id = ?1
		WHERE id = ?2 OR id = ?3 OR story_id = ?3`, head, a.id, story)
	return true, err
}

// earliestVersion returns the story (its head's id) of the earliest
// signed article sharing a band with a whose signature shows the same
// story; 0 when there is none.
func earliestVersion(ctx context.Context, tx *sql.Tx, a unsigned) (int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT s.article_id, s.signature, coalesce(x.story_id, x.id)
		FROM article_signatures s JOIN articles x ON x.id = s.article_id
		WHERE s.article_id IN (SELECT article_id FROM signature_bands WHERE band_key IN (SELECT value FROM json_each(?)))
			AND s.article_id <> ?
		ORDER BY s.article_id`, int64sJSON(a.keys[:]), a.id)
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
		if sig, ok := decodeSignature(blob); ok && a.sig.sameStory(sig) {
			return story, nil
		}
	}
	return 0, rows.Err()
}
