package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"folio/db/names"
)

// NameCount is a person, organisation or place with the number of
// articles that name it.
type NameCount struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Kind   string `json:"kind"` // "person", "org" or "place"
	Count  int    `json:"count"`
	Hidden bool   `json:"hidden"`
}

// NameFilter narrows ListNames.
type NameFilter struct {
	Kind   string // "person", "org", "place"; "" for all
	Query  string // a search: count only in the articles it finds; "" for the library
	Limit  int    // 0 for all
	Hidden bool   // list hidden names too
}

// ListNames returns the names in the library's articles (or the articles
// a search finds) with how many articles name each, most first, ties by
// name. Articles in the Trash do not count.
func (s *Store) ListNames(ctx context.Context, f NameFilter) ([]NameCount, error) {
	var kind names.Kind
	if f.Kind != "" {
		k, ok := names.ParseKind(f.Kind)
		if !ok {
			return nil, fmt.Errorf("unknown kind of name %q: use person, org or place", f.Kind)
		}
		kind = k
	}
	set, err := s.articleSet(ctx, f.Query)
	if err != nil {
		return nil, err
	}
	idx, err := s.nameIndex(ctx)
	if err != nil {
		return nil, err
	}
	out := idx.counts(set, func(n nameMeta) bool { return (kind == "" || n.kind == kind) && (f.Hidden || !n.hidden) })
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

// articleSet is the set of live articles a search finds, or all of them.
func (s *Store) articleSet(ctx context.Context, input string) (bitset, error) {
	m, err := s.searchMeta(ctx)
	if err != nil {
		return nil, err
	}
	set := newBitset(m.maxID)
	if strings.TrimSpace(input) == "" {
		for id := int64(1); id <= m.maxID; id++ {
			if m.flags[id]&flagLive != 0 {
				set.set(id)
			}
		}
		return set, nil
	}
	ids, err := s.SearchArticleIDs(ctx, input)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if id <= m.maxID {
			set.set(id)
		}
	}
	return set, nil
}

