package importer

import (
	"net/url"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// keptElements are the elements clean article HTML may hold. Everything
// else is unwrapped (its text kept) or, for the elements in droppedElements,
// removed with its content.
var keptElements = []string{
	"p", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "code",
	"em", "strong", "b", "i", "u", "s", "sub", "sup", "a", "br", "hr", "figure", "figcaption",
	"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "div", "img",
}

// droppedElements are removed together with everything inside them: code,
// styling, embedded documents, form controls and media fallbacks, none of
// which is article text.
var droppedElements = map[string]bool{
	"script": true, "style": true, "template": true, "noscript": true, "iframe": true, "frame": true,
	"frameset": true, "object": true, "embed": true, "applet": true, "svg": true, "math": true,
	"canvas": true, "audio": true, "video": true, "picture": true, "source": true, "track": true,
	"input": true, "button": true, "select": true, "option": true, "optgroup": true, "textarea": true,
	"datalist": true, "output": true, "meter": true, "progress": true, "head": true, "title": true,
	"meta": true, "link": true, "base": true, "noembed": true, "noframes": true, "param": true,
	"map": true, "area": true, "colgroup": true, "col": true, "dialog": true,
}

// blockAliases are block containers renamed to a plain <div>, so that their
// text stays a separate block rather than running into its neighbours.
var blockAliases = map[string]string{
	"section": "div", "article": "div", "main": "div", "header": "div", "footer": "div",
	"aside": "div", "nav": "div", "address": "div", "center": "div", "details": "div",
	"summary": "div", "dl": "div", "dt": "div", "dd": "div", "form": "div", "fieldset": "div",
	"legend": "div", "hgroup": "div", "menu": "div", "dir": "div", "body": "div", "html": "div",
	"h1": "h2", "xmp": "pre", "listing": "pre", "plaintext": "pre",
}

// policy is the allow-list every piece of imported HTML passes through. A
// built policy is safe for concurrent use.
var policy = newPolicy()

func newPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements(keptElements...)
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("src").OnElements("img")
	p.AllowAttrs("colspan", "rowspan").Matching(bluemonday.Integer).OnElements("td", "th")
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowDataURIImages()
	p.AllowRelativeURLs(false)
	p.RequireParseableURLs(true)
	p.SkipElementsContent(mapKeys(droppedElements)...)
	return p
}

func mapKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

// prune applies the parts of the allow-list that are about structure and
// URLs rather than names: it turns formulas into text, drops dangerous
// subtrees (every other element outside HTML's namespace), renames block
// containers and h1, removes every attribute but a safe link or an inline
// image, and drops images that would load anything from the network.
func prune(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.ElementNode:
			if isMath(c) {
				replaceMath(c) // plain text in <code>: nothing left to prune
				break
			}
			if c.Namespace != "" || droppedElements[c.Data] || c.Data == "img" && !isInlineImage(c) {
				n.RemoveChild(c)
				break
			}
			if alias, ok := blockAliases[c.Data]; ok {
				c.Data, c.DataAtom = alias, atom.Lookup([]byte(alias))
			}
			c.Attr = safeAttrs(c)
			prune(c)
		case html.TextNode:
		default: // comments, doctypes
			n.RemoveChild(c)
		}
		c = next
	}
}

// safeAttrs keeps an http(s) or mailto href on a link, the data: source of
// an inline image and the span of a table cell; nothing else.
func safeAttrs(n *html.Node) []html.Attribute {
	var keep []html.Attribute
	for _, a := range n.Attr {
		if a.Namespace != "" {
			continue
		}
		switch {
		case n.Data == "a" && a.Key == "href" && isWebLink(a.Val),
			n.Data == "img" && a.Key == "src",
			(n.Data == "td" || n.Data == "th") && (a.Key == "colspan" || a.Key == "rowspan"):
			keep = append(keep, html.Attribute{Key: a.Key, Val: strings.TrimSpace(a.Val)})
		}
	}
	return keep
}

// isWebLink reports an absolute http, https or mailto URL.
func isWebLink(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.Host != ""
	case "mailto":
		return u.Opaque != ""
	}
	return false
}

// isInlineImage reports an image carried inside the page as a data: URI;
// any other image would be fetched from the network when shown.
func isInlineImage(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "src" && a.Namespace == "" {
			return strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "data:image/")
		}
	}
	return false
}
