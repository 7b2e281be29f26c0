package db

import (
	"context"
	"slices"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

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

// telling reports whether a word may be added to a search: not a
// stopword, not a number, at least feedbackMinLetters letters.
func telling(word string) bool {
	if utf8.RuneCountInString(word) < feedbackMinLetters || query.IsStopword(word) {
		return false
	}
	for _, r := range word {
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
// returns the words they share most, other than the words typed: each
// term's share of each article's words (P(t|D)) summed over the articles,
// weighted against the first's.
func (s *Store) feedbackWords(ctx context.Context, q query.Query, ids []int64) ([]weightedWord, error) {
	read, err := s.articleTerms(ctx, ids, strings.Join(q.Terms, " "))
	if err != nil {
		return nil, searchError(err)
	}
	share, word := map[string]float64{}, map[string]string{}
	for _, id := range ids { // in order, so that the sums and words do not vary
		for term, u := range read.byRow[id] {
			if !telling(u.word) {
				continue
			}
			share[term] += float64(u.times) / float64(read.words[id])
			if _, ok := word[term]; !ok {
				word[term] = u.word
			}
		}
	}
	return bestWords(share, word, feedbackTerms), nil
}

// bestWords are the n terms with the largest shares (ties by word), as
// words to search, weighted against the first.
func bestWords(share map[string]float64, word map[string]string, n int) []weightedWord {
	terms := make([]string, 0, len(share))
	for t := range share {
		terms = append(terms, t)
	}
	slices.SortFunc(terms, func(a, b string) int {
		switch {
		case share[a] > share[b]:
			return -1
		case share[a] < share[b]:
			return 1
		}
		return strings.Compare(word[a], word[b])
	})
	terms = terms[:min(n, len(terms))]
	out := make([]weightedWord, len(terms))
	for i, t := range terms {
		out[i] = weightedWord{word: word[t], weight: feedbackWeight * share[t] / share[terms[0]]}
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
