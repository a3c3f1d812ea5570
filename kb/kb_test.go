package kb

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/vigie-news/vigie/article"
)

func TestDefaultLoads(t *testing.T) {
	start := time.Now()
	k, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Default took %v, want < 1s", d)
	}
	if k.Len() == 0 {
		t.Fatal("empty default KB")
	}
	for _, p := range Check(k) {
		t.Logf("check: %s", p)
	}
}

func loadSmall(t testing.TB) *KB {
	t.Helper()
	k, err := Load(os.DirFS("testdata"), "small.yaml")
	if err != nil {
		t.Fatalf("loading small KB: %v", err)
	}
	return k
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"syntax", "- id: a\n  name: [unclosed\n", "bad.yaml"},
		{"not a list", "id: a\nname: b\n", "bad.yaml:1"},
		{"no id", "- name: A\n", "bad.yaml:1: entity without id"},
		{"duplicate", "- {id: a, name: A, type: person}\n- {id: a, name: B, type: person}\n", "bad.yaml:2: duplicate id a (first defined at bad.yaml:1)"},
		{"unknown of", "- {id: a, name: A, type: person, roles: [{key: president, of: XXX}]}\n", "bad.yaml:1: entity a: role president: unknown of \"XXX\""},
		{"unknown part_of", "- {id: a, name: A, type: city, part_of: b}\n", "unknown part_of \"b\""},
		{"cycle", "- {id: a, name: A, type: region, part_of: b}\n- {id: b, name: B, type: region, part_of: a}\n", "part_of cycle"},
		{"bad date", "- {id: a, name: A, type: person, country: ARM, roles: [{key: president, of: ARM, start: soon}]}\n", "bad date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(fstest.MapFS{"bad.yaml": {Data: []byte(tt.yaml)}})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want containing %q", err, tt.want)
			}
		})
	}
}

func TestLookups(t *testing.T) {
	k := loadSmall(t)
	tests := []struct {
		fn   func(string) []*Entity
		in   string
		want string
	}{
		{k.ByAlias, "ARMÉNIE", "Q399"},
		{k.ByAlias, "djeyhoun baïramov", "vigie:jeyhun-bayramov"},
		{k.ByKey, "Jeyhoun Bairamov", "vigie:jeyhun-bayramov"},
		{k.BySurname, "Mirzoïan", "vigie:ararat-mirzoyan"},
		{k.Demonym, "Arménienne", "Q399"},
		{k.ByAlias, "nobody", ""},
	}
	for _, tt := range tests {
		got := tt.fn(tt.in)
		id := ""
		if len(got) > 0 {
			id = got[0].ID
		}
		if id != tt.want {
			t.Errorf("lookup(%q) = %q, want %q", tt.in, id, tt.want)
		}
	}
	if c := k.Country("AZE"); c == nil || c.Name != "Azerbaijan" {
		t.Errorf("Country(AZE) = %v", c)
	}
}

func TestHolders(t *testing.T) {
	k := loadSmall(t)
	d := func(s string) article.Date { v, _ := article.ParseDate(s); return v }
	tests := []struct {
		key, of string
		on      article.Date
		want    string
	}{
		{"foreign_minister", "ARM", d("2022-07-16"), "Ararat Mirzoyan"},
		{"foreign_minister", "ARM", d("2021-03-01"), "Ara Aivazian"},
		{"foreign_minister", "ARM", d("2022-07"), "Ararat Mirzoyan"},
		{"foreign_minister", "ARM", d("2021"), ""}, // Aivazian then Mirzoyan: no single holder all year
		{"foreign_minister", "ARM", d("2021-07-01"), ""},
		{"foreign_minister", "AZE", d("2023-05-19"), "Jeyhun Bayramov"},
		{"foreign_minister", "AZE", article.Date{}, ""},
	}
	for _, tt := range tests {
		hs := k.Holders(tt.key, tt.of, tt.on)
		var names []string
		for _, h := range hs {
			names = append(names, h.Name)
		}
		if got := strings.Join(names, ","); got != tt.want {
			t.Errorf("Holders(%s,%s,%v) = %q, want %q", tt.key, tt.of, tt.on, got, tt.want)
		}
	}
}

