package loadbench

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigie-news/vigie/server"
	"github.com/vigie-news/vigie/store/sqlite"
)

// BenchmarkLoad builds (once, cached in the temp dir) a store of
// VIGIE_LOAD_ARTICLES synthetic articles (default 100000), then sends
// VIGIE_LOAD_RATE requests/s (default 200) for VIGIE_LOAD_SECONDS (default
// 20) to /api/v1/search and /api/v1/events, and reports p50/p99.
// VIGIE_LOAD_ACTIVE sets server.Options.MaxActive (default: the server's).
func BenchmarkLoad(b *testing.B) {
	n := envInt("VIGIE_LOAD_ARTICLES", 100000)
	rate := envInt("VIGIE_LOAD_RATE", 200)
	secs := envInt("VIGIE_LOAD_SECONDS", 20)
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), "vigie-loadbench-"+strconv.Itoa(n)+".db")
	_, statErr := os.Stat(path)
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if statErr != nil {
		t0 := time.Now()
		if err := Fill(ctx, st, n, func(done int) {
			if done%20000 == 0 {
				b.Logf("stored %d articles (%v)", done, time.Since(t0).Round(time.Second))
			}
		}); err != nil {
			os.Remove(path)
			b.Fatal(err)
		}
		b.Logf("built %s with %d articles in %v", path, n, time.Since(t0).Round(time.Second))
	}
	ts := httptest.NewServer(server.New(st, server.Options{MaxActive: envInt("VIGIE_LOAD_ACTIVE", 0)}))
	defer ts.Close()
	// Warm up caches.
	if _, err := Run(ctx, Config{BaseURL: ts.URL, Rate: 50, Duration: 2 * time.Second}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		load0, cpu0 := loadAvg(), cpuTime()
		res, err := Run(ctx, Config{BaseURL: ts.URL, Rate: float64(rate), Duration: time.Duration(secs) * time.Second})
		if err != nil {
			b.Fatal(err)
		}
		cpu := cpuTime() - cpu0
		b.Logf("%d articles, %d req/s offered: %s", n, rate, res)
		b.Logf("process CPU (server and load generator) %.1f s = %.2f cores, %.2f ms per request; load average %s before, %s after",
			cpu.Seconds(), cpu.Seconds()/res.Seconds, float64(cpu.Microseconds())/1000/float64(max(res.Requests, 1)), load0, loadAvg())
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(max(res.Requests, 1)), "cpu-ms/req")
		b.ReportMetric(float64(res.P50.Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(res.P99.Microseconds())/1000, "p99-ms")
		b.ReportMetric(res.Throughput, "req/s")
		b.ReportMetric(float64(res.Errors), "errors")
	}
}

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loadAvg is the machine's 1-minute load average ("?" when unknown).
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// TestRunSmall checks the generator on a tiny store.
func TestRunSmall(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "small.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := Fill(ctx, st, 300, nil); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(server.New(st, server.Options{}))
	defer ts.Close()
	res, err := Run(ctx, Config{BaseURL: ts.URL, Rate: 100, Duration: 500 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if res.Requests != 50 || res.Errors != 0 {
		t.Fatalf("run: %s", res)
	}
}
