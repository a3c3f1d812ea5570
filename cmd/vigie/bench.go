package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/clean"
	"github.com/vigie-news/vigie/ingest"
	"github.com/vigie-news/vigie/store"
	"github.com/vigie-news/vigie/store/sqlite"
	"github.com/vigie-news/vigie/story"
)

func (a *app) benchCommand() *cobra.Command {
	var (
		n     int
		dir   string
		batch int
	)
	cmd := &cobra.Command{
		Use:   "bench [ingest|store|pipeline|search|stories|html]",
		Short: "Measure throughput and memory on synthetic articles (or the HTML extraction benchmark)",
		Long: `Benchmarks, with figures printed at the end:
  ingest    N synthetic ~3 KB articles through the whole pipeline into a fresh SQLite store
  store     the same articles stored and full-text indexed without analysis
  pipeline  analysis only (clean → language → sentences → dates → entities → events)
  search    two-word queries over the store built by "store" (p50/p95/p99 latency)
  stories   near-duplicate detection and story merging over N synthetic articles
  html      HTML article extraction scored on the article-extraction benchmark (--dir)
Without an argument: pipeline, store and search.`,
		Example: `  vigie bench ingest --n 20000
  vigie bench store --n 100000
  vigie bench stories --n 1000000
  vigie bench html --dir ../shared/bench/article-extraction`,
		Args: args(0, 1),
		RunE: func(cmd *cobra.Command, argv []string) error {
			ctx := cmd.Context()
			mode := ""
			if len(argv) == 1 {
				mode = argv[0]
			}
			if n < 1 {
				return usageErr("--n must be positive")
			}
			switch mode {
			case "html":
				sc, err := ingest.ScoreExtraction(ctx, dir, ingest.ExtractorAuto, true)
				if err != nil {
					return fmt.Errorf("scoring HTML extraction: %w", err)
				}
				return writeJSON(a.out, sc)
			case "stories":
				res, err := story.RunScaleBench(ctx, n, a.err)
				if err != nil {
					return err
				}
				fmt.Fprintf(a.out, "stories: %d articles in %s: %.0f articles/s; duplicates P %.4f R %.4f; peak RSS %s\n",
					res.Articles, res.Elapsed.Round(time.Millisecond), res.ArticlesPerSec, res.DupPrecision, res.DupRecall, peakRSS())
				return writeJSON(a.out, res)
			case "", "ingest", "store", "pipeline", "search":
			default:
				return usageErr("unknown benchmark %q", mode)
			}
			arts := syntheticArticles(n)
			var bytes int
			for _, art := range arts {
				bytes += len(art.Text)
			}
			if mode == "" || mode == "pipeline" {
				if err := a.benchPipeline(ctx, arts, bytes); err != nil {
					return err
				}
				arts = syntheticArticles(n)
			}
			if mode == "pipeline" {
				return nil
			}
			tmp, err := os.MkdirTemp("", "vigie-bench-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(tmp)
			st, err := sqlite.Open(ctx, filepath.Join(tmp, "bench.db"))
			if err != nil {
				return err
			}
			defer st.Close()
			if mode == "ingest" {
				pl, err := a.pipeline()
				if err != nil {
					return err
				}
				start := time.Now()
				for i := 0; i < len(arts); i += batch {
					j := min(i+batch, len(arts))
					for _, art := range arts[i:j] {
						_ = pl.Process(ctx, art)
					}
					if _, err := st.PutArticles(ctx, arts[i:j]); err != nil {
						return err
					}
					for k := i; k < j; k++ {
						arts[k] = nil // bounded memory: drop what is stored
					}
				}
				report(a, "ingest (whole pipeline + store, 1 core)", n, bytes, time.Since(start))
				return nil
			}
			start := time.Now()
			for i := 0; i < len(arts); i += batch {
				j := min(i+batch, len(arts))
				if _, err := st.PutArticles(ctx, arts[i:j]); err != nil {
					return err
				}
				for k := i; k < j; k++ {
					arts[k] = nil
				}
			}
			report(a, "store + full-text index", n, bytes, time.Since(start))
			return benchSearch(ctx, a, st)
		},
	}
	cmd.Flags().IntVar(&n, "n", 10000, "number of synthetic articles")
	cmd.Flags().IntVar(&batch, "batch", 500, "articles per transaction")
	cmd.Flags().StringVar(&dir, "dir", filepath.Join("..", "shared", "bench", "article-extraction"), "article-extraction benchmark directory (html)")
	return cmd
}

func (a *app) benchPipeline(ctx context.Context, arts []*article.Article, bytes int) error {
	pl, err := a.pipeline()
	if err != nil {
		return err
	}
	workers := runtime.GOMAXPROCS(0)
	start := time.Now()
	ch := make(chan *article.Article)
	done := make(chan struct{})
	for w := 0; w < workers; w++ {
		go func() {
			for art := range ch {
				_ = pl.Process(ctx, art)
			}
			done <- struct{}{}
		}()
	}
	for _, art := range arts {
		ch <- art
	}
	close(ch)
	for w := 0; w < workers; w++ {
		<-done
	}
	report(a, fmt.Sprintf("analysis pipeline (%d workers)", workers), len(arts), bytes, time.Since(start))
	return nil
}

func report(a *app, what string, n, bytes int, d time.Duration) {
	s := d.Seconds()
	fmt.Fprintf(a.out, "%-40s %8d articles %8.2fs %9.0f articles/s %7.2f MB/s  peak RSS %s\n",
		what, n, s, float64(n)/s, float64(bytes)/s/1e6, peakRSS())
}

// benchSearch times the store's benchmark queries (store.BenchSearch).
func benchSearch(ctx context.Context, a *app, st store.Store) error {
	lat, err := store.BenchSearch(ctx, st, store.BenchQueries, 20)
	if err != nil {
		return fmt.Errorf("timing searches: %w", err)
	}
	fmt.Fprintf(a.out, "%-40s p50 %s  p95 %s  p99 %s over %d two-word queries\n", "search", lat.P50, lat.P95, lat.P99, lat.N)
	return nil
}

// peakRSS returns the process's peak resident set size.
func peakRSS() string {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return "?"
	}
	return fmt.Sprintf("%d MB", ru.Maxrss/1024)
}

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

func syntheticArticles(n int) []*article.Article {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]*article.Article, n)
	for i := range out {
		fr := i%2 == 0
		acts, places, days, tmpl := benchActorsEN, benchPlacesEN, benchDaysEN, benchEN
		lang := "en"
		if fr {
			acts, places, days, tmpl, lang = benchActorsFR, benchPlacesFR, benchDaysFR, benchFR, "fr"
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
		art := &article.Article{Path: fmt.Sprintf("synthetic/%d.txt", i), Text: raw, Raw: []byte(raw), Format: "text", Lang: lang}
		clean.Clean(art)
		out[i] = art
	}
	return out
}
