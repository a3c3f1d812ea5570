package pipeline

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/vigie-news/vigie/article"
)

// Synthetic articles: sentences written for the benchmark, filled with
// actors, places and dates at random, about 3 KB each. Like the articles of
// the corpus, most sentences give background (context, figures, quotes)
// and about one in four reports an event: the generator draws event and
// background sentences so that an article has about as many events and
// entity mentions per kilobyte as the corpus (see TestSyntheticDensity).
var (
	benchActorsFR = []string{"Ararat Mirzoyan", "Djeyhoun Bayramov", "Sergueï Lavrov", "Nikol Pachinian", "Ilham Aliev", "Charles Michel", "Antony Blinken", "le ministre arménien des Affaires étrangères", "son homologue azerbaïdjanais"}
	benchActorsEN = []string{"Ararat Mirzoyan", "Jeyhun Bayramov", "Sergey Lavrov", "Nikol Pashinyan", "Ilham Aliyev", "Charles Michel", "Antony Blinken", "the Armenian foreign minister", "his Azerbaijani counterpart"}
	benchPlacesFR = []string{"Bruxelles", "Moscou", "Tbilissi", "Washington", "Genève", "Erevan", "Bakou", "Almaty"}
	benchPlacesEN = []string{"Brussels", "Moscow", "Tbilisi", "Washington", "Geneva", "Yerevan", "Baku", "Almaty"}
	benchDaysFR   = []string{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "le 12 mars", "le 3 juin", "le 21 septembre"}
	benchDaysEN   = []string{"on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on March 12", "on June 3", "on September 21"}
	benchFR       = []string{
		"{x} et {y} se sont rencontrés {day} à {place} pour discuter du traité de paix.",
		"{x} s’est entretenu par téléphone avec {y} {day} au sujet de la situation à la frontière.",
		"Selon le ministère, {x} a appelé {y} à respecter le cessez-le-feu conclu à {place}.",
		"Les discussions ont porté sur la délimitation de la frontière et le retour des prisonniers.",
		"{x} a accusé {y} de violations répétées du cessez-le-feu {day}.",
		"Les deux parties ont signé {day} à {place} un protocole sur la commission frontalière.",
		"Des observateurs ont noté une baisse des tensions dans la région depuis le début de l’année.",
		"La prochaine réunion pourrait avoir lieu à {place}, selon une source diplomatique.",
		"La frontière entre l’Arménie et l’Azerbaïdjan, longue de près de mille kilomètres, n’a jamais été entièrement délimitée.",
		"Plusieurs experts de Tbilissi et de Moscou jugent que la normalisation a changé de rythme après la guerre de 2020.",
		"« Notre objectif reste une paix durable dans toute la région », a expliqué un porte-parole à {place}.",
		"Le sort des personnes disparues demeure une question sensible en Arménie comme en Azerbaïdjan.",
		"Washington, Paris et Bruxelles suivent de près l’évolution de la situation dans le Caucase du Sud.",
		"Le texte du futur traité entre Erevan et Bakou n’a pas encore été rendu public.",
		"Des organisations humanitaires ont publié des rapports sur les déplacés arrivés en Arménie.",
		"L’économie régionale dépend largement des routes de transit vers la Turquie, la Géorgie et l’Iran.",
		"La réouverture des voies ferrées entre le Nakhitchevan et le reste de l’Azerbaïdjan figure parmi les dossiers les plus techniques.",
		"À {place}, la presse locale estime que les positions d’Erevan et de Bakou se sont rapprochées.",
		"Le gouvernement arménien doit présenter au Parlement un rapport sur la sécurité des villages du Syunik.",
		"Selon les chiffres officiels, plus de cent mille personnes ont quitté le Haut-Karabakh au cours de l’automne 2023.",
		"Les observateurs de l’Union européenne patrouillent le long de la frontière arménienne depuis février 2023.",
		"La question des enclaves et de leurs routes d’accès n’a pas été tranchée à ce stade.",
		"La Russie, l’Iran et la Turquie revendiquent chacun un rôle dans les équilibres de la région.",
		"Le Kazakhstan et la Géorgie se sont dits prêts à accueillir de nouveaux cycles de négociations.",
		"Les marchés d’Erevan ont peu réagi à ces annonces, selon les commerçants interrogés.",
		"L’ONU rappelle que l’accès humanitaire doit rester garanti en toutes circonstances.",
		"Cette orientation divise la classe politique arménienne, certains partis y voyant une concession excessive.",
		"La situation autour du corridor de Latchine a longtemps pesé sur les relations entre les deux voisins.",
	}
	benchEN = []string{
		"{x} and {y} met in {place} {day} to discuss the peace treaty.",
		"{x} spoke by phone with {y} {day} about the situation on the border.",
		"According to the ministry, {x} called on {y} to respect the ceasefire agreed in {place}.",
		"The talks covered border delimitation and the return of prisoners.",
		"{x} accused {y} of repeated ceasefire violations {day}.",
		"The two sides signed a protocol on the border commission in {place} {day}.",
		"Observers noted that tensions in the region had eased since the start of the year.",
		"The next meeting could take place in {place}, a diplomatic source said.",
		"The border between Armenia and Azerbaijan, nearly a thousand kilometres long, has never been fully delimited.",
		"Several experts in Tbilisi and Moscow believe normalisation changed pace after the 2020 war.",
		"\"Our goal remains a lasting peace across the whole region,\" a spokesperson explained in {place}.",
		"The fate of missing persons remains a sensitive issue in Armenia as in Azerbaijan.",
		"Washington, Paris and Brussels are closely following developments in the South Caucasus.",
		"The text of the future treaty between Yerevan and Baku has not been made public.",
		"Humanitarian organisations have published reports on the displaced people who arrived in Armenia.",
		"The regional economy depends heavily on transit routes to Turkey, Georgia and Iran.",
		"Reopening the railway between Nakhchivan and the rest of Azerbaijan is among the most technical files.",
		"In {place}, the local press believes the positions of Yerevan and Baku have moved closer.",
		"The Armenian government is due to present parliament with a report on the security of villages in Syunik.",
		"According to official figures, more than one hundred thousand people left Nagorno-Karabakh in the autumn of 2023.",
		"European Union observers have patrolled the Armenian border since February 2023.",
		"The question of the enclaves and their access roads has not been settled at this stage.",
		"Russia, Iran and Turkey each claim a role in the balance of the region.",
		"Kazakhstan and Georgia have said they are ready to host new rounds of negotiations.",
		"Markets in Yerevan reacted little to the announcements, according to traders interviewed.",
		"The UN recalls that humanitarian access must remain guaranteed in all circumstances.",
		"This direction divides the Armenian political class, some parties seeing it as an excessive concession.",
		"The situation around the Lachin corridor long weighed on relations between the two neighbours.",
	}
)

