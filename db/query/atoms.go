package query

import "strings"

// Atoms lists the phrases of an FTS5 expression written by this package,
// in the order FTS5 numbers them (left to right), each as written: with
// its column filter and "*" (`title : "oil"*`). Query.Counts is keyed the
// same way.
func Atoms(expr string) []string {
	var out []string
	for i := 0; i < len(expr); i++ {
		if expr[i] != '"' {
			continue
		}
		end := closingQuote(expr, i)
		atom := expr[i : end+1]
		if end+1 < len(expr) && expr[end+1] == '*' {
			atom += "*"
		}
		if strings.HasSuffix(expr[:i], "title : ") {
			atom = "title : " + atom
		}
		out = append(out, atom)
		i = end
	}
	return out
}

// closingQuote is the index of the quote that ends the FTS5 string
// starting at open (a doubled quote inside is part of the string), or the
// last index when it is not closed.
func closingQuote(expr string, open int) int {
	for j := open + 1; j < len(expr); j++ {
		if expr[j] != '"' {
			continue
		}
		if j+1 < len(expr) && expr[j+1] == '"' {
			j++
			continue
		}
		return j
	}
	return len(expr) - 1
}

// Weights are the weights of an expression's phrases by number: how many
// times each was typed (a word repeated in a pasted paragraph is what it
// is about), or nil when every weight is 1.
func (q Query) Weights(expr string) []float64 {
	atoms := Atoms(expr)
	w := make([]float64, len(atoms))
	some := false
	for i, a := range atoms {
		w[i] = float64(max(q.Counts[a], 1))
		some = some || w[i] != 1
	}
	if !some {
		return nil
	}
	return w
}

// Unquote reads an atom of Atoms: its text, and whether it is a prefix.
func Unquote(atom string) (text string, prefix bool) {
	atom = strings.TrimPrefix(atom, "title : ")
	prefix = strings.HasSuffix(atom, "*")
	atom = strings.TrimSuffix(atom, "*")
	if len(atom) >= 2 && atom[0] == '"' && atom[len(atom)-1] == '"' {
		atom = atom[1 : len(atom)-1]
	}
	return strings.ReplaceAll(atom, `""`, `"`), prefix
}
