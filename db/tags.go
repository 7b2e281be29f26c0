package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// CleanTagName trims a tag name, folds runs of white space and the spaces
// around "/" (the hierarchy separator), and drops empty levels.
func CleanTagName(name string) string {
	parts := strings.Split(name, "/")
	kept := parts[:0]
	for _, p := range parts {
		p = strings.Join(strings.Fields(p), " ")
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "/")
}

func tagKey(name string) string { return strings.ToLower(name) }

// tagWriter attaches tags by name inside one transaction, creating missing
// tags once and remembering their ids.
type tagWriter struct {
	tx  *sql.Tx
	ids map[string]int64
}

func newTagWriter(tx *sql.Tx) *tagWriter {
	return &tagWriter{tx: tx, ids: map[string]int64{}}
}

func (w *tagWriter) close() {}

// apply adds the named tags to the article.
func (w *tagWriter) apply(ctx context.Context, articleID int64, names []string) error {
	for _, name := range names {
		id, err := w.id(ctx, name)
		if err != nil {
			return err
		}
		if id == 0 {
			continue
		}
		if _, err := w.tx.ExecContext(ctx,
			`INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)`, articleID, id); err != nil {
			return fmt.Errorf("tag %q: %w", name, err)
		}
	}
	return nil
}

// id returns the tag's id, creating the tag when needed; 0 for an empty name.
func (w *tagWriter) id(ctx context.Context, name string) (int64, error) {
	name = CleanTagName(name)
	if name == "" {
		return 0, nil
	}
	key := tagKey(name)
	if id, ok := w.ids[key]; ok {
		return id, nil
	}
	id, err := ensureTag(ctx, w.tx, name)
	if err != nil {
		return 0, err
	}
	w.ids[key] = id
	return id, nil
}

// ensureTag returns the id of the tag with this name (any case), creating it.
func ensureTag(ctx context.Context, tx *sql.Tx, name string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM tags WHERE name_key = ?`, tagKey(name)).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("tag %q: %w", name, err)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO tags (name, name_key) VALUES (?, ?)`, name, tagKey(name))
	if err != nil {
		return 0, fmt.Errorf("tag %q: %w", name, err)
	}
	return res.LastInsertId()
}
