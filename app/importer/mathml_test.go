package importer

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestLinearMath(t *testing.T) {
	cases := []struct{ name, mathml, want string }{
		{"alttext wins", `<math alttext="x^2 + 1"><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mn>1</mn></math>`, `x^2 + 1`},
		{"displaystyle wrapper dropped", `<math alttext="{\displaystyle \alpha \leq 1}"><mi>α</mi><mo>≤</mo><mn>1</mn></math>`, `\alpha \leq 1`},
		{"TeX annotation", `<math><semantics><mi>x</mi><annotation encoding="application/x-tex">\bar{x}</annotation></semantics></math>`, `\bar{x}`},
		{"other annotations are not the formula", `<math><semantics><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><annotation encoding="text/plain">sum</annotation></semantics></math>`, `a + b`},
		{"symbols in order", `<math><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math>`, `E = mc^2`},
		{"fraction groups its parts", `<math><mfrac><mrow><mi>a</mi><mo>+</mo><mn>1</mn></mrow><mi>b</mi></mfrac></math>`, `(a + 1)/b`},
		{"root and square root", `<math><mroot><mi>x</mi><mn>3</mn></mroot><mo>+</mo><msqrt><mi>y</mi></msqrt></math>`, `x^(1/3) + √(y)`},
		{"sub and superscript, under and over", `<math><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><msub><mi>x</mi><mi>i</mi></msub></math>`, `∑_(i = 1)^nx_i`},
		{"invisible operators show nothing", "<math><mi>f</mi><mo>\u2061</mo><mo>(</mo><mi>x</mi><mo>)</mo><mo>\u2062</mo><mi>y</mi></math>", `f(x)y`},
		{"matrix rows", `<math><mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>0</mn></mtd></mtr><mtr><mtd><mn>0</mn></mtd><mtd><mn>1</mn></mtd></mtr></mtable></math>`, `1, 0; 0, 1`},
		{"empty", `<math></math>`, ``},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := parseFragment(c.mathml)
			m := root.FirstChild
			if m == nil || !isMath(m) {
				t.Fatalf("%s did not parse as a <math> element", c.mathml)
			}
			if got := linearMath(m); got != c.want {
				t.Errorf("linearMath = %q, want %q", got, c.want)
			}
		})
	}
}

func TestParseHTMLPageKeepsFormulasAsText(t *testing.T) {
	data, err := os.ReadFile("testdata/mathml.html")
	if err != nil {
		t.Fatal(err)
	}
	docs, err := Parse("mathml.html", data)
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	checkDocument(t, d)
	for _, want := range []string{
		`distance, F = G\frac{m_1 m_2}{r^2}, bends`, // alttext, {\displaystyle} taken off
		"semi-major",
		"d_1 + d_2 = 2a",                   // the TeX annotation
		"T = 2π√((a^3)/(GM)), which is",    // no TeX: the symbols in order
		"as here: tapxy and nothing of it", // the letters of the hostile formula
	} {
		if !strings.Contains(d.Body, want) {
			t.Errorf("the body lacks %q:\n%s", want, d.Body)
		}
	}
	if !strings.Contains(d.HTML, `<code>d_1 + d_2 = 2a</code>`) {
		t.Errorf("a formula is not shown as code:\n%s", d.HTML)
	}
	lower := strings.ToLower(d.HTML)
	for _, banned := range []string{"<math", "<mi", "<annotation", "<a ", "<img", "script", "javascript", "onerror", "tracker", "style", "href"} {
		if strings.Contains(lower, banned) {
			t.Errorf("the HTML holds %q:\n%s", banned, d.HTML)
		}
	}
}

// Formulas in HTML that comes from JSON or Markdown are kept the same way.
func TestCleanHTMLKeepsFormulasAsText(t *testing.T) {
	clean, body, err := cleanHTML(`<p>Area <math alttext="\pi r^2"><mi>π</mi><msup><mi>r</mi><mn>2</mn></msup></math> of a disc.</p><p>Empty <math><mspace width="1em"/></math> formula.</p>`)
	if err != nil {
		t.Fatal(err)
	}
	if want := `<p>Area <code>\pi r^2</code> of a disc.</p><p>Empty formula.</p>`; clean != want {
		t.Errorf("clean HTML = %q, want %q", clean, want)
	}
	if want := "Area \\pi r^2 of a disc.\n\nEmpty formula."; body != want {
		t.Errorf("body = %q, want %q", body, want)
	}
	if _, err := html.Parse(strings.NewReader(clean)); err != nil {
		t.Fatal(err)
	}
}
