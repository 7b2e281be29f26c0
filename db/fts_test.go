package db_test

import (
	"context"
	"testing"

	"folio/db"
	"folio/db/dbtest"
)

// ftsIDs returns the article ids the full-text index finds for a MATCH.
func ftsIDs(t *testing.T, s *db.Store, match string) []int64 {
	t.Helper()
	rows, err := s.DB().Query(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid`, match)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return ids
}

// checkIndexMatchesTable runs FTS5's own integrity check, which compares the
// external-content index with the articles table row by row.
func checkIndexMatchesTable(t *testing.T, s *db.Store) {
	t.Helper()
	for _, table := range []string{"articles_fts", "annotations_fts"} {
		if _, err := s.DB().Exec(`INSERT INTO ` + table + `(` + table + `, rank) VALUES ('integrity-check', 1)`); err != nil {
			t.Fatalf("%s does not match its table: %v", table, err)
		}
	}
}

func TestFTSFollowsInsertUpdateDelete(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	id := importOne(t, s, db.NewArticle{Title: "Diesel supplies", Byline: "Olga", Source: "Agency", Body: "Belarus supplied diesel to Russia."})
	other := importOne(t, s, db.NewArticle{Title: "Ferries", Body: "A ferry to Gozo."})
	checkIndexMatchesTable(t, s)
	if got := ftsIDs(t, s, "supply"); len(got) != 1 || got[0] != id {
		t.Errorf("after insert, 'supply' (stemmed) finds %v, want [%d]", got, id)
	}
	if got := ftsIDs(t, s, "source:agency"); len(got) != 1 {
		t.Errorf("source column not indexed: %v", got)
	}

	if _, err := s.DB().ExecContext(ctx, `UPDATE articles SET body = 'Belarus sent petrol instead.' WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	checkIndexMatchesTable(t, s)
	if got := ftsIDs(t, s, "body:diesel"); len(got) != 0 {
		t.Errorf("after update, the old word still matches: %v", got)
	}
	if got := ftsIDs(t, s, "petrol"); len(got) != 1 || got[0] != id {
		t.Errorf("after update, the new word finds %v", got)
	}

	// Updating columns the index does not hold leaves it alone and in sync.
	if _, err := s.DB().ExecContext(ctx, `UPDATE articles SET starred = 1, progress = 0.5 WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	checkIndexMatchesTable(t, s)

	if _, err := s.DB().ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	checkIndexMatchesTable(t, s)
	if got := ftsIDs(t, s, "petrol OR diesel OR supply"); len(got) != 0 {
		t.Errorf("after delete, the index still finds %v", got)
	}
	if got := ftsIDs(t, s, "gozo"); len(got) != 1 || got[0] != other {
		t.Errorf("the other article got lost: %v", got)
	}
}

func TestDiacriticsFold(t *testing.T) {
	s := dbtest.Open(t)
	id := importOne(t, s, db.NewArticle{Title: "Café culture", Body: "Running a café in Zürich."})
	for _, q := range []string{"cafe", "zurich", "run"} {
		if got := ftsIDs(t, s, q); len(got) != 1 || got[0] != id {
			t.Errorf("%q finds %v", q, got)
		}
	}
}
