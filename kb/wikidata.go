package kb

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/vigie-news/vigie/article"
	"gopkg.in/yaml.v3"
)

// Position maps a Wikidata position item (P39 value) to a role.
type Position struct {
	Key   string // a RoleKeys entry
	Of    string // ISO3 or organisation id
	Title string
}

// ImportOptions configures ImportDump.
type ImportOptions struct {
	// Languages whose labels and aliases are kept ("en", "fr", "ru"); all when empty.
	Languages []string
	// Types keeps only entities of these types; all mapped types when empty.
	Types []article.EntityType
	// Positions maps position QIDs to roles; DefaultPositions is used when nil.
	Positions map[string]Position
	// Countries maps state QIDs to ISO3 codes; the KB's states and P298
	// (ISO 3166-1 alpha-3) claims of state items earlier in the dump are
	// used too.
	Countries map[string]string
	// KB, when set, supplies state QID → ISO3 through its state entities.
	KB *KB
	// MaxErrors bounds ImportStats.Errors (100 when 0).
	MaxErrors int
}

// DefaultPositions maps a few well-known position items to role keys.
// Positions not listed keep their QID (or label, when the position item
// occurs earlier in the dump) as the role title with key "" — unless the
// position item's English label names a known role (see positionFromLabel).
var DefaultPositions = map[string]Position{
	"Q11696": {Key: "president", Of: "USA", Title: "President of the United States"},
}

// TypeMap maps P31 (instance of) classes to entity types.
var TypeMap = map[string]article.EntityType{
	"Q5":        article.TypePerson,
	"Q6256":     article.TypeState,
	"Q3624078":  article.TypeState,
	"Q7275":     article.TypeState,
	"Q515":      article.TypeCity,
	"Q1549591":  article.TypeCity,
	"Q5119":     article.TypeCity,
	"Q1637706":  article.TypeCity,
	"Q484170":   article.TypeCity,
	"Q10864048": article.TypeRegion,
	"Q82794":    article.TypeRegion,
	"Q484652":   article.TypeIntlOrg,
	"Q245065":   article.TypeIntlOrg,
	"Q327333":   article.TypeGovBody,
	"Q192350":   article.TypeGovBody,
	"Q11032":    article.TypeMedia,
	"Q1331793":  article.TypeMedia,
	"Q43229":    article.TypeOrganization,
	"Q17149090": article.TypeArmedGroup,
}

// LineError is a malformed dump line.
type LineError struct {
	Line int
	Err  string
}

// ImportStats summarises an import.
type ImportStats struct {
	Lines     int // lines read
	Items     int // entity records decoded
	Emitted   int // entities passed to emit
	Filtered  int // decoded but filtered out (type, no label)
	Malformed int // lines that could not be decoded
	Errors    []LineError
}

type wdValue struct {
	Value string `json:"value"`
}

type wdSnak struct {
	SnakType  string `json:"snaktype"`
	DataValue struct {
		Type  string          `json:"type"`
		Value json.RawMessage `json:"value"`
	} `json:"datavalue"`
}

type wdClaim struct {
	Mainsnak   wdSnak              `json:"mainsnak"`
	Qualifiers map[string][]wdSnak `json:"qualifiers"`
	Rank       string              `json:"rank"`
}

type wdItem struct {
	ID        string                            `json:"id"`
	Type      string                            `json:"type"`
	Labels    map[string]wdValue                `json:"labels"`
	Aliases   map[string][]wdValue              `json:"aliases"`
	Claims    map[string][]wdClaim              `json:"claims"`
	Sitelinks map[string]struct{ Title string } `json:"sitelinks"`
}

func (s wdSnak) itemID() string {
	var v struct {
		ID string `json:"id"`
	}
	if s.SnakType != "value" || json.Unmarshal(s.DataValue.Value, &v) != nil {
		return ""
	}
	return v.ID
}

func (s wdSnak) str() string {
	var v string
	if s.SnakType != "value" || json.Unmarshal(s.DataValue.Value, &v) != nil {
		return ""
	}
	return v
}

