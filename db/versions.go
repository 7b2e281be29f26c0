package db

import (
	"context"
	"database/sql"
	"fmt"
)

// versionFinder groups each article an import stores with an earlier
// version of the same story, if the library has one (see minhash.go).
//
// It only reads while the batch is stored and writes what it found (the
// signatures, their bands, the stories) when the batch ends: any write
// after an article's insert, in the same transaction, makes FTS5 flush
// the terms it holds in memory to disk, article by article, which would
// cost more than the rest of the import. The batch's own articles are
// compared in memory meanwhile.
type versionFinder struct {
	candidates *sql.Stmt
	signature  *sql.Stmt
	bands      *sql.Stmt
	story      *sql.Stmt
	pending    []pendingVersion
	byBand     map[int64][]int // band key → indexes into pending
}

// pendingVersion is an article of the batch, not yet written down.
type pendingVersion struct {
	id    int64
	story int64 // its story's first article; 0 when alone
	sig   signature
	keys  [minhashBands]int64
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
		story:     prep(`UPDATE articles SET story_id = ? WHERE id = ?`),
		byBand:    map[int64][]int{},
	}
}

// add finds the story of a stored article among the library's and the
// batch's articles, and keeps it to be written down by flush.
func (v *versionFinder) add(ctx context.Context, id int64, title, body string) error {
	if v == nil {
		return nil
	}
	p := pendingVersion{id: id, sig: signatureOf(title + "\n" + body)}
	p.keys = p.sig.bandKeys()
	var err error
	if p.story, err = v.storedStory(ctx, p); err != nil {
		return err
	}
	if p.story == 0 {
		p.story = v.batchStory(p)
	}
	for _, k := range p.keys {
		v.byBand[k] = append(v.byBand[k], len(v.pending))
	}
	v.pending = append(v.pending, p)
	return nil
}

// storedStory is the story (its first article's id) of the earliest
// stored article sharing a band with p that passes sameStory, or 0.
func (v *versionFinder) storedStory(ctx context.Context, p pendingVersion) (int64, error) {
	rows, err := v.candidates.QueryContext(ctx, int64sJSON(p.keys[:]))
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
		if other, ok := decodeSignature(blob); ok && p.sig.sameStory(other) {
			return story, nil
		}
	}
	return 0, rows.Err()
}

// batchStory is storedStory among the batch's earlier articles.
func (v *versionFinder) batchStory(p pendingVersion) int64 {
	best := -1
	for _, k := range p.keys {
		for _, i := range v.byBand[k] {
			if (best < 0 || i < best) && p.sig.sameStory(v.pending[i].sig) {
				best = i
			}
		}
	}
	if best < 0 {
		return 0
	}
	if story := v.pending[best].story; story != 0 {
		return story
	}
	return v.pending[best].id
}

// flush writes down the batch's signatures, bands and stories: a story's
// first article gets its own id as story_id, so that it counts itself.
func (v *versionFinder) flush(ctx context.Context) error {
	if v == nil {
		return nil
	}
	for _, p := range v.pending {
		if _, err := v.signature.ExecContext(ctx, p.id, p.sig.encode()); err != nil {
			return err
		}
		if _, err := v.bands.ExecContext(ctx, p.id, int64sJSON(p.keys[:])); err != nil {
			return err
		}
		if p.story == 0 {
			continue
		}
		for _, id := range []int64{p.story, p.id} {
			if _, err := v.story.ExecContext(ctx, p.story, id); err != nil {
				return err
			}
		}
	}
	v.pending, v.byBand = nil, map[int64][]int{}
	return nil
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
