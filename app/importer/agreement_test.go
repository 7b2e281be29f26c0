package importer

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// textNodeMismatch re-reads clean HTML the way the reader does (a fresh
// parse, text nodes in document order) and checks that each text node is
// found verbatim in body, in order, with nothing but line breaks between
// them. It returns "" when they agree.
func textNodeMismatch(cleanHTML, body string) string {
	context := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(cleanHTML), context)
	if err != nil {
		return err.Error()
	}
	var texts []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			texts = append(texts, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	pos := 0
	for i, text := range texts {
		at := strings.Index(body[pos:], text)
		if at < 0 {
			return fmt.Sprintf("text node %d, %q, is not in the body after byte %d (body there: %q)", i, text, pos, clip(body[pos:]))
		}
		if gap := body[pos : pos+at]; strings.Trim(gap, "\n") != "" {
			return fmt.Sprintf("the body holds %q before text node %d, which no text node holds", clip(gap), i)
		}
		pos += at + len(text)
	}
	if rest := body[pos:]; strings.Trim(rest, "\n") != "" {
		return fmt.Sprintf("the body ends with %q, which no text node holds", clip(rest))
	}
	return ""
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// checkDocument asserts the invariants every parsed document keeps.
func checkDocument(t testing.TB, doc Document) {
	t.Helper()
	for name, s := range map[string]string{"title": doc.Title, "body": doc.Body, "html": doc.HTML, "byline": doc.Byline, "source": doc.Source} {
		if !utf8.ValidString(s) {
			t.Errorf("the %s is not valid UTF-8: %q", name, clip(s))
		}
	}
	if doc.Problem != "" {
		return
	}
	if strings.TrimSpace(doc.Body) == "" {
		t.Errorf("a document without a problem has an empty body: %+v", doc)
	}
	if doc.HTML == "" {
		return
	}
	if m := textNodeMismatch(doc.HTML, doc.Body); m != "" {
		t.Errorf("the HTML and the body disagree: %s\nhtml: %s\nbody: %q", m, clip(doc.HTML), clip(doc.Body))
	}
	checkSafeHTML(t, doc.HTML)
}

func TestTextNodeMismatchCanFail(t *testing.T) {
	cases := []struct{ html, body string }{
		{"<p>one</p><p>two</p>", "one\n\ntwo\n\nthree"},
		{"<p>one</p><p>two</p>", "two\n\none"},
		{"<p>one</p><p>two</p>", "one extra\n\ntwo"},
		{"<p>a &amp; b</p>", "a &amp; b"},
	}
	for _, c := range cases {
		if textNodeMismatch(c.html, c.body) == "" {
			t.Errorf("%q and %q were found to agree", c.html, c.body)
		}
	}
	if m := textNodeMismatch("<p>a &amp; <em>b</em></p><p>c<br>d</p>", "a & b\n\nc\nd"); m != "" {
		t.Errorf("an agreeing pair was refused: %s", m)
	}
}
