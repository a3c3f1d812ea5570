package event

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/translit"
)

// The dyad of an article is the pair of states it is mainly about: the
// pair most often coordinated ("entre l'Arménie et l'Azerbaïdjan",
// "arménien et azerbaïdjanais", "Armenia and Azerbaijan"), or else the two
// states most often mentioned (persons count for their country). Phrases
// such as "les deux pays", "aux deux parties", "les dirigeants des deux
// pays", "both sides" or "the two leaders" stand for that pair: they become
// two actor mentions, one per state, which the role-phrase logic may then
// resolve to the named persons holding the role.

// dyadHeads are the nouns that, after "deux"/"two"/"both", name the two
// sides of the dyad as states; roleHeads name them as role holders.
var dyadHeads = map[string]bool{
	"pays": true, "parties": true, "camps": true, "cotes": true, "etats": true, "voisins": true,
	"republiques": true, "nations": true, "belligerants": true, "adversaires": true, "gouvernements": true,
	"capitales": true,
	"countries": true, "sides": true, "states": true, "neighbours": true, "neighbors": true,
	"governments": true, "capitals": true, "republics": true,
}

var dyadRoleHeads = map[string]bool{
	"dirigeants": true, "leaders": true, "presidents": true, "chefs": true, "ministres": true,
	"delegations": true, "homologues": true, "diplomaties": true,
	"ministers": true, "heads": true, "counterparts": true,
}

// dyadPhrase reports whether words[i:] start a phrase standing for the two
// sides, returning its end (exclusive) and whether it names role holders.
func dyadPhrase(ws []word, i int) (end int, role bool, ok bool) {
	n := ws[i].norm
	switch n {
	case "deux", "two", "both":
		if i+1 >= len(ws) {
			return 0, false, false
		}
		// "les deux", "des deux", "aux deux", "the two", "both": not "deux jours".
		if n == "deux" || n == "two" {
			if i == 0 {
				return 0, false, false
			}
			switch ws[i-1].norm {
			case "les", "des", "aux", "le", "the", "entre", "between":
			default:
				return 0, false, false
			}
		}
		h := ws[i+1].norm
		if dyadHeads[h] {
			return i + 2, false, true
		}
		if dyadRoleHeads[h] {
			return i + 2, true, true
		}
	case "parties", "sides":
		// "Les parties ont convenu", "the sides agreed": definite plural only.
		if i > 0 && (ws[i-1].norm == "les" || ws[i-1].norm == "the") && i+1 < len(ws) && isFiniteVerb(&ws[i+1]) {
			return i + 1, false, true
		}
	}
	return 0, false, false
}

// maxJoinGap bounds the folded length of a gap that joined can accept:
// the longest joiner plus every determiner it trims.
const maxJoinGap = 40

// foldsLonger reports whether translit.Fold(s) is longer than n bytes,
// folding no more of s than it needs to tell.
func foldsLonger(s string, n int) bool {
	l := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			l++ // an ASCII character folds to one
			i++
		} else {
			r, sz := utf8.DecodeRuneInString(s[i:])
			l += len(translit.FoldRune(r))
			i += sz
		}
		if l > n {
			return true
		}
	}
	return false
}

