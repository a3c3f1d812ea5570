package entity

import (
	"sort"
	"strings"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/kb"
	"github.com/vigie-news/vigie/translit"
)

type run struct{ i, n int }

// capRuns returns maximal runs of free capitalised words joined by single
// spaces or hyphens, with name particles inside ("Jean-Yves Le Drian").
func (s *state) capRuns() []run {
	var out []run
	isCap := func(j int) bool {
		t := s.toks[j]
		if s.used[j] || !t.Upper {
			return false
		}
		// All-capitals words of 4+ letters are headings or acronyms.
		return !(t.AllUpper && t.End-t.Start > 3)
	}
	joined := func(j int) bool {
		g := s.gap(j)
		if g == ". " && j >= 2 {
			// A middle initial: "Anders E. Larsson".
			p := s.toks[j-1]
			return p.End-p.Start == 1 && p.AllUpper && isLetter(p.Fold) && s.toks[j-2].Upper && s.gap(j-1) == " "
		}
		return g == " " || g == "-" || g == "\u00a0" || g == "‑"
	}
	for i := 0; i < len(s.toks); i++ {
		if !isCap(i) {
			continue
		}
		j := i + 1
		for j < len(s.toks) && joined(j) {
			if isCap(j) {
				j++
				continue
			}
			if nameParticles[s.toks[j].Fold] && !s.toks[j].Upper && j+1 < len(s.toks) && isCap(j+1) && joined(j+1) {
				j += 2
				continue
			}
			break
		}
		out = append(out, run{i, j - i})
		i = j - 1
	}
	return out
}

func hasPersonSuffix(fold string) bool {
	if len(fold) < 5 {
		return false
	}
	for _, suf := range personSuffixes {
		if len(suf) >= 3 && strings.HasSuffix(fold, suf) {
			return true
		}
	}
	return false
}

// titled reports whether the word before token i is a title or honorific.
func (s *state) titled(i int) bool {
	if i == 0 {
		return false
	}
	p := s.toks[i-1]
	g := s.gap(i)
	if honorifics[p.Fold] && (g == ". " || g == " " || g == ".\u00a0") {
		return true
	}
	if strings.TrimSpace(g) != "" && strings.TrimSpace(g) != "," {
		return false
	}
	if titleWords[p.Fold] && !p.Upper {
		return true
	}
	// A role description right before: "le ministre arménien des Affaires étrangères Ararat Mirzoyan".
	for ci := range s.cands {
		c := s.cands[ci]
		if c.m.Kind == article.KindRole && c.i+c.n == i {
			return true
		}
	}
	return false
}

// initialBefore reports whether token i is preceded by an initial ("V. Poutine").
func (s *state) initialBefore(i int) bool {
	if i == 0 {
		return false
	}
	p := s.toks[i-1]
	g := s.gap(i)
	return p.End-p.Start == 1 && p.AllUpper && isLetter(p.Fold) && strings.Contains(g, ".") && len(g) <= 3 && p.Fold != "m"
}

