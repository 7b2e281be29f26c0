package db

import (
	"context"

	"folio/db/query"
)

// suggest finds, for a search that found nothing, the one part whose
// removal finds the most; nil when no removal finds anything, or the
// search has a single part (dropping it would just list everything).
func (s *Store) suggest(ctx context.Context, m *searchMeta, q query.Query) (*Suggestion, error) {
	if len(q.Parts) < 2 {
		return nil, nil
	}
	var best *Suggestion
	for i, part := range q.Parts[:min(len(q.Parts), maxSuggestParts)] {
		text := q.Without(i)
		wider := query.Parse(text)
		if wider.Message != "" {
			continue
		}
		n, err := s.count(ctx, m, wider)
		if err != nil {
			return nil, err
		}
		if n > 0 && (best == nil || n > best.Total) {
			best = &Suggestion{Drop: part.Text, Query: text, Total: n}
		}
	}
	return best, nil
}

// maxSuggestParts bounds the searches a suggestion runs: only the first
// parts of a long query are tried.
const maxSuggestParts = 12

// count is how many hits a search has, without ranking or reading them.
func (s *Store) count(ctx context.Context, m *searchMeta, q query.Query) (int, error) {
	if q.InNotes {
		list, err := s.findNotes(ctx, m, q, SortNewest)
		return len(list), err
	}
	f, err := s.find(ctx, m, q, SortNewest, 0)
	return f.total, err
}
