package db

import (
	"encoding/binary"
	"hash/fnv"
	"math"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Near-duplicates are found by MinHash over word shingles, with
// locality-sensitive hashing by bands (Broder 1997; Leskovec, Rajaraman
// and Ullman, Mining of Massive Datasets, ch. 3): each article gets a
// signature of minhashSize minimum hashes of its shingles, cut into
// minhashBands bands of minhashRows; two articles whose Jaccard similarity
// is s share at least one band with probability 1 − (1 − s^rows)^bands.
// Only articles sharing a band are compared, so finding the versions of a
// new article costs a few index lookups, never a pass over the library.
const (
	shingleWords = 3
	minhashRows  = 3
	minhashBands = 20
	minhashSize  = minhashRows * minhashBands
)

// splitmix is SplitMix64's finaliser: a cheap hash of a 64-bit value whose
// bits all depend on all of the input's.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// signature is an article's MinHash signature and how many distinct
// shingles it was taken over.
type signature struct {
	mins     [minhashSize]uint32
	shingles int
}

// signatureOf takes the signature of a text (its title and body): its
// words lower-cased, every run of shingleWords of them hashed once, and
// each shingle's minhashSize hash values derived from its one hash as
// a + i·b (Kirsch and Mitzenmacher's double hashing), which costs an
// addition per value instead of a hash. The texts are read once, word by
// word, as one text with a line between them, so that a text of any size
// costs little memory (see shingleCounter).
func signatureOf(texts ...string) signature {
	var sig signature
	for i := range sig.mins {
		sig.mins[i] = math.MaxUint32
	}
	count := newShingleCounter()
	var last [shingleWords]uint64 // the last words' hashes, the latest at words % shingleWords
	words := 0
	take := func(h uint64) {
		count.add(h)
		a, b := uint32(h), uint32(h>>32)|1
		for j := range sig.mins {
			if v := a + uint32(j)*b; v < sig.mins[j] {
				sig.mins[j] = v
			}
		}
	}
	for _, text := range texts {
		eachWordHash(text, func(w uint64) {
			last[words%shingleWords] = w
			words++
			if words >= shingleWords {
				take(shingleHash(last[:], words))
			}
		})
	}
	if words > 0 && words < shingleWords { // a text shorter than a shingle is one
		take(shingleHash(last[:words], words))
	}
	sig.shingles = count.total(sig)
	return sig
}

// StorySignature is what finding an article's other versions needs of
// its text. StorySignatureOf works it out beforehand, on the importer's
// parsing goroutines, so that the one writer does not.
type StorySignature struct {
	sig  signature
	keys [minhashBands]int64
}

// StorySignatureOf is the signature of an article as it will be stored.
func StorySignatureOf(title, body string) *StorySignature {
	sig := signatureOf(title, body)
	return &StorySignature{sig: sig, keys: sig.bandKeys()}
}

// shingleHash hashes the shingle ending at the words-th word, its words
// in text order, from the ring of the last words' hashes.
func shingleHash(ring []uint64, words int) uint64 {
	h := uint64(0)
	n := len(ring)
	for j := 0; j < n; j++ {
		w := ring[(words-n+j)%len(ring)]
		h ^= bits.RotateLeft64(w, 21*j)
	}
	return splitmix(h)
}

// shingleCounter counts a text's distinct shingles: exactly up to
// maxCountedShingles, which any news article stays under, and beyond
// that (a book-length text) estimated from the signature, so that its
// memory is bounded.
type shingleCounter struct {
	seen     map[uint64]struct{}
	overflow bool
}

const maxCountedShingles = 1 << 16

func newShingleCounter() *shingleCounter {
	return &shingleCounter{seen: map[uint64]struct{}{}}
}

func (c *shingleCounter) add(h uint64) {
	if c.overflow {
		return
	}
	c.seen[h] = struct{}{}
	if len(c.seen) > maxCountedShingles {
		c.overflow, c.seen = true, nil
	}
}

// total is the count, or past the limit the estimate of the number of
// distinct values whose minimums the signature holds: the minimum of n
// uniform values has mean 1/(n+1) of the range.
func (c *shingleCounter) total(sig signature) int {
	if !c.overflow {
		return len(c.seen)
	}
	sum := 0.0
	for _, m := range sig.mins {
		sum += (float64(m) + 1) / (1 << 32)
	}
	return max(maxCountedShingles, int(float64(minhashSize)/sum)-1)
}

// eachWordHash calls fn with the FNV-1a hash of each word (a run of
// letters and digits, lower-cased) of text, in order.
func eachWordHash(text string, fn func(uint64)) {
	h, in := uint64(fnvOffset), false
	for _, r := range text {
		if r < utf8.RuneSelf { // most text: the same as below, without the tables
			c := byte(r)
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
				h = (h ^ uint64(c)) * fnvPrime
				in = true
				continue
			}
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			for _, c := range string(unicode.ToLower(r)) {
				h = (h ^ uint64(c)) * fnvPrime
			}
			in = true
			continue
		}
		if in {
			fn(h)
			h, in = fnvOffset, false
		}
	}
	if in {
		fn(h)
	}
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// bandKeys are the signature's bands, each hashed with its number into
// one key: two articles sharing a key share that band.
func (s signature) bandKeys() [minhashBands]int64 {
	var keys [minhashBands]int64
	var buf [4 * minhashRows]byte
	for b := range keys {
		for r := 0; r < minhashRows; r++ {
			binary.LittleEndian.PutUint32(buf[4*r:], s.mins[b*minhashRows+r])
		}
		h := fnv.New64a()
		h.Write([]byte{byte(b)})
		h.Write(buf[:])
		keys[b] = int64(h.Sum64() >> 1) // SQLite integers are signed
	}
	return keys
}

// jaccard estimates the Jaccard similarity of the shingle sets: the
// share of the signatures' positions that agree.
func (s signature) jaccard(o signature) float64 {
	same := 0
	for i := range s.mins {
		if s.mins[i] == o.mins[i] {
			same++
		}
	}
	return float64(same) / minhashSize
}

// containment estimates how much of the smaller text's shingles the other
// holds: |A∩B| / min(|A|, |B|), from the Jaccard estimate and the set
// sizes. It is what recognises a copy wrapped in boilerplate, or a
// version with a paragraph added, whose Jaccard similarity to the
// original is lowered by the text around it.
func (s signature) containment(o signature) float64 {
	j := s.jaccard(o)
	smaller := min(s.shingles, o.shingles)
	if smaller == 0 {
		return 0
	}
	common := j / (1 + j) * float64(s.shingles+o.shingles)
	return min(1, common/float64(smaller))
}

// sameStory is the rule: most of the shorter text's shingles are in the
// other (containment) and the two are not of very different lengths
// (Jaccard), so a short article quoted whole inside a long one is not
// its version. Texts of fewer than minShingles shingles (about as many
// words) are never grouped: too short to tell a version from another
// article written to the same pattern ("Report number 12 on the budget").
func (s signature) sameStory(o signature) bool {
	return min(s.shingles, o.shingles) >= minShingles &&
		s.containment(o) >= minContainment && s.jaccard(o) >= minJaccard
}

// The thresholds of sameStory, chosen on the BBC corpus (see
// docs/relevance.md): a copy with a tenth of its words changed keeps
// about 0.9³ ≈ 73% of its three-word shingles.
const (
	minContainment = 0.5
	minJaccard     = 0.25
	minShingles    = 40
)

// encode packs the signature for the library: the shingle count, then
// the minimum hashes, little-endian.
func (s signature) encode() []byte {
	out := make([]byte, 4+4*minhashSize)
	binary.LittleEndian.PutUint32(out, uint32(s.shingles))
	for i, v := range s.mins {
		binary.LittleEndian.PutUint32(out[4+4*i:], v)
	}
	return out
}

// decodeSignature reads what encode wrote; ok is false for anything else
// (a signature of another size, from another version of Folio).
func decodeSignature(b []byte) (signature, bool) {
	var s signature
	if len(b) != 4+4*minhashSize {
		return s, false
	}
	s.shingles = int(binary.LittleEndian.Uint32(b))
	for i := range s.mins {
		s.mins[i] = binary.LittleEndian.Uint32(b[4+4*i:])
	}
	return s, true
}
