package importer

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The reader maps what it shows back to positions in Document.Body by
// walking the text nodes of Document.HTML in order and finding each one's
// text in Body, starting where the previous one ended. cleanHTML makes that
// exact: Body is the HTML's text nodes, in order, joined only by line breaks.

// blockElements separate their text from what comes before and after by a
// blank line in Body.
var blockElements = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"div": true, "blockquote": true, "pre": true, "ul": true, "ol": true, "li": true,
	"figure": true, "figcaption": true, "table": true, "caption": true, "thead": true,
	"tbody": true, "tfoot": true, "tr": true, "th": true, "td": true, "hr": true,
}

// removableWhenEmpty are inline elements that show nothing without content.
var removableWhenEmpty = map[string]bool{
	"a": true, "em": true, "strong": true, "b": true, "i": true, "u": true, "s": true,
	"sub": true, "sup": true, "code": true,
}

// maxCleanPasses bounds the render and re-parse rounds that settle the HTML
// into a form that parses back to itself.
const maxCleanPasses = 4

// cleanHTML sanitizes untrusted HTML and returns it normalised, with the
// canonical text of what it shows.
func cleanHTML(fragment string) (clean, body string, err error) {
	root := parseFragment(fragment)
	prune(root)
	s, err := render(root)
	if err != nil {
		return "", "", err
	}
	s = policy.Sanitize(s)
	// Normalising can change how the HTML parses (two text nodes merge when
	// an empty element between them goes), so repeat until it is stable.
	for range maxCleanPasses {
		root = parseFragment(s)
		prune(root)
		normaliseSpace(root)
		if clean, err = render(root); err != nil {
			return "", "", err
		}
		if clean == s {
			break
		}
		s = clean
	}
	return clean, textOf(parseFragment(clean)), nil
}

// parseFragment parses HTML as the content of a <div>, as the reader
// inserts it, and hangs the nodes under a detached <div>.
func parseFragment(s string) *html.Node {
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(s), root)
	if err != nil {
		return root // only a failing reader errs, and a strings.Reader does not
	}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return root
}

// render writes root's children as HTML.
func render(root *html.Node) (string, error) {
	var b strings.Builder
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&b, c); err != nil {
			return "", fmt.Errorf("the HTML could not be rewritten cleanly: %w", err)
		}
	}
	return b.String(), nil
}

// spacer collapses white space as a browser shows it: runs become one space,
// and space at the start or end of a line disappears.
type spacer struct {
	lineStart bool       // nothing shown since the last line break
	last      *html.Node // the last text node on the current line
}

// normaliseSpace rewrites the text nodes under root so that each holds
// exactly the text shown, and drops those that show nothing.
func normaliseSpace(root *html.Node) {
	s := &spacer{lineStart: true}
	s.walk(root, false)
	s.breakLine()
	removeEmptyInline(root)
}

func (s *spacer) walk(n *html.Node, inPre bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.TextNode && inPre:
			s.lineStart, s.last = false, nil // preformatted text is shown as it is
		case c.Type == html.TextNode:
			s.text(c)
		case c.Type != html.ElementNode:
		case c.Data == "br":
			s.breakLine()
		case c.Data == "img":
			s.lineStart, s.last = false, nil
		case blockElements[c.Data]:
			s.breakLine()
			s.walk(c, inPre || c.Data == "pre")
			if c.Data == "pre" {
				trimPreEnd(c)
			}
			s.breakLine()
		default:
			s.walk(c, inPre)
		}
		c = next
	}
}

func (s *spacer) text(n *html.Node) {
	d := collapseSpace(n.Data)
	if s.lineStart || s.last != nil && strings.HasSuffix(s.last.Data, " ") {
		d = strings.TrimPrefix(d, " ")
	}
	if d == "" {
		n.Parent.RemoveChild(n)
		return
	}
	n.Data, s.last, s.lineStart = d, n, false
}

// trimPreEnd drops the line breaks that end preformatted text: a browser
// does not show them, so Body should not hold them either.
func trimPreEnd(pre *html.Node) {
	last := pre.LastChild
	for last != nil && last.Type == html.ElementNode {
		last = last.LastChild
	}
	if last == nil || last.Type != html.TextNode {
		return
	}
	if last.Data = strings.TrimRight(last.Data, "\n"); last.Data == "" {
		last.Parent.RemoveChild(last)
	}
}

// breakLine ends a line: a space at its end is not shown.
func (s *spacer) breakLine() {
	if s.last != nil {
		s.last.Data = strings.TrimSuffix(s.last.Data, " ")
		if s.last.Data == "" {
			s.last.Parent.RemoveChild(s.last)
		}
	}
	s.last, s.lineStart = nil, true
}

// collapseSpace turns each run of HTML white space into one space.
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, "\t\n\f\r") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func removeEmptyInline(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			removeEmptyInline(c)
			if c.FirstChild == nil && removableWhenEmpty[c.Data] {
				n.RemoveChild(c)
			}
		}
		c = next
	}
}

// textOf is the canonical text of clean HTML: its text nodes in order,
// blocks separated by a blank line and <br> by a line break.
func textOf(root *html.Node) string {
	t := &textWriter{}
	t.walk(root)
	return t.b.String()
}

type textWriter struct {
	b      strings.Builder
	breaks int // line breaks owed before the next text
}

func (t *textWriter) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			if t.b.Len() > 0 {
				t.b.WriteString(strings.Repeat("\n", t.breaks))
			}
			t.breaks = 0
			t.b.WriteString(c.Data)
		case c.Type != html.ElementNode:
		case c.Data == "br":
			t.breaks = min(t.breaks+1, 2)
		case blockElements[c.Data]:
			t.breaks = 2
			t.walk(c)
			t.breaks = 2
		default:
			t.walk(c)
		}
	}
}
