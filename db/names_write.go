package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"folio/db/names"
)

// FindNames finds the names in an article as it will be stored: title and
// body read together, the positions kept those in the body.
func FindNames(title, body string) []names.Name { return FindNamesWith(title, body, nil) }

// FindNamesWith is FindNames with what the library knows about people
// (Store.NameLexicon); lex may be nil.
func FindNamesWith(title, body string, lex *names.Lexicon) []names.Name {
	const gap = "\n\n"
	found := names.FindWith(title+gap+namesPart(body), lex)
	offset := len(title) + len(gap)
	for i := range found {
		var spans []names.Span
		for _, sp := range found[i].Spans {
			if sp.Start >= offset {
				spans = append(spans, names.Span{Start: sp.Start - offset, End: sp.End - offset})
			}
		}
		found[i].Spans = spans
	}
	return found
}

// maxNamesText is how much of an article's body names are looked for in:
// a hundred times a long news article. Past it (a book pasted whole), the
// finder's memory, which grows with the text, would decide the import's.
const maxNamesText = 1 << 20

// namesPart is the body, or its first maxNamesText bytes cut at the last
// space before them.
func namesPart(body string) string {
	if len(body) <= maxNamesText {
		return body
	}
	cut := body[:maxNamesText]
	if i := strings.LastIndexAny(cut, " \n"); i > 0 {
		cut = cut[:i]
	}
	return cut
}

// nameWriter links articles to their names inside one transaction,
// creating the names it meets for the first time. It queues the names and
// writes them all at the end, in a handful of statements: a write between
// two articles would make FTS5 write its pending index to disk each time
// (it does so at every statement savepoint), and one statement per name
// costs more than finding the names.
type nameWriter struct {
	tx    *sql.Tx
	ids   *nameIDs
	queue []queuedNames
	added map[string]int64 // ids taken in this transaction: kept only if it commits
}

// queuedNames are an article's names waiting to be written.
type queuedNames struct {
	articleID int64
	found     []names.Name
	fresh     bool // a new article, which has no names yet
}

// nameIDs remembers the ids of names across imports, so that each import
// does not look them up again. Renames and merges, which change what a
// spelling stands for, forget them all.
type nameIDs struct {
	mu  sync.Mutex
	ids map[string]int64 // by nameKey
}

func nameKey(kind names.Kind, name string) string {
	return string(kind) + "\x00" + strings.ToLower(name)
}

func (c *nameIDs) get(key string) (int64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	id, ok := c.ids[key]
	return id, ok
}

func (c *nameIDs) add(m map[string]int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ids == nil {
		c.ids = map[string]int64{}
	}
	for k, v := range m {
		c.ids[k] = v
	}
}

func (c *nameIDs) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ids = nil
}

func newNameWriter(tx *sql.Tx, ids *nameIDs) *nameWriter {
	return &nameWriter{tx: tx, ids: ids, added: map[string]int64{}}
}

// set gives an article its names (replacing those it had) when the
// writer closes. A nil writer (an old schema) does nothing.
func (w *nameWriter) set(articleID int64, found []names.Name, fresh bool) {
	if w != nil {
		w.queue = append(w.queue, queuedNames{articleID, found, fresh})
	}
}

// committed hands the ids taken in the transaction, which committed, to
// the store's memory of them.
func (w *nameWriter) committed() {
	if w != nil {
		w.ids.add(w.added)
	}
}

