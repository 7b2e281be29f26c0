package db

import (
	"cmp"
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"folio/db/anchor"
)

// Annotation is a highlight of a passage or a note on a whole article.
type Annotation struct {
	ID        int64  `json:"id"`
	ArticleID int64  `json:"articleId"`
	Kind      string `json:"kind"`  // KindHighlight or KindNote
	Color     string `json:"color"` // one of Colors for a highlight; "" for a note
	Note      string `json:"note"`  // Markdown, may be ""
	Exact     string `json:"exact"`
	Prefix    string `json:"prefix"`
	Suffix    string `json:"suffix"`
	Start     int    `json:"start"` // code points in the article's body
	End       int    `json:"end"`   // code points, exclusive
	Orphaned  bool   `json:"orphaned"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
	// UID is the annotation's lasting identity (a urn:uuid IRI), kept by
	// export, import and undo.
	UID string `json:"uid"`
}

// Annotation kinds.
const (
	KindHighlight = "highlight"
	KindNote      = "note" // a note on the whole article, with no quote
)

// Colors are the highlight colours, in the order the reader offers them.
var Colors = []string{"yellow", "green", "blue", "pink", "purple"}

// DefaultColor is the colour of a highlight made without choosing one.
const DefaultColor = "yellow"

// highlightColor checks a highlight colour; "" means the default.
func highlightColor(c string) (string, error) {
	if c == "" {
		return DefaultColor, nil
	}
	if !slices.Contains(Colors, c) {
		return "", fmt.Errorf("%q is not a highlight colour; use one of %s", c, strings.Join(Colors, ", "))
	}
	return c, nil
}

// cleanNote trims a note and gives it Unix line endings.
func cleanNote(note string) string {
	note = strings.ReplaceAll(note, "\r\n", "\n")
	return strings.TrimSpace(strings.ReplaceAll(note, "\r", "\n"))
}

// annotationFields are the columns scanAnnotation reads, in its order.
var annotationFields = []string{"id", "article_id", "kind", "color", "note", "exact", "prefix", "suffix",
	"pos_start", "pos_end", "orphaned", "created_at", "updated_at", "uid"}

// annotationColumns is the column list for scanAnnotation, each column
// qualified with the table alias when one is given.
func annotationColumns(alias string) string {
	if alias == "" {
		return strings.Join(annotationFields, ", ")
	}
	return alias + "." + strings.Join(annotationFields, ", "+alias+".")
}

// annotationOrder lists placed highlights in text order, then orphans, then
// article notes by creation.
const annotationOrder = `kind = 'note', orphaned, pos_start, pos_end, created_at, id`

func scanAnnotation(sc interface{ Scan(...any) error }, extra ...any) (Annotation, error) {
	var a Annotation
	err := sc.Scan(append([]any{&a.ID, &a.ArticleID, &a.Kind, &a.Color, &a.Note, &a.Exact, &a.Prefix, &a.Suffix,
		&a.Start, &a.End, &a.Orphaned, &a.CreatedAt, &a.UpdatedAt, &a.UID}, extra...)...)
	return a, err
}

// annotationDB is a *sql.DB or a *sql.Tx.
type annotationDB interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func getAnnotation(ctx context.Context, q annotationDB, id int64) (Annotation, error) {
	a, err := scanAnnotation(q.QueryRowContext(ctx, `SELECT `+annotationColumns("")+` FROM annotations WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Annotation{}, fmt.Errorf("annotation %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Annotation{}, fmt.Errorf("read annotation %d: %w", id, err)
	}
	return a, nil
}

// articleBody returns the text annotations of the article are anchored in.
func articleBody(ctx context.Context, q annotationDB, articleID int64) (string, error) {
	var body string
	err := q.QueryRowContext(ctx, `SELECT body FROM articles WHERE id = ?`, articleID).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("article %d: %w", articleID, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("read article %d: %w", articleID, err)
	}
	return body, nil
}

