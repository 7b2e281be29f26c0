package db_test

import (
	"context"
	"strings"
	"testing"

	"folio/db"
	"folio/db/dbtest"
)

const (
	harbourStart = "The council approved the harbour plan on Tuesday after a long debate about costs and noise."
	harbourQuay  = "Residents near the quay said the work would disturb the market for at least two summers."
	harbourFerry = "A spokesperson for the ferry company declined to comment on the new timetable."
	harbourShips = "The first ships are expected to dock at the new berth in the spring of next year."
	harbourAdded = "Late on Wednesday, the mayor added that the budget had already been approved by the regional office."
)

func paragraphs(p ...string) string { return strings.Join(p, "\n\n") }

// reimport stores a new version of the file at path and checks it updated
// the article in place.
func reimport(t *testing.T, s *db.Store, id int64, path, title, body string) {
	t.Helper()
	out, err := s.ImportArticles(context.Background(), []db.NewArticle{{Title: title, Body: body, Path: path}})
	if err != nil {
		t.Fatal(err)
	}
	if out[0].Status != db.StatusUpdated || out[0].ID != id {
		t.Fatalf("re-import: %+v, want updated %d", out[0], id)
	}
}

func TestReimportMovesHighlights(t *testing.T) {
	s := dbtest.Open(t)
	tick(s)
	ctx := context.Background()
	original := paragraphs(harbourStart, harbourQuay, harbourFerry, harbourShips)
	id := importOne(t, s, db.NewArticle{Title: "Harbour", Body: original, Path: "/news/harbour.txt"})
	still := highlight(t, s, id, original, "The council approved", "blue", "")
	edited := highlight(t, s, id, original, "the work would disturb the market for at least two summers", "green", "Two summers!")
	deleted := highlight(t, s, id, original, "declined to comment", "pink", "They never comment.")
	moved := highlight(t, s, id, original, "dock at the new berth", "yellow", "")
	note, _ := s.AddNote(ctx, id, "Check the berth plans.")

	// A paragraph added, one edited slightly, one deleted.
	quay := strings.Replace(harbourQuay, "the work would", "the works would", 1)
	revised := paragraphs(harbourStart, harbourAdded, quay, harbourShips)
	reimport(t, s, id, "/news/harbour.txt", "Harbour", revised)

	byID := map[int64]db.Annotation{}
	for _, a := range annotationsOf(t, s, id) {
		byID[a.ID] = a
	}
	if got := byID[still.ID]; got != still {
		t.Errorf("a highlight before every change was touched:\n %+v\nwant\n %+v", got, still)
	}
	start, end := spanOf(t, revised, "dock at the new berth")
	if got := byID[moved.ID]; got.Start != start || got.End != end || got.Exact != moved.Exact || got.Orphaned {
		t.Errorf("moved highlight: %+v, want %d–%d", got, start, end)
	}
	start, end = spanOf(t, revised, "the works would disturb the market for at least two summers")
	if got := byID[edited.ID]; got.Start != start || got.End != end || got.Orphaned || got.Note != "Two summers!" || got.Color != "green" {
		t.Errorf("highlight of an edited passage: %+v, want it over %d–%d", got, start, end)
	}
	got := byID[deleted.ID]
	if !got.Orphaned || got.Exact != "declined to comment" || got.Note != "They never comment." || got.Color != "pink" ||
		got.Prefix != deleted.Prefix || got.Suffix != deleted.Suffix {
		t.Errorf("highlight of a deleted passage: %+v, want it orphaned with its quote, context and note", got)
	}
	if got := byID[note.ID]; got != note {
		t.Errorf("the article note changed: %+v", got)
	}
	checkIndexMatchesTable(t, s)

	// Another edit brings the paragraph back: the orphan is placed again.
	reimport(t, s, id, "/news/harbour.txt", "Harbour", paragraphs(harbourStart, harbourAdded, quay, harbourFerry, harbourShips))
	for _, a := range annotationsOf(t, s, id) {
		if a.ID != deleted.ID {
			continue
		}
		restored := paragraphs(harbourStart, harbourAdded, quay, harbourFerry, harbourShips)
		start, end := spanOf(t, restored, "declined to comment")
		if a.Orphaned || a.Start != start || a.End != end {
			t.Errorf("after the passage came back: %+v, want placed at %d–%d", a, start, end)
		}
	}
}

func TestReimportLeavesUnmovedHighlightsAlone(t *testing.T) {
	s := dbtest.Open(t)
	tick(s)
	body := paragraphs(harbourStart, harbourQuay)
	id := importOne(t, s, db.NewArticle{Title: "Harbour", Body: body, Path: "/h.txt"})
	h := highlight(t, s, id, body, "near the quay", "", "")
	// An edit far from the highlight and its context.
	reimport(t, s, id, "/h.txt", "Harbour", paragraphs(harbourStart, strings.Replace(harbourQuay, "two summers", "three summers", 1)))
	if got := annotationsOf(t, s, id)[0]; got.UpdatedAt != h.UpdatedAt || got.Exact != "near the quay" {
		t.Errorf("after a re-import that did not move it: %+v, was %+v", got, h)
	}
}
