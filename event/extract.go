package event

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/event/lexicon"
	"github.com/vigie-news/vigie/timex"
	"github.com/vigie-news/vigie/translit"
	"github.com/vigie-news/vigie/wordset"
)

// Options configure an Extractor.
type Options struct {
	// Types limits the emitted event types; nil means GuidelineTypes.
	Types []string
	// KeepNonFactual keeps planned, negated and hypothetical events
	// (they are dropped by default).
	KeepNonFactual bool
	// KeepBackground keeps undated or vaguely dated background events
	// older than about a year before publication.
	KeepBackground bool
	// Sector returns the sector code (GOV, MIL, ...) of a KB entity id; nil
	// uses a guess from the mention type and role.
	Sector func(entityID string) string
	// Roles returns the role classes ("leader" for heads of state and
	// government, "minister" for ministers) a KB person held on a date
	// (any date when the date is unknown); nil uses only the role words
	// the article prints near the person's name. Role phrases such as
	// "les ministres des Affaires étrangères des deux pays" resolve to the
	// article's named persons holding the role.
	Roles func(entityID string, on article.Date) []string
	// Polity returns the polity (as an actor: name, KB id, country code)
	// that governs a KB region, if any: "l'offensive contre le
	// Haut-Karabakh" targets the Republic of Artsakh. nil leaves regions
	// as places only.
	Polity func(regionID string) (article.Actor, bool)
	// Logger receives debug messages; nil discards them.
	Logger *slog.Logger
}

// Extractor finds events in articles. It is safe for concurrent use.
type Extractor struct {
	opts    Options
	types   map[string]bool
	byFirst map[string]map[string][]lexicon.Trigger // lang -> first pattern lemma -> triggers
	shapes  map[string]*wordset.Shapes              // lang -> shapes of the first lemmas of byFirst
	log     *slog.Logger
}

// New builds an Extractor from the trigger lexicon.
func New(opts Options) (*Extractor, error) {
	trs, err := lexicon.Triggers()
	if err != nil {
		return nil, fmt.Errorf("loading trigger lexicon: %w", err)
	}
	x := &Extractor{opts: opts, types: map[string]bool{}, byFirst: map[string]map[string][]lexicon.Trigger{},
		shapes: map[string]*wordset.Shapes{}, log: opts.Logger}
	if x.log == nil {
		x.log = slog.New(slog.DiscardHandler)
	}
	types := opts.Types
	if types == nil {
		types = GuidelineTypes
	}
	for _, t := range types {
		if _, ok := LookupType(t); !ok {
			return nil, fmt.Errorf("configuring event extractor: unknown event type %q", t)
		}
		x.types[t] = true
	}
	for _, t := range trs {
		if !x.types[t.Type] {
			continue
		}
		if x.byFirst[t.Lang] == nil {
			x.byFirst[t.Lang] = map[string][]lexicon.Trigger{}
		}
		x.byFirst[t.Lang][t.Pattern[0]] = append(x.byFirst[t.Lang][t.Pattern[0]], t)
		if x.shapes[t.Lang] == nil {
			x.shapes[t.Lang] = new(wordset.Shapes)
		}
		x.shapes[t.Lang].Add(t.Pattern[0])
	}
	return x, nil
}

// Extract fills a.Events with the events found in a. Articles in languages
// other than French and English get no events.
func (x *Extractor) Extract(ctx context.Context, a *article.Article) error {
	a.Events = nil
	lang := a.Lang
	if lang != "fr" && lang != "en" {
		return nil
	}
	lc := lexPool.Get().(*lexCache)
	defer lc.release()
	doc := newDoc(a, x.opts.Polity, lc)
	doc.roles = x.opts.Roles
	doc.collectPersons()
	var evs []*candidate
	for si, s := range doc.sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("extracting events from article %s: %w", a.ID, err)
			}
		}
		evs = append(evs, x.sentenceEvents(doc, s)...)
	}
	evs = agreeParties(doc, evs)
	anaphoricDates(doc, evs)
	inheritDates(evs)
	evs = upgradeStates(mergeCandidates(evs))
	for _, c := range evs {
		if !x.opts.KeepNonFactual && c.ev.Factuality != article.FactAsserted {
			continue
		}
		if c.background && !x.opts.KeepBackground {
			x.log.Debug("background event dropped", "article", a.Path, "type", c.ev.Type, "names", c.names, "date", c.ev.Date.String())
			continue
		}
		a.Events = append(a.Events, c.ev)
	}
	x.log.Debug("extracted events", "article", a.ID, "events", len(a.Events))
	return nil
}

// word is a token with its analyses.
type word struct {
	token
	an []lexicon.Analysis
}

func (w *word) hasLemma(l string) bool {
	for _, a := range w.an {
		if a.Lemma == l {
			return true
		}
	}
	return false
}

// tenses returns the tense letters of the word's verb readings.
func (w *word) tenses() string {
	var s string
	for _, a := range w.an {
		s += a.Tenses
	}
	return s
}

func (w *word) verbLemma(l string) string {
	for _, a := range w.an {
		if a.Lemma == l && a.Tenses != "" {
			return a.Tenses
		}
	}
	return ""
}

// sentence is one sentence's words and actor mentions.
type sentence struct {
	idx   int // index in doc.sentences
	span  article.Span
	words []word
	ments []ment // actor and place mentions in text order
	times []article.TimeExpr
	hosts map[int]bool // mention indexes introduced by a host marker
}

// ment is a mention placed on the word sequence.
type ment struct {
	m          article.Mention
	first, end int // word index range [first, end)
	actor      *article.Actor
	place      bool
	dyad       bool // one side of a "les deux pays" phrase
	party      bool // ... of a "les parties" / "the sides" phrase (the parties of a meeting)
}

// doc is an article prepared for extraction.
type doc struct {
	a           *article.Article
	lang        string
	sentences   []*sentence
	persons     map[string][]personInfo // country -> persons named in the article
	lastPair    []article.Actor         // participants of the last two-party meeting found
	lastMeeting []article.Actor         // participants of the last meeting found
	roles       func(entityID string, on article.Date) []string
	polity      func(regionID string) (article.Actor, bool)
	dyad        [2]string         // the article's two main states (country codes), if any
	named       map[string]bool   // KB ids of the persons the article names (not only by role)
	anaphoric   []datedRef        // dated references back to meetings ("les réunions ont eu lieu le 10 mai")
	stateEntity map[string]string // country code -> KB id of the state, from the article's mentions
	lc          *lexCache         // the worker's caches and buffers
}

type personInfo struct {
	actor article.Actor
	roles map[string]bool
	count int
	named bool // named in the text, not only described by a role phrase
}

// soleLeader returns the one person of a country the article names (by
// name) as its leader (head of state or government), if exactly one.
func (d *doc) soleLeader(country string) (article.Actor, bool) {
	var hit []article.Actor
	for _, p := range d.persons[country] {
		if p.named && p.roles["leader"] {
			hit = append(hit, p.actor)
		}
	}
	if len(hit) != 1 {
		return article.Actor{}, false
	}
	return hit[0], true
}

// newDoc prepares a for extraction. The doc uses the buffers of lc, which
// must not be released before the doc is done with.
func newDoc(a *article.Article, polity func(string) (article.Actor, bool), lc *lexCache) *doc {
	d := &doc{a: a, lang: a.Lang, persons: map[string][]personInfo{}, polity: polity, lc: lc}
	spans := a.Sentences
	if len(spans) == 0 {
		spans = splitSentences(a.Text)
	}
	spans = joinCutSentences(a.Text, spans, lc.spans[:0])
	lc.spans = spans
	ments := a.Mentions
	byStart := func(i, j int) bool { return ments[i].Start < ments[j].Start }
	if !sort.SliceIsSorted(ments, byStart) {
		ments = append([]article.Mention(nil), a.Mentions...)
		sort.SliceStable(ments, byStart)
	}
	d.named = map[string]bool{}
	for _, m := range ments {
		if m.Type == article.TypePerson && m.Kind != article.KindRole && m.Entity != "" {
			d.named[m.Entity] = true
		}
	}
	mi, ti := 0, 0
	// One token buffer, one word arena and one mention arena for the whole
	// article, kept in lc for the next one; each sentence's words and
	// mentions are capacity-limited windows of the arenas.
	arena, marena := lc.words, lc.ments
	defer func() { lc.words, lc.ments = arena, marena }()
	if cap(lc.sents) < len(spans) {
		lc.sents = make([]sentence, 0, len(spans))
	}
	d.sentences = make([]*sentence, 0, len(spans))
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > len(a.Text) || sp.Start >= sp.End {
			continue
		}
		lc.sents = append(lc.sents, sentence{span: sp, idx: len(d.sentences)}) // never grows: cap >= len(spans)
		s := &lc.sents[len(lc.sents)-1]
		first := len(arena)
		arena = tokenizeInto(arena, a.Text, sp.Start, sp.End, lc)
		for k := first; k < len(arena); k++ {
			t := &arena[k].token
			key := t.norm
			if a.Lang == "fr" && (t.norm == "au" || t.norm == "aux") {
				key += "\x00a"
			}
			an := lc.analyses(a.Lang, key, t)
			if a.Lang == "fr" && t.norm == "a" && a.Text[t.start:t.end] != "a" && a.Text[t.start:t.end] != "A" {
				an = prepositionA // "à" folds to "a" but is no form of avoir
			}
			arena[k].an = an
		}
		s.words = arena[first:len(arena):len(arena)]
		nounAfterDeterminer(s.words, lc)
		for mi < len(ments) && ments[mi].Start < sp.Start {
			mi++
		}
		mfirst := len(marena)
		for j := mi; j < len(ments) && ments[j].Start < sp.End; j++ {
			m := ments[j]
			if m.End > sp.End || m.End <= m.Start {
				continue
			}
			if mm, ok := d.placeMention(s, m); ok {
				marena = append(marena, mm)
			}
		}
		if len(marena) > mfirst {
			s.ments = marena[mfirst:len(marena):len(marena)]
		}
		for ti < len(a.Times) && a.Times[ti].Start < sp.Start {
			ti++
		}
		for _, t := range a.Times {
			if t.Start >= sp.Start && t.Span.End <= sp.End {
				s.times = append(s.times, t)
			}
		}
		if len(a.Times) == 0 {
			s.times = fallbackTimes(s.words, a.Published)
		}
		absorb(s)
		d.sentences = append(d.sentences, s)
	}
	d.addDyadMentions()
	return d
}

var prepositionA = []lexicon.Analysis{{Lemma: "a"}}

// determiners are words after which a noun reading beats a verb reading
// ("le président", "une rencontre", "service de presse").
var determiners = map[string]bool{
	"le": true, "la": true, "les": true, "un": true, "une": true, "du": true, "des": true, "au": true, "aux": true,
	"son": true, "sa": true, "ses": true, "leur": true, "leurs": true, "ce": true, "cette": true, "notre": true,
	"toute": true, "toutes": true, "aucune": true, "aucun": true, "chaque": true, "any": true, "every": true,
	"the": true, "an": true, "his": true, "her": true, "their": true, "its": true, "our": true, "de": true,
}

// nounAfterDeterminer drops the verb readings of a word that follows a
// determiner and has a non-verb reading, except auxiliaries ("l'a").
func nounAfterDeterminer(ws []word, lc *lexCache) {
	for i := 1; i < len(ws); i++ {
		if len(ws[i].an) < 2 || !determiners[ws[i-1].norm] {
			continue
		}
		if ws[i-1].norm == "de" && ws[i].verbTense('W') {
			continue // "vient de confirmer": an infinitive, not a noun
		}
		if keep := lc.nounReadings(ws[i].an); keep != nil {
			ws[i].an = keep
		}
	}
}

func analyze(lang string, t token) []lexicon.Analysis {
	if t.punct {
		return []lexicon.Analysis{{Lemma: t.norm}}
	}
	return lexicon.Analyze(lang, t.norm)
}

// wordIndex returns the index of the first word starting at or after off.
func (s *sentence) wordIndex(off int) int {
	return sort.Search(len(s.words), func(i int) bool { return s.words[i].start >= off })
}

// nominalUse reports whether the trigger at word i is used as a noun: it
// has no verbal reading, or a determiner or a demonym stands right before
// it ("the Azerbaijani offensive", whose noun reads as a verb too).
func (s *sentence) nominalUse(i int, verbal bool) bool {
	if !verbal {
		return true
	}
	if i == 0 {
		return false
	}
	if determiners[s.words[i-1].norm] {
		return true
	}
	for _, pm := range s.ments {
		if pm.end == i && pm.m.Kind == article.KindDemonym {
			return true
		}
	}
	return false
}

// placeBefore returns, for a nominal attack with no target ("la situation
// dans le Haut-Karabakh après l'attaque de l'Azerbaïdjan", "in
// Nagorno-Karabakh after the offensive"), the region or state named with a
// locative shortly before the trigger, as the target (its governing
// polity).
func (d *doc) placeBefore(lang string, s *sentence, m match) *article.Actor {
	for k := len(s.ments) - 1; k >= 0; k-- {
		pm := s.ments[k]
		if pm.end > m.first || pm.end < m.first-10 {
			continue
		}
		if pm.first == 0 || !isLocative(lang, s.words, pm.first) {
			continue
		}
		if pm.m.Type != article.TypeState && pm.m.Type != article.TypeRegion || pm.m.Kind != article.KindName {
			return nil
		}
		if pol, ok := d.placePolity(pm.m); ok {
			pol.Role = article.RoleTarget
			pol.Mention = &article.Span{Start: pm.m.Start, End: pm.m.End}
			return &pol
		}
		return nil
	}
	return nil
}

// placeMention places a mention on the words and decides what it stands for.
func (d *doc) placeMention(s *sentence, m article.Mention) (ment, bool) {
	mm := ment{m: m, first: s.wordIndex(m.Start)}
	mm.end = s.wordIndex(m.End)
	if mm.end <= mm.first {
		mm.end = mm.first + 1
	}
	locative := mm.first > 0 && isLocative(d.lang, s.words, mm.first)
	name := m.Name
	if m.Type == article.TypeRegion && !locative && d.polity != nil && m.Entity != "" && !genitive(s.words, mm.first) {
		if pol, ok := d.polity(m.Entity); ok && stateName(pol.Country) != "" {
			// A region named as a party, not a location: its polity.
			mm.m.Type = article.TypeState
			act := pol
			act.Mention = &article.Span{Start: m.Start, End: m.End}
			mm.actor = &act
			return mm, true
		}
	}
	switch {
	case m.Type.IsPlace():
		if locative || m.Country == "" || m.Kind == article.KindDemonym {
			mm.place = !(m.Kind == article.KindDemonym)
			if !mm.place {
				name = stateName(m.Country)
				break
			}
			return mm, true
		}
		// A capital standing for its state ("Erevan et Bakou ont convenu").
		if m.Type == article.TypeCity && isCapital(m.Name) {
			name = stateName(m.Country)
		} else {
			mm.place = true
			return mm, true
		}
	case m.Type == article.TypeMedia || m.Type == article.TypeOther:
		return mm, false
	case m.Kind == article.KindCompound && mm.first > 0 && borderNoun(s.words, mm.first):
		// "la frontière arméno-azerbaïdjanaise" names a place, no actors.
		return mm, false
	case m.Type == article.TypePerson && m.Kind == article.KindRole && m.Entity != "" && !d.named[m.Entity] && stateName(m.Country) != "":
		// "the President of the Russian Federation" where the article never
		// names him: the guideline names the state.
		name = stateName(m.Country)
		m.Kind, m.Name = article.KindRole, ""
	case m.Kind == article.KindDemonym:
		name = stateName(m.Country)
		if name == "" {
			name = m.Name
		}
	case m.Type == article.TypeState && locative:
		mm.place = true
		return mm, true
	case locative && m.Type != article.TypePerson && (m.Type == article.TypeGovBody || m.Type == article.TypeOrganization):
		// "des réunions à la Maison Blanche et au Département d'État": where.
		return mm, false
	}
	if name == "" && m.Kind == article.KindRole && m.Country != "" {
		name = stateName(m.Country)
	}
	if name == "" {
		return mm, false
	}
	act := article.Actor{Name: name, Entity: m.Entity, Country: m.Country}
	if name != m.Name {
		act.Entity = ""
	}
	if m.Kind == article.KindDemonym || (m.Kind == article.KindRole && m.Name == "") || (m.Type == article.TypeCity) {
		act.Entity = ""
		if act.Name == stateName(m.Country) {
			// Unresolved role phrase or adjective: the state, maybe a named person later.
			mm.m.Type = article.TypeState
		}
	}
	act.Mention = &article.Span{Start: m.Start, End: m.End}
	mm.actor = &act
	return mm, true
}

