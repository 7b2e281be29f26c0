package names

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// fold gathers the mentions of one name into one group: the same words;
// an alias ("U.S.", "Britain"); an acronym defined in brackets or made of
// the initials of a longer name; and the first or last words of a longer
// name ("Blair" for "Tony Blair", "Aston" for "Aston Martin").
func fold(text string, ms []mention) []*group {
	byKey := map[string]*group{}
	var order []*group
	defined := acronymDefinitions(text, ms)
	for _, m := range ms {
		form := strings.Join(m.words, " ")
		key := form
		if a, ok := aliases[key]; ok {
			key = a
		} else if d, ok := defined[key]; ok {
			key = d
		}
		g := byKey[key]
		if g == nil {
			g = &group{key: key, words: strings.Fields(key)}
			byKey[key] = g
			order = append(order, g)
		}
		g.addMention(m, form)
		if _, ok := defined[form]; ok && key != form {
			g.defined = true
		}
	}
	// Longest names first, so that a short one folds into the fullest.
	slices.SortStableFunc(order, func(a, b *group) int { return len(b.words) - len(a.words) })
	var kept []*group
	for _, g := range order {
		if into := foldTarget(g, kept); into != nil {
			into.absorb(g)
			continue
		}
		kept = append(kept, g)
	}
	return kept
}

// foldTarget finds the longer name a short one stands for, or nil.
func foldTarget(g *group, longer []*group) *group {
	if places[g.key] || organisations[g.key] {
		return nil // "Manchester" is not short for "Manchester United"
	}
	for _, l := range longer {
		if len(l.words) <= len(g.words) {
			continue
		}
		if isPrefix(g.words, l.words) || isSuffix(g.words, l.words) || initialsOf(g.key, l.words) {
			return l
		}
	}
	return nil
}

func isPrefix(short, long []string) bool { return slices.Equal(short, long[:len(short)]) }

func isSuffix(short, long []string) bool { return slices.Equal(short, long[len(long)-len(short):]) }

// initialsOf reports whether an acronym is made of the initials of a
// name's words, with or without its small words: FCC, BoE, IAAF.
func initialsOf(acr string, words []string) bool {
	if !acronym(acr) {
		return false
	}
	var all, big strings.Builder
	for _, w := range words {
		r := []rune(w)[0]
		all.WriteRune(r)
		if unicode.IsUpper(r) {
			big.WriteRune(r)
		}
	}
	return acr == big.String() || acr == all.String() || strings.EqualFold(acr, big.String()) && len(acr) > 2
}

var bracketed = regexp.MustCompile(`^\s*\(([A-Za-z][A-Za-z.&]{1,7})\)`)

// acronymDefinitions reads "Office for National Statistics (ONS)".
func acronymDefinitions(text string, ms []mention) map[string]string {
	out := map[string]string{}
	for _, m := range ms {
		if len(m.words) < 2 {
			continue
		}
		if sub := bracketed.FindStringSubmatch(text[m.end:]); sub != nil {
			out[normalWord(sub[1])] = strings.Join(m.words, " ")
		}
	}
	return out
}
