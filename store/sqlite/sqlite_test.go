package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/vigie-news/vigie/article"
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

// TestBroadQueriesNewestFirst checks the ranking rule of CandidateCap: a
// word in more articles than the cap lists the newest first (score 0), a
// rarer word is ranked by BM25.
func TestBroadQueriesNewestFirst(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "v.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	arts := make([]*article.Article, 0, CandidateCap+10)
	for i := 0; i < CandidateCap+10; i++ {
		text := fmt.Sprintf("Bulletin numéro %d sur la frontière.", i)
		switch i {
		case 3:
			text += " Le traité, le traité, toujours le traité."
		case 7:
			text += " Un traité est évoqué."
		}
		arts = append(arts, &article.Article{Lang: "fr", Text: text, Path: fmt.Sprintf("b/%d.txt", i)})
	}
	if _, err := db.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	hits, err := db.Search(ctx, store.SearchQuery{Text: "frontière", Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 3 || hits[0].ID != arts[len(arts)-1].ID || hits[0].Score != 0 {
		t.Fatalf("broad query: want the newest article first with score 0, got %+v", hits)
	}
	hits, err = db.Search(ctx, store.SearchQuery{Text: "traité", Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].ID != arts[3].ID || hits[0].Score <= hits[1].Score {
		t.Fatalf("narrow query: want BM25 order (3 occurrences before 1), got %+v", hits)
	}
}