func isLocative(lang string, ws []word, i int) bool {
	p := ws[i-1].norm
	if p == "le" || p == "la" || p == "les" || p == "l" || p == "the" {
		if i < 2 {
			return false
		}
		p = ws[i-2].norm
	}
	if lang == "fr" {
		if k := i - 1; (p == "a" || p == "au" || p == "aux") && ws[k].norm != p {
			k = i - 2
			if k > 0 && dativeVerb(&ws[k-1]) {
				// "demander à l'Arménie de ...": the addressee, no place.
				return false
			}
		} else if k > 0 && (p == "a" || p == "au" || p == "aux") && dativeVerb(&ws[k-1]) {
			return false
		}
		return p == "a" || p == "en" || p == "au" || p == "aux" || p == "dans" || p == "vers" || p == "depuis"
	}
	switch p {
	case "in", "at", "to", "from", "over", "near", "inside", "into", "across", "along", "within", "outside":
		return true
	}
	return false
}

// dativeVerbs take their addressee after "à" ("demander à l'Arménie").
var dativeVerbs = map[string]bool{"appel": true, "demander": true, "reclamer": true, "reprocher": true, "enjoindre": true,
	"ordonner": true, "recommander": true, "conseiller": true, "proposer": true, "adresser": true}

func dativeVerb(w *word) bool {
	for _, a := range w.an {
		if dativeVerbs[a.Lemma] {
			return true
		}
	}
	return false
}

// collectPersons records, per country, the persons the article names and
// the role words near their mentions, to resolve unnamed role phrases.
func (d *doc) collectPersons() {
	for _, s := range d.sentences {
		for _, m := range s.ments {
			if m.actor == nil || m.m.Type != article.TypePerson || m.actor.Entity == "" && m.m.Name == "" {
				continue
			}
			c := m.actor.Country
			list := d.persons[c]
			k := -1
			for i := range list {
				if list[i].actor.Name == m.actor.Name {
					k = i
				}
			}
			if k < 0 {
				list = append(list, personInfo{actor: *m.actor, roles: map[string]bool{}})
				k = len(list) - 1
			}
			list[k].count++
			if m.m.Kind != article.KindRole {
				list[k].named = true
			}
			for j := max(0, m.first-8); j < min(len(s.words), m.end+3); j++ {
				if r := roleAt(s.words, j); r != "" {
					list[k].roles[r] = true
				}
			}
			if d.roles != nil && m.actor.Entity != "" {
				for _, r := range d.roles(m.actor.Entity, d.a.Published) {
					list[k].roles[r] = true
				}
			}
			if r := translit.Fold(m.m.Role); r != "" {
				if strings.Contains(r, "prime minister") || strings.Contains(r, "president") || strings.Contains(r, "chancellor") {
					list[k].roles["leader"] = true
				} else if strings.Contains(r, "minister") || strings.Contains(r, "secretary of state") {
					list[k].roles["minister"] = true
				}
			}
			d.persons[c] = list
		}
	}
}

// roleWord maps role nouns to a role class.
func roleWord(w string) string {
	switch w {
	case "ministre", "ministres", "minister", "ministers", "diplomatie", "diplomacy", "diplomat", "diplomate", "homologue", "homologues", "counterpart", "counterparts":
		return "minister"
	case "president", "presidents", "presidente", "premiers", "dirigeant", "dirigeants", "leader", "leaders", "chef", "chefs", "premier", "pm", "chancelier", "chancellor":
		return "leader"
	}
	return ""
}

// roleAt returns the role class of the role noun at word j, reading
// "premier ministre"/"prime minister" as a leader and "chef de la
// diplomatie" as a minister.
func roleAt(ws []word, j int) string {
	n := ws[j].norm
	if (n == "premier" || n == "premiers" || n == "prime") && j+1 < len(ws) && (ws[j+1].norm == "ministre" || ws[j+1].norm == "ministres" || ws[j+1].norm == "minister" || ws[j+1].norm == "ministers") {
		return "leader"
	}
	if (n == "ministre" || n == "ministres" || n == "minister" || n == "ministers") && j > 0 && (ws[j-1].norm == "premier" || ws[j-1].norm == "premiers" || ws[j-1].norm == "prime") {
		return "leader"
	}
	if n == "chef" || n == "chefs" || n == "head" || n == "heads" {
		for k := j + 1; k < min(len(ws), j+4); k++ {
			if r := roleWord(ws[k].norm); r == "minister" {
				return r
			}
		}
	}
	if n == "homologue" || n == "homologues" || n == "counterpart" || n == "counterparts" {
		return "peer"
	}
	return roleWord(n)
}

// resolveState replaces a state actor that stands for an unnamed role
// holder ("le ministre arménien", "les ministres des Affaires étrangères
// d'Arménie et d'Azerbaïdjan", "les dirigeants arménien et
// azerbaïdjanais") with the article's named person of that country holding
// a matching role, when there is exactly one. Only persons the article
// names count: the guideline names a state when no person is named for
// that side.
func (d *doc) resolveState(s *sentence, m ment) article.Actor {
	act := *m.actor
	if m.m.Type != article.TypeState {
		return act
	}
	role := ""
	if m.m.Kind == article.KindName {
		// A state name is a role holder only inside a role phrase that
		// governs it: "ministres des Affaires étrangères d'Arménie et d'Azerbaïdjan".
		if m.first == 0 {
			return act
		}
		switch s.words[m.first-1].norm {
		case "de", "du", "des", "of", "le", "la", "the":
		case "et", "and":
			// "the leaders of Armenia and Azerbaijan": a state coordinated
			// with one the role phrase governs.
			if !s.stateEndsAt(m.first - 1) {
				return act
			}
		default:
			return act
		}
		for j := m.first - 1; j >= max(0, m.first-13); j-- {
			w := &s.words[j]
			if isFiniteVerb(w) || isBoundary(d.lang, w) || w.norm == "entre" || w.norm == "between" || w.norm == "avec" || w.norm == "with" {
				break
			}
			if r := roleAt(s.words, j); r != "" {
				role = r
				break
			}
		}
	} else {
		// A role word inside the phrase ("son homologue azerbaïdjanais")
		// first, then around it ("le ministre ... arménien").
		for j := m.first; j < min(len(s.words), m.end) && role == ""; j++ {
			role = roleAt(s.words, j)
		}
		for j := max(0, m.first-6); j < min(len(s.words), m.end+5) && role == ""; j++ {
			role = roleAt(s.words, j)
		}
	}
	if role == "" {
		return act
	}
	if role == "peer" {
		// "son homologue arménien", "his Armenian counterpart": the role
		// of the person whose counterpart it is, when the article knows it.
		role = d.peerRole(s, m.first)
	}
	var hit []personInfo
	for _, p := range d.persons[m.m.Country] {
		if p.roles[role] || role == "peer" {
			hit = append(hit, p)
		}
	}
	if len(hit) == 1 {
		p := hit[0].actor
		p.Mention = act.Mention
		return p
	}
	return act
}

// splitSentences is the fallback splitter used when the article has no
// sentence layer: it splits at line breaks and at ". ", "! ", "? " before
// an upper-case letter, a digit or a quote.
func splitSentences(text string) []article.Span {
	var out []article.Span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && (text[s] == ' ' || text[s] == '\n' || text[s] == '\t' || text[s] == '\r') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\n' || text[e-1] == '\t' || text[e-1] == '\r') {
			e--
		}
		if e > s {
			out = append(out, article.Span{Start: s, End: e})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			emit(i + 1)
			continue
		}
		if (c == '.' || c == '!' || c == '?') && i+2 < len(text) && text[i+1] == ' ' {
			n := text[i+2]
			if n >= 'A' && n <= 'Z' || n >= '0' && n <= '9' || n == '"' || n >= 0xC0 {
				// Do not split after an initial or an abbreviation such as "M." or "St.".
				j := i
				for j > 0 && text[j-1] >= 'A' && text[j-1] <= 'z' {
					j--
				}
				if i-j <= 2 && j < i && text[j] >= 'A' && text[j] <= 'Z' {
					continue
				}
				emit(i + 1)
			}
		}
	}
	emit(len(text))
	return out
}

// match is one trigger occurrence.
type match struct {
	tr          lexicon.Trigger
	first, last int // word range covered [first, last]
	anchor      int
}

// findTriggers matches the lexicon against the sentence.
func (x *Extractor) findTriggers(lang string, s *sentence, lc *lexCache) []match {
	idx := x.byFirst[lang]
	shapes := x.shapes[lang]
	if shapes == nil {
		return nil // no trigger in lang
	}
	ms := lc.matches[:0]
	defer func() { clear(ms); lc.matches = ms[:0] }()
	for i := range s.words {
		if s.words[i].punct || s.words[i].hasLemma("etre") || s.words[i].hasLemma("avoir") {
			continue // "sommes" is être, not sommer
		}
		ans := s.words[i].an
		for k, an := range ans {
			if !shapes.MayHave(an.Lemma) || seenLemma(ans[:k], an.Lemma) {
				continue
			}
			for _, tr := range idx[an.Lemma] {
				if m, ok := matchAt(tr, s.words, i); ok {
					ms = append(ms, m)
				}
			}
		}
	}
	// Keep, per anchor word and type, the longest match; drop matches whose
	// anchor lies inside a longer match of the same type.
	slices.SortStableFunc(ms, func(a, b match) int {
		return cmp.Compare(b.last-b.first, a.last-a.first) // longest first
	})
	var out []match
	for _, m := range ms {
		dup := false
		for _, o := range out {
			if o.tr.Type == m.tr.Type && (o.anchor == m.anchor || (m.anchor >= o.first && m.anchor <= o.last) || (o.anchor >= m.first && o.anchor <= m.last)) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, m)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].anchor < out[j].anchor })
	return out
}

// seenLemma reports whether one of ans has lemma l.
func seenLemma(ans []lexicon.Analysis, l string) bool {
	for _, a := range ans {
		if a.Lemma == l {
			return true
		}
	}
	return false
}

func matchAt(tr lexicon.Trigger, ws []word, i int) (match, bool) {
	m := match{tr: tr, first: i}
	pos := i
	gap := false
	for k, p := range tr.Pattern {
		if p == lexicon.Gap {
			gap = true
			continue
		}
		limit := pos
		if gap {
			limit = pos + lexicon.MaxGap
		}
		found := -1
		for j := pos; j <= limit && j < len(ws); j++ {
			if ws[j].hasLemma(p) {
				found = j
				break
			}
			if ws[j].punct && !quoteMark(ws[j].norm) {
				break
			}
		}
		if found < 0 {
			return m, false
		}
		if k == tr.Anchor {
			m.anchor = found
		}
		m.last = found
		pos = found + 1
		gap = false
	}
	return m, true
}

// candidate is an event being built, with data used for merging.
type candidate struct {
	sent       int             // sentence index
	persons    map[string]bool // actor names that are persons
	ev         article.Event
	background bool
	undated    bool   // the text gives no date for it (the date is the publication month, if any)
	verbal     bool   // the trigger is a verb (not a noun such as "l'accord de X")
	reciprocal bool   // "accused each other": every source is also a target
	names      string // sorted participant names, folded
}

func (x *Extractor) sentenceEvents(d *doc, s *sentence) []*candidate {
	var out []*candidate
	if x.types["REQUEST"] {
		if c := x.reportedDemand(d, s); c != nil {
			c.names = nameKey(c.ev.Participants())
			c.sent = s.idx
			out = append(out, c)
		}
	}
	if x.types["ASSAULT"] {
		if c := x.casualties(d, s); c != nil {
			c.names = nameKey(c.ev.Participants())
			c.sent = s.idx
			out = append(out, c)
		}
	}
	if x.types["ACCUSE"] {
		if c := x.reportedBlame(d, s); c != nil {
			c.names = nameKey(c.ev.Participants())
			c.sent = s.idx
			out = append(out, c)
		}
	}
	for _, m := range x.findTriggers(d.lang, s, d.lc) {
		if c := x.reportedAttack(d, s, m); c != nil {
			c.names = nameKey(c.ev.Participants())
			c.sent = s.idx
			out = append(out, c)
			continue // a claimed attack is an accusation, not an attested attack
		}
		if c := x.build(d, s, m); c != nil {
			cs := splitSeparate(s, c)
			if c.ev.Type == "CONSULT" {
				cs = append(cs, seriesDates(d, s, m, c)...)
			}
			for _, sc := range cs {
				thirdPartyHosts(&sc.ev)
				parts := sc.ev.Participants()
				sc.names = nameKey(parts)
				sc.sent = s.idx
				out = append(out, sc)
				if sc.ev.Type == "CONSULT" && sc.ev.Factuality == article.FactAsserted && len(parts) == 2 {
					d.lastPair = parts
				}
				if sc.ev.Type == "CONSULT" && sc.ev.Factuality == article.FactAsserted && len(parts) >= 2 {
					// Hosts included: a declaration adopted at a summit is the
					// host's too.
					prev := article.Event{Actors: d.lastMeeting}
					if !(nameKey(prev.Participants()) == sc.names && len(d.lastMeeting) > len(sc.ev.Actors)) {
						// A later mention of the same meeting without its host
						// keeps the fuller list.
						d.lastMeeting = append([]article.Actor(nil), sc.ev.Actors...)
					}
				}
			}
		}
	}
	return out
}

// isBoundary reports whether word i ends a clause for argument search.
func isBoundary(lang string, w *word) bool {
	switch w.norm {
	case ";", "«", "»", "\"", ":":
		return true
	}
	if lang == "fr" {
		switch w.norm {
		case "que", "tandis", "alors", "lorsque", "apres", "avant", "dont", "ou", "car", "mais", "puis", "selon":
			return true
		}
	} else {
		switch w.norm {
		case "that", "while", "whereas", "when", "after", "before", "but", "which", "whom", "according", "said", "says":
			return true
		}
	}
	return false
}

// isFinite reports whether w is a finite auxiliary or modal, which starts a
// new predicate when scanning to the right of a trigger.
func isFinite(lang string, w *word) bool {
	if lang == "fr" {
		for _, a := range w.an {
			if (a.Lemma == "etre" || a.Lemma == "avoir") && strings.ContainsAny(a.Tenses, "PIJFC") {
				return true
			}
		}
		return false
	}
	switch w.norm {
	case "is", "are", "was", "were", "has", "have", "had", "will", "would", "said", "told", "says":
		return true
	}
	return false
}

var hostMarkers = map[string][][]string{
	"fr": {{"sous", "le", "egide", "de"}, {"sous", "les", "auspices", "de"}, {"mediation", "de"}, {"mediatise", "par"}, {"mediatisee", "par"},
		{"organise", "par"}, {"organisee", "par"}, {"organises", "par"}, {"organisees", "par"}, {"accueilli", "par"}, {"accueillie", "par"},
		{"accueillis", "par"}, {"accueillies", "par"}, {"a", "le", "invitation", "de"}, {"preside", "par"}, {"presidee", "par"}, {"mediateur"}, {"parrainage", "de"}},
	"en": {{"hosted", "by"}, {"mediated", "by"}, {"brokered", "by"}, {"mediation", "of"}, {"auspices", "of"}, {"organized", "by"},
		{"organised", "by"}, {"invitation", "of"}, {"chaired", "by"}, {"facilitated", "by"}},
}

