package entity

import (
	"slices"
	"testing"

	"github.com/vigie-news/vigie/kb"
)

// TestAppendTokens checks that the pooled tokenizer splits and folds like
// kb.Tokens, which the KB matcher is built for.
func TestAppendTokens(t *testing.T) {
	for _, text := range []string{
		"",
		"Le ministre arménien Ararat Mirzoyan a rencontré Djeyhoun Baïramov à Tbilissi.",
		"NATO and the OSCE; l’ONU, d'Artsakh — 12 mai 2023",
		"Œuvre ÉTAT Ünal ǅemal n̈ \xff\xfe bad bytes",
		"trailing word",
	} {
		got := newState().appendTokens(nil, text)
		if want := kb.Tokens(text); !slices.Equal(got, want) {
			t.Errorf("appendTokens(%q) = %+v, want %+v", text, got, want)
		}
	}
}

// FuzzAppendTokens checks the pooled tokenizer against kb.Tokens on
// arbitrary text.
func FuzzAppendTokens(f *testing.F) {
	f.Add("Le président Ilham Aliev, l’Azerbaïdjan et NATO.")
	f.Add("Œ\xffÉ ǅ 9a")
	f.Fuzz(func(t *testing.T, text string) {
		got := newState().appendTokens(nil, text)
		if want := kb.Tokens(text); !slices.Equal(got, want) {
			t.Fatalf("appendTokens(%q) = %+v, want %+v", text, got, want)
		}
	})
}
