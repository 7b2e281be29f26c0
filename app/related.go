package app

import (
	"context"

	"folio/db"
)

// RelatedArticles returns the articles most like the given one, each with
// the words they share, for the reader's side panel. limit 0 means
// db.DefaultRelatedLimit.
func (a *App) RelatedArticles(articleID int64, limit int) ([]db.RelatedArticle, error) {
	list, err := a.db().RelatedArticles(context.Background(), articleID, limit)
	return list, userError("find related articles", err)
}
