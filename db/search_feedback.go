package db

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"folio/db/fts5aux"
	"folio/db/query"
)

// Feedback: a question or a pasted paragraph is worded as the person
// thinks of it, not as the articles that answer it are written. So when a
// search has several words, the best articles it finds are read for the
// words they share (pseudo-relevance feedback, as in the relevance model
// RM3 of Lavrenko and Croft), and the articles found are ranked again with
// those words added at a lower weight. What is found does not change (the
// same articles, the same groups: every word, then some); only the order
// within the groups does. Measured in docs/relevance.md.
const (
	// feedbackDocs are how many of the best articles are read, and
	// feedbackTerms how many of their words are added: the usual values
	// of RM3, which also do best here.
	feedbackDocs  = 10
	feedbackTerms = 10
	// feedbackMinTerms is how many words (or phrases) a search needs for
	// feedback: a question or a paragraph, not a name or a topic of two
	// words, which says what it means already.
	feedbackMinTerms = 4
	// feedbackPool is how many of the first ranking's best are ranked
	// again (the others keep their places after them): a word added
	// weighs at most half a word typed, so an article far down the first
	// ranking does not climb to the first page, and only the pool is
	// scored again (docs/relevance.md measures other sizes).
	feedbackPool = 500
	// feedbackWeight is the weight of the most telling added word,
	// against 1 for a word typed; the others weigh less in proportion.
	feedbackWeight = 0.5

	// feedbackMinLetters keeps short tokens (initials, "mr") out.
	feedbackMinLetters = 3
)

// usesFeedback reports whether a ranked search is reranked with feedback.
func usesFeedback(q query.Query) bool {
	return !q.Typing && !q.InNotes && len(q.Terms) >= feedbackMinTerms
}

// termsFunction is folio_terms, which counts the terms of the rows it is
// called on into a termCounts:
//
//	SELECT folio_terms(articles_fts, :handle) FROM articles_fts WHERE rowid IN (…)
const termsFunction = "folio_terms"

var termStates fts5aux.Handles[*termCounts]

// termCounts adds up, over the rows read, each term's share of the row's
// words (P(t|D)), and keeps the word as first written for each term, to
// search it by.
type termCounts struct {
	exclude string // text whose terms are not counted (the words typed)
	skip    map[string]bool
	share   map[string]float64
	word    map[string]string
	row     map[string]int // scratch: the current row's counts
}

func termsRow(c fts5aux.Call) {
	st, ok := stateOf(c, termsFunction, &termStates)
	if !ok {
		return
	}
	if err := st.count(c); err != nil {
		c.SetError(err)
		return
	}
	c.SetInt(0)
}

// feedbackColumns are the columns of articles_fts read for feedback: the
// title and the body.
var feedbackColumns = []int{0, 3}

