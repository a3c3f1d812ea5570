package store

import "testing"

func TestSyntheticShape(t *testing.T) {
	w, n := SyntheticVocabulary()
	if len(w) < 20000 || len(n) < 300 {
		t.Fatalf("vocabulary: %d words, %d names", len(w), len(n))
	}
	a := SyntheticArticles(7, 3, 3000)
	b := SyntheticArticles(7, 3, 3000)
	for i := range a {
		if a[i].Text != b[i].Text || len(a[i].Text) < 3000 || len(a[i].Text) > 3200 {
			t.Errorf("article %d: len %d, deterministic %v", i, len(a[i].Text), a[i].Text == b[i].Text)
		}
	}
	if len(BenchQueries) < 10 {
		t.Errorf("%d bench queries", len(BenchQueries))
	}
}
