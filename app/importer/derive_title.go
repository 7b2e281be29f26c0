package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Derived titles are made for articles whose file gives none (the seed
// format never does). They are about as long as a headline: at most
// titleAim characters when a clause or phrase ends by then, never more
// than titleMax.
const (
	titleAim = 80
	titleMax = 90
	// titleMin is the shortest cut worth taking before a longer one: a
	// clause ending after three words says too little.
	titleMin = 30
)

// untitled is the title of an article whose text offers none.
const untitled = "Untitled"

// notTitle matches paragraphs that belong to the body but never make a title:
// video teasers, "read more" links, and agency credits.
// The ^ leads the whole expression so that a match is only tried at the
// start: with ^ in each alternative, every position of a long paragraph is.
var notTitle = regexp.MustCompile(`(?i)^(?:(?:watch|also read|read more|read also|also see|see also|listen|video|photos?|click here)\s*[:|]|\(?\s*with inputs from|\(.*\)$)`)

// dateline matches a wire story's opening "PLACE, Month Day (Agency) - ",
// which is not part of what a person would call its title.
var dateline = regexp.MustCompile(`^[\p{Lu}][\p{Lu}\p{M} .,'/-]{1,40}(?:,\s*[\p{L}.]+\.?\s+\d{1,2})?\s*\([^)]{2,30}\)\s*[-–—]+\s*`)

// deriveTitle gives doc a title made from its body, marked as derived.
func deriveTitle(doc *Document) {
	doc.Title, doc.TitleDerived = DeriveTitle(doc.Body), true
}

// DeriveTitle makes a title from the first sentence of the first paragraph
// that can carry one, the way a person would write it: in sentence case
// when the text is in capitals, and, when the sentence is long, cut where
// a clause or phrase ends (see shortenTitle).
func DeriveTitle(body string) string {
	for _, para := range strings.Split(body, "\n\n") {
		para = strings.Join(strings.Fields(para), " ")
		para = dateline.ReplaceAllString(para, "")
		if para == "" || notTitle.MatchString(para) {
			continue
		}
		sentence := firstSentence(para)
		if rest, ok := strings.CutSuffix(sentence, "."); ok && !isAbbreviation(rest) {
			sentence = rest // a headline has no full stop, but "U.S." keeps its own
		}
		if isShouted(sentence) {
			sentence = sentenceCase(sentence, newCaseDictionary(body))
		}
		return shortenTitle(sentence)
	}
	return untitled
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

// shortenTitle cuts a long sentence where a person would, leaving out
// remarks in brackets first: at the end of
// a clause (a comma, semicolon, colon or dash) with nothing added, else
// before a word that starts a phrase ("… after", "… which") or, failing
// both, at a word, with "…" to say the sentence goes on. A cut never
// leaves a quotation or a bracket open, nor ends on a word such as "the".
func shortenTitle(s string) string {
	if runeLen(s) <= titleAim {
		return s
	}
	s = aside.ReplaceAllString(s, "")
	if runeLen(s) <= titleAim {
		return s
	}
	if cut, ok := clauseCut(s, titleAim); ok {
		return cut
	}
	if runeLen(s) <= titleMax {
		return s
	}
	if cut, ok := clauseCut(s, titleMax); ok {
		return cut
	}
	if cut, ok := lastCut(s, titleMin, titleAim, func(prefix, next string) bool { return phraseStarts[lowerWord(next)] }); ok {
		return cut + "…"
	}
	anyWord := func(string, string) bool { return true }
	if cut, ok := lastCut(s, 1, titleAim, anyWord); ok {
		return cut + "…"
	}
	return string([]rune(s)[:titleAim]) + "…" // one endless word
}

// aside matches a short remark in brackets inside a sentence, such as
// "(September 15)": a headline leaves it out.
var aside = regexp.MustCompile(` \([^()]{1,40}\)`)

// clauseCut is the longest start of s, within limit characters, that ends
// a clause.
func clauseCut(s string, limit int) (string, bool) {
	cut, ok := lastCut(s, titleMin, limit, func(prefix, next string) bool {
		return strings.HasSuffix(prefix, ",") || strings.HasSuffix(prefix, ";") || strings.HasSuffix(prefix, ":") ||
			next == "-" || next == "–" || next == "—"
	})
	return strings.TrimRight(cut, ",;:"), ok
}

// lastCut returns the longest start of s (cut at a space, at least least
// and at most limit characters) where ends says a cut may fall between
// prefix and the next word, and that leaves nothing open or dangling.
func lastCut(s string, least, limit int, ends func(prefix, next string) bool) (string, bool) {
	for i := len(s); i > 0; {
		i = strings.LastIndexByte(s[:i], ' ')
		if i < 0 {
			break
		}
		prefix := strings.TrimRight(s[:i], " ")
		n := runeLen(prefix)
		if n < least {
			break
		}
		if n > limit {
			continue
		}
		next, _, _ := strings.Cut(s[i+1:], " ")
		if ends(prefix, next) && balanced(prefix) && !dangles(prefix) {
			return prefix, true
		}
	}
	return "", false
}

// phraseStarts are words before which a long sentence can be cut: they
// begin a clause or a phrase that adds to what came before.
var phraseStarts = wordSet(`and but or as after before while when where which who whose that because since
	to amid despite following with without from for in on at into over under against during by of about
	than until unless if so though although whereas including near between among across through toward towards`)

// danglingWords cannot end a title: they need the word after them.
var danglingWords = wordSet(`a an the and but or nor of to in on at for with by from as into onto than that
	which who whose whom his her its their our my your this these those is are was were be been being
	has have had will would shall should can could may might must not no very more most such its`)

func dangles(prefix string) bool {
	last := prefix[strings.LastIndexByte(prefix, ' ')+1:]
	return danglingWords[lowerWord(last)]
}

// balanced reports whether every bracket and quotation opened in s is
// closed.
func balanced(s string) bool {
	return strings.Count(s, "(") == strings.Count(s, ")") &&
		strings.Count(s, "[") == strings.Count(s, "]") &&
		strings.Count(s, "“") == strings.Count(s, "”") &&
		strings.Count(s, `"`)%2 == 0
}

// lowerWord is a word without the punctuation around it, in lower case.
func lowerWord(w string) string {
	return strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

func wordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}
