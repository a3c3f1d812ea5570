package main

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestIngestLinksEventsToStoredStories checks, for several batch sizes
// (so that the story flusher runs between, during and after batches), that
// every event stored with a story names a stored story, and that the
// assignments do not depend on the batch size.
func TestIngestLinksEventsToStoredStories(t *testing.T) {
	var first map[string]bool
	for _, batch := range []string{"1", "2", "256"} {
		t.Run("batch="+batch, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "v.db")
			if _, e, code := vigie(t, db, "ingest", "--batch", batch, "testdata/inputs"); code != exitOK {
				t.Fatalf("ingest: %s", e)
			}
			conn, err := sql.Open("sqlite", db)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			ctx := context.Background()
			var dangling, linked int
			if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM events e WHERE e.story != ''
				AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = e.story)`).Scan(&dangling); err != nil {
				t.Fatal(err)
			}
			if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM events WHERE story != ''`).Scan(&linked); err != nil {
				t.Fatal(err)
			}
			if dangling != 0 {
				t.Errorf("%d events name a story that is not stored", dangling)
			}
			if linked == 0 {
				t.Errorf("no event is linked to a story")
			}
			// Story ids are random: compare which events have a story.
			rows, err := conn.QueryContext(ctx, `SELECT id, story != '' FROM events`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			got := map[string]bool{}
			for rows.Next() {
				var id string
				var has bool
				if err := rows.Scan(&id, &has); err != nil {
					t.Fatal(err)
				}
				got[id] = has
			}
			if first == nil {
				first = got
				return
			}
			for id, has := range first {
				if got[id] != has {
					t.Errorf("event %s: linked %v, with the first batch size %v", id, got[id], has)
				}
			}
		})
	}
}
