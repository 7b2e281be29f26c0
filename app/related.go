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

// ArticleVersions returns the versions of an article's story, the first
// imported first (the article alone when it has none).
func (a *App) ArticleVersions(articleID int64) ([]db.ArticleSummary, error) {
	list, err := a.db().ArticleVersions(context.Background(), articleID)
	return list, userError("read the article's versions", err)
}

// VersionDiff compares two versions word by word: what the second adds
// and what it drops.
func (a *App) VersionDiff(fromID, toID int64) ([]db.DiffPart, error) {
	parts, err := a.db().VersionDiff(context.Background(), fromID, toID)
	return parts, userError("compare the versions", err)
}

// SearchTimeline groups a search's articles by the week they were
// published, naming the best-ranked, for the story timeline.
func (a *App) SearchTimeline(query string) (db.SearchTimeline, error) {
	t, err := a.db().SearchTimeline(context.Background(), query)
	return t, userError("draw the search's timeline", err)
}
