package db

import (
	"context"
	"database/sql"
	"errors"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"folio/db/query"
)

// rankParts is how many connections share the ranking of a large
// library: every matching row is visited and scored, and that is the one
// cost of a common word that grows with the library.
func rankParts(live int) int {
	if live < splitLibraryAbove {
		return 1
	}
	return connections()
}

// Sharing the ranking is worth it from splitLibraryAbove articles and
// splitAbove matches (variables for the tests).
var (
	splitLibraryAbove = 20000
	splitAbove        = 2000
)

// connections is how many connections one search uses at once: one per
// core, within what the store's pool holds.
func connections() int { return min(max(runtime.NumCPU(), 1), 4) }

// rank orders the matches of a query that pass the filters by relevance:
// the articles with all the words (q.Match) first, then those with some
// (q.Loose), each group by score. The matches are split by id range over
// several connections in a large library. The score's statistics (row
// count, phrase frequencies, average length) come from the whole index
// whatever the range, and Match and Loose share them, so a score does not
// depend on the split or the group.
//
// When the articles with all the words fill the page, the others are only
// collected (for the total and the facets), not scored: none of them
// could come before. That is exact, and it is what makes common words
// typed together cheap.
//
// A search of several words is then ranked again with feedback (see
// rerank): the same articles in the same groups, in a better order.
func (s *Store) rank(ctx context.Context, m *searchMeta, filters *filterSet, q query.Query, need int) (found, error) {
	if !usesFeedback(q) {
		first, err := s.rankGroups(ctx, m, filters, q, need)
		return first.found, err
	}
	first, err := s.rankGroups(ctx, m, filters, q, max(need, feedbackPool))
	if err != nil || len(first.order) == 0 {
		return first.found, err
	}
	f := first.found
	f.order, err = s.rerank(ctx, m, filters, q, first, need)
	return f, err
}

// ranking is a search's ranking without feedback: what it found, and the
// articles with all the words (nil when the search has no Loose part).
type ranking struct {
	found
	strict bitset
}

// rankGroups is rank without feedback.
func (s *Store) rankGroups(ctx context.Context, m *searchMeta, filters *filterSet, q query.Query, need int) (ranking, error) {
	stats, err := s.sharedStats(ctx, m, q.Any())
	if err != nil {
		return ranking{}, err
	}
	r := ranker{s: s, m: m, filters: filters, stats: stats, weights: q.Weights(q.Any()),
		used: new(atomic.Pointer[rankStats])}
	f := found{set: newBitset(m.maxID)}
	if q.Loose == "" {
		f.order, f.matched, err = r.rankExpr(ctx, q.Match, f.set, need, nil)
		// Every ranking visits each full-text match once: f.matched.
		r.used.Load().scale(f.order, f.matched)
		return ranking{found: f}, err
	}
	all := newBitset(m.maxID)
	f.order, _, err = r.rankExpr(ctx, q.Match, all, need, nil)
	if err != nil {
		return ranking{}, err
	}
	if need >= 0 && len(f.order) >= need {
		f.matched, err = r.collectParts(ctx, q.Loose, f.set)
		return ranking{found: f, strict: all}, err
	}
	rest, matched, err := r.rankExpr(ctx, q.Loose, f.set, need-len(f.order), func(id int64) bool { return !all.has(id) })
	f.order, f.matched = append(f.order, rest...), matched
	return ranking{found: f, strict: all}, err
}

// collectParts records the matches of expr that pass the filters in
// set, without scoring them, split by id range over several connections
// as ranking is; it returns how many rows matched.
func (r ranker) collectParts(ctx context.Context, expr string, set bitset) (int, error) {
	bounds := r.m.split(rankParts(r.m.live))
	seen := make([]int, len(bounds)-1)
	errs := make([]error, len(bounds)-1)
	var wg sync.WaitGroup
	for i := 0; i+1 < len(bounds); i++ {
		wg.Go(func() {
			st := &keepState{keep: r.filters.keep, set: set, maxID: r.m.maxID}
			seen[i], errs[i] = r.s.collectRange(ctx, expr, st, bounds[i], bounds[i+1]-1)
		})
	}
	wg.Wait()
	total := 0
	for _, n := range seen {
		total += n
	}
	return total, errors.Join(errs...)
}

// sharedStats works out the score's statistics of an expression once for
// every statement that ranks it, or returns nil when the expression is one
// phrase: then each statement works them out for nothing (see
// rankStats.deferred), and a statement of their own would only cost
// another pass (for a prefix, another merge of the lists of every word it
// starts).
func (s *Store) sharedStats(ctx context.Context, m *searchMeta, expr string) (*rankStats, error) {
	if query.OnePhrase(expr) {
		return nil, nil
	}
	return s.rankStatsOf(ctx, m, expr, true)
}

// collect runs a full-text match through folio_keep only, recording the
// rows that pass in st.set; it returns how many rows matched.
func (s *Store) collect(ctx context.Context, expr string, st *keepState) (int, error) {
	return s.collectRange(ctx, expr, st, 0, st.maxID)
}

