// Package importer reads article files of every format Folio takes and turns
// them into documents ready to be stored.
package importer

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// Document is one article read from a file.
type Document struct {
	Title string
	// TitleDerived is set when the file gave no title and Title was made
	// from the body (see DeriveTitle).
	TitleDerived bool
	Byline       string
	Source       string
	URL          string
	Published    string // YYYY-MM-DD, or "" when the file gave no readable date
	Body         string // canonical plain text, paragraphs separated by a blank line
	HTML         string // sanitized HTML whose text nodes spell Body, or "" for plain-text formats
	Tags         []string
	// Warnings are things a person should know that did not stop the import,
	// such as a date that could not be read.
	Warnings []string
	// Problem, when set, says why this one article of a file holding several
	// (a JSON list) could not be read; the other fields are then empty and
	// the article is not to be stored.
	Problem string
}

// ErrUnsupported marks a file whose type Folio does not import; it is
// skipped, not failed.
var ErrUnsupported = errors.New("not an article file Folio can read")

// Parse reads the articles in one file. The name's extension decides the
// format (a name without one is sniffed); data is the file's bytes in any
// supported encoding. ErrUnsupported means the file is not an article file
// and should be skipped; any other error says, in words a person can act
// on, why the file could not be read.
func Parse(name string, data []byte) ([]Document, error) {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".txt", ".text":
		return one(parseTextFile(data))
	case ".md", ".markdown":
		text, err := decodeText(data)
		if err != nil {
			return nil, err
		}
		return one(parseMarkdown(text))
	case ".html", ".htm", ".xhtml":
		return one(parseHTMLPage(data))
	case ".json":
		return parseJSON(data)
	case "":
		return sniff(data)
	default:
		return nil, fmt.Errorf("%w: Folio does not import %s files", ErrUnsupported, ext)
	}
}

func one(doc Document, err error) ([]Document, error) {
	if err != nil {
		return nil, err
	}
	return []Document{doc}, nil
}

func parseTextFile(data []byte) (Document, error) {
	text, err := decodeText(data)
	if err != nil {
		return Document{}, err
	}
	return parsePlainText(text)
}

// looksLikeHTML matches the start of a web page.
var looksLikeHTML = regexp.MustCompile(`(?is)^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|link|style|script|article|section|div|p|h[1-6])\b`)

// sniff reads a file without an extension: HTML if it looks like a page,
// JSON if it parses as JSON, text otherwise. Binary files are not article
// files, so they are skipped rather than failed.
func sniff(data []byte) ([]Document, error) {
	text, err := decodeText(data)
	if errors.Is(err, ErrBinary) {
		return nil, fmt.Errorf("%w: the file is binary, not text", ErrUnsupported)
	}
	if err != nil {
		return nil, err
	}
	trimmed := strings.TrimSpace(text)
	switch {
	case looksLikeHTML.MatchString(trimmed):
		return one(parseHTMLPage(data))
	case (strings.HasPrefix(trimmed, "{") || strings.HasPrefix(trimmed, "[")) && json.Valid([]byte(trimmed)):
		return parseJSON(data)
	}
	return one(parsePlainText(text))
}

// setTextField sets one of the single-line fields a structured file (JSON,
// front matter) may give, checking dates and addresses.
func setTextField(doc *Document, key, value string) {
	switch key {
	case "title":
		doc.Title = oneLine(cleanControls(value))
	case "source":
		doc.Source = oneLine(cleanControls(value))
	case "date":
		setDate(doc, value)
	case "url":
		value = strings.TrimSpace(value)
		switch {
		case value == "":
		case isWebLink(value) && !strings.HasPrefix(strings.ToLower(value), "mailto:"):
			doc.URL = value
		default:
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("the url %q is not a web address (http or https); it was left out", shortForWarning(value)))
		}
	}
}

// cleanTags trims tags and drops empty and repeated ones (ignoring case).
func cleanTags(tags []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tags {
		t = oneLine(cleanControls(t))
		if t == "" || seen[strings.ToLower(t)] {
			continue
		}
		seen[strings.ToLower(t)] = true
		out = append(out, t)
	}
	return out
}

func shortForWarning(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