// insertAnnotation stores a, keeping its id and uid when they are set and
// free, and returns it as stored.
func insertAnnotation(ctx context.Context, tx *sql.Tx, a Annotation) (Annotation, error) {
	if a.ID > 0 {
		var taken bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM annotations WHERE id = ?)`, a.ID).Scan(&taken); err != nil {
			return a, fmt.Errorf("store annotation: %w", err)
		}
		if taken {
			a.ID = 0
		}
	}
	if a.UID == "" {
		a.UID = newUID()
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO annotations (id, article_id, kind, color, note, exact, prefix, suffix,
		pos_start, pos_end, orphaned, created_at, updated_at, uid) VALUES (nullif(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.ArticleID, a.Kind, a.Color, a.Note, a.Exact, a.Prefix, a.Suffix,
		a.Start, a.End, a.Orphaned, a.CreatedAt, a.UpdatedAt, a.UID)
	if err != nil {
		return a, fmt.Errorf("store annotation: %w", err)
	}
	if a.ID, err = res.LastInsertId(); err != nil {
		return a, fmt.Errorf("store annotation: %w", err)
	}
	return a, nil
}

// newUID returns a random (version 4) UUID as a urn:uuid IRI.
func newUID() string {
	var b [16]byte
	rand.Read(b[:]) // never fails
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// highlightSpan checks a selection of body (code points, end exclusive) and
// narrows it to exclude white space at its edges, which a selection made
// with the mouse often takes in.
func highlightSpan(body string, start, end int) (int, int, error) {
	t := []rune(body)
	switch {
	case start < 0 || end > len(t):
		return 0, 0, fmt.Errorf("the selection %d–%d is outside the article's text, which is %d characters long", start, end, len(t))
	case start >= end:
		return 0, 0, errors.New("the selection is empty: select the passage to highlight")
	}
	for start < end && unicode.IsSpace(t[start]) {
		start++
	}
	for end > start && unicode.IsSpace(t[end-1]) {
		end--
	}
	if start == end {
		return 0, 0, errors.New("the selection holds only white space: select the passage to highlight")
	}
	return start, end, nil
}

// AddHighlight highlights body[start:end) (code points) of an article in a
// colour ("" for the default), with an optional note. Highlights may overlap.
func (s *Store) AddHighlight(ctx context.Context, articleID int64, start, end int, color, note string) (Annotation, error) {
	color, err := highlightColor(color)
	if err != nil {
		return Annotation{}, err
	}
	var a Annotation
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		body, err := articleBody(ctx, tx, articleID)
		if err != nil {
			return err
		}
		start, end, err := highlightSpan(body, start, end)
		if err != nil {
			return err
		}
		sel := anchor.Describe(body, start, end)
		now := s.timestamp()
		a, err = insertAnnotation(ctx, tx, Annotation{ArticleID: articleID, Kind: KindHighlight, Color: color,
			Note: cleanNote(note), Exact: sel.Exact, Prefix: sel.Prefix, Suffix: sel.Suffix,
			Start: sel.Start, End: sel.End, CreatedAt: now, UpdatedAt: now})
		return err
	})
	return a, err
}

// AddNote adds a note on a whole article.
func (s *Store) AddNote(ctx context.Context, articleID int64, note string) (Annotation, error) {
	note = cleanNote(note)
	if note == "" {
		return Annotation{}, errors.New("the note is empty: write something first")
	}
	var a Annotation
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if _, err := articleBody(ctx, tx, articleID); err != nil {
			return err
		}
		now := s.timestamp()
		var err error
		a, err = insertAnnotation(ctx, tx, Annotation{ArticleID: articleID, Kind: KindNote, Note: note,
			CreatedAt: now, UpdatedAt: now})
		return err
	})
	return a, err
}

// SetAnnotationColor recolours a highlight.
func (s *Store) SetAnnotationColor(ctx context.Context, id int64, color string) (Annotation, error) {
	if color == "" || !slices.Contains(Colors, color) {
		return Annotation{}, fmt.Errorf("%q is not a highlight colour; use one of %s", color, strings.Join(Colors, ", "))
	}
	return s.updateAnnotation(ctx, id, func(a *Annotation) error {
		if a.Kind != KindHighlight {
			return errors.New("a note on the whole article has no colour; only highlights do")
		}
		a.Color = color
		return nil
	})
}

// SetAnnotationNote replaces the note of a highlight ("" removes it) or of
// an article note (which cannot be emptied: delete it instead).
func (s *Store) SetAnnotationNote(ctx context.Context, id int64, note string) (Annotation, error) {
	note = cleanNote(note)
	return s.updateAnnotation(ctx, id, func(a *Annotation) error {
		if a.Kind == KindNote && note == "" {
			return errors.New("a note on the article cannot be empty: delete it instead")
		}
		a.Note = note
		return nil
	})
}

// updateAnnotation applies change to the stored annotation and saves its
// colour and note.
func (s *Store) updateAnnotation(ctx context.Context, id int64, change func(*Annotation) error) (Annotation, error) {
	var a Annotation
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		var err error
		if a, err = getAnnotation(ctx, tx, id); err != nil {
			return err
		}
		if err := change(&a); err != nil {
			return err
		}
		a.UpdatedAt = s.timestamp()
		if _, err := tx.ExecContext(ctx, `UPDATE annotations SET color = ?, note = ?, updated_at = ? WHERE id = ?`,
			a.Color, a.Note, a.UpdatedAt, id); err != nil {
			return fmt.Errorf("update annotation %d: %w", id, err)
		}
		return nil
	})
	return a, err
}

// DeleteAnnotation deletes an annotation and returns it as it was, so that
// RestoreAnnotation can undo the deletion.
func (s *Store) DeleteAnnotation(ctx context.Context, id int64) (Annotation, error) {
	var a Annotation
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		var err error
		if a, err = getAnnotation(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM annotations WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete annotation %d: %w", id, err)
		}
		return nil
	})
	return a, err
}

// RestoreAnnotation recreates a deleted annotation with its fields (and its
// id, when no other annotation took it), placing a highlight again in the
// article's current text. Restoring one that is already there returns it.
func (s *Store) RestoreAnnotation(ctx context.Context, a Annotation) (Annotation, error) {
	if err := checkAnnotation(&a); err != nil {
		return Annotation{}, err
	}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if existing, ok, err := annotationByUID(ctx, tx, a.UID); err != nil || ok {
			a = existing
			return err
		}
		body, err := articleBody(ctx, tx, a.ArticleID)
		if err != nil {
			return err
		}
		if a.Kind == KindHighlight {
			placeHighlight(&a, body, false)
		}
		now := s.timestamp()
		a.CreatedAt = cmp.Or(a.CreatedAt, now)
		a.UpdatedAt = cmp.Or(a.UpdatedAt, now)
		a, err = insertAnnotation(ctx, tx, a)
		return err
	})
	return a, err
}

// checkAnnotation checks the fields of an annotation being recreated and
// fills in a highlight's default colour.
func checkAnnotation(a *Annotation) error {
	a.Note = cleanNote(a.Note)
	switch a.Kind {
	case KindHighlight:
		color, err := highlightColor(a.Color)
		if err != nil {
			return err
		}
		a.Color = color
		if a.Exact == "" {
			return errors.New("the highlight has no quoted text")
		}
	case KindNote:
		if a.Note == "" {
			return errors.New("the note is empty")
		}
		a.Color, a.Exact, a.Prefix, a.Suffix, a.Start, a.End = "", "", "", "", 0, 0
	default:
		return fmt.Errorf("%q is not a kind of annotation; use %q or %q", a.Kind, KindHighlight, KindNote)
	}
	return nil
}

// placeHighlight re-anchors a highlight in body, marking it orphaned (with
// its quote kept) when it cannot be placed. Foreign says another tool wrote
// its context; it returns whether the context it keeps is still that
// tool's (it was not placed).
func placeHighlight(a *Annotation, body string, foreign bool) bool {
	sel := anchor.Selector{Exact: a.Exact, Prefix: a.Prefix, Suffix: a.Suffix, Start: a.Start, End: a.End, Edges: !foreign}
	placed, method := anchor.Locate(body, sel)
	a.Exact, a.Prefix, a.Suffix, a.Start, a.End = placed.Exact, placed.Prefix, placed.Suffix, placed.Start, placed.End
	a.Orphaned = method == anchor.Orphaned
	return foreign && a.Orphaned
}

func annotationByUID(ctx context.Context, q annotationDB, uid string) (Annotation, bool, error) {
	if uid == "" {
		return Annotation{}, false, nil
	}
	a, err := scanAnnotation(q.QueryRowContext(ctx, `SELECT `+annotationColumns("")+` FROM annotations
		WHERE uid = ? AND uid != ''`, uid))
	if errors.Is(err, sql.ErrNoRows) {
		return Annotation{}, false, nil
	}
	if err != nil {
		return Annotation{}, false, fmt.Errorf("read annotation %s: %w", uid, err)
	}
	return a, true, nil
}

// ArticleAnnotations returns an article's highlights in text order, then
// those that could not be placed in its current text (Orphaned), then its
// notes by creation.
func (s *Store) ArticleAnnotations(ctx context.Context, articleID int64) ([]Annotation, error) {
	if _, err := articleBody(ctx, s.db, articleID); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+annotationColumns("")+` FROM annotations
		WHERE article_id = ? ORDER BY `+annotationOrder, articleID)
	if err != nil {
		return nil, fmt.Errorf("read annotations of article %d: %w", articleID, err)
	}
	defer rows.Close()
	list := []Annotation{}
	for rows.Next() {
		a, err := scanAnnotation(rows)
		if err != nil {
			return nil, fmt.Errorf("read annotations of article %d: %w", articleID, err)
		}
		list = append(list, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read annotations of article %d: %w", articleID, err)
	}
	return list, nil
}
