package event

import "testing"

// TestWordShapes checks that the trigger shapes never deny a first lemma
// of the lexicon.
func TestWordShapes(t *testing.T) {
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for lang, idx := range x.byFirst {
		for w := range idx {
			if !x.shapes[lang].mayHave(w) {
				t.Errorf("%s shapes deny %q", lang, w)
			}
		}
	}
	var s wordShapes
	s.add("rencontrer")
	for _, tc := range []struct {
		w    string
		want bool
	}{{"rencontrer", true}, {"rencontre", false}, {"", true}, {"é", true}} {
		if got := s.mayHave(tc.w); got != tc.want {
			t.Errorf("mayHave(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}
