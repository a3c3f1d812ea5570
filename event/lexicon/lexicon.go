// Package lexicon holds vigie's event trigger lexicons for French and
// English and the lemmatiser they are matched with: a French form→lemma
// table generated from the Lefff (see gen/) and English inflections
// generated from rules plus a list of irregular verbs.
//
// Triggers are matched on lemmas, so that one entry ("se rencontrer")
// covers every conjugation and agreement ("se sont rencontrés",
// "se rencontreront", "s'est rencontrée").
package lexicon

//go:generate go run ./gen -triggers triggers.txt -out fr_verbs.txt

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed triggers.txt
var triggersTxt string

//go:embed fr_verbs.txt
var frVerbsTxt string

// Trigger is one lexicon entry.
type Trigger struct {
	// Lang is "fr" or "en".
	Lang string
	// Type is the PLOVER event type ("CONSULT").
	Type string
	// Mode is the default mode ("meet", "phone"), "" for none.
	Mode string
	// Frame says how arguments are read: "sym", "dir", "host" or "pass".
	Frame string
	// Pattern is the sequence of folded lemmas; "*" skips up to three tokens.
	Pattern []string
	// Anchor is the index in Pattern of the trigger word.
	Anchor int
}

// Gap is the pattern token that skips up to MaxGap tokens.
const Gap = "*"

// MaxGap is how many tokens a Gap may skip.
const MaxGap = 3

// Tense letters of the French table (Lefff conventions).
const (
	TensePresent     = 'P'
	TenseImperfect   = 'I'
	TenseSimplePast  = 'J'
	TenseFuture      = 'F'
	TenseConditional = 'C'
	TenseSubjunctive = 'S'
	TenseImperative  = 'Y'
	TenseGerund      = 'G'
	TenseParticiple  = 'K'
	TenseInfinitive  = 'W'
)

// Analysis is one reading of a word form.
type Analysis struct {
	Lemma  string
	Tenses string // Lefff tense letters; "" for non-verbs
}

type tables struct {
	triggers []Trigger
	forms    map[string]map[string][]Analysis // lang -> form -> analyses
	err      error
}

var (
	loadOnce sync.Once
	loaded   tables
)

func load() *tables {
	loadOnce.Do(func() {
		loaded.triggers, loaded.err = ParseTriggers(triggersTxt)
		loaded.forms = map[string]map[string][]Analysis{"fr": {}, "en": {}}
		for _, line := range strings.Split(frVerbsTxt, "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) != 3 {
				continue
			}
			loaded.forms["fr"][f[0]] = append(loaded.forms["fr"][f[0]], Analysis{Lemma: f[1], Tenses: f[2]})
		}
		verbs := map[string]bool{}
		for _, t := range loaded.triggers {
			if t.Lang != "en" {
				continue
			}
			for _, p := range t.Pattern {
				verbs[p] = true
			}
		}
		for _, v := range enAux {
			verbs[v] = true
		}
		for v := range verbs {
			for form, tense := range EnglishForms(v) {
				loaded.forms["en"][form] = append(loaded.forms["en"][form], Analysis{Lemma: v, Tenses: tense})
			}
		}
	})
	return &loaded
}

// Triggers returns the trigger lexicon.
func Triggers() ([]Trigger, error) {
	t := load()
	return t.triggers, t.err
}

// ParseTriggers parses lexicon lines "lang TYPE mode frame pattern...".
func ParseTriggers(s string) ([]Trigger, error) {
	var out []Trigger
	for n, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 5 {
			return nil, fmt.Errorf("parsing trigger line %d %q: want lang type mode frame pattern", n+1, line)
		}
		t := Trigger{Lang: f[0], Type: f[1], Mode: f[2], Frame: f[3]}
		if t.Mode == "-" {
			t.Mode = ""
		}
		switch t.Frame {
		case "sym", "dir", "host", "pass":
		default:
			return nil, fmt.Errorf("parsing trigger line %d: unknown frame %q", n+1, t.Frame)
		}
		for i, p := range f[4:] {
			if strings.HasPrefix(p, "!") {
				t.Anchor = i
				p = p[1:]
			}
			t.Pattern = append(t.Pattern, p)
		}
		if t.Pattern[0] == Gap || t.Pattern[len(t.Pattern)-1] == Gap || t.Pattern[t.Anchor] == Gap {
			return nil, fmt.Errorf("parsing trigger line %d: a gap cannot start, end or anchor a pattern", n+1)
		}
		out = append(out, t)
	}
	return out, nil
}

// Analyze returns the readings of a folded word form in lang: verb
// readings from the inflection tables, and the form itself and its
// singular as non-verb readings.
func Analyze(lang, form string) []Analysis {
	t := load()
	out := append([]Analysis(nil), t.forms[lang][form]...)
	out = append(out, Analysis{Lemma: form})
	if n := len(form); n > 3 {
		switch {
		case lang == "en" && strings.HasSuffix(form, "ies"):
			out = append(out, Analysis{Lemma: form[:n-3] + "y"})
		case lang == "en" && strings.HasSuffix(form, "es"):
			out = append(out, Analysis{Lemma: form[:n-2]}, Analysis{Lemma: form[:n-1]})
		case form[n-1] == 's' || (lang == "fr" && form[n-1] == 'x'):
			out = append(out, Analysis{Lemma: form[:n-1]})
		}
	}
	return out
}
