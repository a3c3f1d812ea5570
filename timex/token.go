package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigie-news/vigie/translit"
)

// Token kinds.
const (
	tkWord  = 'w'
	tkNum   = 'n'
	tkPunct = 'p'
)

// token is one word, number or punctuation character of the text.
type token struct {
	s, e int    // byte offsets in the text
	k    byte   // tkWord, tkNum or tkPunct
	w    string // folded form: lower case without accents; "'" for apostrophes, "-" for dashes
	sp   bool   // preceded by white space
	nl   bool   // preceded by a line break
	up   bool   // starts with an upper-case letter
	info wordInfo
}

// wordInfo is what the patterns look up about a token's word, found once
// when the text is tokenised.
type wordInfo struct {
	trig  bool   // in triggers
	mon   int8   // monthWords value, 0 for none
	wd    int8   // weekdayWords value plus one, 0 for none
	num   int8   // numberWords value (with isNum)
	unit  int8   // unitWords value, 0 for none
	flags uint8  // is* bits
	first uint16 // index in tableFirsts of the table entries the word starts, 0 for none
}

// firstEntries are the entries of the pattern tables that start with one
// word, in table order.
type firstEntries struct {
	lead, quant []wordsMod
	rel         []relEntry
	period      []periodEntry
}

// tableFirsts holds the firstEntries of the words that start table
// entries (wordInfo.first); the first element is empty.
var tableFirsts = []firstEntries{{}}

// wordInfo flags: the word is in numberWords, leadFirst, relFirst,
// periodFirst, quantFirst or seasonWords.
const (
	isNum uint8 = 1 << iota
	isLead
	isRel
	isPeriod
	isQuant
	isSeason
)

// wordInfos holds the wordInfo of every word that has one.
var wordInfos = func() map[string]wordInfo {
	m := map[string]wordInfo{}
	set := func(w string, f func(*wordInfo)) {
		inf := m[w]
		f(&inf)
		m[w] = inf
	}
	for w := range triggers {
		set(w, func(inf *wordInfo) { inf.trig = true })
	}
	for w, v := range monthWords {
		set(w, func(inf *wordInfo) { inf.mon = int8(v) })
	}
	for w, v := range weekdayWords {
		set(w, func(inf *wordInfo) { inf.wd = int8(v + 1) })
	}
	for w, v := range numberWords {
		set(w, func(inf *wordInfo) { inf.num, inf.flags = int8(v), inf.flags|isNum })
	}
	for w, v := range unitWords {
		set(w, func(inf *wordInfo) { inf.unit = int8(v) })
	}
	index := map[string]int{}
	entries := func(w string) *firstEntries {
		k, ok := index[w]
		if !ok {
			k = len(tableFirsts)
			index[w] = k
			tableFirsts = append(tableFirsts, firstEntries{})
			set(w, func(inf *wordInfo) { inf.first = uint16(k) })
		}
		return &tableFirsts[k]
	}
	for _, e := range leadTable {
		f := entries(e.ws[0])
		f.lead = append(f.lead, e)
	}
	for _, e := range quantTable {
		f := entries(e.ws[0])
		f.quant = append(f.quant, e)
	}
	for _, e := range relTable {
		f := entries(e.ws[0])
		f.rel = append(f.rel, e)
	}
	for _, e := range periodTable {
		f := entries(e.ws[0])
		f.period = append(f.period, e)
	}
	for _, t := range []struct {
		words map[string]bool
		flag  uint8
	}{{leadFirst, isLead}, {relFirst, isRel}, {periodFirst, isPeriod}, {quantFirst, isQuant}, {seasonWords, isSeason}} {
		for w, ok := range t.words {
			if ok {
				set(w, func(inf *wordInfo) { inf.flags |= t.flag })
			}
		}
	}
	return m
}()

// wordShapes has bit n of [a][b] set when wordInfos has a word of n bytes
// (n < 64) from letter a to letter b (a-z): a quick test that most words
// have no wordInfo.
var wordShapes = func() (t [26][26]uint64) {
	for w := range wordInfos {
		if n := len(w); n > 0 && n < 64 && isLowerASCII(w[0]) && isLowerASCII(w[n-1]) {
			t[w[0]-'a'][w[n-1]-'a'] |= 1 << n
		}
	}
	return t
}()

func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }

// infoOf returns wordInfos[w].
func infoOf(w string) wordInfo {
	if n := len(w); n > 0 && n < 64 && isLowerASCII(w[0]) && isLowerASCII(w[n-1]) &&
		wordShapes[w[0]-'a'][w[n-1]-'a']&(1<<n) == 0 {
		return wordInfo{} // no word of that shape
	}
	return wordInfos[w]
}

