package export_test

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"folio/app/export"
	"folio/db"
)

func TestParseHypothesisRecognisesOnlyItsExports(t *testing.T) {
	for _, c := range []struct{ name, data string }{
		{"empty file", ""},
		{"an article", `{"title": "Ferry", "body": "Text."}`},
		{"articles", `[{"title": "Ferry", "body": "Text.", "url": "https://example.org/f"}]`},
		{"rows without addresses", `{"rows": [{"id": "a", "target": [{"selector": []}]}]}`},
		{"no rows", `{"total": 0, "rows": []}`},
		{"W3C annotations", `[{"type": "Annotation", "target": "https://example.org/f"}]`},
		{"broken JSON", `{"rows": [{"uri": `},
	} {
		if _, err := export.ParseHypothesis([]byte(c.data)); !errors.Is(err, export.ErrNotAnnotations) {
			t.Errorf("%s: err = %v, want ErrNotAnnotations", c.name, err)
		}
	}
}

func TestParseHypothesis(t *testing.T) {
	row := `{"id": "abc", "created": "2024-05-20T08:15:00.000000+00:00", "updated": "2024-05-21T08:15:00+00:00",
		"uri": "https://example.org/ferry", "text": " Note. ", "tags": ["malta", "ferry"],
		"target": [{"source": "https://example.org/ferry", "selector": [
			{"type": "RangeSelector", "startContainer": "/p[1]", "startOffset": 0, "endContainer": "/p[1]", "endOffset": 4},
			{"type": "TextPositionSelector", "start": 30, "end": 34},
			{"type": "TextQuoteSelector", "exact": "Gozo", "prefix": "to ", "suffix": " will"}]}],
		"document": {"title": ["Ferry to Gozo"]}}`
	want := export.Record{UID: "hypothesis:abc", ArticleURL: "https://example.org/ferry", ArticleRef: "https://example.org/ferry",
		ArticleTitle: "Ferry to Gozo", Kind: db.KindHighlight, Color: db.DefaultColor, Note: "Note.", Exact: "Gozo",
		Prefix: "to ", Suffix: " will", Start: 30, End: 34, CreatedAt: "2024-05-20T08:15:00Z", UpdatedAt: "2024-05-21T08:15:00Z",
		Tags: []string{"malta", "ferry"}, Foreign: true}
	pageNote := `{"id": "p", "uri": "https://example.org/ferry", "text": "On the whole page.", "target": [{"source": "https://example.org/ferry"}]}`
	bookmark := `{"id": "b", "uri": "https://example.org/ferry", "text": "", "tags": ["later"], "target": [{"source": "https://example.org/ferry"}]}`
	for _, c := range []struct{ name, data string }{
		{"API rows", `{"total": 3, "rows": [` + row + `, ` + pageNote + `, ` + bookmark + `]}`},
		{"client export", "\ufeff" + `{"export_date": "2024-06-01", "annotations": [` + row + `, ` + pageNote + `, ` + bookmark + `]}`},
		{"a bare list", `[` + row + `, ` + pageNote + `, ` + bookmark + `]`},
	} {
		t.Run(c.name, func(t *testing.T) {
			records, err := export.ParseHypothesis([]byte(c.data))
			if err != nil {
				t.Fatal(err)
			}
			if len(records) != 2 || !reflect.DeepEqual(records[0], want) {
				t.Fatalf("records = %+v\nwant %+v and a page note", records, want)
			}
			if n := records[1]; n.Kind != db.KindNote || n.Note != "On the whole page." || n.ArticleURL != "https://example.org/ferry" {
				t.Errorf("page note = %+v", n)
			}
		})
	}
}

func TestParseHypothesisNamesWhatItCannotUse(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"an empty address", `{"rows": [{"id": "x", "uri": " ", "text": "Hm.", "target": [{"source": ""}]}]}`, "annotation 1 (x): it names no page"},
		{"a selector that is not a list", `{"rows": [{"id": "y", "uri": "https://e.org", "target": [{"selector": 3}]}]}`, "annotation 1 (y): its selector"},
		{"a bad position", `{"rows": [{"id": "z", "uri": "https://e.org", "target": [{"selector": [{"type": "TextPositionSelector", "start": 9, "end": 2}]}]}]}`, "is not a passage"},
	} {
		_, err := export.ParseHypothesis([]byte(c.data))
		if err == nil || errors.Is(err, export.ErrNotAnnotations) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want one saying %q", c.name, err, c.want)
		}
	}
}

// The fixture the end-to-end test imports is a Hypothesis export.
func TestParseHypothesisFixture(t *testing.T) {
	data, err := os.ReadFile("../cli/testdata/hypothesis/hypothesis-export.json")
	if err != nil {
		t.Fatal(err)
	}
	records, err := export.ParseHypothesis(data)
	if err != nil || len(records) != 4 {
		t.Fatalf("%d records, %v", len(records), err)
	}
	if _, err := export.ParseW3C(data); !errors.Is(err, export.ErrNotAnnotations) {
		t.Errorf("read as W3C: %v", err)
	}
}
