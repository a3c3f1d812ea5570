package event

import (
	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/translit"
	"strings"
)

// This file holds the passes that look at one event against the whole
// article: third-party hosts of the conflict parties' meetings, state
// actors upgraded to the persons another report of the same event names,
// and the state level of directed events.

// conflictSides are the country codes of the parties whose meetings third
// parties host or mediate.
var conflictSides = map[string]string{"ARM": "ARM", "AZE": "AZE", "NKR": "ARM"}

// thirdPartyHosts turns the third parties of a meeting between the two
// conflict parties into hosts: in "la rencontre entre Macron, Michel,
// Pachinian et Aliev" or "the trilateral meeting with Mirzoyan and
// Bayramov" spoken of by Lavrov, the participants are the two sides and
// the others mediate. It needs at least three participants including
// both sides, and applies to CONSULT only (a trilateral declaration is
// signed by all three).
func thirdPartyHosts(ev *article.Event) {
	if ev.Type != "CONSULT" {
		return
	}
	parts := ev.Participants()
	if len(parts) < 3 {
		return
	}
	sides := map[string]bool{}
	for _, a := range parts {
		if s := conflictSides[a.Country]; s != "" {
			sides[s] = true
		}
	}
	if !sides["ARM"] || !sides["AZE"] {
		return
	}
	for i := range ev.Actors {
		a := &ev.Actors[i]
		if a.Role != article.RoleHost && conflictSides[a.Country] == "" && a.Name != "international community" {
			a.Role = article.RoleHost
		}
	}
}

// isStateActor reports whether a stands for a whole state (no person is
// named for that side).
func isStateActor(a article.Actor) bool {
	return a.Country != "" && a.Name == stateName(a.Country)
}

// upgradeStates merges an event whose actors are states into another
// report of the same event (same type, compatible date) that names a
// person for each of those states and has the same other actors: the
// guideline names states only when no person is named for that side, and
// a headline "la réunion des ministres d'Arménie et d'Azerbaïdjan" is the
// meeting the body reports between the two named ministers.
func upgradeStates(cs []*candidate) []*candidate {
	var out []*candidate
	for i, c := range cs {
		if into := upgradeTarget(cs, i); into != nil {
			into.ev.Evidence = append(into.ev.Evidence, c.ev.Evidence...)
			if into.ev.Mode == "meet" && c.ev.Mode == "visit" {
				into.ev.Mode = "visit" // "visited Yerevan and met Mirzoyan"
			}
			for _, h := range c.ev.Actors {
				if h.Role != article.RoleHost {
					continue
				}
				dup := false
				for _, o := range into.ev.Actors {
					dup = dup || o.Name == h.Name
				}
				if !dup {
					into.ev.Actors = append(into.ev.Actors, h)
				}
			}
			if c.ev.Date.Prec().Rank() > into.ev.Date.Prec().Rank() {
				into.ev.Date = c.ev.Date
			}
			into.background = into.background && c.background
			continue
		}
		out = append(out, c)
	}
	return out
}

