package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/vigie-news/vigie/article"
)

// synthWords is a vocabulary for synthetic benchmark articles (French
// news-like words and names, written for this purpose).
var synthWords = strings.Fields(`ministre affaires étrangères président premier gouvernement négociations accord paix frontière
délimitation sommet rencontre entretien téléphonique déclaration communiqué armée forces tirs village région soldats
blessés cessez-le-feu violation médiation réunion capitale délégation commission projet traité normalisation relations
corridor transport route humanitaire réfugiés élection parlement opposition manifestation sanctions énergie gaz pétrole
économie frontalier observateurs mission européenne russe américain iranien turc géorgien arménien azerbaïdjanais
Erevan Bakou Moscou Bruxelles Washington Tbilissi Genève Stepanakert Latchine Goris Chouchi Karabakh Pachinian Aliev
Mirzoïan Baïramov Poutine Lavrov Blinken Michel Macron Erdogan Raïssi Borrell Grigorian Hadjiev Simonian Avinian
la le les des du de et à en un une pour par avec sur dans selon après avant lors entre contre vers sans mais aussi
a déclaré annoncé affirmé rappelé souligné estimé dénoncé accusé condamné salué proposé demandé rejeté signé reçu
lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août septembre octobre
novembre décembre semaine mois année hier aujourd'hui matin soir nuit heures jours progrès questions étape dialogue`)

// SyntheticArticles generates n French-like articles of about size bytes
// each, deterministically from seed, for benchmarks. Their text is random
// words from a built-in vocabulary; outlets, languages and dates vary.
func SyntheticArticles(seed uint64, n, size int) []*article.Article {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	outlets := []string{"alpha.am", "beta.az", "gamma.fr", "delta.com", "epsilon.ru"}
	out := make([]*article.Article, n)
	var b strings.Builder
	for i := range out {
		b.Reset()
		fmt.Fprintf(&b, "Article %d %d\n", seed, i)
		words := 0
		for b.Len() < size {
			w := synthWords[zipf(r, len(synthWords))]
			if words%15 == 0 && words > 0 {
				b.WriteString(".\n")
				w = strings.ToUpper(w[:1]) + w[1:]
			} else if words > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
			words++
		}
		text := b.String()
		lang := "fr"
		if i%7 == 0 {
			lang = "en"
		}
		out[i] = &article.Article{
			ID: article.ComputeID(text), Path: fmt.Sprintf("synthetic/%d/%d.txt", seed, i), Outlet: outlets[i%len(outlets)],
			Lang: lang, Title: strings.SplitN(text, "\n", 2)[0], Text: text, Format: "text",
			Published: article.Date{Year: 2020 + i%4, Month: 1 + i%12, Day: 1 + i%28, Precision: article.PrecDay},
		}
	}
	return out
}

// zipf picks an index in [0, n) with a heavy head, like word frequencies.
func zipf(r *rand.Rand, n int) int {
	x := r.Float64()
	return int(float64(n) * x * x * x)
}

// Latency summarises timed operations.
type Latency struct {
	N                   int
	Mean, P50, P95, Max time.Duration
}

// String formats the summary for reports.
func (l Latency) String() string {
	return fmt.Sprintf("n=%d mean=%v p50=%v p95=%v max=%v", l.N, l.Mean, l.P50, l.P95, l.Max)
}

// BenchSearch runs every query rounds times against s and returns the
// latency distribution (for "vigie bench").
func BenchSearch(ctx context.Context, s Store, queries []string, rounds int) (Latency, error) {
	var ds []time.Duration
	for i := 0; i < rounds; i++ {
		for _, q := range queries {
			t0 := time.Now()
			if _, err := s.Search(ctx, SearchQuery{Text: q, Limit: 20}); err != nil {
				return Latency{}, fmt.Errorf("benchmarking search %q: %w", q, err)
			}
			ds = append(ds, time.Since(t0))
		}
	}
	return summarise(ds), nil
}

func summarise(ds []time.Duration) Latency {
	if len(ds) == 0 {
		return Latency{}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	q := func(p float64) time.Duration { return ds[int(p*float64(len(ds)-1))] }
	return Latency{N: len(ds), Mean: sum / time.Duration(len(ds)), P50: q(0.5), P95: q(0.95), Max: ds[len(ds)-1]}
}

// BenchQueries are two-word queries over SyntheticArticles' vocabulary,
// from frequent to rare words.
var BenchQueries = []string{
	"ministre affaires", "négociations frontière", "Pachinian Aliev", "sommet Bruxelles", "accord paix",
	"Mirzoyan Bayramov", "corridor transport", "observateurs mission", "Putin Lavrov", "délimitation traité",
}
