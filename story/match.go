package story

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"

	"github.com/vigie-news/vigie/article"
)

// maxContext caps the context entities kept per report and per story.
const maxContext = 48

// articleFacts is what an article's mentions say about the entities its
// events name: their types and countries, and the article's context (the
// distinct linked entities it mentions, in order of first mention).
type articleFacts struct {
	types     map[string]article.EntityType
	countries map[string]string
	context   []string
	// ctx holds the context's interned ids, weights and sorted ids (see
	// Index.articleContext), computed once for all the article's reports.
	ctx *articleContext
}

// articleContext is the interned form of an article's context.
type articleContext struct {
	ids     []uint32
	weights []float64  // inverse document frequencies, 0 when not positive
	sorted  []ctxEntry // ids sorted, pos giving the position in the context
}

// factsOf collects the facts of an article's mentions.
func factsOf(a *article.Article) articleFacts {
	f := articleFacts{}
	if len(a.Mentions) == 0 {
		return f
	}
	f.types = make(map[string]article.EntityType, len(a.Mentions))
	f.countries = make(map[string]string, len(a.Mentions))
	for i := range a.Mentions {
		m := &a.Mentions[i]
		if m.Entity == "" {
			continue
		}
		if _, ok := f.types[m.Entity]; !ok {
			f.types[m.Entity] = m.Type
			if len(f.context) < maxContext {
				f.context = append(f.context, m.Entity)
			}
		}
		if m.Country != "" && f.countries[m.Entity] == "" {
			f.countries[m.Entity] = m.Country
		}
	}
	return f
}

// reportInfo is what merging needs to know about one report beyond the Report itself.
type reportInfo struct {
	key    string
	typ    string
	actors []article.Actor
	// ckey is the type and country set ("CONSULT|ARM+AZE"), "" when some
	// participant stands for no single country.
	ckey string
	// states lists the countries whose participant is the state itself.
	states []string
	// placeCountry and placeState locate the report's place: its country,
	// and whether the place is that whole country.
	placeCountry string
	placeState   bool
	// context is the article's context minus the event's participants;
	// ctxFrom gives the position of each of its entities in the
	// article's context (facts). ctxIDs (see contextIDs) interns it and
	// ctxWeights (see contextWeights) holds the inverse document
	// frequencies contextScore gives its entities, computed once per
	// report from the article's.
	context    []string
	ctxFrom    []uint8
	facts      *articleFacts
	ctxIDs     []uint32
	ctxWeights []float64
	// ctxSorted holds ctxIDs sorted, each with its position in context.
	ctxSorted []ctxEntry
	// hosts are the keys of the event's hosts (actorKey).
	hosts []string
}

// countryKey maps every participant to the country it stands for at the
// event: a state to itself, a person (or any other actor with a country,
// such as a government body) to its Actor.Country. It fails when a
// participant has no country or two participants share one (the mapping
// would lose who met whom).
func countryKey(typ string, actors []article.Actor, f *articleFacts) (ckey string, states []string, ok bool) {
	cs := make([]string, 0, len(actors))
	for _, a := range actors {
		c := a.Country
		if c == "" && a.Entity != "" {
			c = f.countries[a.Entity]
		}
		if c == "" {
			return "", nil, false
		}
		for _, x := range cs {
			if x == c {
				return "", nil, false
			}
		}
		cs = append(cs, c)
		if standsForState(a, f) {
			states = append(states, c)
		}
	}
	sort.Strings(cs)
	sort.Strings(states)
	return strings.ToUpper(typ) + "|" + strings.Join(cs, "+"), states, true
}

// standsForState reports whether a participant is the state itself: an
// entity the article's mentions type as a state, or an actor without an
// entity id that carries a country (the event layer names a state that
// way when it reads a demonym, a capital or an undated role such as "the
// Russian president": "Azerbaijan", "Russia").
func standsForState(a article.Actor, f *articleFacts) bool {
	if a.Entity == "" {
		return a.Country != ""
	}
	return f != nil && f.types[a.Entity] == article.TypeState
}

// actorCountry returns the country an actor stands for ("" when unknown).
func actorCountry(a article.Actor, f *articleFacts) string {
	if a.Country != "" {
		return a.Country
	}
	if a.Entity != "" && f != nil {
		return f.countries[a.Entity]
	}
	return ""
}

