// Package loadbench measures vigie's HTTP API under load: it builds a
// store of synthetic annotated articles and sends an open-loop stream of
// /api/v1/search and /api/v1/events requests at a fixed rate, reporting
// throughput and latency percentiles. Run it with
//
//	go test ./server/loadbench -run '^$' -bench Load -benchtime 1x
package loadbench

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/store"
)

// synthEntity is an entity whose name occurs in store.SyntheticArticles' vocabulary.
type synthEntity struct {
	word, id, name string
	typ            article.EntityType
}

var entities = []synthEntity{
	{"Pachinian", "Q7095245", "Nikol Pashinyan", article.TypePerson}, {"Aliev", "Q46513", "Ilham Aliyev", article.TypePerson},
	{"Lavrov", "Q16666", "Sergey Lavrov", article.TypePerson}, {"Mirzoïan", "Q7069838", "Ararat Mirzoyan", article.TypePerson},
	{"Baïramov", "Q16200437", "Jeyhun Bayramov", article.TypePerson}, {"Blinken", "Q7821917", "Antony Blinken", article.TypePerson},
	{"Erevan", "Q1953", "Yerevan", article.TypeCity}, {"Bakou", "Q9248", "Baku", article.TypeCity}, {"Moscou", "Q649", "Moscow", article.TypeCity},
	{"Karabakh", "Q2397", "Nagorno-Karabakh", article.TypeRegion},
}

var eventTypes = []string{"CONSULT", "ACCUSE", "AGREE", "DEMAND", "REJECT", "SUPPORT", "THREATEN", "ASSAULT"}

// Annotate adds synthetic mentions (of the names found in the text) and
// one event between the first two persons to each article.
func Annotate(arts []*article.Article, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 7))
	for _, a := range arts {
		var persons []article.Mention
		for _, e := range entities {
			i := strings.Index(a.Text, e.word)
			if i < 0 {
				continue
			}
			m := article.Mention{Span: article.Span{Start: i, End: i + len(e.word)}, Text: e.word, Type: e.typ, Kind: article.KindSurname,
				Entity: e.id, Name: e.name, Confidence: 0.9}
			a.Mentions = append(a.Mentions, m)
			if e.typ == article.TypePerson {
				persons = append(persons, m)
			}
		}
		sort.Slice(a.Mentions, func(i, j int) bool { return a.Mentions[i].Start < a.Mentions[j].Start })
		if len(persons) >= 2 {
			s, t := persons[0], persons[1]
			a.Events = []article.Event{{ID: a.ID + "-0", ArticleID: a.ID, Type: eventTypes[r.IntN(len(eventTypes))], Date: a.Published,
				Factuality: article.FactAsserted, Confidence: 0.7, Trigger: s.Span,
				Actors: []article.Actor{{Name: s.Name, Entity: s.Entity, Role: article.RoleSource, Mention: &s.Span},
					{Name: t.Name, Entity: t.Entity, Role: article.RoleTarget, Mention: &t.Span}},
				Evidence: []article.Evidence{{Span: s.Span, Text: s.Text}}}}
		}
	}
}

// Fill stores n synthetic annotated articles in st, in batches.
func Fill(ctx context.Context, st store.Store, n int, progress func(done int)) error {
	const batch = 2000
	for done := 0; done < n; done += batch {
		k := min(batch, n-done)
		arts := store.SyntheticArticles(uint64(done+1), k, 900)
		Annotate(arts, uint64(done))
		if _, err := st.PutArticles(ctx, arts); err != nil {
			return fmt.Errorf("storing synthetic articles %d–%d: %w", done, done+k, err)
		}
		if progress != nil {
			progress(done + k)
		}
	}
	return nil
}

// Config is one load run.
type Config struct {
	// BaseURL is the server's base URL (http://127.0.0.1:PORT).
	BaseURL string
	// Rate is requests per second; Duration how long to send.
	Rate     float64
	Duration time.Duration
	// Paths generates the request path (with query) for request i.
	Paths func(r *rand.Rand, i int) string
	// Client is the HTTP client (default: keep-alive client with 256 idle connections).
	Client *http.Client
}

