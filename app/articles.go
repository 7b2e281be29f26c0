package app

import (
	"context"

	"folio/db"
)

// ListParams selects a page of the library list.
type ListParams struct {
	View   string `json:"view"` // "", "unread", "starred", "annotated", "trash"
	Sort   string `json:"sort"` // "newest", "oldest", "imported", "title"
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"`
}

// maxPage bounds how many rows one call returns; the list asks for pages.
const maxPage = 500

// ListArticles returns one page of the library.
func (a *App) ListArticles(p ListParams) (db.ArticlePage, error) {
	limit := p.Limit
	if limit <= 0 || limit > maxPage {
		limit = maxPage
	}
	sort, err := db.ParseListSort(p.Sort)
	if err != nil {
		return db.ArticlePage{}, err
	}
	page, err := a.db().ListArticles(context.Background(), db.ArticleFilter{
		View: db.View(p.View), Sort: sort, Offset: p.Offset, Limit: limit,
	})
	return page, userError("list the library", err)
}

// GetArticle returns one article with its text, for the reader.
func (a *App) GetArticle(id int64) (db.Article, error) {
	art, err := a.db().GetArticle(context.Background(), id)
	return art, userError("open the article", err)
}

// ArticleIDs returns every article id the list shows: the search's results
// when query is set, else the view's articles. Select-all uses it.
func (a *App) ArticleIDs(view, query string) ([]int64, error) {
	ctx := context.Background()
	if query != "" {
		ids, err := a.db().SearchArticleIDs(ctx, query)
		return ids, userError("select the results", err)
	}
	ids, err := a.db().ListArticleIDs(ctx, db.View(view), db.SortNewest)
	return ids, userError("select the articles", err)
}
