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
			if !x.shapes[lang].MayHave(w) {
				t.Errorf("%s shapes deny %q", lang, w)
			}
		}
	}
}
