package loadbench

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/vigie-news/vigie/server"
	"github.com/vigie-news/vigie/store"
	"github.com/vigie-news/vigie/store/sqlite"
)

// plainStore hides the optional capabilities of the store it wraps, so
// that the server falls back to reading events and aggregating in memory.
type plainStore struct{ store.Store }

// TestAggregatesMatchFallback checks that timelines, networks and exports
// computed by the store (SQL aggregation, streamed events) equal those the
// server computes in memory from the event list.
func TestAggregatesMatchFallback(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "agg.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := Fill(ctx, st, 600, nil); err != nil {
		t.Fatal(err)
	}
	fast := server.New(st, server.Options{CacheEntries: -1})
	slow := server.New(plainStore{st}, server.Options{CacheEntries: -1})
	paths := []string{
		"/api/v1/timeline", "/api/v1/timeline?by=actor", "/api/v1/timeline?interval=day&by=actor&top=3",
		"/api/v1/timeline?interval=week&type=CONSULT", "/api/v1/timeline?from=2021&to=2022-06&by=actor",
		"/api/v1/timeline?actor=Q7095245&by=actor", "/api/v1/timeline?all=true&interval=day",
		"/api/v1/network", "/api/v1/network?min_weight=2&max_edges=5", "/api/v1/network?type=ACCUSE",
		"/api/v1/network?actor=Q46513&from=2022", "/api/v1/export/network.gexf?max_edges=10",
		"/api/v1/export/events.csv", "/api/v1/export/events.jsonl?type=AGREE", "/api/v1/export/events.csv?actor=Q16666&from=2020-05",
		"/api/v1/export/events.jsonl?outlet=nowhere",
		"/api/v1/timeline?by=actor&type=ACCUSE&from=2021", "/api/v1/timeline?by=actor&interval=week&from=2022-03&to=2022-09&all=true",
		"/api/v1/network?all=true", "/api/v1/network?type=CONSULT&from=2021-06&to=2022", "/api/v1/network?outlet=nowhere",
	}
	for _, p := range paths {
		a, b := httptest.NewRecorder(), httptest.NewRecorder()
		fast.ServeHTTP(a, httptest.NewRequest("GET", p, nil))
		slow.ServeHTTP(b, httptest.NewRequest("GET", p, nil))
		if a.Code != 200 || b.Code != 200 {
			t.Errorf("%s: %d / %d %s", p, a.Code, b.Code, a.Body.String())
			continue
		}
		if a.Body.String() != b.Body.String() {
			t.Errorf("%s: store aggregation differs from the in-memory one\nstore:  %.600s\nmemory: %.600s", p, a.Body.String(), b.Body.String())
		}
		if a.Body.Len() < 30 {
			t.Logf("%s: short answer %q", p, a.Body.String())
		}
	}
}
