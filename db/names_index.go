package db

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"folio/db/names"
)

// nameIndex is every article's names in memory, for the person:, org: and
// place: filters and the facets, like searchMeta for tags. It is read
// again when the names' generation moves (an import, a rename).
type nameIndex struct {
	generation int64
	names      []nameMeta
	articles   [][]int32 // by name index: the articles that name it
	start      []int32   // by article id: its names are list[start[id]:start[id+1]]
	list       []int32   // name indexes
}

type nameMeta struct {
	id     int64
	name   string
	key    string // lower-cased
	kind   names.Kind
	hidden bool
}

// nameCache holds the last nameIndex read.
type nameCache struct {
	mu  sync.Mutex
	idx *nameIndex
}

// nameIndex returns the names of every article, reading them again when
// they changed.
func (s *Store) nameIndex(ctx context.Context) (*nameIndex, error) {
	if s.oldSchema {
		return &nameIndex{}, nil
	}
	var gen int64
	if err := s.db.QueryRowContext(ctx, `SELECT n FROM names_generation WHERE id = 1`).Scan(&gen); err != nil {
		return nil, fmt.Errorf("read the names: %w", err)
	}
	s.names.mu.Lock()
	defer s.names.mu.Unlock()
	if s.names.idx != nil && s.names.idx.generation == gen {
		return s.names.idx, nil
	}
	idx, err := s.loadNameIndex(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the names: %w", err)
	}
	s.names.idx = idx
	return idx, nil
}

// loadNameIndex reads the names in one read transaction, the articles of
// each packed by group_concat so that one row per name crosses into Go.
func (s *Store) loadNameIndex(ctx context.Context) (*nameIndex, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	idx := &nameIndex{}
	if err := tx.QueryRowContext(ctx, `SELECT n FROM names_generation WHERE id = 1`).Scan(&idx.generation); err != nil {
		return nil, err
	}
	var maxID int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM articles`).Scan(&maxID); err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT n.id, n.name, n.kind, n.hidden, coalesce(group_concat(a.article_id, ' '), '')
		FROM names n LEFT JOIN article_names a ON a.name_id = n.id GROUP BY n.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	counts := make([]int32, maxID+2)
	for rows.Next() {
		var n nameMeta
		var kind, packed string
		if err := rows.Scan(&n.id, &n.name, &kind, &n.hidden, &packed); err != nil {
			return nil, err
		}
		n.kind, n.key = names.Kind(kind), strings.ToLower(n.name)
		var ids []int32
		for _, id := range intFields(packed) {
			if id > 0 && id <= maxID {
				ids = append(ids, int32(id))
				counts[id+1]++
			}
		}
		idx.names = append(idx.names, n)
		idx.articles = append(idx.articles, ids)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	idx.start = counts
	idx.list = make([]int32, counts[len(counts)-1])
	next := append([]int32(nil), counts[:maxID+1]...)
	for n, ids := range idx.articles {
		for _, id := range ids {
			idx.list[next[id]] = int32(n)
			next[id]++
		}
	}
	return idx, nil
}

// matches reports whether a name answers a filter's value: the same name,
// or its words run through it ("blair" is in "Tony Blair"); "us" and
// "u.s." stand for "United States".
func matchesName(key, value string) bool {
	if key == value {
		return true
	}
	i := strings.Index(key, value)
	for i >= 0 {
		end := i + len(value)
		if (i == 0 || key[i-1] == ' ') && (end == len(key) || key[end] == ' ') {
			return true
		}
		next := strings.Index(key[i+1:], value)
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

// articlesNamed returns the articles that name a person, organisation or
// place answering value.
func (idx *nameIndex) articlesNamed(kind names.Kind, value string, maxID int64) bitset {
	set := newBitset(maxID)
	value = strings.ToLower(names.Canonical(value))
	for i, n := range idx.names {
		if n.kind != kind || !matchesName(n.key, value) {
			continue
		}
		for _, id := range idx.articles[i] {
			if int64(id) <= maxID {
				set.set(int64(id))
			}
		}
	}
	return set
}

// facets counts, over the articles in set, the names of each kind that
// are not hidden.
func (idx *nameIndex) facets(set bitset, f *Facets) {
	counts := make([]int, len(idx.names))
	set.each(func(id int64) {
		if id+1 < int64(len(idx.start)) {
			for _, n := range idx.list[idx.start[id]:idx.start[id+1]] {
				counts[n]++
			}
		}
	})
	for i, c := range counts {
		n := idx.names[i]
		if c == 0 || n.hidden {
			continue
		}
		fc := FacetCount{Value: n.name, Count: c}
		switch n.kind {
		case names.Person:
			f.People = append(f.People, fc)
		case names.Org:
			f.Orgs = append(f.Orgs, fc)
		case names.Place:
			f.Places = append(f.Places, fc)
		}
	}
	f.People, f.Orgs, f.Places = top(f.People), top(f.Orgs), top(f.Places)
}
