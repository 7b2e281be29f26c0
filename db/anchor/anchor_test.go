package anchor

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

const base = "The city council met on Tuesday evening to debate the new budget. " +
	"After three hours of discussion, the members voted to approve a plan that raises " +
	"spending on public transport by twelve percent. Critics said the plan ignores the " +
	"needs of rural districts. The mayor defended the decision, saying that buses and " +
	"trams are used by most residents. A final vote is expected next month."

const repeated = "Vote one. The motion was carried by a large majority in the first session. " +
	"Vote two. The motion was carried by a large majority in the second session. " +
	"Vote three. The motion was carried by a large majority in the third session."

const (
	accents = "Le cafe\u0301 de la gare est ferme\u0301 depuis lundi, et les habitue\u0301s sont de\u0301c\u0327us."
	emoji   = "Family day 👨‍👩‍👧‍👦 at the park with flags 🇫🇷🇩🇪 and a cake 🎂 for everyone who came."
	cjk     = "東京都は日本の首都であり、政治と経済の中心地である。人口は約千四百万人で、世界有数の大都市として知られている。"
)

// article builds a deterministic text of n sentences grouped in paragraphs.
func article(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 7))
	subjects := []string{"The minister", "A spokesperson", "The committee", "Local residents", "The report", "Analysts", "The company", "Officials"}
	verbs := []string{"said", "warned", "argued", "confirmed", "denied", "suggested", "announced", "noted"}
	objects := []string{"the budget", "new housing", "the railway line", "water prices", "the harbour", "school funding", "the election", "rising rents"}
	tails := []string{"would change", "had been delayed", "was under review", "could double", "remained unclear", "was a priority", "had stalled", "needed support"}
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%s %s that %s %s by %d.", subjects[r.IntN(8)], verbs[r.IntN(8)], objects[r.IntN(8)], tails[r.IntN(8)], 1990+r.IntN(40))
		if i%5 == 4 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()
}

// offset is the code point offset of the nth occurrence of sub in s.
func offset(t *testing.T, s, sub string, nth int) int {
	t.Helper()
	all := indexAll(s, sub)
	if nth >= len(all) {
		t.Fatalf("%q occurs %d times, want occurrence %d", sub, len(all), nth)
	}
	return all[nth]
}

// span is the code point span of the nth occurrence of sub in s.
func span(t *testing.T, s, sub string, nth int) (int, int) {
	t.Helper()
	i := offset(t, s, sub, nth)
	return i, i + utf8.RuneCountInString(sub)
}

func TestDescribe(t *testing.T) {
	long := strings.Repeat("0123456789", 10)
	cases := []struct {
		name       string
		text       string
		start, end int
		want       Selector
	}{
		{"middle", "abcdef", 2, 4, Selector{"cd", "ab", "ef", 2, 4, true}},
		{"context capped", long, 40, 45, Selector{"01234", long[8:40], long[45:77], 40, 45, true}},
		{"start of text", "hello world", 0, 5, Selector{"hello", "", " world", 0, 5, true}},
		{"end of text", "hello world", 6, 11, Selector{"world", "hello ", "", 6, 11, true}},
		{"negative start", "hello", -3, 2, Selector{"he", "", "llo", 0, 2, true}},
		{"end past text", "hello", 3, 99, Selector{"lo", "hel", "", 3, 5, true}},
		{"start past text", "hello", 8, 12, Selector{"", "hello", "", 5, 5, true}},
		{"end before start", "hello", 3, 1, Selector{"", "hel", "lo", 3, 3, true}},
		{"empty text", "", 3, 5, Selector{Edges: true}},
		{"emoji counts code points", "a👍b", 1, 2, Selector{"👍", "a", "b", 1, 2, true}},
		{"zwj sequence", "x👨‍👩‍👧y", 1, 6, Selector{"👨‍👩‍👧", "x", "y", 1, 6, true}},
		{"combining accent", "cafe\u0301!", 3, 5, Selector{"e\u0301", "caf", "!", 3, 5, true}},
		{"flag", "🇫🇷🇩🇪", 2, 4, Selector{"🇩🇪", "🇫🇷", "", 2, 4, true}},
		{"cjk", "日本の首都", 2, 4, Selector{"の首", "日本", "都", 2, 4, true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Describe(c.text, c.start, c.end); got != c.want {
				t.Errorf("Describe(%q, %d, %d) = %+v, want %+v", c.text, c.start, c.end, got, c.want)
			}
		})
	}
}