func TestCheck(t *testing.T) {
	src := `- {id: a, name: A One, type: person, country: ARM, roles: [{key: president, of: ARM, start: 2020-01-01}]}
- {id: b, name: B Two, type: person, country: ARM, aliases: {fr: [A One]}, roles: [{key: president, of: ARM, start: 2021-01-01}]}
- {id: c, name: Armenia, type: state, country: ARM}
`
	k, err := Load(fstest.MapFS{"k.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, p := range Check(k) {
		kinds[p.Kind]++
	}
	if kinds["ambiguous_alias"] != 1 || kinds["overlapping_roles"] != 1 {
		t.Errorf("problems = %v", kinds)
	}
}

func TestLoadFilesOverlay(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "user.yaml")
	if err := os.WriteFile(p, []byte("- {id: vigie:test-user-entity, name: Zork Zorkian, type: person}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := LoadFiles(p)
	if err != nil {
		t.Fatalf("LoadFiles: %v", err)
	}
	if k.Get("vigie:test-user-entity") == nil {
		t.Error("user entity missing")
	}
}

func TestMatcher(t *testing.T) {
	k := loadSmall(t)
	m := k.Matcher()
	text := "Le ministre Djeyhoun Bayramov a rencontré à Tbilissi M. Mirzoïan et l’Arménie ; la partie arménienne."
	var got []string
	for _, mt := range m.FindAll(text) {
		got = append(got, fmt.Sprintf("%s=%s", text[mt.Start:mt.End], mt.Hits[0].Entity.ID))
	}
	want := "Djeyhoun Bayramov=vigie:jeyhun-bayramov Tbilissi=Q994 Arménie=Q399 arménienne=Q399"
	if strings.Join(got, " ") != want {
		t.Errorf("FindAll = %v\nwant %v", got, want)
	}
	// Lower-case words never match capitalised aliases.
	if ms := m.FindAll("armenia tbilisi"); len(ms) != 0 {
		t.Errorf("lower-case matched: %v", ms)
	}
	// A key cache, cold then warm, changes no match.
	cache := KeyCache{}
	toks := Tokens(text + " Baïramov, Mirzoyan et Bairamov.")
	for pass := 0; pass < 2; pass++ {
		for i := range toks {
			n, hits := m.MatchAt(toks, i)
			cn, chits := m.MatchAtCached(toks, i, cache)
			if n != cn || len(hits) != len(chits) || len(hits) > 0 && hits[0] != chits[0] {
				t.Errorf("pass %d, token %d: MatchAtCached = %d %v, MatchAt = %d %v", pass, i, cn, chits, n, hits)
			}
		}
	}
	if len(cache) == 0 {
		t.Error("the key cache stayed empty")
	}
}

func TestImportDump(t *testing.T) {
	f, err := os.Open("testdata/dump.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []*Entity
	st, err := ImportDump(context.Background(), f, ImportOptions{Languages: []string{"en", "fr"}},
		func(e *Entity) error { got = append(got, e); return nil })
	if err != nil {
		t.Fatalf("ImportDump: %v", err)
	}
	if st.Malformed != 1 || len(st.Errors) != 1 || st.Errors[0].Line != 5 {
		t.Errorf("stats = %+v, want one malformed line 5", st)
	}
	byID := map[string]*Entity{}
	for _, e := range got {
		byID[e.ID] = e
	}
	p := byID["Q900002"]
	if p == nil {
		t.Fatalf("person not imported; got %d entities", len(got))
	}
	if p.Name != "Test Person (diplomat)" || p.Country != "ARM" || p.Type != article.TypePerson {
		t.Errorf("person = %+v", p)
	}
	if len(p.Aliases["de"]) != 0 || len(p.Aliases["fr"]) != 1 || len(p.Aliases["en"]) != 2 {
		t.Errorf("aliases = %v", p.Aliases)
	}
	if len(p.Roles) != 1 || p.Roles[0].Key != "foreign_minister" || p.Roles[0].Of != "ARM" ||
		p.Roles[0].Start != "2021-08-19" || p.Roles[0].End != "2023-05" {
		t.Errorf("roles = %+v", p.Roles)
	}
	if c := byID["Q994"]; c == nil || c.Coord == nil || c.Type != article.TypeCity {
		t.Errorf("city = %+v", c)
	}
	if s := byID["Q399"]; s == nil || s.Country != "ARM" {
		t.Errorf("state = %+v", s)
	}
	// Round trip through WriteYAML and the loader.
	var buf bytes.Buffer
	if err := WriteYAML(&buf, got); err != nil {
		t.Fatal(err)
	}
	back, err := Load(fstest.MapFS{"imp.yaml": {Data: buf.Bytes()}})
	if err != nil {
		t.Fatalf("reloading written YAML: %v\n%s", err, buf.String())
	}
	if back.Len() != len(got) {
		t.Errorf("reloaded %d entities, want %d", back.Len(), len(got))
	}
}

func TestImportFilterTypes(t *testing.T) {
	f, err := os.Open("testdata/dump.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	_, err = ImportDump(context.Background(), f, ImportOptions{Types: []article.EntityType{article.TypeCity}},
		func(e *Entity) error { n++; return nil })
	if err != nil || n != 1 {
		t.Errorf("n = %d, err = %v", n, err)
	}
}

func FuzzParse(f *testing.F) {
	b, _ := os.ReadFile("testdata/small.yaml")
	f.Add(b)
	f.Add([]byte("- {id: a, name: A, roles: [{key: x, of: y, start: 2020}]}"))
	f.Add([]byte(": : :\n- ["))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Load(fstest.MapFS{"f.yaml": {Data: data}})
	})
}

func FuzzImportDump(f *testing.F) {
	b, _ := os.ReadFile("testdata/dump.json")
	f.Add(b)
	f.Add([]byte("[\n{\"id\":\"Q1\",\"claims\":{\"P31\":[{\"mainsnak\":{\"snaktype\":\"value\"}}]}},\n]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = ImportDump(context.Background(), bytes.NewReader(data), ImportOptions{}, func(*Entity) error { return nil })
	})
}
