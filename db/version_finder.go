package db

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"
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

// bandKeys are the keys the article is looked up and filed under: none
// for a text too short ever to be grouped (see sameStory), which costs
// the import no lookup and no band rows.
func (p *pendingVersion) bandKeys() []int64 {
	if p.sig.shingles < minShingles {
		return nil
	}
	return p.keys[:]
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
func (v *versionFinder) add(id int64, a NewArticle) {
	if v == nil {
		return
	}
	sig := a.Signature
	if sig == nil {
		sig = StorySignatureOf(a.Title, a.Body)
	}
	v.pending = append(v.pending, pendingVersion{id: id, sig: sig.sig, keys: sig.keys})
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
	keys := make([]any, 0, len(v.pending)*minhashBands)
	for _, p := range v.pending {
		for _, k := range p.bandKeys() {
			keys = append(keys, k)
		}
	}
	out := map[int64][]storedCandidate{}
	for len(keys) > 0 {
		n := min(len(keys), bulkRows)
		if err := v.readCandidates(ctx, keys[:n], out); err != nil {
			return nil, err
		}
		keys = keys[n:]
	}
	return out, nil
}

// readCandidates adds the stored articles with one of keys to out.
func (v *versionFinder) readCandidates(ctx context.Context, keys []any, out map[int64][]storedCandidate) error {
	rows, err := v.tx.QueryContext(ctx, `SELECT b.band_key, s.article_id, s.signature, coalesce(a.story_id, a.id)
		FROM signature_bands b
		JOIN article_signatures s ON s.article_id = b.article_id
		JOIN articles a ON a.id = b.article_id
		WHERE b.band_key IN (`+strings.TrimSuffix(strings.Repeat("?, ", len(keys)), ", ")+`)
		ORDER BY s.article_id`, keys...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var key int64
		var c storedCandidate
		var blob []byte
		if err := rows.Scan(&key, &c.id, &blob, &c.story); err != nil {
			return err
		}
		var ok bool
		if c.sig, ok = decodeSignature(blob); ok {
			out[key] = append(out[key], c)
		}
	}
	return rows.Err()
}

// group gives each pending article the story of its earliest version:
// among the stored candidates first (ordered by id), else among the
// batch's earlier articles.
func (v *versionFinder) group(stored map[int64][]storedCandidate) {
	byBand := map[int64][]int{} // band key → indexes into pending
	for i := range v.pending {
		p := &v.pending[i]
		if len(p.bandKeys()) == 0 {
			continue
		}
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
	var sigs, stories []any
	bands := make([][2]int64, 0, len(v.pending)*minhashBands)
	for _, p := range v.pending {
		sigs = append(sigs, p.id, p.sig.encode())
		for _, k := range p.bandKeys() {
			bands = append(bands, [2]int64{k, p.id})
		}
		if p.story != 0 {
			stories = append(stories, p.story, p.story, p.id, p.story)
		}
	}
	slices.SortFunc(bands, func(a, b [2]int64) int { return cmp.Compare(a[0], b[0]) })
	bandArgs := make([]any, 0, 2*len(bands))
	for _, b := range bands {
		bandArgs = append(bandArgs, b[0], b[1])
	}
	for _, st := range []struct {
		query func(values string) string
		args  []any
	}{
		{func(values string) string {
			return `INSERT OR REPLACE INTO article_signatures (article_id, signature) VALUES ` + values
		}, sigs},
		{func(values string) string {
			return `INSERT OR IGNORE INTO signature_bands (band_key, article_id) VALUES ` + values
		}, bandArgs},
		{func(values string) string {
			return `UPDATE articles SET story_id = v.column2 FROM (VALUES ` + values + `) v WHERE articles.id = v.column1`
		}, stories},
	} {
		if err := execRows(ctx, v.tx, 2, st.query, st.args); err != nil {
			return err
		}
	}
	return nil
}