func TestLocate(t *testing.T) {
	longText := article(1, 60)
	long := strings.Join(strings.Split(longText, ". ")[10:12], ". ")
	longEdited := strings.Replace(long, " that ", " that, as expected, ", 1)
	para := strings.Join(strings.Split(longText, ". ")[20:32], ". ")
	paraEdited := strings.Replace(para, strings.Split(para, ". ")[5], "Nobody could say what the outcome would be", 1)
	paraEdited = strings.Replace(paraEdited, ". ", ".  ", 2)

	cases := []struct {
		name   string
		old    string
		quote  string // the highlighted passage of old
		nth    int    // which occurrence of quote
		new    string
		method Method
		want   string // where it must land in new
		wantN  int
	}{
		{"no change", base, "voted to approve a plan", 0, base, ByPosition, "voted to approve a plan", 0},
		{"insertion before", base, "voted to approve a plan", 0, "Updated: " + base, ByQuote, "voted to approve a plan", 0},
		{"insertion after", base, "voted to approve a plan", 0, base + " More to follow.", ByPosition, "voted to approve a plan", 0},
		{"word changed inside", base, "the members voted to approve a plan that raises spending", 0,
			strings.Replace(base, "approve", "accept", 1), ByFuzzy, "the members voted to accept a plan that raises spending", 0},
		{"words inserted inside", base, "raises spending on public transport by twelve percent", 0,
			strings.Replace(base, "transport by", "transport and cycling by", 1), ByFuzzy,
			"raises spending on public transport and cycling by twelve percent", 0},
		{"first word changed", base, "The city council met on Tuesday", 0,
			strings.Replace(base, "The city", "Our city", 1), ByFuzzy, "Our city council met on Tuesday", 0},
		{"second word changed", base, "the members voted to approve a plan", 0,
			strings.Replace(base, "the members", "the member states", 1), ByFuzzy, "the member states voted to approve a plan", 0},
		{"sentence inserted right after", base, "raises spending on public transport by twelve percent.", 0,
			strings.Replace(base, "percent.", "percent. Fares will not change.", 1), ByPosition, "raises spending on public transport by twelve percent.", 0},
		{"edited, words inserted right after", base, "that raises spending on public transport by twelve percent.", 0,
			strings.Replace(base, "raises spending on public transport by twelve percent.", "raises spending on city transport by twelve percent. Good.", 1), ByFuzzy,
			"that raises spending on city transport by twelve percent.", 0},
		{"last word changed", base, "spending on public transport by twelve percent", 0,
			strings.Replace(base, "twelve percent", "twelve points", 1), ByFuzzy, "spending on public transport by twelve points", 0},
		{"insertion before and edit inside", base, "Critics said the plan ignores the needs of rural districts.", 0,
			"(Corrected) " + strings.Replace(base, "ignores", "overlooks", 1), ByFuzzy,
			"Critics said the plan overlooks the needs of rural districts.", 0},
		{"short quote edited in context", base, "twelve percent", 0,
			strings.Replace(base, "twelve percent", "twelve per cent", 1), ByFuzzy, "twelve per cent", 0},
		{"short quote edited out of context", base, "twelve percent", 0,
			"Inflation reached twelve per cent last year, the bank said.", Orphaned, "", 0},
		{"tiny quote must match exactly", base, "vote", 0, strings.ReplaceAll(base, "vote", "poll"), Orphaned, "", 0},
		{"passage deleted", base, "Critics said the plan ignores the needs of rural districts. ", 0,
			strings.Replace(base, "Critics said the plan ignores the needs of rural districts. ", "", 1), Orphaned, "", 0},
		{"passage rewritten", base, "Critics said the plan ignores the needs of rural districts.", 0,
			strings.Replace(base, "Critics said the plan ignores the needs of rural districts.", "Farmers' groups have announced a protest at city hall.", 1), Orphaned, "", 0},

		{"repeated, position fits", repeated, "The motion was carried by a large majority", 1, repeated, ByPosition, "The motion was carried by a large majority", 1},
		{"repeated, shifted", repeated, "The motion was carried by a large majority", 1, "Minutes of the assembly. " + repeated, ByQuote, "The motion was carried by a large majority", 1},
		{"repeated, context beats nearness", repeated, "The motion was carried by a large majority", 1,
			strings.Repeat("x", offset(t, repeated, "The motion", 1)-offset(t, repeated, "The motion", 0)+3) + repeated,
			ByQuote, "The motion was carried by a large majority", 1},
		{"repeated, same context, nearest wins", strings.Repeat("Yes, we can. ", 20), "Yes, we can.", 10,
			"Go! " + strings.Repeat("Yes, we can. ", 20), ByQuote, "Yes, we can.", 10},
		{"repeated, highlighted copy edited", repeated, "The motion was carried by a large majority", 1,
			strings.Replace(repeated, "large majority in the second", "narrow majority in the second", 1), ByFuzzy,
			"The motion was carried by a narrow majority", 0},

		{"space became newline", base, "three hours of discussion, the members voted", 0,
			strings.Replace(base, "discussion, the", "discussion,\nthe", 1), ByFuzzy, "three hours of discussion,\nthe members voted", 0},
		{"double spaces", base, "rural districts. The mayor defended", 0,
			strings.ReplaceAll(base, ". ", ".  "), ByFuzzy, "rural districts.  The mayor defended", 0},
		{"paragraph break", base, "rural districts. The mayor defended", 0,
			"Budget news\n\n" + strings.Replace(base, ". The mayor", ".\n\nThe mayor", 1), ByFuzzy, "rural districts.\n\nThe mayor defended", 0},
		{"text reflowed", base, "Critics said the plan ignores the needs of rural districts.", 0,
			strings.Replace(base, "Critics said the plan ignores the needs", "Critics\n    said\n    the\n    plan\n    ignores\n    the\n    needs", 1), ByFuzzy,
			"Critics\n    said\n    the\n    plan\n    ignores\n    the\n    needs of rural districts.", 0},
		{"tiny quote, newline", "Take the A 1 north.", "A 1", 0, "Take the A\n1 north.", ByFuzzy, "A\n1", 0},
		{"trailing space became paragraph break", base, "rural districts. ", 0,
			strings.Replace(base, ". The mayor", ".\n\nThe mayor", 1), ByFuzzy, "rural districts.\n\n", 0},
		{"leading space became newline", base, " The mayor defended", 0,
			strings.Replace(base, ". The mayor", ".\n\tThe mayor", 1), ByFuzzy, "\n\tThe mayor defended", 0},
		{"space removed", base, "rural districts. The mayor defended", 0,
			strings.Replace(base, ". The mayor", ".The mayor", 1), ByFuzzy, "rural districts.The mayor defended", 0},

		{"combining accents shifted", accents, "cafe\u0301 de la gare est ferme\u0301", 0, "Paris — " + accents, ByQuote, "cafe\u0301 de la gare est ferme\u0301", 0},
		{"combining accents edited", accents, "est ferme\u0301 depuis lundi, et les habitue\u0301s", 0,
			strings.Replace(accents, "lundi", "mardi", 1), ByFuzzy, "est ferme\u0301 depuis mardi, et les habitue\u0301s", 0},
		{"emoji shifted", emoji, "👨‍👩‍👧‍👦 at the park with flags 🇫🇷🇩🇪", 0, "🎉🎉 " + emoji, ByQuote, "👨‍👩‍👧‍👦 at the park with flags 🇫🇷🇩🇪", 0},
		{"emoji edited", emoji, "👨‍👩‍👧‍👦 at the park with flags 🇫🇷🇩🇪 and a cake", 0,
			"🎉 " + strings.Replace(emoji, "🇩🇪", "🇮🇹", 1), ByFuzzy, "👨‍👩‍👧‍👦 at the park with flags 🇫🇷🇮🇹 and a cake", 0},
		{"cjk shifted", cjk, "人口は約千四百万人で", 0, "速報。" + cjk, ByQuote, "人口は約千四百万人で", 0},
		{"cjk edited", cjk, "人口は約千四百万人で、世界有数の大都市", 0,
			strings.Replace(cjk, "千四百万", "千四百二十万", 1), ByFuzzy, "人口は約千四百二十万人で、世界有数の大都市", 0},

		{"quote at start", base, "The city council met", 0, strings.Replace(base, "next month", "in May", 1), ByPosition, "The city council met", 0},
		{"quote at start, edited", base, "The city council met on Tuesday evening", 0,
			strings.Replace(base, "met on", "gathered on", 1), ByFuzzy, "The city council gathered on Tuesday evening", 0},
		{"quote at end", base, "A final vote is expected next month.", 0, "Update: " + base, ByQuote, "A final vote is expected next month.", 0},
		{"quote at end, edited", base, "A final vote is expected next month.", 0,
			strings.Replace(base, "next month", "in two months", 1), ByFuzzy, "A final vote is expected in two months.", 0},
		{"whole text", base, base, 0, "Note. " + base, ByQuote, base, 0},

		{"long quote edited", longText, long, 0, "Editor's note added.\n\n" + strings.Replace(longText, long, longEdited, 1), ByFuzzy, longEdited, 0},
		{"paragraphs edited", longText, para, 0, "Editor's note added.\n\n" + strings.Replace(longText, para, paraEdited, 1), ByFuzzy, paraEdited, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start, end := span(t, c.old, c.quote, c.nth)
			sel := Describe(c.old, start, end)
			got, method := Locate(c.new, sel)
			if method != c.method {
				t.Fatalf("method = %s, want %s (got %+v)", method, c.method, got)
			}
			if method == Orphaned {
				if got != sel {
					t.Fatalf("orphan changed the selector: %+v, want %+v", got, sel)
				}
				return
			}
			ws, we := span(t, c.new, c.want, c.wantN)
			if got.Start != ws || got.End != we {
				t.Fatalf("span = [%d,%d) %q, want [%d,%d) %q", got.Start, got.End, got.Exact, ws, we, c.want)
			}
			if fresh := Describe(c.new, ws, we); got != fresh {
				t.Fatalf("selector = %+v, want %+v", got, fresh)
			}
		})
	}
}

