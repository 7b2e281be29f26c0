package db

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
)

// sameIndex fails unless two name indexes hold the same names and links.
func sameIndex(t *testing.T, got, want *nameIndex) {
	t.Helper()
	if len(got.names) != len(want.names) || got.maxArticle != want.maxArticle {
		t.Fatalf("%d names up to article %d, want %d up to %d", len(got.names), got.maxArticle, len(want.names), want.maxArticle)
	}
	byName := func(idx *nameIndex, i int) []int32 {
		return slices.Sorted(slices.Values(idx.articles[i]))
	}
	for i := range want.names {
		j, ok := got.byID[want.names[i].id]
		if !ok || got.names[j] != want.names[i] || !slices.Equal(byName(got, int(j)), byName(want, i)) {
			t.Errorf("name %+v: articles %v, want %v", want.names[i], byName(got, int(j)), byName(want, i))
		}
	}
	for id := int64(0); id <= want.maxArticle; id++ {
		names := func(idx *nameIndex) []int64 {
			var out []int64
			for _, n := range idx.list[idx.start[id]:idx.start[id+1]] {
				out = append(out, idx.names[n].id)
			}
			slices.Sort(out)
			return out
		}
		if g, w := names(got), names(want); !slices.Equal(g, w) {
			t.Errorf("article %d: names %v, want %v", id, g, w)
		}
	}
}

func TestNameIndexReadsImportsOnTheirOwn(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	people := []string{"Tony Blair", "Gordon Brown", "Angela Merkel", "Jacques Chirac"}
	cities := []string{"London", "Paris", "Berlin", "Moscow", "Madrid"}
	var first *nameIndex
	for batch := range 4 {
		var arts []NewArticle
		for i := range 5 {
			k := batch*5 + i
			arts = append(arts, NewArticle{Title: fmt.Sprintf("Report %d", k),
				Body: fmt.Sprintf("%s met %s in %s on Monday. Mr %s said the talks in %s went well (item %d).",
					people[k%4], people[(k+1+batch)%4], cities[k%5], people[k%4][5:], cities[(k+2)%5], k)})
		}
		if _, err := s.ImportArticles(ctx, arts); err != nil {
			t.Fatal(err)
		}
		idx, err := s.nameIndex(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if batch == 0 {
			first = idx
		}
		full, err := s.loadNameIndex(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		sameIndex(t, idx, full)
	}
	if got, _ := s.nameIndex(ctx); got.generation.rewritten != first.generation.rewritten {
		t.Error("imports alone moved the counter that asks for a full read")
	}
	// A rename is read in full, and the index still agrees.
	list, _ := s.ListNames(ctx, NameFilter{Kind: "person"})
	if _, err := s.RenameName(ctx, list[0].ID, "Someone Else"); err != nil {
		t.Fatal(err)
	}
	idx, _ := s.nameIndex(ctx)
	full, _ := s.loadNameIndex(ctx, nil)
	sameIndex(t, idx, full)
	if idx.generation.rewritten == first.generation.rewritten {
		t.Error("a rename did not ask for a full read")
	}
}
