package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// referenceID is the plain definition of ComputeID: the text with case
// folded and whitespace collapsed, hashed in one piece.
func referenceID(text string) string {
	var b strings.Builder
	space := false
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:8])
}

func TestComputeID(t *testing.T) {
	long := strings.Repeat("Le Ministre a DIT\u00a0: « paix » \xff İstanbul\u2003ǅ\n\n", 200)
	for _, tc := range []struct {
		name, text string
	}{
		{"empty", ""},
		{"spaces only", " \t\n\v\f\r\u0085\u00a0"},
		{"ascii", "  Hello   World\n\nSecond line.  "},
		{"accents", "ÉTÉ à Erevan, Ouzbékistan"},
		{"invalid utf-8", "a\xffb\xc3(c\xed\xa0\x80"},
		{"special folds", "İ K Ω ǅ ẞ"},
		{"long", long},
		{"chunk edge", strings.Repeat("x", 1019) + "É" + strings.Repeat(" y", 600)},
		{"long run", strings.Repeat("abcdefghij", 300)},
		{"non-ascii", strings.Repeat("ÉÀ\u2003İ\u00a0ж", 500)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := ComputeID(tc.text), referenceID(tc.text); got != want {
				t.Errorf("ComputeID = %s, want %s", got, want)
			}
		})
	}
	// Every ASCII byte is a space for ComputeID exactly when it is for unicode.IsSpace.
	for c := range utf8.RuneSelf {
		if asciiSpace[c] != unicode.IsSpace(rune(c)) {
			t.Errorf("asciiSpace[%#x] = %v", c, asciiSpace[c])
		}
	}
	// Runes one by one, between spaces and letters (the fast paths for
	// ASCII and Latin-1 among them), and cut sequences.
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r > 0x3000 && r%97 != 0 {
			continue
		}
		s := "A " + string(r) + "É" + string(r) + " " + string(r)
		if got, want := ComputeID(s), referenceID(s); got != want {
			t.Fatalf("ComputeID(%q) = %s, want %s", s, got, want)
		}
	}
	for _, s := range []string{"\xc3", "a\xc3", "\xc3 b", "\xc3\xc3\x89", "\xc3\x00"} {
		if got, want := ComputeID(s), referenceID(s); got != want {
			t.Errorf("ComputeID(%q) = %s, want %s", s, got, want)
		}
	}
	if a, b := ComputeID("Paix  ET guerre"), ComputeID("paix et\nguerre"); a != b {
		t.Errorf("case and spacing change the id: %s vs %s", a, b)
	}
}

func FuzzComputeID(f *testing.F) {
	for _, s := range []string{"", " A  b\n", "\xff\xfe İ", strings.Repeat("é ", 400)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ComputeID(s), referenceID(s); got != want {
			t.Fatalf("ComputeID(%q) = %s, want %s", s, got, want)
		}
	})
}

func BenchmarkComputeID(b *testing.B) {
	text := strings.Repeat("Le ministre des Affaires étrangères a rencontré son homologue à Genève.\n\n", 40)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		ComputeID(text)
	}
}

func BenchmarkReferenceID(b *testing.B) {
	text := strings.Repeat("Le ministre des Affaires étrangères a rencontré son homologue à Genève.\n\n", 40)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		referenceID(text)
	}
}
