package importer

import (
	"strings"
	"testing"
)

func TestCleanHTML(t *testing.T) {
	const pixel = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
	cases := []struct {
		name, in, html, body string
	}{
		{"white space collapses", "<p>  one\n   two\t</p>", "<p>one two</p>", "one two"},
		{"space between inline elements is kept once", "<p>a <em> b</em>  <b>c </b> d</p>", "<p>a <em>b</em> <b>c </b>d</p>", "a b c d"},
		{"blocks are separated by a blank line", "<h1>T</h1>\n<p>x</p>\n<ul>\n <li>a</li>\n <li>b</li>\n</ul>",
			"<h2>T</h2><p>x</p><ul><li>a</li><li>b</li></ul>", "T\n\nx\n\na\n\nb"},
		{"line breaks", "<p>a <br> b<br><br>c</p>", "<p>a<br/>b<br/><br/>c</p>", "a\nb\n\nc"},
		{"preformatted text keeps its spacing", "<pre>  a\n   b  \n\n</pre><p>c</p>", "<pre>  a\n   b  </pre><p>c</p>", "  a\n   b  \n\nc"},
		{"entities are decoded in the body", "<p>Tom &amp; Jerry &lt;3 &quot;x&quot;</p>", "<p>Tom &amp; Jerry &lt;3 &#34;x&#34;</p>", "Tom & Jerry <3 \"x\""},
		{"a no-break space is not collapsed", "<p>a&nbsp; b</p>", "<p>a\u00a0 b</p>", "a\u00a0 b"},
		{"divs stay separate blocks", "<div>one</div><div>two</div>", "<div>one</div><div>two</div>", "one\n\ntwo"},
		{"block containers become divs", "<section><header>h</header><article><p>a</p></article></section>",
			"<div><div>h</div><div><p>a</p></div></div>", "h\n\na"},
		{"inline wrappers are unwrapped without a space", "<p>Hel<span class=x>lo</span> <font>w</font>orld</p>", "<p>Hello world</p>", "Hello world"},
		{"table cells are blocks", "<table><tr><td colspan=2 class=c>a</td><td>b</td></tr></table>",
			`<table><tbody><tr><td colspan="2">a</td><td>b</td></tr></tbody></table>`, "a\n\nb"},
		{"attributes go", `<p class="x" id="y" style="color:red" onclick="steal()" title="t">a</p>`, "<p>a</p>", "a"},
		{"web and mail links stay", `<a href="https://x.example/a?b=1&amp;c=2" target=_blank>w</a> <a href="mailto:a@b.example">m</a>`,
			`<a href="https://x.example/a?b=1&amp;c=2">w</a> <a href="mailto:a@b.example">m</a>`, "w m"},
		{"other links lose their address", `<p><a href="javascript:alert(1)">j</a> <a href="/relative">r</a> <a href="data:text/html,x">d</a></p>`,
			"<p>j r d</p>", "j r d"},
		{"remote images go, inline ones stay", `<p>a <img src="https://t.example/p.gif" alt="p"> b <img src="` + pixel + `" alt="chart" onload="x()"></p>`,
			`<p>a b <img src="` + pixel + `"/></p>`, "a b "},
		{"dangerous elements go with their content", `<p>a</p><script>s()</script><style>p{}</style><iframe src="x">i</iframe><svg><text>t</text></svg><button>b</button><textarea>x</textarea><p>z</p>`,
			"<p>a</p><p>z</p>", "a\n\nz"},
		{"comments go", "<p>a<!-- note -->b</p>", "<p>ab</p>", "ab"},
		{"empty inline elements go", "<p>a<em></em> <strong> </strong>b</p>", "<p>a b</p>", "a b"},
		{"text beside blocks", "<div>intro<p>para</p>outro</div>", "<div>intro<p>para</p>outro</div>", "intro\n\npara\n\noutro"},
		{"nothing", "", "", ""},
		{"only space", " \n\t ", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			html, body, err := cleanHTML(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if html != c.html {
				t.Errorf("html = %q\n          want %q", html, c.html)
			}
			if body != c.body {
				t.Errorf("body = %q, want %q", body, c.body)
			}
			if m := textNodeMismatch(html, body); m != "" {
				t.Error(m)
			}
			checkSafeHTML(t, html)
		})
	}
}

func TestCleanHTMLIsStable(t *testing.T) {
	in := "<div><p>one <em>two</em></p>\n<p>three<a href=\"http://x.example\"> four </a></p><pre>\n\nfive</pre></div>"
	html, body, err := cleanHTML(in)
	if err != nil {
		t.Fatal(err)
	}
	again, body2, err := cleanHTML(html)
	if err != nil || again != html || body2 != body {
		t.Errorf("cleaning clean HTML changed it:\n%q\n%q", html, again)
	}
	if !strings.HasPrefix(body, "one two\n\nthree four\n\n") {
		t.Errorf("body = %q", body)
	}
}
