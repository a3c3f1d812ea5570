package story

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/vigie-news/vigie/article"
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

// TestTablesGrow: an index sized for nothing grows its band and id tables
// and finds the same duplicates and stories as one sized up front.
func TestTablesGrow(t *testing.T) {
	const n = 3000
	g := newBenchGen(n)
	small, sized := NewIndex(Options{}), NewIndex(Options{ExpectedArticles: n})
	dups := 0
	for i := range n {
		a, _, _ := g.article(i)
		b := *a
		b.Events = append([]article.Event(nil), a.Events...)
		d1, ids1 := small.AddArticle(a)
		d2, ids2 := sized.AddArticle(&b)
		if d1 != d2 || len(ids1) != len(ids2) {
			t.Fatalf("article %d: dup %q vs %q, %d vs %d stories", i, d1, d2, len(ids1), len(ids2))
		}
		for ev, s := range ids1 {
			if ids2[ev] != s {
				t.Fatalf("article %d event %s: story %s vs %s", i, ev, s, ids2[ev])
			}
		}
		if d1 != "" {
			dups++
		}
		if got, ok := small.DupOf(a.ID); !ok || got != d1 {
			t.Fatalf("DupOf(%s) = %q, %v", a.ID, got, ok)
		}
	}
	if dups == 0 {
		t.Error("no duplicates found")
	}
	if _, ok := small.DupOf("nope"); ok {
		t.Error("unknown article known")
	}
}
