// Package names finds the people, organisations and places named in an
// article, by rules a reader would use: capitalised words in the middle of
// a sentence; titles (Mr, Sir, President) and roles ("analyst Howard
// Archer") before a person, an age or a role after one; a list of
// countries, regions and major cities; the words organisations end their
// names with (Group, Bank, Association, United); and how the article goes
// on to use a name: a person is "Tony Blair" once and then "Mr Blair" or
// "Blair", a company "Aston Martin" and then "Aston". Every way an article
// writes one name becomes one Name, and "US", "U.S." and "United States"
// are one place.
//
// It is pure Go, needs no model and reads an article in well under a
// millisecond; docs/names.md gives its precision and recall on a labelled
// sample and the choices behind them.
package names

import (
	"slices"
	"strings"
)

// Kind is what a name names.
type Kind string

// The kinds of names.
const (
	Person Kind = "person"
	Org    Kind = "org"
	Place  Kind = "place"
)

// ParseKind reads a kind as typed ("person", "org", "organisation",
// "place"); ok is false for anything else.
func ParseKind(s string) (Kind, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "person", "people", "persons":
		return Person, true
	case "org", "orgs", "organisation", "organization", "organisations", "organizations":
		return Org, true
	case "place", "places":
		return Place, true
	}
	return "", false
}

// Span is where a name occurs in the text, in bytes: [Start, End).
type Span struct {
	Start, End int
}

// Name is one person, organisation or place named in a text.
type Name struct {
	Name  string   // the fullest way the text writes it, or its usual name ("United States")
	Kind  Kind     //
	Forms []string // every way the text writes it
	Spans []Span   // where, in the order they occur
}

// Find returns the names in a text (title and body), in order of first
// occurrence.
func Find(text string) []Name { return FindWith(text, nil) }

// FindWith is Find that asks a lexicon, what the rest of the library
// says, about the names the text alone does not settle ("Tirunesh
// Dibaba", named with no title or role, is a person in other articles).
// lex may be nil.
func FindWith(text string, lex *Lexicon) []Name {
	ms := mentions(text, tokenize(text))
	groups := fold(text, ms)
	var out []Name
	for _, g := range groups {
		k, ok := g.kind()
		if !ok && lex != nil && !events[g.words[len(g.words)-1]] {
			k, ok = lex.kinds[g.key]
		}
		if !ok {
			continue
		}
		out = append(out, g.name(k))
	}
	slices.SortFunc(out, func(a, b Name) int { return a.Spans[0].Start - b.Spans[0].Start })
	return out
}

// group is the mentions of one name.
type group struct {
	key      string   // the name, words joined by spaces
	words    []string // of key
	mentions []mention
	forms    []string
	evidence
	shortened bool // the text also calls it by its first or last word alone
	defined   bool // the text gives it an acronym in brackets
}

func (g *group) addMention(m mention, form string) {
	if len(g.mentions) == 0 {
		g.evidence = m.evidence
	} else {
		g.evidence.add(m.evidence)
	}
	g.mentions = append(g.mentions, m)
	if !slices.Contains(g.forms, form) {
		g.forms = append(g.forms, form)
	}
}

func (g *group) absorb(o *group) {
	if len(o.words) == 1 {
		g.shortened = true
	}
	for _, m := range o.mentions {
		g.evidence.add(m.evidence)
		g.mentions = append(g.mentions, m)
	}
	for _, f := range o.forms {
		if !slices.Contains(g.forms, f) {
			g.forms = append(g.forms, f)
		}
	}
}

func (g *group) name(k Kind) Name {
	n := Name{Name: g.key, Kind: k, Forms: g.forms}
	for _, m := range g.mentions {
		n.Spans = append(n.Spans, Span{int(m.start), int(m.end)})
	}
	slices.SortFunc(n.Spans, func(a, b Span) int { return a.Start - b.Start })
	return n
}

