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
