package db

import (
	"math"
	"strconv"
	"strings"

	"folio/db/fts5aux"
)

// folio_rank is Folio's relevance score: bm25 as FTS5 computes it, with
// the weights of rankWeights, plus a bonus for query words found close
// together (see relevance). FTS5's bm25 looks each row's length up in the
// index's docsize table, one SQL statement per row, and that lookup is
// most of what ranking a common word costs; folio_rank reads it from
// memory (searchMeta.lengths), loaded once per state of the text.
//
//	SELECT rowid, folio_rank(articles_fts, :handle) FROM articles_fts WHERE articles_fts MATCH :expr
//
// The handle names a rankState registered for the statement. Without the
// proximity bonus (proximityWeight 0), scores are those of
// bm25(articles_fts, rankWeights…), which a test checks.
const rankFunction = "folio_rank"

// columnWeights are bm25's weights for the columns of articles_fts (title,
// byline, source, body): a word in the title counts as much as several in
// the body. Tuned on development collections: see docs/relevance.md.
var columnWeights = [...]float64{3, 1, 1, 1}

// proximityWeight scales the proximity bonus against bm25 (0 turns it
// off). Tuned with columnWeights.
var proximityWeight = 0.5

// rankWeights are columnWeights as FTS5's bm25() takes them.
var rankWeights = weightList(columnWeights[:])

// weightList writes weights as bm25()'s arguments.
func weightList(weights []float64) string {
	parts := make([]string, len(weights))
	for i, w := range weights {
		parts[i] = strconv.FormatFloat(w, 'f', -1, 64)
	}
	return strings.Join(parts, ", ")
}

// rankState is what one statement's folio_rank calls share: the row
// lengths, and the statistics of the query, worked out on the first row
// unless given.
type rankState struct {
	lengths []int32 // by rowid: tokens in all columns, as docsize holds
	// flags are searchMeta's, by rowid: a title made from the body
	// (flagDerivedTitle) weighs as body text. Nil when none is.
	flags []uint8
	stats *rankStats
	freq  []float64      // scratch: the current row's weighted phrase counts
	near  []float64      // scratch: the current row's proximity credit by phrase
	sizes []int32        // each phrase's length in tokens
	insts []fts5aux.Inst // scratch: the current row's occurrences
	// weights are the phrases' weights in the query (how many times each
	// was typed); nil when all are 1.
	weights []float64
	// deferOne, when set, leaves a one-phrase query's idf to the caller
	// (see rankStats.deferred).
	deferOne bool
}

// rankStats are bm25's statistics of a query: each phrase's inverse
// document frequency and the average row length. They do not depend on
// the rows a statement ranks, so statements ranking parts of the same
// query share them.
type rankStats struct {
	idf   []float64
	avgdl float64
	rows  int64 // rows in the index
	// deferred is set when the query is one phrase and its idf was left
	// at 1: the rows a ranking visits are then exactly the rows holding
	// the phrase, so it counts them on the way, and the scores are scaled
	// by the idf afterwards (see scale), without bm25's own pass over the
	// phrase's whole posting list. Order does not depend on a factor that
	// every score shares.
	deferred bool
}

// scale turns the scores of a deferred one-phrase ranking into bm25's,
// given how many rows hold the phrase.
func (s *rankStats) scale(order []scored, holding int) {
	if s == nil || !s.deferred {
		return
	}
	idf := bm25IDF(s.rows, int64(holding))
	for i := range order {
		order[i].score *= idf
	}
}

// bm25IDF is FTS5's inverse document frequency of a phrase found in hits
// of rows rows, kept above zero.
func bm25IDF(rows, hits int64) float64 {
	idf := math.Log((float64(rows) - float64(hits) + 0.5) / (float64(hits) + 0.5))
	if idf <= 0 {
		return 1e-6
	}
	return idf
}

var rankStates fts5aux.Handles[*rankState]

// rankRow is folio_rank for one row.
func rankRow(c fts5aux.Call) {
	st, ok := stateOf(c, rankFunction, &rankStates)
	if !ok {
		return
	}
	score, err := st.rowScore(c)
	if err != nil {
		c.SetError(err)
		return
	}
	c.SetFloat(score)
}

// rowScore is the current row's score, the statistics worked out first
// if need be.
func (st *rankState) rowScore(c fts5aux.Call) (float64, error) {
	if st.stats == nil {
		if err := st.prepare(c); err != nil {
			return 0, err
		}
	}
	return st.score(c)
}

