package story

import (
	"encoding/binary"
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Sketch is the MinHash summary of one text's shingle set. The zero Sketch
// (no words) is never a duplicate of anything.
type Sketch struct {
	// Values holds one minimum per bin; nil for a text without words.
	Values []uint32
	// Shingles is the number of shingles hashed.
	Shingles int
}

// Valid reports whether the sketch summarises at least one shingle.
func (s Sketch) Valid() bool { return len(s.Values) > 0 }

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	emptyBin  = ^uint32(0)
)

// mix64 is the splitmix64 finaliser: a fast bijective bit mixer.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// WordHashes calls fn with an FNV-1a hash of every word of text, in order.
// A word is a maximal run of letters and digits, lower-cased; invalid UTF-8
// bytes separate words. It never fails on odd input.
func WordHashes(text string, fn func(uint64)) {
	for i := 0; ; {
		h, next, ok := nextWord(text, i)
		if !ok {
			return
		}
		fn(h)
		i = next
	}
}

// nextWord returns the hash of the first word of text at or after byte i
// (see WordHashes) and the index just after it; ok is false when no word
// is left.
func nextWord(text string, i int) (h uint64, next int, ok bool) {
	h = fnvOffset
	inWord := false
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				if inWord {
					return h, i, true
				}
				i++
				continue
			}
			i++
			h = (h ^ uint64(c)) * fnvPrime
			inWord = true
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError || !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			if inWord {
				return h, i, true
			}
			i += size
			continue
		}
		i += size
		r = unicode.ToLower(r)
		for r > 0 {
			h = (h ^ uint64(r&0xff)) * fnvPrime
			r >>= 8
		}
		inWord = true
	}
	return h, i, inWord
}

// ShingleHashes calls fn with a 64-bit hash of every run of k consecutive
// words of text (k < 1 is taken as 1). A text with fewer than k words but at
// least one gives a single shingle of all its words.
func ShingleHashes(text string, k int, fn func(uint64)) {
	if k < 1 {
		k = 1
	}
	ring := make([]uint64, k)
	n := 0
	WordHashes(text, func(w uint64) {
		ring[n%k] = w
		n++
		if n >= k {
			fn(combine(ring, n, k))
		}
	})
	if n > 0 && n < k {
		fn(combine(ring[:n], n, n))
	}
}

// combine hashes the last k words of the ring (n words seen so far) in order.
func combine(ring []uint64, n, k int) uint64 {
	h := uint64(fnvOffset)
	for j := 0; j < k; j++ {
		h = (h ^ ring[(n+j)%k]) * fnvPrime
		h = h<<23 | h>>41
	}
	return mix64(h)
}

// NewSketch computes the one-permutation MinHash sketch of text with size
// bins over k-word shingles.
func NewSketch(text string, k, size int) Sketch {
	if size < 1 {
		size = 1
	}
	vals := make([]uint32, size)
	for i := range vals {
		vals[i] = emptyBin
	}
	count := 0
	add := func(h uint64) {
		count++
		bin := (h >> 32) * uint64(size) >> 32
		if v := uint32(h); v < vals[bin] {
			vals[bin] = v
		}
	}
	if k >= 1 && k <= maxFastShingle {
		count = fastSketch(text, k, vals)
	} else {
		ShingleHashes(text, k, add)
	}
	if count == 0 {
		return Sketch{}
	}
	densify(vals)
	return Sketch{Values: vals, Shingles: count}
}

// maxFastShingle is the longest shingle fastSketch handles.
const maxFastShingle = 8

// fastSketch is NewSketch's loop for shingles of 1 to maxFastShingle
// words: WordHashes, ShingleHashes and the bin update in one loop without
// callbacks, for the same values. It returns the number of shingles.
func fastSketch(text string, k int, vals []uint32) int {
	var words [maxFastShingle]uint64 // the last k words, oldest first
	n, count := 0, 0
	bins := uint64(len(vals))
	for i := 0; ; {
		w, next, ok := nextWord(text, i)
		if !ok {
			break
		}
		i = next
		copy(words[:k-1], words[1:k])
		words[k-1] = w
		if n++; n < k {
			continue
		}
		h := shingleHash(words[:k])
		count++
		if bin, v := (h>>32)*bins>>32, uint32(h); v < vals[bin] {
			vals[bin] = v
		}
	}
	if n > 0 && n < k {
		// Fewer words than a shingle: one shingle of them all (combine
		// over the n words, oldest first).
		h := shingleHash(words[k-n : k])
		count++
		if bin, v := (h>>32)*bins>>32, uint32(h); v < vals[bin] {
			vals[bin] = v
		}
	}
	return count
}

// shingleHash is combine over words in order (oldest first).
func shingleHash(words []uint64) uint64 {
	h := uint64(fnvOffset)
	for _, x := range words {
		h = (h ^ x) * fnvPrime
		h = h<<23 | h>>41
	}
	return mix64(h)
}

// densify fills empty bins from the next originally non-empty bin
// (circularly), mixed with the distance, so that equal sets give equal
// sketches and similar sets mostly equal ones. At least one bin is non-empty.
func densify(vals []uint32) {
	n := len(vals)
	var stack [64]bool
	empty := stack[:0]
	if n > len(stack) {
		empty = make([]bool, 0, n)
	}
	for _, v := range vals {
		empty = append(empty, v == emptyBin)
	}
	for i := range vals {
		if !empty[i] {
			continue
		}
		for d := 1; d < n; d++ {
			if j := (i + d) % n; !empty[j] {
				vals[i] = uint32(mix64(uint64(vals[j])<<8 | uint64(d)))
				break
			}
		}
	}
}

// Similarity estimates the Jaccard similarity of the shingle sets behind
// two sketches of equal size: the share of equal bins. It is 0 when either
// sketch is invalid or the sizes differ.
func Similarity(a, b Sketch) float64 {
	if !a.Valid() || len(a.Values) != len(b.Values) {
		return 0
	}
	eq := 0
	for i, v := range a.Values {
		if v == b.Values[i] {
			eq++
		}
	}
	return float64(eq) / float64(len(a.Values))
}

// MarshalBinary encodes the sketch for storage: the shingle count, then
// every bin value, as little-endian uint32s.
func (s Sketch) MarshalBinary() ([]byte, error) {
	b := make([]byte, 4+4*len(s.Values))
	binary.LittleEndian.PutUint32(b, uint32(min(s.Shingles, 1<<32-1)))
	for i, v := range s.Values {
		binary.LittleEndian.PutUint32(b[4+4*i:], v)
	}
	return b, nil
}

// UnmarshalBinary decodes a sketch encoded by MarshalBinary.
func (s *Sketch) UnmarshalBinary(b []byte) error {
	if len(b) < 4 || len(b)%4 != 0 {
		return fmt.Errorf("decoding sketch: %d bytes is not a whole number of values", len(b))
	}
	s.Shingles = int(binary.LittleEndian.Uint32(b))
	s.Values = nil
	if n := len(b)/4 - 1; n > 0 {
		s.Values = make([]uint32, n)
		for i := range s.Values {
			s.Values[i] = binary.LittleEndian.Uint32(b[4+4*i:])
		}
	}
	return nil
}
