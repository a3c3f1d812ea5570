package wordset

import "testing"

// TestShapes checks that MayHave never denies a word of the set and
// denies words of other shapes.
func TestShapes(t *testing.T) {
	var s Shapes
	set := []string{"ministre", "president", "chef", "a", "l'onu", "é", "x2", "rencontrer"}
	for _, w := range set {
		s.Add(w)
	}
	for _, w := range set {
		if !s.MayHave(w) {
			t.Errorf("MayHave(%q) = false for a word of the set", w)
		}
	}
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"ministres", false}, {"mxxxxxxe", true}, {"chefs", false}, {"b", false}, {"", true}, {"2a", true},
		{"rencontre", false}, {"é", true},
	} {
		if got := s.MayHave(tc.w); got != tc.want {
			t.Errorf("MayHave(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}

// FuzzShapes: a word added is never denied.
func FuzzShapes(f *testing.F) {
	f.Add("ministre")
	f.Add("é")
	f.Fuzz(func(t *testing.T, w string) {
		var s Shapes
		s.Add(w)
		if !s.MayHave(w) {
			t.Errorf("MayHave(%q) = false after Add", w)
		}
	})
}
