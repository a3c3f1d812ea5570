package story

import (
	"slices"
	"unsafe"

	"github.com/vigie-news/vigie/article"
)

// The index keeps its stories' reports in a compact form (about a third of
// a Report's size, with no allocation of its own): article ids become
// article indexes, outlets, modes and decision rules become indexes into
// intern tables, dates are packed into 32 bits and rejected stories are
// named by their creation order; the evidence slice is kept as its first
// element and length. Index.Story and Index.Stories expand them
// back into Reports. A report that does not fit the compact form exactly (a
// restored record naming an unknown article or story, an odd date, hosts,
// more rejections than fit) is kept whole, so the round trip is lossless.

// compactReport is a Report as the index stores it.
type compactReport struct {
	art             uint32 // Report.ArticleID: article index
	dup             uint32 // Report.DupOf: article index + 1, 0 for none
	outlet          uint32 // Report.Outlet: interned
	published, date packedDate
	evLen           uint16 // len(Report.Evidence)
	mode            uint8  // Report.Mode: interned
	eventID         string
	place           *article.Place
	evidence        *article.Evidence // Report.Evidence's first element
	// full is the whole report when it does not fit the compact form; the
	// other fields are then unused.
	full *Report
	why  compactDecision
}

// compactDecision is a Decision as the index stores it (DupOf is the
// report's own DupOf when whyDup is set; Hosts is 0).
type compactDecision struct {
	score, context, dupSim      float64
	candidates                  int32
	action, date, place, actors uint8 // interned rule names
	// rejStory and rejReason are the rejections: the story by creation
	// order, the reason interned.
	rejStory        [maxInlineRejected]uint32
	rejReason       [maxInlineRejected]uint8
	nrej            uint8
	sibling, whyDup bool
}

// maxInlineRejected is the number of rejections a compact decision holds.
const maxInlineRejected = 2

// packedDate is an article.Date in 32 bits: year+32768 (16 bits), month
// (4), day (5) and the precision's index in datePrecisions (3).
type packedDate uint32

// datePrecisions are the precisions a packed date can hold.
var datePrecisions = [...]article.Precision{"", article.PrecDay, article.PrecMonth, article.PrecYear, article.PrecDecade, article.PrecUnknown}

// packDate packs d; ok is false when d does not fit.
func packDate(d article.Date) (packedDate, bool) {
	if d.Year < -32768 || d.Year > 32767 || d.Month < 0 || d.Month > 15 || d.Day < 0 || d.Day > 31 {
		return 0, false
	}
	for i, p := range datePrecisions {
		if p == d.Precision {
			return packedDate(uint32(d.Year+32768)<<12 | uint32(d.Month)<<8 | uint32(d.Day)<<3 | uint32(i)), true
		}
	}
	return 0, false
}

func (p packedDate) date() article.Date {
	return article.Date{
		Year:      int(p>>12) - 32768,
		Month:     int(p >> 8 & 0xf),
		Day:       int(p >> 3 & 0x1f),
		Precision: datePrecisions[p&7],
	}
}

// interner maps strings to small indexes and back.
type interner struct {
	strs []string
	idx  map[string]uint32
}

// id returns the index of s, adding it; ok is false when the table already
// holds limit strings and s is not among them.
func (t *interner) id(s string, limit int) (uint32, bool) {
	if i, ok := t.idx[s]; ok {
		return i, true
	}
	if len(t.strs) >= limit {
		return 0, false
	}
	if t.idx == nil {
		t.idx = make(map[string]uint32)
	}
	i := uint32(len(t.strs))
	t.strs = append(t.strs, s)
	t.idx[s] = i
	return i, true
}

// small interns a short rule name or mode into a byte.
func (t *interner) small(s string) (uint8, bool) {
	i, ok := t.id(s, 256)
	return uint8(i), ok
}

