package importer

import (
	"strings"
	"testing"
)

// page wraps head and article markup in a page with enough text for
// readability to take it for an article.
func page(head, article string) []byte {
	body := strings.Repeat("<p>The river rose through the night and the town council opened the old school as a shelter for families from the lower streets.</p>\n", 4)
	return []byte("<!DOCTYPE html><html><head><title>River rises | The Town Paper</title>" + head + "</head><body><article>" + article + body + "</article></body></html>")
}

func TestParseHTMLPageMetadata(t *testing.T) {
	cases := []struct {
		name, head, article        string
		published, url, source, by string
		warnings                   int
	}{
		{name: "published time meta, in its own offset", head: `<meta property="article:published_time" content="2023-10-02T23:30:00-04:00">`, published: "2023-10-02"},
		{name: "meta beats JSON-LD", head: `<meta property="article:published_time" content="2023-10-02"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-10-01"}</script>`, published: "2023-10-02"},
		{name: "JSON-LD wrapped in CDATA", head: "<script type=\"application/ld+json\">//<![CDATA[\n{\"@type\":\"NewsArticle\",\"datePublished\":\"2019-11-20\"}\n//]]></script>", published: "2019-11-20"},
		{name: "JSON-LD with trailing commas", head: `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Fares, rents, }","datePublished":"2019-11-21",}</script>`, published: "2019-11-21"},
		{name: "JSON-LD in a graph", head: `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2022-05-06T10:00:00+01:00"}]}</script>`, published: "2022-05-06"},
		{name: "a time of day before the date", head: `<meta name="publish-date" content="01:38:07 PM IST Nov 20, 2019">`, published: "2019-11-20"},
		{name: "a date marked on a span, written with its time first", article: `<p>Updated: <span itemprop="datePublished">01:38:07 PM IST Nov 20, 2019</span></p>`, published: "2019-11-20"},
		{name: "a date marked with a content attribute", article: `<span itemprop="datePublished" content="2019-11-21T08:00:00+05:30">Nov 21</span>`, published: "2019-11-21"},
		{name: "a marked date of another story beside it is not the article's", article: `<aside><span itemprop="datePublished">Nov 2, 2018</span></aside>`},
		{name: "a marked time element", article: `<time itemprop="datePublished" datetime="2021-01-02">2 Jan</time>`, published: "2021-01-02"},
		{name: "the first time element", article: `<p><time datetime="2020-03-04T05:06:07Z">then</time></p>`, published: "2020-03-04"},
		{name: "an unreadable date gives way to a readable one", head: `<meta property="article:published_time" content="last Tuesday"><meta name="date" content="15 September 2023">`, published: "2023-09-15"},
		{name: "only an unreadable date: a warning", head: `<meta property="article:published_time" content="03/04/2023">`, warnings: 1},
		{name: "no date at all: no warning"},
		{name: "canonical link", head: `<link rel="canonical" href="https://paper.example/river"><meta property="og:url" content="https://paper.example/amp/river">`, url: "https://paper.example/river", source: "paper.example"},
		{name: "og:url when the canonical link is relative", head: `<link rel="canonical" href="/river"><meta property="og:url" content="http://www.paper.example/river">`, url: "http://www.paper.example/river", source: "paper.example"},
		{name: "site name", head: `<meta property="og:site_name" content="The Town Paper">`, source: "The Town Paper"},
		{name: "byline without By", head: `<meta name="author" content="By  Jo   Marsh">`, by: "Jo Marsh"},
		{name: "the byline shown beats the meta author", head: `<meta name="author" content="Newsdesk">`, article: `<p class="article-byline">By Ana Ruiz</p>`, by: "Ana Ruiz"},
		{name: "an author link shown", head: `<meta name="author" content="Newsdesk">`, article: `<p>Words: <a rel="author" href="/ana">Ana Ruiz</a></p>`, by: "Ana Ruiz"},
		{name: "a shown byline carrying its date gives way to the meta author", head: `<meta name="author" content="Ana Ruiz">`, article: `<p class="byline">By Ana Ruiz, 19 Nov 2019 9:41 am</p>`, by: "Ana Ruiz"},
		{name: "a shown byline that only adds to the meta author's", head: `<meta name="author" content="Ana Ruiz">`, article: `<p class="byline">By Ana RuizHarbour News</p>`, by: "Ana Ruiz"},
		{name: "a byline of another story beside it is not the article's", head: `<meta name="author" content="Jo Marsh">`, article: `<aside><p class="byline">By Someone Else</p></aside>`, by: "Jo Marsh"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			docs, err := Parse("page.html", page(c.head, c.article))
			if err != nil {
				t.Fatal(err)
			}
			d := docs[0]
			checkDocument(t, d)
			if d.Published != c.published || d.URL != c.url || d.Source != c.source || d.Byline != c.by || len(d.Warnings) != c.warnings {
				t.Errorf("published %q, url %q, source %q, byline %q, warnings %q;\nwant %q, %q, %q, %q, %d warnings",
					d.Published, d.URL, d.Source, d.Byline, d.Warnings, c.published, c.url, c.source, c.by, c.warnings)
			}
			if !strings.Contains(d.Title, "River rises") {
				t.Errorf("title = %q", d.Title)
			}
		})
	}
}

