package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/store"
)

// TestSketchesAndDupOf stores two articles, one a near-duplicate of the
// other, with their sketches, and reads both back after reopening.
func TestSketchesAndDupOf(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "vigie.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	arts := []*article.Article{
		{ID: "orig", Text: "An original report about a meeting in a capital."},
		{ID: "copy", Text: "A copy of the original report about a meeting.", DupOf: "orig"},
	}
	if _, err := db.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	if err := db.PutSketches(ctx, []string{"orig", "copy"}, [][]byte{{1, 0, 0, 0, 7, 0, 0, 0}, {1, 0, 0, 0, 8, 0, 0, 0}}); err != nil {
		t.Fatal(err)
	}
	// A second copy of a sketch is ignored; mismatched lengths fail.
	if err := db.PutSketches(ctx, []string{"orig"}, [][]byte{{9}}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutSketches(ctx, []string{"orig"}, nil); err == nil {
		t.Error("mismatched ids and sketches accepted")
	}
	db.Close()
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	type row struct {
		id, dup string
		last    byte
	}
	var got []row
	err = db.Sketches(ctx, func(id, dup string, sk []byte) error {
		got = append(got, row{id, dup, sk[len(sk)-4]})
		return nil
	})
	want := []row{{"orig", "", 7}, {"copy", "orig", 8}}
	if err != nil || len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("Sketches = %v, %v; want %v", got, err, want)
	}
	a, err := db.Article(ctx, "copy")
	if err != nil || a.DupOf != "orig" {
		t.Errorf("Article(copy).DupOf = %q, %v", a.DupOf, err)
	}
	var light []string
	err = db.Articles(ctx, store.ArticleFilter{Light: true}, func(a *article.Article) error {
		light = append(light, a.ID+">"+a.DupOf)
		return nil
	})
	if err != nil || len(light) != 2 || light[1] != "copy>orig" {
		t.Errorf("Articles(light) = %v, %v", light, err)
	}
}
