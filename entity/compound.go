package entity

import (
	"strings"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/kb"
	"github.com/vigie-news/vigie/translit"
)

// irregularPrefixes are the first parts of French compound demonyms not
// formed on the demonym's stem, by ISO 3166-1 alpha-3 code.
var irregularPrefixes = map[string]string{
	"germano": "DEU", "sino": "CHN", "anglo": "GBR", "helleno": "GRC", "nippo": "JPN", "austro": "AUT",
	"belgo": "BEL", "helvetico": "CHE", "luso": "PRT", "hispano": "ESP", "soviet": "RUS", "sovieto": "RUS",
}

// prefixIndex maps the folded first part of a compound demonym ("armeno",
// "russo", "turco", "azerbaidjano") to its state: the stem (the part
// without its final "o") must begin the demonyms of exactly one state.
type prefixIndex struct {
	stems map[string]*kb.Entity // demonym prefix (3+ letters) → state, nil when ambiguous
	k     *kb.KB
}

func newPrefixIndex(k *kb.KB) *prefixIndex {
	px := &prefixIndex{stems: map[string]*kb.Entity{}, k: k}
	for _, e := range k.Entities() {
		if e.Type != article.TypeState || e.Country == "" {
			continue
		}
		for _, ds := range e.Demonyms {
			for _, d := range ds {
				f := translit.Fold(d)
				if strings.ContainsAny(f, " -") {
					continue
				}
				for l := 3; l <= len(f); l++ {
					st := f[:l]
					if old, ok := px.stems[st]; ok && old != e {
						px.stems[st] = nil
						continue
					}
					px.stems[st] = e
				}
			}
		}
	}
	return px
}

// state returns the state a compound's first part stands for, or nil.
func (px *prefixIndex) state(fold string) *kb.Entity {
	if iso, ok := irregularPrefixes[fold]; ok {
		return px.k.Country(iso)
	}
	if len(fold) < 4 || fold[len(fold)-1] != 'o' {
		return nil
	}
	return px.stems[fold[:len(fold)-1]]
}

// compoundPass finds compound demonyms, two or three parts joined by
// hyphens whose last part is a demonym and whose other parts are compound
// prefixes (French "arméno-", "russo-") or demonyms (English "Armenian-"),
// and emits one article.KindCompound state mention per part when the parts name
// distinct states.
func (s *state) compoundPass() {
	for i := 0; i+1 < len(s.toks); i++ {
		if s.used[i] || s.gap(i+1) != "-" {
			continue
		}
		var parts []*kb.Entity
		j := i
		for ; j < len(s.toks) && !s.used[j] && len(parts) < 4; j++ {
			e := s.dem[j]
			if e == nil {
				e = s.r.prefixes.state(s.toks[j].Fold)
			}
			if e == nil {
				break
			}
			parts = append(parts, e)
			if j+1 >= len(s.toks) || s.gap(j+1) != "-" {
				j++
				break
			}
		}
		// The last part must be a demonym; all parts distinct states.
		if len(parts) < 2 || s.dem[i+len(parts)-1] == nil || j != i+len(parts) {
			continue
		}
		distinct := true
		for a := range parts {
			for b := a + 1; b < len(parts); b++ {
				distinct = distinct && parts[a] != parts[b]
			}
		}
		if !distinct {
			continue
		}
		for k, e := range parts {
			s.add(cand{i: i + k, n: 1, m: article.Mention{Type: article.TypeState, Kind: article.KindCompound,
				Entity: e.ID, Name: e.Name, Country: e.Country, Confidence: 0.7}})
		}
		i += len(parts) - 1
	}
}
