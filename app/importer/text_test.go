package importer

import (
	"errors"
	"strings"
	"testing"
)

func TestParsePlainText(t *testing.T) {
	cases := []struct {
		name      string
		in        string
		title     string
		published string
		bodyStart string
		bodyEnd   string
		err       error
	}{
		{
			name:      "seed format with leading space, Watch line and agency credit",
			in:        " date 2023-09-15 Harbour authorities said on Friday (September 15) that a ferry will run. It starts in spring.\n\nWatch: the ferry\n\n(With inputs from agencies)\n",
			title:     "Harbour authorities said on Friday (September 15) that a ferry will run",
			published: "2023-09-15",
			bodyStart: "Harbour authorities said",
			bodyEnd:   "(With inputs from agencies)",
		},
		{
			name:      "seed format whose first paragraph is a Watch line",
			in:        "date 2024-02-29 Watch: the video\n\nThe real story begins here. More follows.",
			title:     "The real story begins here",
			published: "2024-02-29",
			bodyStart: "Watch: the video",
		},
		{
			name:      "seed format with an impossible date keeps the text, drops the date",
			in:        "date 2023-02-30 Something happened. Then more.",
			title:     "Something happened",
			published: "",
			bodyStart: "Something happened.",
		},
		{
			name:      "title first (BBC)",
			in:        "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%.\n\nThe firm said...\n",
			title:     "Ad sales boost Time Warner profit",
			bodyStart: "Quarterly profits",
			bodyEnd:   "The firm said...",
		},
		{
			name:      "CRLF title first",
			in:        "Title here\r\n\r\nBody line one.\r\nBody line two.\r\n",
			title:     "Title here",
			bodyStart: "Body line one.\nBody line two.",
		},
		{
			name:      "no title and no date: the first sentence, cut at a word boundary",
			in:        strings.Repeat("word ", 60) + "end. Second sentence.",
			title:     strings.TrimSpace(strings.Repeat("word ", 16)) + "…",
			bodyStart: "word word",
		},
		{
			name:      "abbreviations do not end the derived title",
			in:        "date 2023-01-01 Mr. Smith met U.S. officials in St. Louis on Monday. They talked.",
			title:     "Mr. Smith met U.S. officials in St. Louis on Monday",
			published: "2023-01-01",
		},
		{
			name:      "a Watch line first is body, not a title",
			in:        "Watch: the launch\n\nThe rocket left the pad at dawn. It reached orbit.",
			title:     "The rocket left the pad at dawn",
			bodyStart: "Watch: the launch\n\nThe rocket",
		},
		{
			name:      "a first line too long for a title is body",
			in:        strings.Repeat("long ", 40) + "line.\n\nSecond paragraph.",
			title:     strings.TrimSpace(strings.Repeat("long ", 16)) + "…",
			bodyStart: "long long",
		},
		{
			name:      "date keyword in capitals and the body on the next line",
			in:        "DATE 2023-09-15\nThe body starts here. More.",
			title:     "The body starts here",
			published: "2023-09-15",
			bodyStart: "The body starts here.",
		},
		{
			name:      "a date glued to a word is not the seed format",
			in:        "date 2023-09-15T10:00 is when it happened.\n\nMore.",
			title:     "date 2023-09-15T10:00 is when it happened.",
			bodyStart: "More.",
		},
		{
			name:      "only a Watch line: no title can be derived",
			in:        "date 2023-09-15 Watch: the video",
			title:     "Untitled",
			published: "2023-09-15",
			bodyStart: "Watch: the video",
		},
		{name: "empty", in: "  \n\n ", err: ErrEmpty},
		{name: "a date and nothing else", in: "date 2023-09-15   ", err: ErrEmpty},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := parsePlainText(normaliseNewlines(c.in))
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Fatalf("err = %v, want %v", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != c.title {
				t.Errorf("title = %q, want %q", doc.Title, c.title)
			}
			if doc.Published != c.published {
				t.Errorf("published = %q, want %q", doc.Published, c.published)
			}
			if !strings.HasPrefix(doc.Body, c.bodyStart) {
				t.Errorf("body starts %q, want %q", doc.Body[:min(len(doc.Body), 40)], c.bodyStart)
			}
			if c.bodyEnd != "" && !strings.HasSuffix(doc.Body, c.bodyEnd) {
				t.Errorf("body ends %q, want %q", doc.Body[max(0, len(doc.Body)-40):], c.bodyEnd)
			}
			if c.published == "" && seedDate.MatchString(strings.TrimSpace(c.in)) && len(doc.Warnings) == 0 {
				t.Error("an unreadable date was dropped without a warning")
			}
		})
	}
}
