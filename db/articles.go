package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Article is one stored article with everything the reader shows.
type Article struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
	// TitleDerived is set when the title was made from the body.
	TitleDerived bool     `json:"titleDerived"`
	Byline       string   `json:"byline"`
	Source       string   `json:"source"`
	URL          string   `json:"url"`
	Published    string   `json:"published"` // YYYY-MM-DD, or "" when unknown
	ImportedAt   string   `json:"importedAt"`
	Body         string   `json:"body"`
	HTML         string   `json:"html"` // sanitized; "" for plain-text articles
	WordCount    int      `json:"wordCount"`
	Path         string   `json:"path"`
	Progress     float64  `json:"progress"`
	Read         bool     `json:"read"`
	Starred      bool     `json:"starred"`
	Trashed      bool     `json:"trashed"`
	Tags         []TagRef `json:"tags"`
}

// ArticleSummary is an article as the list shows it, without its text.
type ArticleSummary struct {
	ID           int64    `json:"id"`
	Title        string   `json:"title"`
	TitleDerived bool     `json:"titleDerived"`
	Source       string   `json:"source"`
	Published    string   `json:"published"`
	ImportedAt   string   `json:"importedAt"`
	WordCount    int      `json:"wordCount"`
	Path         string   `json:"path"`
	Read         bool     `json:"read"`
	Starred      bool     `json:"starred"`
	Annotations  int      `json:"annotations"`
	Versions     int      `json:"versions"` // of its story, itself included (see ArticleVersions)
	Tags         []TagRef `json:"tags"`
}

// TagRef is a tag as shown on an article.
type TagRef struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Color string `json:"color"`
}

const summaryColumns = `a.id, a.title, a.title_derived, a.source, coalesce(a.published, ''), a.imported_at, a.word_count,
	a.path, a.read_at IS NOT NULL, a.starred,
	(SELECT count(*) FROM annotations n WHERE n.article_id = a.id), ` + versionsColumn

func scanSummary(sc interface{ Scan(...any) error }) (ArticleSummary, error) {
	var s ArticleSummary
	err := sc.Scan(&s.ID, &s.Title, &s.TitleDerived, &s.Source, &s.Published, &s.ImportedAt, &s.WordCount,
		&s.Path, &s.Read, &s.Starred, &s.Annotations, &s.Versions)
	return s, err
}

// GetArticle returns the article with its text and tags, or ErrNotFound.
func (s *Store) GetArticle(ctx context.Context, id int64) (Article, error) {
	var a Article
	var html sql.NullString
	err := s.db.QueryRowContext(ctx, `
		SELECT id, title, title_derived, byline, source, url, coalesce(published, ''), imported_at, body, html,
			word_count, path, progress, read_at IS NOT NULL, starred, deleted_at IS NOT NULL
		FROM articles WHERE id = ?`, id).Scan(
		&a.ID, &a.Title, &a.TitleDerived, &a.Byline, &a.Source, &a.URL, &a.Published, &a.ImportedAt, &a.Body, &html,
		&a.WordCount, &a.Path, &a.Progress, &a.Read, &a.Starred, &a.Trashed)
	if errors.Is(err, sql.ErrNoRows) {
		return Article{}, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Article{}, fmt.Errorf("article %d: %w", id, err)
	}
	a.HTML = html.String
	tags, err := s.tagsOf(ctx, []int64{id})
	if err != nil {
		return Article{}, err
	}
	a.Tags = nonNil(tags[id])
	return a, nil
}

// View is one of the library's fixed lists.
type View string

// The views in the sidebar.
const (
	ViewAll       View = ""
	ViewUnread    View = "unread"
	ViewStarred   View = "starred"
	ViewAnnotated View = "annotated"
	ViewTrash     View = "trash"
)

// Sort orders a list of articles.
type Sort string

// The orders a list can have. Relevance only applies to searches.
const (
	SortNewest    Sort = "newest"
	SortOldest    Sort = "oldest"
	SortImported  Sort = "imported"
	SortTitle     Sort = "title"
	SortRelevance Sort = "relevance"
)

// ParseListSort reads the order of the library list as the window, the
// browser mode and the command line name it; "" is newest first.
func ParseListSort(name string) (Sort, error) {
	switch Sort(name) {
	case "":
		return SortNewest, nil
	case SortNewest, SortOldest, SortImported, SortTitle:
		return Sort(name), nil
	}
	return "", fmt.Errorf("%q is not an order of the list: use newest, oldest, imported or title", name)
}

// ParseSearchSort reads the order of a search; "" is relevance, which a
// search without words to rank by answers newest first (SearchResult.Sort
// says which was used).
func ParseSearchSort(name string) (Sort, error) {
	switch Sort(name) {
	case "", SortRelevance:
		return SortRelevance, nil
	case SortNewest, SortOldest, SortTitle:
		return Sort(name), nil
	}
	return "", fmt.Errorf("%q is not an order of a search: use relevance, newest, oldest or title", name)
}