// kind decides what the group names; ok is false when the text does not
// settle it: no name at all (a common word that only ever starts a
// sentence, an award), or a name of a kind the text does not show.
func (g *group) kind() (Kind, bool) {
	w := g.words
	last := w[len(w)-1]
	switch {
	case organisations[g.key]:
		return Org, true
	case cities[g.key] && g.opponent && !g.placePrep:
		return Org, true // a club named by its city: "Leicester v Bath"
	case places[g.key] && !g.honorific:
		return Place, true
	case events[last] || g.initial && len(w) == 1 && !acronym(g.key) || len(w) == 1 && orgWords[last]:
		return "", false // an award; a word that starts a sentence; "the Committee"
	case anyWord(w, orgWords) || orgPrefixes[w[0]] && len(w) > 1 || len(w) > 1 && acronym(last) || slices.Contains(w, "&"):
		return Org, true
	case g.defined || webAddress(g.key):
		return Org, true // "Hewlett Packard (HP)", "Amazon.com"
	case len(w) > 1 && placeWords[last]:
		return Place, true
	case g.honorific || g.role || g.age || firstNames[w[0]] && !g.orgNoun:
		return Person, true
	case acronym(g.key) || g.orgNoun || (g.opponent || g.maker) && len(w) == 1:
		return Org, true // a team, a maker: a person would have been named in full

	case g.based:
		return Place, true
	case len(w) > 1 && (g.saying || g.shortened):
		return Person, true // "Tim Osborne told", "Eliud Kipchoge ... Kipchoge"
	case len(w) > 1:
		return "", false // a title, an event or a name of an unknown kind
	case g.placePrep && !g.saying:
		return Place, true
	case g.saying:
		return Org, true // "Turkcell said"; a person would have been named in full
	}
	return "", false
}

// webAddress reports whether a name is a web address: Amazon.com.
func webAddress(name string) bool {
	if !strings.Contains(name, ".") {
		return false
	}
	for _, tld := range []string{".com", ".net", ".org", ".co.uk"} {
		if strings.HasSuffix(strings.ToLower(name), tld) {
			return true
		}
	}
	return false
}

func anyWord(words []string, list map[string]bool) bool {
	for _, w := range words {
		if list[w] {
			return true
		}
	}
	return false
}

// Canonical returns the usual name for a spelling the recogniser folds
// ("U.S." and "US" are "United States"), or the name as given.
func Canonical(name string) string {
	name = strings.Join(strings.Fields(name), " ")
	w := strings.ReplaceAll(name, ".", "")
	for alias, canon := range aliases {
		if strings.EqualFold(alias, w) {
			return canon
		}
	}
	return name
}

// Lexicon is what a library already knows about its names: the people,
// names taken for a person in at least two of its articles and more often
// than for anything else; and the organisations, names taken for an
// organisation in at least three and never for anything else. Measured on
// the labelled samples (docs/names.md), the last names of those people,
// and organisations the library was less sure of, cost more precision
// than they add recall.
type Lexicon struct {
	kinds map[string]Kind
}

// NewLexicon makes a lexicon from the names of the people a library holds.
func NewLexicon(people []string) *Lexicon {
	l := &Lexicon{kinds: make(map[string]Kind, len(people))}
	for _, name := range people {
		l.kinds[name] = Person
	}
	return l
}

// Usage is how many of a library's articles took a name for one kind.
type Usage struct {
	Name     string
	Kind     Kind
	Articles int
}

// LexiconOf makes a lexicon from how a library's articles used their
// names; spellings that differ only in case count as one name.
func LexiconOf(usage []Usage) *Lexicon {
	type tally struct {
		spelled  map[Kind]string
		articles map[Kind]int
	}
	byKey := map[string]*tally{}
	for _, u := range usage {
		key := strings.ToLower(u.Name)
		t := byKey[key]
		if t == nil {
			t = &tally{spelled: map[Kind]string{}, articles: map[Kind]int{}}
			byKey[key] = t
		}
		t.spelled[u.Kind] = u.Name
		t.articles[u.Kind] += u.Articles
	}
	l := &Lexicon{kinds: map[string]Kind{}}
	for _, t := range byKey {
		person, org, place := t.articles[Person], t.articles[Org], t.articles[Place]
		switch {
		case person >= LexiconMinArticles && person > org+place:
			l.kinds[t.spelled[Person]] = Person
		case org >= LexiconMinOrgArticles && person+place == 0:
			l.kinds[t.spelled[Org]] = Org
		}
	}
	return l
}

// LexiconMinArticles is how many articles must have taken a name for a
// person before the lexicon holds it.
const LexiconMinArticles = 2

// LexiconMinOrgArticles is how many articles must have taken a name for
// an organisation, and nothing else, before the lexicon holds it.
const LexiconMinOrgArticles = 3
