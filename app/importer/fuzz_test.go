package importer

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// fuzzExtensions are the names FuzzParse feeds the same bytes under.
var fuzzExtensions = []string{".txt", ".md", ".html", ".json", ""}

// FuzzParse feeds arbitrary bytes to every format. Seeds, and anything the
// fuzzer once found, live in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Add(uint8(2), []byte(`<p onclick="x()">a<script>b</script> <b>c</b></p>`))
	f.Add(uint8(3), []byte(`[{"title":"t","html":"<h1>x</h1><p>y</p>"},{"body":""}]`))
	f.Add(uint8(2), []byte(`<title>b c d</title><div><div class="q"><p>a</p><a href="/1">1</a></div><div class="q"><p>b c d</p><a href="/2">2</a></div><div class="q"><p>e <math><msup><mi>x</mi><mn>2</mn></msup></math></p><a href="/3">3</a></div></div>`))
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		name := "article" + fuzzExtensions[int(kind)%len(fuzzExtensions)]
		docs, err := Parse(name, data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an error without a message")
			}
			return
		}
		if len(docs) == 0 {
			t.Fatal("no error and no document")
		}
		for _, doc := range docs {
			checkDocument(t, doc)
		}
	})
}

// FuzzCleanHTML checks the sanitizer directly: the text nodes spell the
// body, nothing unsafe survives, and cleaning clean HTML changes nothing.
func FuzzCleanHTML(f *testing.F) {
	f.Add(`<div> a <i> b </i><p>c</p>d<br> e<pre>
 f  </pre></div>`)
	f.Add(`<p>x <math alttext="a^2"><mi>a</mi></math> <math><mfrac><mi>b</mi><mtext><a href="javascript:x">c</a></mtext></mfrac><annotation-xml encoding="text/html"><img src=x onerror=y></annotation-xml></math></p>`)
	f.Fuzz(func(t *testing.T, in string) {
		clean, body, err := cleanHTML(in)
		if err != nil {
			return
		}
		if m := textNodeMismatch(clean, body); m != "" {
			t.Fatalf("%s\nhtml: %q\nbody: %q", m, clean, body)
		}
		checkSafeHTML(t, clean)
		again, body2, err := cleanHTML(clean)
		if err != nil || again != clean || body2 != body {
			t.Fatalf("cleaning twice changed the result (err %v):\n%q\n%q\nbody %q\nbody %q", err, clean, again, body, body2)
		}
	})
}

// FuzzParseDate checks that a date is only ever accepted as a real day.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2023-09-15", "Friday, 15 September 2023", "Sep 15, 2023", "2023-09-15T23:30:00-04:00", "03/04/2023"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDate(s)
		if !ok {
			if d != "" {
				t.Fatalf("refused %q but returned %q", s, d)
			}
			return
		}
		if _, err := time.Parse("2006-01-02", d); err != nil || len(d) != 10 {
			t.Fatalf("%q gave %q, not a YYYY-MM-DD date", s, d)
		}
		if again, ok := ParseDate(d); !ok || again != d {
			t.Fatalf("%q gave %q, which reads back as %q", s, d, again)
		}
	})
}

// FuzzDecode checks that any bytes decode to clean UTF-8 text or a reason.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("caf\xe9\r\n\x1a"))
	f.Add([]byte{0xFF, 0xFE, 'h', 0, 0xD8, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := decodeText(data)
		if err != nil {
			if text != "" {
				t.Fatal("text returned with an error")
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("not UTF-8: %q", text)
		}
		if i := strings.IndexFunc(text, func(r rune) bool { return r == '\r' || r == 0 || isStrayControl(r) }); i >= 0 {
			t.Fatalf("a carriage return or control character survived at %d: %q", i, text)
		}
	})
}

var safeSchemes = regexp.MustCompile(`(?i)^(https?:|mailto:)`)

// checkSafeHTML walks clean HTML and refuses any element or attribute the
// allow-list does not name, links that are not web or mail addresses, and
// images that are not carried inside the page.
func checkSafeHTML(t testing.TB, clean string) {
	t.Helper()
	if clean == "" {
		return
	}
	if strings.Contains(strings.ToLower(clean), "<script") {
		t.Fatalf("a script survived: %s", clean)
	}
	kept := map[string]bool{}
	for _, e := range keptElements {
		kept[e] = true
	}
	context := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, _ := html.ParseFragment(strings.NewReader(clean), context)
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if !kept[n.Data] || n.Namespace != "" || n.Data == "h1" {
				t.Fatalf("element <%s> survived: %s", n.Data, clip(clean))
			}
			for _, a := range n.Attr {
				ok := n.Data == "a" && a.Key == "href" && safeSchemes.MatchString(a.Val) ||
					n.Data == "img" && a.Key == "src" && strings.HasPrefix(a.Val, "data:image/") ||
					(n.Data == "td" || n.Data == "th") && (a.Key == "colspan" || a.Key == "rowspan")
				if !ok {
					t.Fatalf("attribute %s=%q on <%s> survived: %s", a.Key, a.Val, n.Data, clip(clean))
				}
			}
		}
		if n.Type == html.CommentNode {
			t.Fatalf("a comment survived: %s", clip(clean))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
}
