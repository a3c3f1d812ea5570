package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func benchDir(t testing.TB) string {
	dir := filepath.Join("..", "..", "shared", "bench", "article-extraction")
	if _, err := os.Stat(filepath.Join(dir, "ground-truth.json")); err != nil {
		t.Skipf("article-extraction benchmark absent at %s: %v", dir, err)
	}
	return dir
}

func TestScoreExtractionAll(t *testing.T) {
	if os.Getenv("VIGIE_BENCH_ALL") == "" {
		t.Skip("set VIGIE_BENCH_ALL=1 to score every extractor")
	}
	dir := benchDir(t)
	for _, ex := range []Extractor{ExtractorTrafilatura, ExtractorReadability, ExtractorAuto} {
		sc, err := ScoreExtraction(context.Background(), dir, ex)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: P=%.4f R=%.4f F1=%.4f pages=%d %.1f pages/s", ex, sc.Precision, sc.Recall, sc.F1, sc.Pages, sc.PagesPerSecond)
	}
}
