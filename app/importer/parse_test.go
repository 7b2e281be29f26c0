package importer

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fixtureCase is what one file under testdata must parse to.
type fixtureCase struct {
	file      string
	err       string // part of the error message; "" for success
	skipped   bool   // the error must be ErrUnsupported
	title     string
	byline    string
	source    string
	url       string
	published string
	tags      []string
	has       []string // in the body
	hasNot    []string // in neither body nor HTML
	htmlHas   []string
	warnings  int
	docs      int      // when more than one
	problems  []string // Problem of each document, in order, "" for none
}

var fixtureCases = []fixtureCase{
	{file: "seed.txt", published: "2023-09-15",
		title: "The harbour council of Port Ellery voted on Friday to reopen the old ferry line…",
		has:   []string{"Watch: the last ferry leaves Port Ellery", "(With inputs from agencies)"}},
	{file: "title-first.txt", title: "Orchard growers cheer late frost escape",
		has: []string{"Apple growers in the northern valleys", "\n\nPrices are likely"}, hasNot: []string{"cheer late frost"}},
	{file: "latin1.txt", title: "Cup final tickets to cost £45", has: []string{"£45 for adults and £20 for children"}, hasNot: []string{"\r", "\uFFFD"}},
	{file: "utf16le.txt", title: "Café owners welcome new rules", has: []string{"“much fairer”"}},
	{file: "utf16be.txt", title: "Café owners welcome new rules", has: []string{"“much fairer”"}},
	{file: "utf16le-no-bom.txt", title: "Café owners welcome new rules", has: []string{"“much fairer”"}},
	{file: "utf16be-no-bom.txt", title: "Café owners welcome new rules", has: []string{"“much fairer”"}},
	{file: "crlf.txt", title: "Library extends opening hours", has: []string{"next week.\nThe change", "readers.\n\nWeekend"}, hasNot: []string{"\r"}},
	{file: "empty.txt", err: "the file is empty"},
	{file: "binary.txt", err: "the file is binary, not text"},
	{file: "picture", skipped: true},
	{file: "front-matter.md", title: "Tram line to the airport approved", byline: "Mira Okafor", source: "The Valley Courier",
		url: "https://courier.example.org/2024/03/08/tram-airport", published: "2024-03-08", tags: []string{"transport", "city council"},
		has:     []string{"approved the tram extension", "What happens next", "four new stops,", "network & children ride free"},
		htmlHas: []string{"<strong>tram extension</strong>", "<h2>What happens next</h2>", "<li>four new stops,</li>", "<blockquote>"},
		hasNot:  []string{"---", "title:"}},
	{file: "tags-string.md", title: "Winter road gritting begins early", published: "2023-11-15", tags: []string{"weather", "roads"}},
	{file: "heading.md", title: "Night market returns to the square",
		has:     []string{"with forty stalls", "Trade ran on\nuntil midnight", "opening hours:\n  Fri  18:00-23:00", "Raw HTML paragraphs are kept, unsafe links are not."},
		htmlHas: []string{"<em>forty</em>", "<pre><code>", "<br/>"},
		hasNot:  []string{"Night market returns", "alert", "onclick", "javascript"}},
	{file: "bad-front-matter.md", err: "the front matter is not valid YAML: line 4"},
	{file: "page.html", title: "Reservoir levels recover after dry summer", byline: "Tomas Lindqvist", source: "The Northern Ledger",
		url: "https://ledger.example.com/news/2023/10/02/reservoir-levels-recover", published: "2023-10-02",
		has:     []string{"The three reservoirs that supply the city", "four hundred leaks", "spring & publish the figures"},
		htmlHas: []string{"<strong>four hundred leaks</strong>", `<a href="https://water.example.com/levels">levels page</a>`},
		hasNot:  []string{"Subscribe", "All rights reserved", "Drought hits farms", "font-family"}},
	{file: "page-without-extension", title: "Reservoir levels recover after dry summer", published: "2023-10-02"},
	{file: "gb2312.html", title: "新渡轮航线下月开通", has: []string{"单程航行时间约为二十分钟"}},
	{file: "gb2312-declared-utf8.html", title: "新渡轮航线下月开通", has: []string{"单程航行时间约为二十分钟"}, hasNot: []string{"\uFFFD"}},
	{file: "cp1251.html", title: "Новый мост открыт", has: []string{"Новый пешеходный мост через реку открылся в субботу утром."}},
	{file: "malicious.html", title: "Council publishes budget",
		has:     []string{"The council published its budget", "read the full plan online here or there", "twelfth of next month"},
		htmlHas: []string{`<a href="mailto:budget@council.example">budget office</a>`, `<img src="data:image/png;base64,`, "<b>twelfth of next month</b>"},
		hasNot: []string{"<script", "alert", "onerror", "onclick", "onmouseover", "onload", "javascript", "JaVaScRiPt", "data:text", "style=",
			"tracker.example.net", "<iframe", "evil.example.net", "<object", "<embed", "<svg", "svg text", "<form", "<input", "<button", "Send", "typed", "color: red"}},
	{file: "no-article.html", err: "no article text found in the page"},
	{file: "article.json", title: "Bakery wins national bread prize", byline: "Ana Ruiz, Ben Cole", source: "Market Town Gazette",
		url: "https://gazette.example.org/bakery-prize", published: "2023-09-15", tags: []string{"food", "local business"},
		has:     []string{"for its rye sourdough.\n\nThe owners said they would celebrate by baking more bread."},
		htmlHas: []string{"<em>rye sourdough</em>"}, hasNot: []string{"steal"}},
	{file: "articles.json", docs: 6, problems: []string{"", "", `item 3: it has neither "body" nor "html"`,
		`item 4: "title" must be text, not a number`, "item 5: it is text, not an article object", ""}},
	{file: "json-without-extension", title: "Sniffed JSON", has: []string{"A file with no extension that holds JSON."}},
	{file: "invalid-utf8.json", err: "the JSON is not valid UTF-8 (line 2"},
	{file: "bad-syntax.json", err: "the JSON is not valid: line 5"},
}

