package db

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"folio/db/corpus"
	"folio/db/query"
)

// folio_rank must give exactly FTS5's bm25 with the same weights: it only
// reads the row lengths from memory instead of the docsize table. This
// compares the two on every matching row, for queries of each shape, and
// again after articles are edited and deleted (new lengths, new averages).
func TestRankMatchesBM25(t *testing.T) {
	defer func(w, k, bb float64) { proximityWeight, bm25K1, bm25B = w, k, bb }(proximityWeight, bm25K1, bm25B)
	proximityWeight, bm25K1, bm25B = 0, 1.2, 0.75 // bm25 alone, with FTS5's parameters
	ctx := context.Background()
	s := generatedLibrary(t, 3, 400)
	words := commonWords(t, s, 7)
	queries := []string{
		`"` + words[0] + `"`,
		`"` + words[1] + `" "` + words[2] + `"`,
		`"` + words[3] + `" OR "` + words[4] + `"`,
		`"` + words[0] + ` ` + words[1] + `"`,
		`"` + words[2] + `"*`,
		`"` + words[5] + `" NOT "` + words[6] + `"`,
		`title : "` + words[0] + `"`,
		`"` + words[0] + `" "` + words[0] + `"`,
	}
	compareRanks(t, s, queries)
	compareSearchScores(t, s, words)
	t.Run("split", func(t *testing.T) { // as in a large library, in parts
		defer func(library, matches int) { splitLibraryAbove, splitAbove = library, matches }(splitLibraryAbove, splitAbove)
		splitLibraryAbove, splitAbove = 10, 10
		s.search.results = resultCache{}
		compareSearchScores(t, s, words)
	})

	if _, err := s.db.ExecContext(ctx, `UPDATE articles SET body = body || ' ' || body WHERE id % 3 = 0`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM articles WHERE id % 7 = 0`); err != nil {
		t.Fatal(err)
	}
	compareRanks(t, s, queries)
	if err := s.TrashArticles(ctx, []int64{2, 4, 8}); err != nil {
		t.Fatal(err)
	}
	compareSearchScores(t, s, words)

	// A title made from the body weighs as the body does.
	res, err := s.db.ExecContext(ctx, `UPDATE articles SET title_derived = 1 WHERE id % 4 = 1`)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		t.Fatal("no article was marked as having a derived title")
	}
	compareRanks(t, s, queries)
	compareSearchScores(t, s, words)
}

// bm25Expr is FTS5's bm25 of the current row with the weights folio_rank
// gives it: the body's weight for a derived title.
var bm25Expr = `CASE WHEN (SELECT title_derived FROM articles WHERE id = articles_fts.rowid)
	THEN bm25(articles_fts, ` + weightList(derivedTitleWeights[:]) + `)
	ELSE bm25(articles_fts, ` + rankWeights + `) END`

// compareSearchScores checks the scores Search reports against bm25, for
// searches of one phrase (whose idf is worked out after ranking) and of
// several, ranked in one statement or in parts, with and without filters.
func compareSearchScores(t *testing.T, s *Store, words []string) {
	t.Helper()
	ctx := context.Background()
	for _, q := range []string{
		words[0], words[5], `"` + words[0] + ` ` + words[1] + `"`, words[2] + `*`, `title:` + words[0],
		words[1] + ` ` + words[2], words[3] + ` OR ` + words[4], words[5] + ` -` + words[6],
		words[0] + ` after:2000`,
	} {
		res, err := s.Search(ctx, SearchRequest{Query: q, Limit: 100})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if len(res.Hits) == 0 {
			t.Errorf("%s found nothing; the comparison needs hits", q)
		}
		parsed := query.Parse(q)
		for _, h := range res.Hits {
			var want float64
			err := s.db.QueryRowContext(ctx, `SELECT -(`+bm25Expr+`) FROM articles_fts
				WHERE articles_fts MATCH ? AND rowid = ?`, parsed.Any(), h.Article.ID).Scan(&want)
			if err != nil {
				t.Fatalf("%s: article %d: %v", q, h.Article.ID, err)
			}
			if math.Abs(h.Score-want) > 1e-9*math.Max(1, math.Abs(want)) {
				t.Errorf("%s: article %d scores %v, bm25 %v", q, h.Article.ID, h.Score, want)
			}
		}
	}
}

// commonWords are the n most frequent words of the library's index, most
// frequent first.
func commonWords(t *testing.T, s *Store, n int) []string {
	t.Helper()
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE VIRTUAL TABLE temp.rank_vocab USING fts5vocab(main, articles_fts, row)`); err != nil {
		t.Fatal(err)
	}
	rows, err := conn.QueryContext(ctx, `SELECT term FROM temp.rank_vocab WHERE length(term) > 2 ORDER BY doc DESC LIMIT ?`, n)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var words []string
	for rows.Next() {
		var w string
		rows.Scan(&w)
		words = append(words, w)
	}
	if len(words) < n {
		t.Fatalf("the library has %d words", len(words))
	}
	return words
}

