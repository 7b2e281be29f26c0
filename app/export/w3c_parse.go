package export

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"folio/db"
)

// ParseW3C reads annotations in the W3C Web Annotation Data Model: a JSON
// array of annotations (as W3C writes it), a single annotation, an
// AnnotationPage, or an AnnotationCollection whose first page is in the
// file. It returns ErrNotAnnotations for anything else (a JSON file of
// articles, say), and an error naming the annotation for one Folio cannot
// use, such as one that quotes no passage and has no note.
func ParseW3C(data []byte) ([]Record, error) {
	items, err := annotationItems(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	if err != nil {
		return nil, err
	}
	out := make([]Record, 0, len(items))
	for i, raw := range items {
		var in inAnnotation
		if err := json.Unmarshal(raw, &in); err != nil {
			return nil, fmt.Errorf("annotation %d: %v", i+1, err)
		}
		if !in.Type.has("Annotation") {
			return nil, fmt.Errorf("item %d of the file is not an annotation (its type is %q)", i+1, strings.Join(in.Type, ", "))
		}
		r, err := in.record()
		if err != nil {
			return nil, fmt.Errorf("annotation %d (%s): %w", i+1, orDash(in.ID), err)
		}
		out = append(out, r)
	}
	return out, nil
}

// annotationItems finds the annotations in the file, undecoded.
func annotationItems(data []byte) ([]json.RawMessage, error) {
	if len(data) == 0 || (data[0] != '[' && data[0] != '{') {
		return nil, ErrNotAnnotations
	}
	if data[0] == '[' {
		var items []json.RawMessage
		if json.Unmarshal(data, &items) != nil {
			return nil, ErrNotAnnotations
		}
		for _, raw := range items {
			var head struct{ Type strs }
			if json.Unmarshal(raw, &head) == nil && head.Type.has("Annotation") {
				return items, nil
			}
		}
		return nil, ErrNotAnnotations // articles, or nothing at all
	}
	var head struct {
		Type  strs            `json:"type"`
		First json.RawMessage `json:"first"`
		Items json.RawMessage `json:"items"`
	}
	if json.Unmarshal(data, &head) != nil {
		return nil, ErrNotAnnotations
	}
	switch {
	case head.Type.has("Annotation"):
		return []json.RawMessage{data}, nil
	case head.Type.has("AnnotationPage"):
		return pageItems(head.Items)
	case head.Type.has("AnnotationCollection"):
		var page struct {
			Items json.RawMessage `json:"items"`
		}
		if len(head.First) == 0 || head.First[0] != '{' || json.Unmarshal(head.First, &page) != nil {
			return nil, errors.New("the annotation collection's pages are not in the file (its first page must be embedded)")
		}
		return pageItems(page.Items)
	}
	return nil, ErrNotAnnotations
}

func pageItems(raw json.RawMessage) ([]json.RawMessage, error) {
	var items []json.RawMessage
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, fmt.Errorf("the annotation page's items are not a list: %v", err)
		}
	}
	return items, nil
}

// strs is a JSON-LD value that may be one string or an array of them.
type strs []string

