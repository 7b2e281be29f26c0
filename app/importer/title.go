package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTitle is about how long a derived title may be, in characters.
const maxTitle = 100

// notTitle matches paragraphs that belong to the body but never make a title:
// video teasers, "read more" links, and agency credits.
var notTitle = regexp.MustCompile(`(?i)^(watch|also read|read more|read also|also see|see also|listen|video|photos?|click here)\s*[:|]|^\(?\s*with inputs from|^\(.*\)$`)

// DeriveTitle makes a title from the first sentence of the first paragraph
// that can carry one, cut at a word boundary to about 100 characters.
func DeriveTitle(body string) string {
	for _, para := range strings.Split(body, "\n\n") {
		para = strings.Join(strings.Fields(para), " ")
		if para == "" || notTitle.MatchString(para) {
			continue
		}
		return shorten(firstSentence(para), maxTitle)
	}
	return "Untitled"
}

// abbreviations end with a full stop without ending the sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "prof": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "lt": true, "col": true, "sgt": true, "capt": true,
	"jr": true, "sr": true, "inc": true, "ltd": true, "co": true, "corp": true, "vs": true,
	"no": true, "jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// firstSentence returns text up to the first full stop, question or
// exclamation mark that ends a sentence.
func firstSentence(text string) string {
	for i, r := range text {
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		rest := text[i+1:]
		rest = strings.TrimLeft(rest, `"'”’)`)
		if rest == "" {
			return text
		}
		if !strings.HasPrefix(rest, " ") {
			continue
		}
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
		if r == '.' && (isAbbreviation(text[:i]) || !unicode.IsUpper(next) && !unicode.IsDigit(next) && next != '"' && next != '“') {
			continue
		}
		return strings.TrimSpace(text[:len(text)-len(rest)])
	}
	return text
}

func isAbbreviation(before string) bool {
	word := before[strings.LastIndexAny(before, " (")+1:]
	if utf8.RuneCountInString(word) == 1 {
		return true // an initial: "George W. Bush"
	}
	if strings.Contains(word, ".") {
		return true // "U.S.", "a.m."
	}
	return abbreviations[strings.ToLower(word)]
}

// shorten cuts text at the last word boundary before limit characters.
func shorten(text string, limit int) string {
	if utf8.RuneCountInString(text) <= limit {
		return text
	}
	runes := []rune(text)
	cut := string(runes[:limit])
	if i := strings.LastIndex(cut, " "); i > limit/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-–—") + "…"
}
