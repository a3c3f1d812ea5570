package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/vigie-news/vigie/store"
	"github.com/vigie-news/vigie/store/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db, err := Open(context.Background(), filepath.Join(t.TempDir(), "sub", "vigie.db"))
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}

func TestStoreMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db, err := Open(context.Background(), ":memory:")
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data/home")
	if p, err := DefaultPath(); err != nil || p != "/data/home/vigie/vigie.db" {
		t.Errorf("DefaultPath with XDG_DATA_HOME = %q, %v", p, err)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/someone")
	if p, err := DefaultPath(); err != nil || p != "/home/someone/.local/share/vigie/vigie.db" {
		t.Errorf("DefaultPath without XDG_DATA_HOME = %q, %v", p, err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutArticles(ctx, store.SyntheticArticles(3, 10, 500)); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopening: %v", err)
	}
	defer db.Close()
	st, err := db.Stats(ctx)
	if err != nil || st.Articles != 10 {
		t.Errorf("after reopen: %+v, %v", st, err)
	}
	if hits, err := db.Search(ctx, store.SearchQuery{Text: "ministre"}); err != nil || len(hits) == 0 {
		t.Errorf("search after reopen: %d hits, %v", len(hits), err)
	}
}

// TestReindexResumes simulates a full-text index recreated by a migration
// and re-indexed after an interruption: reopening finishes the job.
func TestReindexResumes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	arts := store.SyntheticArticles(5, 1200, 400)
	if _, err := db.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	var mid int64
	if err := db.w.QueryRow(`SELECT rid FROM articles ORDER BY rid LIMIT 1 OFFSET 600`).Scan(&mid); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DELETE FROM fts WHERE rowid > ?`, `INSERT INTO fts_reindex (last_rid) VALUES (?)`} {
		if _, err := db.w.Exec(q, mid); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(ctx, path); err != nil {
		t.Fatalf("reopening: %v", err)
	}
	defer db.Close()
	last := arts[len(arts)-1]
	hits, err := db.Search(ctx, store.SearchQuery{Text: `"` + last.Title + `"`})
	if err != nil || len(hits) == 0 || hits[0].ID != last.ID {
		t.Errorf("search for the last article's title after re-index: %v, %v", hits, err)
	}
	var pending int
	if err := db.w.QueryRow(`SELECT count(*) FROM fts_reindex`).Scan(&pending); err != nil || pending != 0 {
		t.Errorf("re-index still pending: %d, %v", pending, err)
	}
}
