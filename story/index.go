package story

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/translit"
)

// Options tune duplicate detection and merging. Zero fields take the
// values of DefaultOptions.
type Options struct {
	// ShingleWords is the number of words per shingle (default 4).
	ShingleWords int
	// SketchSize is the number of MinHash bins (default 60).
	SketchSize int
	// BandRows is the number of sketch values per LSH band (default 3; 20 bands with the default size).
	BandRows int
	// DupThreshold is the minimum estimated Jaccard similarity for a
	// near-duplicate (default 0.5). A negative value disables duplicate detection.
	DupThreshold float64
	// DateSlackDays is how far apart two dates may be and still be one event (default 1).
	DateSlackDays int
	// UndatedWindowDays is how many days before its article's publication an
	// undated report may have happened (default 10).
	UndatedWindowDays int
	// ContextThreshold is the shared-context score (sum of the inverse
	// document frequencies of the linked entities a report's article shares
	// with a story's articles, participants excluded) that lets a report
	// without any time anchor join a story whose place it does not share
	// (default 8; negative disables the rule). When several stories pass on
	// context alone, the report is ambiguous and starts its own story.
	ContextThreshold float64
	// MaxRejected caps the rejected candidates kept per decision (default 2; negative keeps none).
	MaxRejected int
	// ExpectedArticles sizes the tables up front (optional).
	ExpectedArticles int
	// Now is the clock for first-seen times of articles without IngestedAt (default time.Now).
	Now func() time.Time
}

// DefaultOptions returns the documented defaults.
func DefaultOptions() Options {
	return Options{
		ShingleWords:      4,
		SketchSize:        60,
		BandRows:          3,
		DupThreshold:      0.5,
		DateSlackDays:     1,
		UndatedWindowDays: 10,
		ContextThreshold:  8,
		MaxRejected:       2,
		Now:               time.Now,
	}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.ShingleWords <= 0 {
		o.ShingleWords = d.ShingleWords
	}
	if o.SketchSize <= 0 {
		o.SketchSize = d.SketchSize
	}
	if o.BandRows <= 0 || o.BandRows > o.SketchSize {
		o.BandRows = d.BandRows
		if o.BandRows > o.SketchSize {
			o.BandRows = o.SketchSize
		}
	}
	if o.DupThreshold == 0 {
		o.DupThreshold = d.DupThreshold
	}
	if o.DateSlackDays < 0 {
		o.DateSlackDays = 0
	} else if o.DateSlackDays == 0 {
		o.DateSlackDays = d.DateSlackDays
	}
	if o.UndatedWindowDays <= 0 {
		o.UndatedWindowDays = d.UndatedWindowDays
	}
	if o.ContextThreshold == 0 {
		o.ContextThreshold = d.ContextThreshold
	}
	if o.MaxRejected == 0 {
		o.MaxRejected = d.MaxRejected
	} else if o.MaxRejected < 0 {
		o.MaxRejected = 0
	}
	if o.Now == nil {
		o.Now = d.Now
	}
	return o
}

// Index detects near-duplicate articles and merges their events into
// stories, incrementally. It is safe for concurrent use; additions are
// serialised.
type Index struct {
	mu   sync.Mutex
	opts Options

	bands   *bandTable
	banded  []uint32 // articles in the order their bands went into the table (to rebuild it larger)
	sigs    []uint16 // SketchSize low halves per article, by article index
	arts    []artInfo
	byID    *idTable
	bandBuf []uint32

	groups    map[string]*keyGroup
	cgroups   map[string]*keyGroup // by country key
	stories   []*storyState
	byStoryID map[string]*storyState

	// df counts the articles mentioning each context entity; ndocs the articles.
	df    map[string]int32
	ndocs int

	// assigns links each article's assignments (artInfo.assigned is the
	// index of its latest one + 1).
	assigns []assignment
	// outlets and names intern the strings of the stored reports.
	outlets, names interner
	// sources interns the lower-case outlets that count a story's sources.
	sources interner
	// places interns the reports' places.
	places map[article.Place]*article.Place
	// ctxNames interns the context entities of the stories and reports.
	ctxNames interner
	// keys interns the stories' and reports' keys and country keys, so
	// that equal keys share their bytes and compare at once.
	keys interner
	// nameKeys remembers the actor keys of names (see nameKey).
	nameKeys map[string]string
}

type artInfo struct {
	id        string
	canon     uint32
	assigned  uint32 // latest of the article's assignments in Index.assigns, + 1; 0 for none
	hasSketch bool
}