// close writes the names queued and moves the names' generation, so that
// search reads them again.
func (w *nameWriter) close(ctx context.Context) error {
	if w == nil || len(w.queue) == 0 {
		return nil
	}
	if err := w.resolve(ctx); err != nil {
		return fmt.Errorf("store names: %w", err)
	}
	var stale []int64
	var fresh, others []any
	for _, q := range w.queue {
		links := &fresh
		if !q.fresh {
			stale, links = append(stale, q.articleID), &others
		}
		for _, n := range q.found {
			*links = append(*links, q.articleID, w.added[nameKey(n.Kind, n.Name)], positions(n.Spans))
		}
	}
	if len(stale) > 0 {
		if _, err := w.tx.ExecContext(ctx, `DELETE FROM article_names WHERE article_id IN (SELECT value FROM json_each(?))`,
			jsonText(stale)); err != nil {
			return fmt.Errorf("store names: %w", err)
		}
	}
	err := execRows(ctx, w.tx, 3, func(values string) string {
		return `INSERT OR IGNORE INTO article_names (article_id, name_id, positions) VALUES ` + values
	}, fresh)
	if err != nil {
		return fmt.Errorf("store names: %w", err)
	}
	// An article whose names were found in the background may have been
	// deleted since: it is skipped. A new article is there: it was stored
	// in this transaction.
	err = execRows(ctx, w.tx, 3, func(values string) string {
		return `INSERT OR IGNORE INTO article_names (article_id, name_id, positions)
			SELECT column1, column2, column3 FROM (VALUES ` + values + `)
			WHERE EXISTS (SELECT 1 FROM articles WHERE id = column1)`
	}, others)
	if err != nil {
		return fmt.Errorf("store names: %w", err)
	}
	// Only new articles' names: search reads them on their own.
	rewritten := 0
	if len(stale) > 0 {
		rewritten = 1
	}
	_, err = w.tx.ExecContext(ctx, `UPDATE names_generation SET n = n + 1, rewritten = rewritten + ? WHERE id = 1`, rewritten)
	return err
}

func jsonText(v any) string {
	b, _ := json.Marshal(v) // ints and strings only: cannot fail
	return string(b)
}

// resolve finds the id of every name queued, in w.added: from memory,
// through a rename or merge recorded as an alias, or a name stored
// already; the names still missing are created.
func (w *nameWriter) resolve(ctx context.Context) error {
	var missing [][2]string // kind, name
	for _, q := range w.queue {
		for _, n := range q.found {
			key := nameKey(n.Kind, n.Name)
			if _, ok := w.added[key]; ok {
				continue
			}
			if id, ok := w.ids.get(key); ok {
				w.added[key] = id
				continue
			}
			w.added[key] = 0
			missing = append(missing, [2]string{string(n.Kind), n.Name})
		}
	}
	if len(missing) == 0 {
		return nil
	}
	if err := w.lookUp(ctx, missing); err != nil {
		return err
	}
	var create [][2]string
	for _, m := range missing {
		if w.added[nameKey(names.Kind(m[0]), m[1])] == 0 {
			create = append(create, m)
		}
	}
	if len(create) == 0 {
		return nil
	}
	if _, err := w.tx.ExecContext(ctx, `INSERT OR IGNORE INTO names (kind, name)
		SELECT value ->> 0, value ->> 1 FROM json_each(?)`, jsonText(create)); err != nil {
		return err
	}
	return w.lookUp(ctx, create)
}

// lookUp reads the ids of names, an alias first.
func (w *nameWriter) lookUp(ctx context.Context, list [][2]string) error {
	rows, err := w.tx.QueryContext(ctx, `SELECT j.value ->> 0, j.value ->> 1,
			coalesce((SELECT name_id FROM name_aliases a WHERE a.kind = j.value ->> 0 AND a.alias = j.value ->> 1 COLLATE NOCASE),
				(SELECT id FROM names n WHERE n.kind = j.value ->> 0 AND n.name = j.value ->> 1 COLLATE NOCASE), 0)
		FROM json_each(?) j`, jsonText(list))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var kind, name string
		var id int64
		if err := rows.Scan(&kind, &name, &id); err != nil {
			return err
		}
		if id != 0 {
			w.added[nameKey(names.Kind(kind), name)] = id
		}
	}
	return rows.Err()
}

func positions(spans []names.Span) string {
	var b strings.Builder
	for i, sp := range spans {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(sp.Start))
		b.WriteByte('-')
		b.WriteString(strconv.Itoa(sp.End))
	}
	return b.String()
}

// backfillBatch is how many articles one step of FillNames reads: small
// enough that a search or an import waits little for the write lock.
const backfillBatch = 200

