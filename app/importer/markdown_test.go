package importer

import (
	"slices"
	"strings"
	"testing"
)

func TestParseMarkdown(t *testing.T) {
	cases := []struct {
		name      string
		in        string
		title     string
		byline    string
		published string
		tags      []string
		body      string
		warnings  int
		err       string
	}{
		{name: "heading is the title and leaves the body", in: "# The *big* story\n\nIt happened.\n\n# Later heading\n\nMore.",
			title: "The big story", body: "It happened.\n\nLater heading\n\nMore."},
		{name: "no heading: a derived title", in: "Plain words. More words.", title: "Plain words", body: "Plain words. More words."},
		{name: "front matter title wins over a different heading", in: "---\ntitle: Given\n---\n# Heading\n\nText.",
			title: "Given", body: "Heading\n\nText."},
		{name: "a heading repeating the front matter title is dropped", in: "---\ntitle: Same title\n---\n# Same Title\n\nText.",
			title: "Same title", body: "Text."},
		{name: "authors as a list, tags as text", in: "---\nauthor: [Ann, Bo]\ntags: a, b, ,A\n---\nText.",
			byline: "Ann, Bo", tags: []string{"a", "b"}, body: "Text."},
		{name: "quoted and unusual dates", in: "---\ndate: \"Sep 15, 2023\"\n---\nText.", published: "2023-09-15", body: "Text."},
		{name: "an unreadable date is a warning", in: "---\ndate: sometime\n---\nText.", warnings: 1, body: "Text."},
		{name: "a bad url is a warning", in: "---\nurl: javascript:alert(1)\n---\nText.", warnings: 1, body: "Text."},
		{name: "unknown fields are ignored", in: "---\nlayout: post\ndraft: true\n---\nText.", body: "Text."},
		{name: "empty front matter", in: "---\n---\nText.", body: "Text."},
		{name: "a rule and a paragraph are not front matter", in: "---\nJust a paragraph\n---\nText.", body: "Just a paragraph\n\nText."},
		{name: "unclosed front matter is Markdown", in: "---\ntitle: x\n\nText.", body: "title: x\n\nText."},
		{name: "a title of the wrong kind", in: "---\ntitle: [a, b]\n---\nText.", err: `the front matter, line 2: "title" must be text, not a list`},
		{name: "nested tags", in: "---\ntags:\n  - [a]\n---\nText.", err: `"tags" must be a list of text`},
		{name: "front matter that is not YAML", in: "---\ntitle: x\n  bad: indent\n---\nText.", err: "the front matter is not valid YAML: line 3: mapping values are not allowed"},
		{name: "a list item is not front matter", in: "---\n- title: x\n---\nText.", body: "title: x\n\nText."},
		{name: "a title and nothing else", in: "# Only a title\n", err: "no article text"},
		{name: "raw HTML is sanitized", in: "Text <script>x()</script><b onclick=y()>bold</b>.", body: "Text bold."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := parseMarkdown(c.in)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, doc)
			if c.title != "" && doc.Title != c.title {
				t.Errorf("title = %q, want %q", doc.Title, c.title)
			}
			if doc.Byline != c.byline || doc.Published != c.published || !slices.Equal(doc.Tags, c.tags) {
				t.Errorf("byline %q, published %q, tags %q; want %q, %q, %q", doc.Byline, doc.Published, doc.Tags, c.byline, c.published, c.tags)
			}
			if doc.Body != c.body {
				t.Errorf("body = %q, want %q", doc.Body, c.body)
			}
			if len(doc.Warnings) != c.warnings {
				t.Errorf("warnings = %q, want %d", doc.Warnings, c.warnings)
			}
		})
	}
}
