package entity

import "testing"

// TestWordShapes checks that mayHave never denies a word of the set.
func TestWordShapes(t *testing.T) {
	var s wordShapes
	set := []string{"ministre", "president", "chef", "a", "l'onu", "é", "x2"}
	for _, w := range set {
		s.add(w)
	}
	for _, w := range set {
		if !s.mayHave(w) {
			t.Errorf("mayHave(%q) = false for a word of the set", w)
		}
	}
	for _, tc := range []struct {
		w    string
		want bool
	}{{"ministres", false}, {"mxxxxxxe", true}, {"chefs", false}, {"b", false}, {"", true}, {"2a", true}} {
		if got := s.mayHave(tc.w); got != tc.want {
			t.Errorf("mayHave(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
	for m := range roleIndex {
		for w := range roleIndex[m] {
			if !roleFirstShapes.mayHave(w) {
				t.Errorf("roleFirstShapes denies %q", w)
			}
		}
	}
	for w := range polityWords {
		if !polityShapes.mayHave(w) {
			t.Errorf("polityShapes denies %q", w)
		}
	}
}
