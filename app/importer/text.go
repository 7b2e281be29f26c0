package importer

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// seedDate matches the seed format's first line: "date YYYY-MM-DD" and then,
// on the same line, the start of the body.
var seedDate = regexp.MustCompile(`^(?i:date)[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|\n|$)`)

// maxTitleLine is the longest first line taken as a title; a longer one is
// the start of the body.
const maxTitleLine = 150

// parsePlainText reads the two plain-text formats: the seed format (a date,
// then the body, no title) and title-first text (a title line, a blank line,
// then the body).
func parsePlainText(text string) (Document, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return Document{}, ErrEmpty
	}
	if m := seedDate.FindStringSubmatchIndex(text); m != nil {
		return parseSeed(text[m[2]:m[3]], text[m[1]:])
	}
	if title, body, ok := splitTitleFirst(text); ok {
		return Document{Title: title, Body: body}, nil
	}
	doc := Document{Body: normaliseParagraphs(text)}
	deriveTitle(&doc)
	return doc, nil
}

func parseSeed(date, rest string) (Document, error) {
	body := normaliseParagraphs(rest)
	if body == "" {
		return Document{}, fmt.Errorf("line 1 has a date but no article text follows it: %w", ErrEmpty)
	}
	doc := Document{Body: body}
	deriveTitle(&doc)
	setDate(&doc, date)
	return doc, nil
}

// splitTitleFirst recognises a short first line followed by a blank line. A
// line that can never be a title ("Watch: …") stays in the body.
func splitTitleFirst(text string) (title, body string, ok bool) {
	first, rest, found := strings.Cut(text, "\n")
	if !found || strings.TrimSpace(first) == "" {
		return "", "", false
	}
	if blank, _, _ := strings.Cut(rest, "\n"); strings.TrimSpace(blank) != "" {
		return "", "", false
	}
	title = strings.Join(strings.Fields(first), " ")
	if utf8.RuneCountInString(title) > maxTitleLine || notTitle.MatchString(title) {
		return "", "", false
	}
	body = normaliseParagraphs(rest)
	if body == "" {
		return "", "", false
	}
	return title, body, true
}

// normaliseParagraphs trims every line and separates paragraphs by exactly
// one blank line. Line breaks inside a paragraph are kept. It writes the
// result in one pass: a large file is not split into lines first.
func normaliseParagraphs(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	blank := false // a blank line since the last line written
	for rest := text; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			blank = true
			continue
		case b.Len() == 0:
		case blank:
			b.WriteString("\n\n")
		default:
			b.WriteByte('\n')
		}
		b.WriteString(line)
		blank = false
	}
	return b.String()
}
