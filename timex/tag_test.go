package timex

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vigie-news/vigie/article"
)

// format renders a TimeExpr compactly for table tests: "span=value", where
// value is the Date string ("2020-11-09", "2020-11", "2020"), "1990s" for a
// decade, "c1900" for a century, "?" when unresolved, or the ISO duration;
// "..end" follows for ranges and " mod" for a modifier.
func format(te article.TimeExpr) string {
	var v string
	switch {
	case te.Kind == article.TimeDuration:
		v = te.Duration
	case !te.Resolved:
		v = "?"
	case te.Value.Precision == article.PrecDecade:
		v = fmt.Sprintf("%ds", te.Value.Year)
	case te.Value.Precision == PrecCentury:
		v = fmt.Sprintf("c%d", te.Value.Year)
	default:
		v = te.Value.String()
	}
	if te.Until.Known() {
		v += ".." + te.Until.String()
	}
	if te.Mod != "" {
		v += " " + te.Mod
	}
	return te.Text + "=" + v
}

type tagCase struct {
	lang, ref, text string
	want            string // expressions joined by " | "; "" for none
}

func runCases(t *testing.T, cases []tagCase) {
	t.Helper()
	for _, c := range cases {
		ref, _ := article.ParseDate(c.ref)
		var got []string
		for _, te := range Tag(c.text, c.lang, ref) {
			got = append(got, format(te))
		}
		if g := strings.Join(got, " | "); g != c.want {
			t.Errorf("%s ref %q: %q\n got: %s\nwant: %s", c.lang, c.ref, c.text, g, c.want)
		}
	}
}

