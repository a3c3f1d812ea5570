package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/clean"
)

// A realistic French article written for this test (facts public, text ours).
const frArticle = ` date 2022-07-16
Rencontre des chefs de la diplomatie à Tbilissi

Le ministre arménien des Affaires étrangères, Ararat Mirzoyan, et son homologue azerbaïdjanais, Djeyhoun Bayramov, se sont rencontrés samedi à Tbilissi, à l’invitation du Premier ministre géorgien Irakli Garibashvili.

Les deux ministres ont discuté de la préparation d’un traité de paix et des travaux des commissions chargées de la délimitation de la frontière, a indiqué le ministère arménien des Affaires étrangères dans un communiqué.

Le 9 novembre 2020, Vladimir Poutine, Ilham Aliev et Nikol Pachinian avaient signé une déclaration mettant fin aux hostilités au Haut-Karabakh.

M. Mirzoyan a appelé l’Azerbaïdjan à retirer ses troupes du territoire arménien. Bakou accuse Erevan de retarder les négociations.
`

const enArticle = ` date 2023-05-19
Lavrov hosts Armenian and Azerbaijani ministers

Russian Foreign Minister Sergey Lavrov hosted his Armenian and Azerbaijani counterparts, Ararat Mirzoyan and Jeyhun Bayramov, in Moscow on Friday for talks on the peace treaty.

Lavrov said the sides had discussed the unblocking of transport links. Armenia accused Azerbaijan of blocking the Lachin corridor since December.
`

func newArticle(raw string) *article.Article {
	a := &article.Article{Text: raw, Raw: []byte(raw), Format: "text", Path: "t.txt"}
	clean.Clean(a)
	return a
}

func TestDefaultPipeline(t *testing.T) {
	p, err := Default(Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := newArticle(frArticle)
	if err := p.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if a.Lang != "fr" || len(a.Sentences) < 5 || len(a.Times) == 0 || len(a.Mentions) == 0 {
		t.Fatalf("lang %q, %d sentences, %d times, %d mentions", a.Lang, len(a.Sentences), len(a.Times), len(a.Mentions))
	}
	var names []string
	for _, m := range a.Mentions {
		if m.Type == article.TypePerson {
			names = append(names, m.Name)
		}
	}
	joined := strings.Join(names, "|")
	for _, want := range []string{"Ararat Mirzoyan", "Jeyhun Bayramov", "Irakli Garibashvili", "Vladimir Putin", "Ilham Aliyev", "Nikol Pashinyan"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no mention linked to %s (got %s)", want, joined)
		}
	}
	found := false
	for _, e := range a.Events {
		if e.Type == "CONSULT" && e.Date.String() == "2022-07-16" {
			found = true
		}
		for _, ev := range e.Evidence {
			if a.Text[ev.Start:ev.End] != ev.Text {
				t.Errorf("evidence offsets do not match its text: %q", ev.Text)
			}
		}
	}
	if !found {
		t.Errorf("no CONSULT event on 2022-07-16: %+v", a.Events)
	}
}

func TestProcessStopsOnCancel(t *testing.T) {
	p := New(StageFunc{"x", func(ctx context.Context, a *article.Article) error { return nil }})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := p.Process(ctx, &article.Article{}); err == nil {
		t.Error("want an error on a cancelled context")
	}
}

func BenchmarkPipeline(b *testing.B) {
	p, err := Default(Options{})
	if err != nil {
		b.Fatal(err)
	}
	raws := []string{frArticle, enArticle}
	b.SetBytes(int64(len(frArticle)+len(enArticle)) / 2)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		a := newArticle(raws[i%2])
		if err := p.Process(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzDefault runs the whole analysis (language, sentences, dates,
// entities with the shipped KB, events) on arbitrary text: it must never
// panic, and every annotation must stay inside the text.
func FuzzDefault(f *testing.F) {
	for _, s := range []string{
		"Le ministre arménien des Affaires étrangères Ararat Mirzoyan et son homologue azerbaïdjanais Jeyhun Bayramov se sont rencontrés à Tbilissi le 16 juillet.",
		"Selon Bakou, l'armée arménienne a tiré sur des positions azerbaïdjanaises (il a été reçu par Vladimir Poutine) et les deux pays ont convenu.",
		"Sergueï Lavrov a qualifié de « provocantes » les déclarations d'Ararat Mirzoyan; l'offensive contre le Haut-Karabakh a été condamnée.",
		"\"We agreed,\" Mirzoyan said. Azerbaijani troops shelled positions in Armenia and Baku and Yerevan signed a statement by the leaders of both sides.",
		"Les réunions ont eu lieu le 10 mai. Nous avons réaffirmé notre engagement de la Déclaration du 9 novembre 2020 ( ) « » ,, et et",
	} {
		f.Add(s)
	}
	p, err := Default(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := &article.Article{ID: "f", Text: text, Published: article.Date{Year: 2023, Month: 5, Day: 20, Precision: article.PrecDay}}
		if err := p.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for _, m := range a.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start > m.End {
				t.Fatalf("mention out of the text: %+v", m)
			}
		}
		for _, ev := range a.Events {
			for _, e := range ev.Evidence {
				if e.Start < 0 || e.End > len(text) || e.Start > e.End || text[e.Start:e.End] != e.Text {
					t.Fatalf("evidence out of the text: %+v", e)
				}
			}
		}
	})
}
