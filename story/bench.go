package story

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/vigie-news/vigie/article"
)

// BenchResult is what RunScaleBench measured.
type BenchResult struct {
	Articles int `json:"articles"`
	// PlantedDups is the number of generated near-duplicates, FlaggedDups
	// the number of articles the index called duplicates.
	PlantedDups  int     `json:"planted_dups"`
	FlaggedDups  int     `json:"flagged_dups"`
	DupPrecision float64 `json:"dup_precision"`
	DupRecall    float64 `json:"dup_recall"`
	// Reports is the number of events attached to stories, Stories the number of stories.
	Reports int `json:"reports"`
	Stories int `json:"stories"`
	// Merge scores story merging against the generator's true events.
	Merge Score `json:"merge"`
	// Elapsed covers generation, sketching and indexing; ArticlesPerSec is Articles/Elapsed.
	Elapsed        time.Duration `json:"elapsed"`
	ArticlesPerSec float64       `json:"articles_per_sec"`
	// CPU is the process CPU time (user+system) spent during the run and
	// ArticlesPerCPUSec is Articles/CPU: the throughput per fully available
	// core, which matters on a shared machine where wall time is not ours.
	CPU               time.Duration `json:"cpu"`
	ArticlesPerCPUSec float64       `json:"articles_per_cpu_sec"`
	// PeakRSS is the process's peak resident set size in bytes (Linux; 0 elsewhere).
	PeakRSS   uint64 `json:"peak_rss"`
	HeapInUse uint64 `json:"heap_in_use"`
}

// benchGen generates a reproducible synthetic corpus: articles of
// Zipf-distributed pseudo-words, each reporting one or two events drawn
// (Zipf-popular) from a pool of true events, and about one article in ten
// a planted near-duplicate of a recent original (an exact copy, a copy with
// one word in 25 replaced, a truncated copy with a boilerplate tail, or a
// copy with a new lead sentence).
type benchGen struct {
	n       int
	vocab   []string
	outlets []string
	actors  []article.Actor
	places  []*article.Place
	types   []string
	events  int

	wordTable [wordTableSize]uint16
}

const (
	benchSeed    = 0x5eed
	benchDupRate = 0.1
	benchWindow  = 5000

	wordTableSize = 1 << 16
)

func newBenchGen(n int) *benchGen {
	r := rand.New(rand.NewPCG(benchSeed, 1))
	g := &benchGen{n: n, types: []string{"CONSULT", "AGREE", "REQUEST", "ACCUSE", "ASSAULT"}}
	syl := []string{"ba", "ko", "ri", "tan", "mel", "su", "dar", "vi", "ne", "lo", "pra", "zu", "che", "gor", "an", "ye"}
	seen := map[string]bool{}
	for len(g.vocab) < 30000 {
		var b strings.Builder
		for k := 1 + r.IntN(4); k > 0; k-- {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			g.vocab = append(g.vocab, w)
		}
	}
	for i := 0; i < 300; i++ {
		g.outlets = append(g.outlets, fmt.Sprintf("outlet%03d.example", i))
	}
	for i := 0; i < 80; i++ {
		g.actors = append(g.actors, article.Actor{Name: fmt.Sprintf("Actor %d", i), Entity: fmt.Sprintf("Q%d", 1000+i), Role: article.RoleSource})
	}
	for i := 0; i < 30; i++ {
		g.places = append(g.places, &article.Place{Name: fmt.Sprintf("City %d", i), Entity: fmt.Sprintf("Q%d", 5000+i)})
	}
	g.events = max(n/8, 10)
	// A table of Zipf-distributed word indices: sampling it uniformly is
	// much cheaper than sampling the Zipf law for every word.
	zipf := rand.NewZipf(r, 1.1, 10, uint64(len(g.vocab)-1))
	for i := range g.wordTable {
		g.wordTable[i] = uint16(zipf.Uint64())
	}
	return g
}

func (g *benchGen) rng(i int, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(i), benchSeed^stream))
}

// original reports whether article i is an original (not a planted copy).
func (g *benchGen) original(i int) bool {
	return i == 0 || g.rng(i, 7).Float64() >= benchDupRate
}

// source returns the original article i copies, or -1.
func (g *benchGen) source(i int) int {
	if g.original(i) {
		return -1
	}
	r := g.rng(i, 8)
	for j := i - 1 - r.IntN(min(i, benchWindow)); j >= 0; j-- {
		if g.original(j) {
			return j
		}
	}
	return -1
}

func benchID(i int) string { return "a" + strconv.Itoa(i) }