// ArticleFilter selects a page of the library list.
type ArticleFilter struct {
	View   View
	Sort   Sort
	Offset int
	Limit  int // 0 means every article
}

// ArticlePage is a page of the list with the size of the whole list.
type ArticlePage struct {
	Total    int              `json:"total"`
	Offset   int              `json:"offset"`
	Articles []ArticleSummary `json:"articles"`
}

// ListArticles returns one page of the library in the filter's view and order.
func (s *Store) ListArticles(ctx context.Context, f ArticleFilter) (ArticlePage, error) {
	where := viewCondition(f.View)
	page := ArticlePage{Offset: f.Offset, Articles: []ArticleSummary{}}
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles a WHERE `+where).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("count articles: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	list, err := s.summaries(ctx, `SELECT `+summaryColumns+` FROM articles a WHERE `+where+
		` ORDER BY `+orderClause(f.Sort)+` LIMIT ? OFFSET ?`, limit, max(f.Offset, 0))
	if err != nil {
		return page, fmt.Errorf("list articles: %w", err)
	}
	page.Articles = append(page.Articles, list...)
	return page, nil
}

// summaries runs a query selecting summaryColumns and returns its rows with
// their tags.
func (s *Store) summaries(ctx context.Context, query string, args ...any) ([]ArticleSummary, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []ArticleSummary
	for rows.Next() {
		a, err := scanSummary(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return list, s.attachTags(ctx, list)
}

// viewCondition is the condition on articles a of a view's rows: in the
// library, a story's first version outside the Trash stands for the
// others ("3 versions"); in the Trash, every version is a row.
func viewCondition(v View) string {
	if v == ViewTrash {
		return viewState(v)
	}
	return viewState(v) + ` AND ` + listRow
}

func viewState(v View) string {
	switch v {
	case ViewUnread:
		return `a.deleted_at IS NULL AND a.read_at IS NULL`
	case ViewStarred:
		return `a.deleted_at IS NULL AND a.starred = 1`
	case ViewAnnotated:
		// The few annotated ids first, rather than a probe for every article.
		return `a.deleted_at IS NULL AND a.id IN (SELECT article_id FROM annotations)`
	case ViewTrash:
		return `a.deleted_at IS NOT NULL`
	default:
		return `a.deleted_at IS NULL`
	}
}

// orderClause is the ORDER BY for a sort; undated articles go last either way.
func orderClause(sort Sort) string {
	switch sort {
	case SortOldest:
		return `a.published IS NULL, a.published ASC, a.id ASC`
	case SortImported:
		return `a.imported_at DESC, a.id DESC`
	case SortTitle:
		return `a.title COLLATE NOCASE ASC, a.id ASC`
	default:
		return `a.published IS NULL, a.published DESC, a.id DESC`
	}
}

// attachTags fills in the tags of each summary with one query.
func (s *Store) attachTags(ctx context.Context, list []ArticleSummary) error {
	if len(list) == 0 {
		return nil
	}
	ids := make([]int64, len(list))
	for i, a := range list {
		ids[i] = a.ID
	}
	tags, err := s.tagsOf(ctx, ids)
	if err != nil {
		return err
	}
	for i := range list {
		list[i].Tags = nonNil(tags[list[i].ID])
	}
	return nil
}

// tagsOf returns the tags of each article, sorted by name.
func (s *Store) tagsOf(ctx context.Context, ids []int64) (map[int64][]TagRef, error) {
	out := map[int64][]TagRef{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT at.article_id, t.id, t.name, t.color
		FROM article_tags at JOIN tags t ON t.id = at.tag_id
		WHERE at.article_id IN (SELECT value FROM json_each(?))
		ORDER BY t.name_key`, int64sJSON(ids))
	if err != nil {
		return nil, fmt.Errorf("read tags: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var t TagRef
		if err := rows.Scan(&id, &t.ID, &t.Name, &t.Color); err != nil {
			return nil, fmt.Errorf("read tags: %w", err)
		}
		out[id] = append(out[id], t)
	}
	return out, rows.Err()
}

func int64sJSON(ids []int64) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprint(&b, id)
	}
	b.WriteByte(']')
	return b.String()
}

func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// ListArticleIDs returns the ids of every article in a view, in the view's
// order; the list uses it to select everything at once.
func (s *Store) ListArticleIDs(ctx context.Context, view View, sort Sort) ([]int64, error) {
	ids, err := queryIDs(ctx, s.db, `SELECT a.id FROM articles a WHERE `+viewCondition(view)+` ORDER BY `+orderClause(sort))
	if err != nil {
		return nil, fmt.Errorf("list article ids: %w", err)
	}
	return ids, nil
}