// agreeParties replaces the state actors of agreements by the persons of
// the same country who took part in a meeting the article reports:
// "l'Arménie et l'Azerbaïdjan ont convenu" after the ministers' talks is
// the ministers agreeing. A country with several such persons keeps its
// state.
func agreeParties(d *doc, cs []*candidate) []*candidate {
	cs = joinAcceptances(cs)
	if d != nil {
		for _, c := range cs {
			d.ceasefirePartner(c)
		}
	}
	type person struct {
		a    article.Actor
		date article.Date // of the meeting
	}
	metAll := map[string][]person{}
	for _, c := range cs {
		if c.ev.Type != "CONSULT" || c.ev.Factuality != article.FactAsserted {
			continue
		}
		for _, a := range c.ev.Participants() {
			if a.Country == "" || isStateActor(a) {
				continue
			}
			dup := false
			for _, b := range metAll[a.Country] {
				dup = dup || b.a.Name == a.Name && b.date == c.ev.Date
			}
			if !dup {
				metAll[a.Country] = append(metAll[a.Country], person{a, c.ev.Date})
			}
		}
	}
	for _, c := range cs {
		if c.ev.Type != "AGREE" {
			continue
		}
		// Those who met when the agreement was made: a 2020 ceasefire
		// recalled in a 2023 article is not its ministers'.
		met := map[string][]article.Actor{}
		for country, ps := range metAll {
			for _, p := range ps {
				if !compatible(p.date, c.ev.Date) {
					continue
				}
				dup := false
				for _, b := range met[country] {
					dup = dup || b.Name == p.a.Name
				}
				if !dup {
					met[country] = append(met[country], p.a)
				}
			}
		}
		changed := false
		for i := range c.ev.Actors {
			a := &c.ev.Actors[i]
			if a.Role == article.RoleHost || !isStateActor(*a) {
				continue
			}
			var p article.Actor
			switch {
			case len(met[a.Country]) == 1:
				p = met[a.Country][0]
			case len(met[a.Country]) == 0 && d != nil && c.ev.Mode != "accept":
				// No meeting: the state's one named leader signs for it.
				l, ok := d.soleLeader(a.Country)
				if !ok {
					continue
				}
				p = l
			default:
				continue
			}
			p.Role, p.Mention = a.Role, a.Mention
			*a = p
			changed = true
		}
		if changed {
			c.names = nameKey(c.ev.Participants())
		}
	}
	return cs
}

// ceasefireWords name the truces whose acceptance binds both sides.
var ceasefireWords = []string{"cessez-le-feu", "treve", "armistice", "ceasefire", "cease-fire", "truce"}

// ceasefirePartner completes a one-party acceptance of a ceasefire ("les
// autorités de Stepanakert ont accepté un cessez-le-feu", "agreed to accept
// a ceasefire") with the other side of the article's conflict: a truce has
// two sides.
func (d *doc) ceasefirePartner(c *candidate) {
	parts := c.ev.Participants()
	if c.ev.Type != "AGREE" || len(parts) != 1 || len(c.ev.Evidence) == 0 || d.dyad[0] == "" {
		return
	}
	tail := c.ev.Evidence[0].Text
	if k := c.ev.Trigger.Start - c.ev.Evidence[0].Start; k >= 0 && k <= len(tail) {
		tail = tail[k:]
	}
	// The truce is what is accepted: among the first words after the
	// trigger ("accepted a ceasefire", "agreed to accept a truce", "a
	// accepté le cessez-le-feu"), not a circumstance further on ("agreed
	// to disarm under a ceasefire").
	words := strings.Fields(translit.Fold(tail))
	found := false
	for _, w := range words[min(1, len(words)):min(6, len(words))] {
		w = strings.Trim(w, ".,;:«»\"'")
		for _, cw := range ceasefireWords {
			found = found || w == cw || strings.HasSuffix(w, "'"+cw)
		}
	}
	if !found {
		return
	}
	side := parts[0].Country
	if s := conflictSides[side]; s != "" {
		side = s // a separatist authority is on its patron's side
	}
	other, ok := d.otherSide(side)
	if !ok || other.Country == parts[0].Country {
		return
	}
	other.Role, other.Sector = article.RoleTarget, "GOV"
	c.ev.Actors = append(c.ev.Actors, other)
	c.names = nameKey(c.ev.Participants())
}

