package text

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/vigie-news/vigie/article"
)

// Sentence is one sentence: its span (first token start to last token end)
// and its tokens.
type Sentence struct {
	article.Span
	Tokens []Token
}

// Analyze tokenises s and groups the tokens into sentences. Every token
// belongs to exactly one sentence; sentences are in order and do not
// overlap. lang is as for Tokenize.
func Analyze(s, lang string) []Sentence {
	r := rulesFor(lang)
	toks := tokenize(s, r)
	starts := split(s, toks, r)
	out := make([]Sentence, 0, len(starts))
	for k, a := range starts {
		b := len(toks)
		if k+1 < len(starts) {
			b = starts[k+1]
		}
		out = append(out, Sentence{
			Span:   article.Span{Start: toks[a].Start, End: toks[b-1].End},
			Tokens: toks[a:b:b],
		})
	}
	return out
}

// Sentences returns the spans of the sentences of s (see Analyze).
func Sentences(s, lang string) []article.Span {
	r := rulesFor(lang)
	sc := scratchPool.Get().(*scratch)
	t := tokenizer{s: s, r: r, toks: sc.toks[:0], arena: sc.arena[:0], pending: sc.pending[:0]}
	t.run()
	t.finish()
	toks := t.toks
	defer func() {
		if cap(toks) > maxPooledTokens {
			return
		}
		clear(toks) // let s go
		sc.toks, sc.arena, sc.pending = toks[:0], t.arena[:0], t.pending[:0]
		scratchPool.Put(sc)
	}()
	starts := split(s, toks, r)
	out := make([]article.Span, 0, len(starts))
	for k, a := range starts {
		b := len(toks)
		if k+1 < len(starts) {
			b = starts[k+1]
		}
		out = append(out, article.Span{Start: toks[a].Start, End: toks[b-1].End})
	}
	return out
}

// scratch is the reusable working memory of Sentences, whose tokens do
// not outlive the call.
type scratch struct {
	toks    []Token
	arena   []byte
	pending []pendingNorm
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooledTokens bounds the token buffers kept for reuse.
const maxPooledTokens = 1 << 16

// SentenceTokens groups toks (as returned by Tokenize on s) into sentences
// and returns the index of the first token of each.
func SentenceTokens(s string, toks []Token, lang string) []int {
	return split(s, toks, rulesFor(lang))
}

// split returns the indices of the tokens that start a sentence.
func split(s string, toks []Token, r *rules) []int {
	if len(toks) == 0 {
		return nil
	}
	starts := []int{0}
	brk := func(i int) {
		if i > starts[len(starts)-1] && i < len(toks) {
			starts = append(starts, i)
		}
	}
	for i := 1; i < len(toks); i++ {
		prev, cur := &toks[i-1], &toks[i]
		// Line breaks between the tokens.
		switch newlines(s[prev.End:cur.Start]) {
		case 0:
		case 1:
			if !lineContinues(r, prev, cur) {
				brk(i)
				continue
			}
		default:
			brk(i) // a paragraph break
			continue
		}
		if !isTerminal(toks, i-1) {
			continue
		}
		// Carry closing quotes and brackets with the sentence they end.
		j := i
		for j < len(toks) && isCloser(s, toks, j) {
			j++
		}
		if j >= len(toks) {
			break
		}
		if j > i && newlines(s[toks[j-1].End:toks[j].Start]) > 0 {
			i = j - 1 // the next iteration applies the line-break rules
			continue
		}
		if endsBefore(r, &toks[i-1], toks, j) {
			brk(j)
		}
		i = j
	}
	return starts
}

// newlines counts line breaks in a gap of white space: 0, 1, or 2 for a
// blank line (two line breaks with only spaces between).
func newlines(gap string) int {
	n := 0
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n':
			n++
			if n >= 2 {
				return 2
			}
		case '\r':
			if i+1 < len(gap) && gap[i+1] == '\n' {
				continue
			}
			n++
			if n >= 2 {
				return 2
			}
		}
	}
	if n == 0 && len(gap) >= 3 {
		// Unicode line and paragraph separators.
		for _, c := range gap {
			if c == '\u2029' {
				return 2
			}
			if c == '\u2028' || c == '\u0085' {
				n++
			}
		}
		if n > 2 {
			n = 2
		}
	}
	return n
}

// lineContinues reports whether a single line break between prev and cur
// is a soft wrap inside a sentence: the next line starts in lower case, or
// the line ends on a title, an initial, an elision, a comma or a hyphen.
func lineContinues(r *rules, prev, cur *Token) bool {
	if startsLower(cur.Text) {
		return true
	}
	switch prev.Kind {
	case Abbrev:
		return !mayEndSentence(r, prev.Text) || isInitial(prev.Text)
	case Punct:
		switch prev.Text {
		case ",", "-", "(", "[", "/":
			return true
		}
	case Word:
		last, _ := utf8.DecodeLastRuneInString(prev.Text)
		return isApostrophe(last)
	}
	return false
}

