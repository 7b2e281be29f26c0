package db

// The search as plain SQL, with every filter as a subquery: slow, but
// simple enough to trust. Tests compare the store's search with it.

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"folio/db/query"
)

// filterSQL is the SQL condition, over articles a, for one filter, with
// its arguments.
func filterSQL(f query.Filter) (string, []any) {
	var cond string
	var args []any
	switch f.Kind {
	case query.Tag:
		below := f.Value + "/"
		cond = `EXISTS (SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id
			WHERE at.article_id = a.id AND (t.name_key = ? OR substr(t.name_key, 1, ?) = ?))`
		args = []any{f.Value, utf8.RuneCountInString(below), below}
	case query.Source:
		cond = `a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`
		args = []any{query.SourceMatch(f.Value)}
	case query.Date:
		if f.Undated {
			cond = `a.published IS NULL`
			break
		}
		var parts []string
		parts = append(parts, `a.published IS NOT NULL`)
		if f.From != 0 {
			parts = append(parts, `a.published >= ?`)
			args = append(args, dayString(f.From))
		}
		if f.To != 0 {
			parts = append(parts, `a.published < ?`)
			args = append(args, dayString(f.To))
		}
		cond = strings.Join(parts, " AND ")
	case query.Is:
		switch f.Value {
		case "unread":
			cond = `a.read_at IS NULL`
		case "read":
			cond = `a.read_at IS NOT NULL`
		default:
			cond = `a.starred = 1`
		}
	case query.Has:
		kind := `n.kind = 'highlight'`
		if f.Value == "notes" {
			kind = `(n.kind = 'note' OR n.note <> '')`
		}
		cond = `EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id AND ` + kind + `)`
	default:
		return `1`, nil
	}
	if f.Negate {
		cond = `NOT coalesce((` + cond + `), 0)`
	}
	return cond, args
}

// dayString writes a YYYYMMDD number as the YYYY-MM-DD stored in articles.
func dayString(n int) string {
	return fmt.Sprintf("%04d-%02d-%02d", n/10000, n/100%100, n%100)
}

// filtersSQL joins the query's filters with AND; trashed articles are
// always left out.
func filtersSQL(q query.Query) (string, []any) {
	conds := []string{`a.deleted_at IS NULL`}
	var args []any
	for _, f := range q.Filters {
		c, a := filterSQL(f)
		conds = append(conds, c)
		args = append(args, a...)
	}
	return strings.Join(conds, " AND "), args
}

// idsSQL is the statement that lists the ids a query finds.
func idsSQL(q query.Query) (string, []any) {
	where, fargs := filtersSQL(q)
	newest := ` ORDER BY ` + orderClause(SortNewest)
	switch {
	case q.InNotes:
		notes := `SELECT article_id FROM annotations`
		var args []any
		if q.Match != "" {
			notes = `SELECT n.article_id FROM annotations n WHERE n.id IN
				(SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ?)`
			args = append(args, q.Match)
		} else if q.Exclude != "" {
			notes = `SELECT n.article_id FROM annotations n WHERE n.id NOT IN
				(SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ?)`
			args = append(args, q.Exclude)
		}
		return `SELECT a.id FROM articles a WHERE a.id IN (` + notes + `) AND ` + where + newest,
			append(args, fargs...)
	case q.Match != "":
		// Every article with some of the words, those with all of them
		// first, each group by folio_rank (the parameter before the
		// expressions is its handle).
		return `WITH m AS MATERIALIZED (SELECT rowid AS id, folio_rank(articles_fts, ?) AS score
				FROM articles_fts WHERE articles_fts MATCH ?),
			all_words AS MATERIALIZED (SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ?)
			SELECT a.id FROM m JOIN articles a ON a.id = m.id WHERE ` + where + `
			ORDER BY a.id NOT IN (SELECT id FROM all_words), m.score, a.id`,
			append([]any{q.Any(), q.Match}, fargs...)
	case q.Exclude != "":
		return `SELECT a.id FROM articles a WHERE a.id NOT IN
				(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) AND ` + where + newest,
			append([]any{q.Exclude}, fargs...)
	default:
		return `SELECT a.id FROM articles a WHERE ` + where + newest, fargs
	}
}

