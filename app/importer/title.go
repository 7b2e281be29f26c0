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

// titleSeparators part a page title from the site's name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " · ", " :: ", " » "}

// withoutSite drops the site's name from the end or the start of a page
// title ("River rises | The Town Paper" → "River rises") when it is one of
// the names the page gives for its site. A part that is not the site's
// name stays: it may be the title's own.
func withoutSite(title string, sites ...string) string {
	for _, site := range sites {
		if site == "" {
			continue
		}
		for _, sep := range titleSeparators {
			for i := 0; ; {
				j := strings.Index(title[i:], sep)
				if j < 0 {
					break
				}
				at := i + j
				before, after := title[:at], title[at+len(sep):]
				if strings.TrimSpace(before) != "" && sameSite(after, site) {
					return strings.TrimSpace(before)
				}
				if strings.TrimSpace(after) != "" && sameSite(before, site) {
					return strings.TrimSpace(after)
				}
				i = at + len(sep)
			}
		}
	}
	return title
}

// sameSite compares a part of a title with a site's name or host name,
// leaving out case, spaces and punctuation ("TheHill" is "The Hill").
func sameSite(part, site string) bool {
	norm := func(s string) string {
		s = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "www.")
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return -1
		}, s)
	}
	return norm(part) != "" && norm(part) == norm(site)
}