// collectRange is collect for the rows with ids in [lo, hi]. Ranges that
// run at once must not share a word of the set (see split).
func (s *Store) collectRange(ctx context.Context, expr string, st *keepState, lo, hi int64) (int, error) {
	h := keepStates.Add(st)
	defer keepStates.Drop(h)
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts
		WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ? AND folio_keep(articles_fts, ?)`, expr, lo, hi, h).Scan(&n)
	if err != nil {
		return 0, searchError(err)
	}
	return st.seen, nil
}

// rankExpr ranks the matches of one expression that pass the filters (and
// within, when set), recording those that pass the filters in set, and
// returns the best need and how many rows matched. A small result set is
// ranked in one statement: splitting it costs more in statements than it
// saves.
func (r ranker) rankExpr(ctx context.Context, expr string, set bitset, need int, within func(int64) bool) ([]scored, int, error) {
	parts := rankParts(r.m.live)
	if parts > 1 && r.filters.selective(splitAbove) {
		parts = 1 // selective filters leave few rows to score whatever the words match
	}
	if parts > 1 && !mergesPrefixes(expr) {
		// A long prefix skips the check: FTS5 merges the lists of all
		// the words it starts for each statement, so the check would
		// cost as much as a part.
		var n int
		err := r.s.db.QueryRowContext(ctx, `SELECT count(*) FROM
			(SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)`, expr, splitAbove).Scan(&n)
		if err != nil {
			return nil, 0, searchError(err)
		}
		if n < splitAbove {
			parts = 1
		}
	}
	r.match = expr
	return r.parts(ctx, set, need, parts, within)
}

// rankStatsOf works out the score's statistics of a match once, for all
// the statements that rank its parts; nil when nothing matches. With
// deferOne, a one-phrase match's idf is left to the statements (see
// rankStats.deferred).
func (s *Store) rankStatsOf(ctx context.Context, m *searchMeta, match string, deferOne bool) (*rankStats, error) {
	st := &rankState{lengths: m.lengths, flags: m.flags, deferOne: deferOne}
	h := rankStates.Add(st)
	defer rankStates.Drop(h)
	var score float64
	err := s.db.QueryRowContext(ctx, `SELECT folio_rank(articles_fts, ?) FROM articles_fts
		WHERE articles_fts MATCH ? LIMIT 1`, h, match).Scan(&score)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, searchError(err)
	}
	return st.stats, nil
}

// ranker ranks the matches of one search.
type ranker struct {
	s       *Store
	m       *searchMeta
	filters *filterSet
	match   string
	// stats are the score's statistics for every statement; when nil,
	// each works them out (a one-phrase match's cost nothing).
	stats   *rankStats
	weights []float64                  // the phrases' weights (see query.Query.Weights)
	used    *atomic.Pointer[rankStats] // the statistics the statements used
}

// parts ranks the matches that pass the filters (and within, when set)
// over several connections at once, each taking a range of ids, and keeps
// the best need. Rows passing the filters are recorded in set.
func (r ranker) parts(ctx context.Context, set bitset, need, parts int, within func(int64) bool) ([]scored, int, error) {
	bounds := r.m.split(parts)
	results := make([][]scored, len(bounds)-1)
	seen := make([]int, len(bounds)-1)
	errs := make([]error, len(bounds)-1)
	var wg sync.WaitGroup
	for i := 0; i+1 < len(bounds); i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			st := &keepState{keep: r.filters.keep, set: set, maxID: r.m.maxID, within: within}
			results[i], seen[i], errs[i] = r.rankRange(ctx, st, bounds[i], bounds[i+1]-1, need)
		}(i)
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, 0, err
	}
	var order []scored
	matched := 0
	for i, part := range results {
		order = append(order, part...)
		matched += seen[i]
	}
	sortScored(order)
	if need >= 0 && len(order) > need {
		order = order[:need]
	}
	return order, matched, nil
}

// rankRange ranks the matches with ids in [lo, hi] by score (folio_top)
// and returns the best need, best first.
func (r ranker) rankRange(ctx context.Context, st *keepState, lo, hi int64, need int) ([]scored, int, error) {
	rs := &rankState{lengths: r.m.lengths, flags: r.m.flags, stats: r.stats, weights: r.weights, deferOne: true}
	top := &topState{keep: st, rank: rs, best: bestScores{need: need}}
	h := topStates.Add(top)
	defer topStates.Drop(h)
	defer func() {
		if rs.stats != nil { // nil when no row was ranked
			r.used.CompareAndSwap(nil, rs.stats)
		}
	}()
	var n int
	err := r.s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts
		WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ? AND folio_top(articles_fts, ?)`,
		r.match, lo, hi, h).Scan(&n)
	if err != nil {
		return nil, 0, searchError(err)
	}
	return top.best.sorted(), st.seen, nil
}

func sortScored(list []scored) { slices.SortFunc(list, compareScored) }

// compareScored orders scores as the results are: lower score first, then
// lower id.
func compareScored(a, b scored) int {
	switch {
	case a.score < b.score:
		return -1
	case a.score > b.score:
		return 1
	case a.id < b.id:
		return -1
	case a.id > b.id:
		return 1
	}
	return 0
}

// split cuts the id range into parts holding about as many live articles
// each. Bounds are multiples of 64 so that parts fill different words of
// a shared bitset.
func (m *searchMeta) split(parts int) []int64 {
	bounds := []int64{0}
	if parts > 1 {
		per := m.live / parts
		seen := 0
		for id := int64(0); id <= m.maxID && len(bounds) < parts; id++ {
			if m.flags[id]&flagLive == 0 {
				continue
			}
			seen++
			if seen >= per*len(bounds) && id&^63 > bounds[len(bounds)-1] {
				bounds = append(bounds, id&^63)
			}
		}
	}
	return append(bounds, (m.maxID|63)+1)
}