// assignment is one event of an article attached to a story: the story
// (by creation order) and the report's position in it.
type assignment struct {
	story, report uint32
	prev          uint32 // the article's previous assignment + 1, 0 for none
}

// storyState is a story with its merge bookkeeping.
type storyState struct {
	s     *Story
	order int
	// anchor is the story's time range in days: its best date's range, else
	// the intersection of its undated reports' publication windows.
	anchor    dayRange
	hasAnchor bool
	hasDate   bool
	// reports' canonical articles and outlets, for the counts.
	canon   u32set
	outlets u32set // interned lower-case outlets (Index.sources)
	// ctx is the set of Story.Context (interned in Index.ctxNames).
	ctx u32set
	// hosts are the keys of the hosts the reports name (capped).
	hosts []string
	// reps are the story's reports (s.Reports stays nil); materialize expands them.
	reps []compactReport
}

// keyGroup holds the stories of one type and actor set.
type keyGroup struct {
	all     []*storyState
	byMonth map[int32][]*storyState
}

// NewIndex returns an empty index.
func NewIndex(opts Options) *Index {
	opts = opts.withDefaults()
	hint := opts.ExpectedArticles * (opts.SketchSize / opts.BandRows)
	ix := &Index{
		opts:      opts,
		sigs:      make([]uint16, 0, opts.ExpectedArticles*opts.SketchSize),
		arts:      make([]artInfo, 0, opts.ExpectedArticles),
		groups:    make(map[string]*keyGroup),
		cgroups:   make(map[string]*keyGroup),
		byStoryID: make(map[string]*storyState),
	}
	ix.bands = newBandTable(hint, ix.bandKeyOf)
	ix.byID = newIDTable(opts.ExpectedArticles, func(idx uint32) string { return ix.arts[idx].id })
	return ix
}

// bandKeyOf recomputes band number band's key of article idx from its stored signature.
func (ix *Index) bandKeyOf(idx uint32, band int) uint32 {
	r := ix.opts.BandRows
	off := int(idx)*ix.opts.SketchSize + band*r
	return bandKey(band, ix.sigs[off:off+r])
}

// sig returns the stored signature of article idx.
func (ix *Index) sig(idx uint32) []uint16 {
	k := ix.opts.SketchSize
	return ix.sigs[int(idx)*k : int(idx+1)*k]
}

// Options returns the options in effect (defaults filled in).
func (ix *Index) Options() Options { return ix.opts }

// Sketch computes the MinHash sketch of text with the index's settings. It
// does not touch the index, so callers may sketch in parallel and add the
// articles in order with AddSketched.
func (ix *Index) Sketch(text string) Sketch {
	return NewSketch(text, ix.opts.ShingleWords, ix.opts.SketchSize)
}

// AddArticle registers an article: it finds the article's canonical copy
// (dupOf is "" when the article is itself canonical) and attaches each of
// its factual events to a story, returning event id → story id and setting
// Event.Story on a's events. Adding an article id again returns the earlier
// answer (and registers its text for duplicate detection when the article
// was only known from restored stories).
func (ix *Index) AddArticle(a *article.Article) (dupOf string, storyIDs map[string]string) {
	return ix.AddSketched(a, ix.Sketch(a.Text))
}

// AddSketched is AddArticle with a sketch computed beforehand by Sketch.
func (ix *Index) AddSketched(a *article.Article, sk Sketch) (dupOf string, storyIDs map[string]string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if len(sk.Values) != ix.opts.SketchSize {
		sk = Sketch{}
	}
	if idx, ok := ix.byID.get(a.ID); ok {
		info := &ix.arts[idx]
		if !info.hasSketch && sk.Valid() {
			ix.storeSketch(idx, sk)
			ix.insertBands(idx)
		}
		a.DupOf = ix.dupOf(idx)
		storyIDs = make(map[string]string, 2)
		for as := info.assigned; as != 0; as = ix.assigns[as-1].prev {
			x := ix.assigns[as-1]
			st := ix.stories[x.story]
			if ev := ix.eventIDOf(&st.reps[x.report]); storyIDs[ev] == "" { // the latest assignment wins
				storyIDs[ev] = st.s.ID
			}
		}
		ix.setEventStories(a, storyIDs)
		return ix.dupOf(idx), storyIDs
	}
	idx, sim := ix.addDedup(a.ID, sk)
	dupOf = ix.dupOf(idx)
	a.DupOf = dupOf
	storyIDs = ix.mergeEvents(a, idx, dupOf, sim)
	ix.setEventStories(a, storyIDs)
	return dupOf, storyIDs
}