func (s *strs) UnmarshalJSON(b []byte) error {
	var one string
	if json.Unmarshal(b, &one) == nil {
		*s = strs{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return errors.New("expected a string or a list of strings")
	}
	*s = many
	return nil
}

func (s strs) has(v string) bool { return slices.Contains(s, v) }

// inAnnotation is an annotation as ParseW3C accepts it, from Folio or from
// another tool.
type inAnnotation struct {
	ID        string          `json:"id"`
	Type      strs            `json:"type"`
	Created   string          `json:"created"`
	Modified  string          `json:"modified"`
	Body      json.RawMessage `json:"body"`
	BodyValue string          `json:"bodyValue"`
	Target    json.RawMessage `json:"target"`
	Color     string          `json:"folio:color"`
}

type inBody struct {
	Type    strs   `json:"type"`
	Value   string `json:"value"`
	Purpose strs   `json:"purpose"`
}

type inTarget struct {
	ID        string          `json:"id"`
	Source    string          `json:"source"`
	Title     string          `json:"folio:title"`
	URL       string          `json:"folio:url"`
	Published string          `json:"folio:published"`
	Selector  json.RawMessage `json:"selector"`
}

type inSelector struct {
	Type   strs   `json:"type"`
	Exact  string `json:"exact"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
	Start  *int   `json:"start"`
	End    *int   `json:"end"`
}

func (in inAnnotation) record() (Record, error) {
	r := Record{UID: strings.TrimSpace(in.ID), CreatedAt: timestamp(in.Created), UpdatedAt: timestamp(in.Modified)}
	note, err := in.note()
	if err != nil {
		return r, err
	}
	r.Note = note
	t, err := in.target()
	if err != nil {
		return r, err
	}
	source := strings.TrimSpace(cmp.Or(t.Source, t.ID))
	r.ArticleRef, r.ArticleTitle, r.ArticleURL = source, t.Title, strings.TrimSpace(t.URL)
	// Another tool's selectors carry context of any length (see db.AnnotationRecord.Foreign).
	if hash, own := strings.CutPrefix(source, articleURNPrefix); own {
		r.ArticleHash = hash
	} else {
		r.Foreign = true
	}
	if r.Tags, err = in.tags(); err != nil {
		return r, err
	}
	if r.Foreign && r.ArticleURL == "" && (strings.HasPrefix(source, "http://") || strings.HasPrefix(source, "https://")) {
		r.ArticleURL = source
	}
	if r.ArticleHash == "" && r.ArticleURL == "" {
		return r, fmt.Errorf("its target %q does not name a Folio article or a web address", source)
	}
	quote, position, err := selectors(t.Selector)
	if err != nil {
		return r, err
	}
	switch {
	case quote != nil:
		r.Kind, r.Exact, r.Prefix, r.Suffix = db.KindHighlight, quote.Exact, quote.Prefix, quote.Suffix
		if position != nil {
			r.Start, r.End = *position.Start, *position.End
		}
		r.Color = db.DefaultColor
		if slices.Contains(db.Colors, in.Color) {
			r.Color = in.Color
		}
	case position != nil:
		return r, errors.New("it marks a passage by position only; Folio needs the quoted text (a TextQuoteSelector)")
	case r.Note != "":
		r.Kind = db.KindNote
	default:
		return r, errors.New("it quotes no passage and has no note")
	}
	return r, nil
}

// note joins the textual bodies that comment (not those that tag).
func (in inAnnotation) note() (string, error) {
	var parts []string
	if v := strings.TrimSpace(in.BodyValue); v != "" {
		parts = append(parts, v)
	}
	var bodies []json.RawMessage
	if err := oneOrMany(in.Body, &bodies); err != nil {
		return "", fmt.Errorf("its body: %v", err)
	}
	for _, raw := range bodies {
		var b inBody
		if len(raw) == 0 || raw[0] != '{' {
			continue // a body that is only an IRI carries no text
		}
		if err := json.Unmarshal(raw, &b); err != nil {
			return "", fmt.Errorf("its body: %v", err)
		}
		if b.Purpose.has("tagging") || b.Purpose.has("classifying") || strings.TrimSpace(b.Value) == "" {
			continue
		}
		parts = append(parts, strings.TrimSpace(b.Value))
	}
	return strings.Join(parts, "\n\n"), nil
}

// tags are the values of the bodies that tag (purpose "tagging").
func (in inAnnotation) tags() ([]string, error) {
	var bodies []json.RawMessage
	if err := oneOrMany(in.Body, &bodies); err != nil {
		return nil, fmt.Errorf("its body: %v", err)
	}
	var out []string
	for _, raw := range bodies {
		var b inBody
		if len(raw) == 0 || raw[0] != '{' || json.Unmarshal(raw, &b) != nil {
			continue // note reports a body it cannot read
		}
		if b.Purpose.has("tagging") && strings.TrimSpace(b.Value) != "" {
			out = append(out, strings.TrimSpace(b.Value))
		}
	}
	return out, nil
}

// target returns the first target; a target that is only an IRI names
// the article without selecting a passage.
func (in inAnnotation) target() (inTarget, error) {
	var list []json.RawMessage
	if err := oneOrMany(in.Target, &list); err != nil || len(list) == 0 {
		return inTarget{}, errors.New("it has no target")
	}
	var t inTarget
	if json.Unmarshal(list[0], &t.Source) == nil {
		return t, nil
	}
	if err := json.Unmarshal(list[0], &t); err != nil {
		return t, fmt.Errorf("its target: %v", err)
	}
	return t, nil
}

// selectors picks the quote and the position among the target's selectors.
func selectors(raw json.RawMessage) (quote, position *inSelector, err error) {
	var list []json.RawMessage
	if err := oneOrMany(raw, &list); err != nil {
		return nil, nil, fmt.Errorf("its selector: %v", err)
	}
	for _, item := range list {
		var s inSelector
		if err := json.Unmarshal(item, &s); err != nil {
			return nil, nil, fmt.Errorf("its selector: %v", err)
		}
		switch {
		case s.Type.has("TextQuoteSelector") && quote == nil && s.Exact != "":
			quote = &s
		case s.Type.has("TextPositionSelector") && position == nil && s.Start != nil && s.End != nil:
			if *s.Start < 0 || *s.End < *s.Start {
				return nil, nil, fmt.Errorf("its position %d–%d is not a passage", *s.Start, *s.End)
			}
			position = &s
		}
	}
	return quote, position, nil
}

// oneOrMany decodes a JSON value that may be one item or an array of them.
func oneOrMany(raw json.RawMessage, out *[]json.RawMessage) error {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || string(raw) == "null":
		*out = nil
		return nil
	case raw[0] == '[':
		return json.Unmarshal(raw, out)
	}
	*out = []json.RawMessage{raw}
	return nil
}

// timestamp normalises an xsd:dateTime to RFC 3339 in UTC; "" when it is
// missing or unreadable, so that the import uses the time of the import.
func timestamp(s string) string {
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s))
	if err != nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func orDash(s string) string {
	if s == "" {
		return "without an id"
	}
	return s
}