// compact converts a report of article artIdx into its stored form.
func (ix *Index) compact(r *Report, artIdx uint32) compactReport {
	whole := func() compactReport {
		c := *r
		return compactReport{art: artIdx, full: &c}
	}
	c := compactReport{art: artIdx, eventID: r.EventID, place: r.Place,
		evidence: unsafe.SliceData(r.Evidence), evLen: uint16(len(r.Evidence))}
	ok := len(r.Hosts) == 0 && r.Why.Hosts == 0 && len(r.Evidence) <= 1<<16-1 &&
		ix.arts[artIdx].id == r.ArticleID && len(r.Why.Rejected) <= maxInlineRejected
	if !ok {
		return whole()
	}
	if r.DupOf != "" {
		d, found := ix.byID.get(r.DupOf)
		if !found {
			return whole()
		}
		c.dup = d + 1
	}
	var okP, okD bool
	c.published, okP = packDate(r.Published)
	c.date, okD = packDate(r.Date)
	if !okP || !okD {
		return whole()
	}
	c.outlet, _ = ix.outlets.id(r.Outlet, 1<<32-1)
	w := &r.Why
	cw := &c.why
	cw.score, cw.context, cw.dupSim = w.Score, w.Context, w.DupSimilarity
	cw.sibling = w.Sibling
	if w.Candidates < 0 || w.Candidates > 1<<31-1 {
		return whole()
	}
	cw.candidates = int32(w.Candidates)
	switch w.DupOf {
	case r.DupOf:
		cw.whyDup = true
	case "":
	default:
		return whole()
	}
	for _, f := range []struct {
		s   string
		dst *uint8
	}{{r.Mode, &c.mode}, {w.Action, &cw.action}, {w.Date, &cw.date}, {w.Place, &cw.place}, {w.Actors, &cw.actors}} {
		if *f.dst, ok = ix.names.small(f.s); !ok {
			return whole()
		}
	}
	cw.nrej = uint8(len(w.Rejected))
	for i, rj := range w.Rejected {
		st := ix.byStoryID[rj.Story]
		if st == nil {
			return whole()
		}
		cw.rejStory[i] = uint32(st.order)
		if cw.rejReason[i], ok = ix.names.small(rj.Reason); !ok {
			return whole()
		}
	}
	return c
}

// expand converts a stored report back into a Report.
func (ix *Index) expand(c *compactReport) Report {
	if c.full != nil {
		r := *c.full
		r.Hosts = append([]string(nil), r.Hosts...)
		r.Why.Rejected = append([]Rejection(nil), r.Why.Rejected...)
		return r
	}
	r := Report{
		ArticleID: ix.arts[c.art].id,
		Outlet:    ix.outlets.strs[c.outlet],
		Published: c.published.date(),
		EventID:   c.eventID,
		Mode:      ix.names.strs[c.mode],
		Date:      c.date.date(),
	}
	if c.evLen > 0 {
		r.Evidence = unsafe.Slice(c.evidence, c.evLen)
	}
	if c.place != nil { // the index shares it between reports
		p := *c.place
		r.Place = &p
	}
	if c.dup != 0 {
		r.DupOf = ix.arts[c.dup-1].id
	}
	w, cw := &r.Why, &c.why
	w.Action, w.Date, w.Place, w.Actors = ix.names.strs[cw.action], ix.names.strs[cw.date], ix.names.strs[cw.place], ix.names.strs[cw.actors]
	w.Score, w.Context, w.DupSimilarity = cw.score, cw.context, cw.dupSim
	w.Sibling, w.Candidates = cw.sibling, int(cw.candidates)
	if cw.whyDup {
		w.DupOf = r.DupOf
	}
	if cw.nrej > 0 {
		w.Rejected = make([]Rejection, cw.nrej)
		for i := range w.Rejected {
			w.Rejected[i] = Rejection{Story: ix.stories[cw.rejStory[i]].s.ID, Reason: ix.names.strs[cw.rejReason[i]]}
		}
	}
	return r
}

// materialize returns a copy of the story with its reports expanded, for
// callers to keep while the index goes on adding reports.
func (ix *Index) materialize(st *storyState) *Story {
	c := st.s.Clone()
	c.Reports = nil
	if len(st.reps) > 0 {
		c.Reports = make([]Report, len(st.reps))
	}
	for i := range st.reps {
		c.Reports[i] = ix.expand(&st.reps[i])
	}
	return c
}

// u32set is a set of uint32s kept as a sorted slice: four bytes an
// element, where a map takes several times that.
type u32set []uint32

// has reports whether v is in the set.
func (s u32set) has(v uint32) bool {
	_, ok := slices.BinarySearch(s, v)
	return ok
}

// add inserts v and reports whether it was missing.
func (s *u32set) add(v uint32) bool {
	i, ok := slices.BinarySearch(*s, v)
	if ok {
		return false
	}
	*s = slices.Insert(*s, i, v)
	return true
}
