package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"folio/db"
)

// articleJSON is an article as the --json output shows it.
type articleJSON struct {
	ID         int64    `json:"id"`
	Title      string   `json:"title"`
	Published  *string  `json:"published"` // null when unknown
	Path       string   `json:"path"`
	Source     string   `json:"source"`
	Byline     string   `json:"byline,omitempty"`
	URL        string   `json:"url,omitempty"`
	ImportedAt string   `json:"imported_at,omitempty"`
	WordCount  int      `json:"word_count"`
	Tags       []string `json:"tags"`
	Read       bool     `json:"read"`
	Starred    bool     `json:"starred"`
	Versions   int      `json:"versions,omitempty"` // of its story, itself included; in lists and searches
	Body       string   `json:"body,omitempty"`
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func tagNames(tags []db.TagRef) []string {
	names := make([]string, len(tags))
	for i, t := range tags {
		names[i] = t.Name
	}
	return names
}

func summaryJSON(a db.ArticleSummary) articleJSON {
	return articleJSON{ID: a.ID, Title: a.Title, Published: nullable(a.Published), Path: a.Path,
		Source: a.Source, ImportedAt: a.ImportedAt, WordCount: a.WordCount, Tags: tagNames(a.Tags),
		Read: a.Read, Starred: a.Starred, Versions: a.Versions}
}

func articleFullJSON(a db.Article) articleJSON {
	return articleJSON{ID: a.ID, Title: a.Title, Published: nullable(a.Published), Path: a.Path,
		Source: a.Source, Byline: a.Byline, URL: a.URL, ImportedAt: a.ImportedAt, WordCount: a.WordCount,
		Tags: tagNames(a.Tags), Read: a.Read, Starred: a.Starred, Body: a.Body}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// dateOr shows a date, or a dash for an undated article.
func dateOr(d string) string {
	if d == "" {
		return "     —    "
	}
	return d
}

func printSummaryLine(w io.Writer, a db.ArticleSummary) {
	tags := ""
	if len(a.Tags) > 0 {
		tags = "  [" + quoted(strings.Join(tagNames(a.Tags), ", ")) + "]"
	}
	versions := ""
	if a.Versions > 1 {
		versions = fmt.Sprintf("  (%d versions)", a.Versions)
	}
	fmt.Fprintf(w, "%6d  %s  %s%s%s\n", a.ID, dateOr(a.Published), quoted(a.Title), versions, tags)
}