// article generates article i; orig is the index of the article it copies (-1 for none).
func (g *benchGen) article(i int) (a *article.Article, orig int, trueEvents []int) {
	orig = g.source(i)
	base := i
	if orig >= 0 {
		base = orig
	}
	r := g.rng(base, 1)
	nw := 150 + r.IntN(250)
	ws := make([]string, nw)
	for k := range ws {
		ws[k] = g.vocab[g.wordTable[r.Uint32()&(wordTableSize-1)]]
	}
	a = &article.Article{ID: benchID(i), IngestedAt: time.Unix(1.6e9+int64(i), 0).UTC()}
	a.Outlet = g.outlets[r.IntN(len(g.outlets))]
	evZipf := rand.NewZipf(r, 1.05, 20, uint64(g.events-1))
	nev := 1 + r.IntN(2)
	for k := 0; k < nev; k++ {
		te := int(evZipf.Uint64())
		trueEvents = append(trueEvents, te)
		g.report(a, te, r, k)
	}
	if orig >= 0 {
		e := g.rng(i, 2)
		a.Outlet = g.outlets[e.IntN(len(g.outlets))]
		switch m := e.Float64(); {
		case m < 0.4: // verbatim copy
		case m < 0.7: // light edit: one word in 25 replaced
			for k := e.IntN(25); k < len(ws); k += 25 {
				ws[k] = g.vocab[e.IntN(len(g.vocab))]
			}
		case m < 0.9: // truncated, with a boilerplate tail
			ws = ws[:len(ws)*(80+e.IntN(15))/100]
			ws = append(ws, "read", "more", "on", "our", "site", "and", "follow", "us")
		default: // a new lead sentence
			lead := make([]string, 12)
			for k := range lead {
				lead[k] = g.vocab[e.IntN(len(g.vocab))]
			}
			ws = append(lead, ws...)
		}
	}
	a.Text = strings.Join(ws, " ")
	return a, orig, trueEvents
}

// report adds article a's report of true event te.
func (g *benchGen) report(a *article.Article, te int, r *rand.Rand, k int) {
	er := g.rng(te, 3)
	typ := g.types[er.IntN(len(g.types))]
	az := rand.NewZipf(er, 1.2, 4, uint64(len(g.actors)-1))
	x := int(az.Uint64())
	y := int(az.Uint64())
	if y == x {
		y = (x + 1 + er.IntN(len(g.actors)-1)) % len(g.actors)
	}
	day := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, er.IntN(8*365))
	var place *article.Place
	if er.Float64() < 0.7 {
		place = g.places[er.IntN(len(g.places))]
	}
	ev := article.Event{ID: a.ID + "-e" + strconv.Itoa(k), ArticleID: a.ID, Type: typ,
		Actors: []article.Actor{g.actors[x], g.actors[y]}, Factuality: article.FactAsserted,
		Evidence: benchEvidence}
	// Undated mentions are of the article's own news (its first event);
	// further events are older ones the text dates.
	p := r.Float64()
	if k > 0 {
		p *= 0.75
	}
	switch {
	case p < 0.55:
		ev.Date = article.DayDate(day)
	case p < 0.75:
		ev.Date = article.Date{Year: day.Year(), Month: int(day.Month()), Precision: article.PrecMonth}
	}
	if place != nil && r.Float64() < 0.6 {
		ev.Place = place
	}
	if !a.Published.Known() {
		switch p := r.Float64(); {
		case p < 0.8:
			a.Published = article.DayDate(day.AddDate(0, 0, r.IntN(4)))
		case p < 0.9:
			a.Published = article.Date{Year: day.Year(), Month: int(day.Month()), Precision: article.PrecMonth}
		}
	}
	a.Events = append(a.Events, ev)
}

type benchItem struct {
	a      *article.Article
	sk     Sketch
	orig   int
	events []int
}

