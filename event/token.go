package event

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of a sentence.
type token struct {
	start, end int    // byte offsets in the article text
	norm       string // folded form ("s'" is normalised to "se", "l'" to "le", ...)
	punct      bool
	hyphened   bool // joined by a hyphen to the word before ("Chairman-in-Office")
}

// elisions maps folded elided French forms to their full form.
var elisions = map[string]string{
	"l": "le", "d": "de", "s": "se", "n": "ne", "qu": "que", "j": "je",
	"m": "me", "t": "te", "c": "ce", "jusqu": "jusque", "lorsqu": "lorsque",
	"puisqu": "puisque", "quoiqu": "quoique",
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

// tokenizeInto splits text[start:end] into tokens, appended to ws as
// words without readings. Words are runs of letters and digits; a French
// elided prefix ("l'", "s'", "qu'") is its own token; hyphens split words;
// every other non-space rune is a punctuation token. Tokens are folded
// with lc.foldWord.
func tokenizeInto(ws []word, text string, start, end int, lc *lexCache) []word {
	i := start
	for i < end {
		r, sz := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, sz = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isWordRune(r):
			j := i
			plain := true // no upper-case or non-ASCII letter: folds to itself
			for j < end {
				if c := text[j]; c < utf8.RuneSelf {
					if asciiWord[c] {
						if 'A' <= c && c <= 'Z' {
							plain = false
						}
						j++
						continue
					}
					break
				}
				r2, sz2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2) {
					plain = false
					j += sz2
					continue
				}
				break
			}
			w := text[i:j]
			if !plain {
				w = lc.foldWord(w)
			}
			if j < end {
				r2, sz2 := utf8.DecodeRuneInString(text[j:])
				if isApos(r2) {
					if full, ok := elisions[w]; ok {
						if w == "s" && (strings.HasPrefix(text[j+sz2:], "il") || strings.HasPrefix(text[j+sz2:], "Il")) {
							full = "si" // "s'il", "s'ils": the conjunction si
						}
						ws = append(ws, word{token: token{start: i, end: j + sz2, norm: full}})
						i = j + sz2
						continue
					}
				}
			}
			ws = append(ws, word{token: token{start: i, end: j, norm: w, hyphened: i > start && isHyphen(text, i)}})
			i = j
		case unicode.IsSpace(r) || r == '-' || r == '‑' || r == '‐':
			i += sz
		default:
			ws = append(ws, word{token: token{start: i, end: i + sz, norm: lc.foldWord(text[i : i+sz]), punct: true}})
			i += sz
		}
	}
	return ws
}

// asciiWord tells the ASCII bytes that are letters or digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))
	}
	return t
}()

// isWordRune reports whether r starts a word: a letter or a digit.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isHyphen reports whether the rune ending right before byte i is a hyphen.
func isHyphen(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r == '-' || r == '‑' || r == '‐'
}
