package export_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"folio/app/export"
	"folio/db"
)

const folioSource = `"source": "urn:folio:article:sha256:abcd"`

func TestParseW3CRecognisesOnlyAnnotations(t *testing.T) {
	for _, c := range []struct{ name, data string }{
		{"empty file", ""},
		{"plain text", "date 2023-09-15 Harbour officials said..."},
		{"broken JSON", `[{"type": "Annotation",`},
		{"an article", `{"title": "Ferry", "body": "Text."}`},
		{"articles", `[{"title": "Ferry", "body": "Text."}, {"title": "Budget", "html": "<p>x</p>"}]`},
		{"an empty array", `[]`},
		{"a JSON string", `"Annotation"`},
		{"another JSON-LD type", `{"@context": "https://schema.org", "type": "NewsArticle", "headline": "Ferry"}`},
	} {
		if _, err := export.ParseW3C([]byte(c.data)); !errors.Is(err, export.ErrNotAnnotations) {
			t.Errorf("%s: err = %v, want ErrNotAnnotations", c.name, err)
		}
	}
}

func TestParseW3CForms(t *testing.T) {
	highlight := `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:1", "type": "Annotation",
		"target": {` + folioSource + `, "selector": {"type": "TextQuoteSelector", "exact": "ferry"}}}`
	for _, c := range []struct {
		name, data string
		want       []string // kind:exact:note of each record
	}{
		{"one annotation", highlight, []string{"highlight:ferry:"}},
		{"an array with a BOM", "\ufeff [" + highlight + "]\n", []string{"highlight:ferry:"}},
		{"a page", `{"type": "AnnotationPage", "items": [` + highlight + `]}`, []string{"highlight:ferry:"}},
		{"a collection", `{"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": [` + highlight + `, ` + highlight + `]}}`,
			[]string{"highlight:ferry:", "highlight:ferry:"}},
		{"an empty page", `{"type": "AnnotationPage", "items": []}`, nil},
		{"type as a list", `{"type": ["Annotation"], "target": {` + folioSource + `}, "bodyValue": "A note."}`, []string{"note::A note."}},
		{"bodies: text, tags and IRIs", `{"type": "Annotation", "target": {` + folioSource + `, "selector": [
			{"type": "FragmentSelector", "value": "p=3"},
			{"type": "TextQuoteSelector", "exact": "ferry", "prefix": "the ", "suffix": " to"}]},
			"body": [{"type": "TextualBody", "value": "First."}, {"type": "TextualBody", "purpose": "tagging", "value": "malta"},
			"https://example.org/image.png", {"type": "TextualBody", "purpose": "commenting", "value": " Second. "}]}`,
			[]string{"highlight:ferry:First.\n\nSecond."}},
		{"a target that is only an IRI", `{"type": "Annotation", "target": "urn:folio:article:sha256:abcd", "body": {"value": "On it all."}}`,
			[]string{"note::On it all."}},
	} {
		t.Run(c.name, func(t *testing.T) {
			records, err := export.ParseW3C([]byte(c.data))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range records {
				got = append(got, r.Kind+":"+r.Exact+":"+r.Note)
				if r.ArticleHash != "abcd" {
					t.Errorf("article hash %q, want abcd", r.ArticleHash)
				}
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("records %q, want %q", got, c.want)
			}
		})
	}
}

