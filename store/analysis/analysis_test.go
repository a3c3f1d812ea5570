package analysis

import (
	"strings"
	"testing"
)

func TestAnalyze(t *testing.T) {
	tests := []struct {
		text, lang string
		stems      []string
		keys       []string
	}{
		// Elisions with both apostrophes go; stop words go; stems are folded.
		{"L'armée d’Azerbaïdjan a négocié", "fr", []string{"arme", "azerbaidjan", "negoci"}, nil},
		{"the talks were held", "en", []string{"talk", "held"}, nil},
		{"Pachinian et Aliev", "fr", nil, []string{"pashinian", "aliev"}},
		{"Pashinyan and Aliyev", "en", nil, []string{"pashinian", "aliev"}},
		{"Poutine", "fr", nil, []string{"putin"}},
		{"Baïramov Bairamov Bayramov", "", nil, []string{"bairamov", "bairamov", "bairamov"}},
		{"9 novembre 2020", "fr", []string{"9", "novembr", "2020"}, nil},
		{"", "fr", nil, nil},
		{"' ’ - «»", "fr", nil, nil},
	}
	for _, tc := range tests {
		toks := Analyze(tc.text, tc.lang)
		var stems, keys []string
		for _, tk := range toks {
			stems = append(stems, tk.Stem)
			keys = append(keys, tk.Key)
			if tk.Start < 0 || tk.End > len(tc.text) || tk.Start >= tk.End {
				t.Errorf("Analyze(%q): bad offsets %d-%d", tc.text, tk.Start, tk.End)
			}
		}
		if tc.stems != nil && strings.Join(stems, " ") != strings.Join(tc.stems, " ") {
			t.Errorf("Analyze(%q) stems = %v, want %v", tc.text, stems, tc.stems)
		}
		if tc.keys != nil && strings.Join(keys, " ") != strings.Join(tc.keys, " ") {
			t.Errorf("Analyze(%q) keys = %v, want %v", tc.text, keys, tc.keys)
		}
		if len(tc.text) > 0 && tc.stems == nil && tc.keys == nil && len(toks) != 0 {
			t.Errorf("Analyze(%q) = %v, want no tokens", tc.text, toks)
		}
	}
}

