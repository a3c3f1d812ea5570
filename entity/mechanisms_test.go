package entity

import (
	"context"
	"strings"
	"testing"

	"github.com/vigie-news/vigie/article"
)

// mention renders a mention as "surface|kind|name" for table tests.
func mention(m article.Mention) string { return m.Text + "|" + string(m.Kind) + "|" + m.Name }

// annotateTest annotates text and returns the mentions of the given types
// (all when types is empty) rendered by mention.
func annotateTest(t *testing.T, r *Recognizer, lang, text, date string, types ...article.EntityType) []string {
	t.Helper()
	a := &article.Article{Lang: lang, Text: text}
	a.Published, _ = article.ParseDate(date)
	if err := r.Annotate(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	checkMentions(t, a)
	var got []string
	for _, m := range a.Mentions {
		keep := len(types) == 0
		for _, ty := range types {
			keep = keep || m.Type == ty
		}
		if keep {
			got = append(got, mention(m))
		}
	}
	return got
}

// TestPersonLinking covers the rules that keep a name from linking to the
// wrong KB person and that find persons without a KB entry.
func TestPersonLinking(t *testing.T) {
	r := New(testKB(t), Options{})
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"first name and unknown surname is a new person", "fr",
			"Le club a engagé Francis Gillot. Il remplace Francis Gillot depuis mai. Francis reste discret.",
			[]string{"Francis Gillot|unknown|Francis Gillot", "Francis Gillot|unknown|Francis Gillot", "Francis|surname|Francis Gillot"}},
		{"known surname with another first name", "fr",
			"Le texte a été rédigé par une équipe. (Nvard Hovhannisyan et Anna Petrosyan, depuis la capitale). Hovhannisyan a signé.",
			[]string{"Nvard Hovhannisyan|unknown|Nvard Hovhannisyan", "Anna Petrosyan|unknown|Anna Petrosyan", "Hovhannisyan|surname|Nvard Hovhannisyan"}},
		{"known surname with a transliterated first name", "fr",
			"Une rencontre avec Jeyhoun Bayramov a été annoncée.",
			[]string{"Jeyhoun Bayramov|name|Jeyhun Bayramov"}},
		{"known surname with an initial", "fr",
			"La note porte la signature de J. Bayramov.",
			[]string{"J. Bayramov|surname|Jeyhun Bayramov"}},
		{"bare KB surname still links", "fr",
			"Selon Hovhannisyan, le vote aura lieu.",
			[]string{"Hovhannisyan|surname|Paruyr Hovhannisyan"}},
		{"role does not take a person of another country", "en",
			"The President of Azerbaijan Aliyev, Prime Minister of Armenia Pashinyan and others signed.",
			[]string{"President of Azerbaijan|role|Ilham Aliyev", "Aliyev|surname|Ilham Aliyev",
				"Prime Minister of Armenia|role|Nikol Pashinyan", "Pashinyan|surname|Nikol Pashinyan"}},
		{"names in an enumeration", "fr",
			"Parmi les invités : Orvan Teller, Billy Marsh, Kasimir Lotte ou encore Gus Van Dorn.",
			[]string{"Orvan Teller|unknown|Orvan Teller", "Billy Marsh|unknown|Billy Marsh", "Kasimir Lotte|unknown|Kasimir Lotte", "Gus Van Dorn|unknown|Gus Van Dorn"}},
		{"coordination with a person", "en",
			"The prize went to Carla Ruiz and Arnau Pujolar for their script.",
			[]string{"Carla Ruiz|unknown|Carla Ruiz", "Arnau Pujolar|unknown|Arnau Pujolar"}},
		{"no list without a person", "en",
			"The team visited Saint Omer, Nord Pas and Kolo Gatu.", nil},
		{"byline", "fr",
			"Par Somira Aqel, agence\nLe sommet s'est ouvert mardi.",
			[]string{"Somira Aqel|unknown|Somira Aqel"}},
		{"first name alone after the full name", "en",
			"Britain's Andy Murray lost in the final. Fans still believe in Andy.",
			[]string{"Andy Murray|unknown|Andy Murray", "Andy|surname|Andy Murray"}},
		{"person a place is named after", "fr",
			"La réunion s'est tenue au Centre national des études diplomatiques George Shultz.",
			nil},
		{"street named after a person", "fr",
			"Un rassemblement a eu lieu rue Victor Hugo hier.",
			nil},
		{"person after a verb is no eponym", "fr",
			"Le Centre a invité George Shultz hier.",
			[]string{"George Shultz|unknown|George Shultz"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := annotateTest(t, r, tt.lang, tt.text, "2022-05-03", article.TypePerson)
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("persons\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
