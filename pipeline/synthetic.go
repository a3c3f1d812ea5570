package pipeline

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/vigie-news/vigie/article"
)

// Synthetic articles: sentences written for the benchmark, filled with
// actors, places and dates at random, about 3 KB each.
var (
	benchActorsFR = []string{"Ararat Mirzoyan", "Djeyhoun Bayramov", "Sergueï Lavrov", "Nikol Pachinian", "Ilham Aliev", "Charles Michel", "Antony Blinken", "le ministre arménien des Affaires étrangères", "son homologue azerbaïdjanais"}
	benchActorsEN = []string{"Ararat Mirzoyan", "Jeyhun Bayramov", "Sergey Lavrov", "Nikol Pashinyan", "Ilham Aliyev", "Charles Michel", "Antony Blinken", "the Armenian foreign minister", "his Azerbaijani counterpart"}
	benchPlacesFR = []string{"Bruxelles", "Moscou", "Tbilissi", "Washington", "Genève", "Erevan", "Bakou", "Almaty"}
	benchPlacesEN = []string{"Brussels", "Moscow", "Tbilisi", "Washington", "Geneva", "Yerevan", "Baku", "Almaty"}
	benchDaysFR   = []string{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "le 12 mars", "le 3 juin", "le 21 septembre"}
	benchDaysEN   = []string{"on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on March 12", "on June 3", "on September 21"}
	benchFR       = []string{
		"%[1]s et %[2]s se sont rencontrés %[4]s à %[3]s pour discuter du traité de paix.",
		"%[1]s s’est entretenu par téléphone avec %[2]s %[4]s au sujet de la situation à la frontière.",
		"Selon le ministère, %[1]s a appelé %[2]s à respecter le cessez-le-feu conclu à %[3]s.",
		"Les discussions ont porté sur la délimitation de la frontière et le retour des prisonniers.",
		"%[1]s a accusé %[2]s de violations répétées du cessez-le-feu %[4]s.",
		"Les deux parties ont signé %[4]s à %[3]s un protocole sur la commission frontalière.",
		"Des observateurs ont noté une baisse des tensions dans la région depuis le début de l’année.",
		"La prochaine réunion pourrait avoir lieu à %[3]s, selon une source diplomatique.",
	}
	benchEN = []string{
		"%[1]s and %[2]s met in %[3]s %[4]s to discuss the peace treaty.",
		"%[1]s spoke by phone with %[2]s %[4]s about the situation on the border.",
		"According to the ministry, %[1]s called on %[2]s to respect the ceasefire agreed in %[3]s.",
		"The talks covered border delimitation and the return of prisoners.",
		"%[1]s accused %[2]s of repeated ceasefire violations %[4]s.",
		"The two sides signed a protocol on the border commission in %[3]s %[4]s.",
		"Observers noted that tensions in the region had eased since the start of the year.",
		"The next meeting could take place in %[3]s, a diplomatic source said.",
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
			fmt.Fprintf(&b, s, x, y, places[r.IntN(len(places))], days[r.IntN(len(days))])
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