// newReportInfo computes the merge facts of an event of the article.
func newReportInfo(key, typ string, actors []article.Actor, place *article.Place, f *articleFacts) reportInfo {
	ri := reportInfo{key: key, typ: strings.ToUpper(typ), actors: actors}
	for i := range ri.actors {
		if ri.actors[i].Country == "" {
			ri.actors[i].Country = actorCountry(ri.actors[i], f)
		}
	}
	ri.ckey, ri.states, _ = countryKey(typ, ri.actors, f)
	if place != nil && place.Entity != "" {
		ri.placeCountry = f.countries[place.Entity]
		ri.placeState = f.types[place.Entity] == article.TypeState
	}
	if len(f.context) > 0 {
		ri.facts = f
		ri.context = make([]string, 0, len(f.context))
		ri.ctxFrom = make([]uint8, 0, len(f.context))
	ctx:
		for i, e := range f.context {
			for _, a := range actors {
				if a.Entity == e {
					continue ctx
				}
			}
			ri.context = append(ri.context, e)
			ri.ctxFrom = append(ri.ctxFrom, uint8(i)) // the context holds at most maxContext entities
		}
	}
	return ri
}

// isState reports whether the story's participant for country c is the state itself.
func (s *Story) isState(c string) bool {
	for _, x := range s.States {
		if x == c {
			return true
		}
	}
	return false
}

// actorsAgree checks the participants of a report against a story of the
// same country key: for every country, both name the same actor or one of
// them names the state itself.
func (ix *Index) actorsAgree(s *Story, ri *reportInfo) bool {
	if s.Key == ri.key {
		return true
	}
	if s.CountryKey == "" || s.CountryKey != ri.ckey {
		return false
	}
	for i := range ri.actors {
		a := &ri.actors[i]
		if contains(ri.states, a.Country) || s.isState(a.Country) {
			continue
		}
		for j := range s.Actors {
			if b := &s.Actors[j]; b.Country == a.Country && !ix.sameActorKey(a, b) {
				return false
			}
		}
	}
	return true
}

// sameActorKey reports whether actorKey(*a) == actorKey(*b), without
// building the keys of actors with an entity id.
func (ix *Index) sameActorKey(a, b *article.Actor) bool {
	if a.Entity != "" || b.Entity != "" {
		return a.Entity == b.Entity // "id:" keys, or one of them is not
	}
	return a.Name == b.Name || ix.nameKey(a) == ix.nameKey(b)
}

// maxNameKeys caps the actor keys of names Index.nameKey remembers.
const maxNameKeys = 4096

