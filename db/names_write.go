package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"folio/db/names"
)

// FindNames finds the names in an article as it will be stored: title and
// body read together, the positions kept those in the body.
func FindNames(title, body string) []names.Name {
	const gap = "\n\n"
	found := names.Find(title + gap + body)
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

// nameWriter links articles to their names inside one transaction,
// creating the names it meets for the first time.
type nameWriter struct {
	tx     *sql.Tx
	ids    map[string]int64 // by kind and lower-cased name
	link   *sql.Stmt
	unlink *sql.Stmt
	wrote  bool
}

func newNameWriter(ctx context.Context, tx *sql.Tx) (*nameWriter, error) {
	w := &nameWriter{tx: tx, ids: map[string]int64{}}
	var err error
	if w.link, err = tx.PrepareContext(ctx,
		`INSERT OR IGNORE INTO article_names (article_id, name_id, positions) VALUES (?, ?, ?)`); err != nil {
		return nil, err
	}
	if w.unlink, err = tx.PrepareContext(ctx, `DELETE FROM article_names WHERE article_id = ?`); err != nil {
		w.link.Close()
		return nil, err
	}
	return w, nil
}

// close moves the names' generation when anything was written, so that
// search reads them again. A nil writer (an old schema) does nothing.
func (w *nameWriter) close(ctx context.Context) error {
	if w == nil {
		return nil
	}
	w.link.Close()
	w.unlink.Close()
	if !w.wrote {
		return nil
	}
	_, err := w.tx.ExecContext(ctx, `UPDATE names_generation SET n = n + 1 WHERE id = 1`)
	return err
}

// set replaces the names of an article.
func (w *nameWriter) set(ctx context.Context, articleID int64, found []names.Name) error {
	if w == nil {
		return nil
	}
	if _, err := w.unlink.ExecContext(ctx, articleID); err != nil {
		return fmt.Errorf("names of article %d: %w", articleID, err)
	}
	w.wrote = true
	for _, n := range found {
		id, err := w.id(ctx, n.Kind, n.Name)
		if err != nil {
			return fmt.Errorf("name %q: %w", n.Name, err)
		}
		if _, err := w.link.ExecContext(ctx, articleID, id, positions(n.Spans)); err != nil {
			return fmt.Errorf("name %q: %w", n.Name, err)
		}
	}
	return nil
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

// id returns the id of a name, following a rename or merge recorded as an
// alias, and creating the name when it is new.
func (w *nameWriter) id(ctx context.Context, kind names.Kind, name string) (int64, error) {
	key := string(kind) + "\x00" + strings.ToLower(name)
	if id, ok := w.ids[key]; ok {
		return id, nil
	}
	var id int64
	err := w.tx.QueryRowContext(ctx, `SELECT name_id FROM name_aliases WHERE kind = ? AND alias = ? COLLATE NOCASE
		UNION ALL SELECT id FROM names WHERE kind = ? AND name = ? COLLATE NOCASE LIMIT 1`,
		kind, name, kind, name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		var res sql.Result
		res, err = w.tx.ExecContext(ctx, `INSERT INTO names (name, kind) VALUES (?, ?)`, name, kind)
		if err == nil {
			id, err = res.LastInsertId()
		}
	}
	if err != nil {
		return 0, err
	}
	w.ids[key] = id
	return id, nil
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
	var next, end int64
	if err := s.db.QueryRowContext(ctx, `SELECT next_id, end_id FROM names_backfill WHERE id = 1`).Scan(&next, &end); err != nil {
		return NamesProgress{}, fmt.Errorf("read the progress of names: %w", err)
	}
	var p NamesProgress
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE id < ?), count(*) FROM articles WHERE id <= ?`,
		next, end).Scan(&p.Done, &p.Total)
	if err != nil {
		return NamesProgress{}, fmt.Errorf("read the progress of names: %w", err)
	}
	p.Ready = next > end
	return p, nil
}

// FillNames finds the names of the articles stored before names were kept,
// a small batch per transaction, and records where it got to with each
// batch, so that it goes on where it stopped after a restart. progress,
// when not nil, is called after each batch. It returns when every article
// has its names or ctx is done.
func (s *Store) FillNames(ctx context.Context, progress func(NamesProgress)) error {
	for {
		more, err := s.fillNamesBatch(ctx)
		if err != nil {
			return fmt.Errorf("find names: %w", err)
		}
		if progress != nil {
			p, err := s.NamesProgress(ctx)
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
func (s *Store) fillNamesBatch(ctx context.Context) (more bool, err error) {
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
		found[i] = FindNames(a.title, a.body)
	}
	last := end
	if len(batch) == backfillBatch {
		last = batch[len(batch)-1].id
	}
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		w, err := newNameWriter(ctx, tx)
		if err != nil {
			return err
		}
		for i, a := range batch {
			if err := w.set(ctx, a.id, found[i]); err != nil {
				w.close(ctx)
				return err
			}
		}
		if err := w.close(ctx); err != nil {
			return err
		}
		// Only where it was: a second FillNames running meanwhile moves on too.
		_, err = tx.ExecContext(ctx, `UPDATE names_backfill SET next_id = max(next_id, ?) WHERE id = 1`, last+1)
		return err
	})
	return last < end, err
}
