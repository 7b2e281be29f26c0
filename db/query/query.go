// Package query reads what a person types in the search box: words,
// "phrases", prefix*, OR, -word / NOT word, parentheses, title:word, and the
// filters tag:, source:, person:, org:, place:, date: (date:none for
// undated articles), after:, before:, is:, has: and in:notes.
//
// The text part becomes an FTS5 MATCH expression in which every word is
// quoted, so nothing typed is ever read as FTS5 syntax; the filters become
// typed values the store applies after the full-text search. Any input is
// valid: what does not fit the language is searched as plain words.
//
// Filters always combine with AND at the top level, even when written inside
// parentheses or next to OR: "(tag:a OR tag:b) oil" asks for both tags. A
// "-" or NOT in front of a group negates the filters inside it one by one.
package query

import (
	"strings"
	"unicode/utf8"
)

// Query is a parsed search.
type Query struct {
	// Match is the FTS5 expression the articles (or, with InNotes, the
	// annotations) must match; "" when the text part has no positive words.
	// Words typed side by side must all be there ("all of them first").
	Match string
	// Loose is the same expression with its top-level words and groups
	// joined by OR instead of AND: the articles with some of the words,
	// which rank after those with all of them. "" when it would be Match
	// (one word, or words joined by OR). Match and Loose hold the same
	// phrases in the same order, so a phrase's number is the same in both.
	Loose string
	// Exclude is set when the text part is only negations ("-ukraine"):
	// everything except what this FTS5 expression matches.
	Exclude string
	// Counts says how many times each positive phrase (as written in
	// Match, see Atoms) was typed.
	Counts map[string]int
	// Highlight matches every positive word and phrase, for marking them.
	Highlight string
	// Terms are the positive words and phrases as typed, for showing.
	Terms []string
	// Filters all have to hold.
	Filters []Filter
	// InNotes searches highlights' quotes and notes instead of articles.
	InNotes bool
	// Message is a friendly note when the input has nothing to search for
	// (only punctuation, a lone "-"); such a query finds nothing.
	Message string
	// Parts are the top-level pieces of the input, each of which can be
	// dropped to widen a search that found nothing.
	Parts []Part
	// Typing is set when the last word is still being typed (ParseTyping).
	Typing bool
	// Input is the input as parsed: cut to a bounded length, with control
	// characters and invalid UTF-8 turned into spaces.
	Input string
}

// Part is one top-level piece of the input: a word, a phrase, a filter or a
// parenthesised group, with its byte span in Query.Input.
type Part struct {
	Text       string
	Start, End int
}

// NothingToSearch is the Message for input with no words in it.
const NothingToSearch = "Type words to search for, or filters such as tag:name or date:2023."

// HasText reports whether the query has a text part (words to match or to
// exclude), as opposed to filters only.
func (q Query) HasText() bool { return q.Match != "" || q.Exclude != "" }

// Ranked reports whether relevance ordering means something for the query:
// it has positive words.
func (q Query) Ranked() bool { return q.Match != "" }

// Without returns the input with part i left out.
func (q Query) Without(i int) string {
	p := q.Parts[i]
	return strings.Join(strings.Fields(q.Input[:p.Start]+" "+q.Input[p.End:]), " ")
}

// Parse reads a search. It never fails: input that has nothing to search
// for gets a Message.
func Parse(input string) Query { return parse(input, false) }

// ParseTyping reads a search whose last word is still being typed: that
// word is searched as a prefix ("econ" finds economy), so that results
// come before it is finished. A word that is complete (the input ends in a
// space), one letter long, a stopword, a phrase or a field is as Parse
// reads it.
func ParseTyping(input string) Query { return parse(input, true) }

func parse(input string, typing bool) Query {
	s := clean(input)
	q := &Query{Input: s, Typing: typing}
	toks := lex(s)
	if typing {
		typedPrefix(s, toks)
	}
	p := &parser{toks: toks, q: q}
	var tops []*node
	for p.pos < len(toks) {
		if n := p.parseOr(); n != nil {
			tops = append(tops, n)
		}
		if p.pos < len(toks) { // a stray ")" at the top level
			p.pos++
		}
	}
	root := join(opAnd, tops)
	c := compiler{notes: q.InNotes, dropStop: hasKeyword(root, false)}
	pos, neg := c.compile(root, false)
	switch {
	case pos != "" && neg != "":
		q.Match = pos + " NOT " + group(neg)
	case pos != "":
		q.Match = pos
	default:
		q.Exclude = neg
	}
	q.Loose = loose(root, c.dropStop, q.InNotes)
	q.Terms = c.terms
	q.Counts = c.counts
	q.Highlight = strings.Join(c.highlight, " OR ")
	q.Parts = p.parts
	if strings.TrimSpace(s) != "" && !q.HasText() && len(q.Filters) == 0 && !q.InNotes {
		q.Message = NothingToSearch
	}
	return *q
}

// loose is the expression of the articles that match some of the
// top-level parts of an AND: each part's positive expression joined by OR,
// less every part's negative one. "" when the root is not an AND of two
// positive parts or more.
func loose(root *node, dropStop, notes bool) string {
	if root == nil || root.op != opAnd {
		return ""
	}
	c := compiler{notes: notes, dropStop: dropStop}
	ps, ms := c.parts(root.kids, false)
	if len(ps) < 2 {
		return ""
	}
	expr := strings.Join(ps, " OR ")
	if len(ms) > 0 {
		expr = group(expr) + " NOT " + group(strings.Join(ms, " OR "))
	}
	return expr
}

// Any is the expression of every article the search finds: Loose when
// set, else Match.
func (q Query) Any() string {
	if q.Loose != "" {
		return q.Loose
	}
	return q.Match
}

// typedPrefix makes the last token a prefix when it is a word still being
// typed.
func typedPrefix(input string, toks []token) {
	if len(toks) == 0 || strings.TrimRightFunc(input, isSpace) != input {
		return
	}
	t := &toks[len(toks)-1]
	if t.kind != tokTerm || t.phrase || t.prefix || t.field != "" || t.end != len(input) ||
		utf8.RuneCountInString(t.text) < 2 || isStopword(t.text) || !searchable(t.text) {
		return
	}
	t.prefix = true
}