// count adds the current row's terms.
func (st *termCounts) count(c fts5aux.Call) error {
	if st.skip == nil {
		st.skip = map[string]bool{}
		err := c.Tokenize([]byte(st.exclude), func(t fts5aux.Token) error {
			st.skip[string(t.Term)] = true
			return nil
		})
		if err != nil {
			return err
		}
	}
	clear(st.row)
	words := 0
	for _, col := range feedbackColumns {
		text, err := c.ColumnText(col)
		if err != nil {
			return err
		}
		err = c.Tokenize(text, func(t fts5aux.Token) error {
			words++
			if !st.skip[string(t.Term)] && telling(text[t.Start:t.End]) {
				st.add(string(t.Term), text[t.Start:t.End])
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	for term, n := range st.row {
		st.share[term] += float64(n) / float64(words)
	}
	return nil
}

func (st *termCounts) add(term string, word []byte) {
	st.row[term]++
	if _, ok := st.word[term]; !ok {
		st.word[term] = strings.ToLower(string(word))
	}
}

// telling reports whether a word may be added to a search: not a
// stopword, not a number, at least feedbackMinLetters letters.
func telling(word []byte) bool {
	if utf8.RuneCount(word) < feedbackMinLetters || query.IsStopword(strings.ToLower(string(word))) {
		return false
	}
	for _, r := range string(word) {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// weightedWord is a word added to a search, as written, with its weight.
type weightedWord struct {
	word   string
	weight float64
}

// feedbackWords reads the articles ids (the best a search found) and
// returns the words they share most, other than the words typed, each
// weighted by its share against the first's.
func (s *Store) feedbackWords(ctx context.Context, q query.Query, ids []int64) ([]weightedWord, error) {
	st := &termCounts{exclude: strings.Join(q.Terms, " "), share: map[string]float64{},
		word: map[string]string{}, row: map[string]int{}}
	h := termStates.Add(st)
	defer termStates.Drop(h)
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	// An auxiliary function cannot be inside an aggregate: the rows are
	// read one by one.
	rows, err := s.db.QueryContext(ctx, `SELECT folio_terms(articles_fts, ?) FROM articles_fts
		WHERE rowid IN (SELECT value FROM json_each(?))`, h, string(list))
	if err != nil {
		return nil, searchError(err)
	}
	defer rows.Close()
	for rows.Next() {
	}
	if err := rows.Err(); err != nil {
		return nil, searchError(err)
	}
	return st.best(feedbackTerms), nil
}

// best are the n terms with the largest shares (ties by word), as words
// to search, weighted against the first.
func (st *termCounts) best(n int) []weightedWord {
	terms := make([]string, 0, len(st.share))
	for t := range st.share {
		terms = append(terms, t)
	}
	slices.SortFunc(terms, func(a, b string) int {
		switch {
		case st.share[a] > st.share[b]:
			return -1
		case st.share[a] < st.share[b]:
			return 1
		}
		return strings.Compare(st.word[a], st.word[b])
	})
	terms = terms[:min(n, len(terms))]
	out := make([]weightedWord, len(terms))
	for i, t := range terms {
		out[i] = weightedWord{word: st.word[t], weight: feedbackWeight * st.share[t] / st.share[terms[0]]}
	}
	return out
}

// rerank orders again the first feedbackPool of a first ranking (in its
// groups: every word, then some), each scored by the first ranking plus
// the words added (see addedScores); the rest keep their order after
// them. It returns the first need (all when need < 0).
func (s *Store) rerank(ctx context.Context, m *searchMeta, filters *filterSet, q query.Query, first ranking, need int) ([]scored, error) {
	order := first.order
	words, err := s.feedbackWords(ctx, q, topIDs(order, feedbackDocs))
	if err != nil || len(words) == 0 {
		return firstOf(order, need), err
	}
	pool := slices.Clone(order[:min(feedbackPool, len(order))])
	added, err := s.addedScores(ctx, m, filters, words, topIDs(pool, len(pool)))
	if err != nil {
		return nil, err
	}
	for i := range pool {
		pool[i].score += added[pool[i].id]
	}
	sortInGroups(pool, first.strict)
	return firstOf(append(pool, order[len(pool):]...), need), nil
}

// sortInGroups sorts by score the articles with all the words (those in
// strict, when set), then the others.
func sortInGroups(list []scored, strict bitset) {
	slices.SortFunc(list, func(a, b scored) int {
		if strict != nil && strict.has(a.id) != strict.has(b.id) {
			if strict.has(a.id) {
				return -1
			}
			return 1
		}
		return compareScored(a, b)
	})
}

// addedExpr is the search of the words added, each its own phrase, and
// their weights.
func addedExpr(words []weightedWord) (string, []float64) {
	parts := make([]string, len(words))
	weights := make([]float64, len(words))
	for i, w := range words {
		parts[i], weights[i] = query.Quote(w.word), w.weight
	}
	return strings.Join(parts, " OR "), weights
}

// addedScores are the scores of the words added, as folio_rank scores a
// search of them with their weights, of the articles ids that hold one of
// them.
func (s *Store) addedScores(ctx context.Context, m *searchMeta, filters *filterSet, words []weightedWord, ids []int64) (map[int64]float64, error) {
	expr, weights := addedExpr(words)
	stats, err := s.rankStatsOf(ctx, m, expr, false)
	if err != nil || stats == nil {
		return nil, err
	}
	pool := newBitset(m.maxID)
	for _, id := range ids {
		pool.set(id)
	}
	r := ranker{s: s, m: m, filters: filters, stats: stats, weights: weights, used: new(atomic.Pointer[rankStats])}
	list, _, err := r.rankExpr(ctx, expr, newBitset(m.maxID), -1, pool.has)
	if err != nil {
		return nil, err
	}
	scores := make(map[int64]float64, len(list))
	for _, sc := range list {
		scores[sc.id] = sc.score
	}
	return scores, nil
}

// firstOf is the first need of order (all of it when need < 0).
func firstOf(order []scored, need int) []scored {
	if need >= 0 && len(order) > need {
		return order[:need]
	}
	return order
}

// topIDs are the ids of the first n of order.
func topIDs(order []scored, n int) []int64 {
	ids := make([]int64, min(n, len(order)))
	for i := range ids {
		ids[i] = order[i].id
	}
	return ids
}