// timeStr converts a Wikidata time value to YYYY-MM-DD / YYYY-MM / YYYY by its precision.
func (s wdSnak) timeStr() string {
	var v struct {
		Time      string `json:"time"`
		Precision int    `json:"precision"`
	}
	if s.SnakType != "value" || json.Unmarshal(s.DataValue.Value, &v) != nil {
		return ""
	}
	t := strings.TrimPrefix(v.Time, "+")
	if len(t) < 10 || strings.HasPrefix(t, "-") {
		return ""
	}
	switch {
	case v.Precision >= 11:
		return t[:10]
	case v.Precision == 10:
		return t[:7]
	case v.Precision == 9:
		return t[:4]
	}
	return ""
}

// ImportDump streams a Wikidata JSON dump (one entity per line, optionally
// inside the official dump's "[" / "]" lines with trailing commas) and calls
// emit for every entity that passes the filters. Malformed lines are
// counted, reported with their line number in the stats, and skipped. The
// context is checked between lines.
func ImportDump(ctx context.Context, r io.Reader, opts ImportOptions, emit func(*Entity) error) (ImportStats, error) {
	var st ImportStats
	maxErr := opts.MaxErrors
	if maxErr <= 0 {
		maxErr = 100
	}
	langs := map[string]bool{}
	for _, l := range opts.Languages {
		langs[l] = true
	}
	types := map[article.EntityType]bool{}
	for _, t := range opts.Types {
		types[t] = true
	}
	positions := opts.Positions
	if positions == nil {
		positions = DefaultPositions
	}
	posLabel := map[string]Position{}
	countries := map[string]string{}
	if opts.KB != nil {
		for _, e := range opts.KB.entities {
			if e.Type == article.TypeState && e.Country != "" && strings.HasPrefix(e.ID, "Q") {
				countries[e.ID] = e.Country
			}
		}
	}
	for q, c := range opts.Countries {
		countries[q] = c
	}
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		if err := ctx.Err(); err != nil {
			return st, fmt.Errorf("importing Wikidata dump at line %d: %w", st.Lines, err)
		}
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			st.Lines++
			if e, perr := parseDumpLine(line, &st, langs, types, positions, posLabel, countries); perr != nil {
				st.Malformed++
				if len(st.Errors) < maxErr {
					st.Errors = append(st.Errors, LineError{st.Lines, perr.Error()})
				}
			} else if e != nil {
				if eerr := emit(e); eerr != nil {
					return st, fmt.Errorf("importing Wikidata dump at line %d: %w", st.Lines, eerr)
				}
				st.Emitted++
			}
		}
		if err == io.EOF {
			return st, nil
		}
		if err != nil {
			return st, fmt.Errorf("reading Wikidata dump at line %d: %w", st.Lines, err)
		}
	}
}

