package db

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"slices"
)

// versionFinder groups the articles an import stores with an earlier
// version of the same story, if the library has one (see minhash.go).
//
// It works a batch at a time, when the batch's articles are stored: a
// write after each article's insert, in the same transaction, would make
// FTS5 flush the terms it holds in memory to disk article by article,
// and a statement or two per article would cost as much again as the
// lookups themselves. So the whole batch is looked up in the band index
// with one statement, its candidates' signatures read with one more, and
// the batch's signatures, bands and stories written with three.
type versionFinder struct {
	tx      *sql.Tx
	pending []pendingVersion
}

// pendingVersion is an article of the batch, not yet written down.
type pendingVersion struct {
	id    int64
	story int64 // its story's first article; 0 when alone
	sig   signature
	keys  [minhashBands]int64
}

// newVersionFinder returns a finder for the transaction, or nil for a
// library whose schema predates versions (migration 010), which a test
// may write to as an older Folio did.
func newVersionFinder(ctx context.Context, tx *sql.Tx) *versionFinder {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'article_signatures'`).Scan(&n)
	if err != nil || n == 0 {
		return nil
	}
	return &versionFinder{tx: tx}
}

// add takes the signature of a stored article, to be grouped by flush.
func (v *versionFinder) add(id int64, title, body string) {
	if v == nil {
		return
	}
	p := pendingVersion{id: id, sig: signatureOf(title + "\n" + body)}
	p.keys = p.sig.bandKeys()
	v.pending = append(v.pending, p)
}

// flush groups the batch's articles with their earlier versions, stored
// or in the batch, and writes down their signatures, bands and stories.
func (v *versionFinder) flush(ctx context.Context) error {
	if v == nil || len(v.pending) == 0 {
		return nil
	}
	stored, err := v.storedCandidates(ctx)
	if err != nil {
		return err
	}
	v.group(stored)
	if err := v.write(ctx); err != nil {
		return err
	}
	v.pending = nil
	return nil
}

// storedCandidate is a stored article sharing a band with the batch.
type storedCandidate struct {
	id, story int64
	sig       signature
}

// storedCandidates reads, for each band key of the batch, the stored
// articles with that key, with their signatures and stories.
func (v *versionFinder) storedCandidates(ctx context.Context) (map[int64][]storedCandidate, error) {
	keys := make([]int64, 0, len(v.pending)*minhashBands)
	for _, p := range v.pending {
		keys = append(keys, p.keys[:]...)
	}
	rows, err := v.tx.QueryContext(ctx, `SELECT b.band_key, s.article_id, s.signature, coalesce(a.story_id, a.id)
		FROM signature_bands b
		JOIN article_signatures s ON s.article_id = b.article_id
		JOIN articles a ON a.id = b.article_id
		WHERE b.band_key IN (SELECT value FROM json_each(?))
		ORDER BY s.article_id`, int64sJSON(keys))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]storedCandidate{}
	for rows.Next() {
		var key int64
		var c storedCandidate
		var blob []byte
		if err := rows.Scan(&key, &c.id, &blob, &c.story); err != nil {
			return nil, err
		}
		var ok bool
		if c.sig, ok = decodeSignature(blob); ok {
			out[key] = append(out[key], c)
		}
	}
	return out, rows.Err()
}

// group gives each pending article the story of its earliest version:
// among the stored candidates first (ordered by id), else among the
// batch's earlier articles.
func (v *versionFinder) group(stored map[int64][]storedCandidate) {
	byBand := map[int64][]int{} // band key → indexes into pending
	for i := range v.pending {
		p := &v.pending[i]
		p.story = storedStory(p, stored)
		if p.story == 0 {
			p.story = v.batchStory(p, byBand)
		}
		for _, k := range p.keys {
			byBand[k] = append(byBand[k], i)
		}
	}
}

func storedStory(p *pendingVersion, stored map[int64][]storedCandidate) int64 {
	best := storedCandidate{}
	for _, k := range p.keys {
		for _, c := range stored[k] {
			if (best.id == 0 || c.id < best.id) && p.sig.sameStory(c.sig) {
				best = c
			}
		}
	}
	return best.story
}

func (v *versionFinder) batchStory(p *pendingVersion, byBand map[int64][]int) int64 {
	best := -1
	for _, k := range p.keys {
		for _, i := range byBand[k] {
			if (best < 0 || i < best) && p.sig.sameStory(v.pending[i].sig) {
				best = i
			}
		}
	}
	switch {
	case best < 0:
		return 0
	case v.pending[best].story != 0:
		return v.pending[best].story
	}
	return v.pending[best].id
}

// write stores the batch's signatures, their bands (sorted, so the band
// index is written in order) and the stories found: a story's first
// article gets its own id as story_id, so that it counts itself.
func (v *versionFinder) write(ctx context.Context) error {
	var sigs, bands, stories [][2]any
	for _, p := range v.pending {
		sigs = append(sigs, [2]any{p.id, hex.EncodeToString(p.sig.encode())})
		for _, k := range p.keys {
			bands = append(bands, [2]any{k, p.id})
		}
		if p.story != 0 {
			stories = append(stories, [2]any{p.story, p.story}, [2]any{p.id, p.story})
		}
	}
	slices.SortFunc(bands, func(a, b [2]any) int { return cmp.Compare(a[0].(int64), b[0].(int64)) })
	for _, st := range []struct {
		sql  string
		rows [][2]any
	}{
		{`INSERT OR REPLACE INTO article_signatures (article_id, signature)
			SELECT value ->> 0, unhex(value ->> 1) FROM json_each(?)`, sigs},
		{`INSERT OR IGNORE INTO signature_bands (band_key, article_id)
			SELECT value ->> 0, value ->> 1 FROM json_each(?)`, bands},
		{`UPDATE articles SET story_id = j.value ->> 1 FROM json_each(?) j WHERE articles.id = j.value ->> 0`, stories},
	} {
		if len(st.rows) == 0 {
			continue
		}
		data, err := json.Marshal(st.rows)
		if err != nil {
			return err
		}
		if _, err := v.tx.ExecContext(ctx, st.sql, string(data)); err != nil {
			return err
		}
	}
	return nil
}