// Preload registers an article seen by an earlier run, with its stored
// sketch and canonical copy, so that new articles are checked against it
// without re-reading its text. Call it after Restore (or LoadStories), in
// the order the articles were first added. An article already known with a
// sketch is left as it is.
func (ix *Index) Preload(id, dupOf string, sk Sketch) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	idx, ok := ix.byID.get(id)
	if !ok {
		idx = ix.newArticle(id)
	}
	if dupOf != "" && dupOf != id && ix.arts[idx].canon == idx {
		c, ok := ix.byID.get(dupOf)
		if !ok {
			c = ix.newArticle(dupOf)
		}
		ix.arts[idx].canon = ix.arts[c].canon
	}
	if ix.arts[idx].hasSketch || len(sk.Values) != ix.opts.SketchSize {
		return
	}
	ix.storeSketch(idx, sk)
	ix.insertBands(idx)
}

func (ix *Index) setEventStories(a *article.Article, storyIDs map[string]string) {
	for i := range a.Events {
		if id, ok := storyIDs[eventID(a, i)]; ok {
			a.Events[i].Story = id
		}
	}
}

func (ix *Index) dupOf(idx uint32) string {
	if c := ix.arts[idx].canon; c != idx {
		return ix.arts[c].id
	}
	return ""
}

// DupOf returns the canonical copy of a known article ("" when it is
// canonical) and whether the article is known.
func (ix *Index) DupOf(articleID string) (string, bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	idx, ok := ix.byID.get(articleID)
	if !ok {
		return "", false
	}
	return ix.dupOf(idx), true
}

// newArticle appends an article record and returns its index.
func (ix *Index) newArticle(id string) uint32 {
	idx := uint32(len(ix.arts))
	ix.arts = append(ix.arts, artInfo{id: id, canon: idx})
	ix.sigs = append(ix.sigs, make([]uint16, ix.opts.SketchSize)...)
	ix.byID.put(id, idx)
	return idx
}

func (ix *Index) storeSketch(idx uint32, sk Sketch) {
	sig := ix.sigs[int(idx)*ix.opts.SketchSize:]
	for i, v := range sk.Values {
		sig[i] = uint16(v)
	}
	ix.arts[idx].hasSketch = true
}

// insertBands files the bands of article idx's stored signature.
func (ix *Index) insertBands(idx uint32) {
	ix.bandBuf = bandKeys(ix.sig(idx), ix.opts.BandRows, ix.bandBuf)
	if !ix.bands.room(len(ix.bandBuf)) {
		ix.growBands()
	}
	for b, k := range ix.bandBuf {
		ix.bands.putIfAbsent(b, k, idx)
	}
	ix.banded = append(ix.banded, idx)
}

// growBands replaces the band table by one twice as large, filled again
// in the original order so that every key keeps its first article.
func (ix *Index) growBands() {
	t := newBandTable(len(ix.bands.fps)*3/2, ix.bandKeyOf)
	var buf []uint32
	for _, idx := range ix.banded {
		buf = bandKeys(ix.sig(idx), ix.opts.BandRows, buf)
		for b, k := range buf {
			t.putIfAbsent(b, k, idx)
		}
	}
	ix.bands = t
}

// addDedup registers an article, finds its best near-duplicate among the
// LSH candidates and links it to that article's canonical copy. It returns
// the new index and the similarity to the duplicate (0 if none).
func (ix *Index) addDedup(id string, sk Sketch) (uint32, float64) {
	idx := ix.newArticle(id)
	if !sk.Valid() {
		return idx, 0
	}
	ix.storeSketch(idx, sk)
	best, bestSim := uint32(0), -1.0
	if ix.opts.DupThreshold >= 0 {
		ix.bandBuf = bandKeys(ix.sig(idx), ix.opts.BandRows, ix.bandBuf)
		var seen [8]uint32
		nseen := 0
	bands:
		for b, k := range ix.bandBuf {
			c, ok := ix.bands.get(b, k)
			if !ok || !ix.arts[c].hasSketch {
				continue
			}
			for _, s := range seen[:nseen] {
				if s == c {
					continue bands
				}
			}
			if nseen < len(seen) {
				seen[nseen] = c
				nseen++
			}
			if sim := ix.similarity(idx, c); sim > bestSim {
				best, bestSim = c, sim
			}
		}
	}
	if bestSim >= ix.opts.DupThreshold && bestSim > 0 {
		ix.arts[idx].canon = ix.arts[best].canon
	} else {
		bestSim = 0
	}
	ix.insertBands(idx)
	return idx, bestSim
}

