package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// NewArticle is an article read from a file, ready to be stored.
type NewArticle struct {
	Title     string
	Byline    string
	Source    string
	URL       string
	Published string // YYYY-MM-DD or ""
	Body      string // canonical plain text
	HTML      string // sanitized HTML or ""
	Path      string // the file (or file#entry) it came from
	Tags      []string
}

// Import statuses.
const (
	StatusImported  = "imported"
	StatusDuplicate = "duplicate"
	StatusUpdated   = "updated"
)

// ImportOutcome says what storing one NewArticle did.
type ImportOutcome struct {
	Status string
	ID     int64  // the new, updated, or already stored article
	Title  string // of that article
}

// ContentHash identifies an article's text whatever its whitespace and case,
// so the same article saved twice under two names is stored once.
func ContentHash(title, body string) string {
	h := sha256.New()
	writeFolded(h, title)
	h.Write([]byte{'\n'})
	writeFolded(h, body)
	return hex.EncodeToString(h.Sum(nil))
}

// writeFolded writes s lower-cased with every run of white space as one space.
func writeFolded(w interface{ Write([]byte) (int, error) }, s string) {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.TrimSpace(s) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	w.Write([]byte(b.String()))
}

// WordCount counts the words of a text the way the reader shows them.
func WordCount(text string) int {
	return len(strings.Fields(text))
}

// ImportArticles stores a batch of articles in one transaction. Each is
// stored, recognised as a duplicate of an article already there, or, when
// it comes from the same path as a stored article and is an edit of it,
// updates that article in place (keeping its tags and annotations).
// Either the whole batch is stored or none of it.
func (s *Store) ImportArticles(ctx context.Context, batch []NewArticle) ([]ImportOutcome, error) {
	out := make([]ImportOutcome, len(batch))
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		w, err := newImportWriter(ctx, tx, s.timestamp())
		if err != nil {
			return err
		}
		defer w.close()
		for i, a := range batch {
			if out[i], err = w.store(ctx, a); err != nil {
				return fmt.Errorf("store %q: %w", a.Path, err)
			}
		}
		if err := w.versions.flush(ctx); err != nil {
			return fmt.Errorf("group the versions of stories: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	return out, nil
}

// importWriter holds the statements of one import transaction, prepared once.
type importWriter struct {
	tx        *sql.Tx
	now       string
	byHash    *sql.Stmt
	byPath    *sql.Stmt
	insert    *sql.Stmt
	untrash   *sql.Stmt
	tags      *tagWriter
	versions  *versionFinder
	reanchor  func(ctx context.Context, id int64, oldBody, newBody string) error
	statement []*sql.Stmt
}

func newImportWriter(ctx context.Context, tx *sql.Tx, now string) (*importWriter, error) {
	w := &importWriter{tx: tx, now: now}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.PrepareContext(ctx, q)
		w.statement = append(w.statement, st)
		return st
	}
	w.byHash = prep(`SELECT id, title, deleted_at IS NOT NULL FROM articles WHERE content_hash = ?`)
	w.byPath = prep(`SELECT id, title, body FROM articles WHERE path = ? AND deleted_at IS NULL ORDER BY id DESC LIMIT 1`)
	w.insert = prep(`INSERT INTO articles (title, byline, source, url, published, imported_at, body, html,
		word_count, content_hash, path) VALUES (?, ?, ?, ?, nullif(?, ''), ?, ?, nullif(?, ''), ?, ?, ?)`)
	w.untrash = prep(`UPDATE articles SET deleted_at = NULL WHERE id = ?`)
	if err != nil {
		w.close()
		return nil, err
	}
	w.tags = newTagWriter(tx)
	w.versions = newVersionFinder(ctx, tx)
	w.reanchor = func(ctx context.Context, id int64, oldBody, newBody string) error {
		return reanchorArticle(ctx, tx, id, oldBody, newBody, now)
	}
	return w, nil
}

func (w *importWriter) close() {
	for _, st := range w.statement {
		if st != nil {
			st.Close()
		}
	}
}

func (w *importWriter) store(ctx context.Context, a NewArticle) (ImportOutcome, error) {
	hash := ContentHash(a.Title, a.Body)
	var o ImportOutcome
	var trashed bool
	err := w.byHash.QueryRowContext(ctx, hash).Scan(&o.ID, &o.Title, &trashed)
	switch {
	case err == nil:
		o.Status = StatusDuplicate
		if trashed { // bringing back what the person dropped again
			if _, err := w.untrash.ExecContext(ctx, o.ID); err != nil {
				return o, err
			}
		}
		return o, w.tags.apply(ctx, o.ID, a.Tags)
	case !errors.Is(err, sql.ErrNoRows):
		return o, err
	}
	if a.Path != "" {
		updated, ok, err := w.updateEdited(ctx, a, hash)
		if err != nil || ok {
			return updated, err
		}
	}
	res, err := w.insert.ExecContext(ctx, a.Title, a.Byline, a.Source, a.URL, a.Published, w.now,
		a.Body, a.HTML, WordCount(a.Body), hash, a.Path)
	if err != nil {
		return o, err
	}
	o = ImportOutcome{Status: StatusImported, Title: a.Title}
	if o.ID, err = res.LastInsertId(); err != nil {
		return o, err
	}
	w.versions.add(o.ID, a.Title, a.Body)
	return o, w.tags.apply(ctx, o.ID, a.Tags)
}

// updateEdited replaces the text of the article last imported from the same
// path when the new text is an edit of it, re-anchoring its annotations.
// Two unrelated files that merely share a name (two "index.html") stay two
// articles.
func (w *importWriter) updateEdited(ctx context.Context, a NewArticle, hash string) (ImportOutcome, bool, error) {
	var id int64
	var title, body string
	err := w.byPath.QueryRowContext(ctx, a.Path).Scan(&id, &title, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return ImportOutcome{}, false, nil
	}
	if err != nil {
		return ImportOutcome{}, false, err
	}
	if !isEditOf(title, body, a.Title, a.Body) {
		return ImportOutcome{}, false, nil
	}
	_, err = w.tx.ExecContext(ctx, `UPDATE articles SET title = ?, byline = ?, source = ?, url = ?,
		published = nullif(?, ''), body = ?, html = nullif(?, ''), word_count = ?, content_hash = ?
		WHERE id = ?`, a.Title, a.Byline, a.Source, a.URL, a.Published, a.Body, a.HTML,
		WordCount(a.Body), hash, id)
	if err != nil {
		return ImportOutcome{}, false, err
	}
	if err := w.reanchor(ctx, id, body, a.Body); err != nil {
		return ImportOutcome{}, false, err
	}
	return ImportOutcome{Status: StatusUpdated, ID: id, Title: a.Title}, true, w.tags.apply(ctx, id, a.Tags)
}

// isEditOf reports whether the new text is a revision of the old one: the
// same title, or most of the old words still there.
func isEditOf(oldTitle, oldBody, newTitle, newBody string) bool {
	if strings.EqualFold(strings.TrimSpace(oldTitle), strings.TrimSpace(newTitle)) {
		return true
	}
	oldWords := wordSet(oldBody)
	if len(oldWords) == 0 {
		return false
	}
	kept := 0
	for w := range wordSet(newBody) {
		if oldWords[w] {
			kept++
		}
	}
	return kept*2 >= len(oldWords)
}

func wordSet(text string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(text)) {
		set[w] = true
	}
	return set
}

