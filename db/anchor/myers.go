package anchor

// Approximate string matching with Myers' bit-parallel algorithm (Myers 1999)
// in Hyyrö's multi-word form: the pattern is cut into blocks of 64 rows, so a
// quote of any length can be matched. The forward search uses Ukkonen's
// cut-off and only computes the blocks that can still hold a cell with at
// most k errors.

const wordBits = 64

// pattern is a quote prepared for bit-parallel matching. Every rune of the
// quote gets a class number starting at 1; class 0 stands for runes the
// quote does not contain.
type pattern struct {
	n      int
	blocks int
	ascii  [128]int32
	other  map[rune]int32
	fwd    []uint64 // fwd[c*blocks+b]: rows of block b holding class c
	rev    []uint64 // the same for the reversed quote
	bottom []uint   // the bottom row of each block
}

// hit is an end of an approximate match and its number of errors.
type hit struct{ end, errs int }

func compile(q []rune) *pattern {
	p := &pattern{n: len(q), blocks: (len(q) + wordBits - 1) / wordBits, other: map[rune]int32{}}
	classes := int32(1)
	for _, r := range q {
		if p.class(r) != 0 {
			continue
		}
		if r >= 0 && r < 128 {
			p.ascii[r] = classes
		} else {
			p.other[r] = classes
		}
		classes++
	}
	p.fwd = p.masks(q, int(classes))
	p.rev = p.masks(reversed(q), int(classes))
	p.bottom = make([]uint, p.blocks)
	for b := range p.bottom {
		p.bottom[b] = uint(p.rows(b) - 1)
	}
	return p
}

func (p *pattern) masks(q []rune, classes int) []uint64 {
	peq := make([]uint64, classes*p.blocks)
	for i, r := range q {
		peq[int(p.class(r))*p.blocks+i/wordBits] |= 1 << (i % wordBits)
	}
	return peq
}

// rows is the number of pattern rows in block b.
func (p *pattern) rows(b int) int {
	return min(wordBits, p.n-b*wordBits)
}

func (p *pattern) class(r rune) int32 {
	if r >= 0 && r < 128 {
		return p.ascii[r]
	}
	return p.other[r]
}

// advance moves one block of vertical deltas (pv, mv) over one text
// character. The horizontal delta entering the block from above is +1 when
// hp is 1 and -1 when hn is 1; eq marks the rows matching the character and
// must already include hn. It returns the new vertical deltas and the
// horizontal delta leaving the bottom row in the same form. It is kept
// small enough to be inlined.
func advance(pv, mv, eq uint64, bottom uint, hp, hn uint64) (uint64, uint64, uint64, uint64) {
	xh := (((eq & pv) + pv) ^ pv) | eq
	ph := mv | ^(xh | pv)
	mh := pv & xh
	xv := eq | mv
	ph, mh, op, on := ph<<1|hp, mh<<1|hn, ph>>bottom&1, mh>>bottom&1
	return mh | ^(xv | ph), ph & xv, op, on
}

// search reports every end j (exclusive) of text where the quote matches
// some text[i:j) with at most k errors.
func (p *pattern) search(text []rune, k int, visit func(end, errs int)) {
	nb := p.blocks
	pv, mv, score := make([]uint64, nb), make([]uint64, nb), make([]int, nb)
	y := 0
	if k > 0 {
		y = min((k-1)/wordBits, nb-1)
	}
	for b := 0; b <= y; b++ {
		pv[b] = ^uint64(0)
		score[b] = b*wordBits + p.rows(b)
	}
	for j, r := range text {
		c := int(p.class(r))
		peq := p.fwd[c*nb : c*nb+nb]
		var hp, hn uint64 // the top row is all zeros
		for b := 0; b <= y; b++ {
			pv[b], mv[b], hp, hn = advance(pv[b], mv[b], peq[b]|hn, p.bottom[b], hp, hn)
			score[b] += int(hp) - int(hn)
		}
		prev := score[y] - int(hp) + int(hn)
		if y < nb-1 && (prev <= k || score[y] <= k) {
			y++
			pv[y], mv[y], hp, hn = advance(^uint64(0), 0, peq[y]|hn, p.bottom[y], hp, hn)
			score[y] = prev + p.rows(y) + int(hp) - int(hn)
		} else {
			for y > 0 && score[y] >= k+wordBits {
				y--
			}
		}
		if y == nb-1 && score[y] <= k {
			visit(j+1, score[y])
		}
	}
}

// bestEnds runs search and keeps, for every run of adjacent ends, the first
// few ends with the fewest errors in that run.
func (p *pattern) bestEnds(text []rune, k int) []hit {
	const perRun = 8
	var out []hit
	first, lastEnd, low := 0, -2, 0
	p.search(text, k, func(end, errs int) {
		if end != lastEnd+1 {
			first, low = len(out), errs+1
		}
		lastEnd = end
		if errs < low {
			out, low = out[:first], errs
		}
		if errs == low && len(out)-first < perRun {
			out = append(out, hit{end, errs})
		}
	})
	return out
}

// column aligns the whole quote with text that starts at from (reading
// forward) or ends at from (reading backward). It returns, for every length
// j up to limit, the edit distance between the quote and those j code points.
func (p *pattern) column(text []rune, from, limit int, backward bool) []int {
	nb := p.blocks
	peqs, step := p.fwd, 1
	if backward {
		peqs, step, from = p.rev, -1, from-1
	}
	pv, mv := make([]uint64, nb), make([]uint64, nb)
	for b := range pv {
		pv[b] = ^uint64(0)
	}
	out := make([]int, limit+1)
	out[0] = p.n
	for j := 1; j <= limit; j++ {
		c := int(p.class(text[from+(j-1)*step]))
		hp, hn := uint64(1), uint64(0) // the top row counts up
		for b := 0; b < nb; b++ {
			pv[b], mv[b], hp, hn = advance(pv[b], mv[b], peqs[c*nb+b]|hn, p.bottom[b], hp, hn)
		}
		out[j] = out[j-1] + int(hp) - int(hn)
	}
	return out
}
