package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/store"
)

// BenchmarkAggregates times ActorNetwork and EventCounts by actor (what
// /api/v1/network and /api/v1/timeline?by=actor ask the store) on the
// store server/loadbench builds and caches: $VIGIE_AGG_DB, else
// vigie-loadbench-100000.db in the temp directory (build it with
// `go test ./server/loadbench -run '^$' -bench Load -benchtime 1x`).
// Opening it applies pending migrations.
func BenchmarkAggregates(b *testing.B) {
	path := os.Getenv("VIGIE_AGG_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), "vigie-loadbench-100000.db")
	}
	if _, err := os.Stat(path); err != nil {
		b.Skipf("no cached load-bench store at %s (build it with the server/loadbench benchmark): %v", path, err)
	}
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	year := article.Date{Year: 2022, Precision: article.PrecYear}
	filters := []struct {
		name string
		f    store.EventFilter
	}{
		{"all", store.EventFilter{}},
		{"type-year", store.EventFilter{Type: "ACCUSE", From: year, To: year}},
	}
	for _, fc := range filters {
		b.Run("network/"+fc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				g, err := db.ActorNetwork(ctx, fc.f)
				if err != nil {
					b.Fatal(err)
				}
				if i == 0 {
					b.Logf("%d events, %d actors, %d pairs", g.Events, len(g.Actors), len(g.Pairs))
				}
			}
		})
		b.Run("timeline-actor/"+fc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				c, err := db.EventCounts(ctx, fc.f, "actor")
				if err != nil {
					b.Fatal(err)
				}
				if i == 0 {
					b.Logf("%d counts", len(c))
				}
			}
		})
	}
}
