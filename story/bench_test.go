package story

import (
	"context"
	"os"
	"strconv"
	"testing"
)

func TestRunScaleBench(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 3000
	}
	if s := os.Getenv("VIGIE_STORY_BENCH_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	res, err := RunScaleBench(context.Background(), n, testWriter{t})
	if err != nil {
		t.Fatal(err)
	}
	if res.PlantedDups == 0 || res.DupPrecision < 0.99 || res.DupRecall < 0.99 {
		t.Errorf("duplicates: %d planted, precision %.4f recall %.4f", res.PlantedDups, res.DupPrecision, res.DupRecall)
	}
	if res.Merge.F1 < 0.8 {
		t.Errorf("merge F1 %.3f", res.Merge.F1)
	}
	if _, err := RunScaleBench(context.Background(), 0, nil); err == nil {
		t.Error("n=0 accepted")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := RunScaleBench(ctx, 5000, nil); err == nil {
		t.Error("cancelled context: no error")
	}
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) { w.t.Log(string(p)); return len(p), nil }

func BenchmarkAddArticle(b *testing.B) {
	g := newBenchGen(b.N + 1)
	ix := NewIndex(Options{ExpectedArticles: b.N})
	for i := 0; b.Loop(); i++ {
		a, _, _ := g.article(i)
		ix.AddArticle(a)
	}
}

// BenchmarkPreload measures rebuilding the duplicate index from stored
// sketches (decode and insert), per article.
func BenchmarkPreload(b *testing.B) {
	g := newBenchGen(4096)
	ix0 := NewIndex(Options{})
	var enc [][]byte
	for i := range 4096 {
		a, _, _ := g.article(i)
		data, _ := ix0.Sketch(a.Text).MarshalBinary()
		enc = append(enc, data)
	}
	ix := NewIndex(Options{ExpectedArticles: b.N})
	for i := 0; b.Loop(); i++ {
		var sk Sketch
		if err := sk.UnmarshalBinary(enc[i%len(enc)]); err != nil {
			b.Fatal(err)
		}
		ix.Preload(benchID(i), "", sk)
	}
}
