package timex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/eval"
)

// squash collapses white space runs to one space and returns, for every
// byte of the result, its offset in s.
func squash(s string) (string, []int) {
	var b strings.Builder
	offs := make([]int, 0, len(s))
	space := false
	for i, r := range s {
		if isSpaceRune(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			offs = append(offs, i)
		}
		space = false
		n := b.Len()
		b.WriteRune(r)
		for k := n; k < b.Len(); k++ {
			offs = append(offs, i)
		}
	}
	return b.String(), offs
}

// TestCorpusEventDates checks, for every gold event with a date whose
// evidence is found in its text, whether a time expression in the
// evidence's sentence or the one before resolves to the gold date at the
// gold's granularity, with the gold publication date as reference. It
// reports the share and fails only when it falls far below the level
// measured when the test was written.
func TestCorpusEventDates(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus not found at %s (it lives beside the repository): %v", root, err)
	}
	total, hit, fallback := 0, 0, 0
	for _, dir := range []string{"seeds", "dev", "dev-en"} {
		gold, err := eval.LoadGold(filepath.Join(root, dir, "gold.jsonl"))
		if err != nil {
			t.Logf("skipping %s: %v", dir, err)
			continue
		}
		for _, g := range gold {
			raw, err := os.ReadFile(filepath.Join(root, dir, g.File))
			if err != nil {
				continue
			}
			text := string(raw)
			var ref article.Date
			if g.Published != "" {
				ref, _ = article.ParseDate(g.Published)
			}
			times := Tag(text, g.Lang, ref)
			flat, offs := squash(text)
			p := &matcher{text: text, toks: tokenize(text), lang: g.Lang}
			sen := p.sentenceIndex(nil)
			for _, e := range g.Events {
				if e.Date == "" {
					continue
				}
				gd, ok := article.ParseDate(e.Date)
				if !ok {
					continue
				}
				ev, _ := squash(e.Evidence)
				k := strings.Index(flat, ev)
				if k < 0 || ev == "" {
					continue
				}
				total++
				start, end := offs[k], offs[k+len(ev)-1]+1
				// The evidence's first token's sentence, and the one before it.
				lo := start
				si := -1
				for i, tk := range p.toks {
					if tk.s >= start {
						si = sen[i]
						break
					}
				}
				for i, tk := range p.toks {
					if sen[i] >= si-1 {
						lo = min(lo, tk.s)
						break
					}
				}
				found := false
				for _, te := range times {
					if te.Kind != article.TimeDate || !te.Resolved || te.Span.Start < lo || te.Span.End > end {
						continue
					}
					if gd.Contains(te.Value) || gd == te.Value {
						found = true
						break
					}
				}
				if found {
					hit++
				} else {
					if gd.Contains(ref) || gd == ref {
						fallback++
					}
					if testing.Verbose() {
						t.Logf("miss %s/%s gold %s ref %s: %.120q", dir, g.File, gd, ref, e.Evidence)
					}
				}
			}
		}
	}
	if total == 0 {
		t.Skip("no dated gold events with evidence found")
	}
	share := float64(hit) / float64(total)
	t.Logf("dated gold events: %d; date found in evidence sentence or the one before: %d (%.0f%%); misses the publication date would cover: %d (with that fallback %.0f%%)",
		total, hit, 100*share, fallback, 100*float64(hit+fallback)/float64(total))
	if share < 0.25 {
		t.Errorf("share of gold event dates found %.2f, want at least 0.25", share)
	}
}
