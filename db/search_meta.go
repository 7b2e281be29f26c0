package db

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
)

// Per-article flags in searchMeta.flags.
const (
	flagLive         = 1 << iota // stored and not in the Trash
	flagRead                     // read_at is set
	flagStarred                  //
	flagHighlights               // has at least one highlight
	flagNotes                    // has a note, on the article or on a highlight
	flagDerivedTitle             // the title was made from the body (see folio_rank)
)

// searchMeta is what search filters, sorts and counts by, for every
// article, in slices indexed by article id. Reading it once and keeping it
// until the library changes turns each filter and facet over 100,000
// matches into a walk over memory instead of 100,000 B-tree lookups.
// A searchMeta is never changed after it is built; a new one replaces it.
type searchMeta struct {
	generation generation
	maxID      int64
	live       int       // how many articles are live
	flags      []uint8   // by id
	published  []int32   // by id: YYYYMMDD, 0 when undated
	source     []int32   // by id: index into sources
	sources    []string  // distinct sources
	tagStart   []int32   // by id: the article's tags are tagList[tagStart[id]:tagStart[id+1]]
	tagList    []int32   // indexes into tags
	tags       []tagMeta //
	lengths    []int32   // by id: tokens in the indexed text (see folio_rank)
	storyMeta            // which story each article belongs to (search_stories.go)
	titleOnce  sync.Once
	titleRank  []int32 // by id: position in title order; read on first use
	titleErr   error

	titleListOnce sync.Once
	titleList     []int32 // live ids by title
	dateOnce      sync.Once
	newest        []int32 // live ids, newest first, undated last
}

type tagMeta struct {
	id   int64
	name string
	key  string // lower-cased
}

// generation is the pair of change counters kept by migration 003.
type generation struct{ meta, text int64 }

// searchState is a store's search cache.
type searchState struct {
	mu   sync.Mutex
	meta *searchMeta
	// loading serialises reloads so that a burst of searches after a
	// change reads the library once.
	loading sync.Mutex
	results resultCache
	terms   termRowCache // how many articles hold each term (related articles)
}

// currentGeneration reads the change counters.
func (s *Store) currentGeneration(ctx context.Context) (generation, error) {
	var g generation
	err := s.db.QueryRowContext(ctx, `SELECT meta, text FROM search_generation WHERE id = 1`).Scan(&g.meta, &g.text)
	if err != nil {
		return g, fmt.Errorf("read the library's state: %w", err)
	}
	return g, nil
}

// searchMeta returns the per-article data, reading it again when the
// library changed since it was read.
func (s *Store) searchMeta(ctx context.Context) (*searchMeta, error) {
	st := s.search
	g, err := s.currentGeneration(ctx)
	if err != nil {
		return nil, err
	}
	st.mu.Lock()
	m := st.meta
	st.mu.Unlock()
	if m != nil && m.generation == g {
		return m, nil
	}
	st.loading.Lock()
	defer st.loading.Unlock()
	st.mu.Lock()
	m = st.meta
	st.mu.Unlock()
	if m != nil && m.generation == g {
		return m, nil
	}
	var sameText *searchMeta // whose row lengths still hold
	if m != nil && m.generation.text == g.text {
		sameText = m
	}
	m, err = s.loadSearchMeta(ctx, sameText)
	if err != nil {
		return nil, err
	}
	st.mu.Lock()
	st.meta = m
	st.mu.Unlock()
	return m, nil
}

// loadSearchMeta reads the per-article data inside one read transaction,
// so the counters and the data agree. Rows come grouped, their values
// packed by group_concat: a handful of rows cross into Go instead of one
// per article.
//
// The row lengths of the full-text index change only with the text, so
// they are taken from prev, read at the same state of the text, when one
// is given; otherwise they are read meanwhile on another connection.
func (s *Store) loadSearchMeta(ctx context.Context, prev *searchMeta) (*searchMeta, error) {
	var lengthsC chan docLengths
	if prev == nil {
		lengthsC = make(chan docLengths, 1)
		go func() { lengthsC <- s.readDocLengths(ctx) }()
	}
	m, err := s.loadSearchMetaTx(ctx, false)
	if err != nil {
		if lengthsC != nil {
			<-lengthsC
		}
		return nil, err
	}
	if lengthsC == nil && prev.generation.text == m.generation.text && prev.maxID == m.maxID {
		m.lengths = prev.lengths
		return m, nil
	}
	var d docLengths
	if lengthsC != nil {
		d = <-lengthsC
	}
	if d.err == nil && d.byID != nil && d.text == m.generation.text && len(d.byID) == int(m.maxID)+1 {
		m.lengths = d.byID
		return m, nil
	}
	// The text changed while they were read (or they could not be): read
	// everything again, in one transaction.
	return s.loadSearchMetaTx(ctx, true)
}

