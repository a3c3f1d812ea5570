package entity

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/kb"
	"github.com/vigie-news/vigie/translit"
)

// Options configures a Recognizer.
type Options struct {
	// MinConfidence drops mentions whose confidence is below it.
	MinConfidence float64
	// NoUnknown disables mentions of capitalised names missing from the KB.
	NoUnknown bool
	// MaxFuzzyPersons bounds the number of KB persons indexed for
	// spelling-similarity linking (200000 when 0); above it, only exact
	// key matches link.
	MaxFuzzyPersons int
}

// Recognizer finds entity mentions in articles. It is safe for concurrent
// use once built.
type Recognizer struct {
	kb    *kb.KB
	m     *kb.Matcher
	opts  Options
	fuzzy map[int][]nameKey // surname key length → person names
	exact map[string][]nameKey
	// prefixes resolves the first parts of compound demonyms.
	prefixes *prefixIndex
	// states holds released per-article states for reuse.
	states sync.Pool
}

type nameKey struct {
	first, last string
	e           *kb.Entity
}

// New builds a recogniser over the KB.
func New(k *kb.KB, opts Options) *Recognizer {
	r := &Recognizer{kb: k, m: k.Matcher(), opts: opts, fuzzy: map[int][]nameKey{}, exact: map[string][]nameKey{},
		prefixes: newPrefixIndex(k)}
	max := opts.MaxFuzzyPersons
	if max == 0 {
		max = 200000
	}
	n := 0
	for _, e := range k.Entities() {
		if e.Type != article.TypePerson {
			continue
		}
		n++
		seen := map[string]bool{}
		for _, a := range e.AllNames() {
			ws := translit.Words(a)
			if len(ws) < 2 {
				continue
			}
			nk := nameKey{first: translit.Key(ws[0]), last: translit.Key(ws[len(ws)-1]), e: e}
			if seen[nk.first+" "+nk.last] {
				continue
			}
			seen[nk.first+" "+nk.last] = true
			r.exact[nk.last] = append(r.exact[nk.last], nk)
			if n <= max {
				r.fuzzy[len(nk.last)] = append(r.fuzzy[len(nk.last)], nk)
			}
		}
	}
	return r
}

// cand is a mention under construction with its token range.
type cand struct {
	i, n int // tokens [i, i+n)
	m    article.Mention
	// roleKey/roleOf for role mentions.
	roleKey, roleOf string
}

type state struct {
	r      *Recognizer
	a      *article.Article
	text   string
	toks   []kb.Token
	used   []bool
	dem    []*kb.Entity // demonym state at token, nil otherwise
	starts map[int]int  // token index → index in cands of a KB mention starting there
	cands  []cand
	lower  map[string]bool // words seen in lower case
	sentSt map[int]bool    // byte offsets where a.Sentences start
	// persons of the article: surname key → entity id and name
	persons map[string]personRef
	// firsts maps the first-name key of the article's persons to them
	// (an empty id when two persons share it).
	firsts map[string]personRef
	// personAt marks the first token of multi-word person mentions and,
	// negated, one past their last token (built by listPersons).
	personAt map[int]bool
	// folds caches translit.Fold of words across the articles the
	// pooled state serves.
	folds map[string]string
	// aliases caches r.kb.ByAlias, names the keys of person names
	// (nameKeysOf).
	aliases map[string][]*kb.Entity
	names   map[string]nameKeys
	keys    kb.KeyCache // the KB matcher's ids of capitalised words
	hits    []kb.Hit    // kbPass's buffer
}

type personRef struct {
	id, name, country string
	// first is the key of the first word of the person's name.
	first    string
	kbPerson bool
	// noKB marks an ambiguous surname shared by a KB person and a person
	// of the article with another first name: a bare surname must not
	// fall back to the KB.
	noKB bool
}