func (ix *Index) similarity(a, b uint32) float64 {
	k := ix.opts.SketchSize
	sa, sb := ix.sig(a), ix.sig(b)
	eq := 0
	for i, v := range sa {
		if v == sb[i] {
			eq++
		}
	}
	return float64(eq) / float64(k)
}

// eventID returns the event's id, or a stable one derived from the article.
func eventID(a *article.Article, i int) string {
	if id := a.Events[i].ID; id != "" {
		return id
	}
	return fmt.Sprintf("%s#e%d", a.ID, i)
}

// factual reports whether an event counts as having happened.
func factual(e *article.Event) bool {
	return e.Factuality == "" || e.Factuality == article.FactAsserted
}

// actorKey keys one actor: its entity id, else its folded canonical name.
func actorKey(a article.Actor) string {
	if a.Entity != "" {
		return "id:" + a.Entity
	}
	if n := translit.Fold(strings.TrimSpace(a.Name)); n != "" {
		return "n:" + n
	}
	return ""
}

// EventKey returns the merge key of an event (type and sorted actor keys)
// and its participants sorted the same way; ok is false for an event with
// no usable participant.
func EventKey(e *article.Event) (key string, actors []article.Actor, ok bool) {
	type ka struct {
		k string
		a article.Actor
	}
	var ks []ka
	for _, a := range e.Actors {
		if a.Role == article.RoleHost {
			continue
		}
		k := actorKey(a)
		if k == "" {
			continue
		}
		dup := false
		for _, x := range ks {
			if x.k == k {
				dup = true
				break
			}
		}
		if !dup {
			ks = append(ks, ka{k, a})
		}
	}
	if len(ks) == 0 || e.Type == "" {
		return "", nil, false
	}
	slices.SortFunc(ks, func(x, y ka) int { return strings.Compare(x.k, y.k) }) // keys are distinct
	var b strings.Builder
	b.WriteString(strings.ToUpper(e.Type))
	b.WriteByte('|')
	for i, x := range ks {
		if i > 0 {
			b.WriteByte('+')
		}
		b.WriteString(x.k)
		a := x.a
		a.Mention = nil
		actors = append(actors, a)
	}
	return b.String(), actors, true
}

// storyID derives a story id from the first report's event id.
func storyID(eventID string) string {
	sum := sha256.Sum256([]byte(eventID))
	return "st" + hex.EncodeToString(sum[:8])
}

// mergeEvents attaches the article's factual events to stories.
func (ix *Index) mergeEvents(a *article.Article, idx uint32, dupOf string, sim float64) map[string]string {
	out := make(map[string]string, len(a.Events))
	seen := a.IngestedAt
	if seen.IsZero() {
		seen = ix.opts.Now()
	}
	facts := factsOf(a)
	defer func() {
		ix.ndocs++
		ix.countContext(facts.context)
	}()
	// Reports that find no story on the first pass are tried again once the
	// article's other reports are placed: a story they joined may tie this
	// article to a candidate's (Decision.Sibling).
	var deferred []int
	for pass := 0; pass < 2; pass++ {
		todo := deferred
		if pass == 0 {
			todo = nil
			for i := range a.Events {
				todo = append(todo, i)
			}
		}
		for _, i := range todo {
			if ix.mergeEvent(a, i, idx, dupOf, sim, seen, &facts, pass == 1, out) {
				continue
			}
			deferred = append(deferred, i)
		}
	}
	return out
}

// mergeEvent attaches event i of the article to a story and reports
// whether it was handled; without mayStart, a report that would start a
// story is left for later (false).
func (ix *Index) mergeEvent(a *article.Article, i int, idx uint32, dupOf string, sim float64, seen time.Time, facts *articleFacts, mayStart bool, out map[string]string) bool {
	{
		e := &a.Events[i]
		if !factual(e) {
			return true
		}
		key, actors, ok := EventKey(e)
		if !ok {
			return true
		}
		evID := eventID(a, i)
		r := Report{
			ArticleID: a.ID, DupOf: dupOf, Outlet: a.Outlet, Published: a.Published,
			EventID: evID, Mode: e.Mode, Date: e.Date, Place: ix.internPlace(e.Place), Evidence: e.Evidence,
		}
		for _, act := range e.Actors {
			if act.Role == article.RoleHost {
				r.Hosts = append(r.Hosts, act.Name)
			}
		}
		if dupOf != "" {
			r.Why.DupOf, r.Why.DupSimilarity = dupOf, sim
		}
		ri := newReportInfo(key, e.Type, actors, r.Place, facts)
		ri.key, ri.ckey = ix.internKey(ri.key), ix.internKey(ri.ckey)
		for _, act := range e.Actors {
			if act.Role == article.RoleHost {
				if k := actorKey(act); k != "" && !contains(ri.hosts, k) {
					ri.hosts = append(ri.hosts, k)
				}
			}
		}
		st := ix.attach(&ri, r, idx, seen, mayStart)
		if st == nil {
			return false
		}
		out[evID] = st.s.ID
	}
	return true
}

