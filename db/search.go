package db

import (
	"context"
	"errors"
	"maps"
	"strings"
	"unicode"
	"unicode/utf8"

	"folio/db/query"
)

// Marks around the matched words in snippets: private-use characters,
// which no article text uses, so the frontend can split on them safely.
const (
	MarkStart = "\uE000"
	MarkEnd   = "\uE001"
)

// Page sizes of a search.
const (
	DefaultSearchLimit = 50
	MaxSearchLimit     = 500
)

// snippetTokens is how long a snippet is, in words.
const snippetTokens = 24

// SearchRequest is a search with its order and page.
type SearchRequest struct {
	Query string
	// Sort is SortRelevance (the default when the query has words),
	// SortNewest (the default otherwise), SortOldest or SortTitle.
	Sort   Sort
	Offset int
	Limit  int // 0 means DefaultSearchLimit; at most MaxSearchLimit
	// Typing says the last word of Query is still being typed: it is
	// searched as a prefix (see query.ParseTyping).
	Typing bool
}

// SearchResult is one page of a search with the counts for the whole of it.
type SearchResult struct {
	Total      int         `json:"total"` // articles found, a story's versions once`
	Offset     int         `json:"offset"`
	Hits       []SearchHit `json:"hits"`
	Facets     Facets      `json:"facets"`
	Sort       Sort        `json:"sort"`       // the order used: relevance only when the search has words
	Message    string      `json:"message"`    // a friendly note for input with nothing to search, else ""
	Suggestion *Suggestion `json:"suggestion"` // when Total == 0 and dropping one part would find something
	Correction *Correction `json:"correction"` // when some words typed are rare and close to common ones ("did you mean")
}

// SearchHit is one article found, or one highlight or note (in:notes).
type SearchHit struct {
	Article ArticleSummary `json:"article"`
	Snippet string         `json:"snippet"` // best passage; matched words wrapped in MarkStart … MarkEnd
	Score   float64        `json:"score"`   // relevance, higher is better; 0 unless sorted by relevance
	Note    *NoteHit       `json:"note"`    // set when the hit is in a highlight or note (in:notes)
}

// NoteHit is the highlight or note an in:notes search found.
type NoteHit struct {
	AnnotationID int64  `json:"annotationId"`
	Kind         string `json:"kind"`    // "highlight" or "note"
	Exact        string `json:"exact"`   // the highlighted quote; "" for a note on the article
	Snippet      string `json:"snippet"` // the quote or note around the match, marked
}

// Suggestion is a wider search offered when one finds nothing: the same
// search without its most restrictive part.
type Suggestion struct {
	Drop  string `json:"drop"`  // the part to drop, as typed
	Query string `json:"query"` // the search without it
	Total int    `json:"total"` // how many that finds
}

// Search runs a search from the search box: the page asked for, facet
// counts over every match, and, when nothing matches, a suggestion.
// Input with nothing to search for finds nothing and gets a Message, not
// an error.
func (s *Store) Search(ctx context.Context, r SearchRequest) (SearchResult, error) {
	res := SearchResult{Offset: max(r.Offset, 0), Hits: []SearchHit{}, Facets: emptyFacets()}
	q := query.Parse(r.Query)
	if r.Typing {
		q = query.ParseTyping(r.Query)
	}
	if q.Message != "" {
		res.Message = q.Message
		return res, nil
	}
	sort, err := searchSort(r.Sort, q)
	if err != nil {
		return res, err
	}
	res.Sort = sort
	limit := r.Limit
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	limit = min(limit, MaxSearchLimit)
	m, err := s.searchMeta(ctx)
	if err != nil {
		return res, err
	}
	if q.InNotes {
		err = s.searchNotes(ctx, m, q, sort, &res, limit)
	} else {
		err = s.searchArticles(ctx, m, q, sort, &res, limit)
	}
	if err != nil {
		return res, err
	}
	if res.Offset == 0 {
		if res.Correction, err = s.correct(ctx, m, q, r.Typing); err != nil {
			return res, err
		}
	}
	if res.Total == 0 {
		res.Suggestion, err = s.suggest(ctx, m, q)
	}
	return res, err
}

