package eval

import (
	"fmt"
	"sort"
	"strings"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/translit"
)

// Case pairs a gold article with what the system made of the same file.
// Sys is nil when the system could not read the file.
type Case struct {
	Gold GoldArticle
	Sys  *article.Article
}

// PRF holds counts and scores for one event type (or all).
type PRF struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (p *PRF) finish() {
	p.Precision = ratio(p.TP, p.TP+p.FP)
	p.Recall = ratio(p.TP, p.TP+p.FN)
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// PersonsScore is the persons section.
type PersonsScore struct {
	GoldSurfaces  int     `json:"gold_surfaces"`
	Linked        int     `json:"linked"`
	Accuracy      float64 `json:"accuracy"`
	SystemPersons int     `json:"system_persons"`
	Spurious      int     `json:"spurious"`
	SpuriousRate  float64 `json:"spurious_rate"`
}

// AccuracyScore counts correct answers over a gold population.
type AccuracyScore struct {
	Gold     int     `json:"gold"`
	Correct  int     `json:"correct"`
	Accuracy float64 `json:"accuracy"`
}

// ModesScore is the CONSULT mode accuracy over matched events.
type ModesScore struct {
	Matched  int     `json:"matched"`
	Correct  int     `json:"correct"`
	Accuracy float64 `json:"accuracy"`
}

// DedupScore is pairwise story-merging quality.
type DedupScore struct {
	GoldPairs int     `json:"gold_pairs"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Report is the result of an evaluation, in the JSON layout `vigie eval --json` prints.
type Report struct {
	Articles   int             `json:"articles"`
	Failed     int             `json:"failed,omitempty"`
	Persons    PersonsScore    `json:"persons"`
	Published  AccuracyScore   `json:"published"`
	Events     map[string]*PRF `json:"events"`
	EventDates AccuracyScore   `json:"event_dates"`
	Modes      ModesScore      `json:"modes"`
	Dedup      *DedupScore     `json:"dedup,omitempty"`
	// Details lists every miss and false alarm (for --verbose); not in JSON by default.
	Details []Detail `json:"details,omitempty"`
}

// Detail is one error of the system, for --verbose listings.
type Detail struct {
	File     string `json:"file"`
	Kind     string `json:"kind"` // "miss", "false_alarm", "person_unlinked", "person_spurious", "published", "date", "mode"
	What     string `json:"what"`
	Sentence string `json:"sentence,omitempty"`
}

// NormName folds a name for comparison: case- and accent-insensitive, spaces collapsed.
func NormName(s string) string {
	return strings.Join(strings.Fields(translit.Fold(s)), " ")
}

// match records a gold/system event pairing for the story section. A gold
// event without a system match is kept with unmatched set, so that the
// verbose dedup listing can show every gold pair; it is never scored.
type match struct {
	gold      GoldEvent
	file      string
	story     string
	sys       *article.Event
	published article.Date
	unmatched bool
}

// Score evaluates all cases. Non-factual system events are ignored.
func Score(cases []Case) *Report {
	r := &Report{Events: map[string]*PRF{}}
	all := &PRF{}
	var matches []match
	for _, c := range cases {
		r.Articles++
		if c.Sys == nil {
			r.Failed++
		}
		scorePersons(r, c)
		scorePublished(r, c)
		matches = append(matches, scoreEvents(r, c, all)...)
	}
	for _, p := range r.Events {
		p.finish()
	}
	all.finish()
	r.Events["all"] = all
	r.Persons.Accuracy = ratio(r.Persons.Linked, r.Persons.GoldSurfaces)
	r.Persons.SpuriousRate = ratio(r.Persons.Spurious, r.Persons.SystemPersons)
	r.Published.Accuracy = ratio(r.Published.Correct, r.Published.Gold)
	r.EventDates.Accuracy = ratio(r.EventDates.Correct, r.EventDates.Gold)
	r.Modes.Accuracy = ratio(r.Modes.Correct, r.Modes.Matched)
	r.Dedup = scoreDedup(matches)
	r.Details = append(r.Details, dedupDetails(matches)...)
	return r
}

func scorePersons(r *Report, c Case) {
	if c.Sys == nil {
		for _, p := range c.Gold.Persons {
			r.Persons.GoldSurfaces += len(p.Surface)
		}
		return
	}
	text := c.Sys.Text
	var persons []article.Mention
	sysNames := map[string]string{}
	for _, m := range c.Sys.Mentions {
		if m.Type != article.TypePerson || m.Name == "" {
			continue
		}
		persons = append(persons, m)
		sysNames[NormName(m.Name)] = m.Name
	}
	goldNames := map[string]bool{}
	for _, p := range c.Gold.Persons {
		goldNames[NormName(p.Name)] = true
		want := NormName(p.Name)
		seen := map[string]bool{}
		for _, s := range p.Surface {
			if seen[s] {
				continue
			}
			seen[s] = true
			occ := occurrences(text, s)
			if len(occ) == 0 {
				continue
			}
			r.Persons.GoldSurfaces++
			ok := true
			for _, o := range occ {
				if !covered(persons, o, want) {
					ok = false
					break
				}
			}
			if ok {
				r.Persons.Linked++
			} else {
				r.Details = append(r.Details, Detail{File: c.Gold.File, Kind: "person_unlinked",
					What: fmt.Sprintf("%q should link to %s", s, p.Name)})
			}
		}
	}
	names := make([]string, 0, len(sysNames))
	for n := range sysNames {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		r.Persons.SystemPersons++
		if !goldNames[n] {
			r.Persons.Spurious++
			r.Details = append(r.Details, Detail{File: c.Gold.File, Kind: "person_spurious", What: sysNames[n]})
		}
	}
}

// occurrences finds s in text at word boundaries.
func occurrences(text, s string) []article.Span {
	var out []article.Span
	if s == "" {
		return nil
	}
	for i := 0; ; {
		j := strings.Index(text[i:], s)
		if j < 0 {
			break
		}
		st := i + j
		en := st + len(s)
		if boundary(text, st, en) {
			out = append(out, article.Span{Start: st, End: en})
		}
		i = st + 1
		if i >= len(text) {
			break
		}
	}
	return out
}

func boundary(text string, st, en int) bool {
	isWord := func(b byte) bool {
		return b >= 0x80 || b == '_' || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')
	}
	if st > 0 && isWord(text[st-1]) && isWord(text[st]) {
		// allow an elision apostrophe before: handled by the byte check (’ is multi-byte ≥0x80).
		if !strings.HasSuffix(text[:st], "’") {
			return false
		}
	}
	if en < len(text) && isWord(text[en]) && isWord(text[en-1]) {
		return false
	}
	return true
}

func covered(ms []article.Mention, o article.Span, want string) bool {
	for _, m := range ms {
		if m.Start <= o.Start && o.End <= m.End && NormName(m.Name) == want {
			return true
		}
	}
	return false
}

func scorePublished(r *Report, c Case) {
	if c.Gold.Published == "" {
		return
	}
	g, ok := article.ParseDate(c.Gold.Published)
	if !ok {
		return
	}
	r.Published.Gold++
	if c.Sys != nil && dateAgrees(g, c.Sys.Published) {
		r.Published.Correct++
		return
	}
	got := ""
	if c.Sys != nil {
		got = c.Sys.Published.String()
	}
	r.Details = append(r.Details, Detail{File: c.Gold.File, Kind: "published",
		What: fmt.Sprintf("gold %s, system %q", c.Gold.Published, got)})
}

// dateAgrees compares a system date with a gold one at the gold's granularity.
func dateAgrees(gold, sys article.Date) bool {
	if !sys.Known() {
		return false
	}
	switch gold.Precision {
	case article.PrecDay:
		return sys.Precision == article.PrecDay && sys.Year == gold.Year && sys.Month == gold.Month && sys.Day == gold.Day
	case article.PrecMonth:
		return (sys.Precision == article.PrecDay || sys.Precision == article.PrecMonth) && sys.Year == gold.Year && sys.Month == gold.Month
	case article.PrecYear:
		return sys.Precision != article.PrecDecade && sys.Year == gold.Year
	}
	return false
}

func actorKey(names []string) string {
	ns := make([]string, 0, len(names))
	seen := map[string]bool{}
	for _, n := range names {
		k := NormName(n)
		if !seen[k] {
			seen[k] = true
			ns = append(ns, k)
		}
	}
	sort.Strings(ns)
	return strings.Join(ns, "+")
}

func sysActorKey(e *article.Event) string {
	var ns []string
	for _, a := range e.Participants() {
		ns = append(ns, a.Name)
	}
	return actorKey(ns)
}

func scoreEvents(r *Report, c Case, all *PRF) []match {
	prf := func(t string) *PRF {
		p := r.Events[t]
		if p == nil {
			p = &PRF{}
			r.Events[t] = p
		}
		return p
	}
	var sys []*article.Event
	if c.Sys != nil {
		for i := range c.Sys.Events {
			e := &c.Sys.Events[i]
			if e.Factuality == "" || e.Factuality == article.FactAsserted {
				sys = append(sys, e)
			}
		}
	}
	used := make([]bool, len(sys))
	var out []match
	goldMatched := make([]bool, len(c.Gold.Events))
	// Two passes: exact matches (type, actors, date) first, then record date
	// agreement over same type+actors pairs for event_dates.
	for gi, g := range c.Gold.Events {
		gk := actorKey(g.Actors)
		var gd article.Date
		hasDate := false
		if g.Date != "" {
			gd, hasDate = article.ParseDate(g.Date)
		}
		best := -1
		for si, e := range sys {
			if used[si] || e.Type != g.Type || sysActorKey(e) != gk {
				continue
			}
			if hasDate && !dateAgrees(gd, e.Date) {
				continue
			}
			best = si
			break
		}
		if best >= 0 {
			used[best] = true
			goldMatched[gi] = true
			prf(g.Type).TP++
			all.TP++
			out = append(out, match{gold: g, file: c.Gold.File, story: sys[best].Story, sys: sys[best], published: c.Sys.Published})
			if g.Type == "CONSULT" && g.Mode != "" {
				r.Modes.Matched++
				if sys[best].Mode == g.Mode {
					r.Modes.Correct++
				} else {
					r.Details = append(r.Details, Detail{File: c.Gold.File, Kind: "mode",
						What: fmt.Sprintf("CONSULT %s: gold mode %s, system %q", gk, g.Mode, sys[best].Mode)})
				}
			}
		}
	}
	// Event dates: gold events with a date and a system event of the same type and actors.
	usedD := make([]bool, len(sys))
	for _, g := range c.Gold.Events {
		if g.Date == "" {
			continue
		}
		gd, ok := article.ParseDate(g.Date)
		if !ok {
			continue
		}
		gk := actorKey(g.Actors)
		cand := -1
		for si, e := range sys {
			if usedD[si] || e.Type != g.Type || sysActorKey(e) != gk {
				continue
			}
			if cand < 0 || dateAgrees(gd, e.Date) {
				cand = si
			}
			if dateAgrees(gd, e.Date) {
				break
			}
		}
		if cand < 0 {
			continue
		}
		usedD[cand] = true
		r.EventDates.Gold++
		if dateAgrees(gd, sys[cand].Date) {
			r.EventDates.Correct++
		} else {
			r.Details = append(r.Details, Detail{File: c.Gold.File, Kind: "date",
				What: fmt.Sprintf("%s %s: gold date %s, system %q", g.Type, gk, g.Date, sys[cand].Date.String())})
		}
	}
	for gi, g := range c.Gold.Events {
		if goldMatched[gi] {
			continue
		}
		out = append(out, match{gold: g, file: c.Gold.File, unmatched: true})
		prf(g.Type).FN++
		all.FN++
		r.Details = append(r.Details, Detail{File: c.Gold.File, Kind: "miss",
			What:     fmt.Sprintf("%s [%s] date=%s", g.Type, strings.Join(g.Actors, ", "), g.Date),
			Sentence: g.Evidence})
	}
	for si, e := range sys {
		if used[si] {
			continue
		}
		prf(e.Type).FP++
		all.FP++
		var names []string
		for _, a := range e.Participants() {
			names = append(names, a.Name)
		}
		sent := ""
		if len(e.Evidence) > 0 {
			sent = e.Evidence[0].Text
		}
		r.Details = append(r.Details, Detail{File: c.Gold.File, Kind: "false_alarm",
			What:     fmt.Sprintf("%s [%s] date=%s mode=%s", e.Type, strings.Join(names, ", "), e.Date.String(), e.Mode),
			Sentence: sent})
	}
	return out
}

// scoreDedup scores story merging over matched gold events with a usable key.
func scoreDedup(ms []match) *DedupScore {
	tp, fp, fn := 0, 0, 0
	goldPairs := 0
	eachKeyedPair(ms, func(a, b match, same, merged bool) {
		if a.unmatched || b.unmatched {
			return // only pairs whose reports both matched system events count
		}
		if same {
			goldPairs++
		}
		switch {
		case same && merged:
			tp++
		case same && !merged:
			fn++
		case !same && merged:
			fp++
		}
	})
	d := &DedupScore{GoldPairs: goldPairs}
	d.Precision = ratio(tp, tp+fp)
	d.Recall = ratio(tp, tp+fn)
	if tp+fp == 0 && goldPairs == 0 {
		d.Precision, d.Recall = 1, 1
	}
	if d.Precision+d.Recall > 0 {
		d.F1 = 2 * d.Precision * d.Recall / (d.Precision + d.Recall)
	}
	return d
}

// dedupDetails explains the dedup score for --verbose: every cross-article
// pair of gold reports with the same type and key ("dedup_merged" when the
// system put both in one story, "dedup_split" when it did not,
// "dedup_unscored" when a report has no system match and the pair does not
// count), and every pair the system merged against the gold
// ("dedup_false_merge"). Each line shows both system events' story, actors
// and date.
func dedupDetails(ms []match) []Detail {
	var out []Detail
	eachKeyedPair(ms, func(a, b match, same, merged bool) {
		unscored := a.unmatched || b.unmatched
		merged = merged && !unscored
		kind := ""
		switch {
		case same && unscored:
			kind = "dedup_unscored"
		case same && merged:
			kind = "dedup_merged"
		case same:
			kind = "dedup_split"
		case merged:
			kind = "dedup_false_merge"
		default:
			return
		}
		what := fmt.Sprintf("%s %s", a.gold.Type, a.gold.Key)
		if !same {
			what = fmt.Sprintf("%s %s vs %s %s", a.gold.Type, a.gold.Key, b.gold.Type, b.gold.Key)
		}
		out = append(out, Detail{File: a.file + " ~ " + b.file, Kind: kind,
			What: what + "\n        " + a.file + ": " + describeSys(a) + "\n        " + b.file + ": " + describeSys(b)})
	})
	return out
}

// eachKeyedPair calls fn for every pair of gold reports with a usable key
// (not empty, not "null|...") in different articles, saying whether the
// gold has them as one event (same type and key) and whether the system
// put them in one story.
func eachKeyedPair(ms []match, fn func(a, b match, same, merged bool)) {
	var keep []match
	for _, m := range ms {
		if m.gold.Key != "" && !strings.HasPrefix(m.gold.Key, "null|") {
			keep = append(keep, m)
		}
	}
	for i := 0; i < len(keep); i++ {
		for j := i + 1; j < len(keep); j++ {
			a, b := keep[i], keep[j]
			if a.file == b.file {
				continue
			}
			fn(a, b, a.gold.Type == b.gold.Type && a.gold.Key == b.gold.Key, a.story != "" && a.story == b.story)
		}
	}
}

// describeSys renders a matched system event for dedup details.
func describeSys(m match) string {
	if m.unmatched || m.sys == nil {
		return fmt.Sprintf("no system event matched the gold event [%s] date=%s", strings.Join(m.gold.Actors, ", "), m.gold.Date)
	}
	e := m.sys
	var acts []string
	for _, a := range e.Participants() {
		s := a.Name
		if a.Entity != "" {
			s += "=" + a.Entity
		}
		if a.Country != "" {
			s += "/" + a.Country
		}
		acts = append(acts, s)
	}
	place := ""
	if e.Place != nil {
		place = e.Place.Name
		if e.Place.Entity != "" {
			place += "=" + e.Place.Entity
		}
	}
	story := m.story
	if story == "" {
		story = "(none)"
	}
	return fmt.Sprintf("story %s %s [%s] date=%s published=%s place=%q (gold [%s] date=%s place=%q)", story, e.Type,
		strings.Join(acts, ", "), e.Date.String(), m.published.String(), place, strings.Join(m.gold.Actors, ", "), m.gold.Date, m.gold.Place)
}
