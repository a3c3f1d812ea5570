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
		for _, withClean := range []bool{false, true} {
			sc, err := ScoreExtraction(context.Background(), dir, ex, withClean)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s clean=%v: P=%.4f R=%.4f F1=%.4f pages=%d %.1f pages/s", ex, withClean, sc.Precision, sc.Recall, sc.F1, sc.Pages, sc.PagesPerSecond)
		}
	}
}

// publishedTrafilaturaF1 is go-trafilatura's published F1 on the benchmark.
const publishedTrafilaturaF1 = 0.960

// TestScoreExtraction runs vigie's HTML reader (default extractor, then
// clean) on the benchmark and requires it to score at least as well as
// the library it is built on, within a small tolerance.
func TestScoreExtraction(t *testing.T) {
	if testing.Short() {
		t.Skip("extraction benchmark skipped in -short mode")
	}
	dir := benchDir(t)
	sc, err := ScoreExtraction(context.Background(), dir, ExtractorAuto, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("vigie HTML reader: P=%.4f R=%.4f F1=%.4f over %d pages, %.1f pages/s", sc.Precision, sc.Recall, sc.F1, sc.Pages, sc.PagesPerSecond)
	if sc.F1 < publishedTrafilaturaF1-0.005 {
		t.Errorf("F1 = %.4f, want >= %.3f - 0.005", sc.F1, publishedTrafilaturaF1)
	}
}
