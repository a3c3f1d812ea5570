package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/clean"
)

// density is what a set of analysed articles holds per kilobyte of text.
type density struct {
	events, mentions float64
}

func measureDensity(t *testing.T, p *Pipeline, arts []*article.Article) density {
	t.Helper()
	var bytes, events, mentions int
	for _, a := range arts {
		clean.Clean(a)
		if err := p.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		bytes += len(a.Text)
		events += len(a.Events)
		for _, m := range a.Mentions {
			if m.Entity != "" {
				mentions++
			}
		}
	}
	kb := float64(bytes) / 1000
	return density{events: float64(events) / kb, mentions: float64(mentions) / kb}
}

// TestSyntheticDensity keeps the throughput benchmarks honest: the
// synthetic articles must carry at least as many events and linked entity
// mentions per kilobyte as the real corpus (which the later, heavier
// stages of the pipeline scale with), without being several times denser.
func TestSyntheticDensity(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus not found at %s (it lives beside the repository): %v", dir, err)
	}
	var corpus []*article.Article
	for _, sub := range []string{"seeds", "dev", "dev-en"} {
		files, err := filepath.Glob(filepath.Join(dir, sub, "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			corpus = append(corpus, &article.Article{Path: f, Text: string(b), Raw: b, Format: "text"})
		}
	}
	if len(corpus) == 0 {
		t.Skipf("no corpus articles in %s", dir)
	}
	p, err := Default(Options{})
	if err != nil {
		t.Fatal(err)
	}
	real := measureDensity(t, p, corpus)
	synth := measureDensity(t, p, Synthetic(60))
	t.Logf("per KB: corpus %.2f events, %.1f mentions; synthetic %.2f events, %.1f mentions",
		real.events, real.mentions, synth.events, synth.mentions)
	for _, c := range []struct {
		what        string
		synth, real float64
	}{
		{"events", synth.events, real.events},
		{"entity mentions", synth.mentions, real.mentions},
	} {
		if c.synth < 0.9*c.real || c.synth > 3*c.real {
			t.Errorf("synthetic articles have %.2f %s per KB, the corpus %.2f: keep within 0.9–3×", c.synth, c.what, c.real)
		}
	}
}
