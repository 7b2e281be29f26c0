package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"folio/db/query"
)

// CleanTagName trims a tag name, folds runs of white space and the spaces
// around "/" (the hierarchy separator), and drops empty levels. The search
// language cleans the names in tag: filters the same way.
func CleanTagName(name string) string { return query.CleanTagName(name) }

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

// TagCount is a tag with the number of articles outside the Trash that carry it.
type TagCount struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Color string `json:"color"`
	Count int    `json:"count"`
}

// TagColors are the named tag colours; a tag may also have any "#rrggbb".
var TagColors = []string{"red", "orange", "yellow", "green", "teal", "blue", "purple", "pink", "gray"}

// maxTagName bounds a tag name, in characters.
const maxTagName = 100

// ValidTagName cleans a tag name the way CleanTagName does and checks what
// is left, so a person learns why a name cannot be used.
func ValidTagName(name string) (string, error) {
	clean := CleanTagName(name)
	switch {
	case clean == "":
		return "", errors.New("a tag needs a name")
	case utf8.RuneCountInString(clean) > maxTagName:
		return "", fmt.Errorf("tag names are at most %d characters; %q is longer", maxTagName, clean)
	case strings.ContainsFunc(clean, unicode.IsControl) || !utf8.ValidString(clean):
		return "", fmt.Errorf("tag %q contains characters that cannot be shown", clean)
	}
	return clean, nil
}

// validTagNames cleans and checks every name, dropping repeats of one tag.
func validTagNames(names []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		clean, err := ValidTagName(n)
		if err != nil {
			return nil, err
		}
		if !seen[tagKey(clean)] {
			seen[tagKey(clean)] = true
			out = append(out, clean)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("give at least one tag name")
	}
	return out, nil
}

