package story

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func words(text string) []uint64 {
	var out []uint64
	WordHashes(text, func(h uint64) { out = append(out, h) })
	return out
}

func TestWordHashes(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
		n    int
	}{
		{"case folds", "Le Ministre", "le ministre", true, 2},
		{"punctuation splits", "Bakou, Erevan.", "bakou erevan", true, 2},
		{"accents kept", "Arménie", "armenie", false, 1},
		{"non-ASCII lower-cased", "ÉTÉ", "été", true, 1},
		{"digits are words", "le 9 novembre 2020", "le 9 novembre 2020", true, 4},
		{"invalid UTF-8 separates", "a\xffb", "a b", true, 2},
		{"empty", "", "  ,;  ", true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := words(tt.a), words(tt.b)
			if len(a) != tt.n {
				t.Fatalf("%q: %d words, want %d", tt.a, len(a), tt.n)
			}
			if got := fmt.Sprint(a) == fmt.Sprint(b); got != tt.same {
				t.Errorf("same(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
			}
		})
	}
}

func TestShingleHashes(t *testing.T) {
	tests := []struct {
		text string
		k    int
		want int
	}{
		{"", 4, 0},
		{"one", 4, 1},
		{"one two three", 4, 1},
		{"one two three four", 4, 1},
		{"one two three four five", 4, 2},
		{"one two", 0, 2},
	}
	for _, tt := range tests {
		n := 0
		ShingleHashes(tt.text, tt.k, func(uint64) { n++ })
		if n != tt.want {
			t.Errorf("ShingleHashes(%q, %d): %d shingles, want %d", tt.text, tt.k, n, tt.want)
		}
	}
}

// synthText returns n pseudo-words drawn from a large vocabulary.
func synthText(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "w%d", r.IntN(50000))
	}
	return b.String()
}

func TestSimilarity(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	base := synthText(r, 300)
	ws := strings.Fields(base)
	edited := append([]string(nil), ws...)
	for i := 0; i < len(edited); i += 25 {
		edited[i] = "changed"
	}
	tests := []struct {
		name   string
		a, b   string
		lo, hi float64
	}{
		{"identical", base, base, 1, 1},
		{"case and punctuation", base, strings.ToUpper(base) + ".", 1, 1},
		{"one word in 25 replaced", base, strings.Join(edited, " "), 0.55, 0.95},
		{"tail appended", base, base + " " + synthText(r, 30), 0.7, 1},
		{"unrelated", base, synthText(r, 300), 0, 0.1},
		{"empty", "", base, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Similarity(NewSketch(tt.a, 4, 60), NewSketch(tt.b, 4, 60))
			if got < tt.lo || got > tt.hi {
				t.Errorf("similarity %.2f, want in [%.2f, %.2f]", got, tt.lo, tt.hi)
			}
		})
	}
}

func FuzzSketch(f *testing.F) {
	for _, s := range []string{"", "a", "Le 9 novembre, à Moscou.", "\xff\xfe", "é\u0301 ß ǅ", strings.Repeat("x ", 100)} {
		f.Add(s, 4, 60)
	}
	f.Fuzz(func(t *testing.T, text string, k, size int) {
		k, size = k%16, size%200
		s := NewSketch(text, k, size)
		if ref := referenceSketch(text, k, size); !slices.Equal(s.Values, ref.Values) || s.Shingles != ref.Shingles {
			t.Fatalf("NewSketch = %v, reference %v", s, ref)
		}
		if s.Valid() {
			if size < 1 {
				size = 1
			}
			if len(s.Values) != size {
				t.Fatalf("sketch of %d values, want %d", len(s.Values), size)
			}
			if Similarity(s, s) != 1 {
				t.Fatal("sketch not similar to itself")
			}
		}
	})
}

func BenchmarkSketch(b *testing.B) {
	text := synthText(rand.New(rand.NewPCG(3, 4)), 400)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		NewSketch(text, 4, 60)
	}
}

// referenceSketch is NewSketch on top of ShingleHashes.
func referenceSketch(text string, k, size int) Sketch {
	if size < 1 {
		size = 1
	}
	vals := make([]uint32, size)
	for i := range vals {
		vals[i] = emptyBin
	}
	count := 0
	ShingleHashes(text, k, func(h uint64) {
		count++
		bin := (h >> 32) * uint64(size) >> 32
		if v := uint32(h); v < vals[bin] {
			vals[bin] = v
		}
	})
	if count == 0 {
		return Sketch{}
	}
	densify(vals)
	return Sketch{Values: vals, Shingles: count}
}

// TestSketchMatchesReference: NewSketch's fused loop gives the sketch
// ShingleHashes gives, for every shingle length.
func TestSketchMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	texts := []string{"", "a", "a b", "Un deux trois", "é\u0301 ß ǅ İ \xff x", synthText(r, 50), synthText(r, 400)}
	for _, text := range texts {
		for k := -1; k <= 12; k++ {
			for _, size := range []int{0, 1, 7, 60, 128} {
				got, want := NewSketch(text, k, size), referenceSketch(text, k, size)
				if !slices.Equal(got.Values, want.Values) || got.Shingles != want.Shingles {
					t.Fatalf("NewSketch(%.20q, %d, %d) = %v, reference %v", text, k, size, got, want)
				}
			}
		}
	}
}
