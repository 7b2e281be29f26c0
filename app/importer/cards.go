package importer

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// A page about one item of a list (one quote, one recipe, one product)
// often shows it as one card among its neighbours, all alike, and
// readability takes the whole list for the article. keepTitledCards finds
// such lists before readability scores the page: three or more sibling
// blocks of the same element and class, each short, holding a link (to its
// own page) and more than one line. When exactly one of them carries the
// page's title, the page is about that one and its neighbours go; when
// none or several do, the list itself is what the page shows and stays.

// minCards is how many alike siblings make a list of cards.
const minCards = 3

// maxCardWords is the longest a card is; article paragraphs that share a
// class are longer in total, and are not each a block of blocks.
const maxCardWords = 80

// titleRun is how many consecutive words of the title a card must hold to
// carry it (fewer when the title is shorter).
const titleRun = 6

// keepTitledCards removes the neighbours of the card the page's title
// names, under root.
func keepTitledCards(root *html.Node, title string) {
	words := matchWords(title)
	if len(words) == 0 {
		return
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for _, cards := range cardGroups(n) {
			if main := titledCard(cards, words); main != nil {
				for _, c := range cards {
					if c != main {
						n.RemoveChild(c)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
}

// cardGroups returns n's children grouped by element and class, for the
// groups that are lists of cards.
func cardGroups(n *html.Node) [][]*html.Node {
	groups := map[string][]*html.Node{}
	var order []string
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		class := strings.Join(strings.Fields(attr(c, "class")), " ")
		if c.Type != html.ElementNode || class == "" {
			continue
		}
		key := c.Data + "." + class
		if groups[key] == nil {
			order = append(order, key)
		}
		groups[key] = append(groups[key], c)
	}
	var lists [][]*html.Node
	for _, key := range order {
		if g := groups[key]; len(g) >= minCards && allCards(g) {
			lists = append(lists, g)
		}
	}
	return lists
}

func allCards(nodes []*html.Node) bool {
	for _, n := range nodes {
		if !isCard(n) {
			return false
		}
	}
	return true
}

// isCard reports a short block of blocks with a link in it.
func isCard(n *html.Node) bool {
	return hasBlockChild(n) && hasLink(n) && len(strings.Fields(textContent(n))) <= maxCardWords
}

func hasLink(n *html.Node) bool {
	if n.Type == html.ElementNode && n.Data == "a" && attr(n, "href") != "" {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasLink(c) {
			return true
		}
	}
	return false
}

// titledCard returns the one card that holds a run of the title's words,
// or nil when none or several do.
func titledCard(cards []*html.Node, title []string) *html.Node {
	run := min(titleRun, len(title))
	var found *html.Node
	for _, c := range cards {
		text := " " + strings.Join(matchWords(textContent(c)), " ") + " "
		for i := 0; i+run <= len(title); i++ {
			if strings.Contains(text, " "+strings.Join(title[i:i+run], " ")+" ") {
				if found != nil {
					return nil
				}
				found = c
				break
			}
		}
	}
	return found
}

// matchWords splits text into lower-case words of letters and digits, so
// that quotation marks and punctuation do not stop a match.
func matchWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