// articleDyad picks the article's two main states as country codes.
func (d *doc) articleDyad() (a, b string, ok bool) {
	count := map[string]int{}
	pairs := map[[2]string]int{}
	ms := d.lc.dyadMs[:0]
	defer func() { d.lc.dyadMs = ms }() // ms keeps the buffer's start
	for _, m := range d.a.Mentions {
		if m.Country == "" || stateName(m.Country) == "" || m.End <= m.Start || m.End > len(d.a.Text) {
			continue
		}
		switch {
		case m.Type == article.TypeCity && !isCapital(m.Name):
			continue
		case m.Type.IsPlace() && m.Type != article.TypeState && m.Type != article.TypeCity:
			continue
		case m.Type == article.TypeMedia || m.Type == article.TypeOther:
			continue
		}
		ms = append(ms, m)
	}
	slices.SortStableFunc(ms, func(a, b article.Mention) int { return cmp.Compare(a.Start, b.Start) })
	// One person described then named ("le ministre arménien ... Ararat
	// Mirzoyan") is one member of a coordination.
	merged := ms[:0]
	for _, m := range ms {
		if n := len(merged); n > 0 && m.Entity != "" && merged[n-1].Entity == m.Entity && m.Start-merged[n-1].End < 48 {
			merged[n-1].End = max(merged[n-1].End, m.End)
			continue
		}
		if m.Type.IsPlace() && locativeBefore(d.a.Text, m.Start) {
			continue // "à Bruxelles": where, not who
		}
		merged = append(merged, m)
	}
	ms = merged
	joined := func(i int) (string, bool) { // how ms[i-1] and ms[i] are joined
		if i <= 0 || ms[i-1].End > ms[i].Start {
			return "", false
		}
		gap := strings.TrimSpace(d.a.Text[ms[i-1].End:ms[i].Start])
		if foldsLonger(gap, maxJoinGap) {
			return "", false // no short joiner even with every determiner trimmed
		}
		gap = translit.Fold(gap)
		for _, det := range []string{" l'", " l’", " le", " la", " les", " the", " de", " d'", " d’"} {
			gap = strings.TrimSuffix(gap, det)
		}
		switch gap {
		case "et", "and", "-", "":
			return gap, true
		case ",":
			return gap, true
		}
		return gap, false
	}
	prevG, prevOK := "", false // joined(i-1): joined(-1) is "", false
	for i, m := range ms {
		count[m.Country]++
		g, ok := joined(i)
		pg, pok := prevG, prevOK
		prevG, prevOK = g, ok
		if !ok || g == "," || ms[i-1].Country == m.Country {
			continue
		}
		if g == "" && !(ms[i-1].Kind == article.KindCompound && m.Kind == article.KindCompound) {
			continue
		}
		if pok && pg == "," {
			continue // a list of three or more
		}
		p := [2]string{ms[i-1].Country, m.Country}
		if p[0] > p[1] {
			p[0], p[1] = p[1], p[0]
		}
		pairs[p]++
	}
	var best [2]string
	bestN := 0
	for p, n := range pairs {
		if n > bestN || n == bestN && count[p[0]]+count[p[1]] > count[best[0]]+count[best[1]] ||
			n == bestN && count[p[0]]+count[p[1]] == count[best[0]]+count[best[1]] && (p[0] < best[0] || p[0] == best[0] && p[1] < best[1]) {
			best, bestN = p, n
		}
	}
	if bestN > 0 {
		return best[0], best[1], true
	}
	codes := make([]string, 0, len(count))
	for c := range count {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool {
		if count[codes[i]] != count[codes[j]] {
			return count[codes[i]] > count[codes[j]]
		}
		return codes[i] < codes[j]
	})
	if len(codes) < 2 || count[codes[1]] < 2 || len(codes) > 2 && count[codes[1]] == count[codes[2]] {
		return "", "", false
	}
	return codes[0], codes[1], true
}

