package db

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"folio/db/fts5aux"
	"folio/db/query"
)

// folio_terms reads the terms of a row's title and body as the index
// holds them (stemmed by the table's own tokenizer), each with its weighted
// count and the word it was first written as:
//
//	SELECT folio_terms(articles_fts, :handle) FROM articles_fts WHERE rowid IN (…)
//
// It returns 0; the terms are left in the termsState registered under
// the handle. Reading them through the tokenizer of the index, instead of
// splitting words in Go, is what makes them the index's terms exactly.
const termsFunction = "folio_terms"

// termUse is one term of an article.
type termUse struct {
	count float64 // occurrences, weighted by columnWeights
	times int     // occurrences
	word  string  // as first written, lower-cased by the tokenizer's rules
}

// termsState collects the terms of the rows a statement visits, less the
// terms of exclude (a search's words).
type termsState struct {
	byRow   map[int64]map[string]*termUse
	words   map[int64]int // every token of the row's columns read
	exclude string
	skip    map[string]bool
}

var termsStates fts5aux.Handles[*termsState]

// termColumns are the columns whose words say what an article is about:
// the title and the body (byline and source name people, not subjects).
var termColumns = []int{0, 3}

// termsRow is folio_terms for one row.
func termsRow(c fts5aux.Call) {
	st, ok := stateOf(c, termsFunction, &termsStates)
	if !ok {
		return
	}
	c.SetInt(0)
	if st.skip == nil {
		st.skip = map[string]bool{}
		err := c.TokenizeString(st.exclude, func(t fts5aux.Token) error {
			st.skip[string(t.Term)] = true
			return nil
		})
		if err != nil {
			c.SetError(err)
			return
		}
	}
	terms := map[string]*termUse{}
	words := 0
	for _, col := range termColumns {
		n, err := addTerms(c, col, terms, st.skip)
		if err != nil {
			c.SetError(err)
			return
		}
		words += n
	}
	st.byRow[c.Rowid()] = terms
	st.words[c.Rowid()] = words
}

// addTerms counts the terms of one column into terms, and returns how
// many tokens it has.
func addTerms(c fts5aux.Call, col int, terms map[string]*termUse, skip map[string]bool) (int, error) {
	text, err := c.ColumnText(col)
	if err != nil {
		return 0, err
	}
	n := 0
	err = c.Tokenize(text, func(t fts5aux.Token) error {
		if !t.Colocated {
			n++
		}
		if t.Colocated || utf8.RuneCount(t.Term) < 2 || skip[string(t.Term)] {
			return nil
		}
		u, ok := terms[string(t.Term)]
		if !ok {
			u = &termUse{word: strings.ToLower(string(text[t.Start:t.End]))}
			terms[string(t.Term)] = u
		}
		u.count += columnWeights[col]
		u.times++
		return nil
	})
	return n, err
}

// articleTerms reads the terms of the given articles, less those of the
// text exclude; an id without a row in the index is absent from the
// result.
func (s *Store) articleTerms(ctx context.Context, ids []int64, exclude string) (*termsState, error) {
	st := &termsState{byRow: map[int64]map[string]*termUse{}, words: map[int64]int{}, exclude: exclude}
	h := termsStates.Add(st)
	defer termsStates.Drop(h)
	rows, err := s.db.QueryContext(ctx, `SELECT folio_terms(articles_fts, ?) FROM articles_fts
		WHERE rowid IN (SELECT value FROM json_each(?))`, h, int64sJSON(ids))
	if err != nil {
		return nil, fmt.Errorf("read the article's words: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the article's words: %w", err)
	}
	return st, nil
}

// termRowCache keeps how many articles hold each term, for one state of
// the text: the common words every article has are looked up once, not
// once per article. It is emptied when it reaches maxCachedTerms, so its
// memory stays bounded whatever the library's vocabulary.
type termRowCache struct {
	mu   sync.Mutex
	text int64 // the generation.text the counts are of
	rows map[string]int64
}

// maxCachedTerms bounds the cache: about 20 MB at most.
const maxCachedTerms = 200000

// termRows returns how many articles hold each term, from the index's
// vocabulary (fts5vocab), the cache first.
func (s *Store) termRows(ctx context.Context, m *searchMeta, terms []string) (map[string]int64, error) {
	c := &s.search.terms
	out := make(map[string]int64, len(terms))
	var missing []string
	c.mu.Lock()
	if c.text != m.generation.text || len(c.rows) > maxCachedTerms {
		c.text, c.rows = m.generation.text, map[string]int64{}
	}
	for _, t := range terms {
		if n, ok := c.rows[t]; ok {
			out[t] = n
		} else {
			missing = append(missing, t)
		}
	}
	c.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	found, err := s.vocabRows(ctx, missing)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, t := range missing {
		out[t] = found[t]
		if c.text == m.generation.text {
			c.rows[t] = found[t]
		}
	}
	return out, nil
}

// vocabRows looks terms up in the index's vocabulary. The fts5vocab table
// lives in the temp schema of the connection that asks, so it adds nothing
// to the library file.
func (s *Store) vocabRows(ctx context.Context, terms []string) (map[string]int64, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_vocab
		USING fts5vocab(main, articles_fts, row)`); err != nil {
		return nil, fmt.Errorf("read the library's vocabulary: %w", err)
	}
	rows, err := conn.QueryContext(ctx, `SELECT term, doc FROM temp.articles_vocab
		WHERE term IN (SELECT value FROM json_each(?))`, stringsJSON(terms))
	if err != nil {
		return nil, fmt.Errorf("read the library's vocabulary: %w", err)
	}
	defer rows.Close()
	out := make(map[string]int64, len(terms))
	for rows.Next() {
		var t string
		var n int64
		if err := rows.Scan(&t, &n); err != nil {
			return nil, err
		}
		out[t] = n
	}
	return out, rows.Err()
}

// distinctTerm is a term of an article chosen to find others like it.
type distinctTerm struct {
	term   string
	word   string
	weight float64 // tf-idf
	count  float64
}

// distinctTerms picks the article's n most distinctive terms by tf-idf
// (a sublinear count times the inverse document frequency), leaving out
// those no other article holds, those in more than half the articles,
// which bm25 does not count, and stopwords, which a small library may
// not hold often enough to tell.
func distinctTerms(terms map[string]*termUse, rows map[string]int64, total int64, n int) []distinctTerm {
	list := make([]distinctTerm, 0, len(terms))
	for t, u := range terms {
		df := rows[t]
		if df < 2 || df*2 > total || query.IsStopword(u.word) {
			continue // no other article holds it, bm25 gives it no weight, or it says nothing
		}
		idf := math.Log(float64(total) / float64(df))
		if idf <= 0 {
			continue
		}
		list = append(list, distinctTerm{term: t, word: u.word, count: u.count,
			weight: (1 + math.Log(u.count)) * idf})
	}
	slices.SortFunc(list, func(a, b distinctTerm) int {
		switch {
		case a.weight > b.weight:
			return -1
		case a.weight < b.weight:
			return 1
		}
		return strings.Compare(a.term, b.term)
	})
	return list[:min(n, len(list))]
}
