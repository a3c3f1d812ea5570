package translit

import (
	"strings"
	"testing"
	"unicode"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Baïramov", "bairamov"},
		{"Azerbaïdjan", "azerbaidjan"},
		{"l’Arménie", "l'armenie"},
		{"Œuvre", "oeuvre"},
		{"ÉTATS-UNIS", "etats-unis"},
		{"Çavuşoğlu", "cavusoglu"},
		{"Əliyev", "eliyev"},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKeySameName(t *testing.T) {
	groups := [][]string{
		{"Bayramov", "Baïramov", "Bairamov"},
		{"Pashinyan", "Pachinian", "Pashinian"},
		{"Aliyev", "Aliev"},
		{"Djeyhoun", "Jeyhun"},
		{"Poutine", "Putin"},
		{"Sergueï", "Sergey", "Sergei"},
		{"Aivazian", "Ayvazyan"},
		{"Mirzoyan", "Mirzoïan"},
		{"Erevan", "Yerevan"},
		{"Tbilissi", "Tbilisi"},
		{"Bakou", "Baku"},
		{"Zakharova", "Zaharova"},
		{"Lavrov", "LAVROV"},
	}
	for _, g := range groups {
		k := Key(g[0])
		for _, w := range g[1:] {
			if got := Key(w); got != k {
				t.Errorf("Key(%q) = %q, Key(%q) = %q; want equal", g[0], k, w, got)
			}
		}
	}
}

func TestKeyDistinct(t *testing.T) {
	pairs := [][2]string{{"Aliyev", "Lavrov"}, {"Armenie", "Azerbaidjan"}, {"Paris", "Pashinyan"}}
	for _, p := range pairs {
		if Key(p[0]) == Key(p[1]) {
			t.Errorf("Key(%q) == Key(%q)", p[0], p[1])
		}
	}
}

func TestFoldMap(t *testing.T) {
	s := "Œil à Bakou"
	f, m := FoldMap(s)
	if f != "oeil a bakou" {
		t.Fatalf("fold = %q", f)
	}
	if len(m) != len(f)+1 {
		t.Fatalf("map len %d, want %d", len(m), len(f)+1)
	}
	i := len("oeil a ")
	if s[m[i]:] != "Bakou" {
		t.Errorf("offset maps to %q", s[m[i]:])
	}
}

func FuzzKey(f *testing.F) {
	f.Add("Baïramov")
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, s string) {
		_ = Key(s)
		fs, m := FoldMap(s)
		if len(m) != len(fs)+1 {
			t.Fatalf("map length")
		}
	})
}

func TestFoldRuneCache(t *testing.T) {
	for r := rune(-3); r < foldBlocks*foldBlockSize+300; r++ {
		if got, want := FoldRune(r), foldRune(r); got != want {
			t.Fatalf("FoldRune(%U) = %q, want %q", r, got, want)
		}
	}
}

func BenchmarkFold(b *testing.B) {
	s := strings.Repeat("Le ministre arménien des Affaires étrangères, Ararat Mirzoyan, s’est entretenu à Genève avec Djeyhoun Baïramov. ", 20)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Fold(s)
	}
}

// referenceKey is Key as first written (string operations throughout),
// kept to check the buffer-based version against it.
func referenceKey(word string) string {
	f := Fold(word)
	var b strings.Builder
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	s := b.String()
	if s == "" {
		return ""
	}
	if strings.HasPrefix(s, "ye") || strings.HasPrefix(s, "ie") {
		s = s[1:]
	}
	for _, r := range keyRules {
		if strings.Contains(s, r.from) {
			s = strings.ReplaceAll(s, r.from, r.to)
		}
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] {
			continue
		}
		out = append(out, s[i])
	}
	if n := len(out); n > 3 && out[n-1] == 'e' {
		out = out[:n-1]
	}
	return string(out)
}

func TestKeyMatchesReference(t *testing.T) {
	for _, w := range []string{"", "Djeyhoun", "Yeghishe", "Ieremia", "Tchkheidze", "Xxxx", "Schwarzschild", "Quq", "Œdipe", "ǅemal", "Ṡṡ", "İlham", "K-9", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "\xff\xfe", "Աշոտ", "Сергей"} {
		if got, want := Key(w), referenceKey(w); got != want {
			t.Errorf("Key(%q) = %q, reference %q", w, got, want)
		}
	}
}

func FuzzKeyMatchesReference(f *testing.F) {
	for _, w := range []string{"Djeyhoun", "Yeghishe", "Tchkheidze", "Œdipe"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := Key(w), referenceKey(w); got != want {
			t.Fatalf("Key(%q) = %q, reference %q", w, got, want)
		}
	})
}

func BenchmarkKey(b *testing.B) {
	words := strings.Fields("Djeyhoun Baïramov Nikol Pachinian Sergueï Lavrov Ilham Aliev Ararat Mirzoyan Tchkheidze")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			Key(w)
		}
	}
}
