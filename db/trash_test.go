package db_test

import (
	"context"
	"errors"
	"testing"

	"folio/db"
	"folio/db/dbtest"
)

// annotateRow adds a highlight straight into the table, as the reader would.
func annotateRow(t *testing.T, s *db.Store, articleID int64, exact, note string) {
	t.Helper()
	if _, err := s.DB().Exec(`INSERT INTO annotations (article_id, kind, exact, note, created_at, updated_at)
		VALUES (?, 'highlight', ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`, articleID, exact, note); err != nil {
		t.Fatal(err)
	}
}

func countRows(t *testing.T, s *db.Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestTrashRestoreAndEmpty(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	keep := importOne(t, s, db.NewArticle{Title: "Ferries", Body: "A ferry sails to Gozo."})
	gone := importOne(t, s, db.NewArticle{Title: "Diesel", Body: "Belarus supplied diesel."})
	back := importOne(t, s, db.NewArticle{Title: "Harbour", Body: "The harbour opens in spring."})
	s.AddTags(ctx, []int64{keep, gone}, []string{"energy"})
	annotateRow(t, s, gone, "diesel", "a note about fuel")
	annotateRow(t, s, keep, "ferry", "")

	if err := s.TrashArticles(ctx, []int64{gone, back, 12345}); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashArticles(ctx, []int64{gone}); err != nil {
		t.Errorf("trashing twice: %v", err)
	}
	trash, err := s.ListArticles(ctx, db.ArticleFilter{View: db.ViewTrash})
	if err != nil || trash.Total != 2 {
		t.Fatalf("the Trash holds %d (%v), want 2", trash.Total, err)
	}
	if a, _ := s.GetArticle(ctx, gone); !a.Trashed {
		t.Error("a trashed article does not say so")
	}
	if err := s.RestoreArticles(ctx, []int64{back, keep}); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.GetArticle(ctx, back); a.Trashed {
		t.Error("a restored article is still in the Trash")
	}

	n, err := s.EmptyTrash(ctx)
	if err != nil || n != 1 {
		t.Fatalf("EmptyTrash = %d, %v; want 1", n, err)
	}
	if _, err := s.GetArticle(ctx, gone); !errors.Is(err, db.ErrNotFound) {
		t.Errorf("the emptied article is still there: %v", err)
	}
	if n := countRows(t, s, `SELECT count(*) FROM annotations WHERE article_id = ?`, gone); n != 0 {
		t.Errorf("%d annotations outlived their article", n)
	}
	if n := countRows(t, s, `SELECT count(*) FROM article_tags WHERE article_id = ?`, gone); n != 0 {
		t.Errorf("%d tag links outlived their article", n)
	}
	if n := countRows(t, s, `SELECT count(*) FROM annotations`); n != 1 {
		t.Errorf("%d annotations left, want the other article's 1", n)
	}
	checkIndexMatchesTable(t, s)
	if got := ftsIDs(t, s, "diesel OR belarus"); len(got) != 0 {
		t.Errorf("the index still finds the emptied article: %v", got)
	}
	if got := ftsIDs(t, s, "gozo OR harbour"); len(got) != 2 {
		t.Errorf("the index lost the articles that stay: %v", got)
	}
	if got := tagList(t, s); got != "energy:1" {
		t.Errorf("tags after emptying = %s", got)
	}
	if n, err := s.EmptyTrash(ctx); err != nil || n != 0 {
		t.Errorf("emptying an empty Trash = %d, %v", n, err)
	}
}

func TestDeleteTrashedOnlyDeletesWhatIsInTheTrash(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	kept := importOne(t, s, db.NewArticle{Title: "Ferries", Body: "A ferry sails to Gozo."})
	trashedKept := importOne(t, s, db.NewArticle{Title: "Harbour", Body: "The harbour opens in spring."})
	gone := importOne(t, s, db.NewArticle{Title: "Diesel", Body: "Belarus supplied diesel."})
	annotateRow(t, s, gone, "diesel", "a note")
	if err := s.TrashArticles(ctx, []int64{gone, trashedKept}); err != nil {
		t.Fatal(err)
	}
	n, err := s.DeleteTrashed(ctx, []int64{gone, kept, 12345})
	if err != nil || n != 1 {
		t.Fatalf("DeleteTrashed = %d, %v; want 1", n, err)
	}
	if _, err := s.GetArticle(ctx, gone); !errors.Is(err, db.ErrNotFound) {
		t.Errorf("the deleted article is still there: %v", err)
	}
	for _, id := range []int64{kept, trashedKept} {
		if _, err := s.GetArticle(ctx, id); err != nil {
			t.Errorf("article %d went too: %v", id, err)
		}
	}
	if n := countRows(t, s, `SELECT count(*) FROM annotations WHERE article_id = ?`, gone); n != 0 {
		t.Errorf("%d annotations outlived their article", n)
	}
	checkIndexMatchesTable(t, s)
}
