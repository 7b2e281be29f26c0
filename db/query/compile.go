package query

import (
	"slices"
	"strings"
)

// compiler writes the text tree as FTS5 expressions.
//
// FTS5's NOT is binary ("a NOT b"), so a query cannot ask for "every row
// without b" on its own. Each node is therefore compiled to a pair (pos,
// neg) meaning "matches pos and not neg", where an empty pos means every
// row. AND and OR combine pairs by De Morgan's laws; only at the top can an
// empty pos remain, which the store answers as all articles minus neg.
type compiler struct {
	notes     bool // for annotations_fts, which has no title column
	dropStop  bool // leave positive stopwords out (see stopwords)
	terms     []string
	highlight []string
	seen      map[string]bool
	counts    map[string]int // positive phrases as rendered → times typed
}

func (c *compiler) compile(n *node, negated bool) (pos, neg string) {
	if n == nil {
		return "", ""
	}
	switch n.op {
	case opTerm:
		if c.dropStop && !negated && droppable(n.t) {
			return "", ""
		}
		expr := c.render(n.t)
		if !negated {
			c.mark(n.t, expr)
			if c.counts == nil {
				c.counts = map[string]int{}
			}
			c.counts[expr]++
		}
		return expr, ""
	case opNot:
		p, m := c.compile(n.kids[0], !negated)
		switch {
		case m == "": // not p
			return "", p
		case p == "": // not (not m) = m
			return m, ""
		default: // not (p and not m) = (not p) or m
			return "", group(p) + " NOT " + group(m)
		}
	case opAnd:
		ps, ms := c.parts(n.kids, negated)
		return strings.Join(ps, " AND "), strings.Join(ms, " OR ")
	default: // opOr
		var alts, onlyNot []string
		for _, k := range n.kids {
			p, m := c.compile(k, negated)
			switch {
			case p == "" && m == "": // a stopword left out
			case p == "":
				onlyNot = append(onlyNot, group(m))
			case m == "":
				if !slices.Contains(alts, group(p)) {
					alts = append(alts, group(p))
				}
			default:
				alts = append(alts, group(group(p)+" NOT "+group(m)))
			}
		}
		if len(onlyNot) == 0 {
			return strings.Join(alts, " OR "), ""
		}
		// (not m1) or (not m2) or a = not ((m1 and m2) and not a)
		m := strings.Join(onlyNot, " AND ")
		if len(alts) > 0 {
			m = group(m) + " NOT " + group(strings.Join(alts, " OR "))
		}
		return "", m
	}
}

// parts compiles the kids of an AND: their positive and negative
// expressions, each once, in order.
func (c *compiler) parts(kids []*node, negated bool) (ps, ms []string) {
	for _, k := range kids {
		p, m := c.compile(k, negated)
		if p != "" && !slices.Contains(ps, group(p)) {
			ps = append(ps, group(p))
		}
		if m != "" && !slices.Contains(ms, group(m)) {
			ms = append(ms, group(m))
		}
	}
	return ps, ms
}

// render writes one word or phrase for FTS5: always in double quotes, so
// the tokenizer alone decides what it means, with a column filter for
// title: and a "*" for a prefix.
func (c *compiler) render(t token) string {
	expr := quote(t.text)
	if t.prefix {
		expr += "*"
	}
	if t.field == "title" && !c.notes {
		expr = "title : " + expr
	}
	return expr
}

func (c *compiler) mark(t token, expr string) {
	if c.seen == nil {
		c.seen = map[string]bool{}
	}
	if c.seen[expr] {
		return
	}
	c.seen[expr] = true
	c.highlight = append(c.highlight, expr)
	term := t.text
	if t.phrase {
		term = `"` + term + `"`
	}
	if t.prefix {
		term += "*"
	}
	c.terms = append(c.terms, term)
}

// quote makes text an FTS5 string: inside double quotes, a double quote is
// written twice.
func quote(text string) string {
	return `"` + strings.ReplaceAll(text, `"`, `""`) + `"`
}

// Quote makes text one FTS5 phrase, as the parser quotes what is typed.
func Quote(text string) string { return quote(text) }

// group puts an expression in parentheses unless it is a single phrase.
func group(expr string) string {
	if isAtom(expr) {
		return expr
	}
	return "(" + expr + ")"
}

// OnePhrase reports whether an FTS5 expression of Query.Match is a single
// phrase (a word, a quoted phrase or a prefix, perhaps for titles only).
func OnePhrase(expr string) bool { return isAtom(expr) }

// isAtom reports whether expr is one quoted string, perhaps with a column
// filter and a "*": nothing in it binds looser than a phrase.
func isAtom(expr string) bool {
	expr = strings.TrimPrefix(expr, "title : ")
	expr = strings.TrimSuffix(expr, "*")
	if len(expr) < 2 || expr[0] != '"' || expr[len(expr)-1] != '"' {
		return false
	}
	inner := expr[1 : len(expr)-1]
	return !strings.Contains(strings.ReplaceAll(inner, `""`, ""), `"`)
}
