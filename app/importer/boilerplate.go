package importer

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// Readability finds the part of a page that holds the article, but keeps
// what pages put inside that part beside the text: photo captions and
// credits, "Updated … Posted …" lines, section labels and breadcrumbs,
// lists of links to other stories, calls to subscribe or to comment.
// dropBoilerplate takes those out of the article before it is cleaned,
// by rules a reader would agree with, none of them about one site.

// boilerplateLine matches the whole text of a short block that is page
// furniture, not article text, in the words sites use for it.
var boilerplateLine = regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
	`advert(?:isement)?`, `continue reading(?: below)?`, `skip to (?:main )?content`, `sign in`, `close`, `caption`,
	`(?:post |view |show |\d+ )?comments?(?: \(\+\))?`, `share(?: this(?: article| story)?)?`,
	`you may also like.*`, `related(?: articles| stories| coverage| content| posts)?:?`, `more from .{1,40}`,
	`read more.*`, `this slideshow requires javascript\.?`, `image \d+ of.*`,
	`.*\bby clicking here\.?`, `click here to .*`, `tell us what you think.*`, `have a tip\?.*`,
	`.*\bsubscribe to .{0,40}newsletters?\.?`, `get the latest updates .*`,
	`(?:media|image|video) (?:caption|copyright)\b.*`, `credit\.\.\..*`, `photo: .*`,
	`.*\|\s*(?:getty images|ap|afp|reuters|shutterstock|istock)`, `\(?(?:ap|afp) photo\b.*`,
	`(?:updated|posted|published|first published|last updated)\b.{0,80}\d.*`, `published .{1,20} ago`,
	`this website uses cookies.*`, `this post may contain affiliate.*`,
	`on ` + siteName + `:?`, `(?:also|more|elsewhere) on ` + siteName + `\b.*`, `(?:breaking|latest|top|more) news`,
	`https?://\S+`, `\[\w+\b[^\]]*\].*\[/\w+\]`, `.*\bclick here\b.*`, `like this (?:story|article)\?.*`,
	`.*\bsign up\b.*\bnewsletter\b.*`, `.*\((?:ap|afp|reuters) photo\b[^)]*\)`,
}, "|") + `)$`)

// siteName matches a site named by its address, as in "Also on rt.com".
const siteName = `(?:www\.)?[a-z0-9-]+\.[a-z]{2,}(?:\.[a-z]{2})?`

// maxFurnitureWords is the longest a block of page furniture is.
const maxFurnitureWords = 25

// dropBoilerplate removes page furniture from an article's nodes.
func dropBoilerplate(root *html.Node) {
	seen := map[string]bool{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		// Decide for all the children first: whether a block is one of a
		// run of links depends on its neighbours as the page has them.
		var drop, keep []*html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && isFurniture(c, seen) {
				drop = append(drop, c)
			} else {
				keep = append(keep, c)
			}
		}
		for _, c := range drop {
			n.RemoveChild(c)
		}
		for _, c := range keep {
			walk(c)
		}
	}
	walk(root)
}

// isFurniture reports an element that is not article text: a caption, a
// list of links, or a short block in the words of page furniture, or a
// caption beside an image whose text was already seen (repeated under a
// gallery).
func isFurniture(n *html.Node, seen map[string]bool) bool {
	switch n.Data {
	case "figcaption", "nav", "aside", "footer":
		return true
	case "ul", "ol":
		return isLinkList(n)
	}
	if !blockElements[n.Data] || hasBlockChild(n) {
		return false
	}
	text := strings.Join(strings.Fields(textContent(n)), " ")
	if text == "" || len(strings.Fields(text)) > maxFurnitureWords {
		return false
	}
	if boilerplateLine.MatchString(text) || isAllLink(n, text) && (len(strings.Fields(text)) <= 2 || inLinkRun(n)) {
		return true
	}
	if !nextToImage(n) {
		return false
	}
	key := strings.ToLower(text)
	if seen[key] {
		return true
	}
	seen[key] = true
	return false
}

// nextToImage reports a block beside an image: where a caption is.
func nextToImage(n *html.Node) bool {
	for _, sib := range []*html.Node{prevElement(n), nextElement(n)} {
		if sib != nil && hasImage(sib) {
			return true
		}
	}
	return false
}

func hasImage(n *html.Node) bool {
	if n.Type == html.ElementNode && (n.Data == "img" || n.Data == "picture") {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasImage(c) {
			return true
		}
	}
	return false
}

// isLinkList reports a list of two or more items most of whose text is
// links: other stories, sections, tags.
func isLinkList(n *html.Node) bool {
	items, linked, total := 0, 0, 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "li" {
			items++
		}
	}
	total = len(strings.Fields(textContent(n)))
	linked = linkWords(n)
	return items >= 2 && total > 0 && linked*10 >= total*8
}

// isAllLink reports a short block whose text is all inside links (a
// section label, a headline linking to another story).
func isAllLink(n *html.Node, text string) bool {
	words := len(strings.Fields(text))
	return words <= 15 && linkWords(n) >= words
}

// inLinkRun reports a block of links next to another: a list of other
// stories written as paragraphs. A link alone between paragraphs ("Get it
// at the shop") is the article's.
func inLinkRun(n *html.Node) bool {
	for _, sib := range []*html.Node{prevElement(n), nextElement(n)} {
		if sib != nil && blockElements[sib.Data] && !hasBlockChild(sib) {
			text := strings.Join(strings.Fields(textContent(sib)), " ")
			if text != "" && isAllLink(sib, text) {
				return true
			}
		}
	}
	return false
}

func prevElement(n *html.Node) *html.Node {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

func linkWords(n *html.Node) int {
	if n.Type == html.ElementNode && n.Data == "a" {
		return len(strings.Fields(textContent(n)))
	}
	w := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w += linkWords(c)
	}
	return w
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (blockElements[c.Data] || hasBlockChild(c)) {
			return true
		}
	}
	return false
}
