package server

import (
	"fmt"
	"net/http"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// durationBuckets are the histogram upper bounds in seconds.
var durationBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// metrics is a small Prometheus text-format exposition (no client library).
type metrics struct {
	mu       sync.Mutex
	requests map[reqKey]int64
	hists    map[string]*histogram
	inFlight atomic.Int64
	panics   atomic.Int64
	ingested atomic.Int64
	start    time.Time
}

type reqKey struct {
	route, method string
	code          int
}

type histogram struct {
	counts []int64 // per bucket, not cumulative; last is +Inf
	sum    float64
	n      int64
}

func newMetrics() *metrics {
	return &metrics{requests: map[reqKey]int64{}, hists: map[string]*histogram{}, start: time.Now()}
}

func (m *metrics) observe(route, method string, code int, d time.Duration) {
	switch method {
	case "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS":
	default:
		method = "other"
	}
	sec := d.Seconds()
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[reqKey{route, method, code}]++
	h := m.hists[route]
	if h == nil {
		h = &histogram{counts: make([]int64, len(durationBuckets)+1)}
		m.hists[route] = h
	}
	i := sort.SearchFloat64s(durationBuckets, sec)
	h.counts[i]++
	h.sum += sec
	h.n++
}

func escapeLabel(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) error {
	m := s.metrics
	var b strings.Builder
	b.WriteString("# HELP vigie_http_requests_total HTTP requests by route, method and status code.\n# TYPE vigie_http_requests_total counter\n")
	m.mu.Lock()
	keys := make([]reqKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, c := keys[i], keys[j]
		if a.route != c.route {
			return a.route < c.route
		}
		if a.method != c.method {
			return a.method < c.method
		}
		return a.code < c.code
	})
	for _, k := range keys {
		fmt.Fprintf(&b, "vigie_http_requests_total{route=\"%s\",method=\"%s\",code=\"%d\"} %d\n", escapeLabel(k.route), k.method, k.code, m.requests[k])
	}
	b.WriteString("# HELP vigie_http_request_duration_seconds HTTP request latency by route.\n# TYPE vigie_http_request_duration_seconds histogram\n")
	routes := make([]string, 0, len(m.hists))
	for r := range m.hists {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, rt := range routes {
		h := m.hists[rt]
		var cum int64
		for i, ub := range durationBuckets {
			cum += h.counts[i]
			fmt.Fprintf(&b, "vigie_http_request_duration_seconds_bucket{route=\"%s\",le=\"%s\"} %d\n", escapeLabel(rt), strconv.FormatFloat(ub, 'g', -1, 64), cum)
		}
		cum += h.counts[len(durationBuckets)]
		fmt.Fprintf(&b, "vigie_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %d\n", escapeLabel(rt), cum)
		fmt.Fprintf(&b, "vigie_http_request_duration_seconds_sum{route=\"%s\"} %g\n", escapeLabel(rt), h.sum)
		fmt.Fprintf(&b, "vigie_http_request_duration_seconds_count{route=\"%s\"} %d\n", escapeLabel(rt), h.n)
	}
	m.mu.Unlock()
	fmt.Fprintf(&b, "# HELP vigie_http_in_flight_requests Requests being served.\n# TYPE vigie_http_in_flight_requests gauge\nvigie_http_in_flight_requests %d\n", m.inFlight.Load())
	fmt.Fprintf(&b, "# HELP vigie_http_panics_total Handler panics recovered.\n# TYPE vigie_http_panics_total counter\nvigie_http_panics_total %d\n", m.panics.Load())
	fmt.Fprintf(&b, "# HELP vigie_ingested_articles_total Articles stored through POST /api/v1/articles.\n# TYPE vigie_ingested_articles_total counter\nvigie_ingested_articles_total %d\n", m.ingested.Load())
	fmt.Fprintf(&b, "# HELP go_goroutines Number of goroutines.\n# TYPE go_goroutines gauge\ngo_goroutines %d\n", runtime.NumGoroutine())
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(&b, "# HELP go_memstats_heap_alloc_bytes Heap bytes allocated and in use.\n# TYPE go_memstats_heap_alloc_bytes gauge\ngo_memstats_heap_alloc_bytes %d\n", ms.HeapAlloc)
	fmt.Fprintf(&b, "# HELP process_uptime_seconds Seconds since the server started.\n# TYPE process_uptime_seconds gauge\nprocess_uptime_seconds %g\n", time.Since(m.start).Seconds())
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, err := w.Write([]byte(b.String()))
	return err
}