// Synthetic returns n raw (uncleaned) synthetic articles of about 3 KB
// each for throughput benchmarks, alternately French and English, the
// same for every call: sentences written for vigie filled at random with
// actors, places and days, a " date" line and a headline. Lang is left
// empty so that language identification runs; Text and Raw hold the same
// bytes, as the plain-text reader leaves them.
func Synthetic(n int) []*article.Article {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]*article.Article, max(n, 0))
	for i := range out {
		fr := i%2 == 0
		acts, places, days, tmpl := benchActorsEN, benchPlacesEN, benchDaysEN, benchEN
		if fr {
			acts, places, days, tmpl = benchActorsFR, benchPlacesFR, benchDaysFR, benchFR
		}
		var b strings.Builder
		fmt.Fprintf(&b, " date 2022-%02d-%02d\nBulletin %d\n\n", 1+i%12, 1+i%28, i)
		for b.Len() < 3000 {
			s := tmpl[r.IntN(len(tmpl))]
			x, y := acts[r.IntN(len(acts))], acts[r.IntN(len(acts))]
			s = strings.NewReplacer("{x}", x, "{y}", y, "{place}", places[r.IntN(len(places))], "{day}", days[r.IntN(len(days))]).Replace(s)
			b.WriteString(strings.ToUpper(s[:1]) + s[1:]) // "the Armenian foreign minister" may open it
			if r.IntN(3) == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		fmt.Fprintf(&b, "\n\nRéférence %d.", i)
		raw := b.String()
		out[i] = &article.Article{Path: fmt.Sprintf("synthetic/%d.txt", i), Text: raw, Raw: []byte(raw), Format: "text"}
	}
	return out
}
