package story

import (
	"slices"
	"testing"
)

// goldenWordsText mixes ASCII, accents, combining marks, non-Latin
// scripts, U+FFFD, invalid bytes and punctuation.
const goldenWordsText = "Le 9 novembre, à Moscou: Ilham ALIEV et Nikol Pachinian (Հայաստան) — e\u0301té \ufffd x\xffy l’accord."

// TestWordHashesGolden pins the word hashes and a sketch: stored sketches
// (article_sketches) are compared with new ones across ingest runs, so the
// hashing must never change.
func TestWordHashesGolden(t *testing.T) {
	var hs []uint64
	WordHashes(goldenWordsText, func(h uint64) { hs = append(hs, h) })
	if !slices.Equal(hs, goldenWordHashes) {
		t.Errorf("WordHashes = %#v\nwant %#v", hs, goldenWordHashes)
	}
	s := NewSketch(goldenWordsText, 4, 8)
	if !slices.Equal(s.Values, goldenSketch) || s.Shingles != goldenShingles {
		t.Errorf("NewSketch = %#v (%d shingles), want %#v (%d)", s.Values, s.Shingles, goldenSketch, goldenShingles)
	}
}

// Computed with the word loop as it was when sketches were first stored.
var (
	goldenWordHashes = []uint64{0x8ad4307b55409ea, 0xaf63b44c8601a894, 0x7c7d26c79bd7fe11, 0xaf645d4c8602c7bf,
		0xd4a37d9c1b09623, 0xf96ff57d98aca06a, 0x509f1bbb65b0c894, 0x88e3e07b53950dc, 0xe6bcac410fa0ef4a,
		0xc2bc96134c3eb102, 0x21591c489bf2cb21, 0xc096915ca38a283f, 0xaf63f54c86021707, 0xaf63f44c86021554,
		0xaf63e14c8601f50b, 0x27b9d0bdd83ac6d9}
	goldenSketch   = []uint32{0x3046d21f, 0xef6ba8c2, 0xa421aa1, 0x1e5256e0, 0x2e18ef3, 0x210bf179, 0xbc83d7db, 0xb8fe26c3}
	goldenShingles = 13
)
