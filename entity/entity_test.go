package entity

import (
	"context"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/kb"
)

func testKB(t testing.TB) *kb.KB {
	t.Helper()
	k, err := kb.Load(os.DirFS("testdata"), "kb.yaml")
	if err != nil {
		t.Fatalf("loading test KB: %v", err)
	}
	return k
}

func TestAnnotate(t *testing.T) {
	r := New(testKB(t), Options{})
	day := func(s string) article.Date { d, _ := article.ParseDate(s); return d }
	tests := []struct {
		name, lang, text string
		pub              article.Date
		want             []string // "surface|kind|name"
	}{
		{"kb names and surname", "fr", "Hier, Djeyhoun Baïramov a parlé. Ensuite Baïramov est parti.", article.Date{},
			[]string{"Djeyhoun Baïramov|name|Jeyhun Bayramov", "Baïramov|surname|Jeyhun Bayramov"}},
		{"transliteration", "fr", "Le chef de la diplomatie Ararat Mirzoïan est arrivé à Tbilissi.", article.Date{},
			[]string{"Ararat Mirzoïan|name|Ararat Mirzoyan", "Tbilissi|name|Tbilisi"}},
		{"fuzzy first name", "fr", "Une réunion avec Jeihum Bayramov a eu lieu.", article.Date{},
			[]string{"Jeihum Bayramov|name|Jeyhun Bayramov"}},
		{"role resolved by date", "fr", "Le ministre arménien des Affaires étrangères a appelé Bakou.", day("2022-07-16"),
			[]string{"ministre arménien des Affaires étrangères|role|Ararat Mirzoyan"}},
		{"role without date", "fr", "Le ministre arménien des Affaires étrangères a appelé Bakou.", article.Date{},
			[]string{"ministre arménien des Affaires étrangères|role|"}},
		{"english role", "en", "The Armenian foreign minister spoke on Monday.", day("2021-03-02"),
			[]string{"Armenian foreign minister|role|Ara Aivazian"}},
		{"demonym actor", "fr", "Les forces arméniennes ont riposté.", article.Date{},
			[]string{"arméniennes|demonym|Armenia"}},
		{"feminine plural demonym", "fr", "Les forces azéries ont riposté.", article.Date{},
			[]string{"azéries|demonym|Azerbaijan"}},
		{"feminine singular demonym", "fr", "La partie azérie a répondu.", article.Date{},
			[]string{"azérie|demonym|Azerbaijan"}},
		{"elision", "fr", "La position de l’Arménie et d’Azerbaïdjan.", article.Date{},
			[]string{"Arménie|name|Armenia", "Azerbaïdjan|name|Azerbaijan"}},
		{"unknown person by first name", "fr", "Selon Olivier Dumont, la route est fermée. Dumont a ajouté un mot.", article.Date{},
			[]string{"Olivier Dumont|unknown|Olivier Dumont", "Dumont|surname|Olivier Dumont"}},
		{"no sentence-initial person", "fr", "Rapide est la réponse. Personne ne sait.", article.Date{}, nil},
		{"initials", "fr", "Signé par N.V.Mirzoyan et V. Bayramov.", article.Date{},
			[]string{"N.V.Mirzoyan|surname|Ararat Mirzoyan", "V. Bayramov|surname|Jeyhun Bayramov"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &article.Article{Lang: tt.lang, Text: tt.text, Published: tt.pub}
			if err := r.Annotate(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range a.Mentions {
				if m.Type == article.TypeState && m.Kind == article.KindName && tt.name != "elision" {
					continue
				}
				if m.Type == article.TypeCity && tt.name != "transliteration" {
					continue
				}
				got = append(got, m.Text+"|"+string(m.Kind)+"|"+m.Name)
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("mentions\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func checkMentions(t *testing.T, a *article.Article) {
	seen := map[article.Span]bool{}
	prev := -1
	for _, m := range a.Mentions {
		if m.Start < 0 || m.End > len(a.Text) || m.Start >= m.End || a.Text[m.Start:m.End] != m.Text {
			t.Fatalf("bad mention %+v", m)
		}
		if m.Start < prev || seen[m.Span] {
			t.Fatalf("unsorted or duplicate mention %+v", m)
		}
		prev = m.Start
		seen[m.Span] = true
	}
}

func FuzzAnnotate(f *testing.F) {
	r := New(testKB(f), Options{})
	f.Add("Le ministre arménien des Affaires étrangères, Ara Aivazian, a vu M. Baïramov.", "fr")
	f.Add("N.V.Pashinyan I. H. Aliev \xff\xfe", "en")
	f.Add("", "xx")
	f.Add("Par Ana Roy, AP\nLes dirigeants du Nagorny-Karabakh et les séparatistes, Carla Ruiz et Arnau Pujol, pourparlers russo-arméno-azerbaïdjanais.", "fr")
	f.Add("Authorities in the breakaway region of Karabakh, the head of Armenian diplomacy, Armenian-Azerbaijani border-", "en")
	f.Fuzz(func(t *testing.T, text, lang string) {
		a := &article.Article{Text: text, Lang: lang, Published: article.Date{Year: 2022, Month: 7, Precision: article.PrecMonth}}
		if err := r.Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if utf8.ValidString(text) {
			checkMentions(t, a)
		}
	})
}

func benchArticle() *article.Article {
	s := "Le ministre arménien des Affaires étrangères Ararat Mirzoyan a rencontré à Tbilissi son homologue " +
		"azerbaïdjanais Djeyhoun Baïramov. Selon Olivier Dumont, les forces arméniennes ont riposté. Mirzoyan a parlé. "
	return &article.Article{Lang: "fr", Text: strings.Repeat(s, 100), Published: article.Date{Year: 2022, Month: 7, Precision: article.PrecMonth}}
}

func BenchmarkAnnotateDefaultKB(b *testing.B) {
	k, err := kb.Default()
	if err != nil {
		b.Fatal(err)
	}
	r := New(k, Options{})
	a := benchArticle()
	b.SetBytes(int64(len(a.Text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := r.Annotate(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
}
