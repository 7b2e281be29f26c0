package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// SavedSearch is a search kept by name in the sidebar.
type SavedSearch struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Query    string `json:"query"`
	Position int    `json:"position"` // 0 first
}

// Bounds on what a saved search holds, in characters.
const (
	maxSavedName  = 100
	maxSavedQuery = 2000
)

// conflictError words a broken uniqueness rule for people while still
// matching ErrConflict.
type conflictError struct{ msg string }

func (e *conflictError) Error() string        { return e.msg }
func (e *conflictError) Is(target error) bool { return target == ErrConflict }

// SavedSearches returns the saved searches in their sidebar order.
func (s *Store) SavedSearches(ctx context.Context) ([]SavedSearch, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, query, position FROM saved_searches ORDER BY position, id`)
	if err != nil {
		return nil, fmt.Errorf("read saved searches: %w", err)
	}
	defer rows.Close()
	list := []SavedSearch{}
	for rows.Next() {
		var ss SavedSearch
		if err := rows.Scan(&ss.ID, &ss.Name, &ss.Query, &ss.Position); err != nil {
			return nil, fmt.Errorf("read saved searches: %w", err)
		}
		list = append(list, ss)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read saved searches: %w", err)
	}
	return list, nil
}

// SaveSearch keeps a query under a name, at the end of the list. Names are
// unique whatever their case; a taken name is ErrConflict.
func (s *Store) SaveSearch(ctx context.Context, name, query string) (SavedSearch, error) {
	name, err := validSavedName(name)
	if err != nil {
		return SavedSearch{}, err
	}
	query = strings.TrimSpace(query)
	switch {
	case query == "":
		return SavedSearch{}, errors.New("there is no search to save: the query is empty")
	case utf8.RuneCountInString(query) > maxSavedQuery:
		return SavedSearch{}, fmt.Errorf("a saved query is at most %d characters", maxSavedQuery)
	}
	ss := SavedSearch{Name: name, Query: query}
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		if err := savedNameFree(ctx, tx, 0, name); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position) + 1, 0) FROM saved_searches`).Scan(&ss.Position); err != nil {
			return fmt.Errorf("save the search %q: %w", name, err)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO saved_searches (name, query, position) VALUES (?, ?, ?)`,
			ss.Name, ss.Query, ss.Position)
		if err == nil {
			ss.ID, err = res.LastInsertId()
		}
		if err != nil {
			return fmt.Errorf("save the search %q: %w", name, err)
		}
		return nil
	})
	return ss, err
}

// RenameSavedSearch gives a saved search a new name, unique whatever its case.
func (s *Store) RenameSavedSearch(ctx context.Context, id int64, name string) (SavedSearch, error) {
	name, err := validSavedName(name)
	if err != nil {
		return SavedSearch{}, err
	}
	ss := SavedSearch{ID: id, Name: name}
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		if err := savedNameFree(ctx, tx, id, name); err != nil {
			return err
		}
		err := tx.QueryRowContext(ctx, `UPDATE saved_searches SET name = ? WHERE id = ? RETURNING query, position`,
			name, id).Scan(&ss.Query, &ss.Position)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("saved search %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("rename saved search %d: %w", id, err)
		}
		return nil
	})
	return ss, err
}

// DeleteSavedSearch forgets a saved search; those after it move up.
func (s *Store) DeleteSavedSearch(ctx context.Context, id int64) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		var pos int
		err := tx.QueryRowContext(ctx, `DELETE FROM saved_searches WHERE id = ? RETURNING position`, id).Scan(&pos)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("saved search %d: %w", id, ErrNotFound)
		}
		if err == nil {
			_, err = tx.ExecContext(ctx, `UPDATE saved_searches SET position = position - 1 WHERE position > ?`, pos)
		}
		if err != nil {
			return fmt.Errorf("delete saved search %d: %w", id, err)
		}
		return nil
	})
}

// ReorderSavedSearches puts the saved searches in the order of ids. Saved
// searches the list leaves out keep their relative order after the listed
// ones; an id that names none is ErrNotFound and changes nothing.
func (s *Store) ReorderSavedSearches(ctx context.Context, ids []int64) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		current, err := savedIDs(ctx, tx)
		if err != nil {
			return fmt.Errorf("reorder saved searches: %w", err)
		}
		order, err := reorder(current, ids)
		if err != nil {
			return err
		}
		for pos, id := range order {
			if _, err := tx.ExecContext(ctx, `UPDATE saved_searches SET position = ? WHERE id = ?`, pos, id); err != nil {
				return fmt.Errorf("reorder saved searches: %w", err)
			}
		}
		return nil
	})
}

// savedIDs returns the saved searches' ids in their order.
func savedIDs(ctx context.Context, tx *sql.Tx) ([]int64, error) {
	return queryIDs(ctx, tx, `SELECT id FROM saved_searches ORDER BY position, id`)
}

// reorder returns current rearranged so that first comes first, in its order.
func reorder(current, first []int64) ([]int64, error) {
	known := map[int64]bool{}
	for _, id := range current {
		known[id] = true
	}
	placed := map[int64]bool{}
	order := make([]int64, 0, len(current))
	for _, id := range first {
		if !known[id] {
			return nil, fmt.Errorf("saved search %d: %w", id, ErrNotFound)
		}
		if placed[id] {
			return nil, fmt.Errorf("saved search %d is listed twice", id)
		}
		placed[id] = true
		order = append(order, id)
	}
	for _, id := range current {
		if !placed[id] {
			order = append(order, id)
		}
	}
	return order, nil
}

func validSavedName(name string) (string, error) {
	name = strings.Join(strings.Fields(name), " ")
	switch {
	case name == "":
		return "", errors.New("a saved search needs a name")
	case utf8.RuneCountInString(name) > maxSavedName:
		return "", fmt.Errorf("saved search names are at most %d characters", maxSavedName)
	}
	return name, nil
}

// savedNameFree checks that no saved search other than id has the name in
// any case. Comparing in Go folds every script, where SQLite's lower() folds
// only ASCII.
func savedNameFree(ctx context.Context, tx *sql.Tx, id int64, name string) error {
	rows, err := tx.QueryContext(ctx, `SELECT name FROM saved_searches WHERE id != ?`, id)
	if err != nil {
		return fmt.Errorf("read saved search names: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var taken string
		if err := rows.Scan(&taken); err != nil {
			return fmt.Errorf("read saved search names: %w", err)
		}
		if strings.EqualFold(taken, name) {
			return &conflictError{fmt.Sprintf("there is already a saved search named %q; choose another name", taken)}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read saved search names: %w", err)
	}
	return nil
}
