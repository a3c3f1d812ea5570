package timex

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vigie-news/vigie/article"
)

var frMonths = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre"}
var enMonths = []string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// TestTagGenerated runs generated cases: every month in every written form
// of both languages, and every weekday under past and future tenses.
func TestTagGenerated(t *testing.T) {
	var cases []tagCase
	for i := range 12 {
		m := i + 1
		d := 1 + (i*5)%28
		iso := fmt.Sprintf("2021-%02d-%02d", m, d)
		day := fmt.Sprint(d)
		frDay := day
		if d == 1 {
			frDay = "1er"
		}
		cases = append(cases,
			tagCase{"fr", "2023-05-25", fmt.Sprintf("Le %s %s 2021, les ministres se sont parlé.", frDay, frMonths[i]),
				fmt.Sprintf("Le %s %s 2021=%s", frDay, frMonths[i], iso)},
			tagCase{"fr", "2023-05-25", fmt.Sprintf("Les chefs ont signé un texte en %s 2021.", frMonths[i]),
				fmt.Sprintf("en %s 2021=2021-%02d", frMonths[i], m)},
			tagCase{"fr", "2023-05-25", fmt.Sprintf("Les troupes sont parties fin %s 2021.", frMonths[i]),
				fmt.Sprintf("fin %s 2021=2021-%02d end", frMonths[i], m)},
			tagCase{"en", "2023-05-25", fmt.Sprintf("The leaders signed a text on %s %d, 2021.", enMonths[i], d),
				fmt.Sprintf("on %s %d, 2021=%s", enMonths[i], d, iso)},
			tagCase{"en", "2023-05-25", fmt.Sprintf("The leaders signed a text on %d %s 2021.", d, enMonths[i]),
				fmt.Sprintf("on %d %s 2021=%s", d, enMonths[i], iso)},
			tagCase{"en", "2023-05-25", fmt.Sprintf("Troops left in late %s 2021.", enMonths[i]),
				fmt.Sprintf("in late %s 2021=2021-%02d end", enMonths[i], m)},
			tagCase{"fr", "2023-05-25", fmt.Sprintf("Publié le %02d/%02d/2021.", d, m), fmt.Sprintf("%02d/%02d/2021=%s", d, m, iso)},
			tagCase{"en", "2023-05-25", fmt.Sprintf("Updated 2021-%02d-%02d.", m, d), fmt.Sprintf("2021-%02d-%02d=%s", m, d, iso)},
		)
		// Without a year: past clause takes the year on or before ref (2022-06-15).
		y := 2022
		if m > 6 || m == 6 && d > 15 {
			y = 2021
		}
		cases = append(cases,
			tagCase{"fr", "2022-06-15", fmt.Sprintf("Le %s %s, les ministres se sont rencontrés.", frDay, frMonths[i]),
				fmt.Sprintf("Le %s %s=%d-%02d-%02d", frDay, frMonths[i], y, m, d)},
			tagCase{"en", "2022-06-15", fmt.Sprintf("On %s %d, the ministers met.", enMonths[i], d),
				fmt.Sprintf("On %s %d=%d-%02d-%02d", enMonths[i], d, y, m, d)},
		)
		// Future clause takes the year on or after ref.
		y = 2022
		if m < 6 || m == 6 && d < 15 {
			y = 2023
		}
		cases = append(cases,
			tagCase{"fr", "2022-06-15", fmt.Sprintf("Le %s %s, les ministres se rencontreront.", frDay, frMonths[i]),
				fmt.Sprintf("Le %s %s=%d-%02d-%02d", frDay, frMonths[i], y, m, d)},
			tagCase{"en", "2022-06-15", fmt.Sprintf("On %s %d, the ministers will meet.", enMonths[i], d),
				fmt.Sprintf("On %s %d=%d-%02d-%02d", enMonths[i], d, y, m, d)},
		)
	}
	frDays := []string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
	enDays := []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	// 2022-09-14 is a Wednesday (3).
	for wd := range 7 {
		back := (3 - wd + 7) % 7
		fwd := (wd - 3 + 7) % 7
		past := fmt.Sprintf("2022-09-%02d", 14-back)
		fut := fmt.Sprintf("2022-09-%02d", 14+fwd)
		cases = append(cases,
			tagCase{"fr", "2022-09-14", fmt.Sprintf("Les ministres ont discuté %s à Genève.", frDays[wd]), frDays[wd] + "=" + past},
			tagCase{"fr", "2022-09-14", fmt.Sprintf("Le président s'est entretenu %s avec lui.", frDays[wd]), frDays[wd] + "=" + past},
			tagCase{"fr", "2022-09-14", fmt.Sprintf("Les ministres se réuniront %s à Genève.", frDays[wd]), frDays[wd] + "=" + fut},
			tagCase{"fr", "2022-09-14", fmt.Sprintf("Le ministre doit se rendre %s à Moscou.", frDays[wd]), frDays[wd] + "=" + fut},
			tagCase{"en", "2022-09-14", fmt.Sprintf("The ministers met on %s in Geneva.", enDays[wd]), "on " + enDays[wd] + "=" + past},
			tagCase{"en", "2022-09-14", fmt.Sprintf("The minister said on %s that talks failed.", enDays[wd]), "on " + enDays[wd] + "=" + past},
			tagCase{"en", "2022-09-14", fmt.Sprintf("The ministers will meet on %s in Geneva.", enDays[wd]), "on " + enDays[wd] + "=" + fut},
			tagCase{"en", "2022-09-14", fmt.Sprintf("The ministers are due to meet on %s.", enDays[wd]), "on " + enDays[wd] + "=" + fut},
		)
	}
	// Durations with number words.
	for n, w := range map[int][2]string{2: {"deux", "two"}, 3: {"trois", "three"}, 5: {"cinq", "five"}, 10: {"dix", "ten"}, 12: {"douze", "twelve"}, 20: {"vingt", "twenty"}} {
		cases = append(cases,
			tagCase{"fr", "2023-05-25", fmt.Sprintf("Le blocus a duré %s mois.", w[0]), fmt.Sprintf("%s mois=P%dM", w[0], n)},
			tagCase{"fr", "2023-05-25", fmt.Sprintf("Le blocus a duré %s ans.", w[0]), fmt.Sprintf("%s ans=P%dY", w[0], n)},
			tagCase{"en", "2023-05-25", fmt.Sprintf("The blockade lasted %s weeks.", w[1]), fmt.Sprintf("%s weeks=P%dW", w[1], n)},
			tagCase{"en", "2023-05-25", fmt.Sprintf("The blockade lasted %s days.", w[1]), fmt.Sprintf("%s days=P%dD", w[1], n)},
		)
	}
	if len(cases) < 200 {
		t.Fatalf("only %d generated cases", len(cases))
	}
	runCases(t, cases)
}

