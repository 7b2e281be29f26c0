package db

import (
	"cmp"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Facets counts the articles a search found by tag, by year of publication,
// by source, and by the people, organisations and places they name; a
// story's versions count once, as its earliest version found.
type Facets struct {
	Tags    []FacetCount `json:"tags"`    // most frequent first
	Years   []FacetCount `json:"years"`   // newest first; "no date" last
	Sources []FacetCount `json:"sources"` // most frequent first
	People  []FacetCount `json:"people"`  // most frequent first
	Orgs    []FacetCount `json:"orgs"`    // most frequent first
	Places  []FacetCount `json:"places"`  // most frequent first
}

// FacetCount is how many articles found have one value.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// facetLimit is how many values each facet lists.
const facetLimit = 20

// NoDate is the Years facet value for articles without a publication date.
const NoDate = "no date"

func emptyFacets() Facets {
	return Facets{Tags: []FacetCount{}, Years: []FacetCount{}, Sources: []FacetCount{},
		People: []FacetCount{}, Orgs: []FacetCount{}, Places: []FacetCount{}}
}

// facets counts over every article in the set, from memory.
func (m *searchMeta) facets(set bitset) Facets {
	c := m.newFacetCounter()
	set.each(c.add)
	return c.result()
}

// facetCounter adds up articles one by one; an article may be added more
// than once (one per note found in it).
type facetCounter struct {
	m       *searchMeta
	tags    []int
	sources []int
	years   []int // by year; 0 for undated
}

func (m *searchMeta) newFacetCounter() *facetCounter {
	return &facetCounter{m: m, tags: make([]int, len(m.tags)), sources: make([]int, len(m.sources)),
		years: make([]int, maxYear+1)}
}

// maxYear bounds the years counted; a date beyond it counts as undated.
const maxYear = 9999

func (c *facetCounter) add(id int64) {
	m := c.m
	if id < 0 || id > m.maxID {
		return
	}
	for _, t := range m.tagList[m.tagStart[id]:m.tagStart[id+1]] {
		c.tags[t]++
	}
	c.sources[m.source[id]]++
	year := m.published[id] / 10000
	if year < 0 || year > maxYear {
		year = 0
	}
	c.years[year]++
}

func (c *facetCounter) result() Facets {
	f := emptyFacets()
	for i, n := range c.tags {
		if n > 0 {
			f.Tags = append(f.Tags, FacetCount{Value: c.m.tags[i].name, Count: n})
		}
	}
	for i, n := range c.sources {
		if n > 0 && c.m.sources[i] != "" {
			f.Sources = append(f.Sources, FacetCount{Value: c.m.sources[i], Count: n})
		}
	}
	f.Tags = top(f.Tags)
	f.Sources = top(f.Sources)
	undated := c.years[0]
	for year, n := range c.years {
		if year != 0 && n > 0 {
			f.Years = append(f.Years, FacetCount{Value: strconv.Itoa(int(year)), Count: n})
		}
	}
	f.Years = top(f.Years)
	slices.SortFunc(f.Years, func(a, b FacetCount) int {
		x, _ := strconv.Atoi(a.Value)
		y, _ := strconv.Atoi(b.Value)
		return y - x
	})
	if undated > 0 {
		f.Years = append(f.Years, FacetCount{Value: NoDate, Count: undated})
	}
	return f
}

// top keeps the facetLimit most frequent values, ties by value.
// A search can count tens of thousands of names: only the values that
// beat the last kept are placed, so the cost is one pass over the list.
func top(list []FacetCount) []FacetCount {
	kept := make([]FacetCount, 0, facetLimit+1)
	for _, f := range list {
		kept = keepTop(kept, f)
	}
	return kept
}

// keepTop places f among kept, the facetLimit first values so far in
// order, if it belongs there.
func keepTop(kept []FacetCount, f FacetCount) []FacetCount {
	if len(kept) == facetLimit && compareFacets(f, kept[facetLimit-1]) >= 0 {
		return kept
	}
	at, _ := slices.BinarySearchFunc(kept, f, compareFacets)
	kept = slices.Insert(kept, at, f)
	if len(kept) > facetLimit {
		kept = kept[:facetLimit]
	}
	return kept
}

// compareFacets orders facet values as they are listed: more frequent
// first, then by value regardless of case.
func compareFacets(a, b FacetCount) int {
	if a.Count != b.Count {
		return b.Count - a.Count
	}
	return compareFold(a.Value, b.Value)
}

// compareFold compares strings as their lower-case forms compare, without
// making them.
func compareFold(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if la, lb := unicode.ToLower(ra), unicode.ToLower(rb); la != lb {
			return cmp.Compare(la, lb)
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b))
}
