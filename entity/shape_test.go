package entity

import "testing"

// TestWordShapes checks that the role and polity shapes never deny a
// word of their sets.
func TestWordShapes(t *testing.T) {
	for m := range roleIndex {
		for w := range roleIndex[m] {
			if !roleFirstShapes.MayHave(w) {
				t.Errorf("roleFirstShapes denies %q", w)
			}
		}
	}
	for w := range polityWords {
		if !polityShapes.MayHave(w) {
			t.Errorf("polityShapes denies %q", w)
		}
	}
}
