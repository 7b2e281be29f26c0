package db

import (
	"context"
	"database/sql"

	"folio/db/query"
)

// Search shows a story once, as the list does: of the versions a search
// finds, the one it ranks (or sorts) first stands for the story, with
// its "N versions". Totals and facets count stories the same way: each
// story once, through its earliest version found. Versions in the Trash
// are never found, so a story whose first version is in the Trash is
// found through its next.

// storyMeta is which story each article belongs to, for searchMeta.
type storyMeta struct {
	story   []int32 // by id: the story's first article; 0 for an article alone. nil when no story has two versions
	members []int32 // ids of the articles in stories, ascending
	stories int     // how many stories members make
}

// loadStories reads the stories of two or more versions (migration 010);
// a library without story_id has none.
func (m *searchMeta) loadStories(ctx context.Context, tx *sql.Tx) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'story_id'`).Scan(&n); err != nil || n == 0 {
		return err
	}
	var packed sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT group_concat(id || ' ' || story_id, ' ')
		FROM (SELECT id, story_id FROM articles WHERE story_id IS NOT NULL ORDER BY id)`).Scan(&packed)
	if err != nil || !packed.Valid {
		return err
	}
	pairs := intFields(packed.String)
	m.story = make([]int32, m.maxID+1)
	seen := map[int32]bool{}
	for i := 0; i+1 < len(pairs); i += 2 {
		id, story := pairs[i], pairs[i+1]
		if id < 1 || id > m.maxID || story < 1 || story > m.maxID {
			continue
		}
		m.story[id] = int32(story)
		m.members = append(m.members, int32(id))
		if !seen[int32(story)] {
			seen[int32(story)] = true
			m.stories++
		}
	}
	return nil
}

// spareVersions is how many articles, at most, a first page of hits may
// hold beyond one per story.
func (m *searchMeta) spareVersions() int { return len(m.members) - m.stories }

// oneByStory keeps the first hit of each story, in order.
func (m *searchMeta) oneByStory(order []scored) []scored {
	if m.story == nil {
		return order
	}
	out := make([]scored, 0, len(order))
	seen := map[int32]bool{}
	for _, h := range order {
		if st := m.story[h.id]; st != 0 {
			if seen[st] {
				continue
			}
			seen[st] = true
		}
		out = append(out, h)
	}
	return out
}

// storiesOf returns the set with each story's later versions taken out
// when an earlier one is in it: one member per story, to count.
func (m *searchMeta) storiesOf(set bitset) bitset {
	if m.story == nil {
		return set
	}
	var out bitset
	seen := map[int32]bool{}
	for _, id := range m.members {
		if !set.has(int64(id)) {
			continue
		}
		st := m.story[id]
		if !seen[st] {
			seen[st] = true
			continue
		}
		if out == nil {
			out = append(bitset(nil), set...)
		}
		out[id>>6] &^= 1 << (id & 63)
	}
	if out == nil {
		return set
	}
	return out
}

// find is what a search finds, a story once (see findArticles for the
// articles): the first need stories in order, the total and the set
// counting stories. The articles are ranked deep enough to hold need
// stories: need plus the library's spare versions when they are few (so
// one pass is enough), else twice as deep until they do or every hit is
// in order. The first hit of each story in a prefix of the ranking is its
// first hit in the whole, so the page is exact.
func (s *Store) find(ctx context.Context, m *searchMeta, q query.Query, sort Sort, need int) (found, error) {
	want := need
	if need >= 0 && m.story != nil {
		want = need + min(m.spareVersions(), max(need, 1))
	}
	for {
		f, err := s.findArticles(ctx, m, q, sort, want)
		if err != nil || m.story == nil {
			return f, err
		}
		order := m.oneByStory(f.order)
		if want < 0 || len(f.order) < want || len(order) >= need {
			if need >= 0 && len(order) > need {
				order = order[:need]
			}
			f.order = order
			f.set = m.storiesOf(f.set)
			f.total = f.set.count()
			return f, nil
		}
		want *= 2
		if want > m.live {
			want = -1
		}
	}
}
