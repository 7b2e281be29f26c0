package names

import (
	"strings"
	"unicode"
)

// mention is one capitalised sequence taken for a name, with what its
// context says about its kind.
type mention struct {
	words      []string
	start, end int32 // an article is far shorter than 2 GB; 8 bytes less a mention
	evidence
}

// evidence is what the words around a name say about it.
type evidence struct {
	honorific bool // Mr, Sir, President before it
	role      bool // "analyst Howard Archer", "Atinc Ozkan, analyst at"
	age       bool // "Mr Davies, 60,"
	saying    bool // "said Takashi Yamanaka", "Turkcell said"
	placePrep bool // "in Gaydon", "near Warwick"
	based     bool // "Moscow-based"
	initial   bool // only ever seen first in a sentence
	orgNoun   bool // "car maker Aston Martin", "Turkcell, the mobile firm"
	opponent  bool // "against Fulham", "Everton v Fulham": a team
	maker     bool // "developed by Valve": a company, when named by one word
}

func (e *evidence) add(o evidence) {
	e.honorific = e.honorific || o.honorific
	e.role = e.role || o.role
	e.age = e.age || o.age
	e.saying = e.saying || o.saying
	e.placePrep = e.placePrep || o.placePrep
	e.based = e.based || o.based
	e.initial = e.initial && o.initial
	e.orgNoun = e.orgNoun || o.orgNoun
	e.opponent = e.opponent || o.opponent
	e.maker = e.maker || o.maker
}

// placePreps come before place names.
var placePreps = set(`in near from across outside throughout`)

// mentions finds the capitalised sequences of the text that may be names.
func mentions(text string, toks []token) []mention {
	// The words that start a sentence, and which of them the text also
	// writes in lower case.
	lower := map[string]bool{}
	for _, t := range toks {
		if t.sentenceStart && capitalised(t.text) {
			lower[strings.ToLower(t.text)] = false
		}
	}
	for _, t := range toks {
		if seen, ok := lower[t.text]; ok && !seen {
			lower[t.text] = true
		}
	}
	var out []mention
	for i := 0; i < len(toks); {
		if !capitalised(toks[i].text) {
			i++
			continue
		}
		j := runEnd(toks, i)
		out = append(out, split(text, toks, lower, i, j)...)
		i = j + 1
	}
	return out
}

// runEnd returns the index of the last token of the run of capitalised
// words (and connectors between them) that starts at i.
func runEnd(toks []token, i int) int {
	j := i
	for {
		if toks[j].possessive || toks[j].breakAfter {
			return j
		}
		next := j + 1
		if next < len(toks) && capitalised(toks[next].text) && !toks[next].sentenceStart {
			j = next
			continue
		}
		if next+1 < len(toks) && joins(toks[i:j+1], toks[next].text) && !toks[next].breakAfter &&
			capitalised(toks[next+1].text) && (toks[next].text == "&" || !stopwords[toks[next+1].text]) {
			j = next + 1
			continue
		}
		return j
	}
}

// joins reports whether a small word continues the name run: "Bank of
// England", "Court of Arbitration for Sport", "Ruud van Nistelrooy", and
// "and" in "Corporation for Assigned Names and Numbers"; but not "Coghlan
// of Ireland" nor "Blackpool and Brighton".
func joins(run []token, w string) bool {
	named, joined := false, false
	for _, t := range run {
		named = named || orgWords[t.text] || placeWords[t.text] || nobleTitles[t.text] // Prince of Wales
		joined = joined || t.text == "of" || t.text == "for"
	}
	switch w {
	case "of", "for":
		return named
	case "and":
		return named && joined
	case "&":
		return true
	}
	return connectors[w]
}

// split trims a run to the name in it: it drops the words that only
// happen to be capitalised (The, Former, Russian, May) and cuts it at a
// title ("Virginia State Attorney General Jerry Kilgore").
func split(text string, toks []token, lower map[string]bool, i, j int) []mention {
	var out []mention
	hon := false
	for k := i; k <= j; k++ {
		if !honorifics[toks[k].text] || k == j || stopwords[toks[k+1].text] || !capitalised(toks[k+1].text) {
			continue
		}
		if k > i {
			out = append(out, trimmed(text, toks, lower, i, k-1, false)...)
		}
		i, hon = k+1, true
	}
	if i <= j {
		out = append(out, trimmed(text, toks, lower, i, j, hon)...)
	}
	return out
}