// internKey returns the index's copy of a key ("" as it is).
func (ix *Index) internKey(k string) string {
	if k == "" {
		return ""
	}
	i, _ := ix.keys.id(k, 1<<32-1)
	return ix.keys.strs[i]
}

// internPlace returns the index's copy of a report's place (nil for none):
// the reports naming one place share it.
func (ix *Index) internPlace(p *article.Place) *article.Place {
	if p == nil || (p.Name == "" && p.Entity == "") {
		return nil
	}
	if c := ix.places[*p]; c != nil {
		return c
	}
	if ix.places == nil {
		ix.places = make(map[article.Place]*article.Place)
	}
	c := *p
	ix.places[c] = &c
	return &c
}

// attach finds the best compatible story for a report or starts one
// (unless mayStart is false: it then returns nil).
func (ix *Index) attach(ri *reportInfo, r Report, artIdx uint32, seen time.Time, mayStart bool) *storyState {
	g := ix.group(ix.groups, ri.key)
	rr, anchored := ix.reportRange(&r)
	cands := g.candidates(rr, anchored)
	var cg *keyGroup
	if ri.ckey != "" {
		cg = ix.group(ix.cgroups, ri.ckey)
		more := cg.candidates(rr, anchored)
		if len(more) > 0 {
			cands = mergeCandidates(cands, more)
		}
	}
	var best *storyState
	var bestDec Decision
	bestScore := -1.0
	var rejected []Rejection
	reject := func(st *storyState, why string) {
		if len(rejected) < ix.opts.MaxRejected {
			rejected = append(rejected, Rejection{Story: st.s.ID, Reason: why})
		}
	}
	byContext := 0 // candidates accepted on shared context alone
	for _, st := range cands {
		dec, why := ix.compatible(st, &r, ri, rr, anchored, artIdx)
		if why != "" {
			reject(st, why)
			continue
		}
		if dec.Date == DateUnanchored && !(dec.Place == PlaceEqual && dec.Actors == ActorsSame) {
			byContext++
		}
		if dec.Score > bestScore || (dec.Score == bestScore && better(st, best)) {
			if best != nil {
				reject(best, RejectScore)
			}
			best, bestDec, bestScore = st, dec, dec.Score
		} else {
			reject(st, RejectScore)
		}
	}
	if best != nil && byContext > 1 && bestDec.Date == DateUnanchored && !(bestDec.Place == PlaceEqual && bestDec.Actors == ActorsSame) {
		// Without a date or a shared place, shared context must point to one story.
		reject(best, RejectAmbiguous)
		best = nil
	}
	if best == nil {
		if !mayStart {
			return nil
		}
		r.Why.Action, r.Why.Candidates, r.Why.Rejected = ActionSeed, len(cands), rejected
		s := &Story{ID: storyID(r.EventID), Type: ri.typ, Actors: ri.actors, Key: ri.key, FirstSeen: seen,
			CountryKey: ri.ckey, States: ri.states}
		for ix.byStoryID[s.ID] != nil { // same event id seen twice: keep ids unique
			s.ID = storyID(s.ID + "'")
		}
		st := &storyState{s: s, order: len(ix.stories)}
		ix.stories = append(ix.stories, st)
		ix.byStoryID[s.ID] = st
		g.all = append(g.all, st)
		ix.addReport(st, r, artIdx, ri)
		g.register(st)
		if cg != nil {
			cg.all = append(cg.all, st)
			cg.register(st)
		}
		return st
	}
	bestDec.Candidates, bestDec.Rejected = len(cands), rejected
	bestDec.DupOf, bestDec.DupSimilarity = r.Why.DupOf, r.Why.DupSimilarity
	r.Why = bestDec
	if refineActors(best.s, ri) {
		best.s.Key = ix.internKey(best.s.Key)
		ng := ix.group(ix.groups, best.s.Key)
		ng.all = append(ng.all, best)
	}
	ix.addReport(best, r, artIdx, ri)
	ix.group(ix.groups, best.s.Key).register(best)
	if best.s.CountryKey != "" {
		ix.group(ix.cgroups, best.s.CountryKey).register(best)
	}
	return best
}

