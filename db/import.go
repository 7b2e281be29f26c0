package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"folio/db/names"
)

// NewArticle is an article read from a file, ready to be stored.
type NewArticle struct {
	Title string
	// TitleDerived marks a title made from the body because the file gave
	// none: search weighs its words as body text.
	TitleDerived bool
	Byline       string
	Source       string
	URL          string
	Published    string // YYYY-MM-DD or ""
	Body         string // canonical plain text
	HTML         string // sanitized HTML or ""
	Path         string // the file (or file#entry) it came from
	Tags         []string
	// Hash and Words, when Hash is set, are ArticleHash(Title, TitleDerived, Body) and
	// WordCount(Body), worked out by the caller (on the parsing goroutines,
	// off the single writer's path).
	Hash  string
	Words int
	// Names are the names in it, as FindNames finds them; nil to have
	// them found while it is stored (an importer finds them beforehand,
	// on all cores, so that the one writer does not wait for it).
	Names []names.Name
	// Signature, when set, is StorySignatureOf(Title, Body), worked out by
	// the caller like Hash.
	Signature *StorySignature
	// Uploaded says the text was sent, not read from a file: its Path is
	// only the name the sender gave, which says nothing of which file it
	// was, so it never updates an article in place.
	Uploaded bool
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

// ArticleHash is an article's ContentHash. A title made from the body
// (derived) is left out: it says nothing the body does not, and how titles
// are made may change from one version of Folio to the next.
func ArticleHash(title string, derived bool, body string) string {
	if derived {
		title = ""
	}
	return ContentHash(title, body)
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

// writeFolded writes s lower-cased with every run of white space as one
// space, through a small buffer: a long text is never copied whole.
func writeFolded(w io.Writer, s string) {
	var buf [4096]byte
	b := buf[:0]
	space := false
	for _, r := range strings.TrimSpace(s) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if len(b) > len(buf)-utf8.UTFMax-1 {
			w.Write(b)
			b = buf[:0]
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	w.Write(b)
}

// WordCount counts the words of a text the way the reader shows them (as
// strings.Fields splits them), without making the list of words.
func WordCount(text string) int {
	n := 0
	inWord := false
	for _, r := range text {
		space := unicode.IsSpace(r)
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}

// ImportArticles stores a batch of articles in one transaction. Each is
// stored, recognised as a duplicate of an article already there, or, when
// it comes from the same path as a stored article and is an edit of it,
// updates that article in place (keeping its tags and annotations).
// Either the whole batch is stored or none of it.
func (s *Store) ImportArticles(ctx context.Context, batch []NewArticle) ([]ImportOutcome, error) {
	out := make([]ImportOutcome, len(batch))
	var w *importWriter
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		var err error
		w, err = newImportWriter(ctx, tx, s.timestamp(), s.nameIDs, !s.oldSchema)
		if err != nil {
			return err
		}
		defer w.close()
		for i, a := range batch {
			if err := w.store(ctx, batch, i, out); err != nil {
				return fmt.Errorf("store %q: %w", a.Path, err)
			}
		}
		if err := w.insertPending(ctx, batch, out); err != nil {
			return err
		}
		for i, a := range batch { // once every article has its id
			if err := w.tags.apply(ctx, out[i].ID, a.Tags); err != nil {
				return fmt.Errorf("tag %q: %w", a.Path, err)
			}
			if s := out[i].Status; s == StatusImported || s == StatusUpdated {
				w.names.set(out[i].ID, namesOf(a), s == StatusImported)
			}
			if out[i].Status == StatusImported {
				w.versions.add(out[i].ID, a)
			}
		}
		if err := w.versions.flush(ctx); err != nil {
			return fmt.Errorf("group the versions of stories: %w", err)
		}
		return w.names.close(ctx)
	})
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	w.names.committed()
	return out, nil
}

// importWriter holds the statements of one import transaction, prepared
// once, and the new articles waiting to be inserted.
//
// New articles are inserted insertRows to a statement. Every statement
// that writes to articles fires the full-text triggers, and FTS5 writes
// the terms it holds in memory to a new index segment at the start of
// each statement (its savepoint): one INSERT per article writes one tiny
// segment per article, which the index then spends most of an import
// merging. Inserting many rows in one statement writes one segment for
// all of them, as an INSERT … SELECT does.
type importWriter struct {
	tx        *sql.Tx
	now       string
	byHash    *sql.Stmt
	byPath    *sql.Stmt
	insert    *sql.Stmt // insertRows rows
	untrash   *sql.Stmt
	tags      *tagWriter
	names     *nameWriter
	versions  *versionFinder
	reanchor  func(ctx context.Context, id int64, oldBody, newBody string) error
	statement []*sql.Stmt
	// pending are the positions in the batch of new articles not yet
	// inserted; pendingHash and pendingPath index them by content hash
	// and path.
	pending     []int
	pendingHash map[string]int
	pendingPath map[string]bool
	hashes      []string // by position in the batch
}

// insertRows is how many new articles one INSERT writes.
const insertRows = 64

// articleColumns are the columns an import writes, in the order of
// articleValues.
const articleColumns = `title, title_derived, byline, source, url, published, imported_at, body, html,
	word_count, content_hash, path`

const articleRow = `(?, ?, ?, ?, ?, nullif(?, ''), ?, ?, nullif(?, ''), ?, ?, ?)`

func insertStatement(rows int) string {
	return `INSERT INTO articles (` + articleColumns + `) VALUES ` +
		strings.TrimSuffix(strings.Repeat(articleRow+`, `, rows), `, `) + ` RETURNING id, content_hash`
}

func newImportWriter(ctx context.Context, tx *sql.Tx, now string, ids *nameIDs, keepNames bool) (*importWriter, error) {
	w := &importWriter{tx: tx, now: now, pendingHash: map[string]int{}, pendingPath: map[string]bool{}}
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
	w.insert = prep(insertStatement(insertRows))
	w.untrash = prep(`UPDATE articles SET deleted_at = NULL WHERE id = ?`)
	if err != nil {
		w.close()
		return nil, err
	}
	w.tags = newTagWriter(tx)
	if keepNames {
		w.names = newNameWriter(tx, ids)
	}
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

// store decides what becomes of batch[i]: a duplicate, an update, or a
// new article, which waits to be inserted with others. An article whose
// outcome depends on one still waiting (the same text, or the same path,
// earlier in the batch) is decided after those are inserted, so the batch
// ends as if stored one article at a time.
func (w *importWriter) store(ctx context.Context, batch []NewArticle, i int, out []ImportOutcome) error {
	a := batch[i]
	hash := a.Hash
	if hash == "" {
		hash = ArticleHash(a.Title, a.TitleDerived, a.Body)
	}
	w.hashes = append(w.hashes, hash)
	if _, ok := w.pendingHash[hash]; ok || a.Path != "" && w.pendingPath[a.Path] {
		if err := w.insertPending(ctx, batch, out); err != nil {
			return err
		}
	}
	var o ImportOutcome
	var trashed bool
	err := w.byHash.QueryRowContext(ctx, hash).Scan(&o.ID, &o.Title, &trashed)
	switch {
	case err == nil:
		o.Status = StatusDuplicate
		out[i] = o
		if trashed { // bringing back what the person dropped again
			_, err := w.untrash.ExecContext(ctx, o.ID)
			return err
		}
		return nil
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	if a.Path != "" && !a.Uploaded {
		updated, ok, err := w.updateEdited(ctx, a, hash)
		if err != nil || ok {
			out[i] = updated
			return err
		}
	}
	w.pending = append(w.pending, i)
	w.pendingHash[hash] = i
	if a.Path != "" {
		w.pendingPath[a.Path] = true
	}
	return nil
}

// insertPending inserts the new articles waiting, in batch order, and
// records their ids.
func (w *importWriter) insertPending(ctx context.Context, batch []NewArticle, out []ImportOutcome) error {
	for len(w.pending) > 0 {
		n := min(len(w.pending), insertRows)
		if err := w.insertRowsOf(ctx, batch, w.pending[:n], out); err != nil {
			return err
		}
		w.pending = w.pending[n:]
	}
	w.pending = w.pending[:0]
	clear(w.pendingHash)
	clear(w.pendingPath)
	return nil
}

// insertRowsOf inserts the articles at positions idx of batch in one
// statement. Their content hashes are unique, so the hash each returned
// id comes with says whose it is.
func (w *importWriter) insertRowsOf(ctx context.Context, batch []NewArticle, idx []int, out []ImportOutcome) error {
	args := make([]any, 0, len(idx)*12)
	for _, i := range idx {
		a := batch[i]
		words := a.Words
		if a.Hash == "" {
			words = WordCount(a.Body)
		}
		args = append(args, a.Title, a.TitleDerived, a.Byline, a.Source, a.URL, a.Published, w.now,
			a.Body, a.HTML, words, w.hashes[i], a.Path)
	}
	st := w.insert
	if len(idx) != insertRows {
		var err error
		if st, err = w.tx.PrepareContext(ctx, insertStatement(len(idx))); err != nil {
			return err
		}
		defer st.Close()
	}
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	stored := 0
	for rows.Next() {
		var id int64
		var hash string
		if err := rows.Scan(&id, &hash); err != nil {
			return err
		}
		i := w.pendingHash[hash]
		out[i] = ImportOutcome{Status: StatusImported, ID: id, Title: batch[i].Title}
		stored++
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if stored != len(idx) {
		return fmt.Errorf("%d of %d new articles were stored", stored, len(idx))
	}
	return nil
}

// namesOf returns the names the caller found in the article, or finds them.
func namesOf(a NewArticle) []names.Name {
	if a.Names != nil {
		return a.Names
	}
	return FindNames(a.Title, a.Body)
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
	_, err = w.tx.ExecContext(ctx, `UPDATE articles SET title = ?, title_derived = ?, byline = ?, source = ?, url = ?,
		published = nullif(?, ''), body = ?, html = nullif(?, ''), word_count = ?, content_hash = ?
		WHERE id = ?`, a.Title, a.TitleDerived, a.Byline, a.Source, a.URL, a.Published, a.Body, a.HTML,
		WordCount(a.Body), hash, id)
	if err != nil {
		return ImportOutcome{}, false, err
	}
	if err := w.reanchor(ctx, id, body, a.Body); err != nil {
		return ImportOutcome{}, false, err
	}
	return ImportOutcome{Status: StatusUpdated, ID: id, Title: a.Title}, true, nil
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
