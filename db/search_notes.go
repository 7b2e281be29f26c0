package db

import (
	"cmp"
	"context"
	"slices"

	"folio/db/query"
)

// noteFound is one highlight or note an in:notes search found.
type noteFound struct {
	id      int64 // the annotation
	article int64
	score   float64 // bm25, lower is better; 0 when not ranked
}

// findNotes lists the annotations an in:notes search finds, in order.
// There are far fewer annotations than articles, so they are read whole.
func (s *Store) findNotes(ctx context.Context, m *searchMeta, q query.Query, sort Sort) ([]noteFound, error) {
	filters, err := s.newFilterSet(ctx, m, q.Filters)
	if err != nil {
		return nil, err
	}
	stmt, args := `SELECT id, article_id, 0 FROM annotations`, []any(nil)
	switch {
	case q.Match != "":
		stmt = `SELECT annotations_fts.rowid, n.article_id, bm25(annotations_fts)
			FROM annotations_fts CROSS JOIN annotations n ON n.id = annotations_fts.rowid
			WHERE annotations_fts MATCH ?`
		args = []any{q.Match}
	case q.Exclude != "":
		stmt = `SELECT id, article_id, 0 FROM annotations
			WHERE id NOT IN (SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ?)`
		args = []any{q.Exclude}
	}
	rows, err := s.db.QueryContext(ctx, stmt, args...)
	if err != nil {
		return nil, searchError(err)
	}
	defer rows.Close()
	var out []noteFound
	for rows.Next() {
		var n noteFound
		if err := rows.Scan(&n.id, &n.article, &n.score); err != nil {
			return nil, searchError(err)
		}
		if filters.keep(n.article) {
			out = append(out, n)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, searchError(err)
	}
	return out, m.sortNotes(ctx, s, out, sort)
}

// sortNotes orders notes by relevance, or by their article's order and
// then as they were written.
func (m *searchMeta) sortNotes(ctx context.Context, s *Store, list []noteFound, sort Sort) error {
	if sort == SortRelevance {
		slices.SortFunc(list, func(a, b noteFound) int {
			return cmp.Or(cmp.Compare(a.score, b.score), cmp.Compare(a.id, b.id))
		})
		return nil
	}
	order, reverse, err := m.order(ctx, s, sort)
	if err != nil {
		return err
	}
	pos := make(map[int64]int, len(list))
	for _, n := range list {
		pos[n.article] = -1
	}
	if reverse {
		dated := m.datedCount(order)
		for i := dated - 1; i >= 0; i-- {
			setPos(pos, order[i], dated-1-i)
		}
		for i := dated; i < len(order); i++ {
			setPos(pos, order[i], i)
		}
	} else {
		for i, id := range order {
			setPos(pos, id, i)
		}
	}
	slices.SortFunc(list, func(a, b noteFound) int {
		return cmp.Or(cmp.Compare(pos[a.article], pos[b.article]), cmp.Compare(a.id, b.id))
	})
	return nil
}

func setPos(pos map[int64]int, id int32, i int) {
	if _, ok := pos[int64(id)]; ok {
		pos[int64(id)] = i
	}
}

// searchNotes fills a result with the annotations found: each hit is the
// article with the highlight or note that matched.
func (s *Store) searchNotes(ctx context.Context, m *searchMeta, q query.Query, sort Sort, res *SearchResult, limit int) error {
	list, err := s.findNotes(ctx, m, q, sort)
	if err != nil {
		return err
	}
	res.Total = len(list)
	counter := m.newFacetCounter()
	for _, n := range list {
		counter.add(n.article)
	}
	res.Facets = counter.result()
	if res.Offset >= len(list) {
		return nil
	}
	page := list[res.Offset:min(res.Offset+limit, len(list))]
	var articleIDs, noteIDs []int64
	for _, n := range page {
		articleIDs = append(articleIDs, n.article)
		noteIDs = append(noteIDs, n.id)
	}
	summaries, err := s.summariesByID(ctx, articleIDs)
	if err != nil {
		return err
	}
	notes, err := s.noteHits(ctx, q, noteIDs)
	if err != nil {
		return err
	}
	for _, n := range page {
		a, ok := summaries[n.article]
		note, found := notes[n.id]
		if !ok || !found {
			continue // deleted since the search ran
		}
		res.Hits = append(res.Hits, SearchHit{Article: a, Snippet: note.Snippet, Score: -n.score, Note: &note})
	}
	return nil
}

// noteHits reads the annotations of a page with their marked snippets.
func (s *Store) noteHits(ctx context.Context, q query.Query, ids []int64) (map[int64]NoteHit, error) {
	out := map[int64]NoteHit{}
	rows, err := s.db.QueryContext(ctx, `SELECT id, kind, exact, note FROM annotations
		WHERE id IN (SELECT value FROM json_each(?))`, int64sJSON(ids))
	if err != nil {
		return nil, searchError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var h NoteHit
		var note string
		if err := rows.Scan(&h.AnnotationID, &h.Kind, &h.Exact, &note); err != nil {
			return nil, searchError(err)
		}
		h.Snippet = leadWords(note, snippetTokens)
		if note == "" {
			h.Snippet = leadWords(h.Exact, snippetTokens)
		}
		out[h.AnnotationID] = h
	}
	if err := rows.Err(); err != nil {
		return nil, searchError(err)
	}
	if q.Highlight == "" {
		return out, nil
	}
	rows, err = s.db.QueryContext(ctx, `SELECT rowid, snippet(annotations_fts, -1, ?, ?, '…', ?)
		FROM annotations_fts WHERE annotations_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
		MarkStart, MarkEnd, snippetTokens, q.Highlight, int64sJSON(ids))
	if err != nil {
		return nil, searchError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var snippet string
		if err := rows.Scan(&id, &snippet); err != nil {
			return nil, searchError(err)
		}
		if h, ok := out[id]; ok && snippet != "" {
			h.Snippet = snippet
			out[id] = h
		}
	}
	if err := rows.Err(); err != nil {
		return nil, searchError(err)
	}
	return out, nil
}