// group returns the group of key in m, creating it.
func (ix *Index) group(m map[string]*keyGroup, key string) *keyGroup {
	g := m[key]
	if g == nil {
		g = &keyGroup{byMonth: make(map[int32][]*storyState)}
		m[key] = g
	}
	return g
}

// mergeCandidates adds the stories of b missing from a, in creation order.
// Both lists are sorted (copies: a group's own list may be passed) and
// merged; a story listed twice in a stays twice, as b's copies are dropped.
func mergeCandidates(a, b []*storyState) []*storyState {
	buf := make([]*storyState, len(a)+len(b))
	sa, sb := buf[:len(a)], buf[len(a):]
	copy(sa, a)
	copy(sb, b)
	slices.SortFunc(sa, byOrder)
	slices.SortFunc(sb, byOrder)
	out := make([]*storyState, 0, len(a)+len(b))
	i := 0
	for j, x := range sb {
		if j > 0 && sb[j-1] == x {
			continue
		}
		for i < len(sa) && sa[i].order < x.order {
			out = append(out, sa[i])
			i++
		}
		if i < len(sa) && sa[i] == x {
			continue
		}
		out = append(out, x)
	}
	return append(out, sa[i:]...)
}

// byOrder compares stories by creation order (unique to each story).
func byOrder(a, b *storyState) int { return cmp.Compare(a.order, b.order) }

// better breaks score ties: the most reported story, then the oldest.
func better(a, b *storyState) bool {
	if b == nil {
		return true
	}
	if a.s.NumArticles != b.s.NumArticles {
		return a.s.NumArticles > b.s.NumArticles
	}
	return a.order < b.order
}

// reportRange is the report's time range widened by the date slack: its
// date's days, else its publication window; anchored is false without either.
func (ix *Index) reportRange(r *Report) (dayRange, bool) {
	s := int32(ix.opts.DateSlackDays)
	if d, ok := dateRange(r.Date); ok {
		return dayRange{d.lo - s, d.hi + s}, true
	}
	if p, ok := dateRange(r.Published); ok {
		return dayRange{p.lo - int32(ix.opts.UndatedWindowDays) - s, p.hi + s}, true
	}
	return dayRange{}, false
}

// compatible decides whether report r may join story st; why is the
// rejection reason when it may not.
func (ix *Index) compatible(st *storyState, r *Report, ri *reportInfo, rr dayRange, anchored bool, artIdx uint32) (dec Decision, why string) {
	dec.Action = ActionJoin
	dec.Actors = ActorsSame
	if st.s.Key != ri.key {
		if !ix.actorsAgree(st.s, ri) {
			return dec, RejectActors
		}
		dec.Actors = ActorsByCountry
	}
	placeRule, placeOK := placeRelation(st.s, st.s.PlaceCountry, st.s.PlaceIsCountry, r.Place, ri.placeCountry, ri.placeState, ri.actors)
	if !placeOK {
		return dec, RejectPlace
	}
	dec.Place = placeRule
	dec.Context = ix.contextScore(st, ri)
	dec.Hosts = ix.hostScore(st, ri.hosts)
	if ix.siblingOf(st, ri, artIdx) {
		dec.Sibling = true
		dec.Context += ix.siblingBonus()
	}
	dec.Context += dec.Hosts
	switch {
	case !anchored || !st.hasAnchor:
		// Without a time anchor, a shared place decides only between
		// reports naming the same participants; anything looser (a state
		// for its minister, no place) needs shared context.
		placeDecides := placeRule == PlaceEqual && dec.Actors == ActorsSame
		if !placeDecides && (ix.opts.ContextThreshold < 0 || dec.Context < ix.opts.ContextThreshold) {
			return dec, RejectAnchor
		}
		dec.Date = DateUnanchored
	case !rr.overlaps(st.anchor):
		return dec, RejectDate
	case st.hasDate && r.Date.Known():
		dec.Date, dec.Score = dateRule(st.s.Date, r.Date)
	default:
		dec.Date, dec.Score = DatePubWindow, 1
	}
	switch placeRule {
	case PlaceEqual:
		dec.Score += 2
	case PlaceContains:
		dec.Score++
	}
	if dec.Actors == ActorsSame {
		dec.Score += 0.25
	}
	dec.Score += min(dec.Context, 10) / 10
	return dec, ""
}

