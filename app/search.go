package app

import (
	"context"

	"folio/db"
)

// SearchParams is a search from the search box with its order and page.
type SearchParams struct {
	Query  string `json:"query"`
	Sort   string `json:"sort"` // "relevance" (default when there are words), "newest", "oldest", "title"
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"` // default 50, at most 500
	// Typing says the last word is still being typed: it is searched as
	// a prefix, so results come before it is finished.
	Typing bool `json:"typing"`
}

// Search runs a search: one page of hits with snippets, facet counts over
// all of them, and a suggestion when nothing is found.
func (a *App) Search(p SearchParams) (db.SearchResult, error) {
	sort, err := db.ParseSearchSort(p.Sort)
	if err != nil {
		return db.SearchResult{}, err
	}
	limit := p.Limit
	if limit <= 0 {
		limit = db.DefaultSearchLimit
	}
	res, err := a.db().Search(context.Background(), db.SearchRequest{
		Query: p.Query, Sort: sort, Offset: max(p.Offset, 0), Limit: min(limit, db.MaxSearchLimit),
		Typing: p.Typing,
	})
	return res, userError("search", err)
}

// MatchRanges returns the spans of an article's title and body that a
// search's words match, for the reader to mark and step through.
func (a *App) MatchRanges(articleID int64, query string) (db.MatchRanges, error) {
	r, err := a.db().MatchRanges(context.Background(), articleID, query)
	return r, userError("find the matches in the article", err)
}
