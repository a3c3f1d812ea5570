package story

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/vigie-news/vigie/article"
)

// Story is one real-world event as reported by one or more articles.
type Story struct {
	// ID is "st" followed by 16 hex digits of the hash of the first report's event id.
	ID string `json:"id"`
	// Type is the event type shared by every report (CONSULT, AGREE, ...).
	Type string `json:"type"`
	// Actors are the participants (hosts excluded), sorted by key.
	Actors []article.Actor `json:"actors"`
	// Key identifies the type and actor set ("CONSULT|q1+q2"); the merge index is keyed by it.
	Key string `json:"key"`
	// CountryKey is the type and the countries the participants stand for
	// ("CONSULT|ARM+AZE"), "" when some participant has no country; reports
	// naming a state merge with reports naming its representative.
	CountryKey string `json:"country_key,omitempty"`
	// States lists the countries whose participant is the state itself
	// (no report named a person or body for it).
	States []string `json:"states,omitempty"`
	// Date is the most precise date any report gives (unknown when none does).
	Date article.Date `json:"date"`
	// Place is the best place any report gives (one with an entity id first).
	Place *article.Place `json:"place,omitempty"`
	// PlaceCountry is the country of Place, and PlaceIsCountry says Place is
	// that whole country (it then contains the other reports' cities).
	PlaceCountry   string `json:"place_country,omitempty"`
	PlaceIsCountry bool   `json:"place_is_country,omitempty"`
	// Context lists linked entities the reports' articles mention besides
	// the participants (capped); shared rare ones tie a report without a
	// date to the story.
	Context []string `json:"context,omitempty"`
	// HostKeys are the keys of the hosts the reports name (entity id, else
	// folded name; capped): a report sharing a host is evidence of one occasion.
	HostKeys []string `json:"host_keys,omitempty"`
	// FirstSeen is when the first report was seen (its article's IngestedAt, else the index clock).
	FirstSeen time.Time `json:"first_seen"`
	// NumArticles counts distinct canonical articles (duplicates count once).
	NumArticles int `json:"num_articles"`
	// NumSources counts distinct outlets, one per canonical article (the
	// outlet of the first report of its duplicate cluster); an article
	// without an outlet counts as its own source.
	NumSources int `json:"num_sources"`
	// Reports are the events merged into the story, in the order they were added.
	Reports []Report `json:"reports"`
}

// Report is one article's event inside a story.
type Report struct {
	ArticleID string `json:"article_id"`
	// DupOf is the canonical article when this article is a near-duplicate.
	DupOf     string             `json:"dup_of,omitempty"`
	Outlet    string             `json:"outlet,omitempty"`
	Published article.Date       `json:"published"`
	EventID   string             `json:"event_id"`
	Mode      string             `json:"mode,omitempty"`
	Date      article.Date       `json:"date"`
	Place     *article.Place     `json:"place,omitempty"`
	Hosts     []string           `json:"hosts,omitempty"`
	Evidence  []article.Evidence `json:"evidence,omitempty"`
	// Why is the decision that attached the report to the story.
	Why Decision `json:"why"`
}

// Canonical returns the id of the report's canonical article.
func (r *Report) Canonical() string {
	if r.DupOf != "" {
		return r.DupOf
	}
	return r.ArticleID
}

// Actions of a Decision.
const (
	ActionSeed = "seed" // the report started a new story
	ActionJoin = "join" // the report joined an existing story
)

// Date rules of a Decision: how the report's time was found compatible.
const (
	DateSameDay     = "same-day"            // both give the same day
	DateWithinSlack = "within-slack"        // days at most DateSlackDays apart
	DateContains    = "granularity"         // a month/year contains the other date
	DatePubWindow   = "publication-window"  // an undated side was placed by publication date
	DateUnanchored  = "no-time-anchor"      // one side has no time at all: the place or the context decided
	DateNone        = "none"                // seed decisions
	PlaceEqual      = "equal"               // both give the same place
	PlaceOneMissing = "one-missing"         // one side gives no place
	PlaceNone       = "both-missing"        // neither gives a place
	PlaceContains   = "contains"            // one place is the country the other lies in
	PlaceWeak       = "participant-country" // one place is a participant's own country: neither matches nor opposes
	RejectDate      = "dates-incompatible"  // rejected: dates too far apart
	RejectPlace     = "places-differ"       // rejected: two different known places
	RejectAnchor    = "no-time-no-place"    // rejected: no time anchor, no shared place, too little shared context
	RejectAmbiguous = "ambiguous-context"   // rejected: no time anchor and several stories share its context
	RejectActors    = "actors-differ"       // rejected: same countries, different named participants
	RejectScore     = "lower-score"         // compatible, but another story scored higher
	seedNoKeyReason = "no earlier story with this type and actor set"
)

