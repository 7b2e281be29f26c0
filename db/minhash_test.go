package db

import (
	"fmt"
	"math"
	"math/bits"
	"strings"
	"testing"
	"unicode"
)

// plainSignature is the signature taken the obvious way, every word's
// hash in a slice and every distinct shingle in a set: what signatureOf,
// which reads the text once and bounds its memory, must agree with.
func plainSignature(text string) signature {
	var words []uint64
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		h := uint64(fnvOffset)
		for _, c := range w {
			for _, b := range string(c) {
				h = (h ^ uint64(b)) * fnvPrime
			}
		}
		words = append(words, h)
	}
	var sig signature
	for i := range sig.mins {
		sig.mins[i] = math.MaxUint32
	}
	seen := map[uint64]bool{}
	for i := 0; i < max(1, len(words)-shingleWords+1) && i < len(words); i++ {
		h := uint64(0)
		for j, w := range words[i:min(i+shingleWords, len(words))] {
			h ^= bits.RotateLeft64(w, 21*j)
		}
		h = splitmix(h)
		seen[h] = true
		a, b := uint32(h), uint32(h>>32)|1
		for j := range sig.mins {
			sig.mins[j] = min(sig.mins[j], a+uint32(j)*b)
		}
	}
	sig.shingles = len(seen)
	return sig
}

func TestSignatureReadsTheTextOnce(t *testing.T) {
	for _, text := range []string{
		"", "One", "Two words", "Three words here", "Élan vital: the CAFÉ's 3rd review, again and again and again.",
		strings.Repeat("the same sentence said twice over. ", 40),
	} {
		if got, want := signatureOf(text), plainSignature(text); got != want {
			t.Errorf("%q: signature %v, the plain way %v", text, got, want)
		}
	}
	title, body := "A title here", "And the body of the article, with more words than the title."
	if got, want := signatureOf(title, body), plainSignature(title+"\n"+body); got != want {
		t.Errorf("title and body read apart: %v, read together %v", got, want)
	}
}

func TestSignatureOfABookLengthTextEstimatesItsShingles(t *testing.T) {
	var b strings.Builder
	n := 4 * maxCountedShingles
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "w%d ", i) // every shingle distinct
	}
	sig := signatureOf(b.String())
	want := n - shingleWords + 1
	if ratio := float64(sig.shingles) / float64(want); ratio < 0.6 || ratio > 1.6 {
		t.Errorf("estimated %d distinct shingles, there are %d", sig.shingles, want)
	}
	if sig.mins != plainSignature(b.String()).mins {
		t.Error("the minimum hashes of a long text differ from the plain way's")
	}
}
