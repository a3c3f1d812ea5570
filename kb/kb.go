package kb

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"sort"
	"sync"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/translit"
	"gopkg.in/yaml.v3"
)

//go:embed data/*.yaml
var shipped embed.FS

// Pos is where an entity was defined: a file and a 1-based line.
type Pos struct {
	File string
	Line int
}

// String formats the position as file:line.
func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// KB is a compiled, read-only knowledge base. It is safe for concurrent use.
type KB struct {
	entities []*Entity
	byID     map[string]*Entity
	pos      map[*Entity]Pos
	alias    map[string][]*Entity // folded alias (names, aliases) → entities
	keyAlias map[string][]*Entity // translit.KeyPhrase of alias → entities
	demonym  map[string][]*Entity // folded demonym → states
	country  map[string]*Entity   // ISO3 → state entity
	surname  map[string][]*Entity // Key of a person's last name word → persons
	roles    map[string][]holder  // key|of → holders
	polity   map[string]*Entity   // region id → the polity governing it (Entity.Territory)

	matchOnce sync.Once
	matcher   *Matcher
}

type holder struct {
	e          *Entity
	role       *Role
	start, end int // yyyymmdd, inclusive; end 99999999 when ongoing
}

// Load reads the YAML files of fsys matching the patterns (path.Match
// syntax; "*.yaml" when none are given) in lexical order and compiles them.
// An id defined again in a later file is an error (duplicate); use
// LoadFiles to overlay user files over the shipped KB. Errors name the file
// and line: YAML syntax errors, duplicate ids, unknown references (role
// "of", "part_of") and cycles through part_of.
func Load(fsys fs.FS, patterns ...string) (*KB, error) {
	return loadFS(fsys, false, patterns...)
}

func loadFS(fsys fs.FS, lenient bool, patterns ...string) (*KB, error) {
	if len(patterns) == 0 {
		patterns = []string{"*.yaml"}
	}
	var files []string
	seen := map[string]bool{}
	for _, p := range patterns {
		m, err := fs.Glob(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("listing KB files %q: %w", p, err)
		}
		for _, f := range m {
			if !seen[f] {
				seen[f] = true
				files = append(files, f)
			}
		}
	}
	sort.Strings(files)
	b := builder{lenientRefs: lenient}
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("reading KB file %s: %w", f, err)
		}
		if err := b.addFile(f, data, false); err != nil {
			return nil, err
		}
	}
	return b.compile()
}

// Parse decodes one KB YAML document (a list of entities) and reports each
// entity's line. name is used in error messages.
func Parse(name string, data []byte) ([]*Entity, []int, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, nil, fmt.Errorf("parsing KB file %s: %w", name, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil, nil // empty file
	}
	root := doc.Content[0]
	if root.Kind != yaml.SequenceNode {
		return nil, nil, fmt.Errorf("%s:%d: KB file must be a YAML list of entities", name, root.Line)
	}
	var out []*Entity
	var lines []int
	for _, n := range root.Content {
		e := new(Entity)
		if err := n.Decode(e); err != nil {
			return nil, nil, fmt.Errorf("%s:%d: decoding entity: %w", name, n.Line, err)
		}
		if e.ID == "" {
			return nil, nil, fmt.Errorf("%s:%d: entity without id", name, n.Line)
		}
		if e.Name == "" {
			return nil, nil, fmt.Errorf("%s:%d: entity %s without name", name, n.Line, e.ID)
		}
		out = append(out, e)
		lines = append(lines, n.Line)
	}
	return out, lines, nil
}

type builder struct {
	// lenientRefs turns unknown role/part_of references into logged
	// warnings instead of errors (the shipped KB is edited file by file;
	// Check still reports them).
	lenientRefs bool
	list        []*Entity
	pos         map[*Entity]Pos
	byID        map[string]*Entity
}

func (b *builder) addFile(name string, data []byte, override bool) error {
	es, lines, err := Parse(name, data)
	if err != nil {
		return err
	}
	if b.byID == nil {
		b.byID = map[string]*Entity{}
		b.pos = map[*Entity]Pos{}
	}
	for i, e := range es {
		p := Pos{name, lines[i]}
		if old, ok := b.byID[e.ID]; ok {
			if !override || b.pos[old].File == name {
				return fmt.Errorf("%s: duplicate id %s (first defined at %s)", p, e.ID, b.pos[old])
			}
			for j, x := range b.list {
				if x == old {
					b.list[j] = e
				}
			}
			delete(b.pos, old)
		} else {
			b.list = append(b.list, e)
		}
		b.byID[e.ID] = e
		b.pos[e] = p
	}
	return nil
}

