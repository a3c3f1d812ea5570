package lexicon

import (
	"strings"
	"testing"
)

// nounsLikeVerbs are French trigger nouns that end like an infinitive.
var nounsLikeVerbs = map[string]bool{"militaire": true, "signature": true, "mensonger": true, "lettre": true}

// TestFrenchTriggerVerbsInTable checks that the generated inflection table
// knows every French trigger verb: a trigger added to triggers.txt without
// running the generator (`go generate ./event/lexicon`) would otherwise
// match its infinitive only, never "a adopté" or "ont signé".
func TestFrenchTriggerVerbsInTable(t *testing.T) {
	trs, err := Triggers()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, line := range strings.Split(frVerbsTxt, "\n") {
		if f := strings.Split(line, "\t"); len(f) == 3 {
			known[f[1]] = true
		}
	}
	for _, tr := range trs {
		if tr.Lang != "fr" {
			continue
		}
		// The anchor and the first token are the verbs of verbal patterns.
		for _, p := range []string{tr.Pattern[tr.Anchor], tr.Pattern[0]} {
			if len(p) <= 4 || nounsLikeVerbs[p] || !(strings.HasSuffix(p, "er") || strings.HasSuffix(p, "ir") ||
				strings.HasSuffix(p, "dre") || strings.HasSuffix(p, "ttre") || strings.HasSuffix(p, "ure") || strings.HasSuffix(p, "ire")) {
				continue
			}
			if !known[p] {
				t.Errorf("trigger %v: verb %q is not in fr_verbs.txt (run go generate ./event/lexicon)", tr.Pattern, p)
			}
		}
	}
}

// TestAnalyze checks a few inflected forms of the generated table.
func TestAnalyze(t *testing.T) {
	cases := []struct{ form, lemma string }{
		{"adoptee", "adopter"}, {"opposent", "opposer"}, {"rencontres", "rencontrer"}, {"signe", "signer"},
		{"met", "meet"}, {"visited", "visit"}, {"shelled", "shell"},
	}
	for _, c := range cases {
		lang := "fr"
		if c.form == "met" || c.form == "visited" || c.form == "shelled" {
			lang = "en"
		}
		found := false
		for _, a := range Analyze(lang, c.form) {
			found = found || a.Lemma == c.lemma
		}
		if !found {
			t.Errorf("Analyze(%s, %q) lacks lemma %q: %v", lang, c.form, c.lemma, Analyze(lang, c.form))
		}
	}
}
