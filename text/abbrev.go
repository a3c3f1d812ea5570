package text

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed abbrev_fr.txt
var abbrevFR string

//go:embed abbrev_en.txt
var abbrevEN string

// abbrevClass says how an abbreviation behaves at a sentence boundary.
type abbrevClass uint8

const (
	abbrevNone  abbrevClass = iota
	abbrevTitle             // never ends a sentence: "M.", "Dr.", "av."
	abbrevWeak              // ends a sentence only before a typical opener: "etc.", "U.S.", "janv."
)

// rules holds the language-specific behaviour of the tokeniser and splitter.
type rules struct {
	elision     bool // French elisions and inverted pronouns
	clitics     bool // English clitics ('s, n't, 're …)
	spaceGroups bool // digit groups separated by a plain space ("1 000")
	abbrevs     map[string]abbrevClass
}

var (
	rulesFR  = newRules(true, false, true, abbrevFR)
	rulesEN  = newRules(false, true, false, abbrevEN)
	rulesAny = newRules(true, true, true, abbrevFR, abbrevEN)
)

// parseAbbrevs reads an abbreviation list: one "abbrev class" per line,
// '#' comments and blank lines ignored. Unknown classes count as weak.
func parseAbbrevs(m map[string]abbrevClass, data string) {
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		c := abbrevWeak
		if len(f) > 1 && f[1] == "title" {
			c = abbrevTitle
		}
		if old, ok := m[f[0]]; ok && old == abbrevWeak {
			c = abbrevWeak // the cautious class wins when lists disagree
		}
		m[f[0]] = c
	}
}

func newRules(elision, clitics, spaceGroups bool, lists ...string) *rules {
	m := make(map[string]abbrevClass)
	for _, l := range lists {
		parseAbbrevs(m, l)
	}
	return &rules{elision: elision, clitics: clitics, spaceGroups: spaceGroups, abbrevs: m}
}

// rulesFor returns the rules for an ISO 639-1 code ("fr", "en", "fr-FR");
// any other code gets the union of the French and English rules.
func rulesFor(lang string) *rules {
	if len(lang) >= 2 {
		switch strings.ToLower(lang[:2]) {
		case "fr":
			return rulesFR
		case "en":
			return rulesEN
		}
	}
	return rulesAny
}

// abbrev returns the class of word (without its period): an exact entry,
// or a lower-case entry matched by a capitalised word.
func (r *rules) abbrev(word string) abbrevClass {
	if c, ok := r.abbrevs[word]; ok {
		return c
	}
	first, w := utf8.DecodeRuneInString(word)
	if unicode.IsUpper(first) {
		if c, ok := r.abbrevs[string(unicode.ToLower(first))+word[w:]]; ok {
			return c
		}
	}
	return abbrevNone
}

// mayEndSentence reports whether the Abbrev token text tok (with its period)
// may end a sentence: false for titles such as "M." or "Dr." that always
// introduce what follows.
func mayEndSentence(r *rules, tok string) bool {
	word := strings.TrimSuffix(tok, ".")
	return r.abbrev(word) != abbrevTitle
}
