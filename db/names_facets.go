package db

import (
	"slices"

	"folio/db/names"
)

// facetKinds are the kinds of names, in the order of nameIndex.mostNamed.
var facetKinds = [3]names.Kind{names.Person, names.Org, names.Place}

// facets counts, over the articles in set, the names of each kind that
// are not hidden, and keeps the facetLimit most frequent of each kind:
// every name of every article found is read, and only the names met are
// looked at again (a library names tens of thousands).
//
// Tried: counting name by name, the most named first, stopping when no
// name left can reach the last kept count. On the BBC-based library of
// 100,000 articles it read more links than this way before it could stop.
func (idx *nameIndex) facets(set bitset, f *Facets) {
	counts := make([]int32, len(idx.names))
	var named []int32 // the names counted, each once
	set.each(func(id int64) {
		if id+1 < int64(len(idx.start)) {
			for _, n := range idx.list[idx.start[id]:idx.start[id+1]] {
				if counts[n] == 0 {
					named = append(named, n)
				}
				counts[n]++
			}
		}
	})
	kinds := [3][]FacetCount{{}, {}, {}}
	for _, n := range named {
		meta := idx.names[n]
		if k := slices.Index(facetKinds[:], meta.kind); k >= 0 && !meta.hidden {
			kinds[k] = keepTop(kinds[k], FacetCount{Value: meta.name, Count: int(counts[n])})
		}
	}
	f.People, f.Orgs, f.Places = kinds[0], kinds[1], kinds[2]
}
