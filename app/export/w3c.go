package export

import (
	"encoding/json"
	"fmt"
	"io"

	"folio/db"
)

// The Web Annotation vocabulary Folio writes and reads.
const (
	annoContext      = "http://www.w3.org/ns/anno.jsonld"
	articleURNPrefix = "urn:folio:article:sha256:"
	markdownFormat   = "text/markdown"
)

// webAnnotation is one annotation as the JSON export writes it.
type webAnnotation struct {
	Context    string    `json:"@context"`
	ID         string    `json:"id"`
	Type       string    `json:"type"`
	Motivation string    `json:"motivation"`
	Created    string    `json:"created"`
	Modified   string    `json:"modified"`
	Body       *textBody `json:"body,omitempty"`
	Target     target    `json:"target"`
	Color      string    `json:"folio:color,omitempty"`
	Orphaned   bool      `json:"folio:orphaned,omitempty"`
}

type textBody struct {
	Type    string `json:"type"`
	Value   string `json:"value"`
	Format  string `json:"format"`
	Purpose string `json:"purpose"`
}

type target struct {
	Source    string `json:"source"`
	Title     string `json:"folio:title,omitempty"`
	URL       string `json:"folio:url,omitempty"`
	Published string `json:"folio:published,omitempty"`
	Site      string `json:"folio:site,omitempty"`
	Selector  []any  `json:"selector,omitempty"`
}

type quoteSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
}

type positionSelector struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// W3C writes the articles' annotations as a JSON array of W3C Web
// Annotations (see the package documentation).
func W3C(w io.Writer, articles []db.AnnotatedArticle) error {
	out := []webAnnotation{}
	for _, a := range articles {
		for _, n := range a.Annotations {
			out = append(out, toWeb(a, n))
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// ArticleURN names an article by its content hash, the same in every library.
func ArticleURN(contentHash string) string { return articleURNPrefix + contentHash }

func toWeb(a db.AnnotatedArticle, n db.Annotation) webAnnotation {
	w := webAnnotation{
		Context:    annoContext,
		ID:         n.UID,
		Type:       "Annotation",
		Motivation: "commenting",
		Created:    n.CreatedAt,
		Modified:   n.UpdatedAt,
		Target: target{Source: ArticleURN(a.ContentHash), Title: a.Title, URL: a.URL,
			Published: a.Published, Site: a.Source},
	}
	if w.ID == "" { // the store always sets one; this keeps the file valid regardless
		w.ID = fmt.Sprintf("%s:annotation:%d", ArticleURN(a.ContentHash), n.ID)
	}
	if n.Note != "" {
		w.Body = &textBody{Type: "TextualBody", Value: n.Note, Format: markdownFormat, Purpose: "commenting"}
	}
	if n.Kind == db.KindHighlight {
		w.Motivation = "highlighting"
		w.Color = n.Color
		w.Orphaned = n.Orphaned
		w.Target.Selector = []any{
			quoteSelector{Type: "TextQuoteSelector", Exact: n.Exact, Prefix: n.Prefix, Suffix: n.Suffix},
			positionSelector{Type: "TextPositionSelector", Start: n.Start, End: n.End},
		}
	}
	return w
}