func TestAnnotateAndClauseDate(t *testing.T) {
	text := "Le 9 novembre 2020, les dirigeants ont signé une déclaration. " +
		"Lundi, le ministre a rencontré son homologue ; la réunion suivante aura lieu le 20 mai."
	a := &article.Article{ID: "x", Lang: "fr", Text: text,
		Published: article.Date{Year: 2022, Month: 5, Day: 11, Precision: article.PrecDay}}
	s1 := strings.Index(text, "Lundi")
	a.Sentences = []article.Span{{Start: 0, End: s1 - 1}, {Start: s1, End: len(text)}}
	if err := Annotate(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Times) != 3 {
		t.Fatalf("got %d times: %+v", len(a.Times), a.Times)
	}
	tests := []struct {
		name     string
		sentence article.Span
		pos      int
		want     string
		ok       bool
	}{
		{"date before the verb", a.Sentences[0], strings.Index(text, "signé"), "2020-11-09", true},
		{"weekday before the verb", a.Sentences[1], strings.Index(text, "rencontré"), "2022-05-09", true},
		{"other clause after the semicolon", a.Sentences[1], strings.Index(text, "aura"), "2022-05-20", true},
		{"no date in the span", article.Span{Start: 3, End: 3}, 3, "", false},
	}
	for _, tc := range tests {
		te, ok := ClauseDate(a, tc.sentence, tc.pos)
		if ok != tc.ok || te.Value.String() != tc.want {
			t.Errorf("%s: got %q %v, want %q %v", tc.name, te.Value, ok, tc.want, tc.ok)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Annotate(ctx, a); err == nil {
		t.Error("Annotate with a cancelled context: want an error")
	}
}

// FuzzTag checks that Tag never panics and that its expressions lie
// inside the text, on rune boundaries, sorted and without overlaps.
func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"Le 9 novembre 2020, hier, lundi soir, il y a deux jours.",
		"On November 9, 2020 and 12/25/2020, the 1990s, 44-day, Sept. 19",
		"du 2 au 4 octobre, 1er/2 octobre, XXe siècle, mi-2021, l’an dernier",
		"Le 13, 13-18 septembre 2022 dans la nuit de dimanche à lundi",
		"2020-13-45 99/99/9999 +374 10 52 12 34 Su-25 1 000 000 000 000",
		"\xff\xfe le 1er \u00a0mai\u202f2020",
	} {
		f.Add(s, "fr", "2022-09-14")
		f.Add(s, "en", "2022-09")
	}
	f.Fuzz(func(t *testing.T, text, lang, ref string) {
		r, _ := article.ParseDate(ref)
		prev := 0
		for _, te := range Tag(text, lang, r) {
			sp := te.Span
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("bad span %+v after %d in %q", sp, prev, text)
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[sp.Start]) || sp.End < len(text) && !utf8.RuneStart(text[sp.End])) {
				t.Fatalf("span %+v splits a rune in %q", sp, text)
			}
			if te.Text != text[sp.Start:sp.End] {
				t.Fatalf("text %q does not match span %+v", te.Text, sp)
			}
			if te.Resolved && !te.Value.Known() {
				t.Fatalf("resolved without a value: %+v", te)
			}
			prev = sp.End
		}
	})
}

// newsSample is a synthetic news article (written for this benchmark).
const newsSample = `Le ministre des Affaires étrangères a rencontré lundi son homologue à Bruxelles, a annoncé le ministère dans un communiqué publié mardi. ` +
	`Les deux responsables ont discuté de la mise en œuvre de la déclaration signée le 9 novembre 2020 et des étapes suivantes du processus de paix. ` +
	`Selon le communiqué, les parties sont convenues de poursuivre les discussions dans les semaines à venir, sans donner plus de détails sur le calendrier. ` +
	`Plus de 1 000 soldats ont été déployés le long de la frontière depuis septembre, selon des sources officielles citées par la presse locale. ` +
	`The foreign ministers met on Friday in Washington for talks hosted by the Secretary of State, the third round since the 44-day war ended in 2020. ` +
	`Officials said the sides had made tangible progress on a draft agreement, though several issues remained unresolved after two days of negotiations. `

func BenchmarkTag(b *testing.B) {
	text := strings.Repeat(newsSample, 20)
	ref := article.Date{Year: 2023, Month: 5, Day: 5, Precision: article.PrecDay}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tag(text, "fr", ref)
	}
}