// loadSearchMetaTx reads the per-article data in one read transaction,
// the row lengths only when asked.
func (s *Store) loadSearchMetaTx(ctx context.Context, lengths bool) (*searchMeta, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("read the library for search: %w", err)
	}
	defer tx.Rollback()
	m := &searchMeta{}
	if err := tx.QueryRowContext(ctx, `SELECT meta, text FROM search_generation WHERE id = 1`).Scan(
		&m.generation.meta, &m.generation.text); err != nil {
		return nil, fmt.Errorf("read the library for search: %w", err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM articles`).Scan(&m.maxID); err != nil {
		return nil, fmt.Errorf("read the library for search: %w", err)
	}
	if m.maxID > maxDenseID {
		return nil, fmt.Errorf("read the library for search: article ids reach %d, beyond what search can index", m.maxID)
	}
	n := m.maxID + 1
	m.flags = make([]uint8, n)
	m.published = make([]int32, n)
	m.source = make([]int32, n)
	for _, load := range []func(context.Context, *sql.Tx) error{m.loadArticles, m.loadTags, m.loadAnnotations, m.loadStories} {
		if err := load(ctx, tx); err != nil {
			return nil, fmt.Errorf("read the library for search: %w", err)
		}
	}
	if lengths {
		if m.lengths, err = readLengths(ctx, tx, m.maxID); err != nil {
			return nil, fmt.Errorf("read the library for search: %w", err)
		}
	}
	return m, nil
}

// maxDenseID bounds the id-indexed slices (SQLite gives new rows the
// next id, so ids stay dense unless someone writes huge ones by hand).
const maxDenseID = 1 << 28

func (m *searchMeta) loadArticles(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT source, group_concat(id || ' ' || coalesce(published, '0') || ' ' ||
			((deleted_at IS NULL) + 2 * (read_at IS NOT NULL) + 4 * (starred <> 0) + 32 * (title_derived <> 0)), ' ')
		FROM articles GROUP BY source`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var source, packed string
		if err := rows.Scan(&source, &packed); err != nil {
			return err
		}
		src := int32(len(m.sources))
		m.sources = append(m.sources, source)
		for rest := packed; rest != ""; {
			var id, day, flags int64
			id, rest = nextNumber(rest)
			day, rest = nextNumber(rest)
			flags, rest = nextNumber(rest)
			if id < 0 || id > m.maxID {
				continue
			}
			m.published[id] = int32(day)
			m.source[id] = src
			m.flags[id] = uint8(flags)
			if m.flags[id]&flagLive != 0 {
				m.live++
			}
		}
	}
	return rows.Err()
}

// nextNumber reads the digits up to the next space, skipping any other
// character (so "2023-09-15" reads as 20230915), and returns the rest.
func nextNumber(s string) (int64, string) {
	var n int64
	i := 0
	for ; i < len(s) && s[i] != ' '; i++ {
		if c := s[i]; c >= '0' && c <= '9' && n < 1<<40 {
			n = n*10 + int64(c-'0')
		}
	}
	if i < len(s) {
		i++
	}
	return n, s[i:]
}

func (m *searchMeta) loadTags(ctx context.Context, tx *sql.Tx) error {
	byID := map[int64]int32{}
	rows, err := tx.QueryContext(ctx, `SELECT id, name, name_key FROM tags ORDER BY name_key`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var t tagMeta
		if err := rows.Scan(&t.id, &t.name, &t.key); err != nil {
			rows.Close()
			return err
		}
		byID[t.id] = int32(len(m.tags))
		m.tags = append(m.tags, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	// Count first, then place: the tags of all articles in one flat slice.
	counts := make([]int32, m.maxID+2)
	type group struct {
		tag int32
		ids []int64
	}
	var groups []group
	rows, err = tx.QueryContext(ctx, `SELECT tag_id, group_concat(article_id, ' ') FROM article_tags GROUP BY tag_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var tagID int64
		var packed string
		if err := rows.Scan(&tagID, &packed); err != nil {
			return err
		}
		tag, ok := byID[tagID]
		if !ok {
			continue
		}
		ids := intFields(packed)
		for _, id := range ids {
			if id >= 0 && id <= m.maxID {
				counts[id+1]++
			}
		}
		groups = append(groups, group{tag, ids})
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	m.tagStart = counts
	m.tagList = make([]int32, counts[len(counts)-1])
	next := make([]int32, m.maxID+1)
	copy(next, counts[:m.maxID+1])
	for _, g := range groups {
		for _, id := range g.ids {
			if id >= 0 && id <= m.maxID {
				m.tagList[next[id]] = g.tag
				next[id]++
			}
		}
	}
	return nil
}

func (m *searchMeta) loadAnnotations(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT article_id, max(kind = 'highlight'), max(kind = 'note' OR note <> '')
		FROM annotations GROUP BY article_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var highlights, notes bool
		if err := rows.Scan(&id, &highlights, &notes); err != nil {
			return err
		}
		if id < 0 || id > m.maxID {
			continue
		}
		if highlights {
			m.flags[id] |= flagHighlights
		}
		if notes {
			m.flags[id] |= flagNotes
		}
	}
	return rows.Err()
}

// titleOrder returns each article's position when sorted by title, read
// the first time a search sorts by title.
func (m *searchMeta) titleOrder(ctx context.Context, db *sql.DB) ([]int32, error) {
	m.titleOnce.Do(func() {
		var packed sql.NullString
		err := db.QueryRowContext(ctx, `SELECT group_concat(id, ' ') FROM
			(SELECT id FROM articles ORDER BY title COLLATE NOCASE, id)`).Scan(&packed)
		if err != nil {
			m.titleErr = fmt.Errorf("sort by title: %w", err)
			return
		}
		m.titleRank = make([]int32, m.maxID+1)
		for i, id := range intFields(packed.String) {
			if id >= 0 && id <= m.maxID {
				m.titleRank[id] = int32(i)
			}
		}
	})
	return m.titleRank, m.titleErr
}

// intFields parses space- or comma-separated decimal integers; it is the
// inverse of group_concat over integers.
func intFields(s string) []int64 {
	out := make([]int64, 0, strings.Count(s, " ")+1)
	var n int64
	neg, in := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + int64(c-'0')
			in = true
		case c == '-':
			neg = true
		default:
			if in {
				if neg {
					n = -n
				}
				out = append(out, n)
			}
			n, neg, in = 0, false, false
		}
	}
	if in {
		if neg {
			n = -n
		}
		out = append(out, n)
	}
	return out
}
