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
		{"two distinct given names are two persons", "fr",
			"Le député Arsen Grigoryan a voté contre.",
			[]string{"Arsen Grigoryan|unknown|Arsen Grigoryan"}},
		{"a misspelt given name is the KB person", "fr",
			"Le secrétaire Armenn Grigoryan a parlé.",
			[]string{"Armenn Grigoryan|name|Armen Grigoryan"}},
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

// TestRolePhrases covers role descriptions that run into a KB alias of a
// body ("diplomatie russe") and English "head of X diplomacy".
func TestRolePhrases(t *testing.T) {
	r := New(testKB(t), Options{})
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"chef de la diplomatie + demonym", "fr", "Le chef de la diplomatie russe est arrivé lundi.",
			[]string{"chef de la diplomatie russe|role|Sergey Lavrov"}},
		{"feminine demonym", "fr", "Il a reçu le chef de la diplomatie arménienne hier.",
			[]string{"chef de la diplomatie arménienne|role|Ararat Mirzoyan"}},
		{"the ministry alone stays a body", "fr", "La diplomatie russe a publié un communiqué.",
			[]string{"diplomatie russe|name|Ministry of Foreign Affairs of Russia"}},
		{"head of X diplomacy", "en", "The head of Armenian diplomacy flew to Paris.",
			[]string{"head of Armenian diplomacy|role|Ararat Mirzoyan"}},
		{"chief diplomat", "en", "Azerbaijan's chief diplomat answered.",
			[]string{"Azerbaijan's chief diplomat|role|Jeyhun Bayramov"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := annotateTest(t, r, tt.lang, tt.text, "2022-07-16", article.TypePerson, article.TypeGovBody)
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("mentions\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestPolity covers the leadership of a polity named through its territory
// (kb.Entity.Territory) and its separatists.
func TestPolity(t *testing.T) {
	r := New(testKB(t), Options{})
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"leaders of the territory", "fr", "Les dirigeants du Nagorny-Karabakh ont protesté.",
			[]string{"dirigeants du Nagorny-Karabakh|name|Republic of Artsakh"}},
		{"with a demonym", "fr", "Les responsables arméniens du Haut-Karabakh ont refusé.",
			[]string{"responsables arméniens du Haut-Karabakh|name|Republic of Artsakh"}},
		{"separatist authorities of the article's territory", "fr",
			"Le Haut-Karabakh est isolé. Les autorités séparatistes ont appelé à l'aide.",
			[]string{"Haut-Karabakh|name|Nagorno-Karabakh", "autorités séparatistes|name|Republic of Artsakh"}},
		{"separatists as a noun", "fr",
			"Au Karabakh, les séparatistes arméniens ont déposé les armes.",
			[]string{"Karabakh|name|Nagorno-Karabakh", "séparatistes arméniens|name|Republic of Artsakh"}},
		{"no territory, no polity", "fr", "Les autorités séparatistes ont appelé à l'aide.", nil},
		{"demonym leaders stay the state", "fr", "Au Karabakh, les dirigeants arméniens ont parlé.",
			[]string{"Karabakh|name|Nagorno-Karabakh", "arméniens|demonym|Armenia"}},
		{"a city of the territory", "fr", "Les autorités de Stepanakert ont accepté.",
			[]string{"autorités de Stepanakert|name|Republic of Artsakh"}},
		{"a head noun between", "en", "Authorities in the breakaway region of Nagorno-Karabakh agreed.",
			[]string{"Authorities in the breakaway region of Nagorno-Karabakh|name|Republic of Artsakh"}},
		{"no head noun across a comma", "en", "Authorities in the region, Nagorno-Karabakh included, agreed.",
			[]string{"Nagorno-Karabakh|name|Nagorno-Karabakh"}},
		{"english noun adjunct", "en", "Karabakh leaders rejected the offer.",
			[]string{"Karabakh leaders|name|Republic of Artsakh"}},
		{"english of-phrase", "en", "The authorities of Nagorno-Karabakh and separatist leaders met.",
			[]string{"authorities of Nagorno-Karabakh|name|Republic of Artsakh", "separatist leaders|name|Republic of Artsakh"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := annotateTest(t, r, tt.lang, tt.text, "2022-07-16", article.TypeState, article.TypeRegion)
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("mentions\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestCompoundDemonyms covers one state mention per part of a compound
// demonym, with the offsets of the part.
func TestCompoundDemonyms(t *testing.T) {
	r := New(testKB(t), Options{})
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"french talks", "fr", "Les pourparlers arméno-azerbaïdjanais reprennent.",
			[]string{"arméno|compound|Armenia", "azerbaïdjanais|compound|Azerbaijan"}},
		{"french border feminine", "fr", "Un incident à la frontière arméno-azerbaïdjanaise.",
			[]string{"arméno|compound|Armenia", "azerbaïdjanaise|compound|Azerbaijan"}},
		{"three parts", "fr", "Un sommet russo-turco-arménien est prévu.",
			[]string{"russo|compound|Russia", "turco|compound|Turkey", "arménien|compound|Armenia"}},
		{"english", "en", "The Armenian-Azerbaijani border is quiet.",
			[]string{"Armenian|compound|Armenia", "Azerbaijani|compound|Azerbaijan"}},
		{"same state twice is no compound", "fr", "Un dialogue arméno-arménien.", nil},
		{"unknown first part", "fr", "Un style néo-arménien.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &article.Article{Lang: tt.lang, Text: tt.text}
			if err := r.Annotate(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range a.Mentions {
				if m.Type == article.TypeState {
					got = append(got, mention(m))
					if m.Kind == article.KindCompound && tt.text[m.Start:m.End] != m.Text {
						t.Errorf("bad offsets %+v", m)
					}
				}
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("mentions\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
