package anchor

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// lastRow is the plain dynamic-programming answer: for every end j of text,
// the fewest edits turning q into some text[i:j).
func lastRow(q, text []rune) []int {
	row := make([]int, len(q)+1)
	for i := range row {
		row[i] = i
	}
	out := []int{len(q)}
	for _, c := range text {
		diag := 0
		for i, r := range q {
			next := min(row[i+1], row[i]) + 1
			if r == c {
				next = min(next, diag)
			} else {
				next = min(next, diag+1)
			}
			diag, row[i+1] = row[i+1], next
		}
		out = append(out, row[len(q)])
	}
	return out
}

// editDistance is the plain Levenshtein distance.
func editDistance(a, b []rune) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i, x := range a {
		diag := row[0]
		row[0] = i + 1
		for j, y := range b {
			next := min(row[j+1], row[j]) + 1
			if x == y {
				next = min(next, diag)
			} else {
				next = min(next, diag+1)
			}
			diag, row[j+1] = row[j+1], next
		}
	}
	return row[len(b)]
}

func randomRunes(r *rand.Rand, n int, alphabet []rune) []rune {
	out := make([]rune, n)
	for i := range out {
		out[i] = alphabet[r.IntN(len(alphabet))]
	}
	return out
}

// mutate applies a few random edits, so the pattern still nearly occurs.
func mutate(r *rand.Rand, s []rune, edits int, alphabet []rune) []rune {
	s = slices.Clone(s)
	for range edits {
		i := r.IntN(len(s) + 1)
		switch r.IntN(3) {
		case 0:
			s = slices.Insert(s, i, alphabet[r.IntN(len(alphabet))])
		case 1:
			if i < len(s) {
				s = slices.Delete(s, i, i+1)
			}
		default:
			if i < len(s) {
				s[i] = alphabet[r.IntN(len(alphabet))]
			}
		}
	}
	return s
}

func TestSearchMatchesDynamicProgramming(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabets := [][]rune{[]rune("ab"), []rune("abc"), []rune("ab é😀東")}
	for iter := range 3000 {
		alpha := alphabets[iter%len(alphabets)]
		q := randomRunes(r, 1+r.IntN(220), alpha)
		text := randomRunes(r, r.IntN(150), alpha)
		text = append(text, mutate(r, q, r.IntN(12), alpha)...)
		text = append(text, randomRunes(r, r.IntN(150), alpha)...)
		k := r.IntN(len(q)/2 + 2)
		want := lastRow(q, text)
		p := compile(q)
		got := map[int]int{}
		p.search(text, k, func(end, errs int) { got[end] = errs })
		for j := 1; j <= len(text); j++ {
			e, ok := got[j]
			if want[j] <= k && (!ok || e != want[j]) || want[j] > k && ok {
				t.Fatalf("iter %d: q=%q text=%q k=%d end %d: got %d (reported %v), want %d",
					iter, string(q), string(text), k, j, e, ok, want[j])
			}
		}
	}
}

func TestColumnMatchesEditDistance(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alpha := []rune("abc ")
	for iter := range 1000 {
		q := randomRunes(r, 1+r.IntN(200), alpha)
		text := append(randomRunes(r, r.IntN(50), alpha), mutate(r, q, r.IntN(8), alpha)...)
		from := r.IntN(len(text) + 1)
		backward := r.IntN(2) == 0
		limit := len(text) - from
		if backward {
			limit = from
		}
		limit = min(limit, r.IntN(len(q)+10))
		got := compile(q).column(text, from, limit, backward)
		for j, d := range got {
			var span []rune
			if backward {
				span = text[from-j : from]
			} else {
				span = text[from : from+j]
			}
			if want := editDistance(q, span); d != want {
				t.Fatalf("iter %d: q=%q span=%q: got %d, want %d", iter, string(q), string(span), d, want)
			}
		}
	}
}

func TestBestEndsKeepsRunMinimum(t *testing.T) {
	p := compile([]rune("brown fox"))
	text := []rune("the brown fox and the brown fix")
	got := p.bestEnds(text, 2)
	want := []hit{{13, 0}, {31, 1}}
	if !slices.Equal(got, want) {
		t.Fatalf("bestEnds = %v, want %v", got, want)
	}
}