// oracleIDs runs idsSQL.
func oracleIDs(ctx context.Context, s *Store, input string) ([]int64, error) {
	q := query.Parse(input)
	if q.Message != "" {
		return []int64{}, nil
	}
	stmt, args := idsSQL(q)
	if q.Match != "" && !q.InNotes {
		m, err := s.searchMeta(ctx)
		if err != nil {
			return nil, err
		}
		h := rankStates.Add(&rankState{lengths: m.lengths, flags: m.flags, weights: q.Weights(q.Any())})
		defer rankStates.Drop(h)
		args = append([]any{h}, args...)
	}
	ids, err := queryIDs(ctx, s.db, stmt, args...)
	if err == nil && q.Match != "" && !q.InNotes && usesFeedback(q) && len(ids) > 0 {
		ids, err = oracleFeedback(ctx, s, q, ids)
	}
	if err != nil || q.InNotes {
		return ids, err
	}
	return oracleOneByStory(ctx, s, ids)
}

// oracleOneByStory keeps the first of each story's versions in ids, as
// the list shows a story once.
func oracleOneByStory(ctx context.Context, s *Store, ids []int64) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, story_id FROM articles WHERE story_id IS NOT NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	story := map[int64]int64{}
	for rows.Next() {
		var id, st int64
		if err := rows.Scan(&id, &st); err != nil {
			return nil, err
		}
		story[id] = st
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := []int64{}
	seen := map[int64]bool{}
	for _, id := range ids {
		if st, ok := story[id]; ok {
			if seen[st] {
				continue
			}
			seen[st] = true
		}
		out = append(out, id)
	}
	return out, nil
}

// oracleFeedback ranks again, the slow way, the first feedbackPool of ids
// (the ranking without feedback): each by its score for the words typed
// plus its score for the words the first feedbackDocs share, both worked
// out by folio_rank from nothing, those with all the words first.
func oracleFeedback(ctx context.Context, s *Store, q query.Query, ids []int64) ([]int64, error) {
	words, err := s.feedbackWords(ctx, q, ids[:min(feedbackDocs, len(ids))])
	if err != nil || len(words) == 0 {
		return ids, err
	}
	pool := ids[:min(feedbackPool, len(ids))]
	typed, err := oracleScores(ctx, s, q.Any(), q.Weights(q.Any()), pool)
	if err != nil {
		return nil, err
	}
	expr, weights := addedExpr(words)
	added, err := oracleScores(ctx, s, expr, weights, pool)
	if err != nil {
		return nil, err
	}
	all, err := queryIDs(ctx, s.db, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?`, q.Match)
	if err != nil {
		return nil, err
	}
	strict := map[int64]bool{}
	for _, id := range all {
		strict[id] = true
	}
	order := slices.Clone(pool)
	slices.SortFunc(order, func(a, b int64) int {
		if strict[a] != strict[b] {
			if strict[a] {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(typed[a]+added[a], typed[b]+added[b]), cmp.Compare(a, b))
	})
	return append(order, ids[len(pool):]...), nil
}

// oracleScores are folio_rank's scores of the rows ids that match expr,
// with the phrases' weights.
func oracleScores(ctx context.Context, s *Store, expr string, weights []float64, ids []int64) (map[int64]float64, error) {
	m, err := s.searchMeta(ctx)
	if err != nil {
		return nil, err
	}
	h := rankStates.Add(&rankState{lengths: m.lengths, flags: m.flags, weights: weights})
	defer rankStates.Drop(h)
	rows, err := s.db.QueryContext(ctx, `SELECT rowid, folio_rank(articles_fts, ?) FROM articles_fts
		WHERE articles_fts MATCH ?`, h, expr)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	want := map[int64]bool{}
	for _, id := range ids {
		want[id] = true
	}
	scores := map[int64]float64{}
	for rows.Next() {
		var id int64
		var score float64
		if err := rows.Scan(&id, &score); err != nil {
			return nil, err
		}
		if want[id] {
			scores[id] = score
		}
	}
	return scores, rows.Err()
}

// oracleAllWords counts the articles among ids that have all the words
// of the query (match q.Match).
func oracleAllWords(ctx context.Context, s *Store, q query.Query, ids []int64) (int, error) {
	if q.Match == "" || q.InNotes {
		return len(ids), nil
	}
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?
		AND rowid IN (SELECT value FROM json_each(?))`, q.Match, int64sJSON(ids)).Scan(&n)
	return n, err
}