func (b *builder) compile() (*KB, error) {
	k := &KB{
		entities: b.list,
		byID:     map[string]*Entity{},
		pos:      map[*Entity]Pos{},
		alias:    map[string][]*Entity{},
		keyAlias: map[string][]*Entity{},
		demonym:  map[string][]*Entity{},
		country:  map[string]*Entity{},
		surname:  map[string][]*Entity{},
		roles:    map[string][]holder{},
	}
	for e, p := range b.pos {
		k.pos[e] = p
	}
	codes := map[string]bool{}
	for _, e := range k.entities {
		k.byID[e.ID] = e
		if e.Country != "" {
			codes[e.Country] = true
		}
		if e.Type == article.TypeState && e.Country != "" {
			if _, ok := k.country[e.Country]; !ok {
				k.country[e.Country] = e
			}
		}
	}
	var errs, refErrs []error
	for _, e := range k.entities {
		p := k.pos[e]
		if e.PartOf != "" && k.byID[e.PartOf] == nil {
			refErrs = append(refErrs, fmt.Errorf("%s: entity %s: unknown part_of %q", p, e.ID, e.PartOf))
		}
		if e.Territory != "" && k.byID[e.Territory] == nil {
			refErrs = append(refErrs, fmt.Errorf("%s: entity %s: unknown territory %q", p, e.ID, e.Territory))
		}
		for i := range e.Roles {
			r := &e.Roles[i]
			if r.Of != "" && k.byID[r.Of] == nil && !codes[r.Of] {
				refErrs = append(refErrs, fmt.Errorf("%s: entity %s: role %s: unknown of %q", p, e.ID, r.Key, r.Of))
			}
			s, ok1 := dateBound(r.Start, false)
			en, ok2 := dateBound(r.End, true)
			if !ok1 || !ok2 {
				errs = append(errs, fmt.Errorf("%s: entity %s: role %s: bad date %q..%q", p, e.ID, r.Key, r.Start, r.End))
				continue
			}
			key := r.Key + "|" + r.Of
			k.roles[key] = append(k.roles[key], holder{e, r, s, en})
		}
	}
	// Cycles through part_of.
	for _, e := range k.entities {
		seen := map[*Entity]bool{}
		for x := e; x != nil && x.PartOf != ""; x = k.byID[x.PartOf] {
			if seen[x] {
				errs = append(errs, fmt.Errorf("%s: entity %s: part_of cycle", k.pos[e], e.ID))
				break
			}
			seen[x] = true
		}
	}
	if b.lenientRefs {
		for _, err := range refErrs {
			slog.Warn("KB reference", "err", err)
		}
	} else {
		errs = append(errs, refErrs...)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("loading KB: %w", errors.Join(errs...))
	}
	for _, e := range k.entities {
		if e.Territory != "" {
			if k.polity == nil {
				k.polity = map[string]*Entity{}
			}
			k.polity[e.Territory] = e
		}
		for _, a := range e.AllNames() {
			f := translit.Fold(a)
			k.alias[f] = appendUnique(k.alias[f], e)
			kp := translit.KeyPhrase(a)
			k.keyAlias[kp] = appendUnique(k.keyAlias[kp], e)
			if e.Type == article.TypePerson {
				ws := translit.Words(a)
				// "Patriarch Kirill of Moscow" has no surname "Moscow".
				if len(ws) >= 2 && !connectors[ws[len(ws)-2]] {
					s := translit.Key(ws[len(ws)-1])
					k.surname[s] = appendUnique(k.surname[s], e)
				}
			}
		}
		for _, ds := range e.Demonyms {
			for _, d := range ds {
				f := translit.Fold(d)
				k.demonym[f] = appendUnique(k.demonym[f], e)
			}
		}
	}
	return k, nil
}

func appendUnique(l []*Entity, e *Entity) []*Entity {
	for _, x := range l {
		if x == e {
			return l
		}
	}
	return append(l, e)
}

// AllNames returns the canonical name followed by every alias of e in every
// language, without duplicates.
func (e *Entity) AllNames() []string {
	out := []string{e.Name}
	seen := map[string]bool{e.Name: true}
	langs := make([]string, 0, len(e.Aliases))
	for l := range e.Aliases {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		for _, a := range e.Aliases[l] {
			if a != "" && !seen[a] {
				seen[a] = true
				out = append(out, a)
			}
		}
	}
	return out
}

