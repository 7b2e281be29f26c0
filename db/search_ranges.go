package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"folio/db/query"
)

// MatchRanges are the spans of one article that a search's words match,
// for the reader to mark and step through.
type MatchRanges struct {
	Title []Range `json:"title"`
	Body  []Range `json:"body"`
}

// Range is a span of text in Unicode code points, End exclusive.
type Range struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// MatchRanges returns every span of the article's title and body that the
// search's words match, stems and prefixes included, as FTS5 itself sees
// them. Filters and excluded words mark nothing. ErrNotFound when there is
// no such article.
func (s *Store) MatchRanges(ctx context.Context, articleID int64, input string) (MatchRanges, error) {
	out := MatchRanges{Title: []Range{}, Body: []Range{}}
	var title, body string
	err := s.db.QueryRowContext(ctx, `SELECT title, body FROM articles WHERE id = ?`, articleID).Scan(&title, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return out, fmt.Errorf("article %d: %w", articleID, ErrNotFound)
	}
	if err != nil {
		return out, fmt.Errorf("article %d: %w", articleID, err)
	}
	q := query.Parse(input)
	if q.Highlight == "" {
		return out, nil
	}
	var markedTitle, markedBody string
	err = s.db.QueryRowContext(ctx, `SELECT highlight(articles_fts, 0, ?, ?), highlight(articles_fts, 3, ?, ?)
		FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?`,
		MarkStart, MarkEnd, MarkStart, MarkEnd, q.Highlight, articleID).Scan(&markedTitle, &markedBody)
	if errors.Is(err, sql.ErrNoRows) {
		return out, nil // none of the words is in this article
	}
	if err != nil {
		return out, searchError(err)
	}
	out.Title = markedRanges(title, markedTitle)
	out.Body = markedRanges(body, markedBody)
	return out, nil
}

// markedRanges finds where highlight() put its marks. It walks the marked
// text beside the original, so a mark character that was in the original
// is taken as text, not as a mark.
func markedRanges(original, marked string) []Range {
	orig := []rune(original)
	out := []Range{}
	j, start := 0, -1
	for _, r := range marked {
		if j < len(orig) && r == orig[j] {
			j++
			continue
		}
		switch string(r) {
		case MarkStart:
			start = j
		case MarkEnd:
			if start >= 0 && j > start {
				out = append(out, Range{Start: start, End: j})
			}
			start = -1
		default:
			j++ // highlight() changed nothing else; keep in step regardless
		}
	}
	return out
}
