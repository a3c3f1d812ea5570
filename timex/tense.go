package timex

import "strings"

// Tense directions read from a clause.
const (
	tenseUnknown = 0
	tensePast    = -1
	tenseFuture  = 1
	tensePresent = 2
)

// frAux are forms of avoir and être that build compound past tenses.
var frAux = map[string]bool{
	"a": true, "ont": true, "avait": true, "avaient": true, "ai": true, "avons": true, "avez": true,
	"as": true, "est": true, "sont": true, "etait": true, "etaient": true, "avoir": true, "etre": true,
	"eut": true, "eurent": true, "fut": true, "furent": true, "suis": true, "sommes": true,
}

// frSkip are words that may stand between an auxiliary and its participle.
var frSkip = map[string]bool{
	"pas": true, "deja": true, "egalement": true, "aussi": true, "notamment": true, "ensuite": true,
	"finalement": true, "bien": true, "ne": true, "n": true, "'": true, "plus": true, "jamais": true,
	"enfin": true, "encore": true, "d": true, "abord": true, "alors": true, "meme": true, "toujours": true,
	"donc": true, "ainsi": true, "pourtant": true, "officiellement": true, "longuement": true, ",": true,
	"eu": false,
}

// enIrregularPast are common irregular English past forms.
var enIrregularPast = map[string]bool{
	"met": true, "said": true, "told": true, "held": true, "took": true, "came": true, "went": true,
	"made": true, "spoke": true, "gave": true, "sent": true, "began": true, "broke": true,
	"fought": true, "left": true, "saw": true, "led": true, "won": true, "lost": true, "shot": true,
	"struck": true, "fled": true, "kept": true, "paid": true, "wrote": true, "brought": true,
	"thought": true, "sought": true, "became": true, "ran": true, "rose": true, "fell": true,
	"stood": true, "drew": true, "flew": true, "chose": true, "sat": true, "got": true, "heard": true,
	"found": true, "felt": true, "did": true, "was": true, "were": true, "had": true, "spent": true,
	"hit": false, "arrived": true, "agreed": true, "signed": true,
}

// enNotPast are -ed words that are not past forms.
var enNotPast = map[string]bool{
	"need": true, "speed": true, "united": true, "red": true, "bed": true, "feed": true, "seed": true,
	"indeed": true, "hundred": true, "based": true, "armed": true, "proceed": true, "exceed": true,
	"succeed": true, "expected": true, "scheduled": true, "planned": true, "supposed": true,
	"alleged": true, "disputed": true, "concerned": true, "related": true, "limited": true,
	"advanced": true, "detailed": true, "continued": false, "embed": true, "shed": true,
	"breed": true, "led": false, "wed": true, "ted": true, "ahmed": true, "mohammed": true,
	"muhammad": true, "hamed": true, "qualified": true, "unprecedented": true, "occupied": true,
}

