package db

import (
	"context"
	"errors"
	"math/bits"
	"strings"

	"folio/db/fts5aux"
	"folio/db/names"
	"folio/db/query"
)

// bitset is a set of article ids.
type bitset []uint64

func newBitset(maxID int64) bitset { return make(bitset, maxID/64+1) }

func (b bitset) set(id int64) { b[id>>6] |= 1 << (id & 63) }

func (b bitset) has(id int64) bool {
	return id >= 0 && id>>6 < int64(len(b)) && b[id>>6]&(1<<(id&63)) != 0
}

func (b bitset) count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// each calls fn with every id in the set, in ascending order.
func (b bitset) each(fn func(id int64)) {
	for i, w := range b {
		for w != 0 {
			fn(int64(i)<<6 + int64(bits.TrailingZeros64(w)))
			w &= w - 1
		}
	}
}

// filterSet is a query's filters made ready for one searchMeta: tag names
// resolved to tag indexes, sources and names to sets of articles.
type filterSet struct {
	m       *searchMeta
	tags    []tagCond
	sets    []setCond // source:, person:, org:, place:
	dates   []query.Filter
	must    uint8 // flags that have to be set
	mustNot uint8 // flags that have to be clear
	none    bool  // a filter that nothing can pass
}

// selective reports whether fewer than limit articles pass the filters, so
// that ranking them all in one statement costs little. Filters that are
// only "live" (no filter typed) pass everything.
func (f *filterSet) selective(limit int) bool {
	if len(f.tags) == 0 && len(f.sets) == 0 && len(f.dates) == 0 && f.must == flagLive && f.mustNot == 0 {
		return f.none
	}
	n := 0
	for id := int64(1); id <= f.m.maxID; id++ {
		if f.keep(id) {
			if n++; n >= limit {
				return false
			}
		}
	}
	return true
}

type tagCond struct {
	match  []bool // by tag index
	negate bool
}

type setCond struct {
	set    bitset
	negate bool
}

// newFilterSet prepares the filters; a source filter runs its full-text
// match here, once.
func (s *Store) newFilterSet(ctx context.Context, m *searchMeta, filters []query.Filter) (*filterSet, error) {
	f := &filterSet{m: m, must: flagLive}
	for _, flt := range filters {
		switch flt.Kind {
		case query.Tag:
			c := tagCond{match: make([]bool, len(m.tags)), negate: flt.Negate}
			for i, t := range m.tags {
				c.match[i] = t.key == flt.Value || strings.HasPrefix(t.key, flt.Value+"/")
			}
			f.tags = append(f.tags, c)
		case query.Source:
			set, err := s.ftsBitset(ctx, m, query.SourceMatch(flt.Value))
			if err != nil {
				return nil, err
			}
			f.sets = append(f.sets, setCond{set: set, negate: flt.Negate})
		case query.Person, query.Org, query.Place:
			idx, err := s.nameIndex(ctx)
			if err != nil {
				return nil, err
			}
			f.sets = append(f.sets, setCond{set: idx.articlesNamed(names.Kind(flt.Kind), flt.Value, m.maxID), negate: flt.Negate})
		case query.Date:
			f.dates = append(f.dates, flt)
		case query.Is, query.Has:
			flag := map[string]uint8{"unread": flagRead, "read": flagRead, "starred": flagStarred,
				"notes": flagNotes, "highlights": flagHighlights}[flt.Value]
			want := flt.Value != "unread"
			if flt.Negate {
				want = !want
			}
			if want {
				f.must |= flag
			} else {
				f.mustNot |= flag
			}
		}
	}
	f.none = f.must&f.mustNot != 0
	return f, nil
}

// keep reports whether the article passes every filter.
func (f *filterSet) keep(id int64) bool {
	m := f.m
	if id < 0 || id > m.maxID || f.none {
		return false
	}
	fl := m.flags[id]
	if fl&f.must != f.must || fl&f.mustNot != 0 {
		return false
	}
	for _, d := range f.dates {
		p := int(m.published[id])
		in := p != 0 && (d.From == 0 || p >= d.From) && (d.To == 0 || p < d.To)
		if d.Undated {
			in = p == 0
		}
		if in == d.Negate {
			return false
		}
	}
	for _, c := range f.sets {
		if c.set.has(id) == c.negate {
			return false
		}
	}
	for _, c := range f.tags {
		has := false
		for _, t := range m.tagList[m.tagStart[id]:m.tagStart[id+1]] {
			if c.match[t] {
				has = true
				break
			}
		}
		if has == c.negate {
			return false
		}
	}
	return true
}

// ftsBitset returns the set of articles an FTS5 expression matches:
// folio_keep records them inside the statement, no row crosses into Go.
func (s *Store) ftsBitset(ctx context.Context, m *searchMeta, match string) (bitset, error) {
	set := newBitset(m.maxID)
	_, err := s.collect(ctx, match, &keepState{set: set, maxID: m.maxID})
	return set, err
}

// keepState is what folio_keep consults while a statement runs: the
// filters to apply and the set that records the rows that passed.
type keepState struct {
	keep  func(id int64) bool // nil keeps every row
	set   bitset              // records the rows kept; nil records nothing
	maxID int64
	seen  int // rows asked about: the full-text matches, filters aside
	// within, when set, narrows what the statement goes on with (bm25 is
	// computed only for those rows) after the kept row has been recorded.
	within func(id int64) bool
}

var keepStates fts5aux.Handles[*keepState]

// folio_keep(articles_fts, handle) filters the rows of a full-text match
// in Go, inside the statement, so that bm25 runs only on rows that pass
// and the passing rows are collected without crossing into Go one row at
// a time. Collecting is idempotent, so it does not matter how often SQLite
// calls it. It is an FTS5 auxiliary function, which FTS5 calls directly,
// rather than an SQL function, whose calls cost several times more.
const keepFunction = "folio_keep"

// keepRow is folio_keep for one row: 1 to keep it, else 0. Handle 0 keeps
// everything.
func keepRow(c fts5aux.Call) {
	h, ok := handleArg(c, keepFunction)
	if !ok {
		return
	}
	if h == 0 {
		c.SetInt(1)
		return
	}
	st, ok := keepStates.Get(h)
	if !ok {
		c.SetError(errors.New("folio_keep: unknown handle"))
		return
	}
	if st.pass(c.Rowid()) {
		c.SetInt(1)
		return
	}
	c.SetInt(0)
}

// pass records a row asked about and tells whether the statement goes on
// with it.
func (st *keepState) pass(id int64) bool {
	st.seen++
	if id < 0 || id > st.maxID || (st.keep != nil && !st.keep(id)) {
		return false
	}
	if st.set != nil {
		st.set.set(id)
	}
	return st.within == nil || st.within(id)
}
