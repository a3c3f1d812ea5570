package lang

//go:generate go run ./internal/genprofiles

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// Trigram ranking of Latin-script text, computed as
// whatlanggo.DetectWithOptions computes it (same profiles, same distance,
// same confidence) but without its per-trigram string allocations and
// reflective sorting: trigrams are packed into integers, and each text
// trigram is looked up once in an index of the candidate profiles instead
// of each profile trigram in a map of the text's.

// Constants of whatlanggo's distance (whatlanggo/constants.go).
const (
	maxTrigramDistance = 300
	maxTotalDistance   = 90000
)

// trigramKey packs three runes (each below 1<<21) into an integer whose
// order is the lexicographic order of the runes, hence of their UTF-8
// encoding.
type trigramKey uint64

func packTrigram(a, b, c rune) trigramKey {
	return trigramKey(a)<<42 | trigramKey(b)<<21 | trigramKey(c)
}

// profileEntry says that a trigram stands at rank pos of candidate lang.
type profileEntry struct {
	key  trigramKey
	lang int32
	pos  int32
}

// latinRanker ranks a fixed set of Latin-script languages.
type latinRanker struct {
	langs []whatlanggo.Lang
	size  []int          // number of trigrams in each profile
	index []profileEntry // every profile trigram, by key
}

// newLatinRanker indexes the profiles of the whitelisted languages, or
// returns nil when one of them has no local profile (whatlanggo is then
// used as it is).
func newLatinRanker(whitelist map[whatlanggo.Lang]bool) *latinRanker {
	r := &latinRanker{}
	for l := range whitelist {
		if _, ok := latinProfiles[l]; !ok {
			return nil
		}
		r.langs = append(r.langs, l)
	}
	slices.Sort(r.langs)
	for li, l := range r.langs {
		n := 0
		for tri := range strings.SplitSeq(latinProfiles[l], "\x00") {
			if k, ok := keyOf(tri); ok {
				r.index = append(r.index, profileEntry{k, int32(li), int32(n)})
			}
			n++
		}
		r.size = append(r.size, n)
	}
	slices.SortFunc(r.index, func(a, b profileEntry) int { return cmp.Compare(a.key, b.key) })
	return r
}

// keyOf packs a profile trigram; false when it is not three runes (it can
// then match no text trigram).
func keyOf(s string) (trigramKey, bool) {
	var rs [3]rune
	n := 0
	for _, r := range s {
		if n == 3 {
			return 0, false
		}
		rs[n] = r
		n++
	}
	if n != 3 {
		return 0, false
	}
	return packTrigram(rs[0], rs[1], rs[2]), true
}

// rankScratch is the reusable working memory of one ranking.
type rankScratch struct {
	runes  []rune
	keys   []trigramKey
	tmp    []trigramKey // second buffer of radixSort
	counts []int32      // occurrences of each distinct key
	hist   []int32      // distinct keys by number of occurrences
	pos    []int32      // rank of each distinct key
	acc    []int
}

var scratchPool = sync.Pool{New: func() any { return new(rankScratch) }}

// trigramRune is whatlanggo's per-rune preparation: punctuation, symbols,
// spaces and digits become a space, letters are lower-cased.
func trigramRune(r rune) rune {
	if r < utf8.RuneSelf {
		return asciiTrigram[r]
	}
	if unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r) {
		return ' '
	}
	return unicode.ToLower(r)
}

var asciiTrigram = func() (t [utf8.RuneSelf]rune) {
	for r := range t {
		c := rune(r)
		if unicode.IsSymbol(c) || unicode.IsSpace(c) || unicode.IsPunct(c) || unicode.IsDigit(c) {
			t[r] = ' '
		} else {
			t[r] = unicode.ToLower(c)
		}
	}
	return t
}()