// signal returns the tense a word at token k signals, 0 for none.
func (p *matcher) signal(k int) int {
	t := p.toks[k]
	if t.k != tkWord {
		return tenseUnknown
	}
	w := t.w
	raw := p.text[t.s:t.e]
	// English.
	switch w {
	case "will", "shall", "ll", "tomorrow":
		return tenseFuture
	case "going", "due", "scheduled", "expected", "planned", "plans", "set":
		if p.w(k+1) == "to" {
			return tenseFuture
		}
	case "to":
		// "to meet", "to be held" (headline infinitive)
		if k+1 < len(p.toks) && p.toks[k+1].k == tkWord && !p.toks[k+1].up && p.lang != "fr" {
			switch p.w(k + 1) {
			case "the", "a", "an", "his", "her", "their", "its", "this", "that", "be":
				if p.w(k+1) == "be" {
					return tenseFuture
				}
			default:
				return tenseFuture
			}
		}
	case "would":
		return tenseFuture
	case "did", "was", "were", "had":
		return tensePast
	case "has", "have":
		if p.lang != "fr" {
			if k+1 < len(p.toks) && (strings.HasSuffix(p.w(k+1), "ed") || enIrregularPast[p.w(k+1)] || p.w(k+1) == "been") {
				return tensePast
			}
			if k+2 < len(p.toks) && (strings.HasSuffix(p.w(k+2), "ed") || enIrregularPast[p.w(k+2)] || p.w(k+2) == "been") {
				return tensePast
			}
			return tensePresent
		}
	case "is", "are", "meets", "says", "holds":
		if p.lang != "fr" {
			if p.w(k+1) == "to" {
				return tenseFuture
			}
			if strings.HasSuffix(p.w(k+1), "ing") {
				return tenseFuture // "is meeting on Friday"
			}
			return tensePresent
		}
	}
	if p.lang != "fr" {
		if enIrregularPast[w] && w != "hit" {
			return tensePast
		}
		if len(w) > 4 && strings.HasSuffix(w, "ed") && !enNotPast[w] && raw[0] >= 'a' {
			return tensePast
		}
	}
	if p.lang == "en" {
		return tenseUnknown
	}
	// French.
	switch w {
	case "va", "vont", "allait", "allaient", "doit", "doivent", "devrait", "devraient", "devra",
		"devront", "prevoit", "prevoient", "compte", "comptent", "entend", "entendent":
		if nx := p.w(k + 1); isInfinitive(nx) || nx == "se" || nx == "s" || nx == "y" || nx == "lui" || nx == "leur" {
			return tenseFuture
		}
		if w == "devra" || w == "devront" || w == "devrait" || w == "devraient" {
			return tenseFuture
		}
	case "prevu", "prevue", "prevus", "prevues", "programme", "programmee", "attendu", "attendue":
		return tenseFuture
	}
	if frAux[w] && !(w == "a" && raw != "a") && !(w == "as" && p.lang != "fr") {
		for j := k + 1; j < len(p.toks) && j <= k+4; j++ {
			x := p.w(j)
			if frSkip[x] || (p.toks[j].k == tkWord && (x == "il" || x == "elle" || x == "ils" || x == "on" || x == "t")) || x == "-" {
				continue
			}
			if x == "prevu" || x == "prevue" || x == "prevus" || x == "prevues" {
				return tenseFuture
			}
			if p.isParticiple(j) {
				return tensePast
			}
			break
		}
		switch w {
		case "avait", "avaient", "etait", "etaient", "fut", "furent", "eut", "eurent":
			return tensePast
		}
		return tenseUnknown
	}
	n := len(w)
	switch {
	case n > 5 && (strings.HasSuffix(w, "raient") || strings.HasSuffix(w, "rait")):
		return tenseFuture // conditionnel
	case n > 4 && (strings.HasSuffix(w, "ront") || strings.HasSuffix(w, "rons")):
		return tenseFuture
	case n > 3 && strings.HasSuffix(w, "ra") && !strings.HasSuffix(w, "rra") || strings.HasSuffix(w, "rra") || w == "sera" || w == "aura" || w == "fera" || w == "ira":
		if n > 3 && !frNotFuture[w] {
			return tenseFuture
		}
	case strings.HasSuffix(raw, "èrent") || n > 5 && (strings.HasSuffix(w, "irent") || strings.HasSuffix(w, "urent")):
		return tensePast
	case n > 5 && (strings.HasSuffix(w, "aient") || strings.HasSuffix(w, "ait")) && !frNotImparfait[w]:
		return tensePast
	case n > 4 && strings.HasSuffix(w, "ent") && !strings.HasSuffix(w, "ment") && !frNotVerbEnt[w]:
		return tensePresent
	}
	return tenseUnknown
}

var frNotFuture = map[string]bool{
	"extra": true, "opera": true, "cobra": true, "tiara": true, "sierra": true, "camera": true,
	"zebra": true, "sahara": true, "ankara": true, "angora": true, "agora": true, "diaspora": true,
	"astra": true, "mantra": true, "tantra": true, "madra": true, "hydra": true, "ultra": true,
	"contra": true, "libera": true, "era": true, "terra": true, "andorra": true, "sera": false,
}

var frNotImparfait = map[string]bool{
	"souhait": true, "portrait": true, "extrait": true, "retrait": true, "attrait": true,
	"distrait": true, "abstrait": true, "bienfait": true, "forfait": true, "methfait": true,
	"parfait": true, "imparfait": true, "plait": true, "connait": true, "parait": true,
	"apparait": true, "disparait": true, "satisfait": true, "refait": true, "trait": true,
}

