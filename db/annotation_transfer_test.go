package db_test

import (
	"context"
	"strings"
	"testing"

	"folio/db"
	"folio/db/dbtest"
)

func TestAnnotatedArticles(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	old := importOne(t, s, db.NewArticle{Title: "Old", Body: ferryBody, Published: "2020-05-01", URL: "https://example.org/old"})
	newer := importOne(t, s, db.NewArticle{Title: "New", Body: "Some newer text.", Published: "2024-05-01"})
	bare := importOne(t, s, db.NewArticle{Title: "Bare", Body: "No annotations here."})
	trashed := importOne(t, s, db.NewArticle{Title: "Trashed", Body: "In the bin."})
	s.AddNote(ctx, old, "A note.")
	highlight(t, s, old, ferryBody, "Critics warned", "", "")
	highlight(t, s, old, ferryBody, "Harbour officials", "", "")
	s.AddNote(ctx, newer, "Another.")
	s.AddNote(ctx, trashed, "Binned.")
	s.DB().Exec(`UPDATE articles SET deleted_at = 'x' WHERE id = ?`, trashed)

	titles := func(ids []int64) string {
		t.Helper()
		list, err := s.AnnotatedArticles(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, a := range list {
			out = append(out, a.Title)
		}
		return strings.Join(out, ",")
	}
	if got := titles(nil); got != "New,Old" {
		t.Errorf("every annotated article: %q, want New,Old (newest first, none from the Trash)", got)
	}
	if got := titles([]int64{old, bare, trashed, 999}); got != "Old,Trashed" {
		t.Errorf("chosen articles: %q, want Old,Trashed (those with annotations)", got)
	}
	list, _ := s.AnnotatedArticles(ctx, []int64{old})
	a := list[0]
	if a.ContentHash != db.ContentHash("Old", ferryBody) || a.URL != "https://example.org/old" || a.Published != "2020-05-01" {
		t.Errorf("article = %+v", a)
	}
	var got []string
	for _, n := range a.Annotations {
		got = append(got, n.Exact+n.Note)
	}
	if strings.Join(got, "|") != "Harbour officials|Critics warned|A note." {
		t.Errorf("annotations in order %q", got)
	}
}

func TestImportAnnotations(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	same := importOne(t, s, db.NewArticle{Title: "Ferry", Body: ferryBody})
	// The same page saved again after the site edited it: another hash, the same address.
	revised := "Updated: " + ferryBody
	byURL := importOne(t, s, db.NewArticle{Title: "Ferry (updated)", Body: revised, URL: "https://example.org/ferry"})
	start, end := spanOf(t, ferryBody, "Fares 👍 have")
	hash := db.ContentHash("Ferry", ferryBody)
	records := []db.AnnotationRecord{
		{UID: "urn:uuid:1", ArticleHash: hash, Kind: "highlight", Color: "green", Note: "Fares?", Exact: "Fares 👍 have",
			Prefix: "y to Gozo will start in spring. ", Suffix: " not been announced.", Start: start, End: end,
			CreatedAt: "2025-01-02T03:04:05Z", UpdatedAt: "2025-01-03T03:04:05Z"},
		{UID: "urn:uuid:2", ArticleHash: hash, Kind: "note", Note: "About the ferry."},
		{UID: "urn:uuid:3", ArticleHash: "feed", ArticleURL: "https://example.org/ferry", Kind: "highlight",
			Exact: "Critics warned", Start: 10, End: 24},
		{UID: "urn:uuid:4", ArticleHash: hash, Kind: "highlight", Exact: "a passage that is not there at all", Start: 3, End: 37},
		{UID: "urn:uuid:5", ArticleHash: "0000", ArticleTitle: "Not here", ArticleRef: "urn:folio:article:sha256:0000", Kind: "note", Note: "Lost?"},
		{UID: "urn:uuid:6", ArticleHash: "0000", ArticleTitle: "Not here", ArticleRef: "urn:folio:article:sha256:0000", Kind: "note", Note: "Lost too?"},
		{ArticleURL: "https://example.org/elsewhere", ArticleTitle: "Elsewhere", Kind: "note", Note: "Gone."},
	}
	rep, err := s.ImportAnnotations(ctx, records)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Imported != 4 || rep.Orphaned != 1 || rep.Duplicates != 0 || rep.Missing != 3 || len(rep.MissingArticles) != 2 {
		t.Errorf("report = %+v", rep)
	}
	if m := rep.MissingArticles[0]; m.Title != "Not here" || m.Annotations != 2 || m.Ref != "urn:folio:article:sha256:0000" {
		t.Errorf("first missing article = %+v", m)
	}
	if m := rep.MissingArticles[1]; m.URL != "https://example.org/elsewhere" || m.Annotations != 1 {
		t.Errorf("second missing article = %+v", m)
	}
	list := annotationsOf(t, s, same)
	if len(list) != 3 {
		t.Fatalf("annotations of the same text: %+v", list)
	}
	if h := list[0]; h.Exact != "Fares 👍 have" || h.Start != start || h.Color != "green" || h.Note != "Fares?" ||
		h.UID != "urn:uuid:1" || h.CreatedAt != "2025-01-02T03:04:05Z" || h.UpdatedAt != "2025-01-03T03:04:05Z" || h.Orphaned {
		t.Errorf("highlight = %+v", h)
	}
	if o := list[1]; !o.Orphaned || o.Exact != "a passage that is not there at all" || o.Color != "yellow" {
		t.Errorf("orphan = %+v", o)
	}
	if n := list[2]; n.Kind != "note" || n.Note != "About the ferry." || n.CreatedAt == "" {
		t.Errorf("note = %+v", n)
	}
	moved := annotationsOf(t, s, byURL)
	wantStart, _ := spanOf(t, revised, "Critics warned")
	if len(moved) != 1 || moved[0].Start != wantStart || moved[0].Orphaned {
		t.Errorf("by address, placed in the revised text: %+v, want start %d", moved, wantStart)
	}

	// The same file again adds nothing; nor does the same annotation under another identity.
	rep, err = s.ImportAnnotations(ctx, records)
	if err != nil || rep.Imported != 0 || rep.Duplicates != 4 || rep.Missing != 3 {
		t.Errorf("second import: %+v, %v", rep, err)
	}
	again := records[0]
	again.UID = "urn:uuid:other"
	if rep, _ := s.ImportAnnotations(ctx, []db.AnnotationRecord{again, again}); rep.Imported != 0 || rep.Duplicates != 2 {
		t.Errorf("the same highlight under another id: %+v", rep)
	}
	if n := len(annotationsOf(t, s, same)); n != 3 {
		t.Errorf("%d annotations after importing duplicates, want 3", n)
	}
	checkIndexMatchesTable(t, s)
}

func TestImportAnnotationsIsAllOrNothing(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	id := importOne(t, s, db.NewArticle{Title: "Ferry", Body: ferryBody})
	hash := db.ContentHash("Ferry", ferryBody)
	good := db.AnnotationRecord{ArticleHash: hash, Kind: "note", Note: "Fine."}
	for _, c := range []struct {
		bad  db.AnnotationRecord
		want string
	}{
		{db.AnnotationRecord{ArticleHash: hash, Kind: "bookmark"}, "not a kind of annotation"},
		{db.AnnotationRecord{ArticleHash: hash, Kind: "highlight", Color: "red", Exact: "Fares"}, "not a highlight colour"},
		{db.AnnotationRecord{ArticleHash: hash, Kind: "highlight"}, "no quoted text"},
		{db.AnnotationRecord{ArticleHash: hash, Kind: "note"}, "empty"},
		{db.AnnotationRecord{Kind: "note", Note: "Whose?"}, "which article"},
	} {
		_, err := s.ImportAnnotations(ctx, []db.AnnotationRecord{good, c.bad})
		if err == nil || !strings.Contains(err.Error(), "annotation 2: ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: err = %v, want %q", c.bad, err, c.want)
		}
	}
	if list := annotationsOf(t, s, id); len(list) != 0 {
		t.Errorf("a refused import stored %+v", list)
	}
}
