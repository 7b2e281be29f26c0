package db

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"folio/db/names"
)

// nameIndex is every article's names in memory, for the person:, org: and
// place: filters and the facets, like searchMeta for tags. It is never
// changed once built: an import makes a new one from it and the names of
// the new articles alone; any other change to names reads them all again.
type nameIndex struct {
	generation nameGeneration
	maxArticle int64 // the highest article id when it was read
	maxName    int64 // the highest name id when it was read
	names      []nameMeta
	articles   [][]int32 // by name index: the articles that name it, ascending
	byID       map[int64]int32
	start      []int32 // by article id: its names are list[start[id]:start[id+1]]
	list       []int32 // name indexes
}

// nameGeneration is the pair of counters kept by migration 011.
type nameGeneration struct{ n, rewritten int64 }

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
	var g nameGeneration
	if err := s.db.QueryRowContext(ctx, `SELECT n, rewritten FROM names_generation WHERE id = 1`).Scan(&g.n, &g.rewritten); err != nil {
		return nil, fmt.Errorf("read the names: %w", err)
	}
	s.names.mu.Lock()
	defer s.names.mu.Unlock()
	prev := s.names.idx
	if prev != nil && prev.generation == g {
		return prev, nil
	}
	if prev != nil && prev.generation.rewritten != g.rewritten {
		prev = nil // not only new articles: read everything
	}
	idx, err := s.loadNameIndex(ctx, prev)
	if err != nil {
		return nil, fmt.Errorf("read the names: %w", err)
	}
	s.names.idx = idx
	return idx, nil
}

// loadNameIndex reads the names in one read transaction: all of them, or,
// given the index before an import, the names new since and the names of
// the articles imported since. The names of each article come packed by
// group_concat, so that one row per article crosses into Go.
func (s *Store) loadNameIndex(ctx context.Context, prev *nameIndex) (*nameIndex, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	idx := &nameIndex{byID: map[int64]int32{}}
	err = tx.QueryRowContext(ctx, `SELECT n, rewritten, (SELECT coalesce(max(id), 0) FROM articles),
		(SELECT coalesce(max(id), 0) FROM names) FROM names_generation WHERE id = 1`).Scan(
		&idx.generation.n, &idx.generation.rewritten, &idx.maxArticle, &idx.maxName)
	if err != nil {
		return nil, err
	}
	if prev != nil && (prev.generation.rewritten != idx.generation.rewritten || prev.maxArticle > idx.maxArticle) {
		prev = nil // changed meanwhile
	}
	var since, sinceName int64
	if prev != nil {
		since, sinceName = prev.maxArticle, prev.maxName
		idx.names = append(idx.names, prev.names...)
		idx.articles = append(idx.articles, prev.articles...)
		maps.Copy(idx.byID, prev.byID)
	}
	if err := idx.readNames(ctx, tx, sinceName); err != nil {
		return nil, err
	}
	if err := idx.readLinks(ctx, tx, since); err != nil {
		return nil, err
	}
	idx.place(prev)
	return idx, nil
}

// readNames reads the names with ids above since.
func (idx *nameIndex) readNames(ctx context.Context, tx *sql.Tx, since int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, name, kind, hidden FROM names WHERE id > ? ORDER BY id`, since)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var n nameMeta
		var kind string
		if err := rows.Scan(&n.id, &n.name, &kind, &n.hidden); err != nil {
			return err
		}
		n.kind, n.key = names.Kind(kind), strings.ToLower(n.name)
		idx.byID[n.id] = int32(len(idx.names))
		idx.names = append(idx.names, n)
		idx.articles = append(idx.articles, nil)
	}
	return rows.Err()
}

// readLinks adds the articles above since to the lists of the names they
// name. The links are read in the table's own order, article by article,
// so each name's list grows in article order with no sort.
func (idx *nameIndex) readLinks(ctx context.Context, tx *sql.Tx, since int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT article_id, group_concat(name_id, ' ') FROM article_names
		WHERE article_id > ?1 AND article_id <= ?2 GROUP BY article_id`, since, idx.maxArticle)
	if err != nil {
		return err
	}
	defer rows.Close()
	fresh := make([]bool, len(idx.names))
	for rows.Next() {
		var articleID int64
		var packed string
		if err := rows.Scan(&articleID, &packed); err != nil {
			return err
		}
		for _, nameID := range intFields(packed) {
			n, ok := idx.byID[nameID]
			if !ok {
				continue
			}
			if !fresh[n] { // a slice of its own: the previous index may share the old one
				idx.articles[n], fresh[n] = slices.Clip(idx.articles[n]), true
			}
			idx.articles[n] = append(idx.articles[n], int32(articleID))
		}
	}
	return rows.Err()
}

// place builds the by-article lists: the previous index's as they were,
// then the new articles', which all have higher ids.
func (idx *nameIndex) place(prev *nameIndex) {
	var since int64
	var oldList []int32
	start := make([]int32, idx.maxArticle+2)
	if prev != nil {
		since, oldList = prev.maxArticle, prev.list
		copy(start, prev.start)
	}
	count := make([]int32, idx.maxArticle+2) // count[id+1]: names of the new article id
	for _, ids := range idx.articles {
		for j := len(ids) - 1; j >= 0 && int64(ids[j]) > since; j-- {
			count[ids[j]+1]++
		}
	}
	for i := since + 2; i < int64(len(start)); i++ {
		start[i] = start[i-1] + count[i]
	}
	idx.start = start
	idx.list = append(slices.Clip(oldList), make([]int32, int(start[len(start)-1])-len(oldList))...)
	next := append([]int32(nil), start[:idx.maxArticle+1]...)
	for n, ids := range idx.articles {
		for j := len(ids) - 1; j >= 0 && int64(ids[j]) > since; j-- {
			idx.list[next[ids[j]]] = int32(n)
			next[ids[j]]++
		}
	}
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

// NameLexicon returns what the library knows about its names, for
// finding names in more articles: how many of its articles took each name
// for each kind, read by names.LexiconOf.
func (s *Store) NameLexicon(ctx context.Context) (*names.Lexicon, error) {
	idx, err := s.nameIndex(ctx)
	if err != nil {
		return nil, err
	}
	usage := make([]names.Usage, len(idx.names))
	for i, n := range idx.names {
		usage[i] = names.Usage{Name: n.name, Kind: n.kind, Articles: len(idx.articles[i])}
	}
	return names.LexiconOf(usage), nil
}
