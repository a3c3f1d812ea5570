package story

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/vigie-news/vigie/article"
)

type goldArticle struct {
	File      string  `json:"file"`
	Source    *string `json:"source"`
	Published *string `json:"published"`
	Events    []struct {
		Type   string   `json:"type"`
		Actors []string `json:"actors"`
		Date   *string  `json:"date"`
		Place  *string  `json:"place"`
		Key    string   `json:"key"`
	} `json:"events"`
}

// TestCorpusGoldMerge merges the gold events of the shared corpus (as if
// the extractor were perfect) and scores the stories against the gold keys:
// this measures the merge rules alone. It also checks that the corpus's
// articles are not flagged as copies of one another, except where their
// texts really overlap.
func TestCorpusGoldMerge(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "corpus")
	dirs, _ := filepath.Glob(filepath.Join(root, "*", "gold.jsonl"))
	if len(dirs) == 0 {
		t.Skip("shared corpus not found at ../../shared/corpus; skipping the gold merge evaluation")
	}
	ix := NewIndex(Options{})
	var labels []LabeledReport
	for _, gold := range dirs {
		f, err := os.Open(gold)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var g goldArticle
			if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
				t.Fatalf("%s: %v", gold, err)
			}
			text, err := os.ReadFile(filepath.Join(filepath.Dir(gold), g.File))
			if err != nil {
				t.Fatal(err)
			}
			a := &article.Article{ID: g.File, Text: string(text)}
			if g.Source != nil {
				a.Outlet = *g.Source
			}
			if g.Published != nil {
				a.Published, _ = article.ParseDate(*g.Published)
			}
			for i, e := range g.Events {
				ev := article.Event{ID: fmt.Sprintf("%s#%d", g.File, i), Type: e.Type}
				for _, n := range e.Actors {
					ev.Actors = append(ev.Actors, article.Actor{Name: n, Role: article.RoleSource})
				}
				if e.Date != nil {
					ev.Date, _ = article.ParseDate(*e.Date)
				}
				if e.Place != nil {
					ev.Place = &article.Place{Name: *e.Place}
				}
				a.Events = append(a.Events, ev)
			}
			dup, ids := ix.AddArticle(a)
			if dup != "" {
				t.Logf("%s flagged as a near-duplicate of %s", g.File, dup)
			}
			for i, e := range g.Events {
				labels = append(labels, LabeledReport{ArticleID: g.File, Type: e.Type, Key: e.Key, Story: ids[a.Events[i].ID]})
			}
		}
		f.Close()
	}
	if testing.Verbose() {
		for i, a := range labels {
			for _, b := range labels[i+1:] {
				if a.ArticleID != b.ArticleID && a.Type == b.Type && a.Key == b.Key && a.Story != b.Story && a.Key[:5] != "null|" {
					for _, r := range ix.Story(b.Story).Reports {
						if r.ArticleID == b.ArticleID {
							t.Logf("missed %s %s: %s vs %s: %s", a.Type, a.Key, a.ArticleID, b.ArticleID, r.Why)
						}
					}
				}
			}
		}
	}
	s := PairwiseScore(labels)
	t.Logf("gold events merged: %d pairs expected, %d merged, %d right: precision %.3f recall %.3f F1 %.3f",
		s.GoldPairs, s.SysPairs, s.TP, s.Precision, s.Recall, s.F1)
	if s.Precision < 0.7 {
		t.Errorf("merge precision %.3f on gold events", s.Precision)
	}
}