// trimmed makes a mention of toks[i..j] once the words that are not part
// of a name are dropped from both ends. lower holds the words the text
// writes in lower case: one of them that starts a sentence is no name.
func trimmed(text string, toks []token, lower map[string]bool, i, j int, hon bool) []mention {
	hasOrgWord := false
	var whole []string
	for k := i; k <= j; k++ {
		hasOrgWord = hasOrgWord || orgWords[toks[k].text] || toks[k].text == "&"
		whole = append(whole, toks[k].text)
	}
	if known := strings.Join(whole, " "); places[known] || organisations[known] || aliases[known] != "" {
		return []mention{newMention(text, toks, i, j, hon)} // "New York", not "York"
	}
	if i < j && nobleTitles[toks[i].text] && toks[i+1].text == "of" {
		return []mention{newMention(text, toks, i, j, true)} // Prince of Wales
	}
	for i <= j && (notName(toks[i].text) && !(firstNames[toks[i].text] && i < j) ||
		(demonyms[toks[i].text] && !hasOrgWord) || connectors[toks[i].text]) {
		hon = hon || honorifics[toks[i].text]
		i++
	}
	if i <= j && toks[i].sentenceStart && lower[strings.ToLower(toks[i].text)] {
		i++
	}
	for j >= i && (notName(toks[j].text) || connectors[toks[j].text] || demonyms[toks[j].text]) && (j == i || toks[j-1].text != "&") {
		j--
	}
	if i > j || (i == j && len([]rune(toks[i].text)) < 2) {
		return nil
	}
	return []mention{newMention(text, toks, i, j, hon)}
}

// newMention makes a mention of toks[i..j].
func newMention(text string, toks []token, i, j int, hon bool) mention {
	m := mention{start: int32(toks[i].start), end: int32(toks[j].end)}
	for k := i; k <= j; k++ {
		m.words = append(m.words, normalWord(toks[k].text))
	}
	if last := m.words[len(m.words)-1]; strings.HasSuffix(last, "'") || strings.HasSuffix(last, "’") {
		m.words[len(m.words)-1] = strings.TrimRight(last, "'’") // Yukos' owner
	}
	m.evidence = context(text, toks, i, j)
	m.honorific = m.honorific || hon
	return m
}

// notName reports whether a capitalised word is never a name on its own.
func notName(w string) bool {
	if stopwords[w] || honorifics[w] || (roles[w] || capitalisedRoles[w]) && !firstNames[w] {
		return true
	}
	for _, r := range w {
		if unicode.IsLetter(r) {
			return false
		}
	}
	return true // a number
}

// normalWord writes U.S. as US.
func normalWord(w string) string {
	if strings.Count(w, ".") >= 1 && acronym(w) {
		return strings.ReplaceAll(w, ".", "")
	}
	return w
}

// context reads the words around toks[i..j]. It runs for every
// capitalised word of an article, so one look-up (classes) says what the
// word before, and the word after, may tell.
func context(text string, toks []token, i, j int) evidence {
	e := evidence{initial: toks[i].sentenceStart, based: toks[j].based}
	if i > 0 && !toks[i-1].breakAfter {
		prev := toks[i-1].text
		c := classes[prev]
		e.role = c&roleWord != 0
		e.orgNoun = c&orgNounWord != 0
		e.placePrep = c&placePrepWord != 0
		e.saying = c&sayingWord != 0
		e.opponent = c&(opponentWord|versusWord) != 0
		if c&pairEndWord != 0 && i > 1 {
			pair := [2]string{toks[i-2].text, prev}
			e.orgNoun = e.orgNoun || !toks[j].possessive && businessBefore[pair]
			e.opponent = e.opponent || opponentPairs[pair]
			e.maker = prev == "by" && makers[pair[0]]
		}
	}
	var next wordClass
	if j+1 < len(toks) && !toks[j].breakAfter {
		next = classes[toks[j+1].text]
	}
	e.orgNoun = e.orgNoun || next&businessAfterWord != 0 // "Kestrava shares", "Kestrava's profits"
	if toks[j].possessive {
		return e
	}
	e.opponent = e.opponent || next&versusWord != 0
	if next&sayingWord != 0 {
		e.saying = true
		e.orgNoun = e.orgNoun || statementFollows(toks, j+1)
	}
	e.orgNoun = e.orgNoun || describedAfter(toks, j)
	if rest := text[toks[j].end:]; strings.HasPrefix(rest, ", ") {
		e.age = ageFollows(rest[2:])
		e.role = e.role || nounFollows(toks, j, roles)
		e.orgNoun = e.orgNoun || nounFollows(toks, j, orgNouns)
	}
	return e
}

// wordClass is what a word beside a name says about it, one bit a list.
type wordClass uint8

const (
	roleWord          wordClass = 1 << iota // roles: "analyst Howard Archer"
	orgNounWord                             // orgNouns: "rival bank UFJ"
	placePrepWord                           // placePreps: "in Gaydon"
	sayingWord                              // sayings: "said Takashi Yamanaka", "Turkcell said"
	opponentWord                            // "against Fulham", "beat Fulham"
	versusWord                              // "Everton v Fulham", either side
	businessAfterWord                       // businessAfter: "Kestrava shares"
	pairEndWord                             // ends a pair of businessBefore, opponentPairs or makers
)

