package sqlite

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/store"
)

// TestCorpusNameRecall ingests the shared evaluation corpus and checks
// that searching a person's canonical name (English Wikipedia spelling)
// finds the articles whose text spells it otherwise (French
// transliterations, bare surnames). It logs the recall and fails below 90%.
func TestCorpusNameRecall(t *testing.T) {
	root := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("shared corpus not found at %s (it is not part of the repository): %v", root, err)
	}
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	type gold struct {
		File    string `json:"file"`
		Lang    string `json:"lang"`
		Persons []struct {
			Name    string   `json:"name"`
			Surface []string `json:"surface"`
		} `json:"persons"`
	}
	type want struct{ id, name, query string }
	var wants []want
	var arts []*article.Article
	for _, split := range []string{"seeds", "dev", "dev-en"} {
		f, err := os.Open(filepath.Join(root, split, "gold.jsonl"))
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var g gold
			if json.Unmarshal(sc.Bytes(), &g) != nil {
				continue
			}
			b, err := os.ReadFile(filepath.Join(root, split, g.File))
			if err != nil {
				continue
			}
			a := &article.Article{Text: string(b), Lang: g.Lang, Path: filepath.Join(split, g.File)}
			a.ID = article.ComputeID(a.Text)
			arts = append(arts, a)
			for _, p := range g.Persons {
				for _, s := range p.Surface {
					if !strings.Contains(a.Text, s) {
						continue
					}
					// Query the canonical form of the words the surface uses: the
					// surname alone for a bare surname, the full name otherwise.
					q := p.Name
					if !strings.Contains(s, " ") {
						fs := strings.Fields(p.Name)
						q = fs[len(fs)-1]
					}
					wants = append(wants, want{a.ID, p.Name, q})
				}
			}
		}
		f.Close()
	}
	if len(arts) == 0 {
		t.Skip("no corpus articles found")
	}
	if _, err := db.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, w := range wants {
		hits, err := db.Search(ctx, store.SearchQuery{Text: w.query, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		ok := false
		for _, h := range hits {
			if h.ID == w.id {
				ok = true
				break
			}
		}
		if ok {
			found++
		} else {
			t.Logf("query %q misses article %s", w.query, w.id)
		}
	}
	recall := float64(found) / float64(len(wants))
	t.Logf("name recall: %d/%d = %.3f over %d articles", found, len(wants), recall, len(arts))
	if recall < 0.9 {
		t.Errorf("name recall %.3f < 0.9", recall)
	}
}
