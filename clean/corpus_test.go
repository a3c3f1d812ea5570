package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/eval"
)

func corpusDir(t testing.TB) string {
	dir := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpus absent at %s: %v", dir, err)
	}
	return dir
}

// TestCorpusPublished checks the publication date and outlet found in the
// corpus texts against the gold (without the gold URL: the texts alone).
func TestCorpusPublished(t *testing.T) {
	root := corpusDir(t)
	var withPub, okPub, withSrc, okSrc int
	for _, sub := range []string{"seeds", "dev", "dev-en"} {
		dir := filepath.Join(root, sub)
		gold, err := eval.LoadGold(filepath.Join(dir, "gold.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range gold {
			raw, err := os.ReadFile(filepath.Join(dir, g.File))
			if err != nil {
				t.Fatal(err)
			}
			a := &article.Article{Text: string(raw), Raw: raw, Format: "text"}
			Clean(a)
			if g.Published != "" {
				withPub++
				want, _ := article.ParseDate(g.Published)
				if want.Contains(a.Published) {
					okPub++
				} else {
					t.Logf("%s/%s: published %q, gold %q", sub, g.File, a.Published, g.Published)
				}
			}
			if g.Source != "" && a.Outlet != "" {
				withSrc++
				if a.Outlet == g.Source {
					okSrc++
				} else {
					t.Logf("%s/%s: outlet %q, gold %q", sub, g.File, a.Outlet, g.Source)
				}
			}
			if os.Getenv("VIGIE_DUMP") != "" {
				t.Logf("%s/%s title=%q dateline=%+v\n---\n%s\n---\n...%s", sub, g.File, a.Title, a.Dateline, head2(a.Text), tail2(a.Text))
			}
		}
	}
	t.Logf("published: %d/%d; outlet (when found in text): %d/%d", okPub, withPub, okSrc, withSrc)
	if withPub > 0 && float64(okPub) < 0.95*float64(withPub) {
		t.Errorf("published agrees with gold for %d/%d articles, want >= 95%%", okPub, withPub)
	}
}

func head2(s string) string {
	if len(s) > 300 {
		return s[:300]
	}
	return s
}

func tail2(s string) string {
	if len(s) > 300 {
		return s[len(s)-300:]
	}
	return s
}

var _ = strings.TrimSpace
