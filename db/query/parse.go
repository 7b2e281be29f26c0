package query

import (
	"strings"
)

// node is the text part of a query: words and phrases joined by AND, OR
// and NOT. Filters never appear in it; they are lifted out as they are read.
type node struct {
	op   nodeOp
	kids []*node
	t    token // for opTerm
}

type nodeOp int

const (
	opTerm nodeOp = iota
	opAnd
	opOr
	opNot
)

// parser reads tokens into a tree. The grammar, loosest first:
//
//	or    = and { "OR" and }
//	and   = unary { unary }
//	unary = "NOT" unary | "-"term | term | "(" or ")"
//
// Anything that does not fit (a stray ")", "OR OR", a trailing NOT) is
// skipped rather than refused.
type parser struct {
	toks    []token
	pos     int
	q       *Query
	negated int    // how many NOTs enclose the current position
	depth   int    // how many parentheses enclose it
	ignored int    // "(" skipped for being too deep, whose ")" is skipped too
	parts   []Part // the top-level pieces, in order
	terms   int    // words and phrases read so far
}

// maxTerms bounds the words and phrases of one search; later ones are
// ignored. It is far above what a question or a pasted paragraph holds
// (maxInput bounds the input to a few hundred words): it only keeps the
// FTS5 expression of hostile input bounded.
const maxTerms = 512

// maxDepth bounds nested parentheses; deeper ones are read as if absent.
// FTS5's expression parser has a small stack of its own.
const maxDepth = 8

func (p *parser) peek() (token, bool) {
	if p.pos >= len(p.toks) {
		return token{}, false
	}
	return p.toks[p.pos], true
}

// parseOr reads terms joined by OR until a ")" or the end.
func (p *parser) parseOr() *node {
	var alts []*node
	for {
		if n := p.parseAnd(); n != nil {
			alts = append(alts, n)
		}
		t, ok := p.peek()
		if !ok || t.kind != tokOr {
			break
		}
		p.pos++
	}
	return join(opOr, alts)
}

// parseAnd reads terms side by side until OR, ")" or the end.
func (p *parser) parseAnd() *node {
	var all []*node
	for {
		t, ok := p.peek()
		if !ok || t.kind == tokOr {
			break
		}
		if t.kind == tokRParen {
			if p.ignored == 0 {
				break
			}
			p.ignored--
			p.pos++
			continue
		}
		first, filters, notes := p.pos, len(p.q.Filters), p.q.InNotes
		n := p.parseUnary()
		if n != nil {
			all = append(all, n)
		}
		if p.depth == 0 && (n != nil || len(p.q.Filters) != filters || p.q.InNotes != notes) {
			p.addPart(p.toks[first], p.toks[p.pos-1].end)
		}
	}
	return join(opAnd, all)
}

// addPart records a top-level piece of the input from first's start to
// end; the pieces of a hyphenated word are one part, dropped together.
func (p *parser) addPart(first token, end int) {
	if first.joined && len(p.parts) > 0 {
		last := &p.parts[len(p.parts)-1]
		last.End, last.Text = end, p.q.Input[last.Start:end]
		return
	}
	p.parts = append(p.parts, Part{Text: p.q.Input[first.start:end], Start: first.start, End: end})
}

func (p *parser) parseUnary() *node {
	t := p.toks[p.pos]
	p.pos++
	switch t.kind {
	case tokNot:
		next, ok := p.peek()
		if !ok || next.kind == tokOr || next.kind == tokRParen {
			return nil // a NOT with nothing after it
		}
		p.negated++
		n := p.parseUnary()
		p.negated--
		return negate(n)
	case tokLParen:
		if p.depth >= maxDepth {
			p.ignored++
			return nil
		}
		p.depth++
		defer func() { p.depth-- }()
		if t.neg {
			p.negated++
		}
		n := p.parseOr()
		if t.neg {
			p.negated--
		}
		if next, ok := p.peek(); ok && next.kind == tokRParen {
			p.pos++
		}
		if t.neg {
			return negate(n)
		}
		return n
	case tokRParen, tokOr:
		return nil // only reached for input such as "NOT )"
	}
	if t.neg {
		p.negated++
	}
	n := p.term(t)
	if t.neg {
		p.negated--
		return negate(n)
	}
	return n
}

// term turns a word, phrase or field:value into a text node, or records it
// as a filter and returns nil.
func (p *parser) term(t token) *node {
	if t.field != "" && t.field != "title" {
		if f, ok := parseFilter(t.field, t.text); ok {
			f.Negate = p.negated%2 == 1
			if f.Kind != InNotes {
				p.q.Filters = append(p.q.Filters, f)
			} else if !f.Negate { // "-in:notes" is the ordinary search
				p.q.InNotes = true
			}
			return nil
		}
		// An unknown value ("is:purple", "tag:") is searched as words.
		t.text = strings.TrimSpace(t.field + " " + t.text)
		t.field = ""
	}
	if t.field == "title" && !searchable(t.text) {
		t.text, t.field, t.phrase = "title", "", false // "title:" alone
	}
	if !searchable(t.text) || p.terms >= maxTerms {
		return nil
	}
	p.terms++
	return &node{op: opTerm, t: t}
}

func negate(n *node) *node {
	if n == nil {
		return nil
	}
	if n.op == opNot {
		return n.kids[0]
	}
	return &node{op: opNot, kids: []*node{n}}
}

// join makes an AND or OR of the nodes, dropping the level when there is
// only one and merging kids that are the same operator.
func join(op nodeOp, list []*node) *node {
	switch len(list) {
	case 0:
		return nil
	case 1:
		return list[0]
	}
	var kids []*node
	for _, n := range list {
		if n.op == op {
			kids = append(kids, n.kids...)
		} else {
			kids = append(kids, n)
		}
	}
	return &node{op: op, kids: kids}
}
