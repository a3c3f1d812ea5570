package store

import (
	"context"
	"fmt"
	"sort"
	"time"
)

// Latency summarises timed operations.
type Latency struct {
	N                        int
	Mean, P50, P95, P99, Max time.Duration
}

// String formats the summary for reports.
func (l Latency) String() string {
	return fmt.Sprintf("n=%d mean=%v p50=%v p95=%v p99=%v max=%v", l.N, l.Mean, l.P50, l.P95, l.P99, l.Max)
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
	return Latency{N: len(ds), Mean: sum / time.Duration(len(ds)), P50: q(0.5), P95: q(0.95), P99: q(0.99), Max: ds[len(ds)-1]}
}
