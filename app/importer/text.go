package importer

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// ErrEmpty is returned for a file with no text in it.
var ErrEmpty = errors.New("the file has no text")

// seedDate matches the seed format's first line: "date YYYY-MM-DD" and then,
// on the same line, the start of the body.
var seedDate = regexp.MustCompile(`^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*`)

// parsePlainText reads the two plain-text formats: the seed format (a date,
// then the body, no title) and title-first text (a title line, a blank line,
// then the body).
func parsePlainText(text string) (Document, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return Document{}, ErrEmpty
	}
	if m := seedDate.FindStringSubmatchIndex(text); m != nil {
		return parseSeed(text, text[m[2]:m[3]], text[m[1]:])
	}
	if title, body, ok := splitTitleFirst(text); ok {
		return Document{Title: title, Body: body}, nil
	}
	body := normaliseParagraphs(text)
	return Document{Title: DeriveTitle(body), Body: body}, nil
}

func parseSeed(text, date, rest string) (Document, error) {
	body := normaliseParagraphs(rest)
	if body == "" {
		return Document{}, fmt.Errorf("line 1: a date but no article text after it: %w", ErrEmpty)
	}
	doc := Document{Title: DeriveTitle(body), Body: body}
	if d, ok := ParseDate(date); ok {
		doc.Published = d
	} else {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("line 1: %q is not a real date; the date was left empty", date))
	}
	return doc, nil
}

// splitTitleFirst recognises a short first line followed by a blank line.
func splitTitleFirst(text string) (title, body string, ok bool) {
	first, rest, found := strings.Cut(text, "\n")
	if !found || len(first) > 250 || !strings.HasPrefix(rest, "\n") && !strings.HasPrefix(strings.TrimLeft(rest, " \t"), "\n") {
		return "", "", false
	}
	title = strings.Join(strings.Fields(first), " ")
	body = normaliseParagraphs(rest)
	if title == "" || body == "" {
		return "", "", false
	}
	return title, body, true
}

// normaliseParagraphs trims every line and separates paragraphs by exactly
// one blank line. Line breaks inside a paragraph are kept.
func normaliseParagraphs(text string) string {
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return strings.Join(paras, "\n\n")
}