func TestTagFrenchAbsolute(t *testing.T) {
	runCases(t, []tagCase{
		{"fr", "2023-05-25", "La déclaration a été signée le 9 novembre 2020 à Moscou.", "le 9 novembre 2020=2020-11-09"},
		{"fr", "", "La déclaration a été signée le 9 novembre 2020 à Moscou.", "le 9 novembre 2020=2020-11-09"},
		{"fr", "2023-05-25", "Le 1er mars 2008, des manifestants ont été tués à Erevan.", "Le 1er mars 2008=2008-03-01"},
		{"fr", "2023-05-25", "Le 1er mai 2023, les pourparlers ont commencé.", "Le 1er mai 2023=2023-05-01"},
		{"fr", "2023-05-25", "Il est arrivé le premier juin 2021.", "le premier juin 2021=2021-06-01"},
		{"fr", "2023-05-25", "Dimanche 25 septembre 2022, le président a parlé.", "Dimanche 25 septembre 2022=2022-09-25"},
		{"fr", "2023-05-25", "Le texte du 12 décembre 2022 reste en vigueur.", "12 décembre 2022=2022-12-12"},
		{"fr", "2023-05-25", "Publié le 09/11/2020 par la rédaction.", "09/11/2020=2020-11-09"},
		{"fr", "2023-05-25", "Mise à jour : 2020-11-09.", "2020-11-09=2020-11-09"},
		{"fr", "2023-05-25", "Le rapport du 3.10.2021 a été publié.", "3.10.2021=2021-10-03"},
		{"fr", "2023-05-25", "En juillet 2022, les ministres se sont vus.", "En juillet 2022=2022-07"},
		{"fr", "2023-05-25", "Les combats ont repris fin septembre 2020.", "fin septembre 2020=2020-09 end"},
		{"fr", "2023-05-25", "Les troupes sont arrivées début mai 2021.", "début mai 2021=2021-05 start"},
		{"fr", "2023-05-25", "La mission s'achèvera mi-2024.", "mi-2024=2024 mid"},
		{"fr", "2023-05-25", "Les négociations ont échoué en 1994.", "en 1994=1994"},
		{"fr", "2023-05-25", "Le cessez-le-feu est respecté depuis 1994.", "1994=1994"},
		{"fr", "2023-05-25", "Ce conflit date des années 1990.", "années 1990=1990s"},
		{"fr", "2023-05-25", "Ce conflit remonte aux années 90.", "années 90=1990s"},
		{"fr", "2023-05-25", "Les frontières ont été tracées au début des années 1920.", "au début des années 1920=1920s start"},
		{"fr", "2023-05-25", "Ce tracé hérité du XXe siècle pose problème.", "XXe siècle=c1900"},
		{"fr", "2023-05-25", "Au XIXe siècle, la région était russe.", "XIXe siècle=c1800"},
		{"fr", "2023-05-25", "Les accords du XXIème siècle sont fragiles.", "XXIème siècle=c2000"},
		{"fr", "2023-05-25", "Au 20e siècle, tout a changé.", "20e siècle=c1900"},
		{"fr", "2023-05-25", "Les combats du 2 au 4 octobre 2020 ont fait des victimes.", "du 2 au 4 octobre 2020=2020-10-02..2020-10-04"},
		{"fr", "2023-05-25", "Du 30 septembre au 2 octobre 2020, les frappes ont continué.", "Du 30 septembre au 2 octobre 2020=2020-09-30..2020-10-02"},
		{"fr", "2023-05-25", "Les affrontements du 13-14 septembre 2022 ont été meurtriers.", "13-14 septembre 2022=2022-09-13..2022-09-14"},
		{"fr", "2023-05-25", "Dans la nuit du 9 au 10 novembre 2020, l'accord a été signé.", "Dans la nuit du 9 au 10 novembre 2020=2020-11-09..2020-11-10 night"},
		{"fr", "2023-05-25", "Dans la nuit du 10 novembre 2020, le texte a été publié.", "Dans la nuit du 10 novembre 2020=2020-11-10 night"},
		{"fr", "2023-05-25", "Les élections de 2021 ont confirmé le Premier ministre.", "2021=2021"},
		{"fr", "2023-05-25", "La guerre de 2020 a duré 44 jours.", "2020=2020 | 44 jours=P44D"},
		{"fr", "2023-05-25", "Entre 1988 et 1994, le conflit a fait rage.", "1988=1988 | 1994=1994"},
		{"fr", "2023-05-25", "De 1991 à 1994, la guerre a fait des milliers de morts.", "1991 à 1994=1991..1994"},
		{"fr", "2023-05-25", "Pendant l'été 2020, la tension a monté.", "été 2020=2020"},
		{"fr", "2023-05-25", "Il est né le 15 janv. 1975 à Bakou.", "le 15 janv. 1975=1975-01-15"},
		{"fr", "2023-05-25", "Jusqu'en 2018, il dirigeait le pays.", "en 2018=2018"},
		{"fr", "2023-05-25", "Avant 2020, la situation était stable.", "2020=2020"},
		{"fr", "2023-05-25", "À la fin de 2022, les échanges ont repris.", "À la fin de 2022=2022 end"},
		{"fr", "2023-05-25", "Le sommet s'est tenu en l'an 2000.", "l'an 2000=2000"},
	})
}

func TestTagFrenchNotDates(t *testing.T) {
	runCases(t, []tagCase{
		{"fr", "2023-05-25", "La résolution 2334 du Conseil de sécurité a été adoptée.", ""},
		{"fr", "2023-05-25", "L'article 9 de la déclaration prévoit un corridor.", ""},
		{"fr", "2023-05-25", "Près de 1 000 soldats ont été déployés.", ""},
		{"fr", "2023-05-25", "Un Su-25 a été abattu.", ""},
		{"fr", "2023-05-25", "Appelez le +374 10 52 12 34 pour plus d'informations.", ""},
		{"fr", "2023-05-25", "Le bilan s'élève à 2 300 morts.", ""},
		{"fr", "2023-05-25", "Il a obtenu 53,9 % des voix.", ""},
		{"fr", "2023-05-25", "Le vol A320 a atterri.", ""},
		{"fr", "2023-05-25", "Plus de 2000 soldats ont été tués.", ""},
		{"fr", "2023-05-25", "La route M2 relie les deux villes.", ""},
		{"fr", "2023-05-25", "Le point 7 du texte reste contesté.", ""},
		{"fr", "2023-05-25", "Sept soldats ont été blessés.", ""},
		{"fr", "2023-05-25", "La réunion a lieu à 10h30 au ministère.", ""},
		{"fr", "2023-05-25", "Il a parlé à la télévision 1TV.", ""},
		{"fr", "2023-05-25", "L'OTSC compte 6 membres et 25 000 hommes.", ""},
		{"fr", "2023-05-25", "Un jour, la paix viendra.", ""},
		{"fr", "2023-05-25", "La veille des élections, il a démissionné.", ""},
		{"fr", "2023-05-25", "Le lendemain de la guerre, tout était détruit.", ""},
		{"fr", "2023-05-25", "Le mai est un mot rare.", ""},
		{"fr", "2023-05-25", "Il a dit qu'il y a deux options.", ""},
	})
}

