package db_test

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"folio/db"
	"folio/db/dbtest"
)

const ferryBody = "Harbour officials in Valletta said on Monday that the new ferry to Gozo will start in spring. " +
	"Fares 👍 have not been announced.\n\nCritics warned that the harbour is already crowded in summer."

// tick makes the store's clock advance a minute at every timestamp, so
// that what was made later sorts later.
func tick(s *db.Store) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time {
		now = now.Add(time.Minute)
		return now
	})
}

// spanOf is the code point span of the first occurrence of sub in text.
func spanOf(t *testing.T, text, sub string) (int, int) {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q is not in the text", sub)
	}
	start := utf8.RuneCountInString(text[:i])
	return start, start + utf8.RuneCountInString(sub)
}

// highlight adds a highlight of the first occurrence of sub.
func highlight(t *testing.T, s *db.Store, id int64, body, sub, color, note string) db.Annotation {
	t.Helper()
	start, end := spanOf(t, body, sub)
	a, err := s.AddHighlight(context.Background(), id, start, end, color, note)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func annotationsOf(t *testing.T, s *db.Store, id int64) []db.Annotation {
	t.Helper()
	list, err := s.ArticleAnnotations(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

var uidPattern = regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestAddHighlightDescribesThePassage(t *testing.T) {
	s := dbtest.Open(t)
	tick(s)
	id := importOne(t, s, db.NewArticle{Title: "Ferry", Body: ferryBody})
	start, end := spanOf(t, ferryBody, "Fares 👍 have")
	// The selection took in the spaces around the words; they are left out.
	a, err := s.AddHighlight(context.Background(), id, start-1, end+1, "", "  Fares *still* unknown.\r\n")
	if err != nil {
		t.Fatal(err)
	}
	want := db.Annotation{ID: a.ID, ArticleID: id, Kind: "highlight", Color: "yellow", Note: "Fares *still* unknown.",
		Exact: "Fares 👍 have", Prefix: "y to Gozo will start in spring. ", Suffix: " not been announced.\n\nCritics wa",
		Start: start, End: end, CreatedAt: "2026-03-01T09:02:00Z", UpdatedAt: "2026-03-01T09:02:00Z", UID: a.UID}
	if a != want {
		t.Errorf("highlight =\n %+v\nwant\n %+v", a, want)
	}
	if n := utf8.RuneCountInString(a.Prefix); n != 32 {
		t.Errorf("prefix has %d code points, want 32", n)
	}
	if !uidPattern.MatchString(a.UID) {
		t.Errorf("uid %q is not a urn:uuid", a.UID)
	}
	if got := annotationsOf(t, s, id); len(got) != 1 || got[0] != a {
		t.Errorf("stored = %+v, want %+v", got, a)
	}
}

func TestAddHighlightRefusesBadInput(t *testing.T) {
	s := dbtest.Open(t)
	id := importOne(t, s, db.NewArticle{Title: "Ferry", Body: ferryBody})
	length := utf8.RuneCountInString(ferryBody)
	spaces, _ := spanOf(t, ferryBody, "\n\n")
	for _, c := range []struct {
		name       string
		article    int64
		start, end int
		color      string
		want       string
	}{
		{"empty", id, 5, 5, "", "selection is empty"},
		{"backwards", id, 9, 4, "", "selection is empty"},
		{"negative", id, -1, 4, "", "outside the article's text"},
		{"past the end", id, 10, length + 1, "", "outside the article's text"},
		{"only white space", id, spaces, spaces + 2, "", "only white space"},
		{"unknown colour", id, 0, 7, "orange", `"orange" is not a highlight colour; use one of yellow, green, blue, pink, purple`},
		{"missing article", id + 100, 0, 7, "", "not found"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.AddHighlight(context.Background(), c.article, c.start, c.end, c.color, "")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want one saying %q", err, c.want)
			}
			if strings.Contains(strings.ToLower(err.Error()), "sql") {
				t.Errorf("the error shows the database: %v", err)
			}
		})
	}
	if _, err := s.AddHighlight(context.Background(), id+100, 0, 7, "", ""); !errors.Is(err, db.ErrNotFound) {
		t.Errorf("missing article: err = %v, want ErrNotFound", err)
	}
	if got := annotationsOf(t, s, id); len(got) != 0 {
		t.Errorf("refused highlights were stored: %+v", got)
	}
}

func TestArticleAnnotationsOrder(t *testing.T) {
	s := dbtest.Open(t)
	tick(s)
	ctx := context.Background()
	id := importOne(t, s, db.NewArticle{Title: "Ferry", Body: ferryBody, Path: "/ferry.txt"})
	other := importOne(t, s, db.NewArticle{Title: "Other", Body: "Another article entirely."})
	first, err := s.AddNote(ctx, id, "Compare with last year's timetable.")
	if err != nil {
		t.Fatal(err)
	}
	highlight(t, s, id, ferryBody, "the harbour is already crowded", "blue", "")
	highlight(t, s, id, ferryBody, "officials in Valletta said", "yellow", "")
	highlight(t, s, id, ferryBody, "officials in Valletta", "green", "") // overlaps, ends first
	highlight(t, s, id, ferryBody, "Critics warned", "pink", "")         // orphaned below
	second, _ := s.AddNote(ctx, id, "Ask the ministry.")
	highlight(t, s, other, "Another article entirely.", "article", "", "")
	if _, err := s.AddNote(ctx, id, " \n "); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty note: err = %v", err)
	}
	edited := strings.Replace(ferryBody, "Critics warned", "Some said", 1)
	if _, err := s.ImportArticles(ctx, []db.NewArticle{{Title: "Ferry", Body: edited, Path: "/ferry.txt"}}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range annotationsOf(t, s, id) {
		got = append(got, fmt.Sprintf("%s:%s%s:%t", a.Kind, a.Exact, a.Note, a.Orphaned))
	}
	want := []string{
		"highlight:officials in Valletta:false",
		"highlight:officials in Valletta said:false",
		"highlight:the harbour is already crowded:false",
		"highlight:Critics warned:true",
		"note:" + first.Note + ":false",
		"note:" + second.Note + ":false",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("order:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := s.ArticleAnnotations(ctx, 999); !errors.Is(err, db.ErrNotFound) {
		t.Errorf("annotations of a missing article: err = %v, want ErrNotFound", err)
	}
}

func TestSetColorAndNote(t *testing.T) {
	s := dbtest.Open(t)
	tick(s)
	ctx := context.Background()
	id := importOne(t, s, db.NewArticle{Title: "Ferry", Body: ferryBody})
	h := highlight(t, s, id, ferryBody, "new ferry", "yellow", "first thought")
	note, _ := s.AddNote(ctx, id, "On the whole article.")

	got, err := s.SetAnnotationColor(ctx, h.ID, "purple")
	if err != nil || got.Color != "purple" || got.UpdatedAt == h.UpdatedAt || got.CreatedAt != h.CreatedAt {
		t.Errorf("recolour: %+v, %v", got, err)
	}
	if got, err = s.SetAnnotationNote(ctx, h.ID, " second thought "); err != nil || got.Note != "second thought" || got.Color != "purple" {
		t.Errorf("set note: %+v, %v", got, err)
	}
	if got, err = s.SetAnnotationNote(ctx, h.ID, ""); err != nil || got.Note != "" {
		t.Errorf("clear the note of a highlight: %+v, %v", got, err)
	}
	if got, err = s.SetAnnotationNote(ctx, note.ID, "Rewritten."); err != nil || got.Note != "Rewritten." {
		t.Errorf("rewrite an article note: %+v, %v", got, err)
	}
	for _, c := range []struct {
		name string
		call func() (db.Annotation, error)
		want string
	}{
		{"unknown colour", func() (db.Annotation, error) { return s.SetAnnotationColor(ctx, h.ID, "red") }, "not a highlight colour"},
		{"no colour", func() (db.Annotation, error) { return s.SetAnnotationColor(ctx, h.ID, "") }, "not a highlight colour"},
		{"colour a note", func() (db.Annotation, error) { return s.SetAnnotationColor(ctx, note.ID, "green") }, "has no colour"},
		{"empty an article note", func() (db.Annotation, error) { return s.SetAnnotationNote(ctx, note.ID, "  ") }, "delete it instead"},
		{"missing, colour", func() (db.Annotation, error) { return s.SetAnnotationColor(ctx, 999, "green") }, "not found"},
		{"missing, note", func() (db.Annotation, error) { return s.SetAnnotationNote(ctx, 999, "x") }, "not found"},
	} {
		if _, err := c.call(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
	list := annotationsOf(t, s, id)
	if list[0].Color != "purple" || list[0].Note != "" || list[1].Note != "Rewritten." {
		t.Errorf("after the refused changes: %+v", list)
	}
	checkIndexMatchesTable(t, s)
}

func TestDeleteThenRestore(t *testing.T) {
	s := dbtest.Open(t)
	tick(s)
	ctx := context.Background()
	id := importOne(t, s, db.NewArticle{Title: "Ferry", Body: ferryBody, Path: "/ferry.txt"})
	h := highlight(t, s, id, ferryBody, "will start in spring", "green", "Which month?")
	n, _ := s.AddNote(ctx, id, "Follow up.")

	deleted, err := s.DeleteAnnotation(ctx, h.ID)
	if err != nil || deleted != h {
		t.Fatalf("delete returned %+v, %v; want %+v", deleted, err, h)
	}
	if _, err := s.DeleteAnnotation(ctx, h.ID); !errors.Is(err, db.ErrNotFound) {
		t.Errorf("delete twice: err = %v, want ErrNotFound", err)
	}
	if list := annotationsOf(t, s, id); len(list) != 1 || list[0].ID != n.ID {
		t.Fatalf("after delete: %+v", list)
	}
	restored, err := s.RestoreAnnotation(ctx, deleted)
	if err != nil || restored != h {
		t.Fatalf("restore = %+v, %v; want %+v", restored, err, h)
	}
	if again, err := s.RestoreAnnotation(ctx, deleted); err != nil || again != h || len(annotationsOf(t, s, id)) != 2 {
		t.Errorf("restoring twice: %+v, %v, %d annotations", again, err, len(annotationsOf(t, s, id)))
	}

	// Undo after the text changed: the highlight is placed in the new text.
	deleted, _ = s.DeleteAnnotation(ctx, h.ID)
	edited := "A new first sentence pushes everything along. " + ferryBody
	if _, err := s.ImportArticles(ctx, []db.NewArticle{{Title: "Ferry", Body: edited, Path: "/ferry.txt"}}); err != nil {
		t.Fatal(err)
	}
	restored, err = s.RestoreAnnotation(ctx, deleted)
	start, end := spanOf(t, edited, "will start in spring")
	if err != nil || restored.Start != start || restored.End != end || restored.Orphaned || restored.Note != "Which month?" {
		t.Errorf("restore in the edited text: %+v, %v; want %d–%d", restored, err, start, end)
	}

	// An article note is restored too; an annotation whose article is gone is not.
	dn, _ := s.DeleteAnnotation(ctx, n.ID)
	if got, err := s.RestoreAnnotation(ctx, dn); err != nil || got != n {
		t.Errorf("restore the note: %+v, %v", got, err)
	}
	dn.ArticleID, dn.UID = 999, ""
	if _, err := s.RestoreAnnotation(ctx, dn); !errors.Is(err, db.ErrNotFound) {
		t.Errorf("restore onto a missing article: err = %v, want ErrNotFound", err)
	}
	if _, err := s.RestoreAnnotation(ctx, db.Annotation{ArticleID: id, Kind: "bookmark"}); err == nil {
		t.Error("an unknown kind was restored")
	}
	checkIndexMatchesTable(t, s)
}

func TestRestoreTakesANewIDWhenItsOwnIsTaken(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	id := importOne(t, s, db.NewArticle{Title: "Ferry", Body: ferryBody})
	h := highlight(t, s, id, ferryBody, "Fares", "", "")
	deleted, _ := s.DeleteAnnotation(ctx, h.ID)
	// SQLite gives the freed id to the next annotation.
	taker := highlight(t, s, id, ferryBody, "Gozo", "", "")
	if taker.ID != h.ID {
		t.Skipf("the id was not reused (%d, %d); nothing to test", taker.ID, h.ID)
	}
	restored, err := s.RestoreAnnotation(ctx, deleted)
	if err != nil || restored.ID == h.ID || restored.Exact != "Fares" || restored.UID != h.UID {
		t.Errorf("restore = %+v, %v", restored, err)
	}
	if len(annotationsOf(t, s, id)) != 2 {
		t.Error("the restored highlight replaced the one that took its id")
	}
}

func TestMigrationGivesOldAnnotationsAnIdentity(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir() + "/library.db"
	old, err := db.OpenAtVersion(ctx, path, 2)
	if err != nil {
		t.Fatal(err)
	}
	id := importOld(t, old, db.NewArticle{Title: "Old", Body: "An article with two highlights."})
	for _, exact := range []string{"article", "highlights"} {
		if _, err := old.DB().Exec(`INSERT INTO annotations (article_id, kind, color, exact, created_at, updated_at)
			VALUES (?, 'highlight', 'yellow', ?, 'x', 'x')`, id, exact); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()
	s, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list := annotationsOf(t, s, id)
	if len(list) != 2 || list[0].UID == list[1].UID {
		t.Fatalf("after migrating: %+v", list)
	}
	for _, a := range list {
		if !uidPattern.MatchString(a.UID) {
			t.Errorf("uid %q is not a urn:uuid", a.UID)
		}
	}
}
