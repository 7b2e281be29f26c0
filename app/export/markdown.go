package export

import (
	"bufio"
	"io"
	"strings"

	"folio/db"
)

// Markdown writes the articles' highlights and notes as a Markdown
// document, one "# Title" section per article. Each highlight is a block
// quote ending with where it is from (source, date) and its colour; its
// note follows under "Note:", so a quote inside a note never reads as a
// highlight.
func Markdown(w io.Writer, articles []db.AnnotatedArticle) error {
	b := bufio.NewWriter(w)
	for i, a := range articles {
		if i > 0 {
			b.WriteString("\n")
		}
		writeArticle(b, a)
	}
	return b.Flush()
}

func writeArticle(b *bufio.Writer, a db.AnnotatedArticle) {
	title := strings.Join(strings.Fields(a.Title), " ")
	if title == "" {
		title = "Untitled"
	}
	b.WriteString("# " + title + "\n")
	var meta []string
	for _, m := range []string{a.Published, a.Source, a.URL} {
		if m = strings.Join(strings.Fields(m), " "); m != "" {
			meta = append(meta, m)
		}
	}
	if len(meta) > 0 {
		b.WriteString("\n" + strings.Join(meta, " · ") + "\n")
	}
	var notes []string
	for _, n := range a.Annotations {
		if n.Kind == db.KindNote {
			notes = append(notes, n.Note)
			continue
		}
		b.WriteString("\n")
		if n.Orphaned {
			b.WriteString("*Orphaned: this passage is no longer in the article's text.*\n\n")
		}
		writeQuote(b, n.Exact)
		b.WriteString(">\n> — " + attribution(a, n) + "\n")
		if n.Note != "" {
			b.WriteString("\n**Note:**\n\n" + n.Note + "\n")
		}
	}
	if len(notes) > 0 {
		b.WriteString("\n## Notes\n")
		for i, n := range notes {
			if i > 0 {
				b.WriteString("\n* * *\n")
			}
			b.WriteString("\n" + n + "\n")
		}
	}
}

// attribution says where a highlight is from and how it was marked:
// "Malta Post, 2023-09-15 · yellow highlight, 2026-03-01".
func attribution(a db.AnnotatedArticle, n db.Annotation) string {
	var from []string
	for _, m := range []string{a.Source, a.Published} {
		if m = strings.Join(strings.Fields(m), " "); m != "" {
			from = append(from, m)
		}
	}
	if len(from) == 0 {
		from = append(from, "undated")
	}
	color := n.Color
	if color == "" {
		color = "yellow"
	}
	marked := color + " highlight"
	if len(n.CreatedAt) >= 10 {
		marked += ", " + n.CreatedAt[:10]
	}
	return strings.Join(from, ", ") + " · " + marked
}

// writeQuote writes text as a block quote, line by line; a blank line
// stays inside the quote.
func writeQuote(b *bufio.Writer, text string) {
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if line = strings.TrimRight(line, " \t"); line == "" {
			b.WriteString(">\n")
			continue
		}
		b.WriteString("> " + line + "\n")
	}
}
