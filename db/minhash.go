package db

import (
	"encoding/binary"
	"hash/fnv"
	"math"
	"math/bits"
	"unicode"
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
// addition per value instead of a hash.
func signatureOf(text string) signature {
	words := wordHashes(text)
	var sig signature
	for i := range sig.mins {
		sig.mins[i] = math.MaxUint32
	}
	seen := make(map[uint64]struct{}, len(words))
	for i := 0; i < max(1, len(words)-shingleWords+1) && i < len(words); i++ {
		h := uint64(0)
		for j, w := range words[i:min(i+shingleWords, len(words))] {
			h ^= bits.RotateLeft64(w, 21*j)
		}
		h = splitmix(h)
		if _, dup := seen[h]; dup {
			continue
		}
		seen[h] = struct{}{}
		a, b := uint32(h), uint32(h>>32)|1
		for j := range sig.mins {
			if v := a + uint32(j)*b; v < sig.mins[j] {
				sig.mins[j] = v
			}
		}
	}
	sig.shingles = len(seen)
	return sig
}

// wordHashes hashes each word (a run of letters and digits, lower-cased)
// of text with FNV-1a.
func wordHashes(text string) []uint64 {
	var out []uint64
	h, in := uint64(fnvOffset), false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			for _, c := range string(unicode.ToLower(r)) {
				h = (h ^ uint64(c)) * fnvPrime
			}
			in = true
			continue
		}
		if in {
			out = append(out, h)
			h, in = fnvOffset, false
		}
	}
	if in {
		out = append(out, h)
	}
	return out
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
