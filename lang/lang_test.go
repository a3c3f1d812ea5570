package lang

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

type sample struct{ lang, text string }

func loadSamples(t testing.TB) []sample {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "samples.tsv"))
	if err != nil {
		t.Fatalf("opening samples: %v", err)
	}
	defer f.Close()
	var out []sample
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		code, txt, ok := strings.Cut(l, "\t")
		if !ok {
			t.Fatalf("bad sample line %q", l)
		}
		out = append(out, sample{code, txt})
	}
	return out
}

func mustNew(t testing.TB, langs []string) *Detector {
	t.Helper()
	d, err := New(langs)
	if err != nil {
		t.Fatalf("New(%v): %v", langs, err)
	}
	return d
}

func TestSamples(t *testing.T) {
	d := mustNew(t, nil)
	ss := loadSamples(t)
	per := map[string]int{}
	for _, s := range ss {
		per[s.lang]++
		got, conf := d.Detect(s.text)
		if got != s.lang {
			t.Errorf("Detect(%q) = %q (%.2f), want %q", s.text, got, conf, s.lang)
		}
		if conf <= 0 || conf > 1 {
			t.Errorf("Detect(%q) confidence %.3f out of (0,1]", s.text, conf)
		}
	}
	for _, l := range DefaultLanguages {
		if per[l] < 5 {
			t.Errorf("only %d samples for %s", per[l], l)
		}
	}
}

func TestDetectTable(t *testing.T) {
	d := mustNew(t, nil)
	tests := []struct {
		name, text, want string
	}{
		{"empty", "", ""},
		{"spaces", "   \n\t ", ""},
		{"digits only", "2020-11-09 12:30 1 000", ""},
		{"too short", "Oui.", ""},
		{"punctuation", "!!! ??? ... « » — ;", ""},
		{"armenian script", "Հայաստանի Հանրապետություն", "hy"},
		{"cyrillic", "Министерство иностранных дел", "ru"},
		{"azerbaijani schwa", "Prezident bəyanat verib.", "az"},
		{"french short", "Le président a parlé avec la presse.", "fr"},
		{"english short", "The president spoke to the press.", "en"},
		{"english with french names", "Ararat Mirzoyan and Jeyhun Bayramov met in Washington on Monday.", "en"},
		{"french with english names", "Antony Blinken a reçu les deux ministres à Washington lundi.", "fr"},
		{"german", "Die Außenminister haben sich in Berlin getroffen.", "de"},
		{"spanish", "Los ministros se reunieron en Madrid el lunes.", "es"},
		{"turkish", "Dışişleri bakanları pazartesi günü Ankara'da bir araya geldi.", "tr"},
		{"greek not configured", "Υπουργείο Εξωτερικών της Ελλάδας", ""},
		{"chinese not configured", "外交部发言人表示", ""},
		{"invalid utf8", "\xff\xfe\xfd Le président a parlé.", "fr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, conf := d.Detect(tt.text)
			if got != tt.want {
				t.Errorf("Detect(%q) = %q (%.2f), want %q", tt.text, got, conf, tt.want)
			}
			if got == "" && conf != 0 {
				t.Errorf("Detect(%q): unsure answer with confidence %.2f", tt.text, conf)
			}
		})
	}
}

func TestCyrillicAmbiguity(t *testing.T) {
	d := mustNew(t, []string{"ru", "uk", "fr"})
	tests := []struct{ text, want string }{
		{"Міністр закордонних справ України заявив, що переговори продовжаться.", "uk"},
		{"Министр иностранных дел России заявил, что переговоры продолжатся.", "ru"},
	}
	for _, tt := range tests {
		if got, conf := d.Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%q) = %q (%.2f), want %q", tt.text, got, conf, tt.want)
		}
	}
}

