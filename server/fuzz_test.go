package server

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzQueryString sends arbitrary query strings to every GET endpoint:
// the answer must be a 2xx or a 4xx JSON error, never a 5xx or a panic.
func FuzzQueryString(f *testing.F) {
	for _, s := range []string{"q=paix", "q=paix&limit=5&cursor=bzoy", "type=CONSULT&from=2023-01&to=2024", "interval=week&by=actor",
		"q=%zz", "limit=-1", "from=2023-02-30", "cursor=%00", "q=\"unterminated", "min_weight=99999999999999999999", "q=a&q=b", "month=2023-13"} {
		f.Add(s)
	}
	srv, _ := newTestServer(f, Options{})
	paths := []string{"/api/v1/search", "/api/v1/events", "/api/v1/timeline", "/api/v1/network", "/api/v1/entities", "/api/v1/articles",
		"/api/v1/stories", "/api/v1/export/events.csv"}
	f.Fuzz(func(t *testing.T, raw string) {
		if strings.ContainsAny(raw, " #\r\n\x00") {
			return // not representable in a request line
		}
		for _, p := range paths {
			req := httptest.NewRequest("GET", "/", nil)
			req.URL.Path = p
			req.URL.RawQuery = raw
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Fatalf("GET %s?%s: %d %s", p, raw, rec.Code, rec.Body.String())
			}
		}
	})
}

// FuzzCursor checks that cursor decoding never panics and round-trips.
func FuzzCursor(f *testing.F) {
	f.Add("bzoy")
	f.Add(encodeCursor(40))
	f.Fuzz(func(t *testing.T, s string) {
		if off, ok := decodeCursor(s); ok {
			if back, ok2 := decodeCursor(encodeCursor(off)); !ok2 || back != off {
				t.Fatalf("cursor %q → %d does not round-trip", s, off)
			}
		}
	})
}

func BenchmarkSearch(b *testing.B) {
	srv, _ := newTestServer(b, Options{})
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/search?q=paix", nil))
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}

func BenchmarkEvents(b *testing.B) {
	srv, _ := newTestServer(b, Options{})
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/events?type=CONSULT", nil))
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}