// addDyadMentions turns every "les deux pays"-like phrase into two actor
// mentions, one per state of the article's dyad.
func (d *doc) addDyadMentions() {
	a, b, ok := d.articleDyad()
	if !ok {
		return
	}
	d.dyad = [2]string{a, b}
	entity := map[string]string{}
	for _, s := range d.sentences {
		for _, m := range s.ments {
			if m.actor != nil && m.m.Type == article.TypeState && m.actor.Entity != "" && entity[m.actor.Country] == "" {
				entity[m.actor.Country] = m.actor.Entity
			}
		}
	}
	d.stateEntity = entity
	for _, s := range d.sentences {
		var add []ment
		for i := 0; i < len(s.words); i++ {
			end, role, ok := dyadPhrase(s.words, i)
			if !ok || s.covered(i, end) {
				continue
			}
			start, stop := s.words[i].start, s.words[end-1].end
			// Bare "les parties" / "the sides" (not "les deux parties").
			party := end-i == 1 && (s.words[i].norm == "parties" || s.words[i].norm == "sides")
			kind := article.KindName
			if role {
				kind = article.KindRole
			}
			for _, c := range []string{a, b} {
				act := article.Actor{Name: stateName(c), Entity: entity[c], Country: c,
					Mention: &article.Span{Start: start, End: stop}}
				add = append(add, ment{
					m:     article.Mention{Span: article.Span{Start: start, End: stop}, Type: article.TypeState, Kind: kind, Country: c, Entity: act.Entity},
					first: i, end: end, actor: &act, dyad: true, party: party,
				})
			}
			i = end - 1
		}
		if len(add) == 0 {
			continue
		}
		s.ments = append(s.ments, add...)
		sort.SliceStable(s.ments, func(i, j int) bool { return s.ments[i].first < s.ments[j].first })
	}
}

// covered reports whether an actor mention already overlaps words [from, to).
func (s *sentence) covered(from, to int) bool {
	for _, m := range s.ments {
		if m.first < to && from < m.end {
			return true
		}
	}
	return false
}

// partner returns the state on the other side of the article's dyad from
// the source actors' country.
func (d *doc) partner(actors []article.Actor) (article.Actor, bool) {
	for _, a := range actors {
		if a.Role == article.RoleSource {
			return d.otherSide(a.Country)
		}
	}
	return article.Actor{}, false
}

// otherSide returns the state on the other side of the article's dyad
// from country.
func (d *doc) otherSide(country string) (article.Actor, bool) {
	var other string
	switch {
	case d.dyad[0] == "":
		return article.Actor{}, false
	case country == d.dyad[0]:
		other = d.dyad[1]
	case country == d.dyad[1]:
		other = d.dyad[0]
	default:
		return article.Actor{}, false
	}
	return article.Actor{Name: stateName(other), Country: other, Entity: d.stateEntity[other]}, true
}

// counterpartWords name the other side from a party's point of view.
var counterpartWords = map[string]bool{"voisin": true, "voisins": true, "adversaire": true, "rival": true,
	"neighbour": true, "neighbor": true, "adversary": true}

// counterpartWord reports whether words [from, to) hold a possessive
// counterpart phrase: "son voisin", "its neighbour".
func counterpartWord(s *sentence, from, to int) bool {
	for j := from + 1; j < to && j < len(s.words); j++ {
		if clauseEnd(s.words[j].norm) {
			return false
		}
		switch s.words[j-1].norm {
		case "son", "sa", "leur", "its", "their":
			if counterpartWords[s.words[j].norm] {
				return true
			}
		}
	}
	return false
}

// attackNouns are the nouns an accusation names the other side's deed with.
var attackNouns = map[string]bool{"agression": true, "attaque": true, "attaques": true, "provocation": true,
	"provocations": true, "incursion": true, "incursions": true, "violation": true, "violations": true,
	"bombardement": true, "bombardements": true, "aggression": true, "attack": true, "attacks": true,
	"shelling": true}

func attackNoun(s *sentence, from, to int) bool {
	for j := from; j < to && j < len(s.words); j++ {
		if clauseEnd(s.words[j].norm) {
			return false
		}
		if attackNouns[s.words[j].norm] {
			return true
		}
	}
	return false
}

func clauseEnd(n string) bool { return n == "," || n == ";" || n == "." || n == ":" }

// locativeBefore reports whether the text before off ends with a locative
// preposition ("à", "en", "in", "at").
func locativeBefore(text string, off int) bool {
	i := off
	for i > 0 && text[i-1] == ' ' {
		i--
	}
	j := i
	for j > 0 && text[j-1] != ' ' && text[j-1] != '\n' {
		j--
	}
	switch translit.Fold(text[j:i]) {
	case "a", "au", "aux", "en", "dans", "vers", "depuis", "in", "at", "to", "from":
		return true
	}
	return false
}
