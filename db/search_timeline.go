package db

import (
	"context"
	"slices"
	"time"

	"folio/db/query"
)

// SearchTimeline is a search's articles on a time axis: how many were
// published each week, and where the best-ranked ones fall.
type SearchTimeline struct {
	Weeks   []WeekCount `json:"weeks"`   // oldest first; weeks without articles left out
	Undated int         `json:"undated"` // articles without a date, which have no place on it
	Total   int         `json:"total"`
}

// WeekCount is one week of a search timeline.
type WeekCount struct {
	Week  string           `json:"week"` // its Monday, YYYY-MM-DD
	Count int              `json:"count"`
	Best  []ArticleSummary `json:"best"` // of the search's best-ranked articles, those of this week, best first
}

// timelineLabels is how many of a search's best-ranked articles a
// timeline names.
const timelineLabels = 8

// SearchTimeline groups the articles a search finds with all its words
// by the week they were published, naming the best-ranked ones. An empty
// search groups the whole library (the newest named).
func (s *Store) SearchTimeline(ctx context.Context, input string) (SearchTimeline, error) {
	q := query.Parse(input)
	q.Loose = ""
	ids, err := s.searchIDs(ctx, q)
	if err != nil {
		return SearchTimeline{}, err
	}
	m, err := s.searchMeta(ctx)
	if err != nil {
		return SearchTimeline{}, err
	}
	best, err := s.summariesByID(ctx, ids[:min(len(ids), timelineLabels)])
	if err != nil {
		return SearchTimeline{}, err
	}
	return groupByWeek(m, ids, best), nil
}

// groupByWeek counts ids (in rank order) per week of publication and
// places the summaries in best under their weeks, in rank order.
func groupByWeek(m *searchMeta, ids []int64, best map[int64]ArticleSummary) SearchTimeline {
	t := SearchTimeline{Weeks: []WeekCount{}, Total: len(ids)}
	byWeek := map[string]*WeekCount{}
	var weeks []string
	for _, id := range ids {
		day := int32(0)
		if id >= 0 && id < int64(len(m.published)) {
			day = m.published[id]
		}
		week, ok := weekOf(day)
		if !ok {
			t.Undated++
			continue
		}
		w := byWeek[week]
		if w == nil {
			w = &WeekCount{Week: week, Best: []ArticleSummary{}}
			byWeek[week] = w
			weeks = append(weeks, week)
		}
		w.Count++
		if a, ok := best[id]; ok {
			w.Best = append(w.Best, a)
		}
	}
	slices.Sort(weeks)
	for _, week := range weeks {
		t.Weeks = append(t.Weeks, *byWeek[week])
	}
	return t
}

// weekOf is the Monday of the week of a YYYYMMDD day, as YYYY-MM-DD.
func weekOf(day int32) (string, bool) {
	if day <= 0 {
		return "", false
	}
	d := time.Date(int(day/10000), time.Month(day/100%100), int(day%100), 0, 0, 0, 0, time.UTC)
	back := (int(d.Weekday()) + 6) % 7 // days since Monday
	return d.AddDate(0, 0, -back).Format(time.DateOnly), true
}
