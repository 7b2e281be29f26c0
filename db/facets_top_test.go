package db

import (
	"math/rand"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// top keeps what sorting the whole list and cutting it would keep.
func TestTopFacetsIsTheSortedHead(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	words := []string{"Blair", "blair", "Brown", "Éric", "eric", "Ümit", "Zoe", "al", "Al Jazeera", "BBC"}
	for range 500 {
		var list []FacetCount
		for range rng.Intn(60) {
			list = append(list, FacetCount{Value: words[rng.Intn(len(words))] + strconv.Itoa(rng.Intn(5)), Count: rng.Intn(6)})
		}
		want := slices.Clone(list)
		slices.SortStableFunc(want, func(a, b FacetCount) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(strings.ToLower(a.Value), strings.ToLower(b.Value))
		})
		want = want[:min(len(want), facetLimit)]
		got := top(slices.Clone(list))
		if len(got) != len(want) {
			t.Fatalf("%d kept, want %d", len(got), len(want))
		}
		for i := range got {
			if got[i].Count != want[i].Count || !strings.EqualFold(got[i].Value, want[i].Value) {
				t.Fatalf("at %d: %v, want %v", i, got, want)
			}
		}
	}
}
