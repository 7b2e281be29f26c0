package db

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"

	"folio/db/query"
)

// found is what a search finds before the page is read: the set of
// matching articles and, in the requested order, the first of them.
type found struct {
	set     bitset
	total   int
	matched int      // full-text matches before the filters; 0 when not known
	order   []scored // the first `need` hits in order (all of them when need < 0)
}

type scored struct {
	id    int64
	score float64 // bm25: lower is better; 0 when not ranked
}

// findArticles runs the text part of a query through FTS5 and the filters
// through the in-memory data, every version of a story apart (find groups
// them). need is how many hits must come back in order (offset+limit), or
// -1 for all of them.
func (s *Store) findArticles(ctx context.Context, m *searchMeta, q query.Query, sort Sort, need int) (found, error) {
	filters, err := s.newFilterSet(ctx, m, q.Filters)
	if err != nil {
		return found{}, err
	}
	var f found
	switch {
	case q.Match != "" && sort == SortRelevance:
		f, err = s.rank(ctx, m, filters, q, need)
		if err != nil {
			return found{}, err
		}
		f.total = f.set.count()
		return f, nil
	case q.Match != "":
		// In another order than relevance the articles with all the words
		// are what was asked for; those with some only when none has all.
		f.set = newBitset(m.maxID)
		f.matched, err = s.collect(ctx, q.Match, &keepState{keep: filters.keep, set: f.set, maxID: m.maxID})
		if err == nil && q.Loose != "" && f.set.count() == 0 {
			f.matched, err = s.collect(ctx, q.Loose, &keepState{keep: filters.keep, set: f.set, maxID: m.maxID})
		}
		if err != nil {
			return found{}, err
		}
	case q.Exclude != "":
		excluded, err := s.ftsBitset(ctx, m, q.Exclude)
		if err != nil {
			return found{}, err
		}
		f.set = newBitset(m.maxID)
		for id := int64(1); id <= m.maxID; id++ {
			if !excluded.has(id) && filters.keep(id) {
				f.set.set(id)
			}
		}
	default:
		f.set = newBitset(m.maxID)
		for id := int64(1); id <= m.maxID; id++ {
			if filters.keep(id) {
				f.set.set(id)
			}
		}
	}
	f.total = f.set.count()
	f.order, err = s.ordered(ctx, m, f.set, sort, need)
	return f, err
}

// ordered lists the first need ids of the set in a stored order, walking
// that order (computed once per library state) and picking members.
func (s *Store) ordered(ctx context.Context, m *searchMeta, set bitset, sort Sort, need int) ([]scored, error) {
	order, reverse, err := m.order(ctx, s, sort)
	if err != nil {
		return nil, err
	}
	var out []scored
	pick := func(id int32) bool {
		if set.has(int64(id)) {
			out = append(out, scored{id: int64(id)})
		}
		return need >= 0 && len(out) >= need
	}
	if reverse { // oldest first: the dated part backwards, then the undated
		dated := m.datedCount(order)
		for i := dated - 1; i >= 0; i-- {
			if pick(order[i]) {
				return out, nil
			}
		}
		for _, id := range order[dated:] {
			if pick(id) {
				return out, nil
			}
		}
		return out, nil
	}
	for _, id := range order {
		if pick(id) {
			break
		}
	}
	return out, nil
}

// order returns the ids of all articles in a sort's stored order, and
// whether to walk it backwards; computed once per library state.
func (m *searchMeta) order(ctx context.Context, s *Store, sort Sort) ([]int32, bool, error) {
	if sort == SortTitle {
		rank, err := m.titleOrder(ctx, s.db)
		if err != nil {
			return nil, false, err
		}
		m.titleListOnce.Do(func() { m.titleList = invert(rank, m) })
		return m.titleList, false, nil
	}
	m.dateOnce.Do(func() { m.newest = m.newestOrder() })
	return m.newest, sort == SortOldest, nil
}

// newestOrder sorts the ids newest first: by publication date, then id,
// both descending, with undated articles last (as the library list does).
func (m *searchMeta) newestOrder() []int32 {
	ids := make([]int32, 0, m.maxID)
	for id := m.maxID; id >= 1; id-- {
		if m.flags[id]&flagLive != 0 {
			ids = append(ids, int32(id))
		}
	}
	slices.SortFunc(ids, func(x, y int32) int {
		a, b := m.published[x], m.published[y]
		switch {
		case (a == 0) != (b == 0):
			if b == 0 {
				return -1
			}
			return 1
		case a != b:
			if a > b {
				return -1
			}
			return 1
		}
		return int(y - x)
	})
	return ids
}

// datedCount is where the undated articles start in the newest order.
func (m *searchMeta) datedCount(order []int32) int {
	return sort.Search(len(order), func(i int) bool { return m.published[order[i]] == 0 })
}

// invert turns a by-id rank into the list of live ids in rank order.
func invert(rank []int32, m *searchMeta) []int32 {
	ids := make([]int32, 0, m.live)
	for id := int64(1); id <= m.maxID; id++ {
		if m.flags[id]&flagLive != 0 {
			ids = append(ids, int32(id))
		}
	}
	sort.Slice(ids, func(i, j int) bool { return rank[ids[i]] < rank[ids[j]] })
	return ids
}

// searchError words a failure of the search itself. The parser quotes
// everything typed, so this only happens when the library cannot be read.
func searchError(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return fmt.Errorf("the search could not read the library: %w", err)
}
