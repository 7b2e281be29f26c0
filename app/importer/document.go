// Package importer reads article files of every format Folio takes and turns
// them into documents ready to be stored.
package importer

import (
	"errors"
	"path/filepath"
	"strings"
)

// Document is one article read from a file.
type Document struct {
	Title     string
	Byline    string
	Source    string
	URL       string
	Published string // YYYY-MM-DD, or "" when the file gave no readable date
	Body      string // canonical plain text, paragraphs separated by a blank line
	HTML      string // sanitized HTML, or "" for plain-text formats
	Tags      []string
	// Warnings are things a person should know that did not stop the import,
	// such as a date that could not be read.
	Warnings []string
}

// ErrUnsupported marks a file whose type Folio does not import; it is
// skipped, not failed.
var ErrUnsupported = errors.New("not an article file Folio can read")

// Parse reads the articles in one file. The name decides the format; data is
// the file's bytes in any supported encoding.
func Parse(name string, data []byte) ([]Document, error) {
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".txt", ".text", "":
		text, err := decodeText(data)
		if err != nil {
			return nil, err
		}
		doc, err := parsePlainText(text)
		if err != nil {
			return nil, err
		}
		return []Document{doc}, nil
	default:
		return nil, ErrUnsupported
	}
}
