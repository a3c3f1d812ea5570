// Package analysis turns text into the terms vigie's full-text indexes store
// and search: words are split with their byte offsets, French elisions
// (l', d', qu', ...) are stripped, stop words dropped, and every remaining
// word yields a stem (Snowball, French or English by language, folded for
// case and accents) and a transliteration key (translit.Key), so that a
// query word matches a text word when either agrees.
//
// The same analysis runs on documents and queries, which is what makes
// "négociations" find "négociation" and "Bayramov" find "Baïramov". It is
// backend-neutral: the SQLite store and any later one share it, and
// snippets are cut from the original text by matching analysed tokens.
package analysis

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"

	"github.com/vigie-news/vigie/translit"
)

// Token is one indexed word of a text.
type Token struct {
	// Start and End are the word's byte offsets in the analysed text.
	Start, End int
	// Stem is the folded stem in the text's language (French for unknown
	// languages); Alt is the English stem for unknown languages, else "".
	Stem, Alt string
	// Key is the transliteration key (translit.Key).
	Key string
}

// Stemming modes chosen from a language code.
const (
	modeFR = iota
	modeEN
	modeBoth
)

func modeOf(lang string) int {
	switch strings.ToLower(lang) {
	case "fr":
		return modeFR
	case "en":
		return modeEN
	}
	return modeBoth
}

// elisions are the French clitics that end in an apostrophe and are
// dropped before indexing ("l'armée" -> "armée").
var elisions = map[string]bool{
	"l": true, "d": true, "j": true, "m": true, "n": true, "s": true, "t": true,
	"c": true, "qu": true, "lorsqu": true, "puisqu": true, "jusqu": true,
	"quoiqu": true, "presqu": true,
}

// stopWords are frequent French and English function words, folded. They
// are dropped from both documents and queries, so phrases still line up.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
a au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous y
c d j l m n s t ete etait sont est ont cette cet aussi comme
an and are as at be been but by for from had has have he her his i if in into is it its of on or our she so than that the their them then there these they this to was were which will with would we you not no
`) {
		m[w] = true
	}
	return m
}()

// IsStopWord reports whether the folded word w is dropped by the analysis.
func IsStopWord(w string) bool { return stopWords[w] }

// stemCache memoises stems; vocabularies are Zipfian so it hits most of the time.
type stemCache struct {
	mu sync.RWMutex
	m  map[string]string
}

const maxCache = 1 << 18

func (c *stemCache) get(k string, f func(string) string) string {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return v
	}
	v = f(k)
	c.mu.Lock()
	if len(c.m) >= maxCache {
		c.m = make(map[string]string, 1024)
	}
	c.m[k] = v
	c.mu.Unlock()
	return v
}

var (
	frCache  = &stemCache{m: map[string]string{}}
	enCache  = &stemCache{m: map[string]string{}}
	keyCache = &stemCache{m: map[string]string{}}
)

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func stemFR(lower string) string {
	if isDigits(lower) {
		return lower
	}
	return frCache.get(lower, func(w string) string { return translit.Fold(french.Stem(w, true)) })
}

func stemEN(lower string) string {
	if isDigits(lower) {
		return lower
	}
	return enCache.get(lower, func(w string) string { return translit.Fold(english.Stem(w, true)) })
}

func key(word string) string {
	return keyCache.get(word, translit.Key)
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' || r == '`' || r == 'ʻ' || r == '′' || r == '´'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if isApostrophe(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// span is a raw word found by splitting, before analysis.
type span struct{ start, end int }

// split finds the words of s: runs of letters, digits and combining marks.
// A word directly followed by an apostrophe that is a French elision is
// dropped. It calls fn for every kept word.
func split(s string, fn func(start, end int)) {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		for i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				break
			}
			i += n
		}
		end := i
		if i < len(s) && end-start <= 7 {
			if r, _ := utf8.DecodeRuneInString(s[i:]); isApostrophe(r) && elisions[translit.Fold(s[start:end])] {
				continue
			}
		}
		fn(start, end)
	}
}

// Analyze returns the indexed tokens of text for an article in language
// lang ("fr", "en"; anything else stems both ways).
func Analyze(text, lang string) []Token {
	mode := modeOf(lang)
	toks := make([]Token, 0, len(text)/7)
	split(text, func(start, end int) {
		if t, ok := analyzeWord(text[start:end], mode); ok {
			t.Start, t.End = start, end
			toks = append(toks, t)
		}
	})
	return toks
}

func lowerWord(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf || ('A' <= w[i] && w[i] <= 'Z') {
			return strings.ToLower(w)
		}
	}
	return w
}

// wordCache memoises analyzeWord per stemming mode.
type wordCache struct {
	mu sync.RWMutex
	m  map[string]cachedWord
}

type cachedWord struct {
	t  Token
	ok bool
}

var wordCaches = [3]*wordCache{{m: map[string]cachedWord{}}, {m: map[string]cachedWord{}}, {m: map[string]cachedWord{}}}

func analyzeWord(w string, mode int) (Token, bool) {
	c := wordCaches[mode]
	c.mu.RLock()
	cw, hit := c.m[w]
	c.mu.RUnlock()
	if hit {
		return cw.t, cw.ok
	}
	t, ok := analyzeWordUncached(w, mode)
	c.mu.Lock()
	if len(c.m) >= maxCache {
		c.m = make(map[string]cachedWord, 1024)
	}
	c.m[strings.Clone(w)] = cachedWord{t, ok}
	c.mu.Unlock()
	return t, ok
}

func analyzeWordUncached(w string, mode int) (Token, bool) {
	lower := lowerWord(w)
	folded := translit.Fold(lower)
	if folded == "" || stopWords[folded] || (len(folded) == 1 && !isDigits(folded)) {
		return Token{}, false
	}
	var t Token
	switch mode {
	case modeFR:
		t.Stem = stemFR(lower)
	case modeEN:
		t.Stem = stemEN(lower)
	default:
		t.Stem = stemFR(lower)
		t.Alt = stemEN(lower)
	}
	t.Stem, t.Alt = clean(t.Stem), clean(t.Alt)
	if t.Stem == "" {
		t.Stem = clean(folded)
	}
	if t.Stem == "" {
		return Token{}, false
	}
	t.Key = key(folded)
	if t.Key == "" {
		t.Key = t.Stem
	}
	return t, true
}

// clean keeps only the letters and digits of s (folding can yield
// punctuation from letter-like symbols).
func clean(s string) string {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return strings.Map(func(r rune) rune {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					return r
				}
				return -1
			}, s)
		}
	}
	return s
}

// Columns renders tokens as the three space-separated term lists a
// full-text index stores: stems, alternative stems (English stems of
// unknown-language texts, positions kept with the stems) and keys.
func Columns(toks []Token) (stems, alts, keys string) {
	var s, a, k strings.Builder
	hasAlt := false
	for i, t := range toks {
		if i > 0 {
			s.WriteByte(' ')
			a.WriteByte(' ')
			k.WriteByte(' ')
		}
		s.WriteString(t.Stem)
		if t.Alt != "" {
			hasAlt = true
			a.WriteString(t.Alt)
		} else {
			a.WriteString(t.Stem)
		}
		k.WriteString(t.Key)
	}
	if !hasAlt {
		return s.String(), "", k.String()
	}
	return s.String(), a.String(), k.String()
}