func TestTagFrenchRelative(t *testing.T) {
	runCases(t, []tagCase{
		// Weekdays and tense. 2022-09-14 is a Wednesday.
		{"fr", "2022-09-14", "Les ministres ont discuté mercredi à Genève.", "mercredi=2022-09-14"},
		{"fr", "2022-09-14", "Le président s'est entretenu lundi avec son homologue.", "lundi=2022-09-12"},
		{"fr", "2022-09-14", "Les ministres se réuniront vendredi à Bruxelles.", "vendredi=2022-09-16"},
		{"fr", "2022-09-14", "Le ministre doit se rendre lundi à Moscou.", "lundi=2022-09-19"},
		{"fr", "2022-09-14", "Le Premier ministre va rencontrer samedi le président.", "samedi=2022-09-17"},
		{"fr", "2022-09-14", "Les délégations se rencontrent lundi à Bruxelles.", "lundi=2022-09-12"},
		{"fr", "2022-09-14", "Les délégations se rencontrent vendredi à Bruxelles.", "vendredi=2022-09-16"},
		{"fr", "2022-09-14", "Des affrontements ont éclaté lundi soir à la frontière.", "lundi soir=2022-09-12"},
		{"fr", "2022-09-14", "Plus tôt lundi, le ministère avait annoncé des pertes.", "Plus tôt lundi=2022-09-12"},
		{"fr", "2022-09-14", "Mardi dernier, il a appelé son homologue.", "Mardi dernier=2022-09-13"},
		{"fr", "2022-09-14", "Mercredi dernier, il a appelé son homologue.", "Mercredi dernier=2022-09-07"},
		{"fr", "2022-09-14", "Il viendra mercredi prochain.", "mercredi prochain=2022-09-21"},
		{"fr", "2022-09-14", "Dans la nuit de dimanche à lundi, les forces ont attaqué.", "Dans la nuit de dimanche à lundi=2022-09-11..2022-09-12 night"},
		{"fr", "2022-09-14", "L'armée a tiré dans la nuit de lundi.", "dans la nuit de lundi=2022-09-12 night"},
		{"fr", "2022-09-14", "Le Premier ministre a annoncé mardi matin avoir signé l'accord.", "mardi matin=2022-09-13"},
		{"fr", "2022-09-14", "Jeudi, le ministère avait dénoncé une provocation.", "Jeudi=2022-09-08"},
		{"fr", "2022-09-14", "Les deux dirigeants devraient se parler jeudi.", "jeudi=2022-09-15"},
		{"fr", "2022-09-14", "Samedi, les ministres s'étaient rencontrés à Tbilissi.", "Samedi=2022-09-10"},
		{"fr", "2022-09-14", "Ce lundi, le président a pris la parole.", "Ce lundi=2022-09-12"},
		{"fr", "2022-09", "Des affrontements ont éclaté lundi soir.", "lundi soir=2022-09 approx"},
		{"fr", "2022", "Des affrontements ont éclaté lundi soir.", "lundi soir=?"},
		{"fr", "", "Des affrontements ont éclaté lundi soir.", "lundi soir=?"},
		// Day words.
		{"fr", "2021-11-27", "Hier, les dirigeants se sont rencontrés à Sotchi.", "Hier=2021-11-26"},
		{"fr", "2021-11-27", "Aujourd’hui, le ministre a reçu l'ambassadeur.", "Aujourd’hui=2021-11-27"},
		{"fr", "2021-11-27", "Aujourd'hui, le ministre a reçu l'ambassadeur.", "Aujourd'hui=2021-11-27"},
		{"fr", "2021-11-27", "Demain, les ministres se parleront.", "Demain=2021-11-28"},
		{"fr", "2021-11-27", "Avant-hier, un soldat a été blessé.", "Avant-hier=2021-11-25"},
		{"fr", "2021-11-27", "Hier soir, la présidence a publié un communiqué.", "Hier soir=2021-11-26"},
		{"fr", "2021-11-27", "Ce matin, des tirs ont été entendus.", "Ce matin=2021-11-27"},
		{"fr", "2021-11-27", "Hier, le 26 novembre, les dirigeants se sont rencontrés.", "Hier=2021-11-26 | le 26 novembre=2021-11-26"},
		{"fr", "2022-09-06", "L'entretien qu'ont mené hier lundi 5 septembre les ministres.", "hier=2022-09-05 | lundi 5 septembre=2022-09-05"},
		{"fr", "", "Hier, les dirigeants se sont rencontrés.", "Hier=?"},
		{"fr", "2021-11", "Hier, les dirigeants se sont rencontrés.", "Hier=2021-11 approx"},
		// Periods.
		{"fr", "2023-05-19", "La semaine dernière, les ministres ont parlé.", "La semaine dernière=2023-05"},
		{"fr", "2023-05-03", "La semaine dernière, les ministres ont parlé.", "La semaine dernière=2023-04"},
		{"fr", "2023-05-19", "Des progrès ont été réalisés cette semaine à Washington.", "cette semaine=2023-05"},
		{"fr", "2023-05", "Des progrès ont été réalisés cette semaine à Washington.", "cette semaine=2023-05"},
		{"fr", "2023-05-19", "Plus tôt cette semaine, le ministre a parlé.", "Plus tôt cette semaine=2023-05"},
		{"fr", "2023-05-19", "La semaine prochaine, ils se verront.", "La semaine prochaine=2023-05"},
		{"fr", "2023-05-29", "La semaine prochaine, ils se verront.", "La semaine prochaine=2023-06"},
		{"fr", "2023-05-19", "Le mois prochain, ils se verront.", "Le mois prochain=2023-06"},
		{"fr", "2023-01-19", "Le mois dernier, ils se sont vus.", "Le mois dernier=2022-12"},
		{"fr", "2023-05-19", "L'an dernier, la guerre a repris.", "L'an dernier=2022"},
		{"fr", "2023-05-19", "L’année dernière, la guerre a repris.", "L’année dernière=2022"},
		{"fr", "2023-05-19", "L'année prochaine, le traité sera signé.", "L'année prochaine=2024"},
		{"fr", "2023-05-19", "Cette année, le dialogue a progressé.", "Cette année=2023"},
		{"fr", "2023-05-19", "Ce mois-ci, deux rencontres ont eu lieu.", "Ce mois-ci=2023-05"},
		{"fr", "2023-05-19", "Le 1er mai 2020, il a parlé. Cette année-là, la guerre a éclaté.", "Le 1er mai 2020=2020-05-01 | Cette année-là=2020"},
		{"fr", "2023-05-19", "Cette année-là, la guerre a éclaté.", "Cette année-là=?"},
		{"fr", "2023-05-19", "À la fin de l'année dernière, les échanges ont repris.", "À la fin de l'année dernière=2022 end"},
		// Shifts from the reference.
		{"fr", "2022-09-14", "Il y a deux jours, un soldat a été tué.", "Il y a deux jours=2022-09-12"},
		{"fr", "2022-09-14", "Il y a trois semaines, la trêve a été violée.", "Il y a trois semaines=2022-08 approx"},
		{"fr", "2022-09-14", "Il y a un an, la trêve a été signée.", "Il y a un an=2021"},
		{"fr", "2022-09-14", "Il y a six mois, la trêve a été signée.", "Il y a six mois=2022-03"},
		{"fr", "2021-11", "L'épisode a eu lieu il y a moins de deux semaines.", "il y a moins de deux semaines=2021-11 less"},
		{"fr", "2022-09-14", "Ils se verront dans trois jours.", "dans trois jours=2022-09-17"},
		{"fr", "", "Il y a deux jours, un soldat a été tué.", "Il y a deux jours=?"},
		// Anchored expressions.
		{"fr", "2023-05-19", "Le 9 novembre 2020, l'accord a été signé. Le lendemain, les troupes sont arrivées.", "Le 9 novembre 2020=2020-11-09 | Le lendemain=2020-11-10"},
		{"fr", "2023-05-19", "Le 9 novembre 2020, l'accord a été signé. Deux jours plus tard, les troupes sont arrivées.", "Le 9 novembre 2020=2020-11-09 | Deux jours plus tard=2020-11-11"},
		{"fr", "2023-05-19", "Le 9 novembre 2020, l'accord a été signé. La veille, Choucha était tombée.", "Le 9 novembre 2020=2020-11-09 | La veille=2020-11-08"},
		{"fr", "2023-05-19", "Le 27 septembre 2020, la guerre a commencé. Le 10 novembre, elle a pris fin.", "Le 27 septembre 2020=2020-09-27 | Le 10 novembre=2020-11-10"},
		{"fr", "2023-05-19", "Le 9 novembre 2020, l'accord a été signé. Une semaine plus tard, les troupes sont arrivées.", "Le 9 novembre 2020=2020-11-09 | Une semaine plus tard=2020-11-16"},
		{"fr", "2023-05-19", "Le lendemain, les troupes sont arrivées.", "Le lendemain=?"},
		{"fr", "2023-05-19", "Deux jours plus tard, les troupes sont arrivées.", "Deux jours plus tard=?"},
		{"fr", "2023-05-19", "En 2020, la guerre a éclaté. Un an plus tard, les combats ont repris.", "En 2020=2020 | Un an plus tard=2021"},
		// Day and month without year.
		{"fr", "2023-05-25", "Le 24 mai, le ministre a envoyé des lettres.", "Le 24 mai=2023-05-24"},
		{"fr", "2022-07", "Le 16 juillet, les ministres se sont rencontrés.", "Le 16 juillet=2022-07-16"},
		{"fr", "2023-01-05", "Le 28 décembre, les ministres se sont rencontrés.", "Le 28 décembre=2022-12-28"},
		{"fr", "2022-12-28", "Le 3 janvier, les ministres se rencontreront.", "Le 3 janvier=2023-01-03"},
		{"fr", "2023-05-25", "Le 26 mai, les ministres se rencontreront.", "Le 26 mai=2023-05-26"},
		{"fr", "2023-05-25", "Le 26 mai, les ministres se sont rencontrés.", "Le 26 mai=2022-05-26"},
		{"fr", "2022-10", "Le 31 octobre, la réunion s'est tenue.", "Le 31 octobre=2022-10-31"},
		{"fr", "2022-10", "Le 3 novembre, la réunion s'est tenue.", "Le 3 novembre=2021-11-03"},
		{"fr", "2022-10-05", "Le 1er/2 octobre, des frappes ont eu lieu.", "Le 1er/2 octobre=2022-10-01..2022-10-02"},
		{"fr", "2022-10-05", "Du 2 au 4 octobre, les ministres se sont vus.", "Du 2 au 4 octobre=2022-10-02..2022-10-04"},
		{"fr", "2022-10-05", "La déclaration signée le 9 novembre dernier reste valable.", "le 9 novembre dernier=2021-11-09"},
		{"fr", "2022-10-05", "Fin septembre, les combats ont cessé.", "Fin septembre=2022-09 end"},
		{"fr", "2022-10-05", "En juillet, les ministres se sont rencontrés.", "En juillet=2022-07"},
		{"fr", "2022-03-05", "En juillet, les ministres se sont rencontrés.", "En juillet=2021-07"},
		{"fr", "2022-03-05", "En juillet, les ministres se rencontreront.", "En juillet=2022-07"},
		{"fr", "2022-10-05", "Depuis septembre, la frontière est fermée.", "septembre=2022-09"},
		{"fr", "2022-10-05", "Septembre dernier, la frontière a été fermée.", "Septembre dernier=2022-09"},
		{"fr", "2022-09-20", "En septembre dernier, la frontière a été fermée.", "En septembre dernier=2021-09"},
		{"fr", "", "Le 31 octobre, la réunion s'est tenue. Le texte date du 31 octobre 2022.", "Le 31 octobre=2022-10-31 | 31 octobre 2022=2022-10-31"},
		{"fr", "", "Le 31 octobre, la réunion s'est tenue.", "Le 31 octobre=?"},
		{"fr", "", "13-18 septembre 2022\nLe 13, des affrontements opposent les forces. Le 14, le président parle.", "13-18 septembre 2022=2022-09-13..2022-09-18 | Le 13=2022-09-13 | Le 14=2022-09-14"},
	})
}