func TestLocateQuoteLengths(t *testing.T) {
	text := article(2, 200)
	for _, n := range []int{70, 130, 520, 1500} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			runes := []rune(text)
			start := len(runes) / 3
			quote := string(runes[start : start+n])
			if n <= 64 || utf8.RuneCountInString(quote) != n {
				t.Fatal("bad quote length")
			}
			mid := runes[start+n/2-20 : start+n/2+20]
			edited := strings.Replace(quote, string(mid), string(mid[:10])+" [words added here] "+string(mid[25:]), 1)
			newText := "A new first line.\n" + strings.Replace(text, quote, edited, 1)
			got, method := Locate(newText, Describe(text, start, start+n))
			ws, we := span(t, newText, edited, 0)
			if method != ByFuzzy || got.Start != ws || got.End != we {
				t.Fatalf("got %s [%d,%d), want fuzzy [%d,%d)", method, got.Start, got.End, ws, we)
			}
		})
	}
}

func TestLocateOddSelectors(t *testing.T) {
	quoteAt := offset(t, base, "voted to approve", 0)
	cases := []struct {
		name   string
		text   string
		sel    Selector
		method Method
		start  int
	}{
		{"empty text", "", Selector{Exact: "voted", Start: 0, End: 5}, Orphaned, 0},
		{"empty text, empty quote", "", Selector{}, ByPosition, 0},
		{"empty quote out of range", base, Selector{Start: 900, End: 900}, Orphaned, 0},
		{"negative position", base, Selector{Exact: "voted to approve", Start: -10, End: 99999}, ByQuote, quoteAt},
		{"huge position", base, Selector{Exact: "voted to approve", Start: 1 << 40, End: 1<<40 + 16}, ByQuote, quoteAt},
		{"end before start", base, Selector{Exact: "voted to approve", Start: quoteAt, End: quoteAt - 1}, ByQuote, quoteAt},
		{"wrong end", base, Selector{Exact: "voted to approve", Start: quoteAt, End: quoteAt + 3}, ByQuote, quoteAt},
		{"no context", base, Selector{Exact: "voted to aprove", Start: 5, End: 20}, ByFuzzy, quoteAt},
		{"invalid utf-8 quote", base, Selector{Exact: "vot\xffd to approve a plan"}, ByFuzzy, quoteAt},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, method := Locate(c.text, c.sel)
			if method != c.method {
				t.Fatalf("method = %s, want %s (%+v)", method, c.method, got)
			}
			if method == Orphaned {
				if got != c.sel {
					t.Fatalf("orphan changed the selector: %+v", got)
				}
				return
			}
			if got.Start != c.start || got != Describe(c.text, got.Start, got.End) {
				t.Fatalf("got %+v, want a fresh selector at %d", got, c.start)
			}
		})
	}
}

