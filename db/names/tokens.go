package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of the text, with its byte span.
type token struct {
	text       string
	start, end int
	// sentenceStart is set on the first word of a sentence, a title or a
	// quotation: there a capital letter says nothing.
	sentenceStart bool
	// possessive is set when the word was written with 's: a name ends there.
	possessive bool
	// breakAfter is set when punctuation follows the word: a name ends there.
	breakAfter bool
	// based is set on "Moscow" in "Moscow-based": a place.
	based bool
}

// tokenize splits text into words. Punctuation ends names; a full stop,
// question or exclamation mark, colon, a blank line or a quotation mark
// starts a new sentence.
func tokenize(text string) []token {
	out := make([]token, 0, len(text)/6)
	start := true
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '&' && i > 0 && text[i-1] == ' ' && i+1 < len(text) && text[i+1] == ' ' {
			// "Ernst & Young": a word of the name, not punctuation.
			out = append(out, token{text: "&", start: i, end: i + 1})
			i++
			continue
		}
		if !isWordRune(r) {
			if len(out) > 0 && !unicode.IsSpace(r) {
				out[len(out)-1].breakAfter = true
			}
			switch {
			case r == '.' || r == '!' || r == '?' || r == ':' || r == '"' || r == '“' || r == '”' || r == '\n':
				start = true
			}
			i += n
			continue
		}
		end := wordEnd(text, i)
		first := len(out)
		out = appendWord(out, text, i, end)
		if len(out) > first {
			out[first].sentenceStart = start
			start = false
		}
		i = end
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordEnd finds the end of the word at i: letters and digits, joined by
// one of . ' ’ - & / when a letter or digit follows, plus the last dot of
// an abbreviation such as U.S.
func wordEnd(text string, i int) int {
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			j += n
			continue
		}
		if (r == '\'' || r == '’') && j > i && text[j-1] == 's' && (j+n == len(text) || text[j+n] == ' ') {
			return j + n // Bankers' Association: the apostrophe of a plural
		}
		if strings.ContainsRune(".'’-&/", r) && j+n < len(text) {
			next, _ := utf8.DecodeRuneInString(text[j+n:])
			if isWordRune(next) {
				j += n
				continue
			}
		}
		break
	}
	// U.S. and U.K.: keep the final dot of single letters joined by dots.
	w := text[i:j]
	if j < len(text) && text[j] == '.' && len(w) >= 3 && w[1] == '.' {
		j++
	}
	return j
}

// appendWord appends the tokens of one written word: "Russia's" is
// Russia, possessive; "Moscow-based" is Moscow; "Turkey-Iran" is two
// places; "Jean-Pierre" stays one.
func appendWord(out []token, text string, start, end int) []token {
	w := text[start:end]
	t := token{text: w, start: start, end: end}
	for _, s := range []string{"'s", "’s"} {
		if strings.HasSuffix(w, s) && len(w) > len(s) {
			t.text, t.end, t.possessive = w[:len(w)-len(s)], end-len(s), true
			break
		}
	}
	if !strings.Contains(t.text, "-") {
		return append(out, t)
	}
	parts := strings.Split(t.text, "-")
	if !splitsAtHyphens(parts) {
		return append(out, t)
	}
	first := len(out)
	at := t.start
	for k, p := range parts {
		if capitalised(p) && !stopwords[p] {
			pt := token{text: p, start: at, end: at + len(p), breakAfter: true}
			pt.based = k+1 < len(parts) && strings.ToLower(parts[k+1]) == "based"
			out = append(out, pt)
		}
		at += len(p) + 1
	}
	if len(out) > first {
		out[len(out)-1].possessive = t.possessive
	}
	return out
}

// splitsAtHyphens tells whether a hyphenated word is several words: some
// part is lower case ("US-led", "anti-Bush"), or every part is a known
// place or an acronym ("Turkey-Iran", "UFJ-MTFG").
func splitsAtHyphens(parts []string) bool {
	known := true
	for _, p := range parts {
		if p == "" {
			return false
		}
		if !capitalised(p) {
			return true
		}
		if !places[p] && !acronym(p) {
			known = false
		}
	}
	return known
}

// capitalised reports whether the word starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// acronym reports whether the word is two to six capitals (digits and one
// lower-case "o" for "of" allowed after the first): UFJ, BoE, IAAF.
func acronym(w string) bool {
	w = strings.ReplaceAll(w, ".", "")
	if len(w) < 2 || len(w) > 7 || !capitalised(w) {
		return false
	}
	w = strings.TrimSuffix(w, "s") // AAAs, MEPs
	if romanNumeral(w) || stopwords[w] {
		return false // Edward III; GDP
	}
	lower := 0
	for _, r := range w {
		if unicode.IsDigit(r) {
			return false // DB9, V8: models, not organisations
		}
		if unicode.IsLower(r) {
			lower++
		}
	}
	return lower == 0 || (lower == 1 && strings.Contains(w[1:], "o") && len(w) >= 3)
}

// romanNumeral reports whether a word is a Roman numeral: the III of
// Edward III.
func romanNumeral(w string) bool {
	return strings.Trim(w, "IVX") == "" && w != ""
}
