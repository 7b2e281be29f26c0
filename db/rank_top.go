package db

import (
	"container/heap"

	"folio/db/fts5aux"
)

// folio_top ranks a whole match in one call per row: it applies the
// filters (as folio_keep does), scores the rows that pass (as folio_rank
// does) and keeps the best of them in Go. It always returns 0, so the
// statement returns nothing and SQLite neither sorts nor hands rows over:
//
//	SELECT count(*) FROM articles_fts
//	WHERE articles_fts MATCH :expr AND rowid BETWEEN :lo AND :hi AND folio_top(articles_fts, :handle)
//
// One call per row instead of two, and no sorter, is most of what ranking
// a common word costs once the row lengths are in memory.
const topFunction = "folio_top"

// topState is what one statement's folio_top calls share.
type topState struct {
	keep *keepState
	rank *rankState
	best bestScores
}

var topStates fts5aux.Handles[*topState]

// topRow is folio_top for one row.
func topRow(c fts5aux.Call) {
	st, ok := stateOf(c, topFunction, &topStates)
	if !ok {
		return
	}
	c.SetInt(0)
	id := c.Rowid()
	if !st.keep.pass(id) {
		return
	}
	score, err := st.rank.rowScore(c)
	if err != nil {
		c.SetError(err)
		return
	}
	st.best.offer(scored{id: id, score: score})
}

// bestScores keeps the need lowest scores (ties: lowest id), or every
// score when need < 0: a max-heap whose root is the worst kept.
type bestScores struct {
	need int
	list []scored
}

func (b *bestScores) offer(s scored) {
	switch {
	case b.need < 0 || len(b.list) < b.need:
		heap.Push(b, s)
	case b.need > 0 && before(s, b.list[0]):
		b.list[0] = s
		heap.Fix(b, 0)
	}
}

// sorted is what was kept, best first.
func (b *bestScores) sorted() []scored {
	out := b.list
	b.list = nil
	sortScored(out)
	return out
}

// before orders scores as the results are: lower score first, then lower id.
func before(a, b scored) bool {
	return a.score < b.score || (a.score == b.score && a.id < b.id)
}

func (b *bestScores) Len() int           { return len(b.list) }
func (b *bestScores) Less(i, j int) bool { return before(b.list[j], b.list[i]) }
func (b *bestScores) Swap(i, j int)      { b.list[i], b.list[j] = b.list[j], b.list[i] }
func (b *bestScores) Push(x any)         { b.list = append(b.list, x.(scored)) }
func (b *bestScores) Pop() any {
	last := b.list[len(b.list)-1]
	b.list = b.list[:len(b.list)-1]
	return last
}