func TestUnknownLanguageStemsBothWays(t *testing.T) {
	toks := Analyze("negotiations", "")
	if len(toks) != 1 || toks[0].Alt == "" {
		t.Fatalf("Analyze(unknown) = %+v, want an English alternative stem", toks)
	}
	stems, alts, _ := Columns(toks)
	if stems == "" || alts == "" {
		t.Errorf("Columns = %q %q", stems, alts)
	}
	if _, alts, _ := Columns(Analyze("negotiations", "en")); alts != "" {
		t.Errorf("Columns(en) alts = %q, want empty", alts)
	}
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		want string // clauses rendered as words joined by +, negated with -
	}{
		{"négociations Aliev", "négociations|Aliev"},
		{`"Nikol Pashinyan" -Sotchi`, "Nikol+Pashinyan|-Sotchi"},
		{`«premier ministre»`, "premier+ministre"},
		{"Haut-Karabakh", "Haut+Karabakh"},
		{"l'armée", "armée"},
		{"le la les", ""},
		{`"unclosed phrase`, "unclosed+phrase"},
		{`-"deux mots"`, "-deux+mots"},
		{"NEAR(a b) stems:x", "NEAR|stems"}, // single letters are dropped
		{"", ""},
	}
	for _, tc := range tests {
		q := ParseQuery(tc.in)
		var parts []string
		for _, c := range q.Clauses {
			var ws []string
			for _, w := range c.Words {
				ws = append(ws, w.Surface)
			}
			p := strings.Join(ws, "+")
			if c.Not {
				p = "-" + p
			}
			parts = append(parts, p)
		}
		if got := strings.Join(parts, "|"); got != tc.want {
			t.Errorf("ParseQuery(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFTS5(t *testing.T) {
	got := ParseQuery(`Aliev -"Nikol Pashinyan"`).FTS5()
	want := `(({stems alts} : "aliev" OR keys : "aliev")) NOT ({stems alts} : "nikol pashinyan" OR keys : "nikol pashinian")`
	if got != want {
		t.Errorf("FTS5 =\n%s\nwant\n%s", got, want)
	}
	if got := ParseQuery("-Aliev").FTS5(); got != "" {
		t.Errorf("negative-only query FTS5 = %q, want empty", got)
	}
}

func TestSnippet(t *testing.T) {
	text := "Le ministre a reçu Djeyhoun Baïramov.\nPuis les négociations ont repris à Genève avec M. Mirzoïan."
	toks := Analyze(text, "fr")
	h := Highlight{Open: "[", Close: "]"}
	tests := []struct {
		q, want string
		width   int
	}{
		{"Bayramov", "Le ministre a reçu Djeyhoun [Baïramov]. Puis les négociations ont repris à Genève avec M. Mirzoïan.", 30},
		{`"Jeyhun Bayramov"`, "Le ministre a reçu [Djeyhoun Baïramov]. Puis les négociations ont repris à Genève avec M. Mirzoïan.", 30},
		{"négociation Mirzoyan", "…négociations] ont repris à Genève avec M. [Mirzoïan].", 0},
		{"absent", "Le ministre a reçu Djeyhoun Baïramov. Puis les négociations ont repris à Genève avec M. Mirzoïan.", 30},
	}
	for _, tc := range tests {
		got := Snippet(text, toks, ParseQuery(tc.q), tc.width, h)
		if tc.width == 0 {
			got = Snippet(text, toks, ParseQuery(tc.q), 5, h)
			tc.want = "…Puis les [négociations] ont repris à Genève avec M. [Mirzoïan]."
		}
		if got != tc.want {
			t.Errorf("Snippet(%q) =\n%q\nwant\n%q", tc.q, got, tc.want)
		}
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"", `"a b" -c`, "«x»", "-", `"`, "l'armée d’Azerbaïdjan", "NEAR(a b, 3)", "\xff", "a:b*^"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s)
		e := q.FTS5()
		if q.Empty() != (e == "") {
			t.Fatalf("Empty()=%v but FTS5()=%q", q.Empty(), e)
		}
		// Every literal is a quoted run of letters, digits and spaces.
		inQuote := false
		for _, r := range e {
			if r == '"' {
				inQuote = !inQuote
				continue
			}
			if inQuote && !(r == ' ' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 127) {
				t.Fatalf("FTS5(%q) = %q: unexpected %q inside a literal", s, e, r)
			}
		}
		if inQuote {
			t.Fatalf("FTS5(%q) = %q: unbalanced quotes", s, e)
		}
		flat := q.FTS5Flat()
		if q.Empty() != (flat == "") || strings.Count(flat, `"`)%2 != 0 {
			t.Fatalf("FTS5Flat(%q) = %q (empty query %v)", s, flat, q.Empty())
		}
		for _, r := range flat {
			if r == '_' || r == '"' || r == ' ' || r == '(' || r == ')' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 {
				continue
			}
			t.Fatalf("FTS5Flat(%q) = %q: unexpected %q", s, flat, r)
		}
		text := s + " " + s
		toks := Analyze(text, "fr")
		_ = Snippet(text, toks, q, 8, Highlight{Open: "[", Close: "]"})
	})
}

func BenchmarkAnalyze(b *testing.B) {
	text := strings.Repeat("Le ministre des Affaires étrangères Ararat Mirzoïan a rencontré son homologue Djeyhoun Baïramov à Tbilissi, où l'on a évoqué la délimitation de la frontière. ", 20)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		Analyze(text, "fr")
	}
}

func TestFTS5Flat(t *testing.T) {
	tests := []struct{ q, want string }{
		{"Aliev", `("aliev" OR "_aliev")`},
		{`Aliev -"Nikol Pashinyan"`, `(("aliev" OR "_aliev")) NOT ("nikol pashinyan" OR "_nikol _pashinian")`},
		{"-Aliev", ""},
	}
	for _, tc := range tests {
		if got := ParseQuery(tc.q).FTS5Flat(); got != tc.want {
			t.Errorf("FTS5Flat(%q) = %s, want %s", tc.q, got, tc.want)
		}
	}
	_, _, keys := FlatColumns(Analyze("Nikol Pachinian", "fr"))
	if keys != "_nikol _pashinian" {
		t.Errorf("FlatColumns keys = %q", keys)
	}
}
