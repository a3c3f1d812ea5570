package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/ingest"
	"github.com/vigie-news/vigie/pipeline"
	"github.com/vigie-news/vigie/store"
)

// ingestSummary is what `vigie ingest --json` prints.
type ingestSummary struct {
	Read      int           `json:"read"`
	New       int           `json:"new"`
	Duplicate int           `json:"duplicate"`
	Failed    int           `json:"failed"`
	Errors    []ingestError `json:"errors"`
	Events    int           `json:"events"`
	Seconds   float64       `json:"seconds"`
}

type ingestError struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

func (a *app) ingestCommand() *cobra.Command {
	var (
		asJSON  bool
		batch   int
		workers int
		noProg  bool
	)
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Read articles from files, directories, feeds or stdin (-) and store them",
		Long: `Read articles and store them with their analysis (language, sentences, dates,
entities, events, stories). Formats are detected by extension and content:
plain text (corpus format), HTML, JSONL (one article per line), RSS/Atom, and
gzip-compressed versions of all; directories are walked recursively; "-" reads
stdin. Re-ingesting an article is idempotent (same text, same id).

A file that cannot be read is reported with its reason and the rest goes on.
Exit status is 0 when the readable inputs were stored, even if some failed;
non-zero only when nothing could run (no database, no readable input path).`,
		Example: `  vigie ingest ../shared/corpus
  vigie ingest news.jsonl.gz feed.xml --json
  curl -s https://example.org/page.html | vigie ingest -`,
		Args: args(1, -1),
		RunE: func(cmd *cobra.Command, paths []string) error {
			if batch < 1 {
				return usageErr("--batch must be at least 1")
			}
			if workers < 1 {
				workers = runtime.GOMAXPROCS(0)
			}
			st, err := a.store(cmd.Context())
			if err != nil {
				return err
			}
			pl, err := a.pipeline()
			if err != nil {
				return err
			}
			var bar *progressbar.ProgressBar
			if !noProg && !asJSON && isTTY(a.err) {
				bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(a.err), progressbar.OptionSetDescription("ingesting"),
					progressbar.OptionShowCount(), progressbar.OptionShowIts(),
					progressbar.OptionClearOnFinish(), progressbar.OptionSpinnerType(14))
			}
			sum, err := runIngest(cmd.Context(), a, st, pl, paths, batch, workers, a.in, bar)
			if bar != nil {
				bar.Finish()
			}
			if err != nil {
				return err
			}
			if asJSON {
				if sum.Errors == nil {
					sum.Errors = []ingestError{}
				}
				if err := writeJSON(a.out, sum); err != nil {
					return err
				}
			} else {
				fmt.Fprintf(a.out, "read %d, new %d, duplicate %d, failed %d; %d events (%.1fs)\n",
					sum.Read, sum.New, sum.Duplicate, sum.Failed, sum.Events, sum.Seconds)
				for _, e := range sum.Errors {
					fmt.Fprintf(a.out, "  failed: %s: %s\n", e.Path, e.Error)
				}
			}
			if sum.Read == 0 && sum.Failed > 0 && allPathsFailed(sum, paths) {
				return &exitError{code: exitFailure, err: errors.New("nothing could be read")}
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&asJSON, "json", false, `print the summary as JSON: {"read","new","duplicate","failed","errors":[{"path","error"}]}`)
	fl.IntVar(&batch, "batch", 256, "articles per database transaction")
	fl.IntVar(&workers, "workers", 0, "analysis workers (default: number of CPUs)")
	fl.BoolVar(&noProg, "no-progress", false, "never show a progress bar")
	return cmd
}

// allPathsFailed reports whether every input path itself failed (as opposed
// to some files inside a directory).
func allPathsFailed(sum ingestSummary, paths []string) bool {
	failed := map[string]bool{}
	for _, e := range sum.Errors {
		failed[e.Path] = true
	}
	for _, p := range paths {
		if !failed[p] {
			return false
		}
	}
	return true
}

