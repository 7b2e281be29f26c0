package anchor

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// checkPlaced fails unless got is a fresh selector of text consistent with method.
func checkPlaced(t *testing.T, text string, sel, got Selector, method Method) {
	t.Helper()
	switch method {
	case Orphaned:
		if got != sel {
			t.Fatalf("orphan changed the selector: %+v, want %+v", got, sel)
		}
		return
	case ByPosition, ByQuote, ByFuzzy:
	default:
		t.Fatalf("unknown method %q", method)
	}
	runes := []rune(text)
	if got.Start < 0 || got.End < got.Start || got.End > len(runes) {
		t.Fatalf("span [%d,%d) outside text of %d code points", got.Start, got.End, len(runes))
	}
	if got.Exact != string(runes[got.Start:got.End]) {
		t.Fatalf("exact %q is not text[%d:%d) %q", got.Exact, got.Start, got.End, string(runes[got.Start:got.End]))
	}
	if fresh := Describe(text, got.Start, got.End); got != fresh {
		t.Fatalf("selector %+v, want %+v", got, fresh)
	}
	quote := string([]rune(sel.Exact))
	if (method == ByFuzzy) == (got.Exact == quote) {
		t.Fatalf("method %s but exact %q vs quote %q", method, got.Exact, quote)
	}
	if method == ByPosition && (got.Start != sel.Start || got.End != sel.End) {
		t.Fatalf("by position moved [%d,%d) to [%d,%d)", sel.Start, sel.End, got.Start, got.End)
	}
}

func FuzzLocate(f *testing.F) {
	f.Add(base, "Updated: ", 120, 170, 0, 0)
	f.Add(repeated, "x", 86, 129, 40, 3)
	f.Fuzz(func(t *testing.T, text, edit string, start, end, at, cut int) {
		sel := Describe(text, start, end)
		runes := []rune(text)
		if sel.Exact != string(runes[sel.Start:sel.End]) {
			t.Fatalf("Describe exact %q at [%d,%d)", sel.Exact, sel.Start, sel.End)
		}
		got, method := Locate(text, sel)
		if method != ByPosition || got != sel {
			t.Fatalf("unchanged text: got %s %+v, want position %+v", method, got, sel)
		}

		at = int(uint(at) % uint(len(runes)+1))
		cut = int(uint(cut) % uint(len(runes)-at+1))
		changed := string(runes[:at]) + edit + string(runes[at+cut:])
		got, method = Locate(changed, sel)
		checkPlaced(t, changed, sel, got, method)
		// An edit that leaves the quote and its context alone must not lose
		// it. (A copy of the quote elsewhere may be orphaned: the passage
		// may be gone, and its words mean nothing in other context.)
		if sel.Exact != "" && at+cut <= sel.Start-ContextLen && method == Orphaned {
			t.Fatalf("edit before the context orphaned %+v in %q", sel, changed)
		}
		if at >= sel.End+ContextLen && (method != ByPosition || got.Start != sel.Start) {
			t.Fatalf("edit after the context moved it: %s %+v", method, got)
		}

		odd := Selector{Exact: edit, Prefix: text, Suffix: edit, Start: start, End: end}
		got, method = Locate(changed, odd)
		checkPlaced(t, changed, odd, got, method)
	})
}

// prose builds about size bytes of text with a large vocabulary, so that
// sentences do not repeat.
func prose(seed uint64, size int) string {
	r := rand.New(rand.NewPCG(seed, 11))
	syllables := strings.Fields("ka lo mi nu re sa ti vo pe da gu li mo ne ra si to ve pa du ko la me ni ru se ta vi po de")
	var b strings.Builder
	for b.Len() < size {
		words := 8 + r.IntN(14)
		for i := range words {
			for range 1 + r.IntN(3) {
				b.WriteString(syllables[r.IntN(len(syllables))])
			}
			if i < words-1 {
				b.WriteString(" ")
			}
		}
		b.WriteString(". ")
		if r.IntN(6) == 0 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func BenchmarkLocateFuzzy(b *testing.B) {
	text := prose(5, 200_000)
	runes := []rune(text)
	start := len(runes) * 2 / 3
	for _, n := range []int{20, 200, 3000} {
		quote := string(runes[start : start+n])
		mid := string(runes[start+n/2 : start+n/2+4])
		sel := Describe(text, start, start+n)
		edited := "A new opening paragraph.\n\n" + strings.Replace(text, quote, strings.Replace(quote, mid, "xyz", 1), 1)
		deleted := "A new opening paragraph.\n\n" + strings.Replace(text, quote, "", 1)
		for _, c := range []struct {
			name, text string
			want       Method
		}{{"edited", edited, ByFuzzy}, {"deleted", deleted, Orphaned}} {
			b.Run(fmt.Sprintf("%s/quote=%d/text=%dKB", c.name, n, len(c.text)/1000), func(b *testing.B) {
				for b.Loop() {
					if _, method := Locate(c.text, sel); method != c.want {
						b.Fatalf("method = %s, want %s", method, c.want)
					}
				}
			})
		}
	}
}

// BenchmarkReanchorArticle places 50 highlights in a 5,000-word article
// after a paragraph was added at its start: converting the text once per
// highlight (Locate) against once per article (Prepare, then Text.Locate).
func BenchmarkReanchorArticle(b *testing.B) {
	text := prose(9, 25_500) // about 5,000 words
	runes := []rune(text)
	r := rand.New(rand.NewPCG(9, 9))
	var sels []Selector
	for _, h := range highlights(r, runes, 50) {
		sels = append(sels, Describe(text, h[0], h[1]))
	}
	edited := "A new opening paragraph, added after the article was saved.\n\n" + text
	b.Logf("%d words, %d highlights", len(strings.Fields(text)), len(sels))
	b.Run("converted per highlight", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, sel := range sels {
				if _, m := Locate(edited, sel); m == Orphaned {
					b.Fatal("orphaned")
				}
			}
		}
	})
	b.Run("converted once", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			t := Prepare(edited)
			for _, sel := range sels {
				if _, m := t.Locate(sel); m == Orphaned {
					b.Fatal("orphaned")
				}
			}
		}
	})
}