func TestParseFixtures(t *testing.T) {
	for _, c := range fixtureCases {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			docs, err := Parse(c.file, data)
			switch {
			case c.skipped:
				if !errors.Is(err, ErrUnsupported) {
					t.Fatalf("err = %v, want ErrUnsupported", err)
				}
				return
			case c.err != "":
				if err == nil || errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want a failure saying %q", err, c.err)
				}
				return
			case err != nil:
				t.Fatal(err)
			}
			if c.docs > 0 {
				checkProblems(t, docs, c.problems)
				return
			}
			if len(docs) != 1 {
				t.Fatalf("%d documents, want 1", len(docs))
			}
			checkFixture(t, c, docs[0])
		})
	}
}

func checkFixture(t *testing.T, c fixtureCase, d Document) {
	t.Helper()
	checkDocument(t, d)
	for field, pair := range map[string][2]string{"title": {d.Title, c.title}, "byline": {d.Byline, c.byline},
		"source": {d.Source, c.source}, "url": {d.URL, c.url}, "published": {d.Published, c.published}} {
		if pair[1] != "" && pair[0] != pair[1] {
			t.Errorf("%s = %q, want %q", field, pair[0], pair[1])
		}
	}
	if c.tags != nil && !slices.Equal(d.Tags, c.tags) {
		t.Errorf("tags = %q, want %q", d.Tags, c.tags)
	}
	for _, s := range c.has {
		if !strings.Contains(d.Body, s) {
			t.Errorf("the body lacks %q:\n%s", s, d.Body)
		}
	}
	for _, s := range c.htmlHas {
		if !strings.Contains(d.HTML, s) {
			t.Errorf("the HTML lacks %q:\n%s", s, d.HTML)
		}
	}
	for _, s := range c.hasNot {
		if strings.Contains(d.Body, s) || strings.Contains(d.HTML, s) {
			t.Errorf("%q should be gone:\nbody: %s\nhtml: %s", s, d.Body, d.HTML)
		}
	}
	if len(d.Warnings) != c.warnings {
		t.Errorf("warnings = %q, want %d", d.Warnings, c.warnings)
	}
}