func (s *Store) searchArticles(ctx context.Context, m *searchMeta, q query.Query, sort Sort, res *SearchResult, limit int) error {
	f, err := s.cachedFind(ctx, m, q, sort, res.Offset+limit)
	if err != nil {
		return err
	}
	res.Total = f.total
	idx, err := s.nameIndex(ctx)
	if err != nil {
		return err
	}
	// Facets are counted in memory while the page is read from the library.
	counted := make(chan Facets, 1)
	go func() {
		fc := m.facets(f.set)
		idx.facets(f.set, &fc)
		counted <- fc
	}()
	defer func() { res.Facets = <-counted }()
	if res.Offset >= len(f.order) {
		return nil
	}
	page := f.order[res.Offset:min(res.Offset+limit, len(f.order))]
	res.Hits, err = s.articleHits(ctx, q, page, f.matched)
	return err
}

// searchSort picks the order: relevance only means something when the
// query has words.
func searchSort(name Sort, q query.Query) (Sort, error) {
	sort, err := ParseSearchSort(string(name))
	if err == nil && sort == SortRelevance && !q.Ranked() {
		sort = SortNewest
	}
	return sort, err
}

// SearchArticleIDs returns the ids of every article in the library (not in
// the Trash) that the search finds: by relevance when it has words, newest
// first otherwise. An empty search finds every article; one with nothing
// to search for (only punctuation) finds none. With in:notes, the articles
// whose highlights or notes match.
func (s *Store) SearchArticleIDs(ctx context.Context, input string) ([]int64, error) {
	return s.searchIDs(ctx, query.Parse(input))
}

// ArticleIDsWithAllWords returns the ids of the articles a search finds
// that hold all its words, by relevance: without the partial matches a
// ranked search lists after them. It is what a command that acts on a
// search's results (tag, export) acts on, as a search sorted by date
// lists them.
func (s *Store) ArticleIDsWithAllWords(ctx context.Context, input string) ([]int64, error) {
	q := query.Parse(input)
	q.Loose = ""
	return s.searchIDs(ctx, q)
}

func (s *Store) searchIDs(ctx context.Context, q query.Query) ([]int64, error) {
	if q.Message != "" {
		return []int64{}, nil
	}
	sort, _ := searchSort("", q)
	m, err := s.searchMeta(ctx)
	if err != nil {
		return nil, err
	}
	if q.InNotes {
		notes, err := s.findNotes(ctx, m, q, sort)
		if err != nil {
			return nil, err
		}
		ids := []int64{}
		seen := map[int64]bool{}
		for _, n := range notes {
			if !seen[n.article] {
				seen[n.article] = true
				ids = append(ids, n.article)
			}
		}
		return ids, nil
	}
	f, err := s.find(ctx, m, q, sort, -1)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(f.order))
	for i, h := range f.order {
		ids[i] = h.id
	}
	return ids, nil
}

// articleHits reads the page: summaries, tags and snippets.
func (s *Store) articleHits(ctx context.Context, q query.Query, page []scored, matched int) ([]SearchHit, error) {
	ids := make([]int64, len(page))
	for i, p := range page {
		ids[i] = p.id
	}
	// The rows and the passages come from different statements: read both at once.
	var summaries map[int64]ArticleSummary
	var sumErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		summaries, sumErr = s.summariesByID(ctx, ids)
	}()
	snippets, err := s.snippets(ctx, q, ids, matched)
	<-done
	if err = errors.Join(sumErr, err); err != nil {
		return nil, err
	}
	hits := make([]SearchHit, 0, len(page))
	for _, p := range page {
		a, ok := summaries[p.id]
		if !ok {
			continue // deleted since the search ran
		}
		hits = append(hits, SearchHit{Article: a, Snippet: snippets[p.id], Score: -p.score})
	}
	return hits, nil
}

// summariesByID reads the list rows of the given articles.
func (s *Store) summariesByID(ctx context.Context, ids []int64) (map[int64]ArticleSummary, error) {
	out := map[int64]ArticleSummary{}
	if len(ids) == 0 {
		return out, nil
	}
	list, err := s.summaries(ctx, `SELECT `+summaryColumns+` FROM articles a
		WHERE a.id IN (SELECT value FROM json_each(?))`, int64sJSON(ids))
	if err != nil {
		return nil, searchError(err)
	}
	for _, a := range list {
		out[a.ID] = a
	}
	return out, nil
}

