package store

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"

	"github.com/vigie-news/vigie/article"
)

// headWords are the most frequent content words of the synthetic
// vocabulary (French news-like words written for this purpose); the
// generated word forms follow them in the frequency ranking.
var headWords = strings.Fields(`ministre président affaires étrangères gouvernement négociations accord paix frontière
armée forces région rencontre déclaration communiqué sommet entretien délégation réunion relations question
projet traité normalisation corridor transport humanitaire réfugiés élection parlement opposition sanctions
énergie économie observateurs mission commission délimitation médiation soldats village tirs violation
cessez-le-feu capitale dialogue sécurité territoire processus conflit population coopération situation`)

// stopWordsFR are frequent function words mixed into synthetic texts (the
// analysis drops them, but they make the texts and offsets realistic).
var stopWordsFR = strings.Fields(`la le les des du de et à en un une pour par avec sur dans selon après lors entre contre
vers sans mais aussi a été est sont qui que ne pas plus au aux ce cette son sa ses leur il elle ils`)

// knownNames are real-world names of the domain, at the head of the
// synthetic name ranking, with transliteration variants.
var knownNames = strings.Fields(`Pachinian Aliev Mirzoïan Baïramov Poutine Lavrov Blinken Michel Macron Erdogan
Pashinyan Aliyev Mirzoyan Bayramov Putin Borrell Erevan Bakou Moscou Bruxelles Washington Tbilissi Genève
Stepanakert Latchine Goris Chouchi Karabakh Grigorian Hadjiev Simonian Avinian Kotcharian Babaïan`)

// synthVocab is the generated vocabulary, built once.
type synthVocab struct {
	words, names []string
	wordCDF      []float64 // cumulative Zipf weights of words
	nameCDF      []float64
}

var (
	vocabOnce sync.Once
	vocab     *synthVocab
)

const (
	synthRoots   = 9000 // generated roots; each yields a few inflected forms
	synthNames   = 400  // names in total, knownNames first
	zipfShift    = 2.7  // Zipf–Mandelbrot q: p(r) ∝ 1/(r+q)^s
	zipfExponent = 1.0
)

func zipfCDF(n int) []float64 {
	cdf := make([]float64, n)
	sum := 0.0
	for r := 0; r < n; r++ {
		sum += 1 / math.Pow(float64(r)+zipfShift, zipfExponent)
		cdf[r] = sum
	}
	for r := range cdf {
		cdf[r] /= sum
	}
	return cdf
}

// syllables and suffixes of generated word forms (French-looking, with
// accents, so that folding and stemming have work to do).
var (
	onsets   = strings.Fields("b c d f g j l m n p r s t v ch br cr dr fr gr pl pr tr gl vr")
	nuclei   = strings.Fields("a e i o u é è ou ai au eu on an in")
	suffixes = [][]string{
		{"", "s"},
		{"ation", "ations", "er", "é", "ée"},
		{"ement", "ements"},
		{"ique", "iques"},
		{"eur", "eurs", "rice"},
		{"ité", "ités"},
		{"al", "aux", "ale"},
		{"ir", "it", "issent"},
	}
	nameEnds = strings.Fields("ian yan ov ova iev yev adze aïan ian ov ev ski enko idis")
)

func getVocab() *synthVocab {
	vocabOnce.Do(func() {
		r := rand.New(rand.NewPCG(0x5eed, 0xc0ffee))
		seen := map[string]bool{}
		v := &synthVocab{}
		for _, w := range headWords {
			seen[w] = true
			v.words = append(v.words, w)
		}
		syll := func() string { return onsets[r.IntN(len(onsets))] + nuclei[r.IntN(len(nuclei))] }
		var forms [][]string
		for len(forms) < synthRoots {
			root := syll() + syll()
			if r.IntN(2) == 0 {
				root += syll()
			}
			group := suffixes[r.IntN(len(suffixes))]
			var fs []string
			for _, suf := range group {
				if w := root + suf; !seen[w] {
					seen[w] = true
					fs = append(fs, w)
				}
			}
			if len(fs) > 0 {
				forms = append(forms, fs)
			}
		}
		// Forms of one root get nearby ranks, the first (base) form first.
		for i := 0; i < 4; i++ {
			for _, fs := range forms {
				if i < len(fs) {
					v.words = append(v.words, fs[i])
				}
			}
		}
		for _, n := range knownNames {
			seen[n] = true
			v.names = append(v.names, n)
		}
		for len(v.names) < synthNames {
			n := syll() + syll() + nameEnds[r.IntN(len(nameEnds))]
			n = strings.ToUpper(n[:1]) + n[1:]
			if !seen[n] {
				seen[n] = true
				v.names = append(v.names, n)
			}
		}
		v.wordCDF = zipfCDF(len(v.words))
		v.nameCDF = zipfCDF(len(v.names))
		vocab = v
	})
	return vocab
}