// prepare works out what bm25 works out once per statement: the average
// row length and each phrase's inverse document frequency.
func (st *rankState) prepare(c fts5aux.Call) error {
	rows, err := c.RowCount()
	if err != nil {
		return err
	}
	total, err := c.ColumnTotalSize(-1)
	if err != nil {
		return err
	}
	avgdl := float64(total) / float64(rows)
	idf := make([]float64, c.PhraseCount())
	if len(idf) == 1 && st.deferOne {
		idf[0] = 1
		st.stats = &rankStats{idf: idf, avgdl: avgdl, rows: rows, deferred: true}
		return nil
	}
	for i := range idf {
		hits, err := c.PhraseRows(i)
		if err != nil {
			return err
		}
		idf[i] = bm25IDF(rows, hits)
	}
	st.stats = &rankStats{idf: idf, avgdl: avgdl, rows: rows}
	return nil
}

// score is the current row's relevance, negated as FTS5 returns bm25's
// (lower is better): bm25 over the columns weighted by columnWeights, plus
// a proximity bonus for query phrases found close together.
func (st *rankState) score(c fts5aux.Call) (float64, error) {
	n := len(st.stats.idf)
	if len(st.freq) != n {
		st.freq, st.near = make([]float64, n), make([]float64, n)
		st.sizes = phraseSizes(c, n)
	}
	clear(st.freq)
	clear(st.near)
	var err error
	st.insts, err = c.PhraseInsts(st.insts[:0])
	if err != nil {
		return 0, err
	}
	id := c.Rowid()
	weights := st.columnWeights(id)
	prev := fts5aux.Inst{Phrase: -1}
	for _, cur := range st.insts {
		if cur.Phrase < 0 || int(cur.Phrase) >= n {
			continue
		}
		w := 1.0
		if int(cur.Col) < len(weights) {
			w = weights[cur.Col]
		}
		st.freq[cur.Phrase] += w
		st.addNear(prev, cur)
		prev = cur
	}
	var d float64
	if id >= 0 && id < int64(len(st.lengths)) {
		d = float64(st.lengths[id])
	}
	return -relevance(st.stats, st.weights, st.freq, st.near, d), nil
}

// derivedTitleWeights are columnWeights for an article whose title was
// made from its first sentence: the title's words are the body's, and
// count as much.
var derivedTitleWeights = func() [len(columnWeights)]float64 {
	w := columnWeights
	w[0] = w[3]
	return w
}()

// columnWeights are the column weights of row id.
func (st *rankState) columnWeights(id int64) []float64 {
	if id >= 0 && id < int64(len(st.flags)) && st.flags[id]&flagDerivedTitle != 0 {
		return derivedTitleWeights[:]
	}
	return columnWeights[:]
}

// addNear credits two neighbouring instances of different phrases in the
// same column with each other's idf, less the further apart they are
// (1/d², d in tokens between them): the proximity measure of Büttcher,
// Clarke and Lushman (SIGIR 2006), which looks at each instance and the one
// before it only.
func (st *rankState) addNear(prev, cur fts5aux.Inst) {
	if prev.Phrase < 0 || prev.Phrase == cur.Phrase || prev.Col != cur.Col {
		return
	}
	gap := float64(cur.Offset - prev.Offset - (st.sizes[prev.Phrase] - 1))
	if gap < 1 {
		return // overlapping matches, as of "econom*" and "economy"
	}
	st.near[prev.Phrase] += st.stats.idf[cur.Phrase] / (gap * gap)
	st.near[cur.Phrase] += st.stats.idf[prev.Phrase] / (gap * gap)
}

// phraseSizes is each phrase's length in tokens.
func phraseSizes(c fts5aux.Call, n int) []int32 {
	out := make([]int32, n)
	for i := range out {
		out[i] = int32(max(c.PhraseSize(i), 1))
	}
	return out
}

// bm25's parameters: how quickly repeating a word stops adding to the
// score (k1), and how much a long article is discounted (b). FTS5's own
// bm25() uses 1.2 and 0.75; lower values rank news better (they are close
// to the values tuned on newswire collections, 0.9 and 0.4) and cost
// little on Cranfield: see docs/relevance.md.
var bm25K1, bm25B = 0.9, 0.5

// relevance is a row's score from its weighted phrase counts, proximity
// credits and length: bm25 (as FTS5 computes it, column weights included,
// each phrase's part multiplied by its weight in the query)
// plus proximityWeight times the proximity score, which saturates and is
// normalised by length as bm25's term frequencies are, each phrase's
// counting for at most 1 of idf.
func relevance(stats *rankStats, weights, freq, near []float64, length float64) float64 {
	norm := bm25K1 * (1 - bm25B + bm25B*length/stats.avgdl)
	score := 0.0
	for i, f := range freq {
		w := stats.idf[i]
		if i < len(weights) {
			w *= weights[i]
		}
		score += w * (f * (bm25K1 + 1)) / (f + norm)
	}
	if proximityWeight == 0 {
		return score
	}
	for i, a := range near {
		if a > 0 {
			score += proximityWeight * min(1, stats.idf[i]) * (a * (bm25K1 + 1)) / (a + norm)
		}
	}
	return score
}
