package db

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// AnnotationFilter selects a page of the library-wide list of annotations.
// Empty fields do not filter.
type AnnotationFilter struct {
	Color  string `json:"color"` // one of Colors
	Tag    string `json:"tag"`   // a tag of the article; "region" also matches "region/russia"
	Text   string `json:"text"`  // words of the quote or the note, all of them
	Kind   string `json:"kind"`  // KindHighlight or KindNote
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"` // 0 means every annotation
}

// AnnotationItem is an annotation with the article it belongs to, as the
// library-wide list shows it. The article's id is Annotation.ArticleID.
type AnnotationItem struct {
	Annotation       Annotation `json:"annotation"`
	ArticleTitle     string     `json:"articleTitle"`
	ArticlePublished string     `json:"articlePublished"` // YYYY-MM-DD, or "" when unknown
	ArticleSource    string     `json:"articleSource"`
}

// AnnotationPage is a page of annotations with the size of the whole list.
type AnnotationPage struct {
	Total  int              `json:"total"`
	Offset int              `json:"offset"`
	Items  []AnnotationItem `json:"items"`
}

// ListAnnotations returns the annotations of every article not in the
// Trash that pass the filter, newest first.
func (s *Store) ListAnnotations(ctx context.Context, f AnnotationFilter) (AnnotationPage, error) {
	page := AnnotationPage{Offset: max(f.Offset, 0), Items: []AnnotationItem{}}
	where, args, err := annotationConditions(f)
	if err != nil {
		return page, err
	}
	from := ` FROM annotations n JOIN articles a ON a.id = n.article_id WHERE ` + where
	if err := s.db.QueryRowContext(ctx, `SELECT count(*)`+from, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("count annotations: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+annotationColumns("n")+`, a.title, coalesce(a.published, ''), a.source`+from+
		` ORDER BY n.created_at DESC, n.id DESC LIMIT ? OFFSET ?`, append(args, limit, page.Offset)...)
	if err != nil {
		return page, fmt.Errorf("list annotations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var it AnnotationItem
		if it.Annotation, err = scanAnnotation(rows, &it.ArticleTitle, &it.ArticlePublished, &it.ArticleSource); err != nil {
			return page, fmt.Errorf("list annotations: %w", err)
		}
		page.Items = append(page.Items, it)
	}
	if err := rows.Err(); err != nil {
		return page, fmt.Errorf("list annotations: %w", err)
	}
	return page, nil
}

// annotationConditions turns a filter into a WHERE clause over annotations
// n joined with articles a, with its arguments.
func annotationConditions(f AnnotationFilter) (string, []any, error) {
	conds := []string{`a.deleted_at IS NULL`}
	var args []any
	if f.Color != "" {
		if !slices.Contains(Colors, f.Color) {
			return "", nil, fmt.Errorf("%q is not a highlight colour; use one of %s", f.Color, strings.Join(Colors, ", "))
		}
		conds = append(conds, `n.color = ?`)
		args = append(args, f.Color)
	}
	switch f.Kind {
	case "":
	case KindHighlight, KindNote:
		conds = append(conds, `n.kind = ?`)
		args = append(args, f.Kind)
	default:
		return "", nil, fmt.Errorf("%q is not a kind of annotation; use %q or %q", f.Kind, KindHighlight, KindNote)
	}
	if tag := tagKey(CleanTagName(f.Tag)); tag != "" {
		conds = append(conds, `n.article_id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id
			WHERE t.name_key = ? OR substr(t.name_key, 1, length(?)) = ?)`)
		args = append(args, tag, tag+"/", tag+"/")
	}
	if match := wordsMatch(f.Text); match != "" {
		conds = append(conds, `n.id IN (SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ?)`)
		args = append(args, match)
	}
	return strings.Join(conds, " AND "), args, nil
}

// wordsMatch turns what a person typed into an FTS5 query that finds all
// its words, the last one also as the start of a word (the list updates as
// they type). Every word is quoted and holds only letters and digits, so
// no input can be an FTS5 syntax error. It is "" when there are no words.
func wordsMatch(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.M, r)
	})
	if len(words) == 0 {
		return ""
	}
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(`"` + w + `"`)
	}
	if last := []rune(text); !unicode.IsSpace(last[len(last)-1]) {
		b.WriteByte('*')
	}
	return b.String()
}