func TestNew(t *testing.T) {
	tests := []struct {
		langs   []string
		want    []string
		wantErr bool
	}{
		{nil, DefaultLanguages, false},
		{[]string{"FR", " en ", "fr"}, []string{"fr", "en"}, false},
		{[]string{"hy"}, []string{"hy"}, false},
		{[]string{"xx"}, nil, true},
		{[]string{"fr", ""}, nil, true},
	}
	for _, tt := range tests {
		d, err := New(tt.langs)
		if tt.wantErr {
			if !errors.Is(err, ErrUnknownLanguage) {
				t.Errorf("New(%q) error = %v, want ErrUnknownLanguage", tt.langs, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("New(%q): %v", tt.langs, err)
		}
		if got := d.Languages(); strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("New(%q).Languages() = %v, want %v", tt.langs, got, tt.want)
		}
	}
}

func TestRestrictedSet(t *testing.T) {
	// With only French and English configured, a Spanish sentence must come
	// out as one of them or unsure, never as an unconfigured language.
	d := mustNew(t, []string{"fr", "en"})
	got, _ := d.Detect("Los ministros se reunieron en Madrid el lunes.")
	if got != "fr" && got != "en" && got != "" {
		t.Errorf("Detect = %q, want fr, en or \"\"", got)
	}
	if got, _ := d.Detect("Հայաստանի Հանրապետություն"); got != "" {
		t.Errorf("Armenian with hy not configured = %q, want \"\"", got)
	}
}

// TestCorpus checks that every article of the shared corpus gets its gold
// language.
func TestCorpus(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus not available at %s: %v", root, err)
	}
	d := mustNew(t, nil)
	n := 0
	for _, dir := range []string{"seeds", "dev", "dev-en"} {
		gold, err := os.ReadFile(filepath.Join(root, dir, "gold.jsonl"))
		if err != nil {
			t.Logf("skipping %s: %v", dir, err)
			continue
		}
		for _, line := range strings.Split(string(gold), "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			var g struct {
				File string `json:"file"`
				Lang string `json:"lang"`
			}
			if err := json.Unmarshal([]byte(line), &g); err != nil {
				t.Fatalf("reading gold of %s: %v", dir, err)
			}
			b, err := os.ReadFile(filepath.Join(root, dir, g.File))
			if err != nil {
				t.Errorf("reading %s: %v", g.File, err)
				continue
			}
			n++
			if got, conf := d.Detect(string(b)); got != g.Lang {
				t.Errorf("%s/%s: Detect = %q (%.2f), want %q", dir, g.File, got, conf, g.Lang)
			}
		}
	}
	t.Logf("%d corpus documents checked", n)
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"", "Le président.", "The talks", "Հայաստան", "Москва", "və", "\xff", "ə ə ə ə ə ə ə ə ə"} {
		f.Add(s)
	}
	d := mustNew(f, nil)
	f.Fuzz(func(t *testing.T, s string) {
		code, conf := d.Detect(s)
		if conf < 0 || conf > 1 {
			t.Fatalf("confidence %v out of range", conf)
		}
		if code == "" && conf != 0 {
			t.Fatalf("unsure with confidence %v", conf)
		}
		if code != "" && !d.has(code) {
			t.Fatalf("code %q not configured", code)
		}
		if !utf8.ValidString(code) {
			t.Fatalf("invalid code %q", code)
		}
	})
}

// benchDoc builds a ~1 KB document from the samples of one language.
func benchDoc(b *testing.B, code string) string {
	var sb strings.Builder
	for sb.Len() < 1024 {
		for _, s := range loadSamples(b) {
			if s.lang == code {
				sb.WriteString(s.text)
				sb.WriteByte(' ')
			}
		}
	}
	return sb.String()
}

func BenchmarkDetect1KB(b *testing.B) {
	d := mustNew(b, nil)
	for _, code := range []string{"fr", "en", "az", "hy"} {
		doc := benchDoc(b, code)
		b.Run(code, func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			for b.Loop() {
				d.Detect(doc)
			}
		})
	}
}