// dateRule names how two compatible known dates agree, with a score.
func dateRule(a, b article.Date) (string, float64) {
	if a.Precision == article.PrecDay && b.Precision == article.PrecDay {
		if a == b {
			return DateSameDay, 3
		}
		return DateWithinSlack, 2
	}
	if a.Contains(b) || b.Contains(a) {
		return DateContains, 1.5
	}
	return DateWithinSlack, 1
}

// comparePlaces checks two optional places.
func comparePlaces(a, b *article.Place) (string, bool) {
	switch {
	case a == nil && b == nil:
		return PlaceNone, true
	case a == nil || b == nil:
		return PlaceOneMissing, true
	case a.Entity != "" && b.Entity != "":
		return PlaceEqual, a.Entity == b.Entity
	default:
		return PlaceEqual, translit.Fold(a.Name) == translit.Fold(b.Name)
	}
}

// assign records that the article's report at position rep of st.
func (ix *Index) assign(artIdx uint32, st *storyState, rep int) {
	ix.assigns = append(ix.assigns, assignment{story: uint32(st.order), report: uint32(rep), prev: ix.arts[artIdx].assigned})
	ix.arts[artIdx].assigned = uint32(len(ix.assigns))
}

// eventIDOf returns the event id of a stored report.
func (ix *Index) eventIDOf(c *compactReport) string {
	if c.full != nil {
		return c.full.EventID
	}
	return c.eventID
}

// addReport appends a report and updates the story's date, place, anchor
// and counts, and records the article's assignment to the story.
func (ix *Index) addReport(st *storyState, r Report, artIdx uint32, ri *reportInfo) {
	s := st.s
	st.reps = append(st.reps, ix.compact(&r, artIdx))
	ix.assign(artIdx, st, len(st.reps)-1)
	if r.Date.Known() && (!s.Date.Known() || r.Date.Precision.Rank() > s.Date.Precision.Rank()) {
		s.Date = r.Date
		if d, ok := dateRange(r.Date); ok {
			st.anchor, st.hasDate, st.hasAnchor = d, true, true
		}
	}
	if !st.hasDate && !r.Date.Known() {
		if p, ok := dateRange(r.Published); ok {
			w := dayRange{p.lo - int32(ix.opts.UndatedWindowDays), p.hi}
			if !st.hasAnchor {
				st.anchor, st.hasAnchor = w, true
			} else if x, ok := st.anchor.intersect(w); ok {
				st.anchor = x
			}
		}
	}
	if r.Place != nil && (s.Place == nil || (s.Place.Entity == "" && r.Place.Entity != "") ||
		(s.PlaceIsCountry && ri != nil && !ri.placeState && ri.placeCountry == s.PlaceCountry) ||
		(ri != nil && !weakPlace(ri.placeCountry, ri.placeState, ri.actors) && weakPlace(s.PlaceCountry, s.PlaceIsCountry, s.Actors))) {
		p := *r.Place
		s.Place = &p
		s.PlaceCountry, s.PlaceIsCountry = "", false
		if ri != nil {
			s.PlaceCountry, s.PlaceIsCountry = ri.placeCountry, ri.placeState
		}
	}
	if ri != nil {
		st.addContext(ri.context, ri.contextIDs(ix))
		st.addHosts(ri.hosts)
	}
	// Counts: one per canonical article; its source is the outlet of the
	// first report of the cluster.
	canon := ix.arts[artIdx].canon
	if st.canon.add(canon) {
		o := strings.ToLower(r.Outlet)
		if o == "" {
			o = "article:" + r.Canonical()
		}
		src, _ := ix.sources.id(o, 1<<32-1)
		st.outlets.add(src)
		s.NumArticles, s.NumSources = len(st.canon), len(st.outlets)
	}
}

// candidates returns the group's stories whose anchor may overlap rr
// (every story when the report has no anchor). Stories without an anchor
// are always candidates.
func (g *keyGroup) candidates(rr dayRange, anchored bool) []*storyState {
	if !anchored || len(g.all) <= 8 {
		return g.all
	}
	lo, hi := monthOf(rr.lo), monthOf(rr.hi)
	if hi-lo > maxBucketMonths*4 {
		return g.all
	}
	out := append([]*storyState(nil), g.byMonth[looseBucket]...)
	for m := lo; m <= hi; m++ {
		out = append(out, g.byMonth[m]...)
	}
	// Keep the order of creation so that ties resolve deterministically;
	// a story filed under several months is listed once.
	slices.SortFunc(out, byOrder)
	return slices.CompactFunc(out, func(a, b *storyState) bool { return a == b })
}

