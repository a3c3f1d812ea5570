package entity

import (
	"strings"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/kb"
	"github.com/vigie-news/vigie/wordset"
)

// collectiveNouns name the leadership of a polity as a group ("les
// dirigeants du Haut-Karabakh", "Karabakh leaders"). Singular "leader" or
// "dirigeant" is a person and left out.
var collectiveNouns = set(
	"dirigeants", "autorites", "gouvernement", "pouvoir", "regime", "responsables", "chefs", "administration",
	"leaders", "leadership", "authorities", "government", "officials", "regime",
)

// separatistWords qualify or name the authorities of a breakaway polity.
var separatistWords = set("separatiste", "separatistes", "separatist", "separatists")

// polityWords tells, in one look-up, whether a word is in collectiveNouns
// (isCollective) and in separatistWords (isSeparatist).
var polityWords = func() map[string]uint8 {
	m := map[string]uint8{}
	for w, ok := range collectiveNouns {
		if ok {
			m[w] |= isCollective
		}
	}
	for w, ok := range separatistWords {
		if ok {
			m[w] |= isSeparatist
		}
	}
	return m
}()

// polityShapes are the shapes of the words of polityWords.
var polityShapes = func() (t wordset.Shapes) {
	for w := range polityWords {
		t.Add(w)
	}
	return t
}()

// polityWords bits.
const (
	isCollective uint8 = 1 << iota
	isSeparatist
)

// polityPass emits state mentions for the leadership of a polity named by
// its territory ("les dirigeants du Nagorny-Karabakh", "Karabakh leaders",
// "the leaders of Nagorno-Karabakh") and, when the article names exactly
// one such territory, for its separatists ("les autorités séparatistes",
// "les séparatistes arméniens", "separatist leaders"). The polity comes from
// the KB (kb.Entity.Territory).
func (s *state) polityPass() {
	var only *kb.Entity // the one polity whose territory the article names
	many := false
	for _, c := range s.cands {
		if !c.m.Type.IsPlace() || c.m.Entity == "" {
			continue
		}
		if p := s.polityOfPlace(c.m.Entity); p != nil {
			if only != nil && only != p {
				many = true
			}
			only = p
		}
	}
	if only == nil {
		return // no territory named: nothing to resolve
	}
	if many {
		only = nil
	}
	en := s.a.Lang == "en"
	for i := 0; i < len(s.toks); i++ {
		if s.used[i] {
			continue
		}
		f := s.toks[i].Fold
		var pw uint8
		if polityShapes.MayHave(f) {
			pw = polityWords[f]
		}
		switch {
		case pw&isCollective != 0:
			// N (demonym) (séparatistes) de/du/of (the) R
			j := i + 1
			sep := false
			for j < len(s.toks) && !s.used[j] && (s.dem[j] != nil || separatistWords[s.toks[j].Fold]) && j-i <= 2 {
				sep = sep || separatistWords[s.toks[j].Fold]
				j++
			}
			if p, end := s.territoryAfter(j); p != nil {
				s.addPolity(i, end, p)
				i = end - 1
				continue
			}
			if sep && only != nil {
				s.addPolity(i, j, only)
				i = j - 1
			}
		case pw&isSeparatist != 0:
			if en && f == "separatist" {
				// separatist (Armenian) leaders
				j := i + 1
				for j < len(s.toks) && !s.used[j] && s.dem[j] != nil && j-i <= 2 {
					j++
				}
				if j < len(s.toks) && !s.used[j] && collectiveNouns[s.toks[j].Fold] && only != nil {
					s.addPolity(i, j+1, only)
					i = j
				}
				continue
			}
			if f == "separatiste" || only == nil {
				continue
			}
			// The noun: "les séparatistes (arméniens)", "(Armenian) separatists".
			start, end := i, i+1
			if !en {
				for end < len(s.toks) && !s.used[end] && s.dem[end] != nil && end-i <= 2 {
					end++
				}
			} else if i > 0 && !s.used[i-1] && s.dem[i-1] != nil {
				start = i - 1
			}
			s.addPolity(start, end, only)
			i = end - 1
		}
	}
	// English: "Karabakh leaders", "Nagorno-Karabakh Armenian authorities".
	if !en {
		return
	}
	for ci := range s.cands {
		c := s.cands[ci]
		if c.m.Confidence < 0 || !c.m.Type.IsPlace() {
			continue
		}
		p := s.polityOfPlace(c.m.Entity)
		if p == nil {
			continue
		}
		j := c.i + c.n
		for j < len(s.toks) && !s.used[j] && s.dem[j] != nil && j-c.i-c.n < 2 {
			j++
		}
		if j < len(s.toks) && !s.used[j] && collectiveNouns[s.toks[j].Fold] && s.gap(c.i+c.n) == " " {
			s.addPolity(c.i, j+1, p)
		}
	}
}

// polityOfPlace returns the polity governing the place with the given id
// or a region it is part of (Stepanakert → Nagorno-Karabakh → Republic of
// Artsakh).
func (s *state) polityOfPlace(id string) *kb.Entity {
	for depth := 0; depth < 4 && id != ""; depth++ {
		if p := s.r.kb.PolityOf(id); p != nil {
			return p
		}
		e := s.r.kb.Get(id)
		if e == nil {
			return nil
		}
		id = e.PartOf
	}
	return nil
}

// territoryAfter matches "de/du/d'/of/in (l'/la/the) R" at token j, R a KB
// place governed by a polity, maybe after a few lower-case words ending in
// a preposition ("in the breakaway region of R", "de la capitale du R");
// it returns the polity and the end token.
func (s *state) territoryAfter(j int) (*kb.Entity, int) {
	prep := func(j int) int { // the token after a preposition and article at j, or -1
		if j >= len(s.toks) {
			return -1
		}
		switch s.toks[j].Fold {
		case "de", "du", "d", "of", "in", "en":
			j++
		default:
			return -1
		}
		if j < len(s.toks) {
			switch s.toks[j].Fold {
			case "l", "la", "the":
				j++
			}
		}
		return j
	}
	j = prep(j)
	if j < 0 || j >= len(s.toks) {
		return nil, 0
	}
	if _, ok := s.starts[j]; !ok {
		// A short head between: "the breakaway region of", "la capitale du".
		for k := j; k < j+4 && k < len(s.toks); k++ {
			t := s.toks[k]
			if t.Upper || s.used[k] || strings.ContainsAny(s.gap(k), ",;:.()") {
				return nil, 0
			}
			if n := prep(k); n > k && n < len(s.toks) {
				if _, ok := s.starts[n]; ok {
					j = n
					break
				}
			}
		}
	}
	ci, ok := s.starts[j]
	if !ok {
		return nil, 0
	}
	c := s.cands[ci]
	if c.m.Confidence < 0 || !c.m.Type.IsPlace() {
		return nil, 0
	}
	if p := s.polityOfPlace(c.m.Entity); p != nil {
		return p, c.i + c.n
	}
	return nil, 0
}

// addPolity adds a state mention of polity p over tokens [i, end), dropping
// the place mentions it covers.
func (s *state) addPolity(i, end int, p *kb.Entity) {
	for j := i; j < end; j++ {
		if ci, ok := s.starts[j]; ok {
			s.cands[ci].m.Confidence = -1
			delete(s.starts, j)
		}
	}
	idx := s.add(cand{i: i, n: end - i, m: article.Mention{Type: article.TypeState, Kind: article.KindName,
		Entity: p.ID, Name: p.Name, Country: p.Country, Confidence: 0.75}})
	s.starts[i] = idx
}