// namePass types the free capitalised runs: persons by first names,
// titles, surname suffixes and KB similarity; bare surnames linked to the
// article's persons; organisations by head words.
func (s *state) namePass() {
	runs := s.capRuns()
	type named struct {
		run
		titled bool
	}
	var singles []named
	var loose []run // untyped runs of two or three words
	for _, r := range runs {
		i, e := r.i, r.i+r.n
		titled := s.titled(i)
		// Strip leading function words, titles and common words.
		for i < e {
			f := s.toks[i].Fold
			if titleWords[f] {
				titled = titled || !weakTitles[f]
				i++
				continue
			}
			// "Hier Aliev a dit": a sentence-initial word before the bare
			// surname of a person the article names in full. A KB surname
			// alone is no evidence: "Nvard Hovhannisyan" is another person
			// than KB "Paruyr Hovhannisyan".
			sentOpener := i == r.i && e-i == 2 && s.sentenceInitial(i) && !firstNames[f] && s.articleSurname(s.toks[i+1].Fold, f)
			if notNames[f] || nameParticles[f] || (s.lower[f] && !firstNames[f]) || s.dem[i] != nil || sentOpener {
				titled = false
				i++
				continue
			}
			break
		}
		for e > i && (notNames[s.toks[e-1].Fold] || nameParticles[s.toks[e-1].Fold]) {
			e--
		}
		if e <= i {
			continue
		}
		org := false
		for j := i; j < e; j++ {
			if orgHeads[s.toks[j].Fold] {
				org = true
			}
		}
		if org {
			if e-i >= 2 {
				s.unknown(i, e-i, article.TypeOrganization, 0.5)
			}
			continue
		}
		if e-i == 1 {
			singles = append(singles, named{run{i, 1}, titled || s.initialBefore(i)})
			continue
		}
		first, last := s.toks[i].Fold, s.toks[e-1].Fold
		if s.eponym(i) {
			continue // "Centre ... George Shultz": a name given to a place or body
		}
		// The full name of a person the article already named ("Francis
		// Gillot" again), before any reading as a list of surnames.
		if p, ok := s.persons[translit.Key(last)]; ok && p.id != "" && p.first != "" && e-i == 2 &&
			firstClose(translit.Key(first), p.first) {
			if p.kbPerson {
				s.add(cand{i: i, n: e - i, m: article.Mention{Type: article.TypePerson, Kind: article.KindName,
					Entity: p.id, Name: p.name, Country: p.country, Confidence: 0.75}})
			} else {
				s.unknownAs(i, e-i, p, 0.75)
			}
			continue
		}
		if s.allSurnames(i, e) {
			for j := i; j < e; j++ {
				singles = append(singles, named{run{j, 1}, true})
			}
			continue
		}
		if e-i > 4 {
			continue // too long for a name: a title or heading
		}
		if p := s.r.similar(translit.Key(first), translit.Key(last)); p != nil {
			s.add(cand{i: i, n: e - i, m: article.Mention{Type: article.TypePerson, Kind: article.KindName,
				Entity: p.ID, Name: p.Name, Country: p.Country, Confidence: 0.7}})
			s.notePerson(p.Name, personRef{id: p.ID, name: p.Name, country: p.Country, kbPerson: true})
			continue
		}
		conf := 0.0
		switch {
		case firstNames[first] && !s.lower[last]:
			conf = 0.75
		case titled:
			conf = 0.7
		case hasPersonSuffix(last) && (!s.sentenceInitial(i) || e-i == 2):
			conf = 0.6
		}
		if conf == 0 && s.byline(i, e) {
			conf = 0.65
		}
		if conf > 0 {
			s.unknown(i, e-i, article.TypePerson, conf)
			continue
		}
		if e-i <= 3 {
			loose = append(loose, run{i, e - i})
		}
		if i > 0 {
			switch s.toks[i-1].Fold {
			case "a", "in", "at", "near", "pres", "vers", "to":
				s.unknown(i, e-i, article.TypePlace, 0.4)
			}
		}
	}
	s.listPersons(loose)
	for _, r := range singles {
		i := r.i
		t := s.toks[i]
		if len(t.Fold) < 2 {
			continue // an initial
		}
		key := translit.Key(t.Fold)
		p, ok := s.persons[key]
		if ok && p.id != "" {
			s.add(cand{i: i, n: 1, m: article.Mention{Type: article.TypePerson, Kind: article.KindSurname,
				Entity: p.id, Name: p.name, Country: p.country, Confidence: 0.85}})
			continue
		}
		if ok && p.noKB {
			continue // a surname two persons of the article share
		}
		// A first name alone for the one person of the article who bears
		// it ("Andy" after "Andy Murray").
		if p, ok := s.firsts[key]; ok && p.id != "" && len(key) >= 3 &&
			(firstNames[t.Fold] || (!p.kbPerson && !s.sentenceInitial(i))) {
			s.add(cand{i: i, n: 1, m: article.Mention{Type: article.TypePerson, Kind: article.KindSurname,
				Entity: p.id, Name: p.name, Country: p.country, Confidence: 0.65}})
			continue
		}
		if p := s.closeArticlePerson(key); p != nil {
			s.add(cand{i: i, n: 1, m: article.Mention{Type: article.TypePerson, Kind: article.KindSurname,
				Entity: p.id, Name: p.name, Country: p.country, Confidence: 0.7}})
			continue
		}
		if e := s.kbSurname(t.Fold); e != nil && (r.titled || !s.sentenceInitial(i) || len(key) >= 5) && !s.lower[t.Fold] && !notNames[t.Fold] {
			conf := 0.6
			if r.titled {
				conf = 0.75
			}
			s.add(cand{i: i, n: 1, m: article.Mention{Type: article.TypePerson, Kind: article.KindSurname,
				Entity: e.ID, Name: e.Name, Country: e.Country, Confidence: conf}})
			continue
		}
		if r.titled && !firstNames[t.Fold] {
			s.unknown(i, 1, article.TypePerson, 0.55)
		}
	}
}

