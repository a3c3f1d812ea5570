// Package wordset holds quick negative membership tests for sets of folded
// words, used by the entity and event stages before their map look-ups.
package wordset

// Shapes is a quick negative test of membership in a set of words: bit n
// of [a][b] is set when the set has a word of n bytes from letter a to
// letter b (a-z). Most words of a text fail it, which saves a map look-up.
// The zero value is an empty set.
type Shapes [26][26]uint64

// Add records the shape of w.
func (t *Shapes) Add(w string) {
	if n := len(w); n > 0 && n < 64 && isLowerASCII(w[0]) && isLowerASCII(w[n-1]) {
		t[w[0]-'a'][w[n-1]-'a'] |= 1 << n
	}
}

// MayHave is false when the set has no word of w's shape. Words of other
// shapes than the recorded ones (not from a-z to a-z, 64 bytes or more)
// may always be there.
func (t *Shapes) MayHave(w string) bool {
	n := len(w)
	if n == 0 || n >= 64 || !isLowerASCII(w[0]) || !isLowerASCII(w[n-1]) {
		return true
	}
	return t[w[0]-'a'][w[n-1]-'a']&(1<<n) != 0
}

func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }
