package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync/atomic"

	"folio/db/query"
)

// RelatedArticle is an article like another one, with the words they
// share that made it so.
type RelatedArticle struct {
	Article ArticleSummary `json:"article"`
	Score   float64        `json:"score"`  // relevance, higher is better, as a search's
	Shared  []string       `json:"shared"` // words both hold, the most distinctive first
}

// How many related articles are asked for.
const (
	DefaultRelatedLimit = 8
	MaxRelatedLimit     = 100
)

// relatedTerms is how many of an article's terms make its query: enough
// to say what it is about, few enough that the query stays a search for a
// topic and not for every word of the article. On the BBC corpus 40 terms
// put 92.1% of the top five in the article's own topic, 60 put 93.0% at
// twice the time (see docs/stories.md).
const relatedTerms = 40

// maxSharedShown is how many shared words a related article lists.
const maxSharedShown = 5

// RelatedArticles returns the articles most like the given one ("more
// like this"): its most distinctive terms (tf-idf over its title and
// body) are searched for as one weighted query, ranked by the same score
// as a search (bm25 with column weights and proximity), the article itself
// and its other versions left out, as are articles in the Trash.
func (s *Store) RelatedArticles(ctx context.Context, id int64, limit int) ([]RelatedArticle, error) {
	if limit <= 0 {
		limit = DefaultRelatedLimit
	}
	limit = min(limit, MaxRelatedLimit)
	if err := s.articleExists(ctx, id); err != nil {
		return nil, err
	}
	m, err := s.searchMeta(ctx)
	if err != nil {
		return nil, err
	}
	terms, err := s.queryTerms(ctx, m, id)
	if err != nil || len(terms) == 0 {
		return []RelatedArticle{}, err
	}
	exclude, err := s.storyIDs(ctx, id)
	if err != nil {
		return nil, err
	}
	order, err := s.rankRelated(ctx, m, terms, limit, func(x int64) bool { return !exclude[x] })
	if err != nil {
		return nil, err
	}
	return s.relatedHits(ctx, terms, order)
}

// articleExists returns ErrNotFound for an id no article has.
func (s *Store) articleExists(ctx context.Context, id int64) error {
	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	return err
}

// queryTerms are the article's most distinctive terms.
func (s *Store) queryTerms(ctx context.Context, m *searchMeta, id int64) ([]distinctTerm, error) {
	read, err := s.articleTerms(ctx, []int64{id}, "")
	if err != nil {
		return nil, err
	}
	terms := read.byRow[id]
	list := make([]string, 0, len(terms))
	for t := range terms {
		list = append(list, t)
	}
	rows, err := s.termRows(ctx, m, list)
	if err != nil {
		return nil, err
	}
	return distinctTerms(terms, rows, int64(m.live), relatedTerms), nil
}

// rankRelated ranks the articles holding any of the terms as search ranks
// a query, each term weighted by its (sublinear) count in the article, so
// that with bm25's idf it weighs its tf-idf; it returns the best need of
// those within keeps. Chosen on the BBC corpus over weighting by tf-idf
// again, or not at all (see docs/relevance.md).
func (s *Store) rankRelated(ctx context.Context, m *searchMeta, terms []distinctTerm, need int, within func(int64) bool) ([]scored, error) {
	phrases := make([]string, len(terms))
	weights := make([]float64, len(terms))
	for i, t := range terms {
		phrases[i] = query.Quote(t.word)
		weights[i] = 1 + math.Log(t.count) // bm25 multiplies by the idf

	}
	expr := strings.Join(phrases, " OR ")
	filters, err := s.newFilterSet(ctx, m, nil)
	if err != nil {
		return nil, err
	}
	stats, err := s.sharedStats(ctx, m, expr)
	if err != nil {
		return nil, err
	}
	r := ranker{s: s, m: m, filters: filters, stats: stats, weights: weights, used: new(atomic.Pointer[rankStats])}
	order, matched, err := r.rankExpr(ctx, expr, newBitset(m.maxID), need, within)
	if err != nil {
		return nil, err
	}
	r.used.Load().scale(order, matched)
	return order, nil
}

// relatedHits reads the list rows of the ranked articles and the terms
// each shares with the article.
func (s *Store) relatedHits(ctx context.Context, terms []distinctTerm, order []scored) ([]RelatedArticle, error) {
	ids := make([]int64, len(order))
	for i, o := range order {
		ids[i] = o.id
	}
	summaries, err := s.summariesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	read, err := s.articleTerms(ctx, ids, "")
	if err != nil {
		return nil, err
	}
	theirs := read.byRow
	out := make([]RelatedArticle, 0, len(order))
	for _, o := range order {
		a, ok := summaries[o.id]
		if !ok {
			continue // deleted meanwhile
		}
		out = append(out, RelatedArticle{Article: a, Score: -o.score, Shared: sharedWords(terms, theirs[o.id])})
	}
	return out, nil
}

// sharedWords are the query's words (as the article wrote them) that
// another article holds too, the most distinctive first.
func sharedWords(terms []distinctTerm, theirs map[string]*termUse) []string {
	out := []string{}
	for _, t := range terms {
		if _, ok := theirs[t.term]; ok && len(out) < maxSharedShown {
			out = append(out, t.word)
		}
	}
	return out
}
