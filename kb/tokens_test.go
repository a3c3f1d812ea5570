package kb

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/vigie-news/vigie/translit"
)

// referenceTokens is Tokens as first written: one rune at a time,
// folding with translit.Fold.
func referenceTokens(text string) []Token {
	toks := make([]Token, 0, len(text)/6+1)
	start := -1
	upper, allUpper := false, true
	flush := func(end int) {
		if start >= 0 {
			w := text[start:end]
			toks = append(toks, Token{Start: start, End: end, Fold: translit.Fold(w), Upper: upper, AllUpper: allUpper})
		}
		start = -1
	}
	for i := 0; i < len(text); {
		c := text[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		isWord := false
		if c < utf8.RuneSelf {
			isWord = ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
		} else {
			isWord = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		}
		if isWord {
			if start < 0 {
				start = i
				upper = unicode.IsUpper(r)
				allUpper = true
			}
			if unicode.IsLower(r) {
				allUpper = false
			}
		} else {
			flush(i)
		}
		i += size
	}
	flush(len(text))
	return toks
}

var tokenTexts = []string{
	"",
	"Le ministre arménien Ararat Mirzoyan a rencontré Djeyhoun Baïramov à Tbilissi.",
	"NATO and the OSCE; l’ONU, d'Artsakh — 12 mai 2023",
	"Œuvre ÉTAT Ünal ǅemal n̈ \xff\xfe bad bytes",
	"trailing word",
}

// TestAppendTokens checks Tokens and AppendTokens with a cached fold
// against the reference tokenizer.
func TestAppendTokens(t *testing.T) {
	cache := map[string]string{}
	cached := func(w string) string {
		if f, ok := cache[w]; ok {
			return f
		}
		f := translit.Fold(w)
		cache[strings.Clone(w)] = f
		return f
	}
	for _, text := range tokenTexts {
		want := referenceTokens(text)
		if got := Tokens(text); !slices.Equal(got, want) {
			t.Errorf("Tokens(%q) = %+v, want %+v", text, got, want)
		}
		if got := AppendTokens(nil, text, cached); !slices.Equal(got, want) {
			t.Errorf("AppendTokens(%q) = %+v, want %+v", text, got, want)
		}
	}
}

// FuzzTokens checks Tokens against the reference tokenizer on arbitrary
// text.
func FuzzTokens(f *testing.F) {
	for _, s := range tokenTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := Tokens(text), referenceTokens(text); !slices.Equal(got, want) {
			t.Fatalf("Tokens(%q) = %+v, want %+v", text, got, want)
		}
	})
}