// Annotate fills a.Mentions from a.Text: KB names and aliases, role
// descriptions, demonyms qualifying actor nouns, and (for French and
// English) capitalised names missing from the KB. Mentions are sorted by
// Start; no two share a span.
func (r *Recognizer) Annotate(ctx context.Context, a *article.Article) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("annotating entities of %s: %w", a.ID, err)
	}
	s := r.getState()
	defer s.release()
	s.r, s.a, s.text = r, a, a.Text
	s.toks = s.appendTokens(s.toks[:0], a.Text)
	s.used = append(s.used[:0], make([]bool, len(s.toks))...)
	s.dem = append(s.dem[:0], make([]*kb.Entity, len(s.toks))...)
	for _, t := range s.toks {
		if !t.Upper {
			s.lower[t.Fold] = true
		}
	}
	for _, sp := range a.Sentences {
		s.sentSt[sp.Start] = true
	}
	s.kbPass()
	full := a.Lang == "fr" || a.Lang == "en"
	if full {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("annotating entities of %s: %w", a.ID, err)
		}
		s.polityPass()
		s.compoundPass()
		s.demonymPass()
		s.rolePass()
		if !r.opts.NoUnknown {
			s.namePass()
		}
		s.linkRoles()
	}
	s.extendInitials()
	a.Mentions = s.finish()
	return nil
}

// gap returns the text between token i-1 and token i.
func (s *state) gap(i int) string {
	if i <= 0 || i >= len(s.toks) {
		if i == 0 && len(s.toks) > 0 {
			return s.text[:s.toks[0].Start]
		}
		return ""
	}
	return s.text[s.toks[i-1].End:s.toks[i].Start]
}

// sentenceInitial reports whether token i starts a sentence, heading or line.
func (s *state) sentenceInitial(i int) bool {
	if i == 0 || s.sentSt[s.toks[i].Start] {
		return true
	}
	g := s.gap(i)
	if strings.ContainsAny(g, "\n") {
		return true
	}
	g = strings.TrimRight(g, " \t\"'«»“”‘’()[]-–—\u00a0")
	if g == "" {
		return false
	}
	switch g[len(g)-1] {
	case '.', '!', '?', ':', ';':
		// "M. Aliev", "N. Pachinian": an abbreviation, not a sentence end.
		p := s.toks[i-1]
		if g == "." && p.End-p.Start <= 3 && p.Upper {
			return false
		}
		return true
	}
	return false
}

func (s *state) add(c cand) int {
	c.m.Span = article.Span{Start: s.toks[c.i].Start, End: s.toks[c.i+c.n-1].End}
	c.m.Text = s.text[c.m.Start:c.m.End]
	for j := c.i; j < c.i+c.n; j++ {
		s.used[j] = true
	}
	s.cands = append(s.cands, c)
	return len(s.cands) - 1
}

// kbPass finds KB aliases (names first, demonyms recorded for later passes).
func (s *state) kbPass() {
	m := s.r.m
	for i := 0; i < len(s.toks); {
		cacheRoom(s.keys)
		n, hits := m.MatchAtCached(s.toks, i, s.keys)
		if n == 0 {
			i++
			continue
		}
		names := s.hits[:0]
		var dem *kb.Entity
		for _, h := range hits {
			if h.Demonym {
				if dem == nil && h.Entity.Type == article.TypeState {
					dem = h.Entity
				}
			} else {
				names = append(names, h)
			}
		}
		s.hits = names
		if len(names) == 0 {
			if n == 1 {
				s.dem[i] = dem
			} else {
				for j := i; j < i+n; j++ {
					s.dem[j] = dem
				}
			}
			i += n
			continue
		}
		surface := s.text[s.toks[i].Start:s.toks[i+n-1].End]
		e, conf := s.pick(names, surface)
		// A lone capitalised word that is a KB alias of a non-person but
		// opens a longer capitalised name ("Michel" in "Charles Michel" is
		// handled by the person alias; "Jordan Bardella" is not a country).
		if n == 1 && e.Type != article.TypePerson && i > 0 && s.toks[i-1].Upper && !s.used[i-1] &&
			firstNames[s.toks[i-1].Fold] && strings.TrimSpace(s.gap(i)) == "" {
			i++
			continue
		}
		kind := article.KindName
		if e.Type == article.TypePerson && n == 1 && len(translit.Words(e.Name)) > 1 {
			kind = article.KindSurname
		}
		idx := s.add(cand{i: i, n: n, m: article.Mention{Type: e.Type, Kind: kind, Entity: e.ID, Name: e.Name,
			Country: e.Country, Confidence: conf}})
		s.starts[i] = idx
		if e.Type == article.TypePerson {
			s.notePerson(e.Name, personRef{id: e.ID, name: e.Name, country: e.Country, kbPerson: true})
		}
		i += n
	}
}

