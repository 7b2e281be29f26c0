package db

import (
	"context"
	"database/sql"
	"errors"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"folio/db/query"
)

// rankWeights are bm25's weights for the columns of articles_fts (title,
// byline, source, body): a word in the title counts ten times one in the
// body, so articles about the subject come before those that mention it.
const rankWeights = `10.0, 2.0, 2.0, 1.0`

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

// rank computes bm25 for every matching article that passes the filters,
// split by id range over several connections, and keeps the best need of
// each part. bm25's statistics (row count, phrase frequencies, average
// lengths) come from the whole index whatever the range, so scores do not
// depend on the split.
func (s *Store) rank(ctx context.Context, m *searchMeta, filters *filterSet, match, titles string, need int) (found, error) {
	// The articles whose title matches are looked up meanwhile.
	titledC := make(chan titledResult, 1)
	if titles != "" {
		go func() {
			set, err := s.titleMatches(ctx, m, titles)
			titledC <- titledResult{set, err}
		}()
	}
	// So are bm25's statistics, which every ranking statement shares,
	// unless the match is one phrase: then each statement works them out
	// for nothing (see rankStats.deferred), and a statement of their own
	// would only cost another pass (for a prefix, another merge of the
	// lists of every word it starts).
	statsC := make(chan statsResult, 1)
	if query.OnePhrase(match) {
		statsC <- statsResult{}
	} else {
		go func() {
			stats, err := s.rankStatsOf(ctx, m, match)
			statsC <- statsResult{stats, err}
		}()
	}
	parts := rankParts(m.live)
	few := false
	if !strings.Contains(match, "*") {
		// Splitting a small result set costs more in statements than it
		// saves. A prefix skips the check: FTS5 merges the lists of all
		// the words it starts for each statement, so the check would cost
		// as much as a part.
		var n int
		err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM
			(SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)`, match, splitAbove).Scan(&n)
		if err != nil {
			if titles != "" {
				<-titledC
			}
			<-statsC
			return found{}, searchError(err)
		}
		few = n < splitAbove
	}
	// Selective filters leave few rows for bm25 whatever the words match.
	few = few || filters.selective(splitAbove)
	if few {
		parts = 1
	}
	var titled titledResult
	if titles != "" {
		titled = <-titledC
	}
	stats := <-statsC
	if err := errors.Join(titled.err, stats.err); err != nil {
		return found{}, err
	}
	r := ranker{s: s, m: m, filters: filters, match: match, stats: stats.stats, used: new(atomic.Pointer[rankStats])}
	var f found
	var err error
	switch {
	case titles == "":
		f, err = r.all(ctx, need, parts)
	case few:
		f, err = r.fewTitlesFirst(ctx, titled.set, need)
	default:
		f, err = r.titlesFirst(ctx, titled.set, need, parts)
	}
	// Every ranking visits each full-text match once: f.matched.
	r.used.Load().scale(f.order, f.matched)
	return f, err
}

type titledResult struct {
	set bitset
	err error
}

type statsResult struct {
	stats *rankStats
	err   error
}

// rankStatsOf works out bm25's statistics of a match once, for all the
// statements that rank its parts; nil when nothing matches.
func (s *Store) rankStatsOf(ctx context.Context, m *searchMeta, match string) (*rankStats, error) {
	st := &rankState{lengths: m.lengths, deferOne: true}
	h := rankStates.add(st)
	defer rankStates.drop(h)
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
	// stats are bm25's statistics for every statement; when nil, each
	// works them out (a one-phrase match's cost nothing).
	stats *rankStats
	used  *atomic.Pointer[rankStats] // the statistics the statements used
}

// fewTitlesFirst orders a small set of matches as titlesFirst does, in
// one statement: every match is ranked, and those with the words in their
// title sort first.
func (r ranker) fewTitlesFirst(ctx context.Context, titled bitset, need int) (found, error) {
	first := keepStates.add(&keepState{keep: titled.has, maxID: r.m.maxID})
	defer keepStates.drop(first)
	f := found{set: newBitset(r.m.maxID)}
	st := &keepState{keep: r.filters.keep, set: f.set, maxID: r.m.maxID}
	var err error
	f.order, f.matched, err = r.rankRange(ctx, st, 0, r.m.maxID, need, first)
	return f, err
}

// all ranks every match by bm25.
func (r ranker) all(ctx context.Context, need, parts int) (found, error) {
	f := found{set: newBitset(r.m.maxID)}
	order, matched, err := r.parts(ctx, f.set, need, parts, nil)
	f.order, f.matched = order, matched
	return f, err
}

// titlesFirst puts the matches whose title holds a word of the query
// first, ranked by bm25 among themselves, then the others by bm25. Only the
// first group is ranked when it fills the page: the title index finds it
// from short posting lists, so a word common in bodies is not ranked in
// every article that mentions it.
func (r ranker) titlesFirst(ctx context.Context, titled bitset, need, parts int) (found, error) {
	f := found{set: newBitset(r.m.maxID)}
	var err error
	f.order, f.matched, err = r.parts(ctx, f.set, need, parts, titled.has)
	if err != nil || (need >= 0 && len(f.order) >= need) {
		return f, err
	}
	rest, _, err := r.parts(ctx, nil, need-len(f.order), parts,
		func(id int64) bool { return !titled.has(id) })
	f.order = append(f.order, rest...)
	return f, err
}

// titleMatches is the set of articles whose title matches an expression.
func (s *Store) titleMatches(ctx context.Context, m *searchMeta, expr string) (bitset, error) {
	return s.matchSet(ctx, m, "titles_fts", expr)
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
			results[i], seen[i], errs[i] = r.rankRange(ctx, st, bounds[i], bounds[i+1]-1, need, 0)
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

// rankRange ranks the matches with ids in [lo, hi] by bm25 (folio_rank).
// When first is a folio_keep handle, the rows it keeps sort before the
// others.
func (r ranker) rankRange(ctx context.Context, st *keepState, lo, hi int64, need int, first int64) ([]scored, int, error) {
	h := keepStates.add(st)
	defer keepStates.drop(h)
	rs := &rankState{lengths: r.m.lengths, stats: r.stats, deferOne: true}
	rh := rankStates.add(rs)
	defer rankStates.drop(rh)
	defer func() {
		if rs.stats != nil { // nil when no row was ranked
			r.used.CompareAndSwap(nil, rs.stats)
		}
	}()
	rows, err := r.s.db.QueryContext(ctx, `SELECT rowid, folio_rank(articles_fts, ?) AS score
		FROM articles_fts
		WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ? AND folio_keep(articles_fts, ?)
		ORDER BY folio_keep(articles_fts, ?) DESC, score, rowid LIMIT ?`, rh, r.match, lo, hi, h, first, need)
	if err != nil {
		return nil, 0, searchError(err)
	}
	defer rows.Close()
	var out []scored
	for rows.Next() {
		var r scored
		if err := rows.Scan(&r.id, &r.score); err != nil {
			return nil, 0, searchError(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, searchError(err)
	}
	return out, st.seen, nil
}

func sortScored(list []scored) {
	slices.SortFunc(list, func(a, b scored) int {
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
	})
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
