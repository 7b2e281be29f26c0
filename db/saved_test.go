package db_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"folio/db"
	"folio/db/dbtest"
)

func savedList(t *testing.T, s *db.Store) string {
	t.Helper()
	list, err := s.SavedSearches(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i, ss := range list {
		if ss.Position != i {
			t.Errorf("%q is at position %d, listed %d", ss.Name, ss.Position, i)
		}
		out = append(out, fmt.Sprintf("%s=%s", ss.Name, ss.Query))
	}
	return strings.Join(out, " | ")
}

func TestSaveSearch(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	if list, err := s.SavedSearches(ctx); err != nil || list == nil || len(list) != 0 {
		t.Fatalf("no saved searches = %v, %v; want []", list, err)
	}
	energy, err := s.SaveSearch(ctx, "  Energy   crisis ", " diesel OR petrol ")
	if err != nil {
		t.Fatal(err)
	}
	if energy.ID == 0 || energy.Name != "Energy crisis" || energy.Query != "diesel OR petrol" || energy.Position != 0 {
		t.Errorf("saved = %+v", energy)
	}
	if _, err := s.SaveSearch(ctx, "Korea", "tag:asia korea"); err != nil {
		t.Fatal(err)
	}
	_, err = s.SaveSearch(ctx, "ENERGY CRISIS", "other")
	if !errors.Is(err, db.ErrConflict) || !strings.Contains(err.Error(), `already a saved search named "Energy crisis"`) {
		t.Errorf("a taken name in another case: %v, want ErrConflict naming it", err)
	}
	for _, c := range []struct{ name, query, err string }{
		{"", "x", "needs a name"},
		{"x", "  ", "query is empty"},
		{strings.Repeat("n", 101), "x", "at most 100"},
		{"long", strings.Repeat("q", 2001), "at most 2000"},
	} {
		if _, err := s.SaveSearch(ctx, c.name, c.query); err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("SaveSearch(%.10q, %.10q) = %v, want an error saying %q", c.name, c.query, err, c.err)
		}
	}
	if got := savedList(t, s); got != "Energy crisis=diesel OR petrol | Korea=tag:asia korea" {
		t.Errorf("saved searches = %s", got)
	}
}

func TestRenameAndDeleteSavedSearch(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	a, _ := s.SaveSearch(ctx, "Alpha", "a")
	s.SaveSearch(ctx, "Beta", "b")
	got, err := s.RenameSavedSearch(ctx, a.ID, "ALPHA")
	if err != nil || got.Name != "ALPHA" || got.Query != "a" || got.ID != a.ID {
		t.Errorf("renaming to its own name in another case = %+v, %v", got, err)
	}
	if _, err := s.RenameSavedSearch(ctx, a.ID, "beta"); !errors.Is(err, db.ErrConflict) {
		t.Errorf("renaming onto another's name: %v, want ErrConflict", err)
	}
	if _, err := s.RenameSavedSearch(ctx, 999, "Gamma"); !errors.Is(err, db.ErrNotFound) {
		t.Errorf("renaming a missing one: %v, want ErrNotFound", err)
	}
	if _, err := s.RenameSavedSearch(ctx, a.ID, " "); err == nil {
		t.Error("renamed to an empty name")
	}
	if err := s.DeleteSavedSearch(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSavedSearch(ctx, a.ID); !errors.Is(err, db.ErrNotFound) {
		t.Errorf("deleting twice: %v, want ErrNotFound", err)
	}
	if got := savedList(t, s); got != "Beta=b" {
		t.Errorf("saved searches = %s", got)
	}
}

func TestReorderSavedSearches(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	var ids []int64
	for _, n := range []string{"a", "b", "c", "d"} {
		ss, err := s.SaveSearch(ctx, n, n)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, ss.ID)
	}
	if err := s.ReorderSavedSearches(ctx, []int64{ids[3], ids[1], ids[0], ids[2]}); err != nil {
		t.Fatal(err)
	}
	if got := savedList(t, s); got != "d=d | b=b | a=a | c=c" {
		t.Errorf("after reordering: %s", got)
	}
	// Those left out keep their order after the listed ones.
	if err := s.ReorderSavedSearches(ctx, []int64{ids[2]}); err != nil {
		t.Fatal(err)
	}
	if got := savedList(t, s); got != "c=c | d=d | b=b | a=a" {
		t.Errorf("after moving c first: %s", got)
	}
	for _, bad := range [][]int64{{ids[0], 999}, {ids[1], ids[1]}} {
		if err := s.ReorderSavedSearches(ctx, bad); err == nil {
			t.Errorf("reorder %v accepted", bad)
		}
	}
	if got := savedList(t, s); got != "c=c | d=d | b=b | a=a" {
		t.Errorf("a refused reorder changed the order: %s", got)
	}
	// A new one goes last.
	s.SaveSearch(ctx, "e", "e")
	if got := savedList(t, s); !strings.HasSuffix(got, "a=a | e=e") {
		t.Errorf("a new saved search is not last: %s", got)
	}
}
