package lexicon

import "strings"

// enAux are English verbs the factuality rules look at.
var enAux = []string{"hold", "conduct", "begin", "start", "resume", "attend", "participate", "join", "be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "plan", "expect", "hope", "intend", "refuse", "fail", "agree",
	"launch", "mount", "carry", "stage", "kill", "say", "tell", "add", "state", "claim", "report", "announce", "insist"}

// enIrregular lists irregular English verbs: lemma, simple past, past participle.
var enIrregular = map[string][2]string{
	"meet": {"met", "met"}, "hold": {"held", "held"}, "speak": {"spoke", "spoken"},
	"send": {"sent", "sent"}, "strike": {"struck", "struck"}, "be": {"was", "been"},
	"have": {"had", "had"}, "do": {"did", "done"}, "shoot": {"shot", "shot"},
	"fight": {"fought", "fought"}, "withdraw": {"withdrew", "withdrawn"},
	"seek": {"sought", "sought"}, "give": {"gave", "given"}, "take": {"took", "taken"},
	"tell": {"told", "told"}, "say": {"said", "said"}, "make": {"made", "made"},
	"bring": {"brought", "brought"}, "come": {"came", "come"}, "go": {"went", "gone"},
	"sit": {"sat", "sat"}, "begin": {"began", "begun"}, "break": {"broke", "broken"},
	"shall": {"should", "should"}, "will": {"would", "would"}, "can": {"could", "could"},
	"may": {"might", "might"}, "bomb": {"bombed", "bombed"}, "open": {"opened", "opened"},
	"visit": {"visited", "visited"}, "host": {"hosted", "hosted"}, "fire": {"fired", "fired"},
}

// EnglishForms returns the inflected forms of an English verb or noun
// lemma mapped to Lefff-style tense letters: P present, J past, K past
// participle, G gerund, W base form.
func EnglishForms(lemma string) map[string]string {
	out := map[string]string{}
	add := func(f, t string) {
		if !strings.Contains(out[f], t) {
			out[f] += t
		}
	}
	add(lemma, "WP")
	n := len(lemma)
	if n == 0 {
		return out
	}
	last := lemma[n-1]
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	// third person singular / plural noun
	switch {
	case strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "sh") || strings.HasSuffix(lemma, "ch") || strings.HasSuffix(lemma, "x") || strings.HasSuffix(lemma, "z"):
		add(lemma+"es", "P")
	case last == 'y' && n > 1 && !vowel(lemma[n-2]):
		add(lemma[:n-1]+"ies", "P")
	default:
		add(lemma+"s", "P")
	}
	if irr, ok := enIrregular[lemma]; ok {
		add(irr[0], "J")
		add(irr[1], "K")
	} else {
		var ed string
		switch {
		case last == 'e':
			ed = lemma + "d"
		case last == 'y' && n > 1 && !vowel(lemma[n-2]):
			ed = lemma[:n-1] + "ied"
		case n >= 3 && !vowel(last) && vowel(lemma[n-2]) && !vowel(lemma[n-3]) && strings.IndexByte("wxy", last) < 0 && n <= 4:
			ed = lemma + string(last) + "ed"
		default:
			ed = lemma + "ed"
		}
		add(ed, "JK")
	}
	switch {
	case last == 'e' && n > 2 && lemma[n-2] != 'e':
		add(lemma[:n-1]+"ing", "G")
	case n >= 3 && !vowel(last) && vowel(lemma[n-2]) && !vowel(lemma[n-3]) && strings.IndexByte("wxy", last) < 0 && n <= 4:
		add(lemma+string(last)+"ing", "G")
	default:
		add(lemma+"ing", "G")
	}
	return out
}
