package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/vigie-news/vigie/store"
)

// BenchmarkIngest stores synthetic ~3 KB articles in batches of 500
// (MB/s of text; articles/s = 500e9 / ns/op).
func BenchmarkIngest(b *testing.B) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	const batch = 500
	arts := store.SyntheticArticles(1, 4000, 3000)
	var bytes int64
	for _, a := range arts[:batch] {
		bytes += int64(len(a.Text))
	}
	b.SetBytes(bytes)
	b.ResetTimer()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		if i > 0 && i%(len(arts)/batch) == 0 {
			b.StopTimer()
			arts = store.SyntheticArticles(uint64(i+1), 4000, 3000)
			b.StartTimer()
		}
		j := i % (len(arts) / batch) * batch
		c0 := cpuTime()
		if _, err := db.PutArticles(ctx, arts[j:j+batch]); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - c0
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "articles/s")
	if cpu > 0 {
		b.ReportMetric(float64(b.N*batch)/cpu.Seconds(), "articles/cpu-s")
	}
}

// cpuTime is the process's user and system CPU time so far (0 where
// unavailable). On a shared machine it measures work better than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchDB returns a database of n synthetic articles, reusing one left in
// $VIGIE_BENCH_DIR (default: the system temp directory) by an earlier run.
func benchDB(b *testing.B, n int) *DB {
	ctx := context.Background()
	dir := os.Getenv("VIGIE_BENCH_DIR")
	if dir == "" {
		dir = os.TempDir()
	}
	path := filepath.Join(dir, "vigie-bench-v3-"+itoa(n)+".db")
	_, statErr := os.Stat(path)
	db, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	if statErr == nil {
		if st, err := db.Stats(ctx); err == nil && st.Articles == n {
			return db
		}
	}
	b.Logf("building %s", path)
	const batch = 1000
	var wall, cpu time.Duration
	var bytes int64
	for i := 0; i < n; i += batch {
		m := min(batch, n-i)
		arts := store.SyntheticArticles(uint64(i), m, 3000)
		for _, a := range arts {
			bytes += int64(len(a.Text))
		}
		t0, c0 := time.Now(), cpuTime()
		if _, err := db.PutArticles(ctx, arts); err != nil {
			b.Fatal(err)
		}
		wall += time.Since(t0)
		cpu += cpuTime() - c0
	}
	b.Logf("ingested %d articles (%.0f MB) in %v wall, %v CPU: %.0f articles/s, %.2f MB/s, %.0f articles/CPU-s",
		n, float64(bytes)/1e6, wall.Round(time.Millisecond), cpu.Round(time.Millisecond),
		float64(n)/wall.Seconds(), float64(bytes)/1e6/wall.Seconds(), float64(n)/cpu.Seconds())
	return db
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for ; n > 0; n /= 10 {
		d = append([]byte{byte('0' + n%10)}, d...)
	}
	return string(d)
}

// BenchmarkSearch100k runs two-word queries (store.BenchQueries, five
// rounds) over 100,000 synthetic articles and reports p50/p95/p99 latency. Building the database takes
// minutes the first time; it is kept in $VIGIE_BENCH_DIR for later runs.
func BenchmarkSearch100k(b *testing.B) {
	ctx := context.Background()
	db := benchDB(b, 100000)
	defer db.Close()
	b.ResetTimer()
	var lat store.Latency
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		var err error
		if lat, err = store.BenchSearch(ctx, db, store.BenchQueries, 5); err != nil {
			b.Fatal(err)
		}
	}
	cpu := cpuTime() - c0
	b.Logf("search latency: %v; CPU per query %v", lat, cpu/time.Duration(b.N*lat.N))
	b.ReportMetric(float64(lat.P50.Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat.P95.Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(lat.P99.Microseconds())/1000, "p99-ms")
}
