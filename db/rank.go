package db

import (
	"math"
	"strconv"
	"strings"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// folio_rank is Folio's relevance score: bm25 as FTS5 computes it, with
// the weights of rankWeights, plus a bonus for query words found close
// together (see relevance); and it reads each row's length from memory. FTS5's bm25 looks the
// length up in the index's docsize table, one SQL statement per row, and
// that lookup is most of what ranking a common word costs; folio_rank
// reads it from memory (searchMeta.lengths), loaded once per state of the
// text.
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
var rankWeights = func() string {
	parts := make([]string, len(columnWeights))
	for i, w := range columnWeights {
		parts[i] = strconv.FormatFloat(w, 'f', -1, 64)
	}
	return strings.Join(parts, ", ")
}()

// rankState is what one statement's folio_rank calls share: the row
// lengths, and the statistics of the query, worked out on the first row
// unless given.
type rankState struct {
	lengths []int32 // by rowid: tokens in all columns, as docsize holds
	stats   *rankStats
	freq    []float64 // scratch: the current row's weighted phrase counts
	near    []float64 // scratch: the current row's proximity credit by phrase
	sizes   []int32   // each phrase's length in tokens
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

var rankStates handles[*rankState]

// rankRow is folio_rank for one row.
func rankRow(tls *libc.TLS, pApi, pFts, pCtx uintptr, nVal int32, apVal uintptr) {
	api := (*sqlite3.TFts5ExtensionApi)(cPointer(pApi))
	h, ok := handleArg(tls, pCtx, nVal, apVal, rankFunction)
	if !ok {
		return
	}
	st, ok := rankStates.get(h)
	if !ok {
		resultError(tls, pCtx, "folio_rank: unknown handle")
		return
	}
	if st.stats == nil {
		if rc := st.prepare(tls, api, pFts); rc != sqlite3.SQLITE_OK {
			sqlite3.Xsqlite3_result_error_code(tls, pCtx, rc)
			return
		}
	}
	score, rc := st.score(tls, api, pFts)
	if rc != sqlite3.SQLITE_OK {
		sqlite3.Xsqlite3_result_error_code(tls, pCtx, rc)
		return
	}
	sqlite3.Xsqlite3_result_double(tls, pCtx, score)
}

// prepare works out what bm25 works out once per statement: the average
// row length and each phrase's inverse document frequency.
func (st *rankState) prepare(tls *libc.TLS, api *sqlite3.TFts5ExtensionApi, pFts uintptr) int32 {
	mem := tls.Alloc(16)
	defer tls.Free(16)
	rc := apiCall[func(*libc.TLS, uintptr, uintptr) int32](api.FxRowCount)(tls, pFts, mem)
	if rc != sqlite3.SQLITE_OK {
		return rc
	}
	rows := *(*int64)(cPointer(mem))
	rc = apiCall[func(*libc.TLS, uintptr, int32, uintptr) int32](api.FxColumnTotalSize)(tls, pFts, -1, mem+8)
	if rc != sqlite3.SQLITE_OK {
		return rc
	}
	avgdl := float64(*(*int64)(cPointer(mem + 8))) / float64(rows)
	phrases := apiCall[func(*libc.TLS, uintptr) int32](api.FxPhraseCount)(tls, pFts)
	idf := make([]float64, phrases)
	if phrases == 1 && st.deferOne {
		idf[0] = 1
		st.stats = &rankStats{idf: idf, avgdl: avgdl, rows: rows, deferred: true}
		return sqlite3.SQLITE_OK
	}
	for i := range idf {
		*(*int64)(cPointer(mem)) = 0
		rc = apiCall[func(*libc.TLS, uintptr, int32, uintptr, uintptr) int32](api.FxQueryPhrase)(
			tls, pFts, int32(i), mem, cFunc(countHit))
		if rc != sqlite3.SQLITE_OK {
			return rc
		}
		idf[i] = bm25IDF(rows, *(*int64)(cPointer(mem)))
	}
	st.stats = &rankStats{idf: idf, avgdl: avgdl, rows: rows}
	return sqlite3.SQLITE_OK
}

// countHit counts the rows xQueryPhrase visits.
func countHit(tls *libc.TLS, pApi, pFts, pUserData uintptr) int32 {
	*(*int64)(cPointer(pUserData))++
	return sqlite3.SQLITE_OK
}

// score is the current row's relevance, negated as FTS5 returns bm25's
// (lower is better): bm25 over the columns weighted by columnWeights, plus
// a proximity bonus for query phrases found close together.
func (st *rankState) score(tls *libc.TLS, api *sqlite3.TFts5ExtensionApi, pFts uintptr) (float64, int32) {
	mem := tls.Alloc(16)
	defer tls.Free(16)
	n := len(st.stats.idf)
	if len(st.freq) != n {
		st.freq, st.near = make([]float64, n), make([]float64, n)
		st.sizes = phraseSizes(tls, api, pFts, n)
	}
	clear(st.freq)
	clear(st.near)
	rc := apiCall[func(*libc.TLS, uintptr, uintptr) int32](api.FxInstCount)(tls, pFts, mem)
	if rc != sqlite3.SQLITE_OK {
		return 0, rc
	}
	inst := apiCall[func(*libc.TLS, uintptr, int32, uintptr, uintptr, uintptr) int32](api.FxInst)
	count := *(*int32)(cPointer(mem))
	prev := instance{phrase: -1}
	for i := int32(0); i < count; i++ {
		if rc := inst(tls, pFts, i, mem, mem+4, mem+8); rc != sqlite3.SQLITE_OK {
			return 0, rc
		}
		cur := instance{*(*int32)(cPointer(mem)), *(*int32)(cPointer(mem + 4)), *(*int32)(cPointer(mem + 8))}
		if int(cur.phrase) >= n || cur.phrase < 0 {
			continue
		}
		w := 1.0
		if int(cur.col) < len(columnWeights) {
			w = columnWeights[cur.col]
		}
		st.freq[cur.phrase] += w
		st.addNear(prev, cur)
		prev = cur
	}
	id := apiCall[func(*libc.TLS, uintptr) int64](api.FxRowid)(tls, pFts)
	var d float64
	if id >= 0 && id < int64(len(st.lengths)) {
		d = float64(st.lengths[id])
	}
	return -relevance(st.stats, st.weights, st.freq, st.near, d), sqlite3.SQLITE_OK
}

// instance is one place a phrase occurs in a row, as xInst reports them:
// in order of column, then offset.
type instance struct{ phrase, col, offset int32 }

// addNear credits two neighbouring instances of different phrases in the
// same column with each other's idf, less the further apart they are
// (1/d², d in tokens between them): the proximity measure of Büttcher,
// Clarke and Lushman (SIGIR 2006), which looks at each instance and the one
// before it only.
func (st *rankState) addNear(prev, cur instance) {
	if prev.phrase < 0 || prev.phrase == cur.phrase || prev.col != cur.col {
		return
	}
	gap := float64(cur.offset - prev.offset - (st.sizes[prev.phrase] - 1))
	if gap < 1 {
		return // overlapping matches, as of "econom*" and "economy"
	}
	st.near[prev.phrase] += st.stats.idf[cur.phrase] / (gap * gap)
	st.near[cur.phrase] += st.stats.idf[prev.phrase] / (gap * gap)
}

// phraseSizes is each phrase's length in tokens.
func phraseSizes(tls *libc.TLS, api *sqlite3.TFts5ExtensionApi, pFts uintptr, n int) []int32 {
	size := apiCall[func(*libc.TLS, uintptr, int32) int32](api.FxPhraseSize)
	out := make([]int32, n)
	for i := range out {
		out[i] = max(size(tls, pFts, int32(i)), 1)
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