// A highlight made by another tool on a web page: matched by its address.
func TestParseW3CFromAnotherTool(t *testing.T) {
	data := `[{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://notes.example/a/xyz", "type": "Annotation",
		"motivation": "commenting", "created": "2024-02-03T04:05:06.789+02:00", "modified": "yesterday",
		"body": [{"type": "TextualBody", "value": "Worth *quoting*.", "format": "text/markdown"},
			{"type": "TextualBody", "purpose": "tagging", "value": "malta"}],
		"target": {"source": "https://example.org/ferry", "selector": [
			{"type": "TextPositionSelector", "start": 5, "end": 10},
			{"type": "TextQuoteSelector", "exact": "Gozo", "prefix": "to ", "suffix": " will"}]},
		"folio:color": "magenta"}]`
	records, err := export.ParseW3C([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	want := export.Record{UID: "https://notes.example/a/xyz", ArticleURL: "https://example.org/ferry",
		ArticleRef: "https://example.org/ferry", Kind: "highlight", Color: "yellow", Note: "Worth *quoting*.",
		Exact: "Gozo", Prefix: "to ", Suffix: " will", Start: 5, End: 10, CreatedAt: "2024-02-03T02:05:06Z",
		Tags: []string{"malta"}, Foreign: true}
	if len(records) != 1 || !reflect.DeepEqual(records[0], want) {
		t.Errorf("records = %+v\nwant %+v", records, want)
	}
}

func TestParseW3CNamesWhatItCannotUse(t *testing.T) {
	wrap := func(target string) string {
		return `[{"type": "Annotation", "id": "urn:uuid:9", "target": ` + target + `}]`
	}
	for _, c := range []struct{ name, data, want string }{
		{"no quote, no note", wrap(`{` + folioSource + `}`), "annotation 1 (urn:uuid:9): it quotes no passage and has no note"},
		{"position only", wrap(`{` + folioSource + `, "selector": {"type": "TextPositionSelector", "start": 1, "end": 4}}`), "by position only"},
		{"backwards position", wrap(`{` + folioSource + `, "selector": [{"type": "TextQuoteSelector", "exact": "x"},
			{"type": "TextPositionSelector", "start": 9, "end": 4}]}`), "9–4 is not a passage"},
		{"no target", `[{"type": "Annotation", "bodyValue": "x"}]`, "has no target"},
		{"an unknown source", wrap(`{"source": "isbn:123", "selector": {"type": "TextQuoteSelector", "exact": "x"}}`), `"isbn:123" does not name`},
		{"a stranger among annotations", `[{"type": "Annotation", "bodyValue": "x", "target": "urn:folio:article:sha256:ab"}, {"title": "Ferry"}]`,
			"item 2 of the file is not an annotation"},
		{"a collection without its pages", `{"type": "AnnotationCollection", "first": "https://example.org/page1"}`, "pages are not in the file"},
	} {
		_, err := export.ParseW3C([]byte(c.data))
		if err == nil || errors.Is(err, export.ErrNotAnnotations) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want one saying %q", c.name, err, c.want)
		}
	}
}

// The parser never panics, and what it accepts the store will take.
func FuzzParseW3C(f *testing.F) {
	f.Add(`[{"type": "Annotation", "target": {"source": "urn:folio:article:sha256:ab", "selector": {"type": "TextQuoteSelector", "exact": "x"}}}]`)
	f.Add(`{"type": "AnnotationCollection", "first": {"items": [{"type": "Annotation", "bodyValue": "n", "target": "https://a.example/"}]}}`)
	f.Add(`{"type": ["Annotation"], "body": [1, {"value": 2}], "target": [{"selector": [{"type": "TextPositionSelector", "start": -1}]}]}`)
	f.Fuzz(func(t *testing.T, data string) {
		records, err := export.ParseW3C([]byte(data))
		if err != nil {
			return
		}
		for _, r := range records {
			if r.ArticleHash == "" && r.ArticleURL == "" {
				t.Errorf("a record without its article: %+v", r)
			}
			switch r.Kind {
			case db.KindHighlight:
				if r.Exact == "" || r.Start < 0 || r.End < r.Start {
					t.Errorf("a highlight Folio cannot place: %+v", r)
				}
			case db.KindNote:
				if r.Note == "" {
					t.Errorf("an empty note: %+v", r)
				}
			default:
				t.Errorf("kind %q", r.Kind)
			}
			if !utf8.ValidString(r.Note + r.Exact) {
				t.Errorf("invalid UTF-8 in %+v", r)
			}
		}
	})
}