// Result is what a load run measured.
type Result struct {
	Requests   int
	Errors     int
	Seconds    float64
	Throughput float64 // completed requests per second
	P50, P90   time.Duration
	P99, Max   time.Duration
}

func (r Result) String() string {
	return fmt.Sprintf("%d requests in %.1fs (%.1f/s), %d errors, p50 %v p90 %v p99 %v max %v", r.Requests, r.Seconds, r.Throughput, r.Errors,
		r.P50.Round(10*time.Microsecond), r.P90.Round(10*time.Microsecond), r.P99.Round(10*time.Microsecond), r.Max.Round(10*time.Microsecond))
}

// Queries is the default request mix: half searches, half event listings.
func Queries(r *rand.Rand, i int) string {
	words := []string{"paix", "frontière", "Aliev", "accord", "négociations", "sommet", "Bakou", "Erevan", "corridor", "médiation",
		"Lavrov", "Pachinian", "cessez-le-feu", "délimitation", "\"traité de paix\"", "gaz", "élection", "réfugiés"}
	if i%2 == 0 {
		q := words[r.IntN(len(words))]
		if r.IntN(3) == 0 {
			q += " " + words[r.IntN(len(words))]
		}
		v := url.Values{"q": {q}}
		switch r.IntN(4) {
		case 0:
			v.Set("lang", "fr")
		case 1:
			v.Set("from", fmt.Sprint(2020+r.IntN(4)))
		}
		return "/api/v1/search?" + v.Encode()
	}
	v := url.Values{}
	switch r.IntN(4) {
	case 0:
		v.Set("type", eventTypes[r.IntN(len(eventTypes))])
	case 1:
		v.Set("actor", entities[r.IntN(6)].id)
	case 2:
		y := 2020 + r.IntN(4)
		v.Set("from", fmt.Sprintf("%d-%02d", y, 1+r.IntN(12)))
		v.Set("to", fmt.Sprint(y))
	}
	return "/api/v1/events?" + v.Encode()
}

// Run sends requests at cfg.Rate for cfg.Duration (open loop: a slow
// response does not delay the next request) and measures latencies.
func Run(ctx context.Context, cfg Config) (Result, error) {
	if cfg.Rate <= 0 || cfg.Duration <= 0 {
		return Result{}, fmt.Errorf("load run: rate and duration must be positive")
	}
	if cfg.Paths == nil {
		cfg.Paths = Queries
	}
	client := cfg.Client
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConns: 256, MaxIdleConnsPerHost: 256}}
	}
	r := rand.New(rand.NewPCG(1, 2))
	n := int(cfg.Rate * cfg.Duration.Seconds())
	interval := time.Duration(float64(time.Second) / cfg.Rate)
	lat := make([]time.Duration, 0, n)
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := 0
	start := time.Now()
	for i := 0; i < n; i++ {
		due := start.Add(time.Duration(i) * interval)
		if d := time.Until(due); d > 0 {
			select {
			case <-time.After(d):
			case <-ctx.Done():
				return Result{}, ctx.Err()
			}
		}
		path := cfg.Paths(r, i)
		wg.Add(1)
		go func() {
			defer wg.Done()
			t0 := time.Now()
			ok := false
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, cfg.BaseURL+path, nil)
			if err == nil {
				resp, err := client.Do(req)
				if err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					ok = resp.StatusCode == http.StatusOK
				}
			}
			d := time.Since(t0)
			mu.Lock()
			lat = append(lat, d)
			if !ok {
				errs++
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	el := time.Since(start).Seconds()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	res := Result{Requests: len(lat), Errors: errs, Seconds: el, Throughput: float64(len(lat)) / el, P50: pct(0.50), P90: pct(0.90), P99: pct(0.99)}
	if len(lat) > 0 {
		res.Max = lat[len(lat)-1]
	}
	return res, nil
}