// snippets returns the best passage of each article's body with the
// query's words marked (folio_snippet); for a query without words, its
// first words. matched is how many rows the full-text match found (0 when
// not known).
func (s *Store) snippets(ctx context.Context, q query.Query, ids []int64, matched int) (map[int64]string, error) {
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	if q.Highlight == "" {
		return s.openings(ctx, ids)
	}
	// The match itself when it has positive words (its NOT parts mark
	// nothing in rows that match it); else every positive word.
	match := q.Any()
	if match == "" {
		match = q.Highlight
	}
	// FTS5 finds a row by id by running the expression again from the
	// start of each word's list, and for a prefix by merging the lists of
	// every word it starts: one pass over the matches, picking the page's
	// rows in Go, costs less unless there are very many matches.
	scan := (matched > 0 && matched <= scanBelow) || mergesPrefixes(match)
	out, err := s.passages(ctx, match, ids, scan)
	if err != nil {
		return nil, err
	}
	// An article matched only through its title may have no passage in
	// its body; its opening stands in.
	var missing []int64
	for _, id := range ids {
		if out[id] == "" {
			missing = append(missing, id)
		}
	}
	rest, err := s.openings(ctx, missing)
	maps.Copy(out, rest)
	return out, err
}

// prefixIndexed is the length of the prefixes the full-text index keeps
// word lists for (migration 007).
const prefixIndexed = 2

// mergesPrefixes reports whether FTS5 merges the word lists of a prefix
// to match expr: it has a prefix longer than the index keeps lists for.
func mergesPrefixes(expr string) bool {
	for _, atom := range query.Atoms(expr) {
		text, prefix := query.Unquote(atom)
		if prefix && (utf8.RuneCountInString(text) != prefixIndexed || strings.ContainsFunc(text, unicode.IsSpace)) {
			return true
		}
	}
	return false
}

// scanBelow is how many matches a snippet pass may walk rather than look
// the page's rows up one by one.
const scanBelow = 5000

// passages runs folio_snippet on the given rows of a match: found by id,
// or, with scan, by one pass over the match.
func (s *Store) passages(ctx context.Context, match string, ids []int64, scan bool) (map[int64]string, error) {
	if len(ids) == 0 {
		return map[int64]string{}, nil
	}
	if !scan {
		return s.textByID(ctx, `SELECT rowid, folio_snippet(articles_fts) FROM articles_fts
			WHERE articles_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
			[]any{match, int64sJSON(ids)}, oneLine)
	}
	page := map[int64]bool{}
	lo, hi := ids[0], ids[0]
	for _, id := range ids {
		page[id] = true
		lo, hi = min(lo, id), max(hi, id)
	}
	h := keepStates.Add(&keepState{keep: func(id int64) bool { return page[id] }, maxID: hi})
	defer keepStates.Drop(h)
	return s.textByID(ctx, `SELECT rowid, folio_snippet(articles_fts) FROM articles_fts
		WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ? AND folio_keep(articles_fts, ?)`,
		[]any{match, lo, hi, h}, oneLine)
}

// oneLine folds the paragraph breaks of a passage into spaces: a snippet
// is shown on one line.
func oneLine(text string) string { return strings.Join(strings.Fields(text), " ") }

// openings returns the first words of each article's body.
func (s *Store) openings(ctx context.Context, ids []int64) (map[int64]string, error) {
	if len(ids) == 0 {
		return map[int64]string{}, nil
	}
	return s.textByID(ctx, `SELECT id, substr(body, 1, 600) FROM articles WHERE id IN (SELECT value FROM json_each(?))`,
		[]any{int64sJSON(ids)}, func(text string) string { return leadWords(text, snippetTokens) })
}

// textByID runs a query of (id, text) rows into a map.
func (s *Store) textByID(ctx context.Context, stmt string, args []any, shape func(string) string) (map[int64]string, error) {
	out := map[int64]string{}
	rows, err := s.db.QueryContext(ctx, stmt, args...)
	if err != nil {
		return nil, searchError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return nil, searchError(err)
		}
		if shape != nil {
			text = shape(text)
		}
		out[id] = text
	}
	if err := rows.Err(); err != nil {
		return nil, searchError(err)
	}
	return out, nil
}

// leadWords is the first n words of a text, with "…" when there is more.
func leadWords(text string, n int) string {
	words := strings.Fields(text)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:n], " ") + "…"
}
