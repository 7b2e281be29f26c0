package db

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"unicode"
)

// The content hash identifies articles already in libraries: writing it
// in pieces must give the same hash as folding the whole text at once.
func TestContentHashIsStable(t *testing.T) {
	folded := func(s string) string {
		var b strings.Builder
		space := false
		for _, r := range strings.TrimSpace(s) {
			if unicode.IsSpace(r) {
				space = true
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(unicode.ToLower(r))
		}
		return b.String()
	}
	long := strings.Repeat("Ünïcode  WORDS\tand\n\nlines, ", 2000)
	for _, c := range []struct{ title, body string }{
		{"Ferry", "A ferry to Gozo."},
		{"  Spaced  OUT ", " \n body\twith   runs \n"},
		{"Bad bytes \xff\xfe", "caf\xe9 and \xc3"},
		{"Long", long},
		{"", ""},
	} {
		sum := sha256.Sum256([]byte(folded(c.title) + "\n" + folded(c.body)))
		if got, want := ContentHash(c.title, c.body), hex.EncodeToString(sum[:]); got != want {
			t.Errorf("ContentHash(%.20q, %.20q) = %s, want %s", c.title, c.body, got, want)
		}
	}
}

func TestWordCountIsFields(t *testing.T) {
	for _, s := range []string{"", "  ", "one", " two  words ", "a\tb\nc\u00a0d\u2003e", "caf\xe9 \xff x", strings.Repeat("w ", 1000)} {
		if got, want := WordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("WordCount(%.20q) = %d, want %d", s, got, want)
		}
	}
}