// unknown adds a mention of a name missing from the KB with a
// deterministic id ("vigie:unk:<key phrase>").
func (s *state) unknown(i, n int, typ article.EntityType, conf float64) {
	surface := s.text[s.toks[i].Start:s.toks[i+n-1].End]
	kp := translit.KeyPhrase(surface)
	id := "vigie:unk:" + strings.ReplaceAll(kp, " ", "-")
	if typ == article.TypePerson {
		if p, ok := s.persons[translit.Key(s.toks[i+n-1].Fold)]; ok && p.id != "" && n == 1 {
			id = p.id
		}
	}
	s.add(cand{i: i, n: n, m: article.Mention{Type: typ, Kind: article.KindUnknown, Entity: id, Name: surface, Confidence: conf}})
	if typ == article.TypePerson {
		s.notePerson(surface, personRef{id: id, name: surface})
	}
}

// similar finds the unique KB person whose name matches first/last keys by
// spelling similarity: surname keys equal and first-name keys close (edit
// distance ≤ 2, or one a prefix of the other), or surname keys at distance
// 1 (both ≥ 4 letters) with equal first-name keys.
func (r *Recognizer) similar(first, last string) *kb.Entity {
	var found *kb.Entity
	ambiguous := false
	consider := func(nk nameKey) {
		if found != nil && found != nk.e {
			ambiguous = true
		}
		found = nk.e
	}
	for _, nk := range r.exact[last] {
		if firstClose(first, nk.first) {
			consider(nk)
		}
	}
	if found == nil && len(last) >= 4 {
		for l := len(last) - 1; l <= len(last)+1; l++ {
			for _, nk := range r.fuzzy[l] {
				if nk.first == first && editDistance(last, nk.last, 1) <= 1 {
					consider(nk)
				}
			}
		}
	}
	if ambiguous {
		return nil
	}
	return found
}

// firstClose reports whether two first-name keys may name one person:
// equal, one a short form of the other ("alex", "alexander"), or close in
// spelling unless both are distinct given names of the lexicon ("armen"
// and "arsen" are two names, "jeihum" a misspelling of "jeihun").
func firstClose(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) >= 4 && len(b) >= 4 && (strings.HasPrefix(a, b) || strings.HasPrefix(b, a)) {
		return true
	}
	if firstNameKeys[a] && firstNameKeys[b] {
		return false
	}
	d := 1
	if len(a) >= 5 && len(b) >= 5 {
		d = 2
	}
	return len(a) >= 4 && len(b) >= 4 && editDistance(a, b, d) <= d
}