// ftsTables are the full-text indexes an import writes to.
var ftsTables = []string{"articles_fts"}

// bulkImport is how many files make an import large enough to pause the
// indexes' incremental merging.
const bulkImport = 1000

// BeforeImport readies the library for an import of files files. For a
// large one, FTS5's incremental merging of index segments is paused: the
// import ends with one full merge (AfterImport) instead of merging the same
// postings again and again as batches arrive.
func (s *Store) BeforeImport(ctx context.Context, files int) error {
	if files < bulkImport {
		return nil
	}
	return s.setAutomerge(ctx, 0)
}

// AfterImport keeps searching fast after an import: incremental merging
// is resumed, and when the import added at least a tenth of the library
// (and a few hundred articles), or merging was paused, the full-text
// indexes are merged into one segment each, so ranking a common word reads
// one posting list instead of one per segment.
func (s *Store) AfterImport(ctx context.Context, added int) error {
	paused, err := s.mergingPaused(ctx)
	if err != nil {
		return err
	}
	if paused {
		if err := s.setAutomerge(ctx, defaultAutomerge); err != nil {
			return err
		}
	}
	if added < 500 && !paused {
		return nil
	}
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&total); err != nil {
		return fmt.Errorf("count articles: %w", err)
	}
	if added*10 < total && !paused {
		return nil
	}
	return s.Optimize(ctx)
}

// defaultAutomerge is FTS5's own default.
const defaultAutomerge = 4

func (s *Store) setAutomerge(ctx context.Context, n int) error {
	for _, t := range ftsTables {
		if _, err := s.db.ExecContext(ctx, `INSERT INTO `+t+` (`+t+`, rank) VALUES ('automerge', ?)`, n); err != nil {
			return fmt.Errorf("set index merging: %w", err)
		}
	}
	return nil
}

// mergingPaused reports whether an import paused merging and did not
// resume it (it was killed, say).
func (s *Store) mergingPaused(ctx context.Context) (bool, error) {
	var v sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT v FROM articles_fts_config WHERE k = 'automerge'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read index settings: %w", err)
	}
	return v.Valid && v.String == "0", nil
}
