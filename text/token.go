package text

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/translit"
)

// TokenKind classifies a token.
type TokenKind uint8

// Token kinds.
const (
	// Word is a run of letters and digits, possibly with internal hyphens or
	// apostrophes ("Haut-Karabakh", "O'Brien"); also an elided article
	// ("l’"), an English clitic ("'s", "n't") or an inverted pronoun ("-t-il").
	Word TokenKind = iota + 1
	// Number is a number with its grouping, decimals, time or ordinal
	// suffix: "1 000", "1,5", "3.5", "14h30", "1er", "2e", "XXe", "21st".
	Number
	// Date is a numeric date: "2020-11-09", "10/11/2020", "09.11.2020".
	Date
	// Abbrev is an abbreviation or initial with its final period: "M.",
	// "U.S.", "J.-C.", "J.".
	Abbrev
	// Punct is punctuation: ". , ; : ! ? … ( ) – —", "...", "?!".
	Punct
	// Quote is a quotation mark: « » “ ” " ' ‘ ’ „ ‹ ›.
	Quote
	// Symbol is any other sign: % € $ & + ° ©.
	Symbol
	// URL is a web address: "https://…", "www.…", "armenpress.am".
	URL
	// Email is an e-mail address.
	Email
	// Hashtag is "#" followed by a word.
	Hashtag
	// Handle is "@" followed by a word.
	Handle
)

var kindNames = [...]string{"", "word", "number", "date", "abbrev", "punct", "quote", "symbol", "url", "email", "hashtag", "handle"}

// String returns the lower-case name of the kind ("word", "number" …).
func (k TokenKind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return "invalid"
}

// Token is one token of a text.
type Token struct {
	article.Span
	// Text is the token as it appears: s[Start:End].
	Text string
	Kind TokenKind
	// Norm is the folded form (translit.Fold): lower case, no accents,
	// apostrophes as ' ("L’" → "l'"). An inverted pronoun's Norm is the
	// bare pronoun ("-t-il" → "il"); an ellipsis's is "...".
	Norm string
}

// Tokenize splits s into tokens. lang is an ISO 639-1 code: "fr" and "en"
// select the language's elision, clitic and abbreviation rules; any other
// value applies both. Whitespace is not returned; every other byte of s
// belongs to exactly one token, in order.
func Tokenize(s, lang string) []Token {
	return tokenize(s, rulesFor(lang))
}

func tokenize(s string, r *rules) []Token {
	t := tokenizer{s: s, r: r, toks: make([]Token, 0, len(s)/5+16), arena: make([]byte, 0, len(s)/3)}
	t.run()
	t.finish()
	return t.toks
}

type tokenizer struct {
	s       string
	r       *rules
	toks    []Token
	arena   []byte        // folded norms of non-trivial tokens
	pending []pendingNorm // tokens whose Norm is in arena
}

// emit appends a token whose Norm is the folded text. Lower-case ASCII
// tokens share their text; other norms are written into one arena that
// becomes a single string when tokenising ends.
func (t *tokenizer) emit(start, end int, kind TokenKind) {
	txt := t.s[start:end]
	tok := Token{Span: article.Span{Start: start, End: end}, Text: txt, Kind: kind}
	if foldedASCII(txt) {
		tok.Norm = txt
		t.toks = append(t.toks, tok)
		return
	}
	a := len(t.arena)
	t.arena = appendFold(t.arena, txt)
	t.pending = append(t.pending, pendingNorm{tok: len(t.toks), start: a, end: len(t.arena)})
	t.toks = append(t.toks, tok)
}

func (t *tokenizer) emitNorm(start, end int, kind TokenKind, norm string) {
	t.toks = append(t.toks, Token{Span: article.Span{Start: start, End: end}, Text: t.s[start:end], Kind: kind, Norm: norm})
}

// finish converts the arena into a string and fills the pending norms.
func (t *tokenizer) finish() {
	if len(t.pending) == 0 {
		return
	}
	all := string(t.arena)
	for _, p := range t.pending {
		t.toks[p.tok].Norm = all[p.start:p.end]
	}
}

// pendingNorm is a token whose Norm lives in the arena.
type pendingNorm struct{ tok, start, end int }

// foldedASCII reports whether s is ASCII without upper-case letters, so
// that translit.Fold(s) == s.
func foldedASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// foldTableSize covers Latin, Greek, Cyrillic, Armenian and the general
// punctuation block; runes above it are folded by translit.FoldRune.
const foldTableSize = 0x2070