var frNotVerbEnt = map[string]bool{
	"president": true, "accident": true, "incident": true, "agent": true, "argent": true,
	"moment": true, "gouvernement": true, "parlement": true, "evident": true, "urgent": true,
	"recent": true, "different": true, "permanent": true, "continent": true, "talent": true,
	"client": true, "patient": true, "silent": true, "present": true, "precedent": true,
	"document": true, "comment": true, "sent": true, "cent": true, "vent": true, "dent": true,
	"lent": true, "souvent": true, "occident": true, "adjacent": true, "equivalent": true,
	"independent": true, "prudent": true, "intelligent": true, "excellent": true,
	"latent": true, "parent": true, "apparent": true, "violent": true, "serpent": true,
	"content": true, "element": true, "event": true, "student": true, "current": true,
	"statement": true, "government": true, "agreement": true, "parliament": true,
}

// isInfinitive reports a French infinitive ending.
func isInfinitive(w string) bool {
	if len(w) < 4 {
		return false
	}
	return strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ir") || strings.HasSuffix(w, "re") ||
		strings.HasSuffix(w, "oir")
}

// isParticiple reports a French past participle at token j.
func (p *matcher) isParticiple(j int) bool {
	if j >= len(p.toks) || p.toks[j].k != tkWord {
		return false
	}
	raw := p.text[p.toks[j].s:p.toks[j].e]
	for _, s := range []string{"é", "ée", "és", "ées", "É"} {
		if strings.HasSuffix(raw, s) {
			return true
		}
	}
	w := p.toks[j].w
	if len(w) < 2 {
		return false
	}
	switch w {
	case "eu", "ete", "fait", "dit", "pris", "mis", "ecrit", "ouvert", "offert", "permis", "promis",
		"admis", "conclu", "reconnu", "vu", "lu", "su", "pu", "du", "recu", "venu", "tenu", "obtenu",
		"soutenu", "intervenu", "parvenu", "convenu", "revenu", "devenu", "entretenu", "detenu",
		"maintenu", "rejoint", "atteint", "craint", "peint", "eteint", "mort", "ne", "parti", "sorti",
		"rendu", "repondu", "attendu", "entendu", "perdu", "vendu", "descendu", "defendu", "suspendu",
		"reuni", "reunis", "reunie", "reunies", "fini", "choisi", "saisi", "accueilli", "reussi",
		"transmis", "remis", "soumis", "compris", "repris", "surpris", "appris", "entrepris":
		return true
	}
	return (strings.HasSuffix(w, "us") || strings.HasSuffix(w, "ue") || strings.HasSuffix(w, "ues") ||
		strings.HasSuffix(w, "is") || strings.HasSuffix(w, "ies") || strings.HasSuffix(w, "int") ||
		strings.HasSuffix(w, "ert")) && len(w) > 3
}

// clauseBreak reports whether token k ends a clause for tense reading.
func (p *matcher) clauseBreak(k int) bool {
	switch p.toks[k].w {
	case ";", ":", "(", ")", "—", "–", "\"", "?", "!":
		return true
	}
	return false
}

// tense reads the tense governing tokens [a, b) within sentence bounds
// [lo, hi): the nearest signal, left ones first on ties.
func (p *matcher) tense(a, b, lo, hi int) int {
	const window = 14
	left, right := tenseUnknown, tenseUnknown
	dl, dr := window+1, window+1
	for k := a - 1; k >= lo && a-k <= window; k-- {
		if p.clauseBreak(k) {
			break
		}
		if s := p.signal(k); s != tenseUnknown {
			left, dl = s, a-k
			break
		}
	}
	for k := b; k < hi && k-b < window; k++ {
		if p.clauseBreak(k) {
			break
		}
		if s := p.signal(k); s != tenseUnknown {
			right, dr = s, k-b+1
			break
		}
	}
	switch {
	case left == tenseUnknown:
		return right
	case right == tenseUnknown:
		return left
	case dr < dl:
		return right
	}
	return left
}