// pick chooses among the entities an alias stands for: an exact (folded)
// alias beats a transliteration-key match, then persons and states beat
// other types; ties go to the lowest id for determinism.
func (s *state) pick(hits []kb.Hit, surface string) (*kb.Entity, float64) {
	exact := s.byAlias(surface)
	isExact := func(e *kb.Entity) bool {
		for _, x := range exact {
			if x == e {
				return true
			}
		}
		return false
	}
	rank := func(e *kb.Entity) int {
		r := 0
		if !isExact(e) {
			r += 10
		}
		switch e.Type {
		case article.TypePerson, article.TypeState:
		default:
			r++
		}
		return r
	}
	best := hits[0].Entity
	for _, h := range hits[1:] {
		e := h.Entity
		if rank(e) < rank(best) || (rank(e) == rank(best) && e.ID < best.ID) {
			best = e
		}
	}
	conf := 0.95
	if !isExact(best) {
		conf = 0.85
	}
	if len(hits) > 1 {
		conf -= 0.2
	}
	return best, conf
}

func (s *state) notePerson(name string, p personRef) {
	nk := s.nameKeysOf(name)
	if !nk.ok {
		return
	}
	k := nk.last
	p.first = nk.first
	if old, ok := s.firsts[p.first]; !ok {
		s.firsts[p.first] = p
	} else if old.id != p.id && old.id != "" {
		s.firsts[p.first] = personRef{}
	}
	if old, ok := s.persons[k]; ok && old.id != p.id {
		if old.kbPerson && !p.kbPerson {
			if !firstClose(old.first, p.first) {
				// "Nvard Hovhannisyan" beside KB "Paruyr Hovhannisyan".
				s.persons[k] = personRef{noKB: true}
			}
			return
		}
		if old.noKB {
			return
		}
		if old.kbPerson == p.kbPerson {
			// Two persons with one surname: a bare surname is ambiguous.
			s.persons[k] = personRef{}
			return
		}
	}
	s.persons[k] = p
}

// demonymPass emits state mentions for demonyms that qualify an actor noun
// ("forces arméniennes", "the Azerbaijani side") and for capitalised
// French demonyms used as nouns ("les Arméniens").
func (s *state) demonymPass() {
	fr := s.a.Lang == "fr"
	for i, e := range s.dem {
		if e == nil || s.used[i] {
			continue
		}
		if i > 0 && s.dem[i-1] == e {
			continue // multi-token demonym already handled
		}
		n := 1
		for i+n < len(s.dem) && s.dem[i+n] == e && !s.used[i+n] {
			n++
		}
		ok := false
		if fr {
			// French adjectives follow the noun, maybe after one adverb/adjective.
			for back := 1; back <= 2 && i-back >= 0; back++ {
				if actorNouns[s.toks[i-back].Fold] {
					ok = true
					break
				}
			}
			if s.toks[i].Upper && !s.sentenceInitial(i) {
				ok = true
			}
			// "les dirigeants azerbaïdjanais et russe", "les forces
			// azerbaïdjanaises et arméniennes": coordinated with a demonym
			// that qualifies an actor noun.
			if i >= 2 && (s.toks[i-1].Fold == "et" || s.toks[i-1].Fold == "ou") && s.dem[i-2] != nil && s.dem[i-2] != e {
				for back := 1; back <= 2 && i-2-back >= 0; back++ {
					if actorNouns[s.toks[i-2-back].Fold] {
						ok = true
						break
					}
				}
			}
			// "les forces azerbaïdjanaises et arméniennes", where the first
			// pair is a KB alias (an armed group) of another country.
			if i >= 2 && (s.toks[i-1].Fold == "et" || s.toks[i-1].Fold == "ou") {
				if ci, found := s.startsEnding(i - 2); found {
					c := s.cands[ci].m
					if c.Country != "" && c.Country != e.Country && (c.Type == article.TypeArmedGroup || c.Type == article.TypeGovBody) {
						ok = true
					}
				}
			}
		} else {
			for fwd := 0; fwd < 2 && i+n+fwd < len(s.toks); fwd++ {
				if actorNouns[s.toks[i+n+fwd].Fold] {
					ok = true
					break
				}
			}
			// "Armenian and Azerbaijani forces".
			if k := i + n; k+2 < len(s.toks) && (s.toks[k].Fold == "and" || s.toks[k].Fold == "or") && s.dem[k+1] != nil && s.dem[k+1] != e && actorNouns[s.toks[k+2].Fold] {
				ok = true
			}
		}
		if !ok {
			continue
		}
		// Leave demonyms inside role descriptions to the role pass.
		if s.roleAround(i) {
			continue
		}
		s.add(cand{i: i, n: n, m: article.Mention{Type: article.TypeState, Kind: article.KindDemonym,
			Entity: e.ID, Name: e.Name, Country: e.Country, Confidence: 0.8}})
	}
}

