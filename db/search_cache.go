package db

import (
	"context"
	"fmt"
	"sync"

	"folio/db/query"
)

// resultCache keeps the last few searches of a library state, so that the
// next page, a change of order back and forth, or the same search typed
// again does not rank every match again. Entries belong to the searchMeta
// they were computed with; a new one (the library changed) empties it.
type resultCache struct {
	mu      sync.Mutex
	meta    *searchMeta
	entries []cacheEntry // most recent last
}

type cacheEntry struct {
	key string
	f   found
	all bool // f.order holds every hit, not just the first ones
}

// resultCacheSize is how many searches are kept.
const resultCacheSize = 16

func cacheKey(q query.Query, sort Sort) string {
	return fmt.Sprintf("%s\x00%s\x00%s\x00%s\x00%v", sort, q.Match, q.Loose, q.Exclude, q.Filters)
}

func (c *resultCache) get(m *searchMeta, key string, need int) (found, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.meta != m {
		return found{}, false
	}
	for i := len(c.entries) - 1; i >= 0; i-- {
		e := c.entries[i]
		if e.key == key && (e.all || (need >= 0 && len(e.f.order) >= need)) {
			return e.f, true
		}
	}
	return found{}, false
}

func (c *resultCache) put(m *searchMeta, key string, f found, need int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.meta != m {
		c.meta, c.entries = m, nil
	}
	for i, e := range c.entries {
		if e.key == key {
			c.entries = append(c.entries[:i], c.entries[i+1:]...)
			break
		}
	}
	if len(c.entries) >= resultCacheSize {
		c.entries = c.entries[1:]
	}
	c.entries = append(c.entries, cacheEntry{key: key, f: f, all: need < 0 || len(f.order) < need})
}

// cachedFind is find through the cache. The set and the order it returns
// are shared: callers only read them.
func (s *Store) cachedFind(ctx context.Context, m *searchMeta, q query.Query, sort Sort, need int) (found, error) {
	cache := &s.search.results
	key := cacheKey(q, sort)
	if f, ok := cache.get(m, key, need); ok {
		return f, nil
	}
	// Ask for a few pages at once: scrolling on is the likely next step.
	want := need
	if need >= 0 {
		want = max(need, 4*DefaultSearchLimit)
	}
	f, err := s.find(ctx, m, q, sort, want)
	if err != nil {
		return found{}, err
	}
	cache.put(m, key, f, want)
	return f, nil
}
