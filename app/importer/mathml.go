package importer

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A formula written in MathML is kept as one line of text in a <code>
// element: its TeX (the alttext or a TeX annotation the page gives), or else
// its symbols in reading order with fractions, powers and roots written out.
// The MathML itself is not kept. The reader finds every text node of the
// HTML in the body in order, so the formula must show the very text the
// body holds; MathML shows its symbols while the body would hold the TeX.
// And MathML is where sanitizers have been fooled by namespace tricks:
// plain text in <code> cannot be.

// texWrapper matches the {\displaystyle …} wrapper some pages put around a
// formula's TeX.
var texWrapper = regexp.MustCompile(`^\{\\(?:displaystyle|textstyle|scriptstyle)\s*(.*)\}$`)

// invisibleOperators are the MathML operators that show nothing (function
// application, invisible times, separator and plus).
var invisibleOperators = strings.NewReplacer("\u2061", "", "\u2062", "", "\u2063", "", "\u2064", "")

// spacedOperators are operators that read better with a space either side.
const spacedOperators = "=≠<>≤≥≈≡∼+-−±∓×÷·⋅→←↔⇒⇔∈∉⊂⊆∪∩∧∨"

// isMath reports a <math> element, as the HTML parser reads it.
func isMath(n *html.Node) bool {
	return n.Type == html.ElementNode && n.Namespace == "math" && n.Data == "math"
}

// linearizeMath replaces every <math> element under root by its formula as
// text (see replaceMath).
func linearizeMath(root *html.Node) {
	for c := root.FirstChild; c != nil; {
		next := c.NextSibling
		if isMath(c) {
			replaceMath(c)
		} else {
			linearizeMath(c)
		}
		c = next
	}
}

// replaceMath puts a <code> element holding the formula's text where the
// <math> element n was; a formula with no text is removed.
func replaceMath(n *html.Node) {
	if text := linearMath(n); text != "" {
		code := &html.Node{Type: html.ElementNode, Data: "code", DataAtom: atom.Code}
		code.AppendChild(&html.Node{Type: html.TextNode, Data: text})
		n.Parent.InsertBefore(code, n)
	}
	n.Parent.RemoveChild(n)
}

// linearMath is a formula as one line of text: the TeX the page gives for
// it, or its symbols in reading order.
func linearMath(n *html.Node) string {
	if tex := oneLine(attr(n, "alttext")); tex != "" {
		return unwrapTeX(tex)
	}
	if tex := texAnnotation(n); tex != "" {
		return unwrapTeX(tex)
	}
	return oneLine(mathText(n))
}

func unwrapTeX(tex string) string {
	if m := texWrapper.FindStringSubmatch(tex); m != nil {
		return strings.TrimSpace(m[1])
	}
	return tex
}

// texAnnotation finds the TeX a <semantics> element carries beside the
// formula.
func texAnnotation(n *html.Node) string {
	if n.Type == html.ElementNode && n.Data == "annotation" {
		enc := strings.ToLower(attr(n, "encoding"))
		if enc == "application/x-tex" || enc == "tex" || enc == "text/x-tex" || enc == "application/x-latex" {
			return oneLine(textContent(n))
		}
		return ""
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if tex := texAnnotation(c); tex != "" {
			return tex
		}
	}
	return ""
}

// mathText writes a MathML element's symbols in reading order, with the
// layout schemata a line of text cannot show written out: a/b, x^2, x_i,
// √(x), rows of a table separated by semicolons.
func mathText(n *html.Node) string {
	if n.Type == html.TextNode {
		return invisibleOperators.Replace(n.Data)
	}
	if n.Type != html.ElementNode {
		return ""
	}
	kids := mathChildren(n)
	part := func(i int) string {
		if i < len(kids) {
			return grouped(mathText(kids[i]))
		}
		return ""
	}
	switch n.Data {
	case "annotation", "annotation-xml", "mphantom", "none", "mprescripts":
		return ""
	case "semantics": // the formula, then its annotations
		if len(kids) == 0 {
			return ""
		}
		return mathText(kids[0])
	case "mspace":
		return " "
	case "mo":
		return spacedOperator(strings.TrimSpace(invisibleOperators.Replace(textContent(n))))
	case "mfrac":
		return part(0) + "/" + part(1)
	case "msqrt":
		return "√(" + joinMath(kids, "") + ")"
	case "mroot":
		return part(0) + "^(1/" + strings.Trim(part(1), "()") + ")"
	case "msup", "mover":
		return part(0) + "^" + part(1)
	case "msub", "munder":
		return part(0) + "_" + part(1)
	case "msubsup", "munderover":
		return part(0) + "_" + part(1) + "^" + part(2)
	case "mtable":
		return joinMath(kids, "; ")
	case "mtr", "mlabeledtr":
		return joinMath(kids, ", ")
	}
	return joinMath(kids, "")
}

// mathChildren are n's element and non-blank text children.
func mathChildren(n *html.Node) []*html.Node {
	var kids []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode || c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			kids = append(kids, c)
		}
	}
	return kids
}

func joinMath(kids []*html.Node, sep string) string {
	parts := make([]string, 0, len(kids))
	for _, k := range kids {
		s := mathText(k)
		if sep != "" {
			s = strings.TrimSpace(s) // a row's cells are apart already
		}
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, sep)
}

// grouped puts parentheses around a part of more than one symbol, so that
// a/b+1 and a/(b+1) stay apart.
func grouped(s string) string {
	s = oneLine(s)
	if len([]rune(s)) <= 1 || strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && strings.Count(s, "(") == 1 {
		return s
	}
	return "(" + s + ")"
}

func spacedOperator(op string) string {
	if op != "" && len([]rune(op)) == 1 && strings.Contains(spacedOperators, op) {
		return " " + op + " "
	}
	return op
}