func checkProblems(t *testing.T, docs []Document, want []string) {
	t.Helper()
	if len(docs) != len(want) {
		t.Fatalf("%d documents, want %d", len(docs), len(want))
	}
	for i, d := range docs {
		checkDocument(t, d)
		if d.Problem != want[i] {
			t.Errorf("item %d: problem %q, want %q", i+1, d.Problem, want[i])
		}
		if d.Problem != "" && d.Body != "" {
			t.Errorf("item %d has a problem and a body", i+1)
		}
	}
}

func TestParseJSONListKeepsGoodItems(t *testing.T) {
	data, err := os.ReadFile("testdata/articles.json")
	if err != nil {
		t.Fatal(err)
	}
	docs, err := Parse("articles.json", data)
	if err != nil {
		t.Fatal(err)
	}
	first, second, last := docs[0], docs[1], docs[5]
	if first.Published != "2024-01-10" || !slices.Equal(first.Tags, []string{"transport", "money"}) ||
		first.Body != "Bus fares will stay the same for another year, the transport authority said.\n\nThe freeze costs it four million." {
		t.Errorf("first item = %+v", first)
	}
	if second.Published != "" || len(second.Warnings) != 1 || !strings.Contains(second.Warnings[0], `"Spring 2024" could not be read`) {
		t.Errorf("an unreadable date should leave a warning and no date: %+v", second)
	}
	if last.Title != "An article without a title gets one from its first sentence" || !last.TitleDerived || first.TitleDerived {
		t.Errorf("derived title = %q", last.Title)
	}
}

func TestParseUnknownExtensionIsSkipped(t *testing.T) {
	if _, err := Parse("photo.jpeg", []byte("text")); !errors.Is(err, ErrUnsupported) {
		t.Errorf("err = %v, want ErrUnsupported", err)
	}
}

func TestParseRealLatin1File(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "corpus", "bbc", "sport", "199.txt"))
	if err != nil {
		t.Skipf("the BBC corpus is not here: %v", err)
	}
	docs, err := Parse("199.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(docs[0].Body, "£") || strings.Contains(docs[0].Body, "\uFFFD") {
		t.Errorf("the pound sign did not survive: %q", clip(docs[0].Body))
	}
}

func TestParseSniffsFilesWithoutExtension(t *testing.T) {
	cases := []struct {
		name, in string
		html     bool   // the document came out of the HTML or Markdown path
		title    string // "" to skip
		err      error
	}{
		{name: "html page", in: "<!-- saved -->\n<!DOCTYPE html><html><body><p>" + strings.Repeat("Words in a page. ", 10) + "</p></body></html>", html: true},
		{name: "html fragment", in: "<p>A fragment of a page. It has two sentences.</p>", html: true},
		{name: "json", in: `{"title": "From JSON", "body": "Text."}`, title: "From JSON"},
		{name: "json-looking text", in: "{not json} but a line of text.\n\nAnd more.", title: "{not json} but a line of text."},
		{name: "text", in: "A title\n\nA body.", title: "A title"},
		{name: "binary", in: "\x00\x01\x02\x03binary", err: ErrUnsupported},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			docs, err := Parse("README", []byte(c.in))
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Fatalf("err = %v, want %v", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, docs[0])
			if (docs[0].HTML != "") != c.html {
				t.Errorf("html = %q, want html: %v", docs[0].HTML, c.html)
			}
			if c.title != "" && docs[0].Title != c.title {
				t.Errorf("title = %q, want %q", docs[0].Title, c.title)
			}
		})
	}
}

// The import pipeline parses files on several goroutines at once; the
// shared sanitizer and Markdown renderer must allow that (run with -race).
func TestParseConcurrently(t *testing.T) {
	files := []string{"front-matter.md", "heading.md", "page.html", "malicious.html", "article.json"}
	done := make(chan error)
	for i := range 8 {
		go func() {
			name := files[i%len(files)]
			data, err := os.ReadFile(filepath.Join("testdata", name))
			if err == nil {
				_, err = Parse(name, data)
			}
			done <- err
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