// RunScaleBench generates n synthetic articles (planted duplicates and
// repeated events), sketches them in parallel and adds them in order to a
// fresh index, then reports throughput, peak memory, duplicate precision
// and recall and the pairwise merge score. Progress and a summary go to w
// (nil for none).
func RunScaleBench(ctx context.Context, n int, w io.Writer) (BenchResult, error) {
	if n <= 0 {
		return BenchResult{}, fmt.Errorf("running story bench: n must be positive, got %d", n)
	}
	if w == nil {
		w = io.Discard
	}
	// Bounded memory: let the collector work harder rather than let the
	// heap double past the live set.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(benchMemLimit))
	start, cpu0 := time.Now(), cpuTime()
	g := newBenchGen(n)
	ix := NewIndex(Options{ExpectedArticles: n, Now: func() time.Time { return start }})
	const chunk = 256
	workers := max(runtime.GOMAXPROCS(0), 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		from int
		out  chan []benchItem
	}
	jobs := make(chan job)
	order := make(chan chan []benchItem, workers*2)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				items := make([]benchItem, 0, chunk)
				for i := j.from; i < min(j.from+chunk, n); i++ {
					a, orig, evs := g.article(i)
					items = append(items, benchItem{a: a, sk: ix.Sketch(a.Text), orig: orig, events: evs})
				}
				j.out <- items
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for from := 0; from < n; from += chunk {
			out := make(chan []benchItem, 1)
			select {
			case order <- out:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{from, out}:
			case <-ctx.Done():
				return
			}
		}
	}()

	res := BenchResult{Articles: n}
	canon := make([]int32, n) // predicted canonical article per article
	labels := make([]pairItem[int32, int32, int32], 0, n*3/2)
	var err error
	done := 0
	for out := range order {
		if err = ctx.Err(); err != nil {
			break
		}
		for _, it := range <-out {
			i, _ := strconv.Atoi(it.a.ID[1:])
			dupOf, ids := ix.AddSketched(it.a, it.sk)
			canon[i] = int32(i)
			if dupOf != "" {
				c, _ := strconv.Atoi(dupOf[1:])
				canon[i] = int32(c)
				res.FlaggedDups++
			}
			if it.orig >= 0 {
				res.PlantedDups++
			}
			if dupOf != "" && it.orig >= 0 && canon[it.orig] == canon[i] {
				res.DupPrecision++ // true positives for now
			}
			for k, te := range it.events {
				if st := ix.storyOrder(ids[it.a.Events[k].ID]); st >= 0 {
					labels = append(labels, pairItem[int32, int32, int32]{int32(st), int32(te), int32(i)})
				}
			}
			done++
		}
		if done%100000 < chunk {
			fmt.Fprintf(w, "stories bench: %d/%d articles, %.0f/s\n", done, n, float64(done)/time.Since(start).Seconds())
		}
	}
	if err == nil && done < n {
		err = ctx.Err()
	}
	cancel()
	wg.Wait()
	if err != nil {
		return res, fmt.Errorf("running story bench: %w", err)
	}
	res.Elapsed = time.Since(start)
	res.ArticlesPerSec = float64(n) / res.Elapsed.Seconds()
	if res.CPU = cpuTime() - cpu0; res.CPU > 0 {
		res.ArticlesPerCPUSec = float64(n) / res.CPU.Seconds()
	}
	tp := res.DupPrecision
	res.DupPrecision, res.DupRecall = 1, 1
	if res.FlaggedDups > 0 {
		res.DupPrecision = tp / float64(res.FlaggedDups)
	}
	if res.PlantedDups > 0 {
		res.DupRecall = tp / float64(res.PlantedDups)
	}
	_, res.Stories = ix.Len()
	res.Reports = len(labels)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	res.HeapInUse = ms.HeapInuse
	res.PeakRSS = peakRSS()
	res.Merge = pairScore(labels)
	fmt.Fprintf(w, "stories bench: %d articles in %s (%.0f articles/s; CPU %s, %.0f articles per CPU-second), peak RSS %d MiB, heap %d MiB\n",
		n, res.Elapsed.Round(time.Millisecond), res.ArticlesPerSec, res.CPU.Round(time.Millisecond), res.ArticlesPerCPUSec, res.PeakRSS>>20, res.HeapInUse>>20)
	fmt.Fprintf(w, "near-duplicates: %d planted, %d flagged, precision %.4f, recall %.4f\n",
		res.PlantedDups, res.FlaggedDups, res.DupPrecision, res.DupRecall)
	fmt.Fprintf(w, "stories: %d reports in %d stories; merge precision %.4f recall %.4f F1 %.4f\n",
		res.Reports, res.Stories, res.Merge.Precision, res.Merge.Recall, res.Merge.F1)
	return res, nil
}

// benchEvidence is the evidence of every synthetic event (shared, read-only).
var benchEvidence = []article.Evidence{{Span: article.Span{Start: 0, End: 10}}}

// benchMemLimit is the soft memory limit RunScaleBench runs under: the
// index of a million articles holds about 670 MiB, so the collector keeps
// the heap within 1.2 GiB at the cost of a few more collections.
const benchMemLimit = 1200 << 20

// peakRSS reads VmHWM from /proc/self/status; 0 when unavailable.
func peakRSS() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}
