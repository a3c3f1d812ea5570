package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/sys/unix"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/clean"
	"github.com/vigie-news/vigie/ingest"
	"github.com/vigie-news/vigie/pipeline"
	"github.com/vigie-news/vigie/store"
	"github.com/vigie-news/vigie/store/sqlite"
	"github.com/vigie-news/vigie/story"
)

func (a *app) benchCommand() *cobra.Command {
	var (
		n          int
		dir        string
		batch      int
		cpuProfile string
		memProfile string
		keep       bool
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
			if cpuProfile != "" {
				stop, err := startCPUProfile(cpuProfile)
				if err != nil {
					return err
				}
				defer stop()
			}
			if mode == "" || mode == "pipeline" {
				raw := pipeline.Synthetic(n)
				var bytes int
				for _, art := range raw {
					bytes += len(art.Text)
				}
				if err := a.benchPipeline(ctx, raw, bytes); err != nil {
					return err
				}
				if mode == "pipeline" {
					return writeHeapProfile(memProfile)
				}
			}
			tmp, err := os.MkdirTemp("", "vigie-bench-")
			if err != nil {
				return err
			}
			if keep {
				fmt.Fprintf(a.err, "keeping the benchmark corpus and database in %s\n", tmp)
			} else {
				defer os.RemoveAll(tmp)
			}
			st, err := sqlite.Open(ctx, filepath.Join(tmp, "bench.db"))
			if err != nil {
				return err
			}
			defer st.Close()
			if mode == "ingest" {
				return a.benchIngest(ctx, st, tmp, n, batch, memProfile)
			}
			arts := syntheticArticles(n)
			var bytes int
			for _, art := range arts {
				bytes += len(art.Text)
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
	cmd.Flags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile (go tool pprof) of the benchmark to this file")
	cmd.Flags().StringVar(&memProfile, "memprofile", "", "write an allocation profile at the end of the pipeline or ingest benchmark to this file")
	cmd.Flags().BoolVar(&keep, "keep", false, "keep the temporary directory (synthetic corpus and database) for inspection")
	cmd.Flags().StringVar(&dir, "dir", filepath.Join("..", "shared", "bench", "article-extraction"), "article-extraction benchmark directory (html)")
	return cmd
}

// benchPipeline runs the whole analysis (clean, then every pipeline stage,
// language identification included) over raw articles on GOMAXPROCS
// workers, and reports wall-clock throughput, process CPU time and each
// stage's CPU time per core (per-thread CPU clock, so other jobs sharing
// the machine do not count).
func (a *app) benchPipeline(ctx context.Context, arts []*article.Article, bytes int) error {
	pl, err := a.pipeline()
	if err != nil {
		return err
	}
	stages := pl.Stages()
	names := append([]string{"clean"}, make([]string, len(stages))...)
	for i, s := range stages {
		names[i+1] = s.Name()
	}
	workers := runtime.GOMAXPROCS(0)
	cpu0 := processCPU()
	start := time.Now()
	ch := make(chan *article.Article)
	done := make(chan []time.Duration)
	for w := 0; w < workers; w++ {
		go func() {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			spent := make([]time.Duration, len(names))
			for art := range ch {
				t := threadCPU()
				clean.Clean(art)
				u := threadCPU()
				spent[0] += u - t
				for i, s := range stages {
					t = u
					if err := s.Process(ctx, art); err != nil {
						a.log.Debug("pipeline benchmark", "article", art.Path, "stage", s.Name(), "err", err)
					}
					u = threadCPU()
					spent[i+1] += u - t
				}
			}
			done <- spent
		}()
	}
	for _, art := range arts {
		ch <- art
	}
	close(ch)
	spent := make([]time.Duration, len(names))
	for w := 0; w < workers; w++ {
		for i, d := range <-done {
			spent[i] += d
		}
	}
	wall := time.Since(start)
	cpu := processCPU() - cpu0
	report(a, fmt.Sprintf("analysis pipeline (%d workers)", workers), len(arts), bytes, wall)
	var total time.Duration
	for _, d := range spent {
		total += d
	}
	fmt.Fprintf(a.out, "  process CPU %.2fs (%.0f articles/s per CPU-second); stages %.2fs on worker threads\n",
		cpu.Seconds(), float64(len(arts))/cpu.Seconds(), total.Seconds())
	for i, d := range spent {
		fmt.Fprintf(a.out, "  %-10s %7.2fs CPU %8.2f MB/s per core %5.1f%%\n",
			names[i], d.Seconds(), float64(bytes)/d.Seconds()/1e6, 100*d.Seconds()/total.Seconds())
	}
	return nil
}

// threadCPU returns the CPU time of the calling OS thread (0 when the
// clock is unavailable).
func threadCPU() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}

// processCPU returns the user and system CPU time of the process so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// gcCPU returns the CPU time the garbage collector has used so far, as
// the runtime estimates it.
func gcCPU() time.Duration {
	sample := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindFloat64 {
		return 0
	}
	return time.Duration(sample[0].Value.Float64() * float64(time.Second))
}

// startCPUProfile starts CPU profiling into path and returns the function
// that stops it.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("creating CPU profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("starting CPU profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// writeHeapProfile writes the allocation profile to path ("" does nothing).
func writeHeapProfile(path string) error {
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("creating allocation profile: %w", err)
	}
	defer f.Close()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		return fmt.Errorf("writing allocation profile: %w", err)
	}
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

// syntheticArticles returns pipeline.Synthetic articles already cleaned and
// with their language set, as the store benchmarks expect them.
func syntheticArticles(n int) []*article.Article {
	arts := pipeline.Synthetic(n)
	for i, art := range arts {
		art.Lang = "en"
		if i%2 == 0 {
			art.Lang = "fr"
		}
		clean.Clean(art)
	}
	return arts
}

// benchIngest times what `vigie ingest DIR` does, end to end: N synthetic
// ~3 KB articles written as text files are read, cleaned, analysed by
// GOMAXPROCS workers (language, sentences, dates, entities, events),
// merged into stories and stored with their full-text index by the single
// writer.
func (a *app) benchIngest(ctx context.Context, st store.Store, tmp string, n, batch int, memProfile string) error {
	dir := filepath.Join(tmp, "corpus")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var bytes int
	for i, art := range pipeline.Synthetic(n) {
		bytes += len(art.Text)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%06d.txt", i)), art.Raw, 0o644); err != nil {
			return fmt.Errorf("writing benchmark corpus: %w", err)
		}
	}
	pl, err := a.pipeline()
	if err != nil {
		return err
	}
	workers := runtime.GOMAXPROCS(0)
	cpu0, gc0 := processCPU(), gcCPU()
	start := time.Now()
	sum, err := runIngest(ctx, a, st, pl, []string{dir}, batch, workers, nil, nil)
	if err != nil {
		return err
	}
	if sum.New != n {
		return fmt.Errorf("benchmark ingest stored %d new articles of %d", sum.New, n)
	}
	report(a, fmt.Sprintf("ingest (files → clean → analysis on %d workers → stories → store)", workers), n, bytes, time.Since(start))
	cpu, gc := processCPU()-cpu0, gcCPU()-gc0
	fmt.Fprintf(a.out, "  process CPU %.2fs: %.2f ms per article, %.0f articles per CPU-second (%.0f/s on %d free cores); garbage collector %.0f%%\n",
		cpu.Seconds(), 1000*cpu.Seconds()/float64(n), float64(n)/cpu.Seconds(), float64(n*workers)/cpu.Seconds(), workers, 100*gc.Seconds()/cpu.Seconds())
	return writeHeapProfile(memProfile)
}