// Actor rules of a Decision.
const (
	ActorsSame      = "same"       // identical actor sets
	ActorsByCountry = "by-country" // equal once persons are mapped to their states
)

// Decision records why a report was attached where it was.
type Decision struct {
	// Action is ActionSeed or ActionJoin.
	Action string `json:"action"`
	// Date and Place are the rules that made the report compatible (join only).
	Date  string `json:"date,omitempty"`
	Place string `json:"place,omitempty"`
	// Score ranks compatible candidates (higher is better).
	Score float64 `json:"score,omitempty"`
	// Actors is "same" when the actor sets are equal, "by-country" when
	// they agree once each person is mapped to the state it represented.
	Actors string `json:"actors,omitempty"`
	// Context is the shared-context score (sum of the inverse document
	// frequencies of the entities both articles mention).
	Context float64 `json:"context,omitempty"`
	// Hosts is the part of Context owed to hosts the report shares with
	// the story (their inverse document frequency, at least 1 each).
	Hosts float64 `json:"hosts,omitempty"`
	// Sibling says another event of the report's article joined a story
	// holding a report of this story's articles (worth half the context
	// threshold, included in Context).
	Sibling bool `json:"sibling,omitempty"`
	// Candidates is how many stories with the same type and actor set were examined.
	Candidates int `json:"candidates"`
	// Rejected lists a few examined stories that were not chosen, with the reason.
	Rejected []Rejection `json:"rejected,omitempty"`
	// DupOf and DupSimilarity say the article is a near-duplicate of DupOf
	// (estimated Jaccard similarity of their shingle sets).
	DupOf         string  `json:"dup_of,omitempty"`
	DupSimilarity float64 `json:"dup_similarity,omitempty"`
}

// Rejection is a candidate story a report did not join.
type Rejection struct {
	Story  string `json:"story"`
	Reason string `json:"reason"`
}

// String renders the decision for `vigie story ID --why`.
func (d Decision) String() string {
	var b strings.Builder
	switch d.Action {
	case ActionSeed:
		if d.Candidates == 0 {
			b.WriteString("started the story: " + seedNoKeyReason)
		} else {
			fmt.Fprintf(&b, "started the story: none of %d stories with this type and actor set was compatible", d.Candidates)
		}
	case ActionJoin:
		actors := "same type and actor set"
		if d.Actors == ActorsByCountry {
			actors = "same type; same actors once persons are mapped to their states"
		}
		extra := ""
		if d.Hosts > 0 {
			extra += fmt.Sprintf(", %.1f of it shared hosts", d.Hosts)
		}
		if d.Sibling {
			extra += ", with a sibling story"
		}
		fmt.Fprintf(&b, "joined: %s; date %s; place %s; shared context %.1f%s; score %.1f among %d candidate(s)",
			actors, d.Date, d.Place, d.Context, extra, d.Score, d.Candidates)
	default:
		b.WriteString(d.Action)
	}
	for _, r := range d.Rejected {
		fmt.Fprintf(&b, "; not %s (%s)", r.Story, r.Reason)
	}
	if d.DupOf != "" {
		fmt.Fprintf(&b, "; article is a near-duplicate of %s (similarity %.2f)", d.DupOf, d.DupSimilarity)
	}
	return b.String()
}

// ParseStory decodes a story serialised by Record and recomputes its counts.
func ParseStory(data []byte) (*Story, error) {
	var s Story
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("decoding story: %w", err)
	}
	if s.ID == "" || s.Key == "" {
		return nil, fmt.Errorf("decoding story: missing id or key")
	}
	s.recount()
	return &s, nil
}

// recount recomputes NumArticles and NumSources from the reports.
func (s *Story) recount() {
	canon := make(map[string]struct{}, len(s.Reports))
	outlets := make(map[string]struct{}, len(s.Reports))
	for i := range s.Reports {
		r := &s.Reports[i]
		c := r.Canonical()
		if _, ok := canon[c]; ok {
			continue
		}
		canon[c] = struct{}{}
		o := r.Outlet
		if o == "" {
			o = "article:" + c
		}
		outlets[strings.ToLower(o)] = struct{}{}
	}
	s.NumArticles, s.NumSources = len(canon), len(outlets)
}

// Clone returns a deep enough copy of the story for callers to keep while
// the index goes on adding reports.
func (s *Story) Clone() *Story {
	c := *s
	c.Actors = append([]article.Actor(nil), s.Actors...)
	c.States = append([]string(nil), s.States...)
	c.Context = append([]string(nil), s.Context...)
	c.HostKeys = append([]string(nil), s.HostKeys...)
	c.Reports = append([]Report(nil), s.Reports...)
	return &c
}