func TestTagDurations(t *testing.T) {
	runCases(t, []tagCase{
		{"fr", "2023-05-25", "La guerre a duré 44 jours.", "44 jours=P44D"},
		{"fr", "2023-05-25", "Le blocus dure depuis plus de cinq mois.", "plus de cinq mois=P5M more"},
		{"fr", "2023-05-25", "Les pourparlers ont duré trois heures.", "trois heures=PT3H"},
		{"fr", "2023-05-25", "La réunion commencera à 21 heures.", ""},
		{"fr", "2023-05-25", "Le conflit dure depuis trois décennies.", "trois décennies=P30Y"},
		{"fr", "2023-05-25", "Pendant deux ans, rien n'a bougé.", "deux ans=P2Y"},
		{"fr", "2023-05-25", "Il a été détenu vingt-quatre jours.", "vingt-quatre jours=P24D"},
		{"fr", "2023-05-25", "Près de quatre-vingts jours se sont écoulés.", "Près de quatre-vingts jours=P80D approx"},
		{"fr", "2023-05-25", "Un mandat de 5 ans a été confié.", "5 ans=P5Y"},
		{"fr", "2023-05-25", "Au moins deux semaines seront nécessaires.", "Au moins deux semaines=P2W more"},
		{"fr", "2023-05-25", "Il y a eu un mois de calme.", "un mois=P1M"},
		{"fr", "2023-05-25", "Un siècle de rivalité a suivi.", "Un siècle=P100Y"},
		{"en", "2023-05-25", "The 44-day war ended in November.", "44-day=P44D | in November=2022-11"},
		{"en", "2023-05-25", "The blockade has lasted more than five months.", "more than five months=P5M more"},
		{"en", "2023-05-25", "Talks lasted two years.", "two years=P2Y"},
		{"en", "2023-05-25", "He was held for twenty-five days.", "twenty-five days=P25D"},
		{"en", "2023-05-25", "Nearly 30 years of conflict.", "Nearly 30 years=P30Y approx"},
		{"en", "2023-05-25", "It happens twice a year.", ""},
		{"en", "2023-05-25", "One day peace will come.", ""},
		{"en", "2023-05-25", "The war lasted three decades.", "three decades=P30Y"},
	})
}