var (
	foldOnce  sync.Once
	foldTable []string
)

// appendFold appends translit.Fold(s) to dst, using a table of folded runes.
func appendFold(dst []byte, s string) []byte {
	foldOnce.Do(func() {
		foldTable = make([]string, foldTableSize)
		for r := rune(0); r < foldTableSize; r++ {
			foldTable[r] = translit.FoldRune(r)
		}
	})
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r < foldTableSize {
			dst = append(dst, foldTable[r]...)
		} else {
			dst = append(dst, translit.FoldRune(r)...)
		}
		i += w
	}
	return dst
}

func (t *tokenizer) run() {
	s := t.s
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				i++
			case isASCIIAlnum(c):
				i = t.word(i)
			case c == '.':
				j := i + 1
				for j < len(s) && s[j] == '.' {
					j++
				}
				if j-i >= 2 {
					t.emitNorm(i, j, Punct, "...")
				} else {
					t.emitNorm(i, j, Punct, ".")
				}
				i = j
			case c == '!' || c == '?':
				j := i + 1
				for j < len(s) && (s[j] == '!' || s[j] == '?') {
					j++
				}
				t.emit(i, j, Punct)
				i = j
			case c == '-':
				j := i + 1
				for j < len(s) && s[j] == '-' {
					j++
				}
				t.emit(i, j, Punct)
				i = j
			case c == '"' || c == '\'' || c == '`':
				t.emit(i, i+1, Quote)
				i++
			case c == '#' || c == '@':
				j := i + 1
				for j < len(s) {
					r, w := utf8.DecodeRuneInString(s[j:])
					if !(isAlnumRune(r) || r == '_') {
						break
					}
					j += w
				}
				switch {
				case j == i+1:
					t.emit(i, j, Symbol)
				case c == '#':
					t.emit(i, j, Hashtag)
				default:
					t.emit(i, j, Handle)
				}
				i = j
			case c < ' ' || c == 0x7f:
				t.emit(i, i+1, Symbol)
				i++
			case strings.IndexByte("$%&*+<=>^|~", c) >= 0:
				t.emit(i, i+1, Symbol)
				i++
			default:
				t.emit(i, i+1, Punct)
				i++
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && w == 1:
			t.emit(i, i+1, Symbol)
		case isSpaceRune(r):
			// skipped
		case isAlnumRune(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
			i = t.word(i)
			continue
		case r == '…':
			t.emitNorm(i, i+w, Punct, "...")
		case isQuoteRune(r):
			t.emit(i, i+w, Quote)
		case unicode.IsPunct(r):
			t.emit(i, i+w, Punct)
		default:
			t.emit(i, i+w, Symbol)
		}
		i += w
	}
}

func isASCIIAlnum(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isAlnumRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r))
	}
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && r != 'ʼ'
}

// isSpaceRune reports white space, including no-break spaces and the
// invisible zero-width space and byte-order mark, which separate tokens.
func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060'
}