// joinAcceptances joins one-party agreements of the two conflict sides
// reported in one sentence or the next ("l'Arménie a accepté ..., tandis
// que le gouvernement azéri a accepté ...") into one agreement between
// them; each side's institution stands for its state.
func joinAcceptances(cs []*candidate) []*candidate {
	var out []*candidate
	var open *candidate
	for _, c := range cs {
		parts := c.ev.Participants()
		if c.ev.Type != "AGREE" || len(parts) != 1 || conflictSides[parts[0].Country] == "" {
			out = append(out, c)
			continue
		}
		if open != nil && c.sent-open.sent <= 1 && open.ev.Factuality == c.ev.Factuality && sameDay(open.ev.Date, c.ev.Date) &&
			open.verbal && c.verbal {
			o := open.ev.Participants()[0]
			if conflictSides[o.Country] != conflictSides[parts[0].Country] && participantCount(&open.ev) == 1 {
				a := c.bodyAsState(parts[0])
				for i := range open.ev.Actors {
					open.ev.Actors[i] = open.bodyAsState(open.ev.Actors[i])
				}
				open.ev.Actors = append(open.ev.Actors, a)
				open.ev.Evidence = append(open.ev.Evidence, c.ev.Evidence...)
				open.names = nameKey(open.ev.Participants())
				continue
			}
		}
		open = c
		out = append(out, c)
	}
	return out
}

// upgradeTarget returns the candidate cs[i] is a state-level report of.
func upgradeTarget(cs []*candidate, i int) *candidate {
	c := cs[i]
	parts := c.ev.Participants()
	states := 0
	for _, a := range parts {
		if isStateActor(a) {
			states++
		}
	}
	if states == 0 {
		return nil
	}
	for j, o := range cs {
		if j == i || o.ev.Type != c.ev.Type || !compatible(o.ev.Date, c.ev.Date) ||
			(o.ev.Factuality == article.FactAsserted) != (c.ev.Factuality == article.FactAsserted) {
			continue
		}
		ops := o.ev.Participants()
		if len(ops) != len(parts) {
			continue
		}
		used := make([]bool, len(ops))
		ok, upgraded := true, false
		for _, a := range parts {
			k := -1
			for n, b := range ops {
				if used[n] {
					continue
				}
				if b.Name == a.Name || isStateActor(a) && !isStateActor(b) && b.Country == a.Country {
					k = n
					break
				}
			}
			if k < 0 {
				ok = false
				break
			}
			upgraded = upgraded || ops[k].Name != a.Name
			used[k] = true
		}
		if ok && upgraded {
			return o
		}
	}
	return nil
}

// stateLevelTypes are the directed conflict types whose institutional
// actors stand for their state.
var stateLevelTypes = map[string]bool{"ACCUSE": true, "REQUEST": true, "ASSAULT": true}

// stateLevel returns the state an institution stands for in directed
// conflict events (ministries, armed forces): "the Azerbaijani Defence
// Ministry condemned the Armenian leadership" is Azerbaijan accusing
// Armenia. Persons, international organisations and named councils of
// other types keep their name.
func stateLevel(typ string, m ment, act article.Actor) article.Actor {
	if !stateLevelTypes[typ] || act.Country == "" {
		return act
	}
	switch m.m.Type {
	case article.TypeGovBody, article.TypeArmedGroup:
		if strings.Contains(m.m.Name, "Council") {
			// A security council speaks as itself.
			return act
		}
		if n := stateName(act.Country); n != "" {
			act.Name, act.Entity = n, ""
		}
	}
	return act
}

// bodyAsState returns the state an institution actor of c stands for.
func (c *candidate) bodyAsState(a article.Actor) article.Actor {
	if a.Country != "" && !isStateActor(a) && !c.persons[a.Name] && stateName(a.Country) != "" {
		a.Name, a.Entity = stateName(a.Country), ""
	}
	return a
}

// sameDay reports whether two dates may be the same day: equal when both
// are days, else compatible at the coarser precision.
func sameDay(a, b article.Date) bool {
	if a.Known() != b.Known() {
		return false
	}
	if a.Prec() == article.PrecDay && b.Prec() == article.PrecDay {
		return a.Year == b.Year && a.Month == b.Month && a.Day == b.Day
	}
	return compatible(a, b)
}

// participantCount is len(ev.Participants()) without building the list.
func participantCount(ev *article.Event) int {
	n := 0
	for _, a := range ev.Actors {
		if a.Role != article.RoleHost {
			n++
		}
	}
	return n
}