// runIngest streams inputs through the analysis pipeline into the store in
// bounded batches: a reader goroutine, `workers` analysers, one writer.
func runIngest(ctx context.Context, a *app, st store.Store, pl *pipeline.Pipeline, paths []string, batchSize, workers int, stdin io.Reader, bar *progressbar.ProgressBar) (ingestSummary, error) {
	start := time.Now()
	defer ingestGC()()
	var sum ingestSummary
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		art *article.Article
	}
	jobs := make(chan job, workers*4)
	// Room for a whole batch of analysed articles, so the workers keep
	// analysing while the writer stores the previous batch.
	done := make(chan job, max(workers*4, batchSize))
	var mu sync.Mutex
	fail := func(path string, err error) {
		mu.Lock()
		sum.Failed++
		sum.Errors = append(sum.Errors, ingestError{Path: path, Error: err.Error()})
		mu.Unlock()
		a.log.Warn("ingest failed", "path", path, "err", err)
	}

	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		readErr = ingest.Walk(ctx, paths, ingest.Options{Logger: a.log}, func(it ingest.Item) error {
			if it.Err != nil {
				fail(it.Path, it.Err)
				return nil
			}
			select {
			case jobs <- job{seq: seq, art: it.Article}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()

	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if err := pl.Process(ctx, j.art); err != nil {
					// Analysis failed: store the article without annotations rather than lose it.
					a.log.Warn("analysis failed; storing the article without annotations", "path", j.art.Path, "err", err)
				}
				select {
				case done <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()

	stories, err := a.storyIndex(ctx, st)
	if err != nil {
		return sum, err
	}
	// Articles are added to stories before they are stored, so their
	// events carry their stories and need no separate update.
	stories.holdAssignments()
	// The story stage attaches each analysed article's events to stories
	// (in memory) while the writer stores the previous batch.
	storied := make(chan job, max(workers*4, batchSize))
	go func() {
		defer close(storied)
		for j := range done {
			stories.add(j.art)
			select {
			case storied <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	// The story flusher encodes and stores the touched stories while the
	// writer stores the next batch of articles. Requests made while it is
	// busy coalesce into one flush, so that a busy store rewrites each
	// story less often; a last flush after the final batch stores the rest.
	flushReq := make(chan struct{}, 1)
	flusherDone := make(chan struct{})
	go func() {
		defer close(flusherDone)
		for range flushReq {
			if err := stories.flush(ctx); err != nil {
				a.log.Warn("storing stories", "err", err)
			}
		}
	}()
	stopFlusher := sync.OnceFunc(func() { close(flushReq); <-flusherDone })
	defer stopFlusher()
	var pending []*article.Article
	var written []bool
	lastFlush := time.Now()
	// Where the writer's time goes (logged at debug level).
	var waited, storing time.Duration
	flush := func() {
		if len(pending) == 0 {
			return
		}
		t0 := time.Now()
		written = written[:0]
		res, err := st.PutArticles(ctx, pending)
		if err != nil {
			// The batch failed as a whole: retry one by one so a single bad
			// article does not cost the others.
			for _, art := range pending {
				r, err := st.PutArticles(ctx, []*article.Article{art})
				if err != nil {
					fail(art.Path, fmt.Errorf("storing: %w", err))
					written = append(written, false)
					continue
				}
				count(&sum, r)
				written = append(written, r[0].New || r[0].Reanalysed)
			}
		} else {
			count(&sum, res)
			for _, r := range res {
				written = append(written, r.New || r.Reanalysed)
			}
		}
		for _, art := range pending {
			sum.Events += len(art.Events)
		}
		stories.stored(pending, written)
		if time.Since(lastFlush) >= storyFlushEvery {
			lastFlush = time.Now()
			select {
			case flushReq <- struct{}{}:
			default: // a flush is already requested
			}
		}
		storing += time.Since(t0)
		pending = pending[:0]
	}
	t := time.Now()
	for j := range storied {
		waited += time.Since(t)
		sum.Read++
		if bar != nil {
			bar.Add(1)
		}
		pending = append(pending, j.art)
		// A full batch is written at once; so is a smaller one when no
		// analysed article is waiting, so that the writer starts early
		// and does not sit idle while the workers fill a batch.
		if len(pending) >= batchSize || len(pending) >= min(minBatch, batchSize) && len(storied) == 0 {
			flush()
		}
		t = time.Now()
	}
	flush()
	t0 := time.Now()
	stopFlusher()
	if err := stories.flush(ctx); err != nil {
		a.log.Warn("storing stories", "err", err)
	}
	a.log.Debug("ingest writer", "waiting_s", waited.Seconds(), "articles_s", storing.Seconds(), "last_stories_s", time.Since(t0).Seconds(),
		"story_records_written", stories.recordsWritten)
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return sum, fmt.Errorf("reading inputs: %w", readErr)
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	sum.Seconds = time.Since(start).Seconds()
	return sum, nil
}

// ingestGCPercent is the garbage collector's target (GOGC) during an
// ingest when the environment sets none: an ingest allocates a lot of
// short-lived memory per article around a small live heap, so collecting
// when the heap has grown 4× instead of 2× halves the collector's CPU
// (≈ 7 % of an ingest at the default) for ≈ 100 MB more resident memory.
const ingestGCPercent = 300

// ingestGC sets the collector's target for an ingest, unless GOGC is set,
// and returns the function that restores it.
func ingestGC() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	prev := debug.SetGCPercent(ingestGCPercent)
	return func() { debug.SetGCPercent(prev) }
}

// minBatch is the smallest batch the ingest writer stores when it would
// otherwise wait for more analysed articles (each batch is one
// transaction).
const minBatch = 64

// storyFlushEvery paces the story flushes of an ingest: the stories
// touched by the batches stored meanwhile are written together, so that a
// story growing across many batches is rewritten once per period rather
// than once per batch. The last flush, after the final batch, writes the
// rest.
const storyFlushEvery = 2 * time.Second

func count(sum *ingestSummary, res []store.PutResult) {
	for _, r := range res {
		if r.New {
			sum.New++
		} else {
			sum.Duplicate++
		}
	}
}