// roleAround reports whether a role phrase ends right before (fr) or starts
// right after (en) token i.
func (s *state) roleAround(i int) bool {
	idx := roleIndex[s.a.Lang]
	for start := i - 6; start <= i+1; start++ {
		if start < 0 || start >= len(s.toks) || start == i {
			continue
		}
		if _, _, ok := s.matchRole(idx, start); ok {
			return true
		}
	}
	return false
}

// matchRole matches a role phrase at token i, allowing one demonym
// inserted after its first word ("ministre arménien des Affaires
// étrangères"). It returns the end token and the inner demonym.
func (s *state) matchRole(idx map[string][]rolePhrase, i int) (*rolePhrase, [2]int, bool) {
	var best *rolePhrase
	var bestEnd [2]int // end token, inner demonym token (-1)
	found := false
	if !roleFirstShapes.MayHave(s.toks[i].Fold) {
		return best, bestEnd, false
	}
	ps := idx[s.toks[i].Fold]
	for k := range ps {
		p := &ps[k]
		j, w, demAt := i, 0, -1
		for w < len(p.words) && j < len(s.toks) {
			if s.toks[j].Fold == p.words[w] {
				j++
				w++
				continue
			}
			if w > 0 && demAt < 0 && s.dem[j] != nil {
				demAt = j
				j++
				continue
			}
			break
		}
		if w == len(p.words) && (!found || j > bestEnd[0]) {
			best, bestEnd, found = p, [2]int{j, demAt}, true
		}
	}
	return best, bestEnd, found
}

