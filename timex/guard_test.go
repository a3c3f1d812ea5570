package timex

import (
	"os"
	"path/filepath"
	"testing"
)

// bestUnguarded is best without its guards: every pattern is tried.
func (p *matcher) bestUnguarded(i int) (match, bool) {
	var best match
	found := false
	for _, f := range []func(int) (match, bool){p.date, p.numeric, p.monthYear, p.yearExpr, p.decade,
		p.century, p.relWord, p.weekday, p.period, p.shift, p.duration, p.dayOnly} {
		if m, ok := f(i); ok && m.b > m.a && (!found || m.b > best.b) {
			best, found = m, true
		}
	}
	return best, found
}

// checkGuards fails when best, with its guards, answers otherwise than
// bestUnguarded at some token of text.
func checkGuards(t *testing.T, text, lang string) {
	t.Helper()
	p := &matcher{text: text, toks: tokenize(text), lang: lang}
	for i := range p.toks {
		got, gok := p.best(i)
		want, wok := p.bestUnguarded(i)
		if gok != wok || got != want {
			t.Fatalf("%s text %q, token %d %q: best = %+v %v, without guards %+v %v", lang, text, i, p.toks[i].w, got, gok, want, wok)
		}
	}
}

// TestBestGuards checks best's guards on sentences of every pattern and on
// the corpus texts, when present.
func TestBestGuards(t *testing.T) {
	for _, text := range []string{
		"Le 9 novembre 2020, dans la nuit du 26 au 27 septembre, lundi 5 septembre et le mardi suivant.",
		"Il y a deux ans, dans trois semaines, depuis plus de cinq mois, au début de l'année 2021.",
		"Fin 2020, à la mi-mars, en mai dernier, l'an dernier, l'été 2020, les années 1990, au XXe siècle.",
		"On the night of November 9, 2020, last Monday, in early 2021, the 1990s, the '90s, the 20th century.",
		"Two years ago, for 44 days, more than five months, the next day, yesterday morning, 10/11/2020.",
		"Le 13, les troupes ont avancé. Le lendemain, la veille, aujourd'hui, cette année-là, quatre-vingts jours.",
	} {
		checkGuards(t, text, "fr")
		checkGuards(t, text, "en")
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "*", "*.txt"))
	if len(files) == 0 {
		t.Log("corpus absent: ../../shared/corpus/*/*.txt not checked")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lang := "fr"
		if filepath.Base(filepath.Dir(f)) == "dev-en" {
			lang = "en"
		}
		checkGuards(t, string(b), lang)
	}
}

// FuzzBestGuards checks best's guards on arbitrary text.
func FuzzBestGuards(f *testing.F) {
	f.Add("Le 9 novembre 2020, il y a deux ans, en mai dernier, the 1990s, last Monday.", "fr")
	f.Add("On the night of November 9, in early 2021, more than five months ago, XXe siècle.", "en")
	f.Fuzz(func(t *testing.T, text, lang string) {
		checkGuards(t, text, lang)
	})
}

// TestInfoOf checks the quick word-shape test of infoOf against the map.
func TestInfoOf(t *testing.T) {
	words := []string{"", "a", "z", "le", "mai", "lundi", "ministre", "novembre", "nuit", "é", "2020", "x1", "annees"}
	for w := range wordInfos {
		words = append(words, w, w+"s", "x"+w)
	}
	for _, w := range words {
		if got, want := infoOf(w), wordInfos[w]; got != want {
			t.Errorf("infoOf(%q) = %+v, want %+v", w, got, want)
		}
	}
}
