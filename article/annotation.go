package article

// EntityType is the kind of thing a mention or entity refers to.
type EntityType string

// Entity types. Persons, states, organisations and places are what the
// evaluation and the event layer use; the finer place and organisation
// kinds come from the knowledge base.
const (
	TypePerson       EntityType = "person"
	TypeState        EntityType = "state"
	TypeGovBody      EntityType = "government_body"
	TypeIntlOrg      EntityType = "international_organization"
	TypeArmedGroup   EntityType = "armed_group"
	TypeMedia        EntityType = "media"
	TypeOrganization EntityType = "organization"
	TypeCity         EntityType = "city"
	TypeRegion       EntityType = "region"
	TypePlace        EntityType = "place"
	TypeOther        EntityType = "other"
)

// IsPlace reports whether t is a kind of place.
func (t EntityType) IsPlace() bool {
	return t == TypeCity || t == TypeRegion || t == TypePlace
}

// MentionKind says how an entity was referred to.
type MentionKind string

// Mention kinds.
const (
	KindName    MentionKind = "name"    // a full name or alias from the KB
	KindSurname MentionKind = "surname" // a bare surname linked to a full name
	KindRole    MentionKind = "role"    // a role description ("le chef de la diplomatie russe")
	KindDemonym MentionKind = "demonym" // a country adjective ("arménien") standing for a state
	KindUnknown MentionKind = "unknown" // a capitalised name not in the KB
	// KindCompound is one part of a compound demonym ("arméno" and
	// "azerbaïdjanais" in "pourparlers arméno-azerbaïdjanais", "Armenian"
	// in "Armenian-Azerbaijani border"), a state mention per part: the
	// states a relation, border or conflict is between, not by themselves
	// the subject of a clause.
	KindCompound MentionKind = "compound"
)

// Mention is one reference to an entity in an article's text.
type Mention struct {
	Span
	Text string      `json:"text"`
	Type EntityType  `json:"type"`
	Kind MentionKind `json:"kind,omitempty"`
	// Entity is the linked entity's id ("" when unresolved, e.g. a role without a date).
	Entity string `json:"entity,omitempty"`
	// Name is the linked entity's canonical name (its English Wikipedia title).
	Name string `json:"name,omitempty"`
	// Role is the role description for KindRole mentions ("Minister of Foreign Affairs of Armenia").
	Role string `json:"role,omitempty"`
	// Country is the ISO 3166-1 alpha-3 code of the entity's country, when known.
	Country    string  `json:"country,omitempty"`
	Confidence float64 `json:"confidence"`
}

// TimeKind distinguishes dates from durations.
type TimeKind string

// Time expression kinds.
const (
	TimeDate     TimeKind = "date"
	TimeDuration TimeKind = "duration"
)

// TimeExpr is a date or duration expression found in the text.
type TimeExpr struct {
	Span
	Text string   `json:"text"`
	Kind TimeKind `json:"kind"`
	// Value is the resolved date (Precision unknown when unresolved).
	Value Date `json:"value"`
	// Until is the last date of a range ("du 2 au 4 octobre"); zero otherwise.
	// (Not named End: that is the span's end offset.)
	Until Date `json:"until,omitempty"`
	// Relative is true for expressions that need a reference date ("lundi", "hier").
	Relative bool `json:"relative,omitempty"`
	// Resolved is true when Value was computed (always true for absolute dates).
	Resolved bool `json:"resolved"`
	// Mod qualifies the value: "start", "mid", "end", "night", "approx", "before", "after".
	Mod string `json:"mod,omitempty"`
	// Duration holds an ISO 8601 duration for TimeDuration ("P44D").
	Duration string `json:"duration,omitempty"`
}

// Actor roles in an event.
const (
	RoleSource = "source"
	RoleTarget = "target"
	RoleHost   = "host"
)

// Actor is a participant of an event.
type Actor struct {
	// Name is the canonical name ("Jeyhun Bayramov", "Azerbaijan").
	Name string `json:"name"`
	// Entity is the KB id, "" for actors without one.
	Entity string `json:"entity,omitempty"`
	// Role is RoleSource, RoleTarget or RoleHost.
	Role string `json:"role"`
	// Country is the actor's ISO 3166-1 alpha-3 code (PLOVER style), when known.
	Country string `json:"country,omitempty"`
	// Sector is a PLOVER/CAMEO-style sector code (GOV, MIL, ...), when known.
	Sector string `json:"sector,omitempty"`
	// Mention is the span of the mention the actor came from.
	Mention *Span `json:"mention,omitempty"`
}

// Factuality values of an event.
const (
	FactAsserted     = "asserted"
	FactPlanned      = "planned"
	FactNegated      = "negated"
	FactHypothetical = "hypothetical"
)

// Place is where an event happened.
type Place struct {
	Name   string `json:"name"`
	Entity string `json:"entity,omitempty"`
}

// Evidence is a span of text supporting an event.
type Evidence struct {
	Span
	Text string `json:"text"`
}

// Event is one political event extracted from an article (PLOVER-coded).
type Event struct {
	ID        string   `json:"id"`
	ArticleID string   `json:"article_id"`
	Type      string   `json:"type"`
	Mode      string   `json:"mode,omitempty"`
	Contexts  []string `json:"contexts,omitempty"`
	Actors    []Actor  `json:"actors"`
	// Date is the event's date, Precision unknown when the text does not give one.
	Date       Date       `json:"date"`
	Place      *Place     `json:"place,omitempty"`
	Trigger    Span       `json:"trigger"`
	Evidence   []Evidence `json:"evidence"`
	Factuality string     `json:"factuality"`
	Confidence float64    `json:"confidence"`
	// Story is the id of the cross-article story event this event belongs to.
	Story string `json:"story,omitempty"`
}

// Participants returns the actors that are not hosts.
func (e *Event) Participants() []Actor {
	var out []Actor
	for _, a := range e.Actors {
		if a.Role != RoleHost {
			out = append(out, a)
		}
	}
	return out
}