func compareRanks(t *testing.T, s *Store, queries []string) {
	t.Helper()
	ctx := context.Background()
	m, err := s.searchMeta(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range queries {
		h := rankStates.Add(&rankState{lengths: m.lengths, flags: m.flags})
		rows, err := s.db.QueryContext(ctx, `SELECT rowid, `+bm25Expr+`, folio_rank(articles_fts, ?)
			FROM articles_fts WHERE articles_fts MATCH ?`, h, q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		n := 0
		for rows.Next() {
			var id int64
			var want, got float64
			if err := rows.Scan(&id, &want, &got); err != nil {
				t.Fatal(err)
			}
			if math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
				t.Errorf("%s: article %d: folio_rank %v, bm25 %v", q, id, got, want)
			}
			n++
		}
		if err := rows.Err(); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		rows.Close()
		rankStates.Drop(h)
		if n == 0 {
			t.Errorf("%s matched nothing; the comparison needs rows", q)
		}
	}
}

// The FTS5 functions are on every connection, and a bad handle is an error
// of their own, not a crash.
func TestFTS5Functions(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	if _, err := s.ImportArticles(ctx, []NewArticle{{Title: "Ferry", Body: "A ferry to Gozo.", Path: "/f.txt"}}); err != nil {
		t.Fatal(err)
	}
	var score float64
	err := s.db.QueryRowContext(ctx, `SELECT folio_rank(articles_fts, 987654321) FROM articles_fts WHERE articles_fts MATCH 'ferry'`).Scan(&score)
	if err == nil || !strings.Contains(err.Error(), "folio_rank: unknown handle") {
		t.Fatalf("an unknown handle gave score %v, error %v; want folio_rank's own error", score, err)
	}
	// Every connection of the pool has the functions, not just the first.
	conns := make([]*sql.Conn, 4)
	for i := range conns {
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns[i] = c
		var n int
		err = c.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'ferry'
			AND folio_keep(articles_fts, 0) AND folio_snippet(articles_fts) <> ''`).Scan(&n)
		if err != nil || n != 1 {
			t.Errorf("connection %d: %d rows, %v", i, n, err)
		}
	}
}

func TestSumVarints(t *testing.T) {
	for _, c := range []struct {
		in   []byte
		want int32
	}{
		{[]byte{0x0a, 0x00, 0x02, 0x82, 0x22}, 10 + 0 + 2 + 290},
		{[]byte{}, 0},
		{[]byte{0x7f}, 127},
		{[]byte{0x81, 0x00}, 128},
		{[]byte{0x81, 0x80, 0x00, 0x05}, 1<<14 + 5},
	} {
		if got := sumVarints(c.in); got != c.want {
			t.Errorf("sumVarints(% x) = %d, want %d", c.in, got, c.want)
		}
	}
}

// The row lengths are read again when the text changes, and kept when
// only tags and the like do.
func TestLengthsFollowTheText(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	out, err := s.ImportArticles(ctx, []NewArticle{{Title: "Ferry", Body: "A ferry to Gozo.", Path: "/f.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	id := out[0].ID
	m1, err := s.searchMeta(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if m1.lengths[id] != 1+4 { // title, body
		t.Fatalf("length %d, want 5", m1.lengths[id])
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE articles SET starred = 1 WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	m2, err := s.searchMeta(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if m2 == m1 || &m2.lengths[0] != &m1.lengths[0] {
		t.Error("a star read the library again without keeping the lengths")
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE articles SET body = 'A slow ferry to Gozo and Comino.' WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	m3, err := s.searchMeta(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if m3.lengths[id] != 1+7 {
		t.Errorf("length after an edit %d, want 8", m3.lengths[id])
	}
}

// openTestStore opens a new library in a temporary folder (dbtest.Open,
// for the tests inside the package).
// generatedLibrary is a library of n generated articles (Zipf words).
func generatedLibrary(t *testing.T, seed int64, n int) *Store {
	t.Helper()
	s := openTestStore(t)
	gen := corpus.New(seed, "")
	var list []NewArticle
	for i := range n {
		a := gen.Next(i)
		list = append(list, NewArticle{Title: a.Title, Source: a.Source, Published: a.Published, Body: a.Body,
			Tags: a.Tags, Path: fmt.Sprintf("/generated/%d.txt", i)})
	}
	if _, err := s.ImportArticles(context.Background(), list); err != nil {
		t.Fatal(err)
	}
	return s
}

func openTestStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