// editDistance is the Levenshtein distance of two strings, returning max+1
// as soon as it must exceed max.
func editDistance(a, b string, max int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	var rows [2][32]int // on the stack for short words
	prev, cur := rows[0][:], rows[1][:]
	if len(b)+1 > len(prev) {
		prev, cur = make([]int, len(b)+1), make([]int, len(b)+1)
	}
	prev, cur = prev[:len(b)+1], cur[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			if v := prev[j] + 1; v < c {
				c = v
			}
			if v := cur[j-1] + 1; v < c {
				c = v
			}
			cur[j] = c
			if c < rowMin {
				rowMin = c
			}
		}
		if rowMin > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// linkRoles links a role description to the person named in apposition
// ("le ministre arménien des Affaires étrangères, Ararat Mirzoyan," or
// "Ararat Mirzoyan, Armenian Foreign Minister").
func (s *state) linkRoles() {
	sort.SliceStable(s.cands, func(a, b int) bool { return s.cands[a].i < s.cands[b].i })
	for ci := range s.cands {
		c := &s.cands[ci]
		if c.m.Kind != article.KindRole {
			continue
		}
		// A person who may hold the role: not of another country
		// ("Aliyev, Prime Minister of the Republic of Armenia Pashinyan").
		fits := func(x *cand) bool {
			return x.m.Confidence >= 0 && x.m.Type == article.TypePerson && x.m.Kind != article.KindRole &&
				x.m.Entity != "" && (x.m.Country == "" || c.roleOf == "" || x.m.Country == c.roleOf)
		}
		var p *cand
		nx := ci + 1
		for nx < len(s.cands) && s.cands[nx].m.Confidence < 0 {
			nx++ // a state mention the role swallowed
		}
		if nx < len(s.cands) && fits(&s.cands[nx]) && s.between(c.i+c.n, s.cands[nx].i) {
			p = &s.cands[nx]
		}
		pv := ci - 1
		for pv >= 0 && s.cands[pv].m.Confidence < 0 {
			pv--
		}
		if p == nil && pv >= 0 && fits(&s.cands[pv]) && s.between(s.cands[pv].i+s.cands[pv].n, c.i) {
			p = &s.cands[pv]
		}
		if p != nil {
			c.m.Entity, c.m.Name = p.m.Entity, p.m.Name
			if c.m.Confidence < 0.85 {
				c.m.Confidence = 0.85
			}
		}
	}
}

// between reports whether only a comma and/or an article separate tokens
// a-1 and b (a ≤ b).
func (s *state) between(a, b int) bool {
	if b-a > 1 {
		return false
	}
	for j := a; j < b; j++ {
		switch s.toks[j].Fold {
		case "le", "la", "l", "the":
		default:
			return false
		}
	}
	g := strings.TrimSpace(s.text[s.toks[a-1].End:s.toks[b].Start])
	for _, w := range []string{"le", "la", "the", "l'", "l’"} {
		g = strings.TrimSpace(strings.ReplaceAll(g, w, ""))
	}
	return g == "" || g == ","
}

// extendInitials widens person mentions over preceding initials
// ("N.V.Pashinyan", "I. H. Aliev").
func (s *state) extendInitials() {
	for ci := range s.cands {
		c := &s.cands[ci]
		if c.m.Type != article.TypePerson || c.m.Kind == article.KindRole {
			continue
		}
		for c.i > 0 && !s.used[c.i-1] {
			p := s.toks[c.i-1]
			g := s.gap(c.i)
			if !(p.End-p.Start == 1 && p.AllUpper && isLetter(p.Fold) && len(g) <= 3 && strings.Trim(g, ". ") == "") {
				break
			}
			// "M. Aliev": M is Monsieur unless another initial precedes it.
			if p.Fold == "m" && !(c.i > 1 && s.toks[c.i-2].End-s.toks[c.i-2].Start == 1 && strings.Contains(s.gap(c.i-1), ".")) {
				break
			}
			if !strings.Contains(g, ".") && !(c.i > 1 && strings.Contains(s.gap(c.i-1), ".")) {
				break
			}
			c.i--
			c.n++
			s.used[c.i] = true
		}
	}
}

// finish turns candidates into sorted mentions, names unknown persons by
// their longest surface, and drops duplicates.
func (s *state) finish() []article.Mention {
	longest := map[string]string{}
	for _, c := range s.cands {
		if c.m.Kind == article.KindUnknown && len(c.m.Name) > len(longest[c.m.Entity]) {
			longest[c.m.Entity] = c.m.Name
		}
	}
	out := make([]article.Mention, 0, len(s.cands))
	for _, c := range s.cands {
		if c.m.Confidence < 0 || c.m.Confidence < s.r.opts.MinConfidence {
			continue
		}
		m := c.m
		m.Span = article.Span{Start: s.toks[c.i].Start, End: s.toks[c.i+c.n-1].End}
		m.Text = s.text[m.Start:m.End]
		if l, ok := longest[m.Entity]; ok {
			m.Name = l
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Start != out[b].Start {
			return out[a].Start < out[b].Start
		}
		return out[a].End > out[b].End
	})
	dedup := out[:0]
	for _, m := range out {
		if n := len(dedup); n > 0 && dedup[n-1].Span == m.Span {
			continue
		}
		dedup = append(dedup, m)
	}
	return dedup
}

func isLetter(s string) bool {
	return s != "" && s[0] >= 'a' && s[0] <= 'z'
}

// allSurnames reports whether every word of the run [i, e) is, alone, the
// surname of a person of the article or of a unique KB person
// ("la rencontre Mirzoyan Bayramov", "Poutine-Aliyev-Pachinian").
func (s *state) allSurnames(i, e int) bool {
	if e-i < 2 {
		return false
	}
	for j := i; j < e; j++ {
		f := s.toks[j].Fold
		if p, ok := s.persons[translit.Key(f)]; ok && p.id != "" {
			continue
		}
		// "Francis Gillot" is a first name and a new surname, not the
		// surnames of Pope Francis and of a Gillot.
		if len(f) >= 4 && !(j == i && firstNames[f]) && s.kbSurname(f) != nil {
			continue
		}
		return false
	}
	return true
}

// articleSurname reports whether word is the bare surname of a person the
// article names whose first name is not first (a capitalised word before
// the surname that is not that person's first name may open a sentence).
func (s *state) articleSurname(word, first string) bool {
	p, ok := s.persons[translit.Key(word)]
	return ok && p.id != "" && p.first != translit.Key(first)
}

// unknownAs adds a mention of the article's non-KB person p under another
// surface ("Francis Gillot" again after "Francis Gillot").
func (s *state) unknownAs(i, n int, p personRef, conf float64) {
	surface := s.text[s.toks[i].Start:s.toks[i+n-1].End]
	s.add(cand{i: i, n: n, m: article.Mention{Type: article.TypePerson, Kind: article.KindUnknown, Entity: p.id,
		Name: surface, Confidence: conf}})
}

// eponym reports whether the name at token i completes the name of a
// place or body named after a person: a capitalised facility head before
// it in the same phrase ("Centre national de formation ... George Shultz",
// "aéroport Heydar Aliyev", "rue Jean Jaurès").
func (s *state) eponym(i int) bool {
	for j, back := i-1, 1; j >= 0 && back <= 8; j, back = j-1, back+1 {
		g := s.gap(j + 1)
		if strings.ContainsAny(g, ",;:.!?()\"«»“”\n") {
			return false
		}
		t := s.toks[j]
		if facilityHeads[t.Fold] && (t.Upper || back == 1) {
			return true
		}
		if clauseWords[t.Fold] || (t.Upper && s.used[j]) {
			return false
		}
	}
	return false
}

// byline reports whether the run [i, e) is an author's byline: "Par X Y"
// or "By X Y" opening a line, ended by a comma or the line's end.
func (s *state) byline(i, e int) bool {
	if i == 0 || e-i > 3 {
		return false
	}
	p := s.toks[i-1]
	if p.Fold != "par" && p.Fold != "by" || !p.Upper || !s.lineStart(i-1) {
		return false
	}
	if e == len(s.toks) {
		return true
	}
	g := s.gap(e)
	return strings.HasPrefix(strings.TrimLeft(g, " \t"), ",") || strings.Contains(g, "\n")
}

// lineStart reports whether token i opens a line.
func (s *state) lineStart(i int) bool {
	if i == 0 {
		return strings.TrimSpace(s.text[:s.toks[0].Start]) == ""
	}
	g := s.gap(i)
	return strings.Contains(g, "\n") && strings.TrimSpace(g) == ""
}

// listPersons types as persons the untyped two- or three-word runs that
// are enumerated with persons ("Orson Welles, Billy Wilder", "Carla Simón
// and Arnau Vilaró"), repeating until no run changes.
func (s *state) listPersons(loose []run) {
	if len(loose) == 0 {
		return
	}
	// Token bounds of person mentions (not roles) of two words or more.
	s.personAt = map[int]bool{}
	for _, c := range s.cands {
		if c.m.Confidence >= 0 && c.m.Type == article.TypePerson && c.m.Kind != article.KindRole && c.n >= 2 {
			s.personAt[c.i] = true
			s.personAt[-(c.i + c.n)] = true // ends are stored negated, one past the end
		}
	}
	done := make([]bool, len(loose))
	for changed := true; changed; {
		changed = false
		for k, r := range loose {
			if done[k] {
				continue
			}
			for j := r.i; j < r.i+r.n; j++ {
				if orgHeads[s.toks[j].Fold] || s.used[j] {
					done[k] = true
				}
			}
			if done[k] {
				continue
			}
			if s.listNeighbourPerson(r.i-1, true) || s.listNeighbourPerson(r.i+r.n, false) {
				s.unknown(r.i, r.n, article.TypePerson, 0.55)
				s.personAt[r.i], s.personAt[-(r.i+r.n)] = true, true
				done[k], changed = true, true
			}
		}
	}
}

// listNeighbourPerson reports whether a person mention (not a role) of two
// words or more ends before token j (before) or starts at token j (after),
// separated from the run by an enumeration comma or a coordination.
func (s *state) listNeighbourPerson(j int, before bool) bool {
	step := 1
	if before {
		step = -1
	}
	// The separator: a comma, or a coordination ("et", "and", "ou encore").
	conj := 0
	for k := j; k >= 0 && k < len(s.toks) && conj < 2; k += step {
		if !listConj[s.toks[k].Fold] || s.toks[k].Upper {
			break
		}
		conj++
	}
	j += step * conj
	if j < 0 || j >= len(s.toks) || !s.used[j] {
		return false
	}
	// Text between the run and the neighbour, connectors removed.
	lo, hi := j, j-step*(conj+1)
	if !before {
		lo, hi = hi, j
	}
	g := s.text[s.toks[lo].End:s.toks[hi].Start]
	for k := lo + 1; k < hi; k++ {
		g = strings.Replace(g, s.text[s.toks[k].Start:s.toks[k].End], "", 1)
	}
	g = strings.TrimSpace(g)
	if !(g == "," || (g == "" && conj > 0)) {
		return false
	}
	if before {
		return s.personAt[-(j + 1)]
	}
	return s.personAt[j]
}

// kbSurname returns the KB person a bare surname stands for: the only
// person with that surname key, or among several the only one holding a
// role at the article's date (an ongoing role when the date is unknown).
func (s *state) kbSurname(word string) *kb.Entity {
	for _, e := range s.r.kb.ByAlias(word) {
		if e.Type != article.TypePerson {
			return nil // a place or body, not a surname
		}
	}
	hs := s.r.kb.BySurname(word)
	if len(hs) <= 1 {
		if len(hs) == 1 {
			return hs[0]
		}
		return nil
	}
	var pick *kb.Entity
	for _, e := range hs {
		active := false
		if s.a.Published.Known() {
			active = len(e.RoleAt(s.a.Published)) > 0
		} else {
			for _, r := range e.Roles {
				if r.End == "" && r.Start != "" {
					active = true
				}
			}
		}
		if active {
			if pick != nil {
				return nil
			}
			pick = e
		}
	}
	return pick
}

// closeArticlePerson finds the article person whose surname key is at
// edit distance 1 of key (both at least 6 letters): "Gharibashvili" for
// "Garibashvili".
func (s *state) closeArticlePerson(key string) *personRef {
	if len(key) < 6 {
		return nil
	}
	var found *personRef
	for k, p := range s.persons {
		if p.id == "" || len(k) < 6 || editDistance(k, key, 1) > 1 {
			continue
		}
		if found != nil && found.id != p.id {
			return nil
		}
		p := p
		found = &p
	}
	return found
}

// knownSurname reports whether word is the surname of an article person
// or of a KB person.
func (s *state) knownSurname(word string) bool {
	if p, ok := s.persons[translit.Key(word)]; ok && p.id != "" {
		return true
	}
	return s.kbSurname(word) != nil
}