func TestTagEnglish(t *testing.T) {
	runCases(t, []tagCase{
		{"en", "2023-05-25", "The statement was signed on 9 November 2020 in Moscow.", "on 9 November 2020=2020-11-09"},
		{"en", "2023-05-25", "The statement was signed on November 9, 2020 in Moscow.", "on November 9, 2020=2020-11-09"},
		{"en", "2023-05-25", "The statement was signed November 9th, 2020.", "November 9th, 2020=2020-11-09"},
		{"en", "2023-05-25", "The statement was signed on the 9th of November 2020.", "on the 9th of November 2020=2020-11-09"},
		{"en", "2023-05-25", "Fighting broke out on Sept. 19.", "on Sept. 19=2022-09-19"},
		{"en", "2023-09-20", "Fighting broke out on Sept. 19.", "on Sept. 19=2023-09-19"},
		{"en", "2023-05-25", "The document dated 12/25/2020 was leaked.", "12/25/2020=2020-12-25"},
		{"en", "2023-05-25", "The document dated 25/12/2020 was leaked.", "25/12/2020=2020-12-25"},
		{"en", "2023-05-25", "The talks held in January 2021 failed.", "in January 2021=2021-01"},
		{"en", "2022-03-12", "The two sides held talks in Moscow in January and Vienna in February.", "in January=2022-01 | in February=2022-02"},
		{"en", "2023-05-25", "The conflict dates back to the 1990s.", "the 1990s=1990s"},
		{"en", "2023-05-25", "The conflict dates back to the early 1990s.", "the early 1990s=1990s start"},
		{"en", "2023-05-25", "The conflict dates back to the '90s.", "the '90s=1990s"},
		{"en", "2023-05-25", "Borders drawn in the 20th century remain.", "20th century=c1900"},
		{"en", "2023-05-25", "In 1994, a ceasefire was agreed.", "In 1994=1994"},
		{"en", "2023-05-25", "Since 1994, the ceasefire has held.", "1994=1994"},
		{"en", "2023-05-25", "The 2020 war changed everything.", "2020=2020"},
		{"en", "2023-05-25", "Resolution 2334 was adopted.", ""},
		{"en", "2023-05-25", "Some 1,000 troops were deployed.", ""},
		{"en", "2023-05-25", "More than 2000 people fled.", ""},
		{"en", "2023-05-25", "An Su-25 was shot down.", ""},
		{"en", "2023-05-25", "Talks may resume soon.", ""},
		{"en", "2023-05-25", "The parties will march together.", ""},
		{"en", "2023-05-25", "Peace talks resumed in late September.", "in late September=2022-09 end"},
		{"en", "2023-05-25", "Peace talks resumed in mid-May 2021.", "in mid-May 2021=2021-05 mid"},
		{"en", "2023-05-25", "Peace talks will resume in early June.", "in early June=2023-06 start"},
		{"en", "2023-05-25", "The operation is expected to end by mid-2024.", "mid-2024=2024 mid"},
		// Weekdays: 2023-05-19 is a Friday.
		{"en", "2023-05-19", "The ministers met on Monday in Moscow.", "on Monday=2023-05-15"},
		{"en", "2023-05-19", "A meeting on Friday between the foreign ministers ended.", "on Friday=2023-05-19"},
		{"en", "2023-05-19", "The ministers will meet on Tuesday.", "on Tuesday=2023-05-23"},
		{"en", "2023-05-19", "The ministers are going to meet on Tuesday.", "on Tuesday=2023-05-23"},
		{"en", "2023-05-19", "He said on Wednesday that the talks were useful.", "on Wednesday=2023-05-17"},
		{"en", "2023-05-19", "Armenian and Azerbaijani ministers to meet on Monday.", "on Monday=2023-05-22"},
		{"en", "2023-05-19", "Last Friday, the ministers spoke by phone.", "Last Friday=2023-05-12"},
		{"en", "2023-05-19", "Next Monday, the ministers will speak.", "Next Monday=2023-05-22"},
		{"en", "2023-05-19", "Earlier on Tuesday, the ministry reported shelling.", "Earlier on Tuesday=2023-05-16"},
		{"en", "2023-05-19", "Clashes erupted on Monday night.", "on Monday night=2023-05-15 night"},
		{"en", "2023-05-19", "The talks were held on Saturday, May 13.", "on Saturday, May 13=2023-05-13"},
		{"en", "2023-05-19", "Yesterday, the ministers met.", "Yesterday=2023-05-18"},
		{"en", "2023-05-19", "The ministers met yesterday morning.", "yesterday morning=2023-05-18"},
		{"en", "2023-05-19", "Today the ministers meet.", "Today=2023-05-19"},
		{"en", "2023-05-19", "Tomorrow the ministers will meet.", "Tomorrow=2023-05-20"},
		{"en", "2023-05-19", "Two days ago, a soldier was killed.", "Two days ago=2023-05-17"},
		{"en", "2023-05-19", "A year ago, talks collapsed.", "A year ago=2022"},
		{"en", "2023-05-19", "Talks collapsed last month.", "last month=2023-04"},
		{"en", "2023-05-19", "Talks collapsed last week.", "last week=2023-05"},
		{"en", "2023-05-19", "Talks collapsed last year.", "last year=2022"},
		{"en", "2023-05-19", "Talks will resume next year.", "next year=2024"},
		{"en", "2023-05-19", "Talks resumed earlier this week.", "earlier this week=2023-05"},
		{"en", "2023-05-19", "Talks resumed this month.", "this month=2023-05"},
		{"en", "2023-05-19", "On 6 October 2022, they met in Prague. The next day, they spoke again.", "On 6 October 2022=2022-10-06 | The next day=2022-10-07"},
		{"en", "2023-05-19", "On 6 October 2022, they met in Prague. Two days later, they spoke again.", "On 6 October 2022=2022-10-06 | Two days later=2022-10-08"},
		{"en", "2023-05-19", "On 6 October 2022, they met in Prague. That year, the war resumed.", "On 6 October 2022=2022-10-06 | That year=2022"},
		{"en", "2023-05-19", "The day before the vote, he resigned.", ""},
		{"en", "2023-05-19", "Hostilities ceased on the night of 9 to 10 November.", "on the night of 9 to 10 November=2022-11-09..2022-11-10 night"},
		{"en", "2023-05-19", "The two ministers met on March 12.", "on March 12=2023-03-12"},
		{"en", "2023-05-19", "The fighting between September 13-14, 2022 killed hundreds.", "September 13-14, 2022=2022-09-13..2022-09-14"},
		{"en", "", "The ministers met on Monday in Moscow.", "on Monday=?"},
		{"en", "2023-05", "The ministers met on Monday in Moscow.", "on Monday=2023-05 approx"},
	})
}