const (
	looseBucket     = int32(-1 << 30)
	maxBucketMonths = 3
)

// register files the story under the months its anchor covers (or the
// loose bucket when it has no anchor or a wide one).
func (g *keyGroup) register(st *storyState) {
	put := func(m int32) {
		for _, x := range g.byMonth[m] {
			if x == st {
				return
			}
		}
		g.byMonth[m] = append(g.byMonth[m], st)
	}
	if !st.hasAnchor {
		put(looseBucket)
		return
	}
	lo, hi := monthOf(st.anchor.lo), monthOf(st.anchor.hi)
	if hi-lo >= maxBucketMonths {
		put(looseBucket)
		return
	}
	for m := lo; m <= hi; m++ {
		put(m)
	}
}

// Stories returns copies of the index's stories in creation order, with
// their reports (the index keeps reports in a compact form and expands
// them for every call: prefer Story for a few stories of a large index).
func (ix *Index) Stories() []*Story {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	out := make([]*Story, len(ix.stories))
	for i, st := range ix.stories {
		out[i] = ix.materialize(st)
	}
	return out
}

// Story returns a copy of the story with the given id, with its reports,
// or nil. The copy does not change as the index goes on adding reports.
func (ix *Index) Story(id string) *Story {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if st := ix.byStoryID[id]; st != nil {
		return ix.materialize(st)
	}
	return nil
}

// storyOrder returns the creation order of the story with the given id, -1 if unknown.
func (ix *Index) storyOrder(id string) int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if st := ix.byStoryID[id]; st != nil {
		return st.order
	}
	return -1
}

// Len returns the number of articles and stories in the index.
func (ix *Index) Len() (articles, stories int) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.arts), len(ix.stories)
}

// Restore loads stories saved with Story.Record (in their original order;
// the index takes ownership of them and recomputes their date, place and
// counts from their reports)
// so that new articles continue them. Articles named by the reports become
// known (with their duplicate links) but have no sketch until AddArticle
// sees their text again.
func (ix *Index) Restore(stories []*Story) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, s := range stories {
		if s == nil || s.ID == "" || s.Key == "" {
			return fmt.Errorf("restoring stories: story without id or key")
		}
		if ix.byStoryID[s.ID] != nil {
			return fmt.Errorf("restoring story %s: duplicate id", s.ID)
		}
		reports := s.Reports
		s.Key, s.CountryKey = ix.internKey(s.Key), ix.internKey(s.CountryKey)
		place, pc, ps := s.Place, s.PlaceCountry, s.PlaceIsCountry
		s.Reports, s.Date, s.Place, s.NumArticles, s.NumSources = nil, article.Date{}, nil, 0, 0
		st := &storyState{s: s, order: len(ix.stories)}
		ix.stories = append(ix.stories, st)
		ix.byStoryID[s.ID] = st
		g := ix.groups[s.Key]
		if g == nil {
			g = &keyGroup{byMonth: make(map[int32][]*storyState)}
			ix.groups[s.Key] = g
		}
		g.all = append(g.all, st)
		for _, r := range reports {
			idx, ok := ix.byID.get(r.ArticleID)
			if !ok {
				idx = ix.newArticle(r.ArticleID)
				if r.DupOf != "" {
					c, ok := ix.byID.get(r.DupOf)
					if !ok {
						c = ix.newArticle(r.DupOf)
					}
					ix.arts[idx].canon = ix.arts[c].canon
				}
			}
			ix.addReport(st, r, idx, nil)
		}
		if s.Place != nil && place != nil && *s.Place == *place {
			s.PlaceCountry, s.PlaceIsCountry = pc, ps
		}
		ctx := s.Context
		s.Context = nil
		st.addContext(ctx, ix.contextIDs(ctx))
		hosts := s.HostKeys
		s.HostKeys = nil
		st.addHosts(hosts)
		ix.countContext(ctx)
		ix.ndocs += s.NumArticles
		g.register(st)
		if s.CountryKey != "" {
			cg := ix.group(ix.cgroups, s.CountryKey)
			cg.all = append(cg.all, st)
			cg.register(st)
		}
	}
	return nil
}

// LoadStories decodes stored story records (Story.Record) and restores them.
func (ix *Index) LoadStories(records []json.RawMessage) error {
	stories := make([]*Story, 0, len(records))
	for i, rec := range records {
		s, err := ParseStory(rec)
		if err != nil {
			return fmt.Errorf("loading story record %d: %w", i, err)
		}
		stories = append(stories, s)
	}
	return ix.Restore(stories)
}
