package event

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/kb"
	"github.com/vigie-news/vigie/translit"
)

// goldEvent and goldArticle follow /work/shared/GUIDELINE.md.
type goldEvent struct {
	Type     string   `json:"type"`
	Actors   []string `json:"actors"`
	Date     *string  `json:"date"`
	Evidence string   `json:"evidence"`
}

type goldArticle struct {
	File      string  `json:"file"`
	Lang      string  `json:"lang"`
	Published *string `json:"published"`
	Persons   []struct {
		Name    string   `json:"name"`
		Surface []string `json:"surface"`
	} `json:"persons"`
	Events []goldEvent `json:"events"`
}

func loadGold(t *testing.T, path string) []goldArticle {
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("opening gold: %v", err)
	}
	defer f.Close()
	var out []goldArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var g goldArticle
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("decoding gold line: %v", err)
		}
		out = append(out, g)
	}
	return out
}

// stubMentions stands in for the entity layer until it lands: KB alias
// and demonym matches, plus the gold persons' surfaces (an oracle for
// persons the KB lacks).
func stubMentions(k *kb.KB, text string, g goldArticle) []article.Mention {
	var out []article.Mention
	taken := make([]bool, len(text)+1)
	if k != nil {
		for _, m := range k.Matcher().FindAll(text) {
			if len(m.Hits) == 0 {
				continue
			}
			e := m.Hits[0].Entity
			kind := article.KindName
			if m.Hits[0].Demonym {
				kind = article.KindDemonym
			}
			out = append(out, article.Mention{Span: article.Span{Start: m.Start, End: m.End}, Text: text[m.Start:m.End],
				Type: e.Type, Kind: kind, Entity: e.ID, Name: e.Name, Country: e.Country})
			for i := m.Start; i < m.End; i++ {
				taken[i] = true
			}
		}
	}
	for _, p := range g.Persons {
		country := ""
		if k != nil {
			if es := k.ByAlias(p.Name); len(es) > 0 {
				country = es[0].Country
			}
		}
		for _, s := range p.Surface {
			for off := 0; ; {
				i := strings.Index(text[off:], s)
				if i < 0 {
					break
				}
				st, en := off+i, off+i+len(s)
				off = en
				if taken[st] || taken[en-1] {
					continue
				}
				out = append(out, article.Mention{Span: article.Span{Start: st, End: en}, Text: s, Type: article.TypePerson,
					Kind: article.KindName, Entity: "gold:" + p.Name, Name: p.Name, Country: country})
				for j := st; j < en; j++ {
					taken[j] = true
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func foldSet(names []string) string {
	var f []string
	for _, n := range names {
		f = append(f, translit.Fold(n))
	}
	sort.Strings(f)
	return strings.Join(f, "+")
}

type prf struct{ tp, fp, fn int }

func (p prf) String() string {
	pr, rc := ratio(p.tp, p.tp+p.fp), ratio(p.tp, p.tp+p.fn)
	f := 0.0
	if pr+rc > 0 {
		f = 2 * pr * rc / (pr + rc)
	}
	return fmt.Sprintf("P=%.2f R=%.2f F1=%.2f (tp=%d fp=%d fn=%d)", pr, rc, f, p.tp, p.fp, p.fn)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// TestCorpus runs the extractor over the shared corpus and prints per-type
// scores with every miss and false alarm. It only fails on errors: the
// figures are for driving improvement.
func TestCorpus(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skip("shared corpus not found at ../../shared/corpus; skipping corpus evaluation")
	}
	k, err := kb.Default()
	if err != nil {
		t.Logf("KB unavailable (%v); using gold persons only", err)
		k = nil
	}
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	scores := map[string]*prf{}
	get := func(ty string) *prf {
		if scores[ty] == nil {
			scores[ty] = &prf{}
		}
		return scores[ty]
	}
	var report strings.Builder
	for _, set := range []string{"seeds", "dev", "dev-en"} {
		golds := loadGold(t, filepath.Join(root, set, "gold.jsonl"))
		for _, g := range golds {
			raw, err := os.ReadFile(filepath.Join(root, set, g.File))
			if err != nil {
				t.Fatalf("reading %s: %v", g.File, err)
			}
			a := &article.Article{ID: g.File, Text: string(raw), Lang: g.Lang}
			if strings.HasPrefix(a.Text, " date ") {
				if nl := strings.IndexAny(a.Text[6:], " \n"); nl > 0 {
					a.Published, _ = article.ParseDate(a.Text[6 : 6+nl])
				}
			}
			a.Mentions = stubMentions(k, a.Text, g)
			if err := x.Extract(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			used := make([]bool, len(a.Events))
			for _, ge := range g.Events {
				found := -1
				for i, se := range a.Events {
					if used[i] || se.Type != ge.Type {
						continue
					}
					var names []string
					for _, p := range se.Participants() {
						names = append(names, p.Name)
					}
					if foldSet(names) != foldSet(ge.Actors) {
						continue
					}
					if ge.Date != nil {
						gd, _ := article.ParseDate(*ge.Date)
						if !gd.Contains(se.Date) {
							continue
						}
					}
					found = i
					break
				}
				if found >= 0 {
					used[found] = true
					get(ge.Type).tp++
				} else {
					get(ge.Type).fn++
					d := "null"
					if ge.Date != nil {
						d = *ge.Date
					}
					fmt.Fprintf(&report, "MISS %s/%s %s %v %s\n     %.200q\n", set, g.File, ge.Type, ge.Actors, d, ge.Evidence)
				}
			}
			for i, se := range a.Events {
				if used[i] {
					continue
				}
				get(se.Type).fp++
				var names []string
				for _, p := range se.Actors {
					names = append(names, p.Role[:1]+":"+p.Name)
				}
				fmt.Fprintf(&report, "FALSE %s/%s %s/%s %v %s\n     %.200q\n", set, g.File, se.Type, se.Mode, names, se.Date, se.Evidence[0].Text)
			}
		}
	}
	all := prf{}
	var types []string
	for ty, s := range scores {
		types = append(types, ty)
		all.tp += s.tp
		all.fp += s.fp
		all.fn += s.fn
	}
	sort.Strings(types)
	if testing.Verbose() {
		t.Log("\n" + report.String())
	}
	for _, ty := range types {
		t.Logf("%-8s %s", ty, scores[ty])
	}
	t.Logf("%-8s %s", "ALL", all)
}
