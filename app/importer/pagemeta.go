package importer

import (
	"encoding/json"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// pageMeta is what a page says about itself outside the article text.
type pageMeta struct {
	url   string // the canonical link, else og:url; "" unless absolute http(s)
	title string // the <title>, for pages readability cannot title
	// byline is the author the page shows with the article (rel=author,
	// itemprop=author, class byline), which readability would otherwise
	// take from a meta tag first.
	byline string
	dates  []string // candidate publication dates, most trustworthy first
}

// Ranks of the places a publication date is found, most trustworthy first.
const (
	rankPublishedMeta = iota // <meta property="article:published_time">
	rankJSONLD               // JSON-LD datePublished
	rankMarkedTime           // <time itemprop="datePublished"> or <time pubdate>
	rankTime                 // the first other <time datetime>
	rankOtherMeta            // other meta tags publishers use
)

// dateMetaRanks maps meta names and properties to their rank.
var dateMetaRanks = map[string]int{
	"article:published_time": rankPublishedMeta, "og:published_time": rankPublishedMeta, "article:published": rankPublishedMeta,
	"datepublished": rankMarkedTime, "pubdate": rankOtherMeta, "publishdate": rankOtherMeta,
	"publish-date": rankOtherMeta, "publish_date": rankOtherMeta, "date": rankOtherMeta,
	"dc.date": rankOtherMeta, "dc.date.issued": rankOtherMeta, "dcterms.created": rankOtherMeta,
	"dcterms.issued": rankOtherMeta, "dcterms.available": rankOtherMeta, "sailthru.date": rankOtherMeta,
	"parsely-pub-date": rankOtherMeta, "article.published": rankOtherMeta, "weibo:article:create_at": rankOtherMeta,
}

type rankedDate struct {
	rank  int
	value string
}

// metaReader collects pageMeta in one walk over the page.
type metaReader struct {
	canonical, ogURL string
	title            string
	dates            []rankedDate
	sawTime          bool
	byline           string
	furniture        int // depth inside nav, aside and footer, whose bylines are other articles'
}

// readPageMeta reads the page's address, title and publication dates.
func readPageMeta(page *html.Node) pageMeta {
	r := &metaReader{}
	r.walk(page)
	sort.SliceStable(r.dates, func(i, j int) bool { return r.dates[i].rank < r.dates[j].rank })
	m := pageMeta{title: r.title, byline: r.byline}
	for _, d := range r.dates {
		m.dates = append(m.dates, d.value)
	}
	for _, u := range []string{r.canonical, r.ogURL} {
		if isWebLink(u) && !strings.HasPrefix(strings.ToLower(strings.TrimSpace(u)), "mailto:") {
			m.url = strings.TrimSpace(u)
			break
		}
	}
	return m
}

func (r *metaReader) addDate(rank int, value string) {
	if value = strings.TrimSpace(value); value != "" {
		r.dates = append(r.dates, rankedDate{rank: rank, value: value})
	}
}

func (r *metaReader) walk(n *html.Node) {
	furniture := n.Type == html.ElementNode && (n.Data == "nav" || n.Data == "aside" || n.Data == "footer")
	if furniture {
		r.furniture++
	}
	if n.Type == html.ElementNode && n.Namespace == "" {
		r.element(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	if furniture {
		r.furniture--
	}
}

// markedDate records the date of an element other than <meta> or <time>
// marked as the publication date (<span itemprop="datePublished">), from
// its content attribute or else its text, outside the page's furniture.
func (r *metaReader) markedDate(n *html.Node) {
	if n.Data == "meta" || n.Data == "time" || r.furniture > 0 || !hasToken(attr(n, "itemprop"), "datePublished") {
		return
	}
	r.addDate(rankMarkedTime, firstNonEmpty(attr(n, "content"), textContent(n)))
}

// maxVisibleByline is the longest text taken as a byline shown on the page;
// a longer one is an author's box with a biography.
const maxVisibleByline = 100

// visibleByline records the first byline shown outside the page's
// furniture.
func (r *metaReader) visibleByline(n *html.Node) {
	if r.byline != "" || r.furniture > 0 || n.Data == "meta" || n.Data == "link" {
		return
	}
	isByline := hasToken(attr(n, "rel"), "author") || hasToken(attr(n, "itemprop"), "author") ||
		strings.Contains(strings.ToLower(attr(n, "class")), "byline")
	if !isByline {
		return
	}
	if text := oneLine(textContent(n)); len(text) >= 2 && utf8.RuneCountInString(text) <= maxVisibleByline {
		r.byline = text
	}
}

func (r *metaReader) element(n *html.Node) {
	r.visibleByline(n)
	r.markedDate(n)
	switch n.Data {
	case "link":
		if r.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
			r.canonical = attr(n, "href")
		}
	case "meta":
		content := attr(n, "content")
		keys := append([]string{attr(n, "property"), attr(n, "name")}, strings.Fields(attr(n, "itemprop"))...)
		for _, key := range keys {
			key = strings.ToLower(strings.TrimSpace(key))
			if key == "og:url" && r.ogURL == "" {
				r.ogURL = content
			}
			if rank, ok := dateMetaRanks[key]; ok {
				r.addDate(rank, content)
				break
			}
		}
	case "title":
		if r.title == "" {
			r.title = textContent(n)
		}
	case "time":
		dt := firstNonEmpty(attr(n, "datetime"), textContent(n))
		switch {
		case strings.EqualFold(attr(n, "itemprop"), "datepublished") || hasAttr(n, "pubdate"):
			r.addDate(rankMarkedTime, dt)
		case !r.sawTime && attr(n, "datetime") != "":
			r.sawTime = true
			r.addDate(rankTime, dt)
		}
	case "script":
		if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
			var v any
			if json.Unmarshal(lenientJSON(textContent(n)), &v) == nil {
				if d := findDatePublished(v, 0); d != "" {
					r.addDate(rankJSONLD, d)
				}
			}
		}
	}
}

// lenientJSON undoes what pages do to the JSON-LD they embed and browsers
// forgive: a <![CDATA[ … ]]> wrapper (often behind // comments) and commas
// before a closing brace or bracket.
func lenientJSON(s string) []byte {
	if i := strings.Index(s, "<![CDATA["); i >= 0 && strings.TrimSpace(strings.Trim(s[:i], " \t\r\n/*")) == "" {
		s = s[i+len("<![CDATA["):]
		if j := strings.LastIndex(s, "]]>"); j >= 0 {
			s = s[:j]
		}
		s = strings.TrimSpace(s)
		s = strings.TrimSpace(strings.TrimPrefix(s, "*/"))
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(s, "/*"), "//"))
	}
	return withoutTrailingCommas(s)
}

// withoutTrailingCommas drops each comma that only white space separates
// from a closing brace or bracket, outside strings.
func withoutTrailingCommas(s string) []byte {
	out := make([]byte, 0, len(s))
	inString, escaped := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == ',':
			rest := strings.TrimLeft(s[i+1:], " \t\r\n")
			if rest != "" && (rest[0] == '}' || rest[0] == ']') {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// findDatePublished finds the first datePublished in a JSON-LD value, which
// may be an object, a list of them, or a @graph.
func findDatePublished(v any, depth int) string {
	if depth > 8 {
		return ""
	}
	switch v := v.(type) {
	case map[string]any:
		if d, ok := v["datePublished"].(string); ok && strings.TrimSpace(d) != "" {
			return d
		}
		for _, key := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if d := findDatePublished(v[key], depth+1); d != "" {
				return d
			}
		}
	case []any:
		for _, item := range v {
			if d := findDatePublished(item, depth+1); d != "" {
				return d
			}
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

func hasToken(list, token string) bool {
	for _, t := range strings.Fields(list) {
		if strings.EqualFold(t, token) {
			return true
		}
	}
	return false
}

func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