// rolePass finds role descriptions with their country and resolves them
// to the holder on the sentence's date.
func (s *state) rolePass() {
	idx := roleIndex[s.a.Lang]
	if idx == nil {
		return
	}
	en := s.a.Lang == "en"
	lastKey := ""
	for i := 0; i < len(s.toks); i++ {
		if s.used[i] {
			continue
		}
		p, end, ok := s.matchRole(idx, i)
		if !ok {
			continue
		}
		start, stop := i, end[0]
		of := ""
		if end[1] >= 0 {
			of = s.dem[end[1]].Country
		}
		// A KB body or state the phrase runs into: "chef de la
		// diplomatie russe" is the minister, not the ministry that
		// "diplomatie russe" names alone.
		if of == "" {
			for j := start + 1; j < stop; j++ {
				ci, ok := s.starts[j]
				if !ok {
					continue
				}
				c := s.cands[ci]
				if c.i+c.n > stop && c.m.Country != "" &&
					(c.m.Type == article.TypeGovBody || c.m.Type == article.TypeState) {
					of, stop = c.m.Country, c.i+c.n
				}
				break
			}
		}
		// Country after the phrase: a demonym, or de/du/d'/of (+ l'/la/the) + state or organisation.
		if of == "" && stop < len(s.toks) {
			if e := s.dem[stop]; e != nil && !s.used[stop] {
				of = e.Country
				stop++
			} else {
				j := stop
				if f := s.toks[j].Fold; f == "de" || f == "du" || f == "d" || f == "of" {
					j++
					if j < len(s.toks) && (s.toks[j].Fold == "l" || s.toks[j].Fold == "la" || s.toks[j].Fold == "the") {
						j++
					}
					if ci, ok := s.starts[j]; ok {
						c := s.cands[ci]
						if c.m.Type == article.TypeState {
							of = c.m.Country
						} else if c.m.Type == article.TypeIntlOrg {
							of = c.m.Entity
						} else if pol := s.r.kb.PolityOf(c.m.Entity); pol != nil && c.m.Type == article.TypeRegion {
							// "ministre des Affaires étrangères de l'Artsakh": the
							// polity that governs the region.
							of = pol.Country
						}
						if of != "" {
							stop = c.i + c.n
						}
					}
				}
			}
		}
		// Country before (English): "Armenian Prime Minister", "Russia's foreign minister", "US Secretary of State".
		if of == "" && en && i > 0 {
			if e := s.dem[i-1]; e != nil {
				of, start = e.Country, i-1
			} else if ci, ok := s.startsEnding(i - 1); ok && s.cands[ci].m.Type == article.TypeState {
				of, start = s.cands[ci].m.Country, s.cands[ci].i
			} else if i > 1 && s.toks[i-1].Fold == "s" {
				if ci, ok := s.startsEnding(i - 2); ok && s.cands[ci].m.Type == article.TypeState {
					of, start = s.cands[ci].m.Country, s.cands[ci].i
				}
			}
		}
		key := p.key
		if p.counterpart {
			key = lastKey
		}
		if of == "" {
			of = p.defOf
		}
		if key == "" || of == "" {
			i = stop - 1
			continue
		}
		lastKey = key
		// Drop a state mention swallowed by the role ("Russia's foreign minister").
		for j := start; j < stop; j++ {
			if s.used[j] {
				if ci, ok := s.starts[j]; ok {
					s.cands[ci].m.Confidence = -1 // removed in finish
					delete(s.starts, j)
				}
			}
		}
		c := cand{i: start, n: stop - start, roleKey: key, roleOf: of, m: article.Mention{Type: article.TypePerson,
			Kind: article.KindRole, Role: roleTitle(key, of, s.r.kb), Country: of, Confidence: 0.5}}
		if d := s.dateAt(s.toks[start].Start); d.Known() {
			if hs := s.r.kb.Holders(key, of, d); len(hs) == 1 {
				c.m.Entity, c.m.Name = hs[0].ID, hs[0].Name
				c.m.Confidence = 0.8
				if d.Prec() != article.PrecDay {
					c.m.Confidence = 0.7
				}
			}
		}
		s.add(c)
		i = stop - 1
	}
}

// startsEnding returns the KB mention ending at token j.
func (s *state) startsEnding(j int) (int, bool) {
	for ci := len(s.cands) - 1; ci >= 0; ci-- {
		c := s.cands[ci]
		if c.i+c.n-1 == j && c.m.Confidence >= 0 && c.m.Kind == article.KindName {
			return ci, true
		}
	}
	return 0, false
}

func roleTitle(key, of string, k *kb.KB) string {
	t := roleTitles[key]
	if t == "" {
		t = key
	}
	if e := k.Country(of); e != nil {
		return t + " of " + e.Name
	}
	if e := k.Get(of); e != nil {
		return t + " of " + e.Name
	}
	return t + " of " + of
}

// dateAt returns the date of the sentence holding byte offset off: the
// first resolved date expression of that sentence, else the publication date.
func (s *state) dateAt(off int) article.Date {
	lo, hi := 0, len(s.text)
	for _, sp := range s.a.Sentences {
		if sp.Start <= off && off < sp.End {
			lo, hi = sp.Start, sp.End
			break
		}
	}
	if len(s.a.Sentences) > 0 {
		for _, t := range s.a.Times {
			if t.Kind == article.TimeDate && t.Resolved && t.Value.Known() && t.Span.Start >= lo && t.Span.End <= hi {
				return t.Value
			}
		}
	}
	return s.a.Published
}
