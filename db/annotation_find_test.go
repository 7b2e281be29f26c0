package db_test

import (
	"context"
	"testing"

	"folio/db"
	"folio/db/dbtest"
)

// Annotations from another tool: found by address however it is spelled,
// else by a quote found in one article only; tags go on the article; those
// whose article is missing wait for it.
func TestImportForeignAnnotations(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	ferry := importOne(t, s, db.NewArticle{Title: "Ferry", Body: ferryBody, URL: "https://www.example.org/ferry/"})
	other := importOne(t, s, db.NewArticle{Title: "Budget", Body: "The city council met on Tuesday evening to debate the new budget.", Path: "/b.txt"})
	records := []db.AnnotationRecord{
		{UID: "h:1", ArticleURL: "http://example.org/ferry#intro", Kind: "highlight", Exact: "new ferry", Prefix: "the ",
			Foreign: true, Tags: []string{"malta", "transport"}},
		{UID: "h:2", ArticleURL: "https://elsewhere.example/copy", Kind: "highlight", Exact: "debate the new budget",
			Prefix: "to ", Suffix: ".", Foreign: true, Tags: []string{"budget"}},
		{UID: "h:3", ArticleURL: "https://example.org/later", ArticleTitle: "Later", Kind: "highlight",
			Exact: "arrives next week", Prefix: "The ship ", Foreign: true},
	}
	rep, err := s.ImportAnnotations(ctx, records)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Imported != 2 || rep.Missing != 1 || len(rep.MissingArticles) != 1 || rep.MissingArticles[0].URL != "https://example.org/later" {
		t.Fatalf("report = %+v", rep)
	}
	start, end := spanOf(t, ferryBody, "new ferry")
	if got := annotationsOf(t, s, ferry); len(got) != 1 || got[0].Start != start || got[0].End != end || got[0].Orphaned {
		t.Errorf("by address: %+v, want %d–%d", got, start, end)
	}
	if got := annotationsOf(t, s, other); len(got) != 1 || got[0].Exact != "debate the new budget" || got[0].Orphaned {
		t.Errorf("by quote: %+v", got)
	}
	checkTags(t, s, ferry, "malta", "transport")
	checkTags(t, s, other, "budget")

	// The same file again: nothing added, the missing one still reported, kept once.
	rep, err = s.ImportAnnotations(ctx, records)
	if err != nil || rep.Imported != 0 || rep.Duplicates != 2 || rep.Missing != 1 {
		t.Errorf("again: %+v, %v", rep, err)
	}
	var kept int
	if err := s.DB().QueryRow(`SELECT count(*) FROM pending_annotations`).Scan(&kept); err != nil || kept != 1 {
		t.Errorf("%d kept annotations (%v), want 1", kept, err)
	}

	// Its article arrives: it attaches, and waits no more.
	body := "News from the port. The ship arrives next week, a day late."
	later := importOne(t, s, db.NewArticle{Title: "Later", Body: body, URL: "https://example.org/later"})
	rep, err = s.AttachPendingAnnotations(ctx)
	if err != nil || rep.Imported != 1 || rep.Missing != 0 {
		t.Fatalf("attach kept: %+v, %v", rep, err)
	}
	start, end = spanOf(t, body, "arrives next week")
	if got := annotationsOf(t, s, later); len(got) != 1 || got[0].Start != start || got[0].End != end {
		t.Errorf("attached later: %+v, want %d–%d", got, start, end)
	}
	if rep, _ := s.AttachPendingAnnotations(ctx); rep.Imported != 0 {
		t.Errorf("attached twice: %+v", rep)
	}
}

// A foreign highlight that cannot be placed keeps its context as that
// tool wrote it: short context does not mean a text edge when the article
// changes and it is tried again.
func TestForeignOrphanPlacedAfterAnEdit(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	id := importOne(t, s, db.NewArticle{Title: "Notes", Body: "To be or not to be.", Path: "/n.txt"})
	rep, err := s.ImportAnnotations(ctx, []db.AnnotationRecord{{ArticleURL: "https://x.example/n", ArticleHash: db.ContentHash("Notes", "To be or not to be."),
		Kind: "highlight", Exact: "anno", Prefix: "to ", Foreign: true}})
	if err != nil || rep.Orphaned != 1 {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	text := "To annotate or not to annotate."
	out, err := s.ImportArticles(ctx, []db.NewArticle{{Title: "Notes", Body: text, Path: "/n.txt"}})
	if err != nil || out[0].Status != db.StatusUpdated {
		t.Fatalf("re-import: %+v, %v", out, err)
	}
	got := annotationsOf(t, s, id)
	if len(got) != 1 || got[0].Orphaned || got[0].Start != 22 || got[0].End != 26 {
		t.Errorf("after the edit: %+v, want placed at 22–26", got)
	}
}

func checkTags(t *testing.T, s *db.Store, id int64, want ...string) {
	t.Helper()
	a, err := s.GetArticle(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tag := range a.Tags {
		got = append(got, tag.Name)
	}
	if len(got) != len(want) {
		t.Fatalf("tags of %d: %v, want %v", id, got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("tags of %d: %v, want %v", id, got, want)
		}
	}
}

func TestURLVariants(t *testing.T) {
	got := db.URLVariantsForTest("http://WWW.Example.org/a/b/?utm_source=x&id=3#top")
	for _, want := range []string{"https://example.org/a/b?id=3", "http://www.example.org/a/b/?id=3", "http://WWW.Example.org/a/b/?utm_source=x&id=3#top"} {
		found := false
		for _, g := range got {
			found = found || g == want
		}
		if !found {
			t.Errorf("variants %q lack %q", got, want)
		}
	}
	if got := db.URLVariantsForTest("urn:isbn:123"); len(got) != 1 || got[0] != "urn:isbn:123" {
		t.Errorf("a non-web address: %q, want only itself", got)
	}
}
