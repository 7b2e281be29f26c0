package cli

import (
	"strconv"
	"strings"
	"unicode"
)

// What the text output prints comes partly from outside: file names and
// article text. A name holding a newline could forge a line of the report,
// and an escape sequence could move the cursor or clear the terminal. So
// names are shown quoted, Go-style, when they hold anything but printable
// characters, and text has its control characters escaped.

// quoted shows a name (a path, a title, a tag, an error holding a name) on
// one line: as it is when every character is printable, else quoted with
// the others escaped ("a\nb", "\x1b[2J").
func quoted(s string) string {
	for _, r := range s {
		if !shownAsIs(r) {
			return strconv.Quote(s)
		}
	}
	return s
}

// printable shows text of several lines (an article's body): line breaks
// and tabs stay, other control characters are escaped.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || shownAsIs(r) {
			return r
		}
		return unicode.ReplacementChar
	}, s)
}

// shownAsIs reports whether a character can be printed without changing
// what the terminal shows elsewhere: no control characters, no bidi
// overrides that reorder the rest of the line.
func shownAsIs(r rune) bool {
	if r == ' ' {
		return true
	}
	return unicode.IsPrint(r) && !unicode.Is(unicode.Bidi_Control, r)
}
