package db

import (
	"context"
	"fmt"
)

// Timeline counts the articles outside the Trash per publication month,
// oldest first, for the sidebar's timeline. Months without articles are
// left out; undated articles come last, as the month "", so the timeline
// can give them a place of their own.
func (s *Store) Timeline(ctx context.Context) ([]MonthCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT month, sum(n) FROM `+monthCounts("published")+`
		WHERE trashed = 0
		GROUP BY month HAVING sum(n) > 0 ORDER BY month = '', month`)
	if err != nil {
		return nil, fmt.Errorf("read the timeline: %w", err)
	}
	months, err := scanMonths(rows)
	if err != nil {
		return nil, fmt.Errorf("read the timeline: %w", err)
	}
	return months, nil
}