// hostSpans returns word indexes of actors introduced by a host marker.
func hostActors(lang string, s *sentence) map[int]bool {
	out := map[int]bool{}
	markers := hostMarkers[lang]
	for i := range s.words {
		for _, mk := range markers {
			if i+len(mk) > len(s.words) || s.words[i].norm != mk[0] {
				continue
			}
			ok := true
			for k, w := range mk {
				if s.words[i+k].norm != w {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			end := i + len(mk)
			// The actors right after the marker (a coordinated group).
			found := false
			for mi, m := range s.ments {
				if m.actor == nil || m.first < end {
					continue
				}
				if m.first-end > 8 {
					break
				}
				if found && !s.connects(end, m.first) {
					break
				}
				found = true
				out[mi] = true
				end = m.end
				// continue through "et"/"and"/"," only
				if end < len(s.words) {
					n := s.words[end].norm
					if n != "et" && n != "and" && n != "," {
						break
					}
				}
			}
		}
	}
	return out
}

// group collects the actor mentions between word indexes [from, to).
func (s *sentence) actorsIn(from, to int, skip map[int]bool) []int {
	var out []int
	for mi, m := range s.ments {
		if m.actor == nil || skip[mi] || m.first < from || m.end > to {
			continue
		}
		out = append(out, mi)
	}
	return out
}

func (x *Extractor) build(d *doc, s *sentence, m match) *candidate {
	lang := d.lang
	if s.hosts == nil {
		s.hosts = hostActors(lang, s)
	}
	hosts := s.hosts
	// Left clause boundary.
	left := 0
	depth := 0
	for j := m.first - 1; j >= 0; j-- {
		// A parenthesis the trigger sits in bounds its clause; a closed
		// one before it ("Mme Baerbock (Les Verts) s'est rendue") does not.
		if n := s.words[j].norm; n == ")" {
			depth++
			continue
		} else if n == "(" {
			if depth == 0 {
				left = j + 1
				break
			}
			depth--
			continue
		}
		if isBoundary(lang, &s.words[j]) {
			left = j + 1
			break
		}
	}
	// Right clause boundary.
	right := len(s.words)
	for j := m.last + 1; j < len(s.words); j++ {
		if isBoundary(lang, &s.words[j]) || (j > m.last+1 && isFinite(lang, &s.words[j])) {
			right = j
			break
		}
	}
	// Passive "a été reçu par X", "was hosted by X": X is the agent.
	passive := false
	for j := m.last + 1; j < min(m.last+3, len(s.words)); j++ {
		if s.words[j].norm == "par" || s.words[j].norm == "by" {
			passive = m.last > 0 && isVerbal(&s.words[m.anchor])
			break
		}
	}
	if m.tr.Type == "REQUEST" && m.first > 0 {
		switch s.words[m.first-1].norm {
		case "phone", "telephone", "video", "a", "an", "the", "un", "une", "le", "l":
			// "a phone call on Saturday": a noun, no request.
			if !(d.lang == "fr" && s.words[m.first-1].norm == "a") {
				x.trace(d, s, m, "request trigger used as a noun", nil)
				return nil
			}
		}
	}
	anchorW := &s.words[m.anchor]
	verbal := isVerbal(anchorW) && !(d.lang == "en" && m.anchor > 0 && isDeterminer(s.words[m.anchor-1].norm))
	var subj, obj []int
	// "entre A et B" / "between A and B" right after the trigger names the participants.
	between := -1
	for j := m.last + 1; j < min(m.last+4, right); j++ {
		if n := s.words[j].norm; n == "entre" || n == "between" {
			between = j
			break
		}
	}
	if between < 0 && !verbal && (m.tr.Frame == "sym" || m.tr.Frame == "host") && !hasSupportVerb(lang, s, left, m.first) || between < 0 && m.tr.Frame == "host" {
		// A nominal trigger whose clause names the parties later: "des
		// négociations ont débuté à Washington entre A et B", "clashes broke
		// out on the border between A and B".
		for j := m.last + 1; j < min(m.last+24, len(s.words)); j++ {
			w := &s.words[j]
			if isBoundary(lang, w) || w.norm == "." || j > m.last+1 && x.triggerAt(lang, s, j) || topicWord(w.norm) {
				break
			}
			if w.norm == "entre" || w.norm == "between" || isFiniteVerb(w) && (w.hasLemma("opposer") || w.hasLemma("pit") || w.hasLemma("participer") || w.hasLemma("attend")) {
				// "des affrontements opposent A et B", "clashes pitted A against B".
				between = j
				right = s.predicateEnd(lang, j+1)
				break
			}
		}
	}
	if between < 0 && !verbal && m.tr.Frame == "sym" && m.tr.Type == "CONSULT" {
		// "des pourparlers tenus à Washington par A et B", "talks held by A
		// and B": the agent of the participle names the participants.
		if by := agentAfter(lang, s, m.last+1); by >= 0 {
			between = by
			right = s.predicateEnd(lang, by+1)
		}
	}
	if between >= 0 {
		obj = s.groupAfter(between+1, right, hosts)
	} else {
		from := m.last + 1
		if m.tr.Frame == "dir" && hasGap(m.tr) {
			// "appeler l'Arménie à": the object sits inside the pattern.
			from = m.anchor + 1
		}
		obj = s.groupAfter(from, right, hosts)
		if len(obj) == 0 && from == m.last+1 && hasGap(m.tr) && m.tr.Frame == "sym" {
			// "had spoken with Aliyev by phone": the partner sits inside
			// the pattern.
			obj = s.groupAfter(m.anchor+1, m.last, hosts)
		}
		if len(obj) == 0 && (m.tr.Type == "REQUEST" || m.tr.Type == "ACCUSE") && m.last+1 < len(s.words) {
			// "demanded that Armenia amend ...", "exige que l'Arménie ...":
			// the addressee is the subject of the clause that follows.
			for j := m.last + 1; j < min(m.last+5, len(s.words)); j++ {
				n := s.words[j].norm
				if n == "that" || n == "que" {
					obj = s.groupAfter(j+1, s.predicateEnd(lang, j+1), hosts)
					if len(obj) > 0 && s.ments[obj[0]].first > j+3 {
						obj = nil
					}
					break
				}
				if s.words[j].punct || isFiniteVerb(&s.words[j]) {
					break
				}
			}
		}
		if len(obj) == 0 && from != m.last+1 && m.tr.Type == "ACCUSE" {
			// "a qualifié de « provocantes » les déclarations de X": the
			// object follows the pattern (after a closing quote).
			k := m.last + 1
			for k < len(s.words) && quoteMark(s.words[k].norm) {
				k++
			}
			obj = s.groupAfter(k, s.predicateEnd(lang, k), hosts)
		}
	}
	if len(obj) == 0 || len(obj) == 1 && s.ments[obj[0]].m.Type != article.TypePerson {
		// "a reçu la délégation conduite par le ministre X", "met a
		// delegation led by X": the one who leads it.
		if led := s.delegationLeader(m.last+1, right, hosts); len(led) > 0 {
			obj = led
		}
	}
	if verbal && between < 0 && topicVerb(anchorW) {
		// "ont discuté de la frontière de l'Arménie": the topic is no party;
		// the other party comes with "avec".
		obj = nil
		for j := m.last + 1; j < right; j++ {
			if n := s.words[j].norm; n == "avec" || n == "with" {
				obj = s.groupAfter(j+1, right, hosts)
				break
			}
		}
	}
	if m.tr.Type == "AGREE" && m.tr.Pattern[len(m.tr.Pattern)-1] == "de" {
		// "l'accord d'Ilham Aliyev": the one who consented, right after.
		if len(obj) > 0 && s.ments[obj[0]].first <= m.last+3 {
			obj = obj[:1]
		} else {
			obj = nil
		}
	}
	if m.tr.Type == "AGREE" && between < 0 && m.tr.Pattern[len(m.tr.Pattern)-1] != "de" {
		obj = nil
		for j := m.last + 1; j < min(m.last+5, right); j++ {
			if n := s.words[j].norm; n == "avec" || n == "with" {
				obj = s.groupAfter(j+1, right, hosts)
				break
			}
		}
	}
	if verbal || hasSupportVerb(lang, s, left, m.first) {
		subj = s.groupBefore(left, m.first, hosts)
	}
	if verbal && pronounSubject(s, m.first) {
		// "il avait rencontré Pachinian la veille", "il a officiellement
		// demandé à Moscou": the pronoun, not a group before it, is the
		// subject; it stands for the subject named before.
		subj = d.antecedent(s, m.first, obj)
	}
	if verbal && len(subj) == 0 && m.first > 0 && s.words[m.first-1].norm == "," && onlyTense(anchorW, 'G') {
		// "..., a-t-elle dit, dénonçant une agression", "he said, accusing
		// X of ...": a participle clause shares the sentence's subject.
		for mi, mm := range s.ments {
			if mm.actor != nil && !mm.place && mm.first <= 2 {
				subj = []int{mi}
			}
			break
		}
	}
	if verbal && m.first > 0 && (len(subj) == 0 || s.andBetween(s.ments[subj[len(subj)-1]].end, m.first)) {
		// "Bakou a rejeté ces accusations et demandé à Erevan de ...",
		// "X visited Yerevan and met Y": a verb coordinated with the one
		// before shares its subject (the group before "and" is an object).
		if g := s.coordinatedSubject(m.first, hosts); len(g) > 0 || len(subj) == 0 {
			subj = g
		}
	}
	if verbal && (m.tr.Type == "AGREE" || m.tr.Type == "CONSULT") && firstPersonSingular(s, max(left, m.first-6), m.first) {
		// "« Mr. Mirzoyan and I agreed on this », he said": "I" is the
		// quote's speaker.
		skip := map[string]bool{}
		for _, mi := range subj {
			if a := s.ments[mi].actor; a != nil {
				skip[a.Name] = true
			}
		}
		if sp := d.quoteSpeaker(s, skip); sp != nil {
			subj = append(subj, sp...)
		}
	}
	if verbal && m.first >= 2 && s.words[m.first-1].norm == "avoir" && s.words[m.first-2].norm == "de" {
		// "remercié les dirigeants d'avoir accepté": the clause's subject
		// thanks; those who accepted are its object.
		subj = nil
		x.trace(d, s, m, "infinitive after 'de': its subject is the main clause's object", nil)
		return nil
	}
	if between >= 0 && m.tr.Frame != "host" && !(verbal && m.tr.Frame == "dir") {
		subj = nil
	}
	if m.tr.Type == "CONSULT" && m.tr.Frame == "sym" && len(subj) == 0 && between < 0 && !verbal {
		subj = d.governingSubject(s, m, obj, hosts)
	}
	if passive && beforeAuxBe(s, m.anchor) {
		// "il a été reçu par X": X, after "par", is the agent (not so in a
		// participle qualifying a noun: "les déclarations signées par").
		for j := m.last + 1; j < min(m.last+3, len(s.words)); j++ {
			if n := s.words[j].norm; n == "par" || n == "by" {
				if agent := s.groupAfter(j+1, len(s.words), hosts); len(agent) > 0 && s.ments[agent[0]].first <= j+4 {
					obj = agent
				}
				break
			}
		}
	}
	if passive {
		subj, obj = obj, subj
	}
	var hostIdx []int
	for mi := range hosts {
		hostIdx = append(hostIdx, mi)
	}
	sort.Ints(hostIdx)
	frame := m.tr.Frame
	if frame == "pass" {
		hostIdx = append(hostIdx, obj...)
		obj = nil
		frame = "sym"
	}
	if (m.tr.Type == "CONSULT") && (hasLemma(&s.words[m.anchor], "accueillir") || hasLemma(&s.words[m.anchor], "recevoir") || hasLemma(&s.words[m.anchor], "host") || hasLemma(&s.words[m.anchor], "receive")) && frame == "sym" {
		if len(distinct(d, s, obj)) >= 2 && !s.has("separement", "separately", "respectivement", "respectively") {
			frame = "host"
		}
	}
	if frame == "host" {
		hostIdx = append(hostIdx, subj...)
		subj = nil
		frame = "sym"
	}
	ev := article.Event{Type: m.tr.Type, Mode: m.tr.Mode, Factuality: article.FactAsserted}
	persons := map[string]bool{} // actor names that are persons
	add := func(idx []int, role string) {
		for _, mi := range idx {
			if s.ments[mi].m.Type == article.TypePerson && s.ments[mi].actor.Entity != "" {
				persons[d.resolveState(s, s.ments[mi]).Name] = true
			}
			act := stateLevel(m.tr.Type, s.ments[mi], d.resolveState(s, s.ments[mi]))
			act.Role = role
			act.Sector = x.sector(s.ments[mi], act)
			dup := false
			for _, o := range ev.Actors {
				if o.Name == act.Name {
					dup = true
				}
			}
			if !dup {
				ev.Actors = append(ev.Actors, act)
			}
		}
	}
	if m.tr.Type == "ASSAULT" && len(obj) == 0 {
		// "une offensive contre le Haut-Karabakh", "an attack against X".
		for j := m.last + 1; j < min(m.last+6, len(s.words)); j++ {
			if isBoundary(lang, &s.words[j]) {
				break
			}
			if n := s.words[j].norm; n == "contre" || n == "against" {
				obj = s.groupAfter(j+1, len(s.words), hosts)
				if len(obj) > 0 && s.ments[obj[0]].first > j+3 {
					obj = nil
				}
				break
			}
		}
	}
	var placeTarget *article.Actor
	if m.tr.Type == "ASSAULT" && len(obj) == 0 && verbal {
		// "ont bombardé Stepanakert", "shelled Goris": the attacked
		// place's state (or the polity governing it).
		for _, pm := range s.ments {
			if !pm.place || pm.first <= m.last || pm.first > m.last+2 || pm.first > 0 && isLocative(lang, s.words, pm.first) {
				continue
			}
			if pol, ok := d.placePolity(pm.m); ok {
				pol.Role = article.RoleTarget
				pol.Mention = &article.Span{Start: pm.m.Start, End: pm.m.End}
				placeTarget = &pol
			}
			break
		}
	}
	if m.tr.Type == "ASSAULT" && len(obj) == 0 && placeTarget == nil {
		// "shelled positions in Armenia", "une opération militaire au
		// Haut-Karabakh": the state or polity where the attack fell.
		for _, pm := range s.ments {
			if !pm.place || pm.first <= m.last || pm.first > m.last+8 || pm.first > 0 && !isLocative(lang, s.words, pm.first) {
				continue
			}
			if pm.m.Type != article.TypeState && pm.m.Type != article.TypeRegion {
				break // a city or a site: not enough to name the target
			}
			if pol, ok := d.placePolity(pm.m); ok {
				pol.Role = article.RoleTarget
				pol.Mention = &article.Span{Start: pm.m.Start, End: pm.m.End}
				placeTarget = &pol
			}
			break
		}
	}
	switch frame {
	case "dir":
		src, tgt := subj, obj
		if len(src) == 0 && !verbal && len(obj) > 0 {
			src, tgt = obj[:1], obj[1:]
			if o := s.ments[obj[0]]; o.m.Kind == article.KindDemonym && o.first == m.last+1 {
				// "l'agression azerbaïdjanaise et turque": coordinated
				// adjectives name the authors; what follows is the target.
				k := 1
				for k < len(obj) {
					p, n := s.ments[obj[k-1]], s.ments[obj[k]]
					if n.m.Kind != article.KindDemonym || n.first != p.end+1 || (s.words[p.end].norm != "et" && s.words[p.end].norm != "and") {
						break
					}
					k++
				}
				src, tgt = obj[:k], obj[k:]
			}
		}
		add(src, article.RoleSource)
		add(tgt, article.RoleTarget)
		if m.tr.Type == "ASSAULT" && placeTarget == nil && len(tgt) == 0 && s.nominalUse(m.first, verbal) {
			placeTarget = d.placeBefore(lang, s, m)
		}
		if placeTarget != nil && len(tgt) == 0 {
			own := false
			for _, a := range ev.Actors {
				own = own || a.Role == article.RoleSource && (a.Name == placeTarget.Name || a.Country == placeTarget.Country)
			}
			if !own { // shelling inside one's own territory names no target
				ev.Actors = append(ev.Actors, *placeTarget)
			}
		}
		gfrom := m.last + 1
		if hasGap(m.tr) {
			gfrom = m.anchor + 1 // "a appelé les acteurs internationaux à"
		}
		if t := genericAddressee(lang, s, gfrom, right); t != "" && len(tgt) == 0 {
			ev.Actors = append(ev.Actors, article.Actor{Name: t, Role: article.RoleTarget})
		}
		hasTarget := false
		for _, a := range ev.Actors {
			hasTarget = hasTarget || a.Role == article.RoleTarget
		}
		if !hasTarget && len(src) > 0 && m.tr.Type == "ASSAULT" && s.has("frontiere", "border", "frontieres", "borders") {
			// "carried out provocations along the border", "ont ouvert le
			// feu à la frontière": a border attack targets the neighbour
			// on the other side of the article's dyad.
			if p, ok := d.partner(ev.Actors); ok {
				p.Role = article.RoleTarget
				ev.Actors = append(ev.Actors, p)
			}
		}
		if len(tgt) == 0 && len(src) > 0 && (m.tr.Type == "ACCUSE" || m.tr.Type == "REQUEST") &&
			(counterpartWord(s, m.last+1, m.last+6) || m.tr.Type == "ACCUSE" && attackNoun(s, m.last+1, m.last+5)) {
			// "Erevan dénonce une agression", "Bakou accuse son voisin":
			// the other side of the article's dyad.
			if p, ok := d.partner(ev.Actors); ok {
				p.Role = article.RoleTarget
				ev.Actors = append(ev.Actors, p)
			}
		}
	default:
		add(subj, article.RoleSource)
		add(obj, article.RoleTarget)
	}
	if (m.tr.Type == "CONSULT" || m.tr.Type == "AGREE") && len(d.lastPair) == 2 && partyOnly(s, append(append([]int(nil), subj...), obj...)) {
		// "Au cours de l'entretien, les parties ont échangé ...": the
		// parties are those of the meeting just reported, not the states.
		ev.Actors = ev.Actors[:0]
		for _, a := range d.lastPair {
			a.Role = article.RoleSource
			ev.Actors = append(ev.Actors, a)
		}
	}
	add(hostIdx, article.RoleHost)
	if m.tr.Type == "CONSULT" && m.tr.Mode == "visit" && !verbal && len(subj) == 0 && len(obj) == 1 && genitive(s.words, s.ments[obj[0]].first) {
		// "la visite du président Tokayev à Erevan": the genitive is the
		// visitor, the place after it the visited state.
		vfrom := s.ments[obj[0]].end
		for _, a := range visitedStatesWithin(s, vfrom, s.predicateEnd(lang, vfrom), 5) {
			a.Role = article.RoleTarget
			ev.Actors = append(ev.Actors, a)
		}
	}
	if m.tr.Type == "CONSULT" && m.tr.Mode == "visit" && len(obj) == 0 && (frame == "dir" || !verbal) {
		// "s'est rendu en Arménie et en Azerbaïdjan", "sa visite officielle
		// en Arménie": the visited states.
		if !verbal && len(subj) == 0 && m.first > 0 {
			switch s.words[m.first-1].norm {
			case "sa", "son", "his", "her":
				// "Dans le cadre de sa visite en Arménie, X a ...": the
				// visitor is the clause's subject after the comma, or the
				// person named before.
				for mi := range s.ments {
					if mm := s.ments[mi]; mm.actor != nil && mm.first > m.last && s.mainSubject(mm) {
						subj = []int{mi}
						break
					}
				}
				if len(subj) == 0 {
					subj = d.antecedent(s, m.first, nil)
				}
				add(subj, article.RoleSource)
			}
		}
		for _, a := range visitedStates(s, m.last+1, right) {
			a.Role = article.RoleTarget
			ev.Actors = append(ev.Actors, a)
		}
	}
	if len(subj) == 0 && len(obj) == 0 && frame == "sym" && (m.tr.Type == "AGREE" || m.tr.Type == "CONSULT") &&
		len(d.lastPair) == 2 && collectiveSubject(s, max(left, m.first-7), m.first) {
		// "Les deux parties ont convenu": the pair of the meeting reported
		// before; "nous avons convenu" is everyone at that meeting, its host
		// included (a trilateral statement).
		parties := d.lastPair
		if firstPersonPlural(s, max(left, m.first-3), m.first) && len(d.lastMeeting) >= 2 {
			parties = d.lastMeeting
		}
		for _, a := range parties {
			a.Role = article.RoleSource
			ev.Actors = append(ev.Actors, a)
		}
	}
	if participantCount(&ev) == 0 && m.tr.Type == "AGREE" && (!verbal || m.anchor > 0 && (s.words[m.anchor-1].hasLemma("etre") || s.words[m.anchor-1].hasLemma("be"))) && len(d.lastMeeting) >= 2 && meetingReference(s) {
		// "À l'issue de la réunion, une déclaration a été adoptée": the
		// meeting's participants adopted it.
		for _, a := range d.lastMeeting {
			a.Role = article.RoleSource
			ev.Actors = append(ev.Actors, a)
		}

	}
	dropAbsorbedStates(&ev)
	if frame != "dir" {
		dropAbsorbedBodies(&ev, persons)
	}
	parts := ev.Participants()
	reciprocal := false
	if frame == "dir" && (m.tr.Type == "ACCUSE" || m.tr.Type == "ASSAULT" || m.tr.Type == "REQUEST") && reciprocalCue(s, m.last+1) {
		// "A et B s'accusent mutuellement", "accused each other": each
		// source is also a target.
		srcs := 0
		for _, a := range parts {
			if a.Role == article.RoleSource {
				srcs++
			}
		}
		reciprocal = srcs >= 2 && srcs == len(parts)
	}
	if frame == "dir" && ev.Mode != "correspondence" && !reciprocal {
		hasSrc, hasTgt := false, false
		for _, a := range parts {
			hasSrc = hasSrc || a.Role == article.RoleSource
			hasTgt = hasTgt || a.Role == article.RoleTarget
		}
		if !hasSrc || !hasTgt {
			x.trace(d, s, m, "directed trigger without both a source and a target", ev.Actors)
			return nil
		}
	}
	need := 2
	if m.tr.Type == "CONSULT" && ev.Mode == "correspondence" || m.tr.Type == "AGREE" && ev.Mode == "accept" {
		need = 1
	}
	if len(parts) < need {
		if len(parts) == 0 && m.tr.Type == "CONSULT" && !verbal && m.first > 0 {
			switch s.words[m.first-1].norm {
			case "le", "la", "les", "ces", "the", "these":
				// "Les réunions ont eu lieu à Almaty le 10 mai": a date for
				// the meetings just reported.
				var tmp article.Event
				if x.date(d, s, m, &tmp) && tmp.Date.Prec() == article.PrecDay {
					d.anaphoric = append(d.anaphoric, datedRef{sent: s.idx, date: tmp.Date})
				}
			}
		}
		x.trace(d, s, m, "too few participants", ev.Actors)
		return nil
	}
	if m.tr.Type == "CONSULT" && ev.Mode == "meet" {
		ev.Mode = consultModeCue(s)
	}
	ev.Factuality = factuality(lang, s, m)
	if ev.Factuality == article.FactAsserted {
		ev.Factuality = clauseFactuality(lang, s, m, left, right, verbal)
	}
	undated := !x.date(d, s, m, &ev)
	if p := d.a.Published; ev.Factuality == article.FactAsserted && afterPublication(ev.Date, p) {
		// Dated after publication: announced, not yet happened.
		ev.Factuality = article.FactPlanned
	}
	ev.Place = place(s, m)
	ev.Trigger = article.Span{Start: s.words[m.anchor].start, End: s.words[m.anchor].end}
	ev.Evidence = []article.Evidence{{Span: s.span, Text: d.a.Text[s.span.Start:s.span.End]}}
	ev.ArticleID = d.a.ID
	ev.ID = eventID(d.a.ID, ev.Type, ev.Trigger.Start)
	ev.Contexts = []string{defaultContext[ev.Type]}
	ev.Confidence = confidence(&ev, m)
	c := &candidate{ev: ev, persons: persons, undated: undated, verbal: verbal, reciprocal: reciprocal}
	if m.tr.Type == "ASSAULT" && accusedOf(s, m.first) {
		// "Armenia accused Azerbaijan of shelling villages", "Erevan accuse
		// Bakou d'avoir bombardé": the attack is the accusation's content.
		x.trace(d, s, m, "attack inside an accusation", ev.Actors)
		return nil
	}
	if m.tr.Type == "ASSAULT" && topicBefore(s, m.first) {
		// "la déclaration au sujet de la récente provocation", "a statement
		// about the attack": an attack only mentioned as a topic.
		c.background = true
	}
	if !verbal && quantified(s, m.first) {
		// "plusieurs cycles de discussions", "several rounds of talks":
		// a series summed up, no one event.
		c.background = true
	}
	if pub := d.a.Published; pub.Known() && ev.Date.Known() {
		if ev.Date.Time().Before(pub.Time().AddDate(-1, 0, 0)) {
			ev.Contexts = append(ev.Contexts, "historical")
			c.ev.Contexts = ev.Contexts
			c.background = ev.Date.Precision != article.PrecDay
		}
	}
	c.names = nameKey(parts)
	return c
}

func hasLemma(w *word, l string) bool { return w.hasLemma(l) }

// trace logs, at debug level, why a trigger gave no event: run with
// --log-level debug to see every rejected trigger and its actors.
func (x *Extractor) trace(d *doc, s *sentence, m match, reason string, actors []article.Actor) {
	if !x.log.Enabled(context.Background(), slog.LevelDebug) {
		return
	}
	names := make([]string, 0, len(actors))
	for _, a := range actors {
		names = append(names, a.Name+"/"+a.Role)
	}
	x.log.Debug("trigger rejected", "article", d.a.Path, "type", m.tr.Type,
		"trigger", d.a.Text[s.words[m.anchor].start:s.words[m.anchor].end], "reason", reason,
		"actors", strings.Join(names, ", "), "sentence", d.a.Text[s.span.Start:s.span.End])
}

// hasGap reports whether a trigger pattern skips words ("appeler * à").
func hasGap(tr lexicon.Trigger) bool {
	for _, p := range tr.Pattern {
		if p == lexicon.Gap {
			return true
		}
	}
	return false
}

// governingSubject returns the participants a nominal meeting trigger
// takes from the clause that governs it: "X a déclaré lors de sa
// rencontre avec Y", "during his meeting with Y", "après la rencontre avec
// Y", "X et Y ont convenu lors de leurs pourparlers", "qu'il ait tenu des
// conversations avec Y". The subject is the actor group nearest before
// the trigger in the sentence; a subject pronoun with no such group is
// the person last named in the preceding sentences.
func (d *doc) governingSubject(s *sentence, m match, obj []int, hosts map[int]bool) []int {
	comitative := false
	if len(obj) > 0 {
		for j := m.last + 1; j < s.ments[obj[0]].first; j++ {
			if n := s.words[j].norm; n == "avec" || n == "with" {
				comitative = true
			}
		}
	}
	governed, plural := false, false
	for j := max(0, m.first-4); j < m.first; j++ {
		switch s.words[j].norm {
		case "leur", "leurs", "their":
			governed, plural = true, true
		case "sa", "son", "ses", "his", "her", "lors", "during", "apres", "after", "pendant", "au", "at":
			governed = true
		}
	}
	if governed && len(obj) == 0 && !comitative {
		// "A et B ont réalisé des progrès lors de discussions": the
		// coordinated subject took part.
		if g := s.groupBefore(0, m.first, hosts); len(g) >= 2 {
			return g
		}
	}
	if !(comitative && (governed || hasSupportVerb(d.lang, s, 0, m.first))) && !(len(obj) == 0 && plural) {
		return nil
	}
	skip := map[int]bool{}
	for k, v := range hosts {
		skip[k] = v
	}
	for _, mi := range obj {
		skip[mi] = true
	}
	if g := s.groupBefore(0, m.first, skip); len(g) > 0 {
		return g
	}
	if len(obj) == 0 {
		return nil
	}
	pronoun := false
	for j := 0; j < m.first; j++ {
		switch s.words[j].norm {
		case "il", "elle", "he", "she":
			pronoun = true
		}
	}
	if m.first > 0 {
		switch s.words[m.first-1].norm {
		case "sa", "son", "his", "her":
			pronoun = true // "lors de sa conférence de presse conjointe avec X"
		}
	}
	if !pronoun {
		return nil
	}
	// "Lors de sa rencontre avec X, Y a déclaré": the subject follows.
	last := m.last
	for _, mi := range obj {
		last = max(last, s.ments[mi].end)
	}
	for mi := range s.ments {
		mm := s.ments[mi]
		if mm.actor != nil && mm.first >= last && !skip[mi] && s.mainSubject(mm) {
			return []int{mi}
		}
	}
	return d.antecedent(s, m.first, obj)
}

// mainSubject reports whether a mention opens a main clause after a comma:
// ", Mirzoyan a souligné", ", he said".
func (s *sentence) mainSubject(m ment) bool {
	if m.first == 0 || s.words[m.first-1].norm != "," || m.end >= len(s.words) {
		return false
	}
	return isFiniteVerb(&s.words[m.end])
}

// antecedent resolves a subject pronoun ("il", "she") to the person who is
// the subject of the nearest preceding sentence naming one (its first
// person mention, not one of the clause's objects), added as a mention of
// this sentence at word at that points back to it.
func (d *doc) antecedent(s *sentence, at int, exclude []int) []int {
	skip := map[string]bool{}
	for _, mi := range exclude {
		if a := s.ments[mi].actor; a != nil {
			skip[a.Name] = true
		}
	}
	return d.antecedentSkipping(s, at, skip)
}

// antecedentSkipping is antecedent with the names to pass over.
func (d *doc) antecedentSkipping(s *sentence, at int, skip map[string]bool) []int {
	for k := s.idx; k >= max(0, s.idx-3); k-- {
		prev := d.sentences[k]
		for _, pm := range prev.ments {
			if k == s.idx && pm.first >= at {
				break // in the pronoun's own sentence, only a person named before it
			}
			// In the pronoun's own sentence, an unnamed role holder that
			// opens it ("Le ministre iranien ... s'est rendu à Erevan, où
			// il a rencontré X") is the antecedent too.
			roleSubject := k == s.idx && pm.first <= 1 && pm.m.Kind == article.KindRole && pm.actor != nil
			if pm.actor != nil && (pm.m.Type == article.TypePerson || roleSubject) && pm.actor.Name != "" && !skip[pm.actor.Name] {
				s.ments = append(s.ments, ment{m: pm.m, first: at, end: at, actor: pm.actor})
				return []int{len(s.ments) - 1}
			}
		}
	}
	return nil
}

func isVerbal(w *word) bool {
	for _, a := range w.an {
		if a.Tenses != "" {
			return true
		}
	}
	return false
}

func distinct(d *doc, s *sentence, idx []int) map[string]bool {
	out := map[string]bool{}
	for _, mi := range idx {
		out[d.resolveState(s, s.ments[mi]).Name] = true
	}
	return out
}

// dropAbsorbedStates removes a state actor when a person of the same
// country is in the same role set ("le président azerbaïdjanais Ilham
// Aliev" is one actor, not two).
func dropAbsorbedStates(ev *article.Event) {
	persons := map[string]bool{}
	for _, a := range ev.Actors {
		if a.Country != "" && a.Name != stateName(a.Country) {
			persons[a.Country] = true
		}
	}
	out := ev.Actors[:0]
	for _, a := range ev.Actors {
		if a.Country != "" && a.Name == stateName(a.Country) && persons[a.Country] {
			continue
		}
		out = append(out, a)
	}
	ev.Actors = out
}

// collectiveSubject reports whether the clause before a trigger names the
// two sides collectively: "les parties", "les deux dirigeants", "both
// sides", "the two ministers".
func collectiveSubject(s *sentence, from, to int) bool {
	for j := from; j < to; j++ {
		n := s.words[j].norm
		switch n {
		case "parties", "sides":
			return true
		case "nous", "we":
			// "« Nous sommes convenus ... », a dit X", "we agreed": the
			// parties of the meeting just reported.
			if to-j <= 3 {
				return true
			}
		case "deux", "two", "both", "les", "the":
			// "les deux dirigeants", and "les ministres ont signé" with no
			// nationality: the parties of the meeting just reported.
			if j+1 < to {
				switch s.words[j+1].norm {
				case "dirigeants", "leaders", "ministres", "ministers", "pays", "countries", "chefs", "delegations", "parties", "sides":
					if n != "les" && n != "the" || j+2 >= len(s.words) || !nationalityAfter(s, j+2) {
						return true
					}
				}
			}
		}
	}
	return false
}

// dropAbsorbedBodies removes an institution (government, ministry) of a
// country whose person is among the participants: "Pashinyan, Aliyev and
// Macron ..., the Armenian government said" is no meeting with the
// government.
func dropAbsorbedBodies(ev *article.Event, persons map[string]bool) {
	have := map[string]bool{}
	for _, a := range ev.Actors {
		if persons[a.Name] && a.Country != "" {
			have[a.Country] = true
		}
	}
	out := ev.Actors[:0]
	for _, a := range ev.Actors {
		if !persons[a.Name] && have[a.Country] && !isStateActor(a) {
			continue
		}
		out = append(out, a)
	}
	ev.Actors = out
}

// requestVerbs govern an infinitive complement that is asked for, not
// done: "a appelé Pachinian à poursuivre les négociations", "urged him to
// sustain the talks".
var requestVerbs = map[string]bool{
	"appeler": true, "exhorter": true, "demander": true, "inviter": true, "encourager": true, "presser": true,
	"call": true, "urge": true, "ask": true, "encourage": true, "invite": true, "demand": true,
}

// clauseFactuality reads what the clause around a trigger says of it
// beyond the trigger's own window: a nominal trigger whose clause verb is
// conditional or future ("les discussions entre A et B devraient se
// dérouler"), or any trigger in the complement of a request verb.
func clauseFactuality(lang string, s *sentence, m match, left, right int, verbal bool) string {
	for j := left; j < m.first; j++ {
		for _, a := range s.words[j].an {
			if a.Tenses != "" && requestVerbs[a.Lemma] {
				return article.FactHypothetical
			}
		}
	}
	if verbal {
		return article.FactAsserted
	}
	for j := m.last + 1; j < min(len(s.words), m.last+40); j++ {
		w := &s.words[j]
		if isBoundary(lang, w) {
			break
		}
		if lang == "en" {
			switch w.norm {
			case "will", "would", "could", "should", "might", "may":
				return article.FactPlanned
			}
		}
		if (w.hasLemma("devoir") || w.hasLemma("pouvoir")) && j+1 < len(s.words) && s.words[j+1].verbTense('W') {
			// "les pourparlers devant avoir lieu vendredi", "qui doivent se tenir".
			return article.FactPlanned
		}
		if !isFiniteVerb(w) {
			continue
		}
		for _, a := range w.an {
			if a.Tenses == "" {
				continue
			}
			if strings.ContainsAny(a.Tenses, "FC") && !strings.ContainsAny(a.Tenses, "PIJK") {
				return article.FactPlanned
			}
		}
		break
	}
	return article.FactAsserted
}

var genericAddressees = map[string][]string{
	"fr": {"communaute internationale", "acteurs internationaux", "partenaires internationaux", "organisations internationales"},
	"en": {"international community", "international partners", "international actors"},
}

func genericAddressee(lang string, s *sentence, from, to int) string {
	var b strings.Builder
	for j := from; j < to && j < len(s.words); j++ {
		b.WriteString(" ")
		b.WriteString(s.words[j].norm)
	}
	txt := b.String()
	for _, g := range genericAddressees[lang] {
		if strings.Contains(txt, " "+g) {
			return "international community"
		}
	}
	return ""
}

func consultModeCue(s *sentence) string {
	visit := false
	for i := range s.words {
		n := s.words[i].norm
		if strings.HasPrefix(n, "telephon") || n == "phone" || n == "visioconference" || n == "videoconference" {
			return "phone"
		}
		// "Lors d'une visite de travail en Artsakh, X s'est entretenu avec
		// Y", "during his visit to Baku": a meeting held on a visit.
		if n == "visite" || n == "visit" || n == "visites" || n == "visits" {
			visit = visit || i == 0 || !s.words[i].verbTense('P') || determiners[s.words[i-1].norm] || s.words[i-1].norm == "a"
		}
	}
	if visit {
		return "visit"
	}
	return "meet"
}

// factuality reads negation, modality and tense around the trigger.
func factuality(lang string, s *sentence, m match) string {
	from := max(0, m.first-5)
	to := min(len(s.words), m.last+7)
	anchor := &s.words[m.anchor]
	for j := from; j < min(len(s.words), m.last+3); j++ {
		n := s.words[j].norm
		if lang == "fr" {
			if (n == "ne" && j < m.anchor) || n == "jamais" || (n == "aucun" || n == "aucune") && j < m.anchor || n == "sans" && j < m.anchor {
				return article.FactNegated
			}
		} else if n == "not" || n == "never" || (n == "t" && j > 0 && s.words[j-1].norm == "'") || (n == "no" || n == "without") && j < m.anchor {
			return article.FactNegated
		}
	}
	if !isVerbal(anchor) {
		// "a exclu toute rencontre", "ruled out any meeting": none took place.
		if m.first > 0 {
			switch s.words[m.first-1].norm {
			case "toute", "tout", "any", "aucune", "aucun":
				for j := m.first - 2; j >= max(0, m.first-10); j-- {
					w := &s.words[j]
					if w.hasLemma("exclure") || w.hasLemma("refuser") || w.hasLemma("rejeter") || w.hasLemma("rule") || w.hasLemma("refuse") || w.hasLemma("reject") {
						return article.FactNegated
					}
				}
				return article.FactHypothetical
			}
		}
		for j := m.first - 1; j >= max(0, m.first-16); j-- {
			for _, l := range []string{"proposer", "offrir", "souhaiter", "vouloir", "esperer", "envisager", "inviter",
				"propose", "offer", "suggest", "hope", "want", "invite"} {
				if s.words[j].hasLemma(l) && len(s.words[j].an) > 0 && s.words[j].an[0].Tenses != "" {
					// "proposait d'offrir une plate-forme pour des négociations".
					return article.FactHypothetical
				}
			}
			if isFiniteVerb(&s.words[j]) || s.words[j].norm == ";" {
				break
			}
			switch s.words[j].norm {
			case "accord", "proposition", "invitation", "projet", "idee", "preparatifs", "preparation", "perspective", "possibilite",
				"agreement", "proposal", "plans", "prospect", "preparations", "possibility":
				// "l'accord sur la tenue de discussions", "a proposal for talks".
				return article.FactPlanned
			}
		}
	}
	for j := from; j < to; j++ {
		w := &s.words[j]
		n := w.norm
		if lang == "fr" {
			switch n {
			case "prochain", "prochaine", "prochains", "prochaines", "prevu", "prevue", "prevus", "prevues", "futur", "future", "futurs", "futures", "envisage", "envisagee":
				return article.FactPlanned
			case "si", "eventuel", "eventuelle", "eventuels", "eventuelles", "possible", "pret", "prete", "prets", "pretes", "disponible":
				if j <= m.anchor {
					return article.FactHypothetical
				}
			}
			for _, a := range w.an {
				if a.Tenses == "" {
					continue
				}
				switch a.Lemma {
				case "souhaiter", "esperer", "vouloir", "proposer", "tenter", "essayer":
					if j < m.anchor {
						return article.FactHypothetical
					}
				case "prevoir", "preparer", "programmer", "planifier", "annoncer", "confirmer":
					// "a annoncé une rencontre avec ...": the meeting is to come.
					if j < m.anchor && !isVerbal(anchor) {
						return article.FactPlanned
					}
				case "pouvoir", "devoir":
					if strings.ContainsRune(a.Tenses, 'C') {
						return article.FactHypothetical
					}
					if j < m.anchor && strings.ContainsAny(a.Tenses, "PF") {
						return article.FactPlanned
					}
				case "aller":
					if j < m.anchor && strings.ContainsRune(a.Tenses, 'P') && anchor.verbTense('W') {
						return article.FactPlanned
					}
				}
				if j == m.anchor || (j < m.anchor && (a.Lemma == "etre" || a.Lemma == "avoir" || supportVerbs[a.Lemma])) || j > m.last && (a.Lemma == "tenir" || a.Lemma == "derouler" || a.Lemma == "etre" || a.Lemma == "avoir") {
					t := a.Tenses
					if j != m.anchor && (a.Lemma == "etre" || a.Lemma == "avoir") && strings.Contains(t, "P") {
						continue
					}
					if strings.ContainsRune(t, 'F') && !strings.ContainsAny(t, "PIJK") {
						return article.FactPlanned
					}
					if strings.ContainsRune(t, 'C') && !strings.ContainsAny(t, "PIJK") {
						return article.FactHypothetical
					}
				}
			}
		} else {
			switch n {
			case "will", "shall", "upcoming", "next", "planned", "scheduled", "expected", "intends", "plans", "plan", "going":
				if n == "will" && j > m.anchor {
					continue
				}
				return article.FactPlanned
			case "would", "could", "might", "may", "should", "if", "ready", "willing", "hope", "hopes", "possible", "potential":
				if j <= m.anchor {
					return article.FactHypothetical
				}
			case "preparing", "prepares", "prepare", "arranging", "organising", "organizing":
				// "was preparing a new round of talks": the talks are to
				// come ("talks" reads as a verb too: no nominal test).
				if j < m.anchor {
					return article.FactPlanned
				}
			}
		}
	}
	// An infinitive trigger ("doit rencontrer", "to meet") is not asserted.
	if isVerbal(anchor) && m.anchor > 0 {
		prev := s.words[m.anchor-1].norm
		if lang == "en" && prev == "to" && anchor.verbTense('W') {
			return article.FactPlanned
		}
		if lang == "fr" && onlyTense(anchor, 'W') && prev != "avoir" && !(m.anchor > 1 && s.words[m.anchor-2].norm == "avoir") {
			if prev == "de" && recentPast(s, m.anchor-1) {
				return article.FactAsserted // "vient (ce matin) de confirmer": just happened
			}
			if prev == "de" || prev == "a" || prev == "pour" || prev == "se" || prev == "le" {
				return article.FactPlanned
			}
		}
	}
	return article.FactAsserted
}

func (w *word) verbTense(t byte) bool {
	for _, a := range w.an {
		if strings.IndexByte(a.Tenses, t) >= 0 {
			return true
		}
	}
	return false
}

func onlyTense(w *word, t byte) bool {
	seen := false
	for _, a := range w.an {
		if a.Tenses == "" {
			continue
		}
		if a.Tenses != string(t) {
			return false
		}
		seen = true
	}
	return seen
}

// date picks the date of the trigger's clause: the resolved date nearest
// to the trigger in the sentence (years that qualify a noun excepted), else
// the publication month.
// date sets the event's date from its clause, the sentence before, or else
// the publication month; it reports whether the text itself dated it.
func (x *Extractor) date(d *doc, s *sentence, m match, ev *article.Event) bool {
	best, bestDist := -1, 1<<30
	trig := s.words[m.anchor].start
	for i, t := range s.times {
		if t.Kind != article.TimeDate || !t.Resolved || !t.Value.Known() {
			continue
		}
		// A bare year that qualifies a noun ("le traité de 1997") dates
		// that thing, not the clause.
		if t.Value.Precision == article.PrecYear && timex.NounYear(d.a.Text, t) {
			continue
		}
		if !t.Until.Known() && nounDate(s, t.Start) {
			continue // "la Déclaration du 9 novembre 2020": that document's date
		}
		dist := t.Start - trig
		if dist < 0 {
			dist = -dist
		} else {
			// A date after the trigger often qualifies its object ("a
			// ceasefire from November 10"); one before it opens the clause.
			dist += dist / 2
		}
		if dist < bestDist {
			best, bestDist = i, dist
		}
	}
	if best >= 0 && s.times[best].Relative {
		// "Today, November 9": the explicit date in apposition wins.
		for _, t := range s.times {
			b := s.times[best]
			if !t.Relative && t.Resolved && t.Kind == article.TimeDate && t.Value.Known() &&
				(t.Start >= b.End && t.Start-b.End <= 3 || b.Start >= t.End && b.Start-t.End <= 3) {
				ev.Date = t.Value
				return true
			}
		}
	}
	if best >= 0 {
		ev.Date = s.times[best].Value
		return true
	}
	if t, ok := d.carriedDate(s); ok {
		ev.Date = t
		return true
	}
	if dl := d.a.Dateline; dl != nil && dl.Date.Prec() == article.PrecDay {
		// "BAKU, May 13 (AZERTAC) – ...": the dateline's day, the day
		// the report speaks of, rather than the publication month.
		ev.Date = dl.Date
		return false
	}
	if p := d.a.Published; p.Known() && (p.Precision == article.PrecDay || p.Precision == article.PrecMonth) {
		ev.Date = article.Date{Year: p.Year, Month: p.Month, Precision: article.PrecMonth}
	}
	return false
}

// datedRef is a dated mention of meetings reported earlier.
type datedRef struct {
	sent int
	date article.Date
}

// anaphoricDates dates the undated meetings of the few sentences before a
// dated reference back to them.
func anaphoricDates(d *doc, cs []*candidate) {
	for _, r := range d.anaphoric {
		for _, c := range cs {
			if c.undated && c.ev.Type == "CONSULT" && c.sent < r.sent && r.sent-c.sent <= 3 {
				c.ev.Date = r.date
				c.undated = false
			}
		}
	}
}

// inheritDates gives an event the text leaves undated the day of the
// nearest earlier dated event of the article that shares a participant:
// "Le 24 mai, X a envoyé une lettre ... X a appelé ..." is one day's
// statement; an agreement reported after a dated meeting of its parties
// was reached there.
func inheritDates(cs []*candidate) {
	for i, c := range cs {
		if !c.undated || c.ev.Factuality != article.FactAsserted {
			continue
		}
		mine := map[string]bool{}
		for _, a := range c.ev.Participants() {
			mine[a.Name] = true
		}
		for k := i - 1; k >= 0; k-- {
			o := cs[k]
			if o.undated || o.ev.Factuality != article.FactAsserted || o.ev.Date.Prec() != article.PrecDay || o.sent >= c.sent {
				continue
			}
			shared := false
			for _, a := range o.ev.Participants() {
				shared = shared || mine[a.Name] && !isStateActor(a)
			}
			if shared {
				c.ev.Date = o.ev.Date
				c.undated = false
				break
			}
		}
	}
}

// place returns the first place mention of the sentence introduced by a
// locative preposition.
func place(s *sentence, m match) *article.Place {
	for _, mm := range s.ments {
		if mm.place && mm.m.Name != "" {
			return &article.Place{Name: mm.m.Name, Entity: mm.m.Entity}
		}
	}
	return nil
}

func (x *Extractor) sector(m ment, act article.Actor) string {
	if x.opts.Sector != nil && act.Entity != "" {
		if s := x.opts.Sector(act.Entity); s != "" {
			return s
		}
	}
	switch m.m.Type {
	case article.TypeState, article.TypeGovBody:
		return "GOV"
	case article.TypeIntlOrg:
		return "IGO"
	case article.TypeArmedGroup:
		return "MIL"
	case article.TypeMedia:
		return "MED"
	case article.TypePerson:
		r := translit.Fold(m.m.Role)
		if strings.Contains(r, "defen") || strings.Contains(r, "army") || strings.Contains(r, "armee") || strings.Contains(r, "general") {
			return "MIL"
		}
		return "GOV"
	}
	return ""
}

func confidence(ev *article.Event, m match) float64 {
	c := 0.5
	if len(m.tr.Pattern) > 1 {
		c += 0.1
	}
	for _, a := range ev.Actors {
		if a.Entity != "" {
			c += 0.1
		}
	}
	if ev.Date.Known() {
		c += 0.05
	}
	if c > 0.95 {
		c = 0.95
	}
	return c
}

func eventID(articleID, typ string, off int) string {
	h := sha256.Sum256([]byte(articleID + "|" + typ + "|" + strconv.Itoa(off)))
	return hex.EncodeToString(h[:8])
}

func nameKey(as []article.Actor) string {
	ns := make([]string, 0, len(as))
	for _, a := range as {
		ns = append(ns, translit.Fold(a.Name))
	}
	sort.Strings(ns)
	return strings.Join(ns, "+")
}

// subsetKey reports whether the participants of name key a (see nameKey),
// two at least, are all among b's, and b has more.
func subsetKey(a, b string) bool {
	as, bs := strings.Split(a, "+"), strings.Split(b, "+")
	if len(as) < 2 || len(as) >= len(bs) {
		return false
	}
	for _, n := range as {
		if !slices.Contains(bs, n) {
			return false
		}
	}
	return true
}

// compatible reports whether two event dates can be the same event's.
func compatible(a, b article.Date) bool {
	if !a.Known() || !b.Known() {
		return true
	}
	return a.Contains(b) || b.Contains(a)
}

// mergeCandidates merges repeated reports of one event (same type, same
// participants, compatible dates) into the first, keeping all evidence.
func mergeCandidates(cs []*candidate) []*candidate {
	var out []*candidate
	for _, c := range cs {
		var into *candidate
		for _, o := range out {
			if o.ev.Type == c.ev.Type && o.names == c.names && compatible(o.ev.Date, c.ev.Date) && compatibleModes(o.ev.Mode, c.ev.Mode) &&
				sameDirection(&o.ev, &c.ev) &&
				(o.ev.Factuality == article.FactAsserted) == (c.ev.Factuality == article.FactAsserted) {
				into = o
				break
			}
			if o.ev.Type == "AGREE" && c.ev.Type == "AGREE" && o.ev.Date.Known() && o.ev.Date == c.ev.Date &&
				o.ev.Factuality == c.ev.Factuality && o.verbal == c.verbal && (subsetKey(c.names, o.names) || subsetKey(o.names, c.names)) {
				// The agreement told again without its mediator ("les deux
				// dirigeants ont aussi convenu de ..."): one agreement, with
				// the fuller list of parties.
				if subsetKey(o.names, c.names) {
					o.ev.Actors, o.names = c.ev.Actors, c.names
				}
				into = o
				break
			}
		}
		if into == nil {
			out = append(out, c)
			continue
		}
		into.ev.Evidence = append(into.ev.Evidence, c.ev.Evidence...)
		if c.ev.Date.Prec().Rank() > into.ev.Date.Prec().Rank() {
			into.ev.Date = c.ev.Date
		}
		if into.ev.Place == nil {
			into.ev.Place = c.ev.Place
		}
		if into.ev.Mode == "meet" && c.ev.Mode != "" && c.ev.Mode != "meet" {
			into.ev.Mode = c.ev.Mode
		}
		for _, a := range c.ev.Actors {
			if a.Role != article.RoleHost {
				continue
			}
			dup := false
			for _, o := range into.ev.Actors {
				if o.Name == a.Name {
					dup = true
				}
			}
			if !dup {
				into.ev.Actors = append(into.ev.Actors, a)
			}
		}
		into.background = into.background && c.background
		if c.ev.Confidence > into.ev.Confidence {
			into.ev.Confidence = c.ev.Confidence
		}
	}
	return out
}

// compatibleModes reports whether two reports' modes may describe one
// event: a letter or a phone call is never the meeting or the visit.
func compatibleModes(a, b string) bool {
	// A phone call reported once as "ont discuté" (no mode cue) and once
	// "ont discuté par téléphone" is one call; a letter is always apart.
	return a == b || a != "correspondence" && b != "correspondence"
}

func isDeterminer(w string) bool {
	switch w {
	case "a", "an", "the", "this", "that", "their", "his", "her", "its", "our", "last", "first":
		return true
	}
	return false
}

// supportVerbs are verbs that take a nominal trigger as object and its
// participants as subject ("ont tenu des pourparlers", "held talks").
var supportVerbs = map[string]bool{
	"avoir": true, "tenir": true, "mener": true, "engager": true, "entamer": true, "participer": true,
	"poursuivre": true, "reprendre": true, "commencer": true, "signer": true,
	"have": true, "hold": true, "conduct": true, "begin": true, "start": true, "resume": true, "attend": true,
	"participate": true, "join": true,
	"lancer": true, "declencher": true, "effectuer": true, "launch": true, "mount": true, "carry": true, "stage": true,
}

func hasSupportVerb(lang string, s *sentence, from, to int) bool {
	for j := max(from, to-6); j < to; j++ {
		for _, a := range s.words[j].an {
			if a.Tenses != "" && supportVerbs[a.Lemma] {
				return true
			}
		}
	}
	return false
}

// connects reports whether the words in [from, to) can join two mentions
// of one coordinated group: few words, no clause boundary, no finite verb.
func (s *sentence) connects(from, to int) bool {
	gap := to - from
	for _, m := range s.ments {
		// A state absorbed into a role phrase ("le Président de la
		// Fédération de Russie, Vladimir Poutine") is part of the phrase.
		if m.actor == nil && !m.place && m.first >= from && m.end <= to {
			gap -= m.end - m.first - 1
		}
	}
	if gap > 8 {
		return false
	}
	for j := from; j < to; j++ {
		w := &s.words[j]
		if isBoundary("fr", w) || isBoundary("en", w) || w.norm == "." {
			return false
		}
		switch w.norm {
		case "avec", "with", "a", "to", "contre", "against", "par", "by", "pour", "for", "sur", "on", "lors", "during",
			"pres", "near", "autour", "around", "dans", "in", "along":
			if !w.hyphened { // "Chairman-in-Office" is a title, no preposition
				return false
			}
		}
		if isFiniteVerb(w) {
			return false
		}
	}
	return true
}

func isFiniteVerb(w *word) bool {
	for _, a := range w.an {
		if a.Tenses != "" && a.Tenses != "K" && a.Tenses != "W" && a.Tenses != "WP" && a.Tenses != "G" {
			if a.Lemma == "be" || a.Lemma == "have" || a.Lemma == "etre" || a.Lemma == "avoir" || len(a.Lemma) > 3 {
				return true
			}
		}
	}
	return false
}

// groupBefore returns the coordinated actor group nearest before word to.
func (s *sentence) groupBefore(from, to int, skip map[int]bool) []int {
	var out []int
	for mi := len(s.ments) - 1; mi >= 0; mi-- {
		m := s.ments[mi]
		if m.actor == nil || skip[mi] || m.end > to {
			continue
		}
		if m.first < from {
			break
		}
		if len(out) > 0 && (!s.connects(m.end, s.ments[out[len(out)-1]].first) || m.dyad != s.ments[out[len(out)-1]].dyad) {
			break
		}
		if len(out) > 0 && s.commaOnly(m.end, s.ments[out[len(out)-1]].first) && s.afterPreposition(m.first) {
			// "Following advances into territory held by the Armenian
			// forces, authorities agreed": an adverbial's object ends at the
			// comma; it is no member of the subject.
			break
		}
		out = append(out, mi)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// groupAfter returns the coordinated actor group nearest after word from.
func (s *sentence) groupAfter(from, to int, skip map[int]bool) []int {
	var out []int
	for mi, m := range s.ments {
		if m.actor == nil || skip[mi] || m.first < from {
			continue
		}
		if m.end > to {
			break
		}
		if len(out) > 0 && (!s.connects(s.ments[out[len(out)-1]].end, m.first) || m.dyad != s.ments[out[len(out)-1]].dyad) {
			break
		}
		if len(out) > 0 && s.mainSubject(m) {
			break // "lors de sa rencontre avec X, Y a souligné": Y is the clause's subject
		}
		if len(out) == 0 && (m.first-from > s.reach(from, m.first) || !s.leadsTo(from, m.first)) {
			break
		}
		out = append(out, mi)
	}
	return out
}

// absorb merges a state or demonym mention into the person mention it
// qualifies ("le président azerbaïdjanais Ilham Aliev", "Turkish Foreign
// Minister Mevlüt Çavuşoğlu"): the state is no separate actor.
func absorb(s *sentence) {
	for i := range s.ments {
		mi := &s.ments[i]
		if mi.actor == nil || mi.m.Type == article.TypePerson {
			continue
		}
		for j := i + 1; j < len(s.ments); j++ {
			mj := &s.ments[j]
			if mj.actor == nil {
				continue
			}
			if mj.m.Type != article.TypePerson || mj.first-mi.end > 7 {
				break
			}
			ok := true
			for k := mi.end; k < mj.first; k++ {
				n := s.words[k].norm
				if n == "et" || n == "and" || isFiniteVerb(&s.words[k]) || isBoundary("fr", &s.words[k]) || isBoundary("en", &s.words[k]) {
					ok = false
				}
			}
			if ok {
				if mj.actor.Country == "" {
					mj.actor.Country = mi.actor.Country
				}
				mi.actor = nil
			}
			break
		}
	}
}

// reach is how many words may separate a trigger from its first object:
// more when a comitative preposition ("avec", "with") already introduced
// it, since the object's role phrase can be long ("avec le secrétaire
// général du Conseil turc, Bagdat Amreev").
func (s *sentence) reach(from, to int) int {
	for j := from; j < to && j < len(s.words); j++ {
		if n := s.words[j].norm; n == "avec" || n == "with" {
			if to-j <= 16 {
				return to - from
			}
		}
	}
	return 14
}

// leadsTo reports whether the words between a trigger and its first object
// mention keep the object in the trigger's phrase.
func (s *sentence) leadsTo(from, to int) bool {
	for j := from; j < to; j++ {
		w := &s.words[j]
		if isBoundary("fr", w) || isBoundary("en", w) || isFiniteVerb(w) {
			return false
		}
		switch w.norm {
		case "par", "by", "pour", "for", "lors", "during", "contre", "against", "sur", "on", "apres", "after", "dans", "in":
			if !w.hyphened {
				return false
			}
		}
	}
	return true
}

// splitSeparate splits "X a eu des conversations téléphoniques avec A et
// B" (phone calls, or any event marked "séparément"/"separately") into one
// event per target, each with the single source.
func splitSeparate(s *sentence, c *candidate) []*candidate {
	var src, tgt []article.Actor
	for _, a := range c.ev.Actors {
		switch a.Role {
		case article.RoleSource:
			src = append(src, a)
		case article.RoleTarget:
			tgt = append(tgt, a)
		}
	}
	separate := c.ev.Type == "CONSULT" && c.ev.Mode == "phone"
	for i := range s.words {
		switch s.words[i].norm {
		case "separement", "separately", "respectivement", "respectively", "separes", "separees", "separate":
			separate = true
		}
	}
	// A visit to two countries is two visits; a request or an accusation
	// has one requester or accuser and one addressee or accused each.
	separate = separate || c.ev.Type == "CONSULT" && c.ev.Mode == "visit"
	pairwise := c.ev.Type == "REQUEST" || c.ev.Type == "ACCUSE"
	if c.reciprocal {
		tgt = nil
		for _, a := range src {
			a.Role = article.RoleTarget
			tgt = append(tgt, a)
		}
		pairwise = true
	}
	if pairwise && len(src) >= 1 && len(tgt) >= 1 && len(src)+len(tgt) > 2 {
		var out []*candidate
		k := 0
		for _, a := range src {
			for _, t := range tgt {
				if a.Name == t.Name {
					continue
				}
				n := *c
				n.ev.Actors = []article.Actor{a, t}
				for _, h := range c.ev.Actors {
					if h.Role == article.RoleHost {
						n.ev.Actors = append(n.ev.Actors, h)
					}
				}
				n.ev.ID = eventID(c.ev.ArticleID, c.ev.Type+"#"+strconv.Itoa(k), c.ev.Trigger.Start)
				n.names = nameKey(n.ev.Participants())
				out = append(out, &n)
				k++
			}
		}
		return out
	}
	if !separate || len(src) != 1 || len(tgt) < 2 {
		return []*candidate{c}
	}
	var out []*candidate
	for k, t := range tgt {
		n := *c
		n.ev.Actors = []article.Actor{src[0], t}
		n.ev.ID = eventID(c.ev.ArticleID, c.ev.Type+"#"+strconv.Itoa(k), c.ev.Trigger.Start)
		n.names = nameKey(n.ev.Actors)
		out = append(out, &n)
	}
	return out
}

// speechVerbs introduce reported speech ("X a déclaré que ...", "X said
// that ...").
var speechVerbs = map[string]bool{
	"declarer": true, "affirmer": true, "insister": true, "indiquer": true, "annoncer": true, "assurer": true,
	"souligner": true, "dire": true, "rapporter": true, "signaler": true, "affirme": true,
	"say": true, "state": true, "claim": true, "report": true, "announce": true, "insist": true, "allege": true,
}

// speechStems catch participles of speech verbs the lexicon lacks.
var speechStems = []string{"declar", "affirm", "insist", "indiqu", "annonc", "soulign", "assur", "signal", "ajout", "ecri", "expliqu", "precis"}

// reportedAttack turns an attack reported in a speaker's words ("le
// ministère arménien a déclaré que les forces azerbaïdjanaises avaient
// attaqué ...", "Armenia said Azerbaijan attacked ...") into an accusation
// by the speaker against the attacker: the report is a claim, not a
// verified attack.
func (x *Extractor) reportedAttack(d *doc, s *sentence, m match) *candidate {
	if m.tr.Type != "ASSAULT" || m.tr.Frame != "dir" {
		return nil
	}
	nominal := !isVerbal(&s.words[m.anchor])
	// The speech verb: the nearest one before the trigger, with at most a
	// complementiser and the attacker's phrase between.
	sv := -1
	for j := m.first - 1; j >= max(0, m.first-12); j-- {
		w := &s.words[j]
		if speechVerb(d.lang, w) {
			sv = j
			break
		}
		if w.norm == "." || w.norm == ";" {
			return nil
		}
	}
	var attacker, speaker []int
	if nominal {
		// "Bakou déclare avoir repoussé les « provocations » de l'armée
		// arménienne": the attack named by a noun, its author after "de".
		if sv < 0 {
			return nil
		}
		for j := sv + 1; j < m.first; j++ {
			if x.triggerAt(d.lang, s, j) || isFiniteVerb(&s.words[j]) {
				return nil // "a dit, dénonçant une agression de X": the verb's own object
			}
		}
		k := m.last + 1
		for k < len(s.words) && quoteMark(s.words[k].norm) {
			k++
		}
		if k < len(s.words) && (s.words[k].norm == "de" || s.words[k].norm == "du" || s.words[k].norm == "des" || s.words[k].norm == "by" || s.words[k].norm == "of") {
			attacker = s.groupAfter(k+1, s.predicateEnd(d.lang, k+1), s.hosts)
			if len(attacker) > 0 && s.ments[attacker[0]].first > k+3 {
				attacker = nil
			}
		}
		speaker = s.groupBefore(0, sv, s.hosts)
		if len(speaker) > 0 && s.ments[speaker[len(speaker)-1]].end < sv-2 {
			speaker = nil // the speaker is the speech verb's subject, next to it
		}
	} else if sv >= 0 {
		attacker = s.groupBefore(sv+1, m.first, s.hosts)
		speaker = s.groupBefore(0, sv, s.hosts)
	} else {
		// "Selon Bakou, l'armée arménienne a tiré ...", "According to
		// Baku, Armenian forces fired ...": an attributed claim.
		attacker, speaker, sv = attribution(s, m)
		if sv < 0 {
			return nil
		}
	}
	if len(attacker) == 0 || len(speaker) == 0 {
		return nil
	}
	ev := article.Event{Type: "ACCUSE", Factuality: article.FactAsserted}
	add := func(idx []int, role string) {
		for _, mi := range idx {
			act := stateLevel("ACCUSE", s.ments[mi], d.resolveState(s, s.ments[mi]))
			act.Role = role
			act.Sector = x.sector(s.ments[mi], act)
			for _, o := range ev.Actors {
				if o.Name == act.Name {
					return
				}
			}
			ev.Actors = append(ev.Actors, act)
		}
	}
	add(speaker, article.RoleSource)
	add(attacker, article.RoleTarget)
	if participantCount(&ev) < 2 {
		return nil
	}
	sm := match{tr: m.tr, first: sv, last: sv, anchor: sv}
	return x.derived(d, s, ev, sm, m, sv, false)
}

// derived finishes an event read from a speech construction rather than
// from its own trigger (a reported attack, a reported demand): factuality
// from the speech verb (fm), date from the clause of dm, trigger at word
// tw, the sentence as evidence.
func (x *Extractor) derived(d *doc, s *sentence, ev article.Event, fm, dm match, tw int, verbal bool) *candidate {
	ev.Factuality = factuality(d.lang, s, fm)
	x.date(d, s, dm, &ev)
	ev.Trigger = article.Span{Start: s.words[tw].start, End: s.words[tw].end}
	ev.Evidence = []article.Evidence{{Span: s.span, Text: d.a.Text[s.span.Start:s.span.End]}}
	ev.ArticleID = d.a.ID
	ev.ID = eventID(d.a.ID, ev.Type, ev.Trigger.Start)
	ev.Contexts = []string{defaultContext[ev.Type]}
	ev.Confidence = confidence(&ev, dm)
	return &candidate{ev: ev, persons: map[string]bool{}, verbal: verbal}
}

// triggerAt reports whether an event trigger of any type starts at word j.
func (x *Extractor) triggerAt(lang string, s *sentence, j int) bool {
	idx := x.byFirst[lang]
	for _, an := range s.words[j].an {
		for _, tr := range idx[an.Lemma] {
			if _, ok := matchAt(tr, s.words, j); ok {
				return true
			}
		}
	}
	return false
}

// heldVerbs are participles after a nominal meeting trigger whose agent
// names the participants ("tenus par", "menées par", "held by").
var heldVerbs = map[string]bool{"tenir": true, "mener": true, "conduire": true, "engager": true,
	"hold": true, "conduct": true}

// agentAfter returns the index of "par"/"by" introducing the agent of a
// participle that directly follows a nominal trigger, or -1.
func agentAfter(lang string, s *sentence, from int) int {
	if from >= len(s.words) {
		return -1
	}
	w := &s.words[from]
	held := false
	for _, a := range w.an {
		if heldVerbs[a.Lemma] && (a.Tenses == "K" || strings.Contains(a.Tenses, "K")) {
			held = true
		}
	}
	if !held && (w.norm == "held" || w.norm == "conducted") {
		held = true
	}
	if !held {
		return -1
	}
	for j := from + 1; j < min(from+8, len(s.words)); j++ {
		x := &s.words[j]
		if isBoundary(lang, x) || isFiniteVerb(x) {
			return -1
		}
		if x.norm == "par" || x.norm == "by" {
			return j
		}
	}
	return -1
}

// visitedStates returns the states (or capitals standing for them) named
// as the destination of a visit in words [from, to): "en Arménie et en
// Azerbaïdjan", "à Bakou".
func visitedStates(s *sentence, from, to int) []article.Actor {
	return visitedStatesWithin(s, from, to, 3)
}

// visitedStatesWithin is visitedStates with the first state at most reach
// words after from ("la semaine dernière à Erevan").
func visitedStatesWithin(s *sentence, from, to, reach int) []article.Actor {
	var out []article.Actor
	last := -1
	for _, m := range s.ments {
		if m.first < from || m.end > to {
			continue
		}
		if last >= 0 && !s.connects(last, m.first) {
			break
		}
		if last < 0 && m.first-from > reach {
			break
		}
		code := m.m.Country
		ok := m.m.Type == article.TypeState || m.m.Type == article.TypeCity && isCapital(m.m.Name)
		if !ok || code == "" || stateName(code) == "" {
			break
		}
		out = append(out, article.Actor{Name: stateName(code), Country: code,
			Mention: &article.Span{Start: m.m.Start, End: m.m.End}})
		if m.m.Type == article.TypeState {
			out[len(out)-1].Entity = m.m.Entity
		}
		last = m.end
	}
	return out
}

// carriedDate returns the date a sentence without its own date inherits
// from the sentence before it in the same paragraph ("Le 13, des
// affrontements éclatent. Erevan dénonce une agression."): the one
// resolved day or month date that sentence gives, if it gives exactly one.
func (d *doc) carriedDate(s *sentence) (article.Date, bool) {
	if s.idx == 0 {
		return article.Date{}, false
	}
	prev := d.sentences[s.idx-1]
	if strings.Contains(d.a.Text[prev.span.End:s.span.Start], "\n\n") && sentenceEnded(d.a.Text[prev.span.Start:prev.span.End]) {
		// A new paragraph, unless a scraper broke the sentence in two.
		return article.Date{}, false
	}
	var found article.Date
	n := 0
	for _, t := range prev.times {
		if t.Kind != article.TimeDate || !t.Resolved || !t.Value.Known() {
			continue
		}
		if p := t.Value.Prec(); p != article.PrecDay && p != article.PrecMonth {
			continue
		}
		found = t.Value
		n++
	}
	return found, n == 1
}

// borderNoun reports whether the words just before i end with a border or
// area noun ("la frontière", "the border", "le long de la ligne de contact").
func borderNoun(ws []word, i int) bool {
	for j := i - 1; j >= max(0, i-2); j-- {
		switch ws[j].norm {
		case "frontiere", "frontieres", "border", "borders", "ligne", "line", "zone", "region", "confins", "frontier":
			return true
		}
	}
	return false
}

// topicWord reports whether a word introduces what talks are about.
func topicWord(n string) bool {
	switch n {
	case "sur", "concernant", "about", "on", "regarding", "over":
		return true
	}
	return false
}

// topicVerb reports whether a verbal trigger takes its topic, not a party,
// as object ("discuter de", "négocier", "discuss").
func topicVerb(w *word) bool {
	for _, l := range []string{"discuter", "negocier", "evoquer", "aborder", "discuss", "negotiate"} {
		if w.hasLemma(l) {
			return true
		}
	}
	return false
}

// quantified reports whether a nominal trigger is counted as a series
// ("plusieurs cycles de discussions", "de nombreuses rencontres", "several
// rounds of talks").
func quantified(s *sentence, first int) bool {
	for j := first - 1; j >= max(0, first-4); j-- {
		switch s.words[j].norm {
		case "plusieurs", "nombreux", "nombreuses", "several", "numerous", "multiple", "many", "divers", "diverses", "maintes":
			return true
		}
	}
	return false
}

// nationalityAfter reports whether a plural role noun is qualified by an
// actor mention right after it ("les ministres arménien et azerbaïdjanais",
// "les dirigeants des deux pays").
func nationalityAfter(s *sentence, j int) bool {
	for _, m := range s.ments {
		if m.actor != nil && m.first >= j && m.first <= j+5 {
			return true
		}
	}
	return false
}

// meetingReference reports whether a sentence refers back to a meeting
// ("à l'issue de la réunion", "after the talks").
func meetingReference(s *sentence) bool {
	for _, w := range s.words {
		switch w.norm {
		case "reunion", "sommet", "rencontre", "pourparlers", "negociations", "entretiens", "meeting", "talks", "summit":
			return true
		}
	}
	return false
}

// pronounSubject reports whether a subject pronoun stands just before a
// verbal trigger, with at most an auxiliary or adverbs between ("il
// avait rencontré", "she has also called").
func pronounSubject(s *sentence, first int) bool {
	for j := first - 1; j >= max(0, first-4); j-- {
		switch s.words[j].norm {
		case "il", "elle", "he", "she":
			return true
		case ",", ";", ".", "que", "qui", "that", "who":
			return false
		}
	}
	return false
}

// coordinatedSubject returns the subject of the finite verb a participle
// at first is coordinated with ("a rejeté ..., et demandé"): the actor
// group right before that verb's auxiliary.
func (s *sentence) coordinatedSubject(first int, skip map[int]bool) []int {
	j := first - 1
	for j >= 0 && (s.words[j].norm == "aussi" || s.words[j].norm == "egalement" || s.words[j].norm == "also") {
		j--
	}
	if j < 0 || (s.words[j].norm != "et" && s.words[j].norm != "and") {
		return nil
	}
	for k := j - 1; k > 0; k-- {
		w := &s.words[k]
		if w.norm == ";" || w.norm == "." || w.norm == "que" || w.norm == "qui" || w.norm == "that" {
			return nil
		}
		if isFiniteVerb(w) {
			// The coordinated verb's subject: the group right before it or
			// before its auxiliary ("X a rejeté ... et demandé", "X
			// visited Yerevan and met Y").
			if k > 0 && isFiniteVerb(&s.words[k-1]) {
				k--
			}
			g := s.groupBefore(0, k, skip)
			if len(g) > 0 && s.ments[g[len(g)-1]].end >= k-2 {
				return g
			}
			return nil
		}
	}
	return nil
}

// has reports whether the sentence contains one of the folded words.
func (s *sentence) has(words ...string) bool {
	for i := range s.words {
		for _, w := range words {
			if s.words[i].norm == w {
				return true
			}
		}
	}
	return false
}

// commaOnly reports whether words [from, to) are just a comma.
func (s *sentence) commaOnly(from, to int) bool {
	return to == from+1 && s.words[from].norm == ","
}

// afterPreposition reports whether the phrase starting at word i is the
// object of a preposition (skipping a determiner and an adjective or two).
func (s *sentence) afterPreposition(i int) bool {
	for j := i - 1; j >= max(0, i-3); j-- {
		switch s.words[j].norm {
		case "by", "of", "in", "from", "into", "to", "with", "for", "on", "at", "against",
			"par", "de", "du", "des", "dans", "sur", "pour", "avec", "contre", "a", "au", "aux", "en":
			return true
		case "le", "la", "les", "l", "un", "une", "the", "an", "ethnic", "its", "their", "son", "sa", "ses", "leur", "leurs":
			continue
		}
		return false
	}
	return false
}

// genitive reports whether the phrase at word i complements a noun ("du
// Haut-Karabakh", "of Nagorno-Karabakh"), skipping one article.
func genitive(ws []word, i int) bool {
	for j := i - 1; j >= max(0, i-3); j-- {
		switch ws[j].norm {
		case "de", "du", "des", "of":
			return true
		case "le", "la", "les", "the":
			continue
		}
		if roleWord(ws[j].norm) != "" {
			continue // "du président Tokayev"
		}
		return false
	}
	return false
}

// sentenceEnded reports whether a sentence ends with final punctuation
// (not cut by a hard line break).
func sentenceEnded(t string) bool {
	t = strings.TrimRight(t, " \t\r\n")
	if t == "" {
		return true
	}
	switch t[len(t)-1] {
	case '.', '!', '?', '"', ')', ':':
		return true
	}
	return strings.HasSuffix(t, "»") || strings.HasSuffix(t, "”") || strings.HasSuffix(t, "…")
}

// placePolity returns the state or polity a place mention belongs to: the
// polity governing it (a city of Nagorno-Karabakh), else its country.
func (d *doc) placePolity(m article.Mention) (article.Actor, bool) {
	if d.polity != nil && m.Entity != "" {
		if pol, ok := d.polity(m.Entity); ok && stateName(pol.Country) != "" {
			return pol, true
		}
	}
	if n := stateName(m.Country); n != "" {
		e := ""
		if m.Type == article.TypeState {
			e = m.Entity
		}
		return article.Actor{Name: n, Entity: e, Country: m.Country}, true
	}
	return article.Actor{}, false
}

// andBetween reports whether "et"/"and" stands between words from and to.
func (s *sentence) andBetween(from, to int) bool {
	for j := from; j < to && j < len(s.words); j++ {
		if n := s.words[j].norm; n == "et" || n == "and" {
			return true
		}
	}
	return false
}

// attribution finds "selon X," / "according to X," opening the clause of
// an attack trigger: it returns the attacker group (before the trigger,
// after the comma), the source group and the index of "selon"/"according",
// or -1.
func attribution(s *sentence, m match) (attacker, speaker []int, at int) {
	for j := 0; j < m.first; j++ {
		n := s.words[j].norm
		if n != "selon" && !(n == "according" && j+1 < len(s.words) && s.words[j+1].norm == "to") {
			continue
		}
		from := j + 1
		if n == "according" {
			from++
		}
		comma := -1
		for k := from; k < m.first; k++ {
			if s.words[k].norm == "," {
				comma = k
				break
			}
		}
		if comma < 0 {
			return nil, nil, -1
		}
		speaker = s.groupAfter(from, comma, s.hosts)
		attacker = s.groupBefore(comma+1, m.first, s.hosts)
		if len(speaker) == 0 || len(attacker) == 0 {
			return nil, nil, -1
		}
		return attacker, speaker, j
	}
	return nil, nil, -1
}

// afterPublication reports whether a date lies wholly after the
// publication date: a later day, or a later month or year when either is
// coarser ("next month").
func afterPublication(d, pub article.Date) bool {
	if !d.Known() || !pub.Known() {
		return false
	}
	if d.Prec() == article.PrecDay && pub.Prec() == article.PrecDay {
		return d.Time().After(pub.Time())
	}
	if d.Year != pub.Year {
		return d.Year > pub.Year
	}
	if d.Prec() == article.PrecYear || pub.Prec() == article.PrecYear || d.Month == 0 || pub.Month == 0 {
		return false
	}
	return d.Month > pub.Month
}

// sameDirection reports whether two reports of a directed event (an
// accusation, a request) have the same source: "A accuse B" and "B accuse
// A" are two events.
func sameDirection(a, b *article.Event) bool {
	if a.Type != "ACCUSE" && a.Type != "REQUEST" {
		return true
	}
	src := func(e *article.Event) string {
		var ns []string
		for _, x := range e.Actors {
			if x.Role == article.RoleSource {
				ns = append(ns, translit.Fold(x.Name))
			}
		}
		sort.Strings(ns)
		return strings.Join(ns, "+")
	}
	return src(a) == src(b)
}

// firstPersonPlural reports whether "nous"/"we" stands in words [from, to).
func firstPersonPlural(s *sentence, from, to int) bool {
	for j := from; j < to; j++ {
		if n := s.words[j].norm; n == "nous" || n == "we" {
			return true
		}
	}
	return false
}

// nounDate reports whether the date at byte offset off is introduced by
// "du"/"of" after a noun, dating that thing rather than the clause.
func nounDate(s *sentence, off int) bool {
	i := s.wordIndex(off)
	if i < 2 || i > len(s.words) {
		return false
	}
	p := s.words[i-1].norm
	if p != "du" && p != "of" {
		return false
	}
	prev := &s.words[i-2]
	return !prev.punct && !isVerbal(prev)
}

// beforeAuxBe reports whether a form of être/be stands within two words
// before word i ("a été reçu", "was received", "has been hosted").
func beforeAuxBe(s *sentence, i int) bool {
	for j := i - 1; j >= max(0, i-2); j-- {
		w := &s.words[j]
		if w.hasLemma("etre") || w.hasLemma("be") || w.norm == "ete" || w.norm == "been" {
			return true
		}
	}
	return false
}

// predicateEnd returns the index of the first clause boundary or finite
// auxiliary at or after word from, or the sentence length.
func (s *sentence) predicateEnd(lang string, from int) int {
	for k := from; k < len(s.words); k++ {
		if isBoundary(lang, &s.words[k]) || isFinite(lang, &s.words[k]) {
			return k
		}
	}
	return len(s.words)
}

// peerRole returns the role class ("minister", "leader") of the person
// named nearest before word i in the sentence, whose counterpart a
// "homologue" phrase designates; "peer" (any role) when unknown.
func (d *doc) peerRole(s *sentence, i int) string {
	for k := len(s.ments) - 1; k >= 0; k-- {
		pm := s.ments[k]
		if pm.first >= i || pm.actor == nil || pm.m.Type != article.TypePerson {
			continue
		}
		for _, p := range d.persons[pm.actor.Country] {
			if p.actor.Name != pm.actor.Name {
				continue
			}
			// The exact KB role first: a foreign minister's counterpart is
			// the other foreign minister, not a deputy prime minister.
			for _, key := range []string{"foreign_minister", "defence_minister", "interior_minister", "prime_minister", "president"} {
				if p.roles[key] {
					return key
				}
			}
			switch {
			case p.roles["minister"] && !p.roles["leader"]:
				return "minister"
			case p.roles["leader"] && !p.roles["minister"]:
				return "leader"
			}
		}
		return "peer"
	}
	return "peer"
}

// quoteMark reports whether a punctuation token is a quotation mark or
// apostrophe, which a pattern may step over ("de « provocantes »").
func quoteMark(n string) bool {
	switch n {
	case "'", "«", "»", "\"", "“", "”", "‘", "’":
		return true
	}
	return false
}

// recentPast reports whether a form of "venir" stands shortly before the
// "de" at word i: "vient de signer", "venait ce matin de confirmer".
func recentPast(s *sentence, i int) bool {
	for j := i - 1; j >= max(0, i-4); j-- {
		w := &s.words[j]
		if w.hasLemma("venir") && isFiniteVerb(w) {
			return true
		}
		if w.punct {
			return false
		}
	}
	return false
}

// reciprocalCue reports whether a reciprocal phrase follows the trigger
// closely ("each other", "one another", "mutuellement", "l'un l'autre").
func reciprocalCue(s *sentence, from int) bool {
	for j := from; j < min(from+5, len(s.words)); j++ {
		switch n := s.words[j].norm; n {
		case "mutuellement", "reciproquement":
			return true
		case "each", "one":
			if j+1 < len(s.words) && (s.words[j+1].norm == "other" || s.words[j+1].norm == "another") {
				return true
			}
		case "un":
			if j+2 < len(s.words) && s.words[j+1].norm == "le" && s.words[j+2].norm == "autre" {
				return true
			}
		}
	}
	return false
}

// partyOnly reports whether every actor mention of idx comes from a "les
// parties" / "the sides" phrase (and there is at least one).
func partyOnly(s *sentence, idx []int) bool {
	for _, mi := range idx {
		if !s.ments[mi].party {
			return false
		}
	}
	return len(idx) > 0
}

// reportedDemand turns a speaker's statement that another party must act
// ("X a souligné que l'Arménie devait renoncer à ...", "X said Armenia must
// withdraw ...") into a request by the speaker to that party.
func (x *Extractor) reportedDemand(d *doc, s *sentence) *candidate {
	for i := 1; i < len(s.words); i++ {
		w := &s.words[i]
		must := w.norm == "must" || (w.norm == "should" && d.lang == "en") ||
			d.lang == "fr" && w.hasLemma("devoir") && isFiniteVerb(w) && !strings.ContainsRune(w.an[0].Tenses, 'C')
		if !must {
			continue
		}
		if i+1 < len(s.words) && (s.words[i+1].hasLemma("etre") || s.words[i+1].norm == "be" || s.words[i+1].norm == "been") {
			continue // "la Turquie devait être impliquée": a wish about, not a demand to
		}
		addressee := s.groupBefore(0, i, s.hosts)
		if len(addressee) == 0 || s.ments[addressee[len(addressee)-1]].end < i-1 {
			continue
		}
		speaker, j := d.reportingSpeaker(s, s.ments[addressee[0]].first)
		if len(speaker) == 0 {
			continue
		}
		ev := x.speakerEvent(d, s, "REQUEST", speaker, addressee)
		if participantCount(&ev) < 2 {
			return nil
		}
		m := match{first: j, last: j, anchor: j, tr: lexicon.Trigger{Type: "REQUEST", Frame: "dir"}}
		return x.derived(d, s, ev, m, m, i, true)
	}
	return nil
}

// casualtyWords report deaths ("a fait quatre morts", "la mort de six
// soldats", "two soldiers were killed"); soldierWords name the fallen.
var (
	casualtyWords = map[string]bool{"mort": true, "morts": true, "tues": true, "tue": true, "tuees": true,
		"killed": true, "dead": true, "deaths": true, "death": true}
	soldierWords = map[string]bool{"soldat": true, "soldats": true, "militaire": true, "militaires": true, "combattant": true, "combattants": true,
		"soldier": true, "soldiers": true, "servicemen": true, "serviceman": true, "troops": true, "fighters": true}
)

// casualties turns a report of soldiers killed into a clash between their
// states ("l'épisode a provoqué la mort de six soldats arméniens et sept
// militaires azerbaïdjanais", "a fait quatre morts parmi les soldats
// arméniens", "two Azerbaijani soldiers were killed"): the states of the
// fallen, named by demonyms next to the soldiers, and when only one side
// is named, the other side of the article's dyad. A report with an
// author ("tués par des tirs azerbaïdjanais") is the attack triggers'.
func (x *Extractor) casualties(d *doc, s *sentence) *candidate {
	for i := range s.words {
		if !casualtyWords[s.words[i].norm] {
			continue
		}
		authored := false
		for k := i + 1; k < min(len(s.words), i+4); k++ {
			authored = authored || s.words[k].norm == "par" || s.words[k].norm == "by"
		}
		if authored {
			continue
		}
		lo, hi := max(0, i-5), min(len(s.words), i+9)
		var sides []article.Actor
		for j := lo; j < hi; j++ {
			if !soldierWords[s.words[j].norm] {
				continue
			}
			for _, pm := range s.ments {
				if pm.m.Kind != article.KindDemonym || pm.m.Type != article.TypeState || pm.actor == nil || pm.actor.Country == "" {
					continue
				}
				if pm.first > j+2 || pm.end < j-1 {
					continue // "soldats arméniens", "Armenian soldiers": next to the noun
				}
				dup := false
				for _, a := range sides {
					dup = dup || a.Country == pm.actor.Country
				}
				if !dup {
					act := stateLevel("ASSAULT", pm, *pm.actor)
					act.Mention = &article.Span{Start: pm.m.Start, End: pm.m.End}
					sides = append(sides, act)
				}
			}
		}
		if len(sides) == 1 {
			sides[0].Role = article.RoleSource
			other, ok := d.partner(sides)
			if !ok {
				continue
			}
			sides = append(sides, other)
		}
		if len(sides) != 2 {
			continue
		}
		// Who fired is not said: the sides of the clash, without an order.
		sides[0].Role, sides[1].Role = article.RoleTarget, article.RoleSource
		ev := article.Event{Type: "ASSAULT", Factuality: article.FactAsserted, Actors: sides}
		for k := range ev.Actors {
			ev.Actors[k].Sector = "MIL"
		}
		m := match{first: i, last: i, anchor: i, tr: lexicon.Trigger{Type: "ASSAULT", Frame: "dir"}}
		return x.derived(d, s, ev, m, m, i, false)
	}
	return nil
}

// blameStems are stems of verbs by which a speaker blames the subject of
// a reported clause ("X a déclaré que l'UE abusait de ...", "X said Baku
// was obstructing ..."), matched on the folded word so that every
// conjugation counts.
var blameStems = map[string][]string{
	"fr": {"entrav", "abus", "sabot", "manipul", "falsifi", "deform", "instrumentalis", "torpill"},
	"en": {"obstruct", "hamper", "abus", "sabotag", "manipulat", "falsif", "distort", "undermin", "torpedo"},
}

// spreadStems are verbs of spreading that blame only with a falsehood
// after them ("a diffusé des informations erronées", "spread false
// reports").
var spreadStems = []string{"diffus", "repand", "propag", "spread", "disseminat"}

// prefix3 is a set of three-letter a-z prefixes.
type prefix3 [26 * 26 * 26]bool

func (t *prefix3) add(w string) {
	if i, ok := prefix3Index(w); ok {
		t[i] = true
	}
}

func (t *prefix3) has(w string) bool {
	i, ok := prefix3Index(w)
	return ok && t[i]
}

func prefix3Index(w string) (int, bool) {
	if len(w) < 3 {
		return 0, false
	}
	a, b, c := w[0]-'a', w[1]-'a', w[2]-'a'
	if a >= 26 || b >= 26 || c >= 26 {
		return 0, false
	}
	return (int(a)*26+int(b))*26 + int(c), true
}

// blamePrefix holds the first three letters of the blame and spreading
// stems and of "blamer"/"blame": most words fail it at once.
var blamePrefix = func() *prefix3 {
	t := new(prefix3)
	for _, sts := range blameStems {
		for _, st := range sts {
			t.add(st)
		}
	}
	for _, st := range spreadStems {
		t.add(st)
	}
	t.add("blame")
	return t
}()

// falsehoods are the words that make spreading blameworthy.
var falsehoods = []string{"fauss", "errone", "mensong", "desinformation", "false", "disinformation", "misinformation", "lies"}

// auxiliaries may stand between a subject and its verb besides adverbs
// ("a délibérément diffusé", "was openly abusing").
var auxiliaries = map[string]bool{
	"a": true, "ont": true, "avait": true, "avaient": true, "aurait": true, "est": true, "sont": true, "etait": true, "etaient": true,
	"has": true, "have": true, "had": true, "is": true, "are": true, "was": true, "were": true, "been": true,
}

// blameAt reports whether word i blames its subject: a blame verb, a
// verb of spreading with a falsehood after it, or "à blâmer"/"to blame".
func blameAt(lang string, s *sentence, i int) bool {
	w := s.words[i].norm
	if len(w) < 3 || !blamePrefix.has(w) {
		return false
	}
	for _, st := range blameStems[lang] {
		if strings.HasPrefix(w, st) {
			return true
		}
	}
	if i > 0 && (w == "blamer" && s.words[i-1].norm == "a" || w == "blame" && s.words[i-1].norm == "to") {
		return true
	}
	for _, st := range spreadStems {
		if !strings.HasPrefix(w, st) {
			continue
		}
		for k := i + 1; k < min(len(s.words), i+6); k++ {
			for _, f := range falsehoods {
				if strings.HasPrefix(s.words[k].norm, f) {
					return true
				}
			}
		}
	}
	return false
}

// reportedBlame turns a speaker's statement that blames another party
// into an accusation by the speaker: "Lavrov a ajouté que l'UE abusait de
// ...", "X said Baku was obstructing ...", or a blaming clause inside a
// quotation, whose speaker is the quote's ("« l'Azerbaïdjan a diffusé des
// informations erronées », écrit X"). The clause's subject must stand
// right before its verb (auxiliaries and adverbs aside) and the clause
// must not be negated.
func (x *Extractor) reportedBlame(d *doc, s *sentence) *candidate {
	for i := 1; i < len(s.words); i++ {
		if !blameAt(d.lang, s, i) {
			continue
		}
		k := i - 1
		if s.words[i].norm == "blamer" || s.words[i].norm == "blame" {
			k = i - 2 // over "à"/"to"
		}
		negated := false
		for k >= 0 && (auxiliaries[s.words[k].norm] || adverb(s.words[k].norm) || s.words[k].hasLemma("etre") || s.words[k].hasLemma("avoir")) {
			k--
		}
		for j := max(0, k-1); j < i; j++ {
			switch s.words[j].norm {
			case "ne", "n", "pas", "not", "never", "jamais":
				negated = true
			}
		}
		if negated || k < 0 {
			continue
		}
		subject := s.groupBefore(0, k+1, s.hosts)
		if len(subject) == 0 || s.ments[subject[len(subject)-1]].end != k+1 {
			continue
		}
		speaker, sv := d.reportingSpeaker(s, s.ments[subject[0]].first)
		if len(speaker) == 0 {
			quoted := false
			for j := 0; j < s.ments[subject[0]].first; j++ {
				quoted = quoted || quoteMark(s.words[j].norm) && s.words[j].norm != "'" && s.words[j].norm != "’"
			}
			if !quoted {
				continue
			}
			skip := map[string]bool{}
			for _, mi := range subject {
				if a := s.ments[mi].actor; a != nil {
					skip[a.Name] = true
				}
			}
			if speaker = d.quoteSpeaker(s, skip); len(speaker) == 0 {
				continue
			}
			sv = i
		}
		ev := x.speakerEvent(d, s, "ACCUSE", speaker, subject)
		if participantCount(&ev) < 2 {
			continue
		}
		m := match{first: sv, last: sv, anchor: sv, tr: lexicon.Trigger{Type: "ACCUSE", Frame: "dir"}}
		return x.derived(d, s, ev, m, m, i, true)
	}
	return nil
}

// speakerEvent builds an event of type typ read from reported speech: the
// speaker's actors as sources, the others as targets, each once, states
// at the level the type wants.
func (x *Extractor) speakerEvent(d *doc, s *sentence, typ string, speaker, others []int) article.Event {
	ev := article.Event{Type: typ, Factuality: article.FactAsserted}
	for _, grp := range []struct {
		idx  []int
		role string
	}{{speaker, article.RoleSource}, {others, article.RoleTarget}} {
		for _, mi := range grp.idx {
			act := stateLevel(typ, s.ments[mi], d.resolveState(s, s.ments[mi]))
			act.Role = grp.role
			act.Sector = x.sector(s.ments[mi], act)
			dup := false
			for _, o := range ev.Actors {
				dup = dup || o.Name == act.Name
			}
			if !dup {
				ev.Actors = append(ev.Actors, act)
			}
		}
	}
	return ev
}

// reportingSpeaker finds who reports the clause whose subject starts at
// word a0: "X a souligné que <a0>...", "X said (that) <a0>...", "X a
// affirmé à Y que <a0>..." (the hearer skipped). It returns the speaker's
// mention group and the speech verb's index, or nil and -1.
func (d *doc) reportingSpeaker(s *sentence, a0 int) ([]int, int) {
	// "que"/"that" (or nothing in English) right before the addressee,
	// a speech verb right before that.
	// Back over the rest of the addressee's noun phrase ("les forces
	// arméniennes") to "que"/"that".
	j := a0 - 1
	for k := a0 - 1; k >= max(0, a0-4); k-- {
		if n := s.words[k].norm; n == "que" || n == "that" {
			j = k - 1
			break
		}
		if s.words[k].punct || isFiniteVerb(&s.words[k]) {
			break
		}
	}
	// "a déclaré samedi que", "said on Monday that": the speech verb
	// before a date or an adverb.
	for steps := 0; steps < 3 && j > 0 && !speechVerb(d.lang, &s.words[j]) && (s.inTime(j) || adverb(s.words[j].norm)); steps++ {
		j--
	}
	// "a affirmé à Poutine que ...", "told Putin that ...": skip the
	// hearer.
	if g := s.groupBefore(0, j+1, s.hosts); len(g) > 0 && s.ments[g[len(g)-1]].end == j+1 {
		k := s.ments[g[0]].first - 1
		for k >= 0 && determiners[s.words[k].norm] {
			k--
		}
		if k >= 0 && (s.words[k].norm == "a" || s.words[k].norm == "to") {
			k--
		}
		if k >= 0 && speechVerb(d.lang, &s.words[k]) {
			j = k
		} else if d.lang == "en" && k+1 >= 0 && s.words[k+1].norm != "to" && j+1 < len(s.words) {
			// "told Putin that": the hearer is the verb's object.
			if k >= 0 && (s.words[k].norm == "told" || s.words[k].norm == "tells") {
				j = k
			}
		}
	}
	if j < 0 || !speechVerb(d.lang, &s.words[j]) {
		return nil, -1
	}
	speaker := s.groupBefore(0, j, s.hosts)
	if len(speaker) == 0 {
		return nil, -1
	}
	return speaker, j
}

// inTime reports whether word j lies in one of the sentence's time
// expressions.
func (s *sentence) inTime(j int) bool {
	w := s.words[j]
	for _, t := range s.times {
		if w.start >= t.Start && w.end <= t.End {
			return true
		}
	}
	return false
}

// adverb reports whether the folded word is an adverb (or a date word)
// that may stand between a speech verb and its clause ("a également
// souligné que", "said on Monday that") or a subject and its verb.
func adverb(n string) bool {
	switch n {
	case "aussi", "encore", "toujours", "egalement", "notamment", "also", "again", "still", "further", "on", "dernier", "derniere", "last":
		return true
	}
	return strings.HasSuffix(n, "ment") && len(n) > 6 || strings.HasSuffix(n, "ly") && len(n) > 4
}

// speechVerb reports whether w is a finite or participle form of a verb
// of saying ("a souligné", "said").
func speechVerb(lang string, w *word) bool {
	if lang == "en" {
		switch w.norm {
		case "said", "says", "added", "wrote", "writes", "explained", "noted":
			return true
		}
	}
	for _, a := range w.an {
		if speechVerbs[a.Lemma] && a.Tenses != "" {
			return true
		}
	}
	for _, st := range speechStems {
		if strings.HasPrefix(w.norm, st) {
			return true
		}
	}
	return false
}

// stateEndsAt reports whether a state-name mention ends right before word i.
func (s *sentence) stateEndsAt(i int) bool {
	for _, m := range s.ments {
		if m.end == i && m.m.Type == article.TypeState && m.m.Kind == article.KindName {
			return true
		}
	}
	return false
}

// firstPersonSingular reports whether "I"/"je" stands in words [from, to).
func firstPersonSingular(s *sentence, from, to int) bool {
	for j := from; j < to; j++ {
		if n := s.words[j].norm; n == "i" || n == "je" || n == "moi" {
			return true
		}
	}
	return false
}

// quoteSpeaker returns the speaker of a quotation in sentence s or the one
// before it: the subject of a speech verb ("Cavusoglu said", "a déclaré
// X"), a pronoun subject resolved to the person named before.
func (d *doc) quoteSpeaker(s *sentence, skip map[string]bool) []int {
	for k := s.idx; k >= max(0, s.idx-1); k-- {
		q := d.sentences[k]
		for j := range q.words {
			if !speechVerb(d.lang, &q.words[j]) {
				continue
			}
			// "he said", "il a dit": a pronoun just before.
			for b := j - 1; b >= max(0, j-3); b-- {
				switch q.words[b].norm {
				case "he", "she", "il", "elle":
					if g := d.antecedentSkipping(q, b, skip); g != nil {
						m := q.ments[g[0]]
						s.ments = append(s.ments, ment{m: m.m, first: 0, end: 0, actor: m.actor})
						return []int{len(s.ments) - 1}
					}
				}
			}
			// "Cavusoglu said", "said Cavusoglu", "X a écrit".
			for mi, m := range q.ments {
				if m.actor == nil || m.m.Type != article.TypePerson || skip[m.actor.Name] {
					continue
				}
				aux := j > 0 && m.end == j-1 && (q.words[j-1].hasLemma("avoir") || q.words[j-1].hasLemma("have"))
				if m.end == j || m.first == j+1 || aux {
					mm := q.ments[mi]
					s.ments = append(s.ments, ment{m: mm.m, first: 0, end: 0, actor: mm.actor})
					return []int{len(s.ments) - 1}
				}
			}
		}
	}
	return nil
}

// seriesDates returns copies of a meeting for each further date coordinated
// with its own after the trigger ("held talks in Moscow in January and in
// Vienna in February"): one meeting per date, when the dates are at least
// two days apart (not one meeting "les 2 et 3 mai").
func seriesDates(d *doc, s *sentence, m match, c *candidate) []*candidate {
	if c.undated || !c.ev.Date.Known() {
		return nil
	}
	trig := s.words[m.anchor].start
	var prev *article.TimeExpr
	for i := range s.times {
		t := &s.times[i]
		if t.Start < trig || t.Kind != article.TimeDate || !t.Resolved || !t.Value.Known() || t.Until.Known() {
			continue
		}
		if prev == nil {
			if t.Value == c.ev.Date {
				prev = t
			}
			continue
		}
		gap := translit.Fold(d.a.Text[prev.End:t.Start])
		if len(strings.Fields(gap)) > 5 || !(strings.Contains(" "+gap+" ", " and ") || strings.Contains(" "+gap+" ", " et ")) {
			break
		}
		if t.Value.Prec() != c.ev.Date.Prec() || t.Value == c.ev.Date ||
			t.Value.Prec() == article.PrecDay && absDays(t.Value, c.ev.Date) < 2 {
			break
		}
		n := *c
		n.ev.Date = t.Value
		n.ev.Place = nil
		n.ev.ID = eventID(c.ev.ArticleID, c.ev.Type+"@"+t.Value.String(), c.ev.Trigger.Start)
		return append([]*candidate{&n}, seriesDates(d, s, m, &n)...)
	}
	return nil
}

func absDays(a, b article.Date) int {
	h := a.Time().Sub(b.Time()).Hours() / 24
	if h < 0 {
		h = -h
	}
	return int(h)
}

// joinCutSentences rejoins a sentence that a hard line break cut in two (a
// scraper artefact): one without final punctuation, followed by one that
// starts with a lower-case letter ("..., a-t-elle dit,\n\ndénonçant une
// agression ...").
// The result is appended to out.
func joinCutSentences(text string, spans, out []article.Span) []article.Span {
	for _, sp := range spans {
		if n := len(out); n > 0 && sp.Start >= out[n-1].End && sp.End <= len(text) && sp.Start < sp.End {
			prev := out[n-1]
			r, _ := utf8.DecodeRuneInString(text[sp.Start:sp.End])
			if prev.Start >= 0 && prev.End <= len(text) && !sentenceEnded(text[prev.Start:prev.End]) && unicode.IsLower(r) {
				out[n-1].End = sp.End
				continue
			}
		}
		out = append(out, sp)
	}
	return out
}

// topicBefore reports whether a nominal trigger is the topic of a
// preposition ("au sujet de la provocation", "concernant l'attaque",
// "about the attack", "regarding the shelling").
func topicBefore(s *sentence, first int) bool {
	for j := first - 1; j >= max(0, first-6); j-- {
		w := &s.words[j]
		switch w.norm {
		case "sujet", "concernant", "propos", "about", "regarding", "concerning":
			return true
		}
		if (w.punct && w.norm != "'") || isFiniteVerb(w) {
			return false
		}
	}
	return false
}

// accusedOf reports whether an accusing verb governs the words before
// first through "de"/"of" ("accused X of shelling", "accuse Y d'avoir
// attaqué", "blamed Z for launching").
func accusedOf(s *sentence, first int) bool {
	for j := first - 1; j >= max(0, first-10); j-- {
		w := &s.words[j]
		if w.punct && w.norm != "'" {
			return false
		}
		for _, l := range []string{"accuser", "accuse", "blame", "blamer", "reprocher"} {
			if w.hasLemma(l) && isVerbal(w) {
				return true
			}
		}
	}
	return false
}

// delegationLeader finds "délégation ... conduite/dirigée par X" /
// "delegation led/headed by X" in words [from, to) and returns X's group.
func (s *sentence) delegationLeader(from, to int, skip map[int]bool) []int {
	for j := from; j < min(to, from+8, len(s.words)); j++ {
		n := s.words[j].norm
		if n != "delegation" && n != "delegations" {
			continue
		}
		for k := j + 1; k < min(len(s.words), j+8); k++ {
			w := &s.words[k]
			if w.norm != "par" && w.norm != "by" {
				continue
			}
			led := false
			for b := j + 1; b < k; b++ {
				x := &s.words[b]
				for _, l := range []string{"conduire", "diriger", "mener", "presider", "lead", "head", "chair"} {
					led = led || x.hasLemma(l)
				}
				led = led || x.norm == "led" || x.norm == "headed" || x.norm == "chaired" || strings.HasPrefix(x.norm, "dirige") || strings.HasPrefix(x.norm, "condui")
			}
			if !led {
				return nil
			}
			g := s.groupAfter(k+1, len(s.words), skip)
			if len(g) > 0 && s.ments[g[0]].first <= k+8 {
				return g
			}
			return nil
		}
		return nil
	}
	return nil
}