// counts counts the names that pass keep over the articles in set, most
// first.
func (idx *nameIndex) counts(set bitset, keep func(nameMeta) bool) []NameCount {
	counts := make([]int, len(idx.names))
	set.each(func(id int64) {
		if id+1 < int64(len(idx.start)) {
			for _, n := range idx.list[idx.start[id]:idx.start[id+1]] {
				counts[n]++
			}
		}
	})
	out := []NameCount{}
	for i, c := range counts {
		if n := idx.names[i]; c > 0 && keep(n) {
			out = append(out, NameCount{ID: n.id, Name: n.name, Kind: string(n.kind), Count: c, Hidden: n.hidden})
		}
	}
	slices.SortFunc(out, func(a, b NameCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	return out
}

// NameDetail is one name with its articles and the names found beside it.
type NameDetail struct {
	Name     NameCount        `json:"name"`
	Years    []FacetCount     `json:"years"`    // its articles by year of publication, oldest first; "no date" last
	Articles []ArticleSummary `json:"articles"` // the newest nameDetailArticles, undated last
	Related  []NameCount      `json:"related"`  // the names most often in the same articles, with how many
}

// relatedLimit is how many names NameDetail lists beside one;
// nameDetailArticles how many of its articles.
const (
	relatedLimit       = 15
	nameDetailArticles = 200
)

// NameDetail returns a name, its live articles (how many a year, and the
// newest of them), and the names that occur most often with it.
func (s *Store) NameDetail(ctx context.Context, id int64) (NameDetail, error) {
	idx, err := s.nameIndex(ctx)
	if err != nil {
		return NameDetail{}, err
	}
	i := slices.IndexFunc(idx.names, func(n nameMeta) bool { return n.id == id })
	if i < 0 {
		return NameDetail{}, fmt.Errorf("name %d: %w", id, ErrNotFound)
	}
	m, err := s.searchMeta(ctx)
	if err != nil {
		return NameDetail{}, err
	}
	set := newBitset(m.maxID)
	var ids []int64
	for _, a := range idx.articles[i] {
		if id := int64(a); id <= m.maxID && m.flags[id]&flagLive != 0 {
			set.set(id)
			ids = append(ids, id)
		}
	}
	n := idx.names[i]
	d := NameDetail{Name: NameCount{ID: n.id, Name: n.name, Kind: string(n.kind), Count: len(ids), Hidden: n.hidden}}
	d.Related = idx.counts(set, func(o nameMeta) bool { return o.id != id && !o.hidden })
	d.Related = d.Related[:min(len(d.Related), relatedLimit)]
	d.Years = yearCounts(m, ids)
	// Newest first, undated last.
	slices.SortFunc(ids, func(a, b int64) int {
		pa, pb := m.published[a], m.published[b]
		switch {
		case pa == pb:
			return int(b - a)
		case pa == 0:
			return 1
		case pb == 0:
			return -1
		}
		return int(pb - pa)
	})
	ids = ids[:min(len(ids), nameDetailArticles)]
	byID, err := s.summariesByID(ctx, ids)
	if err != nil {
		return NameDetail{}, err
	}
	d.Articles = []ArticleSummary{}
	for _, id := range ids {
		if a, ok := byID[id]; ok {
			d.Articles = append(d.Articles, a)
		}
	}
	return d, nil
}

// yearCounts counts articles by year of publication, oldest first, the
// undated last.
func yearCounts(m *searchMeta, ids []int64) []FacetCount {
	byYear := map[int32]int{}
	for _, id := range ids {
		byYear[m.published[id]/10000]++
	}
	years := slices.Sorted(maps.Keys(byYear))
	out := []FacetCount{}
	for _, y := range years {
		if y != 0 {
			out = append(out, FacetCount{Value: strconv.Itoa(int(y)), Count: byYear[y]})
		}
	}
	if n := byYear[0]; n > 0 {
		out = append(out, FacetCount{Value: NoDate, Count: n})
	}
	return out
}

// RenameName gives a name a new spelling. When a name of the same kind
// already has it (in any case), the two merge into that one. The old
// spelling is remembered, so articles imported later that write it get the
// renamed name. It returns the name as it is after the rename.
func (s *Store) RenameName(ctx context.Context, id int64, newName string) (NameCount, error) {
	newName = strings.Join(strings.Fields(newName), " ")
	if newName == "" {
		return NameCount{}, errors.New("a name cannot be empty")
	}
	survivor := id
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		old, kind, err := nameRow(ctx, tx, id)
		if err != nil {
			return err
		}
		var other int64
		err = tx.QueryRowContext(ctx, `SELECT id FROM names WHERE kind = ? AND name = ? COLLATE NOCASE AND id <> ?`,
			kind, newName, id).Scan(&other)
		switch {
		case err == nil:
			survivor = other
			if err := mergeName(ctx, tx, id, other); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `UPDATE names SET name = ? WHERE id = ?`, newName, other)
			return err
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE names SET name = ? WHERE id = ?`, newName, id); err != nil {
			return err
		}
		return remember(ctx, tx, kind, old, id)
	})
	s.nameIDs.forget()
	if err != nil {
		return NameCount{}, fmt.Errorf("rename name %d: %w", id, err)
	}
	return s.nameCount(ctx, survivor)
}

// MergeNames folds the names ids into the name into: its articles name
// into instead, and articles imported later that write one of them do too.
// Names of another kind are refused.
func (s *Store) MergeNames(ctx context.Context, into int64, ids []int64) (NameCount, error) {
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		_, kind, err := nameRow(ctx, tx, into)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if id == into {
				continue
			}
			name, k, err := nameRow(ctx, tx, id)
			if err != nil {
				return err
			}
			if k != kind {
				return fmt.Errorf("%q is a %s, not a %s: only names of one kind merge", name, k, kind)
			}
			if err := mergeName(ctx, tx, id, into); err != nil {
				return err
			}
		}
		return nil
	})
	s.nameIDs.forget()
	if err != nil {
		return NameCount{}, fmt.Errorf("merge names: %w", err)
	}
	return s.nameCount(ctx, into)
}

// HideName keeps a name out of facets and lists (hidden true) or brings it
// back; its articles still find it with a filter.
func (s *Store) HideName(ctx context.Context, id int64, hidden bool) (NameCount, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE names SET hidden = ? WHERE id = ?`, hidden, id)
	if err != nil {
		return NameCount{}, fmt.Errorf("hide name %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return NameCount{}, fmt.Errorf("name %d: %w", id, ErrNotFound)
	}
	return s.nameCount(ctx, id)
}

func nameRow(ctx context.Context, tx *sql.Tx, id int64) (name, kind string, err error) {
	err = tx.QueryRowContext(ctx, `SELECT name, kind FROM names WHERE id = ?`, id).Scan(&name, &kind)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", fmt.Errorf("name %d: %w", id, ErrNotFound)
	}
	return name, kind, err
}

// mergeName moves the articles and spellings of name from to name into
// and deletes from.
func mergeName(ctx context.Context, tx *sql.Tx, from, into int64) error {
	name, kind, err := nameRow(ctx, tx, from)
	if err != nil {
		return err
	}
	for _, q := range []string{
		`INSERT OR IGNORE INTO article_names (article_id, name_id, positions)
			SELECT article_id, ?2, positions FROM article_names WHERE name_id = ?1`,
		`UPDATE name_aliases SET name_id = ?2 WHERE name_id = ?1`,
		`DELETE FROM names WHERE id = ?1`,
	} {
		if _, err := tx.ExecContext(ctx, q, from, into); err != nil {
			return err
		}
	}
	return remember(ctx, tx, kind, name, into)
}

// remember records an old spelling of a name.
func remember(ctx context.Context, tx *sql.Tx, kind, alias string, id int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO name_aliases (kind, alias, name_id) VALUES (?, ?, ?)
		ON CONFLICT (kind, alias COLLATE NOCASE) DO UPDATE SET name_id = excluded.name_id`, kind, alias, id)
	return err
}

// nameCount reads one name with its number of live articles.
func (s *Store) nameCount(ctx context.Context, id int64) (NameCount, error) {
	n := NameCount{ID: id}
	err := s.db.QueryRowContext(ctx, `SELECT name, kind, hidden,
		(SELECT count(*) FROM article_names an JOIN articles a ON a.id = an.article_id
			WHERE an.name_id = names.id AND a.deleted_at IS NULL)
		FROM names WHERE id = ?`, id).Scan(&n.Name, &n.Kind, &n.Hidden, &n.Count)
	if errors.Is(err, sql.ErrNoRows) {
		return n, fmt.Errorf("name %d: %w", id, ErrNotFound)
	}
	return n, err
}

// ArticleNames returns the names an article names, those not hidden:
// people first, then organisations, then places, each the most named in
// the library first. Count is the number of articles naming each.
func (s *Store) ArticleNames(ctx context.Context, articleID int64) ([]NameCount, error) {
	idx, err := s.nameIndex(ctx)
	if err != nil {
		return nil, err
	}
	out := []NameCount{}
	if articleID < 0 || articleID+1 >= int64(len(idx.start)) {
		return out, nil
	}
	for _, i := range idx.list[idx.start[articleID]:idx.start[articleID+1]] {
		if n := idx.names[i]; !n.hidden {
			out = append(out, NameCount{ID: n.id, Name: n.name, Kind: string(n.kind), Count: len(idx.articles[i])})
		}
	}
	order := map[string]int{string(names.Person): 0, string(names.Org): 1, string(names.Place): 2}
	slices.SortFunc(out, func(a, b NameCount) int {
		if a.Kind != b.Kind {
			return order[a.Kind] - order[b.Kind]
		}
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out, nil
}