// Places the old rules got wrong: each must land on the passage or make an
// orphan, never sit on other text.
func TestLocateNeverOnOtherText(t *testing.T) {
	awards := "The Producers won best musical. Lane for The Producers at the awards was a surprise. " +
		"Diana Rigg was best actress for Medea, and Hamilton was best actress for a musical."
	cases := []struct {
		name, old, quote, new string
		method                Method
		want                  string // "" for an orphan
		nth                   int
	}{
		{"the same words inserted at the old place", "Intro.\n\nThe minister said the railway line would change by 2030.",
			"The minister said the railway line", "Intro.\n\nThe minister said the railway line The minister said the railway line would change by 2030.",
			ByQuote, "The minister said the railway line", 1},
		{"deleted, the opposite remains", "There was no indication of foul play, police said. Later there was an indication of hope.",
			"no indication of", "Later there was an indication of hope.", Orphaned, "", 0},
		{"deleted, never mid-word", awards, "Rigg was best actress for",
			strings.Replace(awards, "Diana Rigg was best actress for Medea, and ", "", 1), Orphaned, "", 0},
		{"deleted, a similar phrase remains", "The show was made for BBC Broadcast in May. It was later sold.",
			"made for BBC Broadcast", "The show was sold from BBC Broadcast later.", Orphaned, "", 0},
		{"words around replaced, a similar passage keeps its context", "Hill for The Producers at the awards was a surprise. " + awards,
			"Hill for The Producers at", "Speaking of Hill for The Producers at last. " + awards, ByQuote, "Hill for The Producers at", 0},
		{"ellipsis typeset", "He paused… and then went on.", "He paused…", "He paused... and then went on.", ByFuzzy, "He paused...", 0},
		{"ellipsis undone", "He paused... and then went on.", "He paused...", "He paused… and then went on.", ByFuzzy, "He paused…", 0},
		{"quotes and dashes typeset", `Critics said "the plan - as written - ignores rural districts".`, `"the plan - as written - ignores`,
			"Critics said “the plan – as written – ignores rural districts”.", ByFuzzy, "“the plan – as written – ignores", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start, end := span(t, c.old, c.quote, 0)
			sel := Describe(c.old, start, end)
			got, method := Locate(c.new, sel)
			if method != c.method {
				t.Fatalf("method = %s, want %s (got %+v)", method, c.method, got)
			}
			if method == Orphaned {
				return
			}
			ws, we := span(t, c.new, c.want, c.nth)
			if got.Start != ws || got.End != we {
				t.Fatalf("span = [%d,%d) %q, want [%d,%d) %q", got.Start, got.End, got.Exact, ws, we, c.want)
			}
		})
	}
}