// nameKey returns actorKey(*a) for an actor without an entity id,
// remembering the keys of the first maxNameKeys names.
func (ix *Index) nameKey(a *article.Actor) string {
	if k, ok := ix.nameKeys[a.Name]; ok {
		return k
	}
	k := actorKey(*a)
	if len(ix.nameKeys) < maxNameKeys {
		if ix.nameKeys == nil {
			ix.nameKeys = make(map[string]string)
		}
		ix.nameKeys[a.Name] = k
	}
	return k
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// refineActors replaces the story's state-level participants by the
// report's named ones for the same country (the person set is preferred)
// and reports whether the story's key changed.
func refineActors(s *Story, ri *reportInfo) bool {
	if s.Key == ri.key || len(s.States) == 0 {
		return false
	}
	changed := false
	for i, b := range s.Actors {
		if !s.isState(b.Country) {
			continue
		}
		for _, a := range ri.actors {
			if a.Country == b.Country && !contains(ri.states, a.Country) {
				s.Actors[i] = a
				s.Actors[i].Mention = nil
				changed = true
			}
		}
	}
	if !changed {
		return false
	}
	var states []string
	for _, c := range s.States {
		if !contains(ri.actorsCountriesNamed(), c) {
			states = append(states, c)
		}
	}
	s.States = states
	sort.Slice(s.Actors, func(i, j int) bool { return actorKey(s.Actors[i]) < actorKey(s.Actors[j]) })
	s.Key = keyOf(s.Type, s.Actors)
	return true
}

// actorsCountriesNamed lists the countries the report names a non-state participant for.
func (ri *reportInfo) actorsCountriesNamed() []string {
	var out []string
	for _, a := range ri.actors {
		if !contains(ri.states, a.Country) {
			out = append(out, a.Country)
		}
	}
	return out
}

// keyOf builds the merge key of a type and actors sorted by actor key.
func keyOf(typ string, actors []article.Actor) string {
	var b strings.Builder
	b.WriteString(strings.ToUpper(typ))
	b.WriteByte('|')
	for i, a := range actors {
		if i > 0 {
			b.WriteByte('+')
		}
		b.WriteString(actorKey(a))
	}
	return b.String()
}

// placeRelation compares a story's place with a report's: equal, one
// inside the other (a city inside the country given by the other report),
// one missing, or different.
func placeRelation(s *Story, sc string, sState bool, r *article.Place, rc string, rState bool, ractors []article.Actor) (string, bool) {
	rule, ok := comparePlaces(s.Place, r)
	if ok || s.Place == nil || r == nil {
		return rule, ok
	}
	// A participant's own country is too weak to oppose a place elsewhere:
	// "Pashinyan and Aliyev met ... Armenia" often reads the country off an
	// "Armenian prime minister" or a return home, not the venue.
	if weakPlace(rc, rState, ractors) || weakPlace(sc, sState, s.Actors) {
		return PlaceWeak, true
	}
	// A whole country contains the places inside it.
	if sState && sc != "" && sc == rc {
		return PlaceContains, true
	}
	if rState && rc != "" && rc == sc {
		return PlaceContains, true
	}
	return rule, false
}

// weakPlace reports whether a place (given by its country and whether it
// is that whole country) is the country of one of the participants: such
// a place neither matches nor opposes another place.
func weakPlace(country string, isState bool, actors []article.Actor) bool {
	if !isState || country == "" {
		return false
	}
	for _, a := range actors {
		if a.Country == country {
			return true
		}
	}
	return false
}

// hostScore sums, over the hosts a report shares with a story, their
// inverse document frequency (at least 1 each): one host receiving the same
// participants is evidence of one occasion beyond the articles' mentions.
func (ix *Index) hostScore(st *storyState, hosts []string) float64 {
	if len(hosts) == 0 || len(st.hosts) == 0 {
		return 0
	}
	n := float64(ix.ndocs + 1)
	score := 0.0
	for _, h := range hosts {
		if !contains(st.hosts, h) {
			continue
		}
		w := 1.0
		if id, ok := strings.CutPrefix(h, "id:"); ok {
			w = max(w, math.Log(n/(float64(ix.df[id])+1)))
		}
		score += w
	}
	return score
}

// maxHosts caps the host keys kept per story.
const maxHosts = 8

// addHosts merges a report's hosts into its story's.
func (st *storyState) addHosts(hosts []string) {
	for _, h := range hosts {
		if len(st.hosts) >= maxHosts {
			return
		}
		if !contains(st.hosts, h) {
			st.hosts = append(st.hosts, h)
			st.s.HostKeys = st.hosts
		}
	}
}

// siblingBonus is the context credit of a sibling story (half the threshold).
func (ix *Index) siblingBonus() float64 {
	return max(ix.opts.ContextThreshold, 0) / 2
}

// siblingOf reports whether another event of the report's article already
// joined a story that also holds a report of one of st's articles, with
// participants of every country the report names: the two articles were
// found to report one occasion of these parties, so their other reports
// of the same parties likely belong together too (the agreement reached
// at the meeting both describe).
func (ix *Index) siblingOf(st *storyState, ri *reportInfo, artIdx uint32) bool {
	as := ix.arts[artIdx].assigned
	if as == 0 || len(st.canon) == 0 {
		return false
	}
	self := ix.arts[artIdx].canon
	for ; as != 0; as = ix.assigns[as-1].prev {
		o := ix.stories[ix.assigns[as-1].story]
		if o == st || len(o.canon) < 2 {
			continue
		}
		covers := true
		for _, p := range ri.actors {
			found := false
			for _, q := range o.s.Actors {
				if q.Country != "" && q.Country == p.Country {
					found = true
					break
				}
			}
			if !found {
				covers = false
				break
			}
		}
		if !covers {
			continue
		}
		for _, c := range o.canon {
			if c == self {
				continue
			}
			if st.canon.has(c) {
				return true
			}
		}
	}
	return false
}

// contextScore sums the inverse document frequency of the context
// entities a report shares with a story: rare shared entities (a third
// party, a venue, an organisation) are evidence of one occasion, common
// ones (the conflict's two states) are not.
func (ix *Index) contextScore(st *storyState, ri *reportInfo) float64 {
	if len(ri.context) == 0 || len(st.ctx) == 0 {
		return 0
	}
	sorted, ws := ri.contextSorted(ix), ri.contextWeights(ix)
	if len(sorted) > 64 {
		// More than a mask holds (the context is capped below that).
		score := 0.0
		for i, id := range ri.contextIDs(ix) {
			if st.ctx.has(id) {
				score += ws[i]
			}
		}
		return score
	}
	// The shared entities, found by merging the two sorted lists, are
	// marked by their position in the report's context and summed in
	// that order.
	var shared uint64
	i, j := 0, 0
	for i < len(sorted) && j < len(st.ctx) {
		switch a, b := sorted[i].id, st.ctx[j]; {
		case a < b:
			i++
		case a > b:
			j++
		default:
			shared |= 1 << sorted[i].pos
			i++
		}
	}
	score := 0.0
	for shared != 0 {
		k := bits.TrailingZeros64(shared)
		score += ws[k]
		shared &= shared - 1
	}
	return score
}

// ctxEntry is an interned context entity and its position in a context.
type ctxEntry struct {
	id  uint32
	pos uint8
}

// articleContext returns the interned form of an article's context,
// computing it on first use. The document frequencies only change once an
// article's reports are all placed (mergeEvents), so the weights hold for
// all its reports and their candidates.
func (ix *Index) articleContext(f *articleFacts) *articleContext {
	if f.ctx != nil {
		return f.ctx
	}
	c := &articleContext{ids: ix.contextIDs(f.context), weights: make([]float64, len(f.context)), sorted: make([]ctxEntry, len(f.context))}
	n := float64(ix.ndocs + 1)
	for i, e := range f.context {
		df := float64(ix.df[e])
		if w := math.Log(n / (df + 1)); w > 0 {
			c.weights[i] = w
		}
		c.sorted[i] = ctxEntry{c.ids[i], uint8(i)}
	}
	slices.SortFunc(c.sorted, func(a, b ctxEntry) int { return cmp.Compare(a.id, b.id) })
	f.ctx = c
	return c
}

// contextSorted returns the report's context ids sorted, each with its
// position in the report's context (a context entity appears once in it).
func (ri *reportInfo) contextSorted(ix *Index) []ctxEntry {
	if ri.ctxSorted == nil && len(ri.context) > 0 {
		// The article's sorted context without the report's participants,
		// positions mapped from the article's context to the report's.
		var pos [maxContext]int16
		for i := range pos {
			pos[i] = -1
		}
		for i, from := range ri.ctxFrom {
			pos[from] = int16(i)
		}
		ri.ctxSorted = make([]ctxEntry, 0, len(ri.context))
		for _, e := range ix.articleContext(ri.facts).sorted {
			if p := pos[e.pos]; p >= 0 {
				ri.ctxSorted = append(ri.ctxSorted, ctxEntry{e.id, uint8(p)})
			}
		}
	}
	return ri.ctxSorted
}

// contextIDs returns the interned ids of the report's context.
func (ri *reportInfo) contextIDs(ix *Index) []uint32 {
	if ri.ctxIDs == nil && len(ri.context) > 0 {
		ids := ix.articleContext(ri.facts).ids
		ri.ctxIDs = make([]uint32, len(ri.ctxFrom))
		for i, from := range ri.ctxFrom {
			ri.ctxIDs[i] = ids[from]
		}
	}
	return ri.ctxIDs
}

// contextIDs interns context entities.
func (ix *Index) contextIDs(ctx []string) []uint32 {
	ids := make([]uint32, len(ctx))
	for i, e := range ctx {
		ids[i], _ = ix.ctxNames.id(e, 1<<32-1)
	}
	return ids
}

// contextWeights returns the weight of each entity of the report's
// context: its inverse document frequency, 0 when not positive.
func (ri *reportInfo) contextWeights(ix *Index) []float64 {
	if ri.ctxWeights == nil && len(ri.context) > 0 {
		ws := ix.articleContext(ri.facts).weights
		ri.ctxWeights = make([]float64, len(ri.ctxFrom))
		for i, from := range ri.ctxFrom {
			ri.ctxWeights[i] = ws[from]
		}
	}
	return ri.ctxWeights
}

// addContext merges a report's context (with its interned ids) into its
// story's.
func (st *storyState) addContext(ctx []string, ids []uint32) {
	for i, e := range ctx {
		if len(st.ctx) >= maxContext {
			return
		}
		if st.ctx.add(ids[i]) {
			st.s.Context = append(st.s.Context, e)
		}
	}
}

// countContext counts an article's context entities for the document frequencies.
func (ix *Index) countContext(ctx []string) {
	if len(ctx) == 0 {
		return
	}
	if ix.df == nil {
		ix.df = make(map[string]int32)
	}
	for _, e := range ctx {
		ix.df[e]++
	}
}
