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
	// feedbackMinTerms is how many words (or phrases) a search needs for
	// feedback: a question or a paragraph, not a name or a topic of two
	// words, which says what it means already.
	feedbackMinTerms = 4
	// feedbackDocs are how many of the best articles are read.
	feedbackDocs = 5
	// feedbackTerms are how many of their words are added.
	feedbackTerms = 10
	// feedbackMinLetters keeps short tokens (initials, "mr") out.
	feedbackMinLetters = 3
)

// feedbackWeight is the weight of the most telling added word, against 1
// for a word typed; the others weigh less in proportion (variable for
// the tuning benchmark).
var feedbackWeight = 0.5

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

// articleColumns are the columns of articles_fts read for feedback: the
// title and the body.
var articleColumns = []int{0, 3}

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
	for _, col := range articleColumns {
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

// weightedWord is a word added to a search, with its weight.
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
	rows, err := s.db.QueryContext(ctx, `SELECT folio_terms(articles_fts, ?) FROM articles_fts
		WHERE rowid IN (SELECT value FROM json_each(?))`, h, string(list))
	if err != nil {
		return nil, searchError(err)
	}
	for rows.Next() {
	}
	if err := rows.Close(); err != nil {
		return nil, searchError(err)
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

// expanded is the expression of a search with feedback: the words typed
// (q.Any(), their phrases first, so that they keep their numbers) or the
// words added, with the weights of both.
func expanded(q query.Query, words []weightedWord) (string, []float64) {
	expr := q.Any()
	weights := q.Weights(expr)
	if weights == nil {
		weights = make([]float64, len(query.Atoms(expr)))
		for i := range weights {
			weights[i] = 1
		}
	}
	parts := []string{"(" + expr + ")"}
	for _, w := range words {
		parts = append(parts, query.Quote(w.word))
		weights = append(weights, w.weight)
	}
	return strings.Join(parts, " OR "), weights
}

// rerank orders again, by the expanded search, the articles a search
// found (f.set), those with every word (strict, when the search has a
// Loose part) first.
func (s *Store) rerank(ctx context.Context, m *searchMeta, filters *filterSet, q query.Query, f found, strict bitset, need int) ([]scored, error) {
	words, err := s.feedbackWords(ctx, q, topIDs(f.order, feedbackDocs))
	if err != nil || len(words) == 0 {
		return firstOf(f.order, need), err
	}
	expr, weights := expanded(q, words)
	stats, err := s.sharedStats(ctx, m, expr)
	if err != nil {
		return nil, err
	}
	r := ranker{s: s, m: m, filters: filters, stats: stats, weights: weights, used: new(atomic.Pointer[rankStats])}
	scratch := newBitset(m.maxID)
	if strict == nil {
		order, _, err := r.rankExpr(ctx, expr, scratch, need, f.set.has)
		return order, err
	}
	order, _, err := r.rankExpr(ctx, expr, scratch, need, strict.has)
	if err != nil || (need >= 0 && len(order) >= need) {
		return order, err
	}
	rest, _, err := r.rankExpr(ctx, expr, scratch, need-len(order), func(id int64) bool { return f.set.has(id) && !strict.has(id) })
	return append(order, rest...), err
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
