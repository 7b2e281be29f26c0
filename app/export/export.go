// Package export writes a library's highlights and notes out as Markdown
// or as W3C Web Annotations (JSON), and reads such JSON back.
//
// # Markdown
//
// One section per article: "# Title", a line with the date, the source and
// the address, then each highlight as a block quote followed by its note,
// then the notes on the whole article under "## Notes". A highlight whose
// passage is no longer in the article's text is preceded by a line saying
// it is orphaned. Markdown is for people; it is not read back.
//
// # JSON
//
// A JSON array of annotations in the W3C Web Annotation Data Model
// (https://www.w3.org/TR/annotation-model/), each with its own
// "@context": "http://www.w3.org/ns/anno.jsonld":
//
//   - "id" is the annotation's lasting identity, a urn:uuid IRI;
//   - "motivation" is "highlighting" for a highlight, "commenting" for a
//     note on the whole article;
//   - "body", present when there is a note, is a TextualBody with the note
//     as "value", "format": "text/markdown" and "purpose": "commenting";
//   - "target.source" names the article by its text,
//     "urn:folio:article:sha256:<hash>" (the same text gives the same hash
//     in every library, whatever its whitespace and case), and a highlight's
//     "target.selector" holds a TextQuoteSelector (exact, prefix, suffix)
//     and a TextPositionSelector (start, end, in Unicode code points of the
//     article's plain text, end exclusive). A note on the whole article has
//     no selector.
//
// Folio's extension fields, named as absolute IRIs ("folio:…") so that
// JSON-LD processing keeps them: on the annotation, "folio:color" (the
// highlight colour: yellow, green, blue, pink or purple) and
// "folio:orphaned" (true when the passage could not be found in the
// article's current text); on the target, "folio:title", "folio:url",
// "folio:published" (YYYY-MM-DD) and "folio:site" (the source) describe
// the article, so that an annotation whose article is missing can be
// reported by name and matched by address.
//
// ParseW3C reads that array back, and also a single annotation, an
// AnnotationPage or an AnnotationCollection with its first page embedded,
// including annotations written by other tools.
package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"folio/db"
)

// Formats an export can be written in.
const (
	FormatMarkdown = "md"
	FormatJSON     = "json"
)

// ErrNotAnnotations is returned by ParseW3C for data that is not an export
// of annotations, such as a JSON file of articles.
var ErrNotAnnotations = errors.New("not a file of Web Annotations")

// Record is one annotation read from an export, ready for
// (*db.Store).ImportAnnotations.
type Record = db.AnnotationRecord

// Write writes the articles' annotations in the format, "md" or "json".
func Write(w io.Writer, format string, articles []db.AnnotatedArticle) error {
	switch format {
	case FormatMarkdown:
		return Markdown(w, articles)
	case FormatJSON:
		return W3C(w, articles)
	}
	return fmt.Errorf("%q is not an export format; use %q (Markdown) or %q (W3C Web Annotations)", format, FormatMarkdown, FormatJSON)
}

// Bytes returns the export as Write writes it.
func Bytes(format string, articles []db.AnnotatedArticle) ([]byte, error) {
	var b bytes.Buffer
	if err := Write(&b, format, articles); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// FileName is the name an export is offered under when it is saved.
func FileName(format string) string {
	if format == FormatJSON {
		return "folio-annotations.json"
	}
	return "folio-highlights.md"
}