// NamesProgress is how far finding names in the articles stored before
// names were kept has got.
type NamesProgress struct {
	Done  int  `json:"done"`  // articles read
	Total int  `json:"total"` // articles to read in all
	Ready bool `json:"ready"` // every article has its names
}

// NamesProgress reads how far FillNames has got.
func (s *Store) NamesProgress(ctx context.Context) (NamesProgress, error) {
	done, total, ready, err := s.backfillProgress(ctx, "names_backfill")
	if err != nil {
		return NamesProgress{}, fmt.Errorf("read the progress of names: %w", err)
	}
	return NamesProgress{Done: done, Total: total, Ready: ready}, nil
}

// backfillProgress reads how far a pass over the articles stored before a
// feature has got, from its table's cursor (next_id, end_id): the
// articles read, the articles to read in all, and whether it is done.
func (s *Store) backfillProgress(ctx context.Context, table string) (done, total int, ready bool, err error) {
	var next, end int64
	if err := s.db.QueryRowContext(ctx, `SELECT next_id, end_id FROM `+table+` WHERE id = 1`).Scan(&next, &end); err != nil {
		return 0, 0, false, err
	}
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE id < ?), count(*) FROM articles WHERE id <= ?`,
		next, end).Scan(&done, &total)
	return done, total, next > end, err
}

// FillNames finds the names of the articles stored before names were kept,
// a small batch per transaction, and records where it got to with each
// batch, so that it goes on where it stopped after a restart. progress,
// when not nil, is called after each batch. It returns when every article
// has its names or ctx is done.
func (s *Store) FillNames(ctx context.Context, progress func(NamesProgress)) error {
	lex, err := s.NameLexicon(ctx)
	if err != nil {
		return fmt.Errorf("find names: %w", err)
	}
	batch := func(ctx context.Context) (bool, error) { return s.fillNamesBatch(ctx, lex) }
	return fillInBatches(ctx, "find names", batch, s.NamesProgress, progress)
}

// fillInBatches runs a background pass over older articles: batch until
// it says there is no more or ctx is done, reporting what read says after
// each batch to progress, when not nil.
func fillInBatches[P any](ctx context.Context, what string, batch func(context.Context) (bool, error),
	read func(context.Context) (P, error), progress func(P)) error {
	for {
		more, err := batch(ctx)
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		if progress != nil {
			p, err := read(ctx)
			if err != nil {
				return err
			}
			progress(p)
		}
		if !more {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

// fillNamesBatch finds the names of the next batch; more is false when
// there is nothing left.
func (s *Store) fillNamesBatch(ctx context.Context, lex *names.Lexicon) (more bool, err error) {
	type article struct {
		id          int64
		title, body string
	}
	var batch []article
	var next, end int64
	if err := s.db.QueryRowContext(ctx, `SELECT next_id, end_id FROM names_backfill WHERE id = 1`).Scan(&next, &end); err != nil {
		return false, err
	}
	if next > end {
		return false, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, body FROM articles WHERE id >= ? AND id <= ? ORDER BY id LIMIT ?`,
		next, end, backfillBatch)
	if err != nil {
		return false, err
	}
	for rows.Next() {
		var a article
		if err := rows.Scan(&a.id, &a.title, &a.body); err != nil {
			rows.Close()
			return false, err
		}
		batch = append(batch, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, err
	}
	found := make([][]names.Name, len(batch))
	for i, a := range batch { // outside the transaction: the lock is held only to write
		found[i] = FindNamesWith(a.title, a.body, lex)
	}
	last := end
	if len(batch) == backfillBatch {
		last = batch[len(batch)-1].id
	}
	var w *nameWriter
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		w = newNameWriter(tx, s.nameIDs)
		for i, a := range batch {
			w.set(a.id, found[i], false)
		}
		if err := w.close(ctx); err != nil {
			return err
		}
		// Only where it was: a second FillNames running meanwhile moves on too.
		_, err = tx.ExecContext(ctx, `UPDATE names_backfill SET next_id = max(next_id, ?) WHERE id = 1`, last+1)
		return err
	})
	if err == nil {
		w.committed()
	}
	return last < end, err
}
