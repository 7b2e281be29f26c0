package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"folio/db"
)

// ParseHypothesis reads annotations exported from Hypothesis: the answer of
// its search API ({"total": …, "rows": […]}), the export file of its client
// ({"annotations": […]}), or a bare list of the same rows. Each row names its
// page by "uri", quotes its passage in "target[].selector" (TextQuote,
// TextPosition and Range selectors; the first two are read), carries its
// note in "text" and its tags in "tags". A row with neither a quote nor a
// note (a bookmark) is left out: it holds nothing to keep. It returns
// ErrNotAnnotations for anything else.
func ParseHypothesis(data []byte) ([]Record, error) {
	rows, err := hypothesisRows(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	if err != nil {
		return nil, err
	}
	out := make([]Record, 0, len(rows))
	for i, raw := range rows {
		var row hypothesisRow
		if err := json.Unmarshal(raw, &row); err != nil {
			return nil, fmt.Errorf("annotation %d: %v", i+1, err)
		}
		r, keep, err := row.record()
		if err != nil {
			return nil, fmt.Errorf("annotation %d (%s): %w", i+1, orDash(row.ID), err)
		}
		if keep {
			out = append(out, r)
		}
	}
	return out, nil
}

// hypothesisRows finds the rows of a Hypothesis export, undecoded.
func hypothesisRows(data []byte) ([]json.RawMessage, error) {
	var rows []json.RawMessage
	switch {
	case len(data) > 0 && data[0] == '[':
		if json.Unmarshal(data, &rows) != nil {
			return nil, ErrNotAnnotations
		}
	case len(data) > 0 && data[0] == '{':
		var wrapper struct {
			Rows        []json.RawMessage `json:"rows"`
			Annotations []json.RawMessage `json:"annotations"`
		}
		if json.Unmarshal(data, &wrapper) != nil {
			return nil, ErrNotAnnotations
		}
		rows = append(wrapper.Rows, wrapper.Annotations...)
		if len(rows) == 0 {
			return nil, ErrNotAnnotations
		}
	default:
		return nil, ErrNotAnnotations
	}
	for _, raw := range rows {
		var head struct {
			URI    *string         `json:"uri"`
			Target json.RawMessage `json:"target"`
		}
		if json.Unmarshal(raw, &head) != nil || head.URI == nil || len(head.Target) == 0 {
			return nil, ErrNotAnnotations // articles, or another tool's rows
		}
	}
	return rows, nil
}

// hypothesisRow is one annotation as Hypothesis writes it.
type hypothesisRow struct {
	ID      string   `json:"id"`
	Created string   `json:"created"`
	Updated string   `json:"updated"`
	URI     string   `json:"uri"`
	Text    string   `json:"text"`
	Tags    []string `json:"tags"`
	Target  []struct {
		Source   string          `json:"source"`
		Selector json.RawMessage `json:"selector"`
	} `json:"target"`
	Document struct {
		Title strs `json:"title"`
	} `json:"document"`
}

func (row hypothesisRow) record() (r Record, keep bool, err error) {
	r = Record{Note: strings.TrimSpace(row.Text), Tags: row.Tags, Foreign: true,
		CreatedAt: timestamp(row.Created), UpdatedAt: timestamp(row.Updated)}
	if row.ID != "" {
		r.UID = "hypothesis:" + row.ID
	}
	r.ArticleURL = strings.TrimSpace(row.URI)
	if r.ArticleURL == "" && len(row.Target) > 0 {
		r.ArticleURL = strings.TrimSpace(row.Target[0].Source)
	}
	if r.ArticleURL == "" {
		return r, false, fmt.Errorf("it names no page (its uri is empty)")
	}
	r.ArticleRef = r.ArticleURL
	if len(row.Document.Title) > 0 {
		r.ArticleTitle = strings.TrimSpace(row.Document.Title[0])
	}
	var quote, position *inSelector
	if len(row.Target) > 0 {
		if quote, position, err = selectors(row.Target[0].Selector); err != nil {
			return r, false, err
		}
	}
	switch {
	case quote != nil:
		r.Kind, r.Color, r.Exact, r.Prefix, r.Suffix = db.KindHighlight, db.DefaultColor, quote.Exact, quote.Prefix, quote.Suffix
		if position != nil {
			r.Start, r.End = *position.Start, *position.End
		}
	case r.Note != "":
		r.Kind = db.KindNote
	default:
		return r, false, nil
	}
	return r, true, nil
}