func parseDumpLine(line []byte, st *ImportStats, langs map[string]bool, types map[article.EntityType]bool,
	positions, posLabel map[string]Position, countries map[string]string) (*Entity, error) {
	line = bytes.TrimSpace(line)
	line = bytes.TrimSuffix(line, []byte(","))
	if len(line) == 0 || string(line) == "[" || string(line) == "]" {
		return nil, nil
	}
	var it wdItem
	if err := json.Unmarshal(line, &it); err != nil {
		return nil, fmt.Errorf("decoding entity: %w", err)
	}
	if it.ID == "" {
		return nil, fmt.Errorf("entity without id")
	}
	st.Items++
	var typ article.EntityType
	isPosition := false
	for _, c := range it.Claims["P31"] {
		q := c.Mainsnak.itemID()
		if t, ok := TypeMap[q]; ok && typ == "" {
			typ = t
		}
		if q == "Q4164871" || q == "Q294414" {
			isPosition = true
		}
	}
	// Remember ISO3 codes of states and roles of position items for later lines.
	if typ == article.TypeState {
		for _, c := range it.Claims["P298"] {
			if s := c.Mainsnak.str(); len(s) == 3 {
				countries[it.ID] = s
				break
			}
		}
	}
	if isPosition {
		if l, ok := it.Labels["en"]; ok {
			p := positionFromLabel(l.Value)
			p.Title = l.Value
			for _, c := range it.Claims["P1001"] {
				if iso := countries[c.Mainsnak.itemID()]; iso != "" {
					p.Of = iso
				}
			}
			posLabel[it.ID] = p
		}
	}
	if typ == "" || (len(types) > 0 && !types[typ]) {
		st.Filtered++
		return nil, nil
	}
	e := &Entity{ID: it.ID, Type: typ}
	if s, ok := it.Sitelinks["enwiki"]; ok && s.Title != "" {
		e.Name = s.Title
	} else if l, ok := it.Labels["en"]; ok {
		e.Name = l.Value
	}
	add := func(lang, v string) {
		if v == "" || v == e.Name {
			return
		}
		if e.Aliases == nil {
			e.Aliases = map[string][]string{}
		}
		for _, x := range e.Aliases[lang] {
			if x == v {
				return
			}
		}
		e.Aliases[lang] = append(e.Aliases[lang], v)
	}
	ls := make([]string, 0, len(it.Labels))
	for l := range it.Labels {
		ls = append(ls, l)
	}
	sort.Strings(ls)
	for _, l := range ls {
		if len(langs) > 0 && !langs[l] {
			continue
		}
		if e.Name == "" {
			e.Name = it.Labels[l].Value
			continue
		}
		add(l, it.Labels[l].Value)
	}
	ls = ls[:0]
	for l := range it.Aliases {
		ls = append(ls, l)
	}
	sort.Strings(ls)
	for _, l := range ls {
		if len(langs) > 0 && !langs[l] {
			continue
		}
		for _, a := range it.Aliases[l] {
			add(l, a.Value)
		}
	}
	if e.Name == "" {
		st.Filtered++
		return nil, nil
	}
	if typ == article.TypeState {
		e.Country = countries[it.ID]
	}
	for _, p := range []string{"P27", "P17"} {
		if e.Country != "" {
			break
		}
		for _, c := range it.Claims[p] {
			if iso := countries[c.Mainsnak.itemID()]; iso != "" {
				e.Country = iso
				break
			}
		}
	}
	for _, c := range it.Claims["P625"] {
		var v struct {
			Lat float64 `json:"latitude"`
			Lon float64 `json:"longitude"`
		}
		if c.Mainsnak.SnakType == "value" && json.Unmarshal(c.Mainsnak.DataValue.Value, &v) == nil {
			e.Coord = &Coord{Lat: v.Lat, Lon: v.Lon}
			break
		}
	}
	for _, c := range it.Claims["P39"] {
		q := c.Mainsnak.itemID()
		if q == "" {
			continue
		}
		p, ok := positions[q]
		if !ok {
			p, ok = posLabel[q]
		}
		if !ok {
			p = Position{Title: q}
		}
		r := Role{Key: p.Key, Of: p.Of, Title: p.Title}
		for _, s := range c.Qualifiers["P580"] {
			r.Start = s.timeStr()
		}
		for _, s := range c.Qualifiers["P582"] {
			r.End = s.timeStr()
		}
		e.Roles = append(e.Roles, r)
	}
	return e, nil
}

// positionFromLabel guesses a role key from an English position label such
// as "Minister of Foreign Affairs of Armenia" or "President of Azerbaijan".
func positionFromLabel(label string) Position {
	l := strings.ToLower(label)
	rules := []struct{ sub, key string }{
		{"deputy prime minister", "deputy_prime_minister"},
		{"prime minister", "prime_minister"},
		{"vice president", "vice_president"},
		{"foreign affairs", "foreign_minister"},
		{"foreign minister", "foreign_minister"},
		{"secretary of state", "foreign_minister"},
		{"minister of defence", "defence_minister"},
		{"minister of defense", "defence_minister"},
		{"secretary of defense", "defence_minister"},
		{"interior", "interior_minister"},
		{"speaker", "speaker"},
		{"secretary-general", "secretary_general"},
		{"secretary general", "secretary_general"},
		{"ombudsman", "ombudsman"},
		{"human rights defender", "ombudsman"},
		{"ambassador", "ambassador"},
		{"president of the european council", "council_president"},
		{"president of the european commission", "commission_president"},
		{"high representative", "high_representative"},
		{"president", "president"},
	}
	for _, r := range rules {
		if strings.Contains(l, r.sub) {
			return Position{Key: r.key}
		}
	}
	return Position{}
}

// WriteYAML writes entities in the KB file format (a YAML list).
func WriteYAML(w io.Writer, es []*Entity) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if es == nil {
		es = []*Entity{}
	}
	if err := enc.Encode(es); err != nil {
		return fmt.Errorf("writing KB YAML: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("writing KB YAML: %w", err)
	}
	return nil
}
