package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestLimiterRefusesWhenFull(t *testing.T) {
	tests := []struct {
		name            string
		running, queued int
		timeout         time.Duration
	}{
		{"queue full", 1, 0, time.Second},
		{"queue timeout", 1, 1, 10 * time.Millisecond},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := newLimiter(tc.running, tc.queued, tc.timeout)
			release, err := l.acquire(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if _, err := l.acquire(context.Background()); err == nil || !strings.Contains(err.Error(), "busy") {
				t.Fatalf("second acquire: %v, want busy", err)
			}
			release()
			r2, err := l.acquire(context.Background())
			if err != nil {
				t.Fatalf("after release: %v", err)
			}
			r2()
			if l.refused.Load() != 1 {
				t.Errorf("refused = %d", l.refused.Load())
			}
		})
	}
}

func TestBusyAnswer(t *testing.T) {
	srv, _ := newTestServer(t, Options{MaxActive: 1, MaxQueued: 1, QueueTimeout: time.Millisecond, CacheEntries: -1})
	release, err := srv.limiter.acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	for _, path := range []string{"/api/v1/events", "/api/v1/search?q=paix", "/api/v1/export/events.csv"} {
		rec := do(t, srv, "GET", path, nil)
		if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
			t.Errorf("%s: %d Retry-After=%q", path, rec.Code, rec.Header().Get("Retry-After"))
		}
		if got := decode(t, rec)["error"].(map[string]any)["code"]; got != "busy" {
			t.Errorf("%s: code %v", path, got)
		}
	}
	if rec := do(t, srv, "GET", "/healthz", nil); rec.Code != 200 {
		t.Errorf("healthz while busy: %d", rec.Code)
	}
}

func TestBusyAnswerThroughCache(t *testing.T) {
	srv, _ := newTestServer(t, Options{MaxActive: 1, MaxQueued: 1, QueueTimeout: time.Millisecond})
	release, err := srv.limiter.acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rec := do(t, srv, "GET", "/api/v1/stats", nil)
	release()
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("busy: %d Retry-After=%q", rec.Code, rec.Header().Get("Retry-After"))
	}
	if rec := do(t, srv, "GET", "/api/v1/stats", nil); rec.Code != 200 || rec.Header().Get("X-Cache") != "miss" {
		t.Errorf("after busy: %d %q (a refusal must not be cached)", rec.Code, rec.Header().Get("X-Cache"))
	}
}

func TestGzipAssets(t *testing.T) {
	js := []byte(strings.Repeat("console.log('vigie');\n", 200))
	st, _ := newTestServer(t, Options{})
	srv := New(st.st, Options{UI: fstest.MapFS{"index.html": {Data: []byte("<p>hi</p>")}, "assets/app.js": {Data: js},
		"assets/tiny.css": {Data: []byte("p{}")}, "assets/logo.png": {Data: bytes.Repeat([]byte{1}, 4096)}}})
	tests := []struct {
		path, accept string
		gzipped      bool
	}{
		{"/assets/app.js", "gzip, deflate, br", true},
		{"/assets/app.js", "br;q=1.0, gzip;q=0.8", true},
		{"/assets/app.js", "gzip;q=0", false},
		{"/assets/app.js", "", false},
		{"/assets/app.js", "*", true},
		{"/assets/tiny.css", "gzip", false},
		{"/assets/logo.png", "gzip", false},
	}
	for _, tc := range tests {
		rec := do(t, srv, "GET", tc.path, nil, "Accept-Encoding", tc.accept)
		if rec.Code != 200 {
			t.Fatalf("%s %q: %d", tc.path, tc.accept, rec.Code)
		}
		h := rec.Header()
		if got := h.Get("Content-Encoding") == "gzip"; got != tc.gzipped {
			t.Errorf("%s %q: Content-Encoding %q", tc.path, tc.accept, h.Get("Content-Encoding"))
		}
		if h.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: no CSP", tc.path)
		}
		if strings.HasSuffix(tc.path, ".js") {
			if !strings.Contains(h.Get("Vary"), "Accept-Encoding") || !strings.Contains(h.Get("Content-Type"), "javascript") {
				t.Errorf("%s: Vary %q Content-Type %q", tc.path, h.Get("Vary"), h.Get("Content-Type"))
			}
			body := rec.Body.Bytes()
			if tc.gzipped {
				zr, err := gzip.NewReader(bytes.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				if body, err = io.ReadAll(zr); err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(body, js) {
				t.Errorf("%s %q: body differs", tc.path, tc.accept)
			}
		}
	}
}
