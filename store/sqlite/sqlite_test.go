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
