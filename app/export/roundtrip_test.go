package export_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"folio/app/export"
	"folio/db"
	"folio/db/dbtest"
)

var articles = []db.NewArticle{
	{Title: "Ferry link to Gozo", Source: "Malta Post", URL: "https://example.org/ferry", Published: "2023-09-15",
		Body: "Harbour officials said on Monday that the new ferry to Gozo will start in spring.\n\n" +
			"Fares 👍 have not been announced. Critics warned that the harbour is crowded."},
	{Title: "Budget debate", Body: "The council met on Tuesday evening to debate the new budget for transport."},
}

func store(t *testing.T, s *db.Store, list ...db.NewArticle) []int64 {
	t.Helper()
	out, err := s.ImportArticles(context.Background(), list)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(out))
	for i, o := range out {
		ids[i] = o.ID
	}
	return ids
}

func mark(t *testing.T, s *db.Store, id int64, body, quote, color, note string) {
	t.Helper()
	i := strings.Index(body, quote)
	start := utf8.RuneCountInString(body[:i])
	if _, err := s.AddHighlight(context.Background(), id, start, start+utf8.RuneCountInString(quote), color, note); err != nil {
		t.Fatal(err)
	}
}

// summary describes a library's annotations by what a person sees.
func summary(t *testing.T, s *db.Store) string {
	t.Helper()
	list, err := s.AnnotatedArticles(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, a := range list {
		for _, n := range a.Annotations {
			fmt.Fprintf(&b, "%s|%s|%q|%d-%d|%s|%q|%t|%s\n", a.Title, n.Kind, n.Exact, n.Start, n.End, n.Color, n.Note, n.Orphaned, n.UID)
		}
	}
	return b.String()
}

func TestJSONRoundTripBetweenLibraries(t *testing.T) {
	ctx := context.Background()
	from := dbtest.Open(t)
	ids := store(t, from, articles...)
	mark(t, from, ids[0], articles[0].Body, "the new ferry to Gozo", "green", "Spring **when**?")
	mark(t, from, ids[0], articles[0].Body, "Fares 👍 have not been announced.", "yellow", "")
	mark(t, from, ids[0], articles[0].Body, "ferry to Gozo will start", "pink", "Overlaps the first.")
	mark(t, from, ids[1], articles[1].Body, "debate the new budget", "purple", "")
	if _, err := from.AddNote(ctx, ids[1], "Budget notes.\n\nTwo paragraphs."); err != nil {
		t.Fatal(err)
	}
	list, err := from.AnnotatedArticles(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	data, err := export.Bytes("json", list)
	if err != nil {
		t.Fatal(err)
	}

	to := dbtest.Open(t)
	// The same articles, imported from elsewhere, in another order.
	store(t, to, articles[1], articles[0])
	records, err := export.ParseW3C(data)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := to.ImportAnnotations(ctx, records)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Imported != 5 || rep.Duplicates != 0 || rep.Missing != 0 || rep.Orphaned != 0 {
		t.Errorf("report = %+v", rep)
	}
	if got, want := summary(t, to), summary(t, from); got != want {
		t.Errorf("imported annotations:\n%s\nwant\n%s", got, want)
	}
	again, _ := export.Bytes("json", mustList(t, to))
	if string(again) != string(data) {
		t.Errorf("exporting the imported annotations gives another file:\n%s", again)
	}
	for range 2 {
		rep, err = to.ImportAnnotations(ctx, records)
		if err != nil || rep.Imported != 0 || rep.Duplicates != 5 {
			t.Errorf("the same export again: %+v, %v", rep, err)
		}
	}
	if got, want := summary(t, to), summary(t, from); got != want {
		t.Errorf("after importing twice more:\n%s\nwant\n%s", got, want)
	}
}

func TestImportIntoALibraryMissingAnArticle(t *testing.T) {
	ctx := context.Background()
	from := dbtest.Open(t)
	ids := store(t, from, articles...)
	mark(t, from, ids[0], articles[0].Body, "the harbour is crowded", "blue", "")
	mark(t, from, ids[1], articles[1].Body, "Tuesday evening", "blue", "")
	from.AddNote(ctx, ids[1], "Look up the vote.")
	data, _ := export.Bytes("json", mustList(t, from))

	to := dbtest.Open(t)
	store(t, to, articles[0])
	records, _ := export.ParseW3C(data)
	rep, err := to.ImportAnnotations(ctx, records)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Imported != 1 || rep.Missing != 2 || len(rep.MissingArticles) != 1 {
		t.Fatalf("report = %+v", rep)
	}
	if m := rep.MissingArticles[0]; m.Title != "Budget debate" || m.Annotations != 2 || !strings.HasPrefix(m.Ref, "urn:folio:article:sha256:") {
		t.Errorf("missing article = %+v", m)
	}
	// Once the article is there, the same file brings its annotations.
	store(t, to, articles[1])
	rep, _ = to.ImportAnnotations(ctx, records)
	if rep.Imported != 2 || rep.Duplicates != 1 || rep.Missing != 0 {
		t.Errorf("after importing the article: %+v", rep)
	}
}

func mustList(t *testing.T, s *db.Store) []db.AnnotatedArticle {
	t.Helper()
	list, err := s.AnnotatedArticles(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return list
}
