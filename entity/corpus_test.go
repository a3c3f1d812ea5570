package entity

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/kb"
	"github.com/vigie-news/vigie/translit"
)

type goldArticle struct {
	File    string `json:"file"`
	Lang    string `json:"lang"`
	Persons []struct {
		Name    string   `json:"name"`
		Surface []string `json:"surface"`
	} `json:"persons"`
}

var dateLine = regexp.MustCompile(`^ date (\d{4}-\d{2}(?:-\d{2})?)\s*\n`)

// loadCorpusArticle reads a corpus text the simple way: a leading
// " date YYYY-MM(-DD)" line becomes Published, the rest is the text.
func loadCorpusArticle(path, lang string) (*article.Article, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	text := string(b)
	a := &article.Article{ID: filepath.Base(path), Lang: lang}
	if m := dateLine.FindStringSubmatch(text); m != nil {
		a.Published, _ = article.ParseDate(m[1])
		text = text[len(m[0]):]
	}
	a.Text = text
	return a, nil
}

type personScore struct {
	surfaces, covered int
	sysEntities       int
	spurious          int
	spuriousRole      int // role mentions resolved to persons not in gold
	misses            []string
	spur              []string
}

func wordAt(text string, i, j int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsLetter(r) {
			return false
		}
	}
	if j < len(text) {
		r, _ := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func scorePersons(a *article.Article, g goldArticle, sc *personScore) {
	gold := map[string]bool{}
	for _, p := range g.Persons {
		gold[translit.Fold(p.Name)] = true
	}
	for _, p := range g.Persons {
		for _, surf := range p.Surface {
			for off := 0; ; {
				k := strings.Index(a.Text[off:], surf)
				if k < 0 {
					break
				}
				st, en := off+k, off+k+len(surf)
				off = en
				if !wordAt(a.Text, st, en) {
					continue
				}
				sc.surfaces++
				ok := false
				for _, m := range a.Mentions {
					if m.Type == article.TypePerson && m.Kind != article.KindRole && m.Start <= st && en <= m.End &&
						translit.Fold(m.Name) == translit.Fold(p.Name) {
						ok = true
					}
				}
				if ok {
					sc.covered++
				} else {
					sc.misses = append(sc.misses, g.File+": "+surf+" → "+p.Name)
				}
			}
		}
	}
	seen := map[string]bool{}
	seenRole := map[string]bool{}
	for _, m := range a.Mentions {
		if m.Type != article.TypePerson || m.Name == "" {
			continue
		}
		f := translit.Fold(m.Name)
		if m.Kind == article.KindRole {
			if m.Entity != "" && !gold[f] && !seenRole[f] {
				seenRole[f] = true
				sc.spuriousRole++
			}
			continue
		}
		if seen[f] {
			continue
		}
		seen[f] = true
		sc.sysEntities++
		if !gold[f] {
			sc.spurious++
			sc.spur = append(sc.spur, g.File+": "+m.Name+" ("+m.Text+")")
		}
	}
}

func TestCorpusPersons(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus not available at %s: %v", root, err)
	}
	k, err := kb.Default()
	if err != nil {
		t.Fatalf("loading KB: %v", err)
	}
	r := New(k, Options{})
	total := &personScore{}
	for _, dir := range []string{"seeds", "dev", "dev-en"} {
		f, err := os.Open(filepath.Join(root, dir, "gold.jsonl"))
		if err != nil {
			t.Logf("skipping %s: %v", dir, err)
			continue
		}
		sc := &personScore{}
		s := bufio.NewScanner(f)
		s.Buffer(make([]byte, 1<<20), 1<<24)
		for s.Scan() {
			var g goldArticle
			if err := json.Unmarshal(s.Bytes(), &g); err != nil {
				t.Fatalf("gold %s: %v", dir, err)
			}
			a, err := loadCorpusArticle(filepath.Join(root, dir, g.File), g.Lang)
			if err != nil {
				t.Fatalf("reading %s: %v", g.File, err)
			}
			if err := r.Annotate(context.Background(), a); err != nil {
				t.Fatalf("annotating %s: %v", g.File, err)
			}
			scorePersons(a, g, sc)
		}
		f.Close()
		t.Logf("%s: persons accuracy %.3f (%d/%d surfaces), spurious %.3f (%d/%d entities), role-resolved not in gold %d",
			dir, ratio(sc.covered, sc.surfaces), sc.covered, sc.surfaces, ratio(sc.spurious, sc.sysEntities),
			sc.spurious, sc.sysEntities, sc.spuriousRole)
		total.surfaces += sc.surfaces
		total.covered += sc.covered
		total.sysEntities += sc.sysEntities
		total.spurious += sc.spurious
		total.spuriousRole += sc.spuriousRole
		total.misses = append(total.misses, sc.misses...)
		total.spur = append(total.spur, sc.spur...)
	}
	sort.Strings(total.misses)
	for _, m := range total.misses {
		t.Logf("miss: %s", m)
	}
	for _, m := range total.spur {
		t.Logf("spurious: %s", m)
	}
	t.Logf("ALL: persons accuracy %.3f (%d/%d), spurious rate %.3f (%d/%d), role-resolved not in gold %d",
		ratio(total.covered, total.surfaces), total.covered, total.surfaces,
		ratio(total.spurious, total.sysEntities), total.spurious, total.sysEntities, total.spuriousRole)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
