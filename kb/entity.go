// Package kb is vigie's knowledge base of actors and places: entities with
// canonical names, aliases per language, affiliations, roles with date
// ranges and coordinates, loaded from diff-friendly YAML files into a
// compiled in-memory index.
package kb

import "github.com/vigie-news/vigie/article"

// Entity is one actor or place.
type Entity struct {
	// ID is stable: the Wikidata QID ("Q312657") when known, else "vigie:<slug>".
	ID string `yaml:"id" json:"id"`
	// Type is the entity type (person, state, city, ...).
	Type article.EntityType `yaml:"type" json:"type"`
	// Name is the canonical name: the English Wikipedia title ("Jeyhun Bayramov").
	Name string `yaml:"name" json:"name"`
	// Aliases lists other names per language code ("fr", "en", "ru", "*" for any).
	Aliases map[string][]string `yaml:"aliases,omitempty" json:"aliases,omitempty"`
	// Country is the ISO 3166-1 alpha-3 code of the entity's affiliation
	// ("ARM", "AZE"; "NKR" for the Nagorno-Karabakh authorities; "" for
	// international organisations).
	Country string `yaml:"country,omitempty" json:"country,omitempty"`
	// Sector is a PLOVER/CAMEO-style sector for actors: GOV, MIL, DIP, MED, IGO, REB, ...
	Sector string `yaml:"sector,omitempty" json:"sector,omitempty"`
	// Roles are the positions a person held, with dates.
	Roles []Role `yaml:"roles,omitempty" json:"roles,omitempty"`
	// Coord is the location of a place.
	Coord *Coord `yaml:"coord,omitempty" json:"coord,omitempty"`
	// PartOf is the id of the entity this place or body belongs to (a region's country).
	PartOf string `yaml:"part_of,omitempty" json:"part_of,omitempty"`
	// Territory is, for a state-like polity, the id of the region it
	// governs ("Republic of Artsakh" → Nagorno-Karabakh), so that "the
	// leaders of Karabakh" stand for the polity.
	Territory string `yaml:"territory,omitempty" json:"territory,omitempty"`
	// Demonyms lists the adjectives that stand for a state, per language
	// ("fr": ["arménien", "arménienne", ...]).
	Demonyms map[string][]string `yaml:"demonyms,omitempty" json:"demonyms,omitempty"`
	// Note is free text (sources, caveats).
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Role is a position held by a person over a date range.
type Role struct {
	// Key is the role kind from RoleKeys ("foreign_minister", "president", ...).
	Key string `yaml:"key" json:"key"`
	// Of is the ISO 3166-1 alpha-3 code of the country (or the id of the
	// organisation) the role belongs to.
	Of string `yaml:"of" json:"of"`
	// Title is a readable title, e.g. "Minister of Foreign Affairs of Armenia".
	Title string `yaml:"title,omitempty" json:"title,omitempty"`
	// Start and End are YYYY-MM-DD (or YYYY-MM, YYYY); End empty means ongoing.
	Start string `yaml:"start,omitempty" json:"start,omitempty"`
	End   string `yaml:"end,omitempty" json:"end,omitempty"`
}

// Coord is a WGS84 position.
type Coord struct {
	Lat float64 `yaml:"lat" json:"lat"`
	Lon float64 `yaml:"lon" json:"lon"`
}

// RoleKeys are the role kinds the KB uses and the entity layer resolves
// role descriptions to.
var RoleKeys = []string{
	"president",      // head of state
	"prime_minister", // head of government
	"vice_president", // vice president
	"deputy_prime_minister",
	"foreign_minister", // minister of foreign affairs; US Secretary of State
	"defence_minister", // minister of defence; US Secretary of Defense
	"interior_minister",
	"mfa_spokesperson", // spokesperson of the foreign ministry / State Department
	"presidential_spokesperson",
	"security_council_secretary",
	"speaker",           // speaker of parliament
	"envoy",             // special envoy / representative
	"minsk_cochair",     // OSCE Minsk Group co-chair
	"secretary_general", // of an international organisation
	"council_president", // President of the European Council
	"commission_president",
	"high_representative", // EU High Representative for Foreign Affairs
	"ambassador",
	"chief_of_staff", // of the armed forces
	"ombudsman",
}
