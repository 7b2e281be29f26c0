package db

import (
	"context"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"folio/db/query"
)

// The search ranks a large result set in parts over several connections,
// stops scoring the articles with some of the words once those with all
// of them fill the page, caches results, and skips the statistics pass for
// one phrase, and reranks a search of several words with feedback. None of that may change the first page: this compares it with
// ranking every match in one plain statement (oracleIDs), on thousands of
// random queries of every shape.
func TestFirstPageIsTheExhaustiveRanking(t *testing.T) {
	defer func(library, matches int) { splitLibraryAbove, splitAbove = library, matches }(splitLibraryAbove, splitAbove)
	splitLibraryAbove, splitAbove = 100, 40 // split as a large library does
	ctx := context.Background()
	s := generatedLibrary(t, 11, 500)
	if _, err := s.db.ExecContext(ctx, `UPDATE articles SET starred = 1 WHERE id % 5 = 0`); err != nil {
		t.Fatal(err)
	}
	groupStories(t, s)
	words := commonWords(t, s, 40)
	rng := rand.New(rand.NewSource(5))
	queries := 2000
	if raceDetector {
		queries = 150
	}
	ranked, fed := 0, 0
	for range queries {
		input := randomQuery(rng, words)
		want, err := oracleIDs(ctx, s, input)
		if err != nil {
			t.Fatalf("exhaustive ranking of %q: %v", input, err)
		}
		q := query.Parse(input)
		if q.Match == "" {
			continue // nothing to rank
		}
		m, err := s.searchMeta(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, limit := range []int{1, 10} {
			f, err := s.find(ctx, m, q, SortRelevance, limit)
			if err != nil {
				t.Fatalf("find(%q): %v", input, err)
			}
			got := make([]int64, len(f.order))
			for i, h := range f.order {
				got[i] = h.id
			}
			if page := want[:min(limit, len(want))]; !slices.Equal(got, page) {
				t.Fatalf("%q, first %d: %v, ranking every match gives %v", input, limit, got, page)
			}
			if f.total != len(want) {
				t.Fatalf("%q: total %d, ranking every match finds %d", input, f.total, len(want))
			}
		}
		ranked++
		if usesFeedback(q) {
			fed++
		}
	}
	if ranked < queries/2 {
		t.Fatalf("only %d of %d random queries had words to rank", ranked, queries)
	}
	if fed < queries/5 {
		t.Fatalf("only %d of %d random queries were ranked again with feedback", fed, queries)
	}
}

// randomQuery makes a query of one to six words, drawn from the frequent
// and the rare ends of the vocabulary, sometimes with a phrase, a prefix,
// OR, an excluded word, stopwords or a filter.
func randomQuery(rng *rand.Rand, words []string) string {
	word := func() string {
		if rng.Intn(3) == 0 {
			return words[rng.Intn(min(20, len(words)))]
		}
		return words[rng.Intn(len(words))]
	}
	var parts []string
	switch rng.Intn(6) {
	case 0: // words joined by OR, as in a relevance test collection
		for range 2 + rng.Intn(5) {
			parts = append(parts, word())
		}
		return strings.Join(parts, " OR ")
	case 1: // a question pasted as it is
		for range 6 + rng.Intn(6) {
			parts = append(parts, word(), []string{"the", "of", "what", "is", "and"}[rng.Intn(5)])
		}
		return strings.Join(parts, " ")
	}
	for range 1 + rng.Intn(6) {
		switch rng.Intn(12) {
		case 0:
			parts = append(parts, `"`+word()+" "+word()+`"`)
		case 1:
			w := word() // a prefix of three letters or more, as typed
			parts = append(parts, w[:min(len(w), max(3, len(w)/2))]+"*")
		case 2:
			parts = append(parts, word()+" OR "+word())
		case 3:
			parts = append(parts, "-"+word())
		case 4:
			parts = append(parts, []string{"the", "of", "what", "is"}[rng.Intn(4)])
		case 5:
			parts = append(parts, []string{"is:starred", "tag:sport", "after:2020-01-01", "title:" + word()}[rng.Intn(4)])
		default:
			parts = append(parts, word())
		}
	}
	return strings.Join(parts, " ")
}

// groupStories makes stories of the generated articles (whose texts are
// too short to be grouped at import): ids 10k+1 to 10k+3 are versions of
// one story, and so are 10k+6 and 10k+9 with a Trashed 10k+4 as their
// first, so that a story's pages and counts are checked too.
func groupStories(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	for _, stmt := range []string{
		`UPDATE articles SET story_id = id - id % 10 + 1 WHERE id % 10 IN (1, 2, 3)`,
		`UPDATE articles SET story_id = id - id % 10 + 4 WHERE id % 10 IN (4, 6, 9)`,
		`UPDATE articles SET deleted_at = '2026-01-01T00:00:00Z' WHERE id % 10 = 4`,
	} {
		if _, err := s.db.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
}