func isQuoteRune(r rune) bool {
	switch r {
	case '«', '»', '“', '”', '„', '‟', '‹', '›', '‘', '’', '‚', '‛', '´', 'ʼ', '″', '〈', '〉', '「', '」':
		return true
	}
	return false
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' || r == '`' || r == '´'
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// runeAt decodes the rune at byte i (RuneError, 0 past the end).
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// wordRune reports runes that continue a word: letters, digits, combining
// marks and invisible joiners (soft hyphen, ZWJ, ZWNJ).
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r))
	}
	if r == 'ʼ' { // modifier-letter apostrophe: an apostrophe, not a letter
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) ||
		r == '\u00ad' || r == '\u200c' || r == '\u200d'
}

// alnumRun returns the end of the run of word runes starting at i.
func alnumRun(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isASCIIAlnum(c) {
				return i
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !wordRune(r) {
			return i
		}
		i += w
	}
	return i
}

// letterRun returns the end of the run of letters starting at i and the
// number of letters.
func letterRun(s string, i int) (int, int) {
	n := 0
	for i < len(s) {
		r, w := runeAt(s, i)
		if !unicode.IsLetter(r) {
			break
		}
		i += w
		n++
	}
	return i, n
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// word scans a token starting with a letter, digit or mark at i and emits
// one or more tokens; it returns the end of what it consumed.
func (t *tokenizer) word(i int) int {
	s := t.s
	if e := scanURL(s, i); e > i {
		t.emit(i, e, URL)
		return e
	}
	if e := scanEmail(s, i); e > i {
		t.emit(i, e, Email)
		return e
	}
	start := i
	end := i
	numeric := false
	if isDigit(s[i]) {
		if e := scanDate(s, i); e > i {
			t.emit(i, e, Date)
			return e
		}
		end = scanNumber(s, i, t.r.spaceGroups)
		numeric = true
		if r, _ := runeAt(s, end); wordRune(r) {
			end = alnumRun(s, end) // ordinal or unit suffix: 1er, 2e, 21st, 10km
		}
	} else {
		end = alnumRun(s, i)
	}
	segStart := start // start of the last alphanumeric segment
	joined := false   // the token contains a hyphen or apostrophe
	for end < len(s) {
		r, w := runeAt(s, end)
		next := end + w
		if isApostrophe(r) {
			nr, _ := runeAt(s, next)
			if !unicode.IsLetter(nr) {
				break
			}
			if t.r.elision && !joined && !numeric && isElision(s[start:end]) && !nameAfterN(s, start, end, next) {
				t.emit(start, next, Word)
				start, segStart = next, next
				end = alnumRun(s, next)
				continue
			}
			if t.r.clitics && !numeric {
				ce := alnumRun(s, next)
				suf := strings.ToLower(s[next:ce])
				if isClitic(suf) {
					t.emitWord(start, end, joined)
					t.emit(end, ce, Word)
					return ce
				}
				if suf == "t" && end-1 > start && (s[end-1] == 'n' || s[end-1] == 'N') {
					t.emitWord(start, end-1, joined)
					t.emit(end-1, ce, Word)
					return ce
				}
			}
			segStart = next
			end = alnumRun(s, next)
			joined = true
			continue
		}
		if isHyphen(r) {
			nr, _ := runeAt(s, next)
			if !wordRune(nr) {
				break
			}
			if t.r.elision && !numeric {
				if pe, pron := invertedPronoun(s, end); pe > 0 {
					t.emitWord(start, end, joined)
					t.emitNorm(end, pe, Word, pron)
					return pe
				}
			}
			if allDigits(s[segStart:end]) && isDigit(s[next]) {
				break // a range: 1994-2020
			}
			segStart = next
			end = alnumRun(s, next)
			joined = true
			numeric = false
			continue
		}
		break
	}
	if end < len(s) && s[end] == '.' {
		if e := t.dotted(start, end, joined, numeric); e > end {
			return e
		}
	}
	if numeric {
		t.emit(start, end, Number)
		return end
	}
	t.emitWord(start, end, joined)
	return end
}

// emitWord emits a word token, classing Roman ordinals ("XXe") as numbers.
func (t *tokenizer) emitWord(start, end int, joined bool) {
	if end <= start {
		return
	}
	if !joined && isRomanOrdinal(t.s[start:end]) {
		t.emit(start, end, Number)
		return
	}
	t.emit(start, end, Word)
}

// dotted handles a word followed by a period at end: acronyms ("U.S.",
// "J.-C."), known abbreviations, initials and domain names. It emits the
// token and returns its end, or returns end when the period is not part of
// the word.
func (t *tokenizer) dotted(start, end int, joined, numeric bool) int {
	s := t.s
	if numeric {
		return end
	}
	if !joined {
		// Domain names: word(.word)*.tld
		if e := scanDomain(s, start, end); e > end {
			t.emit(start, e, URL)
			return e
		}
		// Acronyms: groups of one or two letters each followed by a period.
		if le, n := letterRun(s, start); le == end && n <= 2 {
			e := end // at '.'
			groups := 1
			for {
				j := e + 1
				if j < len(s) && s[j] == '-' {
					j++
				}
				k, n := letterRun(s, j)
				if n == 0 || n > 2 || k >= len(s) || s[k] != '.' {
					break
				}
				e = k
				groups++
			}
			if groups >= 2 {
				t.emit(start, e+1, Abbrev)
				return e + 1
			}
		}
	}
	if t.r.abbrev(s[start:end]) != abbrevNone {
		t.emit(start, end+1, Abbrev)
		return end + 1
	}
	if r, w := runeAt(s, start); !joined && w == end-start && unicode.IsUpper(r) {
		t.emit(start, end+1, Abbrev) // an initial: "J. Biden"
		return end + 1
	}
	return end
}

// elisions are the French words that elide before a vowel.
var elisions = map[string]bool{
	"l": true, "d": true, "j": true, "m": true, "n": true, "s": true, "t": true, "c": true,
	"qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true,
}

func isElision(w string) bool {
	if len(w) > 6 {
		return false
	}
	return elisions[strings.ToLower(w)]
}

// nameAfterN reports "N’Djamena", "N'Golo": an n' followed by an upper-case
// then a lower-case letter is part of a name, not the negation.
func nameAfterN(s string, start, end, next int) bool {
	if end-start != 1 || (s[start] != 'N' && s[start] != 'n') {
		return false
	}
	r, w := runeAt(s, next)
	if !unicode.IsUpper(r) {
		return false
	}
	r2, _ := runeAt(s, next+w)
	return unicode.IsLower(r2)
}

func isClitic(suf string) bool {
	switch suf {
	case "s", "re", "ve", "ll", "d", "m":
		return true
	}
	return false
}

// pronouns are the French subject pronouns that follow an inverted verb.
var pronouns = []string{"elles", "elle", "ils", "il", "on", "je", "tu", "nous", "vous", "ce"}

// invertedPronoun recognises "-il", "-t-il", "-on", "-t-elle" … at the
// hyphen at i, followed by a non-word rune. It returns the end and the bare
// pronoun, or 0.
func invertedPronoun(s string, i int) (int, string) {
	_, w := runeAt(s, i)
	j := i + w
	if j+2 < len(s) && s[j] == 't' {
		if r, w2 := runeAt(s, j+1); isHyphen(r) {
			j += 1 + w2
		}
	}
	for _, p := range pronouns {
		if strings.HasPrefix(s[j:], p) {
			e := j + len(p)
			r, rw := runeAt(s, e)
			if wordRune(r) {
				continue
			}
			if isHyphen(r) {
				if r2, _ := runeAt(s, e+rw); wordRune(r2) {
					continue
				}
			}
			if j > i+w && p == "ce" {
				return 0, "" // "-t-ce" is not French
			}
			return e, p
		}
	}
	return 0, ""
}

// isRomanOrdinal matches French Roman ordinals: "XXe", "XIXe", "Ier", "IIIes".
// Only I, V and X are accepted, so that "Le", "De", "Ce" and "Me" stay words.
func isRomanOrdinal(w string) bool {
	i := 0
	for i < len(w) && strings.IndexByte("IVX", w[i]) >= 0 {
		i++
	}
	if i == 0 || i == len(w) {
		return false
	}
	switch w[i:] {
	case "e", "er", "re", "es", "ème", "èmes", "eme", "emes":
		return true
	}
	return false
}

// scanDate matches a numeric date at i: YYYY-MM-DD, YYYY/MM/DD,
// D[D]/M[M]/YY[YY] with / . or - as separator. It returns the end or i.
func scanDate(s string, i int) int {
	d1 := digitsRun(s, i)
	n1 := d1 - i
	if d1 >= len(s) {
		return i
	}
	sep := s[d1]
	if sep != '-' && sep != '/' && sep != '.' {
		return i
	}
	d2 := digitsRun(s, d1+1)
	n2 := d2 - d1 - 1
	if d2 >= len(s) || s[d2] != sep {
		return i
	}
	d3 := digitsRun(s, d2+1)
	n3 := d3 - d2 - 1
	if d3 < len(s) && (isDigit(s[d3]) || unicode.IsLetter(rune(s[d3]))) {
		return i
	}
	switch {
	case n1 == 4 && n2 >= 1 && n2 <= 2 && n3 >= 1 && n3 <= 2 && sep != '.':
		return d3
	case n1 >= 1 && n1 <= 2 && n2 >= 1 && n2 <= 2 && (n3 == 4 || n3 == 2):
		return d3
	}
	return i
}

func digitsRun(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// scanNumber scans digits with decimal or grouping separators ("1,5",
// "3.5", "1,000,000"), times ("14h30", "10:30") and, when spaceGroups or
// with no-break spaces, French digit groups ("1 000"). s[i] is a digit.
func scanNumber(s string, i int, spaceGroups bool) int {
	e := digitsRun(s, i)
	lead := e - i
	// Time: 14h30, 10:30.
	if lead <= 2 && e+3 <= len(s) && (s[e] == ':' || s[e] == 'h') && isDigit(s[e+1]) && isDigit(s[e+2]) && (e+3 == len(s) || !isDigit(s[e+3])) {
		return e + 3
	}
	for e < len(s) {
		c := s[e]
		if (c == '.' || c == ',') && e+1 < len(s) && isDigit(s[e+1]) {
			e = digitsRun(s, e+1)
			continue
		}
		// Digit groups after a space: exactly three digits, not followed by a digit.
		var w int
		switch {
		case c == ' ' && spaceGroups && lead <= 3:
			w = 1
		case strings.HasPrefix(s[e:], "\u00a0"):
			w = 2
		case strings.HasPrefix(s[e:], "\u202f"), strings.HasPrefix(s[e:], "\u2009"):
			w = 3
		}
		if w > 0 {
			g := e + w
			ge := digitsRun(s, g)
			if ge-g == 3 && (ge == len(s) || !(isDigit(s[ge]) || s[ge] == '/' || s[ge] == '-' && ge+1 < len(s) && isDigit(s[ge+1]))) {
				e = ge
				continue
			}
		}
		break
	}
	return e
}

// scanURL matches http(s)://, ftp:// or www. addresses at i and returns their
// end (trailing punctuation excluded), or i.
func scanURL(s string, i int) int {
	rest := s[i:]
	switch rest[0] | 0x20 {
	case 'h', 'f', 'w':
	default:
		return i
	}
	n := 0
	switch {
	case hasPrefixFold(rest, "https://"):
		n = 8
	case hasPrefixFold(rest, "http://"):
		n = 7
	case hasPrefixFold(rest, "ftp://"):
		n = 6
	case hasPrefixFold(rest, "www.") && len(rest) > 4 && isASCIIAlnum(rest[4]):
		n = 4
	default:
		return i
	}
	e := i + n
	depth := 0
	for e < len(s) {
		r, w := runeAt(s, e)
		if isSpaceRune(r) || r == '"' || r == '<' || r == '>' || r == '«' || r == '»' || r == '“' || r == '”' || r == utf8.RuneError {
			break
		}
		if r == '(' {
			depth++
		}
		if r == ')' {
			if depth == 0 {
				break
			}
			depth--
		}
		e += w
	}
	for e > i+n {
		c := s[e-1]
		if strings.IndexByte(".,;:!?'’", c) >= 0 {
			e--
			continue
		}
		if strings.HasSuffix(s[:e], "’") {
			e -= len("’")
			continue
		}
		break
	}
	if e == i+n {
		return i
	}
	return e
}

func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

func emailLocal(c byte) bool {
	return isASCIIAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

// scanEmail matches local@domain.tld at i and returns its end, or i.
func scanEmail(s string, i int) int {
	j := i
	for j < len(s) && emailLocal(s[j]) {
		j++
	}
	if j >= len(s) || s[j] != '@' || j == i {
		return i
	}
	k := j + 1
	for k < len(s) && (isASCIIAlnum(s[k]) || s[k] == '-' || s[k] == '.') {
		k++
	}
	for k > j+1 && s[k-1] == '.' {
		k--
	}
	lastDot := strings.LastIndexByte(s[j+1:k], '.')
	if lastDot >= 0 {
		lastDot += j + 1
	}
	if lastDot < 0 || lastDot >= k-2 || lastDot == j+1 {
		return i
	}
	return k
}

// tlds are the top-level domains recognised in bare domain names.
var tlds = map[string]bool{
	"com": true, "org": true, "net": true, "info": true, "news": true, "gov": true, "edu": true, "int": true,
	"am": true, "az": true, "ru": true, "fr": true, "eu": true, "io": true, "uk": true, "de": true,
	"tr": true, "ge": true, "ir": true, "us": true, "ch": true, "be": true, "tv": true, "media": true,
	"ua": true, "by": true, "kz": true, "it": true, "es": true, "ca": true,
}

// scanDomain matches a bare domain name "news.am", "www2.azertag.az" whose
// first label is s[start:end] (s[end] == '.'); it returns the end or end.
func scanDomain(s string, start, end int) int {
	e := end
	for e < len(s) && s[e] == '.' {
		j := e + 1
		k := j
		for k < len(s) && (isASCIIAlnum(s[k]) || s[k] == '-') {
			k++
		}
		if k == j {
			break
		}
		if r, _ := runeAt(s, k); k < len(s) && (wordRune(r) || r == '@') {
			return end
		}
		if tlds[s[j:k]] && (k == len(s) || s[k] != '.' || k+1 >= len(s) || !isASCIIAlnum(s[k+1])) {
			// Only a lower-case TLD ends a domain: "Arménie.Le" is a typo, not a host.
			return k
		}
		e = k
	}
	return end
}
