// Package translit folds text for matching across spellings: case, accents,
// ligatures and apostrophes (Fold), and a phonetic key that maps common
// romanisations of the same name together (Key): "Djeyhoun"/"Jeyhun",
// "Baïramov"/"Bayramov"/"Bairamov", "Pachinian"/"Pashinyan", "Aliev"/"Aliyev",
// "Poutine"/"Putin", "Sergueï"/"Sergey".
//
// Both are used by the store's full-text index and by the entity recogniser,
// so that a name indexed one way is found when written another.
package translit

import (
	"bytes"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// special maps runes that do not decompose into a base letter plus marks.
var special = map[rune]string{
	'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae", 'ß': "ss", 'ø': "o", 'Ø': "o",
	'đ': "d", 'Đ': "d", 'ł': "l", 'Ł': "l", 'ı': "i", 'ə': "e", 'Ə': "e",
	'’': "'", '‘': "'", 'ʼ': "'", '`': "'", '´': "'", 'ʻ': "'", '′': "'",
	'«': "\"", '»': "\"", '“': "\"", '”': "\"", '„': "\"",
	'‐': "-", '‑': "-", '‒': "-", '–': "-", '—': "-",
	'\u00a0': " ", '\u202f': " ", '\u2009': " ", '\u2007': " ",
}

// FoldRune folds one rune: lower case, accents removed, ligatures expanded.
// It returns the folded string (possibly empty for a lone combining mark).
func FoldRune(r rune) string {
	if uint32(r) < utf8.RuneSelf {
		return asciiFold[r]
	}
	if uint32(r) < foldBlocks*foldBlockSize {
		b := foldCache[r/foldBlockSize].Load()
		if b == nil {
			b = foldBlock(r / foldBlockSize)
		}
		return b[r%foldBlockSize]
	}
	return foldRune(r)
}

// Folded runes are cached by blocks of 256 code points below U+3000 (the
// alphabets, combining marks and punctuation of news text), each block
// computed on first use.
const (
	foldBlockSize = 256
	foldBlocks    = 0x3000 / foldBlockSize
)

var foldCache [foldBlocks]atomic.Pointer[[foldBlockSize]string]

// foldBlock computes and caches block i of the folded runes.
func foldBlock(i rune) *[foldBlockSize]string {
	b := new([foldBlockSize]string)
	for k := range b {
		b[k] = foldRune(i*foldBlockSize + rune(k))
	}
	foldCache[i].Store(b)
	return b
}

// asciiFold holds the folded ASCII characters.
var asciiFold = func() (t [utf8.RuneSelf]string) {
	for r := range t {
		t[r] = foldRune(rune(r))
	}
	return t
}()

// foldRune computes FoldRune(r).
func foldRune(r rune) string {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return string(r + 32)
		}
		return string(r)
	}
	if s, ok := special[r]; ok {
		return s
	}
	if unicode.Is(unicode.Mn, r) {
		return ""
	}
	d := norm.NFD.String(string(r))
	var b strings.Builder
	for _, c := range d {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String()
}

// Fold lower-cases s, strips accents, expands ligatures and normalises
// apostrophes, quotes, dashes and spaces.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || ('A' <= s[i] && s[i] <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteString(FoldRune(r))
	}
	return b.String()
}

// FoldMap folds s like Fold and also returns, for every byte of the folded
// string plus one past its end, the byte offset in s it came from, so that
// matches in the folded text map back to the original.
func FoldMap(s string) (string, []int) {
	var b strings.Builder
	b.Grow(len(s))
	offs := make([]int, 0, len(s)+1)
	for i, r := range s {
		f := FoldRune(r)
		b.WriteString(f)
		for j := 0; j < len(f); j++ {
			offs = append(offs, i)
		}
	}
	offs = append(offs, len(s))
	return b.String(), offs
}

// keyRules are applied in order to a folded word. They map romanisations
// of Armenian, Azerbaijani, Russian, Georgian, Turkish and Persian names
// (French, English and German conventions) to one spelling.
var keyRules = []struct{ from, to string }{
	{"dzh", "j"}, {"dj", "j"}, {"zh", "j"}, {"tch", "sh"}, {"tsch", "sh"},
	{"sch", "sh"}, {"ch", "sh"}, {"kh", "h"}, {"gue", "ge"}, {"gui", "gi"},
	{"qu", "k"}, {"ck", "k"}, {"ou", "u"}, {"ph", "f"}, {"w", "v"},
	{"y", "i"}, {"x", "ks"}, {"q", "k"},
}

// Key returns the transliteration key of a single word: Fold, then the
// romanisation rules, a leading "ye"/"ie" reduced to "e", doubled letters
// collapsed and a final mute "e" dropped. Non-letters are removed.
func Key(word string) string {
	var b1, b2 [64]byte
	// Fold, keeping letters and digits.
	s := b1[:0]
	for _, r := range word {
		f := FoldRune(r)
		if len(f) == 1 && f[0] < utf8.RuneSelf {
			if c := f[0]; 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
				s = append(s, c)
			} else if unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)) {
				s = append(s, c)
			}
			continue
		}
		for _, c := range f {
			if unicode.IsLetter(c) || unicode.IsDigit(c) {
				s = utf8.AppendRune(s, c)
			}
		}
	}
	if len(s) == 0 {
		return ""
	}
	if len(s) >= 2 && (s[0] == 'y' || s[0] == 'i') && s[1] == 'e' {
		s = s[1:]
	}
	// The romanisation rules, each a replace-all in turn, alternating
	// between two buffers.
	other := b2[:0]
	for _, r := range keyRules {
		i := bytes.Index(s, []byte(r.from))
		if i < 0 {
			continue
		}
		in, out := s, other[:0]
		for i >= 0 {
			out = append(out, s[:i]...)
			out = append(out, r.to...)
			s = s[i+len(r.from):]
			i = bytes.Index(s, []byte(r.from))
		}
		out = append(out, s...)
		s, other = out, in[:0]
	}
	// Collapse doubled bytes.
	n := 0
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] {
			continue
		}
		s[n] = s[i]
		n++
	}
	s = s[:n]
	// "iie" -> "ie" already by collapse; "aie"... leave.
	if n := len(s); n > 3 && s[n-1] == 'e' {
		s = s[:n-1]
	}
	return string(s)
}

// Words splits s into words (runs of letters and digits, with internal
// apostrophes and hyphens splitting words) and returns them folded.
func Words(s string) []string {
	f := Fold(s)
	return strings.FieldsFunc(f, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r))
	})
}

// KeyPhrase returns the keys of every word of s joined by single spaces.
func KeyPhrase(s string) string {
	ws := Words(s)
	for i, w := range ws {
		ws[i] = Key(w)
	}
	return strings.Join(ws, " ")
}