// rank returns whatlanggo's answer for text among r's languages, as
// whatlanggo.DetectWithOptions would give it for text whose script
// whatlanggo detects as Latin.
//
// whatlanggo ranks the text's distinct trigrams by decreasing count, ties
// by decreasing trigram, and adds for each profile trigram the distance
// between its rank in the profile and in the text (300 when absent). Here
// the trigrams are sorted once by key, ranks come from a counting sort on
// the counts, and the profiles are merged in key order.
func (r *latinRanker) rank(text string) (whatlanggo.Lang, float64) {
	switch len(r.langs) {
	case 0:
		return -1, 0
	case 1:
		return r.langs[0], 1
	}
	s := scratchPool.Get().(*rankScratch)
	defer scratchPool.Put(s)
	rs := s.runes[:0]
	for _, c := range text {
		rs = append(rs, trigramRune(c))
	}
	rs = append(rs, ' ')
	s.runes = rs
	keys := s.keys[:0]
	r1, r2 := rune(' '), rs[0]
	for _, r3 := range rs[1:] {
		if !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			keys = append(keys, packTrigram(r1, r2, r3))
		}
		r1, r2 = r2, r3
	}
	s.keys = keys[:0]
	keys = radixSort(keys, &s.tmp) // held by s.keys or s.tmp
	// Distinct keys in increasing order, with their counts.
	counts := s.counts[:0]
	distinct := keys[:0]
	maxCount := int32(0)
	for i, k := range keys {
		if i > 0 && k == distinct[len(distinct)-1] {
			counts[len(counts)-1]++
		} else {
			distinct = append(distinct, k)
			counts = append(counts, 1)
		}
		maxCount = max(maxCount, counts[len(counts)-1])
	}
	s.counts = counts
	// Rank of each distinct key: the keys of a higher count come first,
	// then those of the same count and a greater key.
	hist := append(s.hist[:0], make([]int32, maxCount+2)...)
	for _, c := range counts {
		hist[c]++
	}
	above := int32(0) // keys with a count greater than c
	for c := maxCount; c >= 1; c-- {
		n := hist[c]
		hist[c] = above // rank of the greatest key of count c
		above += n
	}
	pos := append(s.pos[:0], make([]int32, len(counts))...)
	for i := len(counts) - 1; i >= 0; i-- {
		c := counts[i]
		pos[i] = hist[c]
		hist[c]++
	}
	s.hist, s.pos = hist, pos
	acc := s.acc[:0]
	for range r.langs {
		acc = append(acc, 0)
	}
	s.acc = acc
	for i, j := 0, 0; i < len(distinct) && j < len(r.index); {
		switch k, e := distinct[i], r.index[j]; {
		case k < e.key:
			i++
		case k > e.key:
			j++
		default:
			d := int(pos[i] - e.pos)
			if d < 0 {
				d = -d
			}
			acc[e.lang] += maxTrigramDistance - d
			j++
		}
	}
	// Best and second best distance; ties go to the lower language code,
	// where whatlanggo's order depends on map iteration.
	best, second := -1, -1
	dist := func(i int) int { return maxTrigramDistance*r.size[i] - acc[i] }
	for i := range r.langs {
		switch {
		case best < 0 || dist(i) < dist(best):
			best, second = i, best
		case second < 0 || dist(i) < dist(second):
			second = i
		}
	}
	score1 := maxTotalDistance - dist(best)
	score2 := maxTotalDistance - dist(second)
	switch {
	case score1 == 0:
		return -1, 0
	case score2 == 0:
		return r.langs[best], math.Min(float64(score1/500.0), 1)
	}
	rate := float64(score1-score2) / float64(score2)
	confidentRate := 12.0/float64(len(distinct)) + 0.05
	if rate > confidentRate {
		return r.langs[best], 1
	}
	return r.langs[best], rate / confidentRate
}

// radixSort sorts keys in increasing order, using *tmp as a second
// buffer, and returns the sorted keys, held by keys or by *tmp. Only the
// bytes in which the keys differ are sorted on (LSD radix sort).
func radixSort(keys []trigramKey, tmp *[]trigramKey) []trigramKey {
	if len(keys) < 64 {
		slices.Sort(keys)
		return keys
	}
	var diff trigramKey
	for _, k := range keys {
		diff |= k ^ keys[0]
	}
	if cap(*tmp) < len(keys) {
		*tmp = make([]trigramKey, len(keys))
	}
	src, dst := keys, (*tmp)[:len(keys)]
	for shift := 0; shift < 64; shift += 8 {
		if (diff>>shift)&0xff == 0 {
			continue
		}
		var count [256]int
		for _, k := range src {
			count[(k>>shift)&0xff]++
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, k := range src {
			b := (k >> shift) & 0xff
			dst[count[b]] = k
			count[b]++
		}
		src, dst = dst, src
	}
	return src
}

// otherScripts are the scripts besides Latin that whatlanggo.DetectScript
// counts.
var otherScripts = []*unicode.RangeTable{
	unicode.Cyrillic, unicode.Arabic, unicode.Devanagari, unicode.Hiragana, unicode.Katakana,
	unicode.Ethiopic, unicode.Hebrew, unicode.Bengali, unicode.Georgian, unicode.Han,
	unicode.Hangul, unicode.Greek, unicode.Kannada, unicode.Tamil, unicode.Thai,
	unicode.Gujarati, unicode.Gurmukhi, unicode.Telugu, unicode.Malayalam, unicode.Oriya,
	unicode.Myanmar, unicode.Sinhala, unicode.Khmer,
}

// onlyLatin reports whether whatlanggo.DetectScript(text) is certainly
// Latin without calling it: text has Latin letters and no letter of
// another script whatlanggo counts.
func onlyLatin(text string) bool {
	latin := false
	for _, c := range text {
		if c < utf8.RuneSelf {
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				latin = true
			}
			continue
		}
		if unicode.Is(unicode.Latin, c) {
			latin = true
			continue
		}
		if unicode.IsSymbol(c) || unicode.IsSpace(c) || unicode.IsPunct(c) || unicode.IsDigit(c) {
			continue
		}
		for _, sc := range otherScripts {
			if unicode.Is(sc, c) {
				return false
			}
		}
	}
	return latin
}