// Selectors from other tools: context is evidence, compared exactly as
// given; a short prefix or suffix does not mean the text starts or ends.
func TestLocateOtherToolsSelectors(t *testing.T) {
	text := "To annotate or not to annotate."
	cases := []struct {
		name       string
		sel        Selector
		method     Method
		start, end int
	}{
		{"short prefix, case kept", Selector{Exact: "anno", Prefix: "to "}, ByQuote, 22, 26},
		{"short prefix, capital", Selector{Exact: "anno", Prefix: "To "}, ByQuote, 3, 7},
		{"short suffix", Selector{Exact: "annotate", Suffix: "."}, ByQuote, 22, 30},
		{"no context, nearest the position", Selector{Exact: "annotate", Start: 20, End: 28}, ByQuote, 22, 30},
		{"Folio's own selector: the text starts here", Selector{Exact: "anno", Prefix: "To ", Suffix: "tate or not to annotate.", Edges: true}, ByQuote, 3, 7},
		{"Folio's own selector: the text ends here", Selector{Exact: "annotate", Suffix: ".", Edges: true}, ByQuote, 22, 30},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, method := Locate(text, c.sel)
			if method != c.method || got.Start != c.start || got.End != c.end {
				t.Fatalf("got %s [%d,%d) %q, want %s [%d,%d)", method, got.Start, got.End, got.Exact, c.method, c.start, c.end)
			}
		})
	}
}