// TestTagNominalYear checks that a bare year complementing a noun ("le
// traité de 1997") does not lend its year to a day and month written
// without one, while a clause year or a full date still does.
func TestTagNominalYear(t *testing.T) {
	runCases(t, []tagCase{
		{"fr", "", "Invoquant un traité de 1997, les diplomates se sont vus le 31 octobre.", "1997=1997 | le 31 octobre=?"},
		{"fr", "", "La déclaration de 2020 a été citée. Le 1er novembre, le ministre a parlé.", "2020=2020 | Le 1er novembre=?"},
		{"fr", "2023-11-20", "Selon la déclaration de 2020, le 31 octobre marque la reprise des pourparlers.", "2020=2020 | le 31 octobre=2023-10-31"},
		{"en", "", "Citing the 1997 treaty, the envoys met on October 31.", "1997=1997 | on October 31=?"},
		{"fr", "", "En 2021, un traité de 1997 fut évoqué ; le 31 octobre, les ministres se sont vus.", "En 2021=2021 | 1997=1997 | le 31 octobre=2021-10-31"},
		{"fr", "", "Le 3 mars 2022, les ministres se sont vus. Le 31 octobre, ils se sont revus.", "Le 3 mars 2022=2022-03-03 | Le 31 octobre=2022-10-31"},
		{"fr", "", "Depuis 1994, le cessez-le-feu tient. Le 31 octobre, il a été violé.", "1994=1994 | Le 31 octobre=1994-10-31"},
	})
}

// TestNounYear checks the exported test for years complementing a noun.
func TestNounYear(t *testing.T) {
	cases := []struct {
		lang, text string
		want       []bool
	}{
		{"fr", "Invoquant un traité de 1997, il a écrit.", []bool{true}},
		{"fr", "Les négociations ont échoué en 1994.", []bool{false}},
		{"en", "Citing the 1997 treaty, he wrote.", []bool{true}},
		{"fr", "Le cessez-le-feu tient depuis 1994.", []bool{false}},
		{"fr", "Le 9 novembre 2020, ils ont signé.", []bool{false}},
	}
	for _, c := range cases {
		var got []bool
		for _, te := range Tag(c.text, c.lang, article.Date{}) {
			got = append(got, NounYear(c.text, te))
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
	}
}