// isTerminal reports whether token i can end a sentence.
func isTerminal(toks []Token, i int) bool {
	t := &toks[i]
	switch t.Kind {
	case Abbrev:
		return true
	case Punct:
	default:
		return false
	}
	switch t.Text {
	case ".", ";", "։", "。", "؟", "¿":
		return true
	case "…", "...":
		// "(…)" and "[…]" mark a cut inside a quotation.
		if i > 0 && (toks[i-1].Text == "(" || toks[i-1].Text == "[") && toks[i-1].End == t.Start {
			return false
		}
		return true
	}
	for k := 0; k < len(t.Text); k++ {
		if t.Text[k] != '!' && t.Text[k] != '?' {
			return false
		}
	}
	return true
}

// isCloser reports whether token j closes a quotation or a bracket that
// belongs to the preceding sentence.
func isCloser(s string, toks []Token, j int) bool {
	t := &toks[j]
	if newlines(s[toks[j-1].End:t.Start]) > 0 {
		return false
	}
	switch t.Text {
	case ")", "]", "}", "»", "”", "›", "’", "\u201f", "」":
		return true
	case "\"", "'", "`", "´":
		// An ambiguous quote closes when it is attached to what precedes it
		// and not to what follows.
		if toks[j-1].End != t.Start {
			return false
		}
		if j+1 < len(toks) && toks[j+1].Start == t.End && toks[j+1].Kind == Word {
			return false
		}
		return true
	}
	return false
}

// endsBefore decides whether the sentence ending with terminal token term
// ends before token j (the first token after any closers).
func endsBefore(r *rules, term *Token, toks []Token, j int) bool {
	next := &toks[j]
	if term.Kind == Abbrev {
		if !mayEndSentence(r, term.Text) {
			return false
		}
		return isOpener(next) || next.Kind == Quote && isOpeningQuote(next.Text)
	}
	if term.Text == ";" {
		return true
	}
	switch next.Kind {
	case Punct:
		switch next.Text {
		case "(", "[", "{", "¿", "¡":
			return true
		case "-", "--", "–", "—", "•", "·", "*":
			// A dash after the end opens a new sentence unless the
			// sentence goes on in lower case ("! » — a-t-il dit").
			return !(j+1 < len(toks) && startsLower(toks[j+1].Text))
		}
		return false
	case Word, Abbrev:
		return !startsLower(next.Text)
	}
	return true
}

// starters are folded words that typically open a sentence; after an
// abbreviation that may end a sentence ("etc.", "U.S.", an initial) a
// capitalised starter means a new sentence.
var starters = map[string]bool{
	"le": true, "la": true, "les": true, "l'": true, "un": true, "une": true, "des": true, "il": true,
	"elle": true, "ils": true, "elles": true, "on": true, "nous": true, "vous": true, "je": true,
	"ce": true, "cette": true, "ces": true, "cet": true, "c'": true, "mais": true, "et": true, "selon": true,
	"en": true, "dans": true, "pour": true, "apres": true, "avant": true, "depuis": true, "lors": true,
	"par": true, "sur": true, "au": true, "aux": true, "du": true, "de": true, "d'": true, "cela": true,
	"ceci": true, "qu'": true, "j'": true, "s'": true, "n'": true, "a": true, "si": true, "son": true,
	"sa": true, "ses": true, "leur": true, "leurs": true, "toutefois": true, "cependant": true,
	"pourtant": true, "ainsi": true, "alors": true, "puis": true, "enfin": true,
	"the": true, "an": true, "he": true, "she": true, "it": true, "they": true, "we": true,
	"i": true, "this": true, "that": true, "these": true, "those": true, "but": true, "and": true,
	"in": true, "at": true, "for": true, "after": true, "before": true, "according": true,
	"his": true, "her": true, "their": true, "its": true, "there": true, "however": true,
	"meanwhile": true, "as": true, "while": true, "when": true, "since": true, "if": true,
	"our": true, "my": true, "you": true, "yet": true, "so": true, "then": true, "also": true,
}

// isOpener reports a capitalised word that typically opens a sentence.
func isOpener(t *Token) bool {
	if t.Kind != Word || startsLower(t.Text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r) && starters[t.Norm]
}

func isOpeningQuote(q string) bool {
	switch q {
	case "«", "“", "„", "‹", "\"", "‘", "「":
		return true
	}
	return false
}

// isInitial reports a one-letter abbreviation such as "J.".
func isInitial(tok string) bool {
	r, w := utf8.DecodeRuneInString(tok)
	return unicode.IsUpper(r) && tok[w:] == "."
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
