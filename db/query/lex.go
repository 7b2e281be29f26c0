package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is what a lexed token is.
type tokKind int

const (
	tokTerm   tokKind = iota // a word, a "phrase" or a field:value
	tokOr                    // OR
	tokNot                   // NOT
	tokLParen                // (
	tokRParen                // )
)

// token is one lexed piece of the input. start and end are byte offsets of
// the text the person typed for it, a leading "-" included.
type token struct {
	kind   tokKind
	text   string // the word or the phrase's contents
	field  string // lower-cased name before ":" for a known field, else ""
	phrase bool   // text came from double quotes
	prefix bool   // ended with "*"
	neg    bool   // written with a leading "-"
	joined bool   // a piece of a hyphenated word after its first (see splitCompound)
	start  int
	end    int
}

// fields are the names that may stand before ":"; anything else with a
// colon ("col:x", "http://…") is searched as plain words.
var fields = map[string]bool{
	"title": true, "tag": true, "source": true, "date": true, "after": true,
	"before": true, "is": true, "has": true, "in": true,
	"person": true, "org": true, "place": true,
}

// maxInput bounds the text parsed; longer input is cut at a rune boundary.
// Nobody types more into a search box, and it keeps the MATCH expression
// (and FTS5's work on it) bounded.
const maxInput = 2000

// lex splits the input into tokens. It accepts anything: control characters
// and invalid UTF-8 count as spaces, an unclosed quote runs to the end.
func lex(input string) []token {
	s := clean(input)
	var toks []token
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isSpace(r):
			i += size
		case r == '(':
			toks = append(toks, token{kind: tokLParen, start: i, end: i + 1})
			i++
		case r == ')':
			toks = append(toks, token{kind: tokRParen, start: i, end: i + 1})
			i++
		case r == '-':
			start := i
			for i < len(s) && s[i] == '-' {
				i++
			}
			if i >= len(s) || isSpace(rune(s[i])) || s[i] == ')' {
				continue // a lone "-" means nothing
			}
			if s[i] == '(' {
				toks = append(toks, token{kind: tokLParen, neg: true, start: start, end: i + 1})
				i++
				continue
			}
			var t token
			t, i = lexTerm(s, i)
			t.neg, t.start = true, start
			toks = append(toks, t)
		default:
			var t token
			t, i = lexTerm(s, i)
			toks = append(toks, splitCompound(t)...)
		}
	}
	return toks
}

// lexTerm reads a word, a phrase, or field:value starting at i.
func lexTerm(s string, i int) (token, int) {
	start := i
	if s[i] == '"' {
		text, next := lexPhrase(s, i)
		t := token{kind: tokTerm, text: text, phrase: true, start: start}
		t.prefix, next = starAt(s, next)
		t.end = next
		return t, next
	}
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if isSpace(r) || r == '(' || r == ')' || r == '"' {
			break
		}
		j += size
	}
	word := s[i:j]
	t := token{kind: tokTerm, start: start, end: j}
	switch word {
	case "OR":
		t.kind = tokOr
		return t, j
	case "NOT":
		t.kind = tokNot
		return t, j
	}
	if name, value, ok := strings.Cut(word, ":"); ok && fields[strings.ToLower(name)] {
		t.field = strings.ToLower(name)
		if value == "" && j < len(s) && s[j] == '"' {
			text, next := lexPhrase(s, j)
			t.text, t.phrase = text, true
			t.prefix, next = starAt(s, next)
			t.end = next
			return t, next
		}
		word = value
	}
	trimmed := strings.TrimRight(word, "*")
	t.prefix = trimmed != word
	t.text = trimmed
	return t, j
}

// splitCompound splits a plain word joined by hyphens ("anti-war",
// "covid-19", "real-gas") into its words, as search engines' analysers do:
// all of them must be there, and the proximity bonus ranks the articles
// where they stand together first, while an article that writes them
// apart ("war", "anti-…") still counts as having some of the words. A
// word with a piece of one character ("e-mail", "x-ray", "F-16") stays a
// phrase, as do quoted, negated and field words.
func splitCompound(t token) []token {
	if t.kind != tokTerm || t.phrase || t.field != "" || !strings.Contains(t.text, "-") {
		return []token{t}
	}
	pieces := strings.Split(t.text, "-")
	for _, p := range pieces {
		if utf8.RuneCountInString(p) < 2 || !searchable(p) {
			return []token{t}
		}
	}
	out := make([]token, len(pieces))
	at := t.start
	for i, p := range pieces {
		out[i] = token{kind: tokTerm, text: p, joined: i > 0, start: at, end: at + len(p)}
		at += len(p) + 1
	}
	out[len(out)-1].prefix, out[len(out)-1].end = t.prefix, t.end
	return out
}

// lexPhrase reads a quoted phrase starting at the quote at i; an unclosed
// quote takes the rest of the input.
func lexPhrase(s string, i int) (string, int) {
	end := strings.IndexByte(s[i+1:], '"')
	if end < 0 {
		return s[i+1:], len(s)
	}
	return s[i+1 : i+1+end], i + 1 + end + 1
}

// starAt reports whether a "*" (or several) follows at i, and skips them.
func starAt(s string, i int) (bool, int) {
	j := i
	for j < len(s) && s[j] == '*' {
		j++
	}
	return j > i, j
}

// clean makes the input safe to scan: at most maxInput bytes, invalid UTF-8
// and control characters turned into spaces.
func clean(input string) string {
	if len(input) > maxInput {
		cut := maxInput
		for cut > 0 && !utf8.RuneStart(input[cut]) {
			cut--
		}
		input = input[:cut]
	}
	var b strings.Builder
	b.Grow(len(input))
	for i := 0; i < len(input); {
		r, size := utf8.DecodeRuneInString(input[i:])
		if (r == utf8.RuneError && size == 1) || unicode.IsControl(r) || r == 0 {
			b.WriteByte(' ')
		} else {
			b.WriteString(input[i : i+size])
		}
		i += size
	}
	return b.String()
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

// searchable reports whether text holds a character FTS5's unicode61
// tokenizer keeps (letters, digits, private use); text without one, such
// as "!!!" or an emoji, cannot match anything.
func searchable(text string) bool {
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) {
			return true
		}
	}
	return false
}
