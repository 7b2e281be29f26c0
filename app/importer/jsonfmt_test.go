package importer

import (
	"errors"
	"strings"
	"testing"
)

func TestParseJSONErrors(t *testing.T) {
	cases := []struct {
		name string
		in   string
		err  string
	}{
		{"syntax", "{\n  \"title\": \"x\",\n}\n", `the JSON is not valid: line 3: invalid character '}'`},
		{"cut short", "[{\"title\": \"x\"", "the JSON is not valid: it ends too early"},
		{"a number", "42", "the JSON holds a number, not an article object"},
		{"an empty list", "[]", "the JSON list is empty"},
		{"a field of the wrong type", `{"title": "x", "body": ["a"]}`, `the article's "body" must be text, not a list`},
		{"tags of the wrong type", `{"body": "x", "tags": {"a": 1}}`, `the article's "tags" must be text or a list of text, not an object`},
		{"tags holding numbers", `{"body": "x", "tags": ["a", 2]}`, `the article's "tags" must be a list of text`},
		{"no body", `{"title": "x"}`, `the article has neither "body" nor "html"`},
		{"an empty body", `{"title": "x", "body": "  "}`, `the article has an empty "body"`},
		{"html without text", `{"html": "<img src=x><script>y()</script>"}`, `the article has "html" but no text in it`},
		{"only space", "  \n ", "the file has no text"},
		{"UTF-16 is fine but NUL bytes are binary", "{\"a\x00\": 1}", "binary"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("a.json", []byte(c.in))
			if err == nil || errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), c.err) {
				t.Errorf("err = %v, want %q", err, c.err)
			}
		})
	}
}

func TestParseJSONFields(t *testing.T) {
	in := "\xef\xbb\xbf" + `{"Title": "  Two   spaces ", "date": null, "url": "ftp://x.example/a", "author": "Ann",
		"tags": "x, y", "body": "Para one.\r\nSame para.\r\n\r\nPara two.", "html": null, "extra": {"ignored": true}}`
	docs, err := Parse("a.json", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	checkDocument(t, d)
	if d.Title != "Two spaces" || d.Byline != "Ann" || d.URL != "" || d.Published != "" || d.HTML != "" {
		t.Errorf("fields = %+v", d)
	}
	if d.Body != "Para one.\nSame para.\n\nPara two." {
		t.Errorf("body = %q", d.Body)
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "not a web address") {
		t.Errorf("warnings = %q, want one about the url", d.Warnings)
	}
}

func TestParseJSONUTF16(t *testing.T) {
	in := []byte{0xFF, 0xFE}
	for _, r := range `{"title":"Café","body":"Bonjour."}` {
		in = append(in, byte(r), byte(r>>8))
	}
	docs, err := Parse("a.json", in)
	if err != nil {
		t.Fatal(err)
	}
	if docs[0].Title != "Café" {
		t.Errorf("title = %q", docs[0].Title)
	}
}