// HasRole reports whether e holds a role with key at any time.
func (e *Entity) HasRole(key string) bool {
	for _, r := range e.Roles {
		if r.Key == key {
			return true
		}
	}
	return false
}

var (
	defaultOnce sync.Once
	defaultKB   *KB
	defaultErr  error
)

// Default returns the KB shipped in the binary (kb/data/*.yaml), compiled
// once and shared. Unknown references in the shipped files are logged
// (slog warnings) rather than fatal; Check lists them.
func Default() (*KB, error) {
	defaultOnce.Do(func() {
		sub, err := fs.Sub(shipped, "data")
		if err != nil {
			defaultErr = fmt.Errorf("opening shipped KB: %w", err)
			return
		}
		defaultKB, defaultErr = loadFS(sub, true)
	})
	return defaultKB, defaultErr
}

// LoadFiles loads the shipped KB and overlays the given YAML files: an entity
// whose id already exists replaces the shipped one, others are added.
// Unknown references are logged as for Default.
func LoadFiles(paths ...string) (*KB, error) {
	sub, err := fs.Sub(shipped, "data")
	if err != nil {
		return nil, fmt.Errorf("opening shipped KB: %w", err)
	}
	b := builder{lenientRefs: true}
	files, err := fs.Glob(sub, "*.yaml")
	if err != nil {
		return nil, fmt.Errorf("listing shipped KB: %w", err)
	}
	for _, f := range files {
		data, err := fs.ReadFile(sub, f)
		if err != nil {
			return nil, fmt.Errorf("reading shipped KB file %s: %w", f, err)
		}
		if err := b.addFile(path.Join("kb/data", f), data, false); err != nil {
			return nil, err
		}
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("reading KB file %s: %w", p, err)
		}
		if err := b.addFile(p, data, true); err != nil {
			return nil, err
		}
	}
	return b.compile()
}

// FromEntities compiles a KB from entities built in memory (tests,
// imports). Positions are reported as "<memory>:index".
func FromEntities(es []*Entity) (*KB, error) {
	b := builder{byID: map[string]*Entity{}, pos: map[*Entity]Pos{}}
	for i, e := range es {
		if old, ok := b.byID[e.ID]; ok {
			return nil, fmt.Errorf("<memory>:%d: duplicate id %s (first at %s)", i, e.ID, b.pos[old])
		}
		b.byID[e.ID] = e
		b.pos[e] = Pos{"<memory>", i}
		b.list = append(b.list, e)
	}
	return b.compile()
}

// Len returns the number of entities.
func (k *KB) Len() int { return len(k.entities) }

// Entities returns all entities in load order. The slice must not be modified.
func (k *KB) Entities() []*Entity { return k.entities }

// Get returns the entity with the id, or nil.
func (k *KB) Get(id string) *Entity { return k.byID[id] }

// Pos returns where e was defined.
func (k *KB) Pos(e *Entity) Pos { return k.pos[e] }

// ByAlias returns the entities having a name or alias whose Fold equals
// Fold(s).
func (k *KB) ByAlias(s string) []*Entity { return k.alias[translit.Fold(s)] }

// ByKey returns the entities having a name or alias whose
// translit.KeyPhrase equals KeyPhrase(s) (spelling-variant lookup).
func (k *KB) ByKey(s string) []*Entity { return k.keyAlias[translit.KeyPhrase(s)] }

// BySurname returns the persons whose name or an alias of two words or more
// ends with a word of the same translit.Key as surname.
func (k *KB) BySurname(surname string) []*Entity { return k.surname[translit.Key(surname)] }

// Country returns the state entity with the ISO 3166-1 alpha-3 code, or nil.
func (k *KB) Country(iso3 string) *Entity { return k.country[iso3] }

// PolityOf returns the polity that governs the region with id regionID
// (the entity whose Territory it is), or nil.
func (k *KB) PolityOf(regionID string) *Entity { return k.polity[regionID] }

// Demonym returns the states the adjective stands for ("arménienne" →
// Armenia), matched after Fold.
func (k *KB) Demonym(word string) []*Entity { return k.demonym[translit.Fold(word)] }

// Demonyms returns every folded demonym the KB knows.
func (k *KB) Demonyms() []string {
	out := make([]string, 0, len(k.demonym))
	for d := range k.demonym {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// connectors introduce a place or title after a name ("Kirill of Moscow").
var connectors = map[string]bool{"of": true, "de": true, "du": true, "d": true, "des": true, "von": false}

func mustSub() fs.FS {
	sub, err := fs.Sub(shipped, "data")
	if err != nil {
		return shipped
	}
	return sub
}
