package anchor

import (
	"slices"
	"unicode"
)

// place finds the span, around a match of the quote ending at end, that
// best fits the quote together with its prefix and suffix, as if all three
// were aligned at once. It settles the start first, then the end. Among
// spans of the same cost it prefers edges that are word boundaries when the
// quote's were, then the span closest to the quote (so text inserted right
// at the edge of a highlight stays outside it), then the longest.
func (s *search) place(p *pattern, end, k int) candidate {
	limit := len(s.quote) + k
	back := p.column(s.text, end, min(end, limit), true)
	pre := s.prefixCosts(end-len(back)+1, end)
	wordStart := wordEdge(s.prefix, s.quote)
	j := cheapest(len(back), func(j int) [3]int {
		return [3]int{back[j] + pre[len(pre)-1-j], differ(s.textEdge(end-j), wordStart), back[j]}
	})
	start := end - j
	fwd := p.column(s.text, start, min(len(s.text)-start, limit), false)
	suf := s.suffixCosts(start, start+len(fwd)-1)
	wordEnd := wordEdge(s.quote, s.suffix)
	j = cheapest(len(fwd), func(j int) [3]int {
		return [3]int{fwd[j] + suf[j], differ(s.textEdge(start+j), wordEnd), fwd[j]}
	})
	return candidate{start: start, end: start + j, errs: fwd[j]}
}

// cheapest returns the j below n with the smallest key, the largest on ties.
func cheapest(n int, key func(j int) [3]int) int {
	best, low := 0, key(0)
	for j := 1; j < n; j++ {
		if k := key(j); slices.Compare(k[:], low[:]) <= 0 {
			best, low = j, k
		}
	}
	return best
}

func differ(a, b bool) int {
	if a != b {
		return 1
	}
	return 0
}

// wordEdge says whether the end of a meets the start of b other than in
// the middle of a word.
func wordEdge(a, b []rune) bool {
	return len(a) == 0 || len(b) == 0 || !inWord(a[len(a)-1]) || !inWord(b[0])
}

// textEdge says whether offset i of the text is not in the middle of a word.
func (s *search) textEdge(i int) bool {
	return wordEdge(s.text[:i], s.text[i:])
}

func inWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// prefixCosts returns, for every i from lo to hi, the fewest edits turning
// the prefix into text that ends at i.
func (s *search) prefixCosts(lo, hi int) []int {
	out := make([]int, hi-lo+1)
	n := len(s.prefix)
	if n == 0 {
		return out
	}
	// An alignment of the prefix costs at most n, so it spans at most 2n.
	from, window := lo-2*n, []rune(nil)
	if from < 0 {
		from, window = -1, append([]rune{edge}, s.text[:hi]...)
	} else {
		window = s.text[from:hi]
	}
	compile(s.prefix).search(window, n, func(e, errs int) {
		if i := from + e; i >= lo {
			out[i-lo] = errs
		}
	})
	return out
}

// suffixCosts returns, for every i from lo to hi, the fewest edits turning
// the suffix into text that starts at i.
func (s *search) suffixCosts(lo, hi int) []int {
	out := make([]int, hi-lo+1)
	n := len(s.suffix)
	if n == 0 {
		return out
	}
	window := slices.Clone(s.text[lo:min(len(s.text), hi+2*n)])
	if hi+2*n >= len(s.text) {
		window = append(window, edge)
	}
	slices.Reverse(window)
	compile(reversed(s.suffix)).search(window, n, func(e, errs int) {
		if i := lo + len(window) - e; i <= hi {
			out[i-lo] = errs
		}
	})
	return out
}

func reversed(r []rune) []rune {
	out := slices.Clone(r)
	slices.Reverse(out)
	return out
}
