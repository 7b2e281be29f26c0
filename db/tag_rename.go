package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// RenameTag renames a tag and its children with it: renaming "region" to
// "places" turns "region/asia" into "places/asia". When another tag already
// has a new name (in any case) the two merge: their articles keep one link,
// to the tag that already had the name, which takes the new spelling (and
// the renamed tag's colour if it had none). Moving a tag under itself is
// refused. It returns the tag as it is after the rename.
func (s *Store) RenameTag(ctx context.Context, id int64, newName string) (TagCount, error) {
	newName, err := ValidTagName(newName)
	if err != nil {
		return TagCount{}, err
	}
	survivor := id
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		var oldName string
		err := tx.QueryRowContext(ctx, `SELECT name FROM tags WHERE id = ?`, id).Scan(&oldName)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("tag %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("read tag %d: %w", id, err)
		}
		if strings.HasPrefix(tagKey(newName), tagKey(oldName)+"/") {
			return fmt.Errorf("cannot move the tag %q under itself, to %q", oldName, newName)
		}
		subtree, err := tagSubtree(ctx, tx, id, oldName)
		if err != nil {
			return fmt.Errorf("read the tags under %q: %w", oldName, err)
		}
		levels := strings.Count(oldName, "/") + 1
		for _, t := range subtree {
			// Keep the child's own levels below the renamed one.
			target := strings.Join(append([]string{newName}, strings.Split(t.Name, "/")[levels:]...), "/")
			got, err := renameOneTag(ctx, tx, t.ID, target)
			if err != nil {
				return fmt.Errorf("rename %q to %q: %w", t.Name, target, err)
			}
			if t.ID == id {
				survivor = got
			}
		}
		return nil
	})
	if err != nil {
		return TagCount{}, err
	}
	return s.tagCount(ctx, survivor)
}

// tagSubtree returns the tag and its descendants, fewest levels first. That
// order matters: a child renamed onto a name its subtree still holds (say
// "a/b/b/x" to "a/b/x" when "a/b" becomes "a") finds it already moved away.
func tagSubtree(ctx context.Context, tx *sql.Tx, id int64, name string) ([]TagRef, error) {
	prefix := tagKey(name) + "/"
	// name_key >= "x/" AND < "x0" is every key under "x/": "0" follows "/".
	rows, err := tx.QueryContext(ctx, `SELECT id, name FROM tags
		WHERE id = ? OR (name_key >= ? AND name_key < ?)`, id, prefix, tagKey(name)+"0")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []TagRef
	for rows.Next() {
		var t TagRef
		if err := rows.Scan(&t.ID, &t.Name); err != nil {
			return nil, err
		}
		list = append(list, t)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(list, func(a, b TagRef) int {
		if c := strings.Count(a.Name, "/") - strings.Count(b.Name, "/"); c != 0 {
			return c
		}
		return compareTagNames(a.Name, b.Name)
	})
	return list, nil
}

// renameOneTag renames a tag, merging it into another tag that already has
// the name; it returns the id of the tag that carries the name afterwards.
func renameOneTag(ctx context.Context, tx *sql.Tx, id int64, name string) (int64, error) {
	var other int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM tags WHERE name_key = ? AND id != ?`, tagKey(name), id).Scan(&other)
	if errors.Is(err, sql.ErrNoRows) {
		_, err := tx.ExecContext(ctx, `UPDATE tags SET name = ?, name_key = ? WHERE id = ?`, name, tagKey(name), id)
		return id, err
	}
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO article_tags (article_id, tag_id)
		SELECT article_id, ? FROM article_tags WHERE tag_id = ?`, other, id); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE tags SET name = ?,
		color = CASE WHEN color = '' THEN (SELECT color FROM tags WHERE id = ?) ELSE color END
		WHERE id = ?`, name, id, other); err != nil {
		return 0, err
	}
	// The tag's own links go with it (ON DELETE CASCADE).
	if _, err := tx.ExecContext(ctx, `DELETE FROM tags WHERE id = ?`, id); err != nil {
		return 0, err
	}
	return other, nil
}