// ListTags returns every tag with its count of articles outside the Trash,
// parents before their children ("region" before "region/asia"). A parent
// that exists only as the prefix of its children is not a row.
func (s *Store) ListTags(ctx context.Context) ([]TagCount, error) {
	// Counting every link and subtracting the trashed ones reads only the
	// article_tags index and the few trashed articles, not every article.
	// CROSS JOIN keeps the planner starting from the Trash (articles_trashed)
	// rather than looking up the article of every link.
	rows, err := s.db.QueryContext(ctx, `
		WITH trashed AS MATERIALIZED (
			SELECT at.tag_id, count(*) AS n
			FROM articles a CROSS JOIN article_tags at ON at.article_id = a.id
			WHERE a.deleted_at IS NOT NULL
			GROUP BY at.tag_id)
		SELECT t.id, t.name, t.color,
			(SELECT count(*) FROM article_tags at WHERE at.tag_id = t.id) - coalesce(tr.n, 0)
		FROM tags t LEFT JOIN trashed tr ON tr.tag_id = t.id`)
	if err != nil {
		return nil, fmt.Errorf("list tags: %w", err)
	}
	defer rows.Close()
	tags := []TagCount{}
	for rows.Next() {
		var t TagCount
		if err := rows.Scan(&t.ID, &t.Name, &t.Color, &t.Count); err != nil {
			return nil, fmt.Errorf("list tags: %w", err)
		}
		tags = append(tags, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list tags: %w", err)
	}
	slices.SortFunc(tags, func(a, b TagCount) int { return compareTagNames(a.Name, b.Name) })
	return tags, nil
}

// compareTagNames orders names level by level, ignoring case, so children
// follow their parent directly ("region/asia" before "region x").
func compareTagNames(a, b string) int {
	if c := slices.Compare(strings.Split(tagKey(a), "/"), strings.Split(tagKey(b), "/")); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// AddTags gives each article every named tag, creating tags that do not
// exist yet, in one transaction. Ids of articles that no longer exist are
// ignored. It returns how many articles gained a tag.
func (s *Store) AddTags(ctx context.Context, articleIDs []int64, names []string) (int, error) {
	names, err := validTagNames(names)
	if err != nil || len(articleIDs) == 0 {
		return 0, err
	}
	ids := int64sJSON(articleIDs)
	changed := map[int64]bool{}
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		for _, name := range names {
			tagID, err := ensureTag(ctx, tx, name)
			if err != nil {
				return err
			}
			if err := collectIDs(ctx, tx, changed, `
				INSERT OR IGNORE INTO article_tags (article_id, tag_id)
				SELECT j.value, ? FROM json_each(?) j
				WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = j.value)
				RETURNING article_id`, tagID, ids); err != nil {
				return fmt.Errorf("tag articles with %q: %w", name, err)
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("add tags: %w", err)
	}
	return len(changed), nil
}

// RemoveTags takes the named tags off each article, in one transaction. A
// name no tag has is skipped; children are not touched (removing "region"
// keeps "region/asia"). It returns how many articles lost a tag.
func (s *Store) RemoveTags(ctx context.Context, articleIDs []int64, names []string) (int, error) {
	names, err := validTagNames(names)
	if err != nil || len(articleIDs) == 0 {
		return 0, err
	}
	ids := int64sJSON(articleIDs)
	changed := map[int64]bool{}
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		for _, name := range names {
			if err := collectIDs(ctx, tx, changed, `
				DELETE FROM article_tags
				WHERE tag_id = (SELECT id FROM tags WHERE name_key = ?)
					AND article_id IN (SELECT value FROM json_each(?))
				RETURNING article_id`, tagKey(name), ids); err != nil {
				return fmt.Errorf("untag articles from %q: %w", name, err)
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("remove tags: %w", err)
	}
	return len(changed), nil
}

// collectIDs runs a statement returning article ids and adds them to set.
func collectIDs(ctx context.Context, tx *sql.Tx, set map[int64]bool, query string, args ...any) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		set[id] = true
	}
	return rows.Err()
}

// DeleteTag deletes one tag; its articles stay, and so do its children
// ("region/asia" outlives "region").
func (s *Store) DeleteTag(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM tags WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete tag %d: %w", id, err)
	}
	return requireChange(res, fmt.Sprintf("tag %d", id))
}

// SetTagColor sets a tag's colour: one of TagColors, any "#rrggbb", or ""
// for none.
func (s *Store) SetTagColor(ctx context.Context, id int64, color string) error {
	color, err := validTagColor(color)
	if err != nil {
		return err
	}
	res, err := s.db.ExecContext(ctx, `UPDATE tags SET color = ? WHERE id = ?`, color, id)
	if err != nil {
		return fmt.Errorf("colour tag %d: %w", id, err)
	}
	return requireChange(res, fmt.Sprintf("tag %d", id))
}

var hexColor = regexp.MustCompile(`^#[0-9a-f]{6}$`)

func validTagColor(color string) (string, error) {
	color = strings.ToLower(strings.TrimSpace(color))
	if color == "" || slices.Contains(TagColors, color) || hexColor.MatchString(color) {
		return color, nil
	}
	return "", fmt.Errorf("%q is not a tag colour; use one of %s, or #rrggbb", color, strings.Join(TagColors, ", "))
}

// requireChange turns an update or delete that matched no row into ErrNotFound.
func requireChange(res sql.Result, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return nil
}

// tagCount returns one tag with its count of articles outside the Trash.
func (s *Store) tagCount(ctx context.Context, id int64) (TagCount, error) {
	t := TagCount{ID: id}
	err := s.db.QueryRowContext(ctx, `SELECT name, color,
		(SELECT count(*) FROM article_tags at JOIN articles a ON a.id = at.article_id
			WHERE at.tag_id = tags.id AND a.deleted_at IS NULL)
		FROM tags WHERE id = ?`, id).Scan(&t.Name, &t.Color, &t.Count)
	if errors.Is(err, sql.ErrNoRows) {
		return t, fmt.Errorf("tag %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return t, fmt.Errorf("read tag %d: %w", id, err)
	}
	return t, nil
}