// classes holds every word of the lists above with its classes.
var classes = func() map[string]wordClass {
	m := map[string]wordClass{}
	add := func(words map[string]bool, c wordClass) {
		for w := range words {
			m[w] |= c
		}
	}
	add(roles, roleWord)
	add(orgNouns, orgNounWord)
	add(placePreps, placePrepWord)
	add(sayings, sayingWord)
	add(set(`against beat`), opponentWord)
	add(set(`v vs`), versusWord)
	add(businessAfter, businessAfterWord)
	for pair := range businessBefore {
		m[pair[1]] |= pairEndWord
	}
	for pair := range opponentPairs {
		m[pair[1]] |= pairEndWord
	}
	m["by"] |= pairEndWord
	return m
}()

// businessBefore are the pairs of words that come before a company's
// name, or an employer's: "shares in Kestrava", "a takeover of Kestrava",
// "chief executive of Kestrava", "an economist at Kestrava". Not before a
// possessive: "chief executive of Lee's company" names a person.
var businessBefore = map[[2]string]bool{
	{"shares", "in"}: true, {"shares", "of"}: true, {"stake", "in"}: true, {"takeover", "of"}: true,
	{"bid", "for"}: true, {"merger", "with"}: true, {"acquisition", "of"}: true,
	{"subsidiary", "of"}: true, {"signed", "for"}: true, {"loan", "from"}: true,
	{"executive", "of"}: true, {"chairman", "of"}: true, {"chairwoman", "of"}: true, {"boss", "of"}: true,
	{"founder", "of"}: true, {"owner", "of"}: true,
	{"analyst", "at"}: true, {"economist", "at"}: true, {"analysts", "at"}: true, {"economists", "at"}: true,
	{"works", "for"}: true, {"worked", "for"}: true, {"working", "for"}: true,
}

// businessAfter are the words that follow a company's name, or its
// possessive: "Kestrava shares fell", "Kestrava's profits".
var businessAfter = set(`shares shareholders profits profit revenues revenue spokesman spokeswoman spokesperson`)

// ageFollows reads "60," or "25-year-old" after a name and a comma.
func ageFollows(s string) bool {
	n := 0
	for n < len(s) && n < 3 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n == 2 && n < len(s) && (s[n] == ',' || s[n] == ')')
}

// describedAfter reads "Yugansk unit", "Usdaw trade union" and the
// employer in "Global Insight analyst Howard Archer": an organisation
// noun, or a role before a name, within two lower-case words after the
// name at toks[j].
func describedAfter(toks []token, j int) bool {
	if toks[j].breakAfter {
		return false
	}
	for k := j + 1; k < len(toks) && k <= j+2; k++ {
		w := toks[k].text
		if capitalised(w) {
			return false
		}
		if orgNouns[w] {
			return true
		}
		if roles[w] && !workRoles[w] && k+1 < len(toks) && capitalised(toks[k+1].text) && !toks[k].breakAfter {
			return true
		}
		if toks[k].breakAfter {
			return false
		}
	}
	return false
}

// opponentPairs come before a team in a sports report, as "against" and
// "beat" do (opponentWord): "a draw with Fulham", "lost to Fulham".
var opponentPairs = map[[2]string]bool{
	{"win", "over"}: true, {"victory", "over"}: true, {"defeat", "to"}: true, {"defeat", "by"}: true,
	{"lost", "to"}: true, {"drew", "with"}: true, {"draw", "with"}: true, {"beaten", "by"}: true,
	{"home", "to"}: true,
}

// statementFollows reads "said in a statement" from the verb at toks[k]:
// an organisation speaks in statements.
func statementFollows(toks []token, k int) bool {
	return k+3 < len(toks) && toks[k+1].text == "in" && toks[k+2].text == "a" && toks[k+3].text == "statement"
}

// makers come before "by" and a company: "developed by Valve", "a chain
// owned by Kestrava". A person there is named in full.
var makers = set(`developed made published manufactured built owned run operated bought acquired designed distributed`)

// workRoles are the roles a film, a show or a book has, not an employer:
// "Aviator star Alan Alda", "Potter director Alfonso Cuaron".
var workRoles = set(`star stars actor actress director writer author novelist presenter host`)

// nounFollows reads ", an economist with" or ", the shadow education
// secretary" after the name at toks[j]: a noun of the list within a few
// lower-case words.
func nounFollows(toks []token, j int, nouns map[string]bool) bool {
	for k := j + 1; k < len(toks) && k <= j+4; k++ {
		w := toks[k].text
		if nouns[w] {
			return true
		}
		if capitalised(w) || toks[k].breakAfter {
			return false
		}
	}
	return false
}