func TestParseHTMLPageWithoutArticle(t *testing.T) {
	for _, in := range []string{
		"<html><head><title>x</title></head><body></body></html>",
		"<html><body><script>render()</script><img src=a.png></body></html>",
		"<!DOCTYPE html>",
	} {
		if _, err := Parse("p.html", []byte(in)); err == nil || !strings.Contains(err.Error(), "no article text found in the page") {
			t.Errorf("%q: err = %v, want no article text", in, err)
		}
	}
}

func TestPageTitleWithoutSite(t *testing.T) {
	cases := []struct{ title, head, want string }{
		{"River rises | The Town Paper", `<meta property="og:site_name" content="The Town Paper">`, "River rises"},
		{"The Town Paper — River rises", `<meta property="og:site_name" content="the town paper">`, "River rises"},
		{"River rises - paper.example", `<link rel="canonical" href="https://www.paper.example/river">`, "River rises"},
		// Written a little differently; a site name with a separator in it.
		{"Meth campaign | TheHill", `<meta property="og:site_name" content="The Hill">`, "Meth campaign"},
		{"Deals - Remember 80/90 - Memorabilia", `<meta property="og:site_name" content="Remember 80/90 - Memorabilia">`, "Deals"},
		// Not the site's name: part of the title.
		{"River rises | Live updates", `<meta property="og:site_name" content="The Town Paper">`, "River rises | Live updates"},
		// No site given: nothing to go by.
		{"River rises | The Town Paper", ``, "River rises | The Town Paper"},
		// The site's name alone stays.
		{"The Town Paper", `<meta property="og:site_name" content="The Town Paper">`, "The Town Paper"},
	}
	for _, c := range cases {
		data := strings.Replace(string(page(c.head, "")), "<title>River rises | The Town Paper</title>", "<title>"+c.title+"</title>", 1)
		docs, err := Parse("page.html", []byte(data))
		if err != nil {
			t.Fatal(err)
		}
		if docs[0].Title != c.want {
			t.Errorf("%q with %s: title %q, want %q", c.title, c.head, docs[0].Title, c.want)
		}
	}
}

func TestLenientJSON(t *testing.T) {
	for in, want := range map[string]string{
		`{"a": [1, 2,], "b": {"c": 3,},}`:   `{"a": [1, 2], "b": {"c": 3}}`,
		`{"s": "x\", ]", "t": "y,}",}`:      `{"s": "x\", ]", "t": "y,}"}`,
		"/*<![CDATA[*/{\"a\": 1}/*]]>*/":    `{"a": 1}`,
		"<![CDATA[\n{\"a\": 1,\n}\n]]>":     "{\"a\": 1\n}",
		`{"plain": "json", "n": [1, 2, 3]}`: `{"plain": "json", "n": [1, 2, 3]}`,
	} {
		if got := string(lenientJSON(in)); got != want {
			t.Errorf("lenientJSON(%q) = %q, want %q", in, got, want)
		}
	}
}
