package db

import (
	"context"
	"fmt"
)

// ViewCounts are the sizes of the sidebar's fixed lists.
type ViewCounts struct {
	All       int `json:"all"`
	Unread    int `json:"unread"`
	Starred   int `json:"starred"`
	Annotated int `json:"annotated"`
	Trash     int `json:"trash"`
}

// ViewCounts counts the articles in each view. It sums the running counts
// in article_months (see migration 005) and looks up only the annotated
// articles, so the window can call it after every change.
func (s *Store) ViewCounts(ctx context.Context) (ViewCounts, error) {
	var c ViewCounts
	err := s.db.QueryRowContext(ctx, `
		SELECT
			coalesce(sum(n) FILTER (WHERE trashed = 0), 0),
			coalesce(sum(n) FILTER (WHERE trashed = 0 AND unread = 1), 0),
			coalesce(sum(n) FILTER (WHERE trashed = 0 AND starred = 1), 0),
			coalesce(sum(n) FILTER (WHERE trashed = 1), 0),
			(SELECT count(*) FROM articles a WHERE `+viewCondition(ViewAnnotated)+`)
		FROM `+monthCounts("imported")).Scan(&c.All, &c.Unread, &c.Starred, &c.Trash, &c.Annotated)
	if err != nil {
		return c, fmt.Errorf("count the library's views: %w", err)
	}
	return c, nil
}

// MonthCount is how many articles of a list fall in one month.
type MonthCount struct {
	Month string `json:"month"` // "2023-09", or "" for articles without a date
	Count int    `json:"count"`
}

// MonthGroups splits a view, in the given order, into runs of one month,
// so a virtualized list can place its month headers without loading every
// row: by publication month for the date orders (undated last, as the list
// has them), by import month (UTC) for "imported", and no groups for
// "title". The counts add up to the view's total.
func (s *Store) MonthGroups(ctx context.Context, view View, sort Sort) ([]MonthCount, error) {
	kind, order := "published", `month = '', month DESC`
	switch sort {
	case SortTitle:
		return []MonthCount{}, nil
	case SortOldest:
		order = `month = '', month ASC`
	case SortImported:
		kind, order = "imported", `month DESC`
	}
	if view == ViewAnnotated {
		return s.annotatedMonths(ctx, kind, order)
	}
	var state string
	switch view {
	case ViewUnread:
		state = `trashed = 0 AND unread = 1`
	case ViewStarred:
		state = `trashed = 0 AND starred = 1`
	case ViewTrash:
		state = `trashed = 1`
	default:
		state = `trashed = 0`
	}
	rows, err := s.db.QueryContext(ctx, `SELECT month, sum(n) FROM `+monthCounts(kind)+`
		WHERE `+state+`
		GROUP BY month HAVING sum(n) > 0 ORDER BY `+order)
	if err != nil {
		return nil, fmt.Errorf("group the list by month: %w", err)
	}
	return scanMonths(rows)
}

// annotatedMonths groups the annotated articles, which article_months does
// not count, from the articles themselves; there are few of them.
func (s *Store) annotatedMonths(ctx context.Context, kind, order string) ([]MonthCount, error) {
	month := `coalesce(substr(a.published, 1, 7), '')`
	if kind == "imported" {
		month = `substr(a.imported_at, 1, 7)`
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+month+` AS month, count(*) FROM articles a
		WHERE `+viewCondition(ViewAnnotated)+` GROUP BY month ORDER BY `+order)
	if err != nil {
		return nil, fmt.Errorf("group the list by month: %w", err)
	}
	return scanMonths(rows)
}

// scanMonths reads (month, count) rows.
func scanMonths(rows interface {
	Next() bool
	Scan(...any) error
	Err() error
	Close() error
}) ([]MonthCount, error) {
	defer rows.Close()
	out := []MonthCount{}
	for rows.Next() {
		var m MonthCount
		if err := rows.Scan(&m.Month, &m.Count); err != nil {
			return nil, fmt.Errorf("group by month: %w", err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("group by month: %w", err)
	}
	return out, nil
}
