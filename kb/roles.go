package kb

import (
	"fmt"
	"sort"
	"strings"

	"github.com/vigie-news/vigie/article"
)

const openEnd = 99999999

// dateBound turns a KB date (YYYY-MM-DD, YYYY-MM or YYYY) into a yyyymmdd
// integer: the first day it covers, or with last the last day. An empty
// string is the open bound (0, or openEnd when last).
func dateBound(s string, last bool) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		if last {
			return openEnd, true
		}
		return 0, true
	}
	d, ok := article.ParseDate(s)
	if !ok {
		return 0, false
	}
	lo, hi := dateRange(d)
	if last {
		return hi, true
	}
	return lo, true
}

// dateRange returns the first and last day (yyyymmdd) a date covers.
func dateRange(d article.Date) (int, int) {
	y := d.Year * 10000
	switch d.Prec() {
	case article.PrecDay:
		v := y + d.Month*100 + d.Day
		return v, v
	case article.PrecMonth:
		return y + d.Month*100 + 1, y + d.Month*100 + 31
	case article.PrecYear:
		return y + 101, y + 1231
	case article.PrecDecade:
		y0 := (d.Year / 10) * 10 * 10000
		return y0 + 101, y0 + 9*10000 + 1231
	}
	return 0, 0
}

// Holders returns the persons who held the role key for of (an ISO3 code or
// an organisation id) on the date, sorted by name.
//
// Precision rules: a day-precision date returns the holders whose tenure
// contains the day (start and end days inclusive, so a hand-over day can
// return two). A coarser date (month, year) first takes every holder whose
// tenure overlaps the period; when that is more than one, only those whose
// tenure covers the whole period are kept — so "2022-07" resolves to the
// July 2022 minister but a month with a hand-over returns nobody rather than
// a guess. An unknown date returns nil: callers must not guess.
func (k *KB) Holders(roleKey, of string, on article.Date) []*Entity {
	if !on.Known() {
		return nil
	}
	lo, hi := dateRange(on)
	var overlap, cover []*Entity
	for _, h := range k.roles[roleKey+"|"+of] {
		if h.start <= hi && lo <= h.end {
			overlap = appendUnique(overlap, h.e)
			if h.start <= lo && hi <= h.end {
				cover = appendUnique(cover, h.e)
			}
		}
	}
	res := overlap
	if on.Prec() != article.PrecDay && len(overlap) > 1 {
		res = cover
	}
	sort.Slice(res, func(i, j int) bool { return res[i].Name < res[j].Name })
	return res
}

// RoleAt returns the roles e held on the date (overlapping it for coarse
// dates); nil for an unknown date.
func (e *Entity) RoleAt(on article.Date) []Role {
	if !on.Known() {
		return nil
	}
	lo, hi := dateRange(on)
	var out []Role
	for _, r := range e.Roles {
		s, ok1 := dateBound(r.Start, false)
		en, ok2 := dateBound(r.End, true)
		if ok1 && ok2 && s <= hi && lo <= en {
			out = append(out, r)
		}
	}
	return out
}

// Problem is a consistency issue found by Check.
type Problem struct {
	Pos     Pos
	Kind    string // "ambiguous_alias", "overlapping_roles", "unknown_reference"
	Message string
}

// String formats the problem as "file:line: kind: message".
func (p Problem) String() string { return fmt.Sprintf("%s: %s: %s", p.Pos, p.Kind, p.Message) }

// Check lists consistency problems of a loaded KB: aliases shared (after
// Fold) by two entities of the same type, two holders of the same role key
// and of at overlapping dates, and references (role of, part_of) to
// entities or codes the KB does not define.
func Check(k *KB) []Problem {
	var ps []Problem
	aliases := make([]string, 0, len(k.alias))
	for a := range k.alias {
		aliases = append(aliases, a)
	}
	sort.Strings(aliases)
	for _, a := range aliases {
		es := k.alias[a]
		byType := map[article.EntityType][]*Entity{}
		for _, e := range es {
			byType[e.Type] = append(byType[e.Type], e)
		}
		for t, l := range byType {
			if len(l) > 1 {
				ids := make([]string, len(l))
				for i, e := range l {
					ids[i] = e.ID
				}
				ps = append(ps, Problem{k.pos[l[1]], "ambiguous_alias",
					fmt.Sprintf("alias %q is shared by %d %s entities: %s", a, len(l), t, strings.Join(ids, ", "))})
			}
		}
	}
	keys := make([]string, 0, len(k.roles))
	for r := range k.roles {
		keys = append(keys, r)
	}
	sort.Strings(keys)
	for _, key := range keys {
		hs := k.roles[key]
		for i := 0; i < len(hs); i++ {
			for j := i + 1; j < len(hs); j++ {
				a, b := hs[i], hs[j]
				if a.e == b.e {
					continue
				}
				// Touching on the hand-over day is not an overlap.
				if a.start < b.end && b.start < a.end {
					ps = append(ps, Problem{k.pos[b.e], "overlapping_roles",
						fmt.Sprintf("%s and %s both hold %s (%s..%s vs %s..%s)", a.e.ID, b.e.ID, key,
							a.role.Start, a.role.End, b.role.Start, b.role.End)})
				}
			}
		}
	}
	codes := map[string]bool{}
	for _, e := range k.entities {
		codes[e.Country] = true
	}
	for _, e := range k.entities {
		if e.PartOf != "" && k.byID[e.PartOf] == nil {
			ps = append(ps, Problem{k.pos[e], "unknown_reference", fmt.Sprintf("%s: part_of %q", e.ID, e.PartOf)})
		}
		if e.Territory != "" && k.byID[e.Territory] == nil {
			ps = append(ps, Problem{k.pos[e], "unknown_reference", fmt.Sprintf("%s: territory %q", e.ID, e.Territory)})
		}
		for _, r := range e.Roles {
			if r.Of != "" && k.byID[r.Of] == nil && !codes[r.Of] {
				ps = append(ps, Problem{k.pos[e], "unknown_reference", fmt.Sprintf("%s: role %s of %q", e.ID, r.Key, r.Of)})
			}
		}
		if e.Country != "" && k.country[e.Country] == nil && e.Type != article.TypeState {
			ps = append(ps, Problem{k.pos[e], "unknown_reference", fmt.Sprintf("%s: country %q has no state entity", e.ID, e.Country)})
		}
	}
	return ps
}
