package db

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
)

// randomNameIndex is an index of n articles naming names of every kind,
// a few names very often and most rarely (as news does), some hidden.
func randomNameIndex(r *rand.Rand, articles, nameCount int) *nameIndex {
	idx := &nameIndex{maxArticle: int64(articles), byID: map[int64]int32{}}
	for i := 0; i < nameCount; i++ {
		idx.names = append(idx.names, nameMeta{id: int64(i + 1), name: fmt.Sprintf("Name %c%d", 'a'+rune(r.Intn(3)), i%50),
			kind: facetKinds[r.Intn(3)], hidden: r.Intn(20) == 0})
		idx.articles = append(idx.articles, nil)
	}
	for a := 1; a <= articles; a++ {
		seen := map[int]bool{}
		for j := r.Intn(12); j > 0; j-- {
			n := int(float64(nameCount) * r.Float64() * r.Float64() * r.Float64()) // skewed to the first names
			if !seen[n] {
				seen[n] = true
				idx.articles[n] = append(idx.articles[n], int32(a))
			}
		}
	}
	idx.place(nil)
	return idx
}

// plainFacets counts every name of every article found, the obvious way.
func plainFacets(idx *nameIndex, set bitset) [3][]FacetCount {
	counts := map[int]int{}
	set.each(func(id int64) {
		if id+1 < int64(len(idx.start)) {
			for _, n := range idx.list[idx.start[id]:idx.start[id+1]] {
				counts[int(n)]++
			}
		}
	})
	var lists [3][]FacetCount
	for n, c := range counts {
		for k, kind := range facetKinds {
			if idx.names[n].kind == kind && !idx.names[n].hidden {
				lists[k] = append(lists[k], FacetCount{Value: idx.names[n].name, Count: c})
			}
		}
	}
	return [3][]FacetCount{top(lists[0]), top(lists[1]), top(lists[2])}
}

func TestNameFacetsAreTheExhaustiveCount(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	idx := randomNameIndex(r, 3000, 400)
	for trial := 0; trial < 300; trial++ {
		set := newBitset(idx.maxArticle + 5)
		density := []float64{0.001, 0.01, 0.1, 0.5, 0.9, 1}[trial%6]
		for a := int64(1); a <= idx.maxArticle+4; a++ { // a few ids past the index: newer articles
			if r.Float64() < density {
				set.set(a)
			}
		}
		var f Facets
		idx.facets(set, &f)
		if got, want := [3][]FacetCount{f.People, f.Orgs, f.Places}, plainFacets(idx, set); !reflect.DeepEqual(got, want) {
			t.Fatalf("density %.3f:\n got %v\nwant %v", density, got, want)
		}
	}
}

func TestNameFacetsOfNothingAreEmptyLists(t *testing.T) {
	idx := randomNameIndex(rand.New(rand.NewSource(1)), 100, 20)
	var f Facets
	idx.facets(newBitset(idx.maxArticle), &f)
	if f.People == nil || f.Orgs == nil || f.Places == nil || len(f.People)+len(f.Orgs)+len(f.Places) != 0 {
		t.Errorf("facets of no article: %#v, want empty lists (JSON [])", f)
	}
}
