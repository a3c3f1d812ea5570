package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCorpus reads every corpus text through Walk and checks that each
// gives an article and that the scraper boilerplate of the seeds is gone.
// (Publication dates against the gold are checked in package clean.)
func TestCorpus(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("shared corpus absent at %s: %v", root, err)
	}
	byName := map[string]string{}
	n := 0
	err := Walk(context.Background(), []string{root}, Options{}, func(it Item) error {
		if it.Err != nil {
			t.Errorf("%s: %v", it.Path, it.Err)
			return nil
		}
		if filepath.Base(it.Path) == "gold.jsonl" {
			t.Errorf("gold.jsonl was read")
		}
		n++
		byName[filepath.Base(it.Path)] = it.Article.Text
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("read %d corpus articles", n)
	if n < 60 {
		t.Errorf("read %d articles, want all corpus texts", n)
	}
	absent := map[string][]string{
		"003_c2bc9e81cb60786f.txt": {"Rejoignez", "Telegram"},
		"004_a1c3856fd1dc1f34.txt": {"Que pensez-vous", "NEWSLETTER", "Inscrivez-vous", "Poster un Commentaire", "wpDiscuz", "RÉSEAUX SOCIAUX", "FLASH INFO", "INTERNATIONAL -"},
		"001_d0a7259700a66d39.txt": {"ARTSAKHPRESS", " date 2023"},
	}
	for file, bad := range absent {
		text, ok := byName[file]
		if !ok {
			t.Errorf("%s not read", file)
			continue
		}
		for _, b := range bad {
			if strings.Contains(text, b) {
				t.Errorf("%s still contains %q", file, b)
			}
		}
	}
}

func BenchmarkReadCorpus(b *testing.B) {
	root := filepath.Join("..", "..", "shared", "corpus", "dev")
	if _, err := os.Stat(root); err != nil {
		b.Skipf("shared corpus absent: %v", err)
	}
	for b.Loop() {
		_ = Walk(context.Background(), []string{root}, Options{}, func(Item) error { return nil })
	}
}