func pick(r *rand.Rand, cdf []float64) int {
	x := r.Float64()
	i := sort.SearchFloat64s(cdf, x)
	if i >= len(cdf) {
		i = len(cdf) - 1
	}
	return i
}

// SyntheticVocabulary returns the word forms and names synthetic articles
// are made of, most frequent first (a Zipf–Mandelbrot distribution over
// tens of thousands of generated forms and a few hundred names).
func SyntheticVocabulary() (words, names []string) {
	v := getVocab()
	return v.words, v.names
}

// SyntheticArticles generates n French-like articles of about size bytes
// each, deterministically from seed, for benchmarks. About 40% of their
// words are function words, 4% names and the rest content words drawn
// from SyntheticVocabulary by Zipf's law, so a query can mix rare and
// common words; outlets, languages and dates vary.
func SyntheticArticles(seed uint64, n, size int) []*article.Article {
	v := getVocab()
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	outlets := []string{"alpha.am", "beta.az", "gamma.fr", "delta.com", "epsilon.ru"}
	out := make([]*article.Article, n)
	var b strings.Builder
	word := func() string {
		switch x := r.IntN(100); {
		case x < 40:
			return stopWordsFR[r.IntN(len(stopWordsFR))]
		case x < 44:
			return v.names[pick(r, v.nameCDF)]
		default:
			return v.words[pick(r, v.wordCDF)]
		}
	}
	for i := range out {
		b.Reset()
		b.Grow(size + 64)
		words := 0
		title := 6 + r.IntN(6)
		for b.Len() < size {
			w := word()
			switch {
			case words == title:
				b.WriteString("\n")
				w = strings.ToUpper(w[:1]) + w[1:]
			case words > title && words%17 == 0:
				b.WriteString(".\n")
				w = strings.ToUpper(w[:1]) + w[1:]
			case words > 0:
				b.WriteByte(' ')
			}
			b.WriteString(w)
			words++
		}
		b.WriteByte('.')
		text := b.String()
		lang := "fr"
		if i%7 == 0 {
			lang = "en"
		}
		title0, _, _ := strings.Cut(text, "\n")
		out[i] = &article.Article{
			ID: article.ComputeID(text), Path: fmt.Sprintf("synthetic/%d/%d.txt", seed, i), Outlet: outlets[i%len(outlets)],
			Lang: lang, Title: title0, Text: text, Format: "text",
			Published: article.Date{Year: 2020 + i%4, Month: 1 + i%12, Day: 1 + i%28, Precision: article.PrecDay},
		}
	}
	return out
}

// BenchQueries are two-word queries over SyntheticArticles' vocabulary:
// a name with a common word, a name with a medium-frequency word, two
// medium-frequency words, two rare words, a common word with a rare one,
// and two names.
var BenchQueries = func() []string {
	w, n := SyntheticVocabulary()
	return []string{
		n[0] + " " + w[0], // most frequent name, most frequent word
		n[1] + " " + w[3],
		n[5] + " " + w[300],
		n[40] + " " + w[20],
		w[1] + " " + w[2], // two very common words
		w[150] + " " + w[700],
		w[500] + " " + w[1200],
		w[2000] + " " + w[5000], // rare words
		w[4] + " " + w[15000],
		n[2] + " " + n[3],
		w[60] + " " + n[100],
		w[10] + " " + w[400],
	}
}()