// noWord is the wordInfo of the empty word, which matcher.w returns out
// of range.
var noWord = wordInfos[""]

// folder caches the folded forms of words across the texts one worker
// tags. Keys are copies, so that it keeps no text alive.
type folder map[string]string

// maxFolds bounds a folder; a full one is emptied.
const maxFolds = 1 << 15

// fold returns foldWord(w) when w is not ASCII, else strings.ToLower(w).
func (f folder) fold(w string, ascii bool) string {
	if v, ok := f[w]; ok {
		return v
	}
	v := foldASCII(w, ascii)
	if f != nil {
		if len(f) >= maxFolds {
			clear(f)
		}
		f[strings.Clone(w)] = v
	}
	return v
}

func foldASCII(w string, ascii bool) string {
	if !ascii {
		return foldWord(w)
	}
	return strings.ToLower(w)
}

// isSpaceRune reports white space, including the no-break spaces of French typography.
func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u202f', '\u2009', '\u2007', '\u200b':
		return true
	}
	return r > utf8.RuneSelf && unicode.IsSpace(r)
}

// tokenize splits text into tokens.
func tokenize(text string) []token {
	return appendTokens(make([]token, 0, len(text)/5+4), text)
}

// appendTokens appends the tokens of text to toks.
func appendTokens(toks []token, text string) []token {
	return appendTokensFold(toks, text, nil)
}

// appendTokensFold is appendTokens folding words through folds (nil for
// no cache).
func appendTokensFold(toks []token, text string, folds folder) []token {
	sp, nl := true, true
	i := 0
	for i < len(text) {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			sp = true
			i++
			continue
		case c == '\n':
			sp, nl = true, true
			i++
			continue
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			toks = append(toks, token{s: i, e: j, k: tkNum, w: text[i:j], sp: sp, nl: nl, info: wordInfos[text[i:j]]})
			sp, nl = false, false
			i = j
			continue
		case c < utf8.RuneSelf && !isASCIILetter(c):
			toks = append(toks, token{s: i, e: i + 1, k: tkPunct, w: text[i : i+1], sp: sp, nl: nl, info: wordInfos[text[i:i+1]]})
			sp, nl = false, false
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if c >= utf8.RuneSelf {
			if isSpaceRune(r) {
				sp = true
				i += size
				continue
			}
			if !unicode.IsLetter(r) {
				f := translit.FoldRune(r)
				if r == utf8.RuneError {
					f = "?"
				}
				toks = append(toks, token{s: i, e: i + size, k: tkPunct, w: f, sp: sp, nl: nl, info: wordInfos[f]})
				sp, nl = false, false
				i += size
				continue
			}
		}
		// A word: letters and combining marks.
		j := i
		ascii, lower := true, true
		for j < len(text) {
			b := text[j]
			if b < utf8.RuneSelf {
				if !isASCIILetter(b) {
					break
				}
				if b <= 'Z' {
					lower = false
				}
				j++
				continue
			}
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r2) && !unicode.Is(unicode.Mn, r2) {
				break
			}
			ascii = false
			j += s2
		}
		w := text[i:j]
		if !ascii || !lower {
			w = folds.fold(w, ascii)
		}
		toks = append(toks, token{s: i, e: j, k: tkWord, w: w, sp: sp, nl: nl, up: unicode.IsUpper(r), info: infoOf(w)})
		sp, nl = false, false
		i = j
	}
	return toks
}

func isASCIILetter(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// atoi parses a short run of ASCII digits; -1 when it is too long or empty.
func atoi(s string) int {
	if len(s) == 0 || len(s) > 9 {
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// latin1Fold maps the accented Latin-1 letters U+00C0..U+00FF to ASCII.
const latin1Fold = "aaaaaaaceeeeiiiidnooooo?ouuuuy??aaaaaaaceeeeiiiidnooooo?ouuuuy?y"

// foldWord folds a word like translit.Fold, with a fast path for the
// accented letters of French.
func foldWord(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 32
			}
			b.WriteByte(byte(r))
		case r >= 0xC0 && r <= 0xFF && r != 0xD7 && r != 0xF7 && r != 0xDE && r != 0xFE && r != 0xC6 && r != 0xE6 && r != 0xDF:
			b.WriteByte(latin1Fold[r-0xC0])
		default:
			b.WriteString(translit.FoldRune(r))
		}
	}
	return b.String()
}
