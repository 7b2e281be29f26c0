package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isShouted reports whether text is written in capitals: most of its
// letters, and enough of them that it is not one acronym.
func isShouted(text string) bool {
	upper, letters := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 8 && upper*10 >= letters*8
}

// caseDictionary is how the words of an article are written where its
// text is not in capitals: "korea" → "Korea", "nato" → "NATO". It is the
// best evidence of which words of a title in capitals are names.
type caseDictionary map[string]string

// newCaseDictionary reads how each word is written in the paragraphs of
// text that are not in capitals, leaving out the first word of each
// sentence (capitalised whatever it is). The most frequent form wins.
func newCaseDictionary(text string) caseDictionary {
	counts := map[string]map[string]int{}
	for _, para := range strings.Split(text, "\n\n") {
		if isShouted(para) {
			continue
		}
		start := true
		for _, tok := range strings.Fields(para) {
			core := wordCore(tok)
			if core != "" && !start {
				key := strings.ToLower(core)
				if counts[key] == nil {
					counts[key] = map[string]int{}
				}
				counts[key][core]++
			}
			start = strings.HasSuffix(strings.TrimRight(tok, `"'”’)`), ".") || strings.HasSuffix(tok, "?") || strings.HasSuffix(tok, "!")
		}
	}
	dict := caseDictionary{}
	for key, forms := range counts {
		best, n := "", 0
		for form, c := range forms {
			if c > n || c == n && form < best {
				best, n = form, c
			}
		}
		dict[key] = best
	}
	return dict
}

// wordCore is a token without the punctuation around it.
func wordCore(tok string) string {
	return strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// sentenceCase rewrites a sentence in capitals the way it would be written
// in a paper: its first letter capital, names and acronyms kept (as the
// article writes them elsewhere, or as known ones are written), the rest
// in lower case.
func sentenceCase(sentence string, dict caseDictionary) string {
	toks := strings.Fields(sentence)
	for i, tok := range toks {
		core := wordCore(tok)
		if core == "" {
			continue
		}
		at := strings.Index(tok, core)
		afterHonorific := i > 0 && honorifics[lowerWord(toks[i-1])]
		toks[i] = tok[:at] + caseWord(core, dict, afterHonorific) + tok[at+len(core):]
	}
	// A title before a name is part of it: "President Joe Biden".
	for i := len(toks) - 2; i >= 0; i-- {
		if honorifics[lowerWord(toks[i])] && startsUpper(wordCore(toks[i+1])) {
			toks[i] = capitaliseFirst(toks[i])
		}
	}
	return capitaliseFirst(strings.Join(toks, " "))
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// caseWord writes one word of a sentence in capitals.
func caseWord(word string, dict caseDictionary, name bool) string {
	if form, ok := dict[strings.ToLower(word)]; ok {
		return form
	}
	for _, apos := range []string{"'S", "’S"} {
		if stem, ok := strings.CutSuffix(word, apos); ok && stem != "" {
			return caseWord(stem, dict, name) + strings.ToLower(apos)
		}
	}
	if strings.ContainsAny(word, "-/") {
		return caseParts(word, dict, name)
	}
	lower := strings.ToLower(word)
	switch {
	case strings.ContainsFunc(word, unicode.IsDigit), strings.Contains(word, "."):
		return word // "G7", "F-16", "U.S"
	case acronyms[lower]:
		return strings.ToUpper(word)
	case word == "I", properNames[lower], name:
		return capitaliseFirst(lower)
	}
	return lower
}

// caseParts cases each part of "THREE-WAY" or "US-CHINA" on its own.
func caseParts(word string, dict caseDictionary, name bool) string {
	var b strings.Builder
	start := 0
	for i, r := range word {
		if r == '-' || r == '/' {
			b.WriteString(caseWord(word[start:i], dict, name))
			b.WriteRune(r)
			start = i + utf8.RuneLen(r)
		}
	}
	b.WriteString(caseWord(word[start:], dict, name))
	return b.String()
}

func capitaliseFirst(s string) string {
	for i, r := range s {
		if unicode.IsLetter(r) {
			return s[:i] + string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
		}
		if unicode.IsDigit(r) {
			return s
		}
	}
	return s
}

// honorifics come before a name.
var honorifics = wordSet(`mr mrs ms dr prof president minister chancellor senator governor mayor king queen
	prince princess pope general sir lord lady judge justice`)

// acronyms are written in capitals in running text: a title in capitals
// keeps them so when the article gives no other evidence.
var acronyms = wordSet(`us usa uk eu un uae ussr nato opec imf wto gdp cpi ceo cfo cto ipo ai
	fbi cia nsa nasa bbc cnn abc nbc cbs ap afp nyse sec fed ecb boj pboc rbi ftse dax ibm hsbc ubs
	bp ge gm bmw ira mp mps pm covid hiv aids sars dna nhs ngo g7 g20 asean brics mena ltd plc
	oecd iaea icc icj unicef unesco fifa uefa nba nfl mlb nhl usd gbp eur jpy cny`)

// properNames are common names in the news, capitalised when a title in
// capitals is the only place the article writes them.
var properNames = wordSet(`monday tuesday wednesday thursday friday saturday sunday
	january february march april june july august september october november december
	america american americans britain british england english scotland scottish wales welsh
	ireland irish europe european africa african asia asian australia australian canada canadian
	china chinese japan japanese korea korean india indian pakistan pakistani russia russian
	ukraine ukrainian belarus germany german france french italy italian spain spanish
	portugal brazil brazilian mexico mexican argentina chile israel israeli iran iranian iraq
	iraqi syria syrian turkey turkish egypt saudi arabia qatar kuwait nigeria kenya
	indonesia malaysia singapore thailand vietnam philippines taiwan hong kong beijing tokyo
	seoul moscow kyiv kiev london paris berlin washington york brussels geneva delhi mumbai
	sydney jerusalem gaza tehran sochi minsk pyongyang christmas easter ramadan
	congress parliament kremlin pentagon reuters`)
