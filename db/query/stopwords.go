package query

import "strings"

// stopwords are English words too common to say what an article is about.
// Typed among other words they are left out of the search ("what is the
// price of oil" searches price and oil): they would make an article that
// lacks one of them rank below one that has it by chance, and their posting
// lists are the longest in the index. A search of stopwords alone ("the
// who"), a quoted phrase, a prefix and a field keep them.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at
		be because been before being below between both but by can could did do does doing down during
		each few for from further had has have having he her here hers herself him himself his how i if
		in into is it its itself just me more most my myself no nor of off on once only or other our ours
		ourselves out over own same she should so some such than that the their theirs them themselves
		then there these they this those through to too under until up very was we were what when where
		which while who whom why will with would you your yours yourself yourselves shall may might must
		upon whether within without`) {
		m[w] = true
	}
	return m
}()

// isStopword reports whether a word as typed is a stopword. A word in
// capitals ("US", "IT", "WHO") is a name, not a stopword.
func isStopword(word string) bool {
	if len(word) > 1 && strings.ToUpper(word) == word {
		return false
	}
	return stopwords[strings.ToLower(word)]
}

// droppable reports whether a term may be left out as a stopword: a plain
// word, not a phrase, prefix or field.
func droppable(t token) bool {
	return !t.phrase && !t.prefix && t.field == "" && isStopword(t.text)
}

// hasKeyword reports whether the tree has a positive term that is not a
// stopword: only then are stopwords left out.
func hasKeyword(n *node, negated bool) bool {
	if n == nil {
		return false
	}
	switch n.op {
	case opTerm:
		return !negated && !droppable(n.t)
	case opNot:
		return hasKeyword(n.kids[0], !negated)
	}
	for _, k := range n.kids {
		if hasKeyword(k, negated) {
			return true
		}
	}
	return false
}

// IsStopword reports whether a word (as written, lower-cased or not) is
// too common to say what an article is about.
func IsStopword(word string) bool { return stopwords[strings.ToLower(word)] }
