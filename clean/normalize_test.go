package clean

import (
	"reflect"
	"strings"
	"testing"
)

// referenceNormalizeSpace is normalizeSpace written plainly, byte by byte.
func referenceNormalizeSpace(s string) []edit {
	var edits []edit
	lines := strings.Split(s, "\n")
	blank, seen, start := 0, false, 0
	for li, t := range lines {
		l := line{start, start + len(t)}
		start = l.end + 1
		a, b := 0, len(t)
		for a < b && t[a] == ' ' {
			a++
		}
		for b > a && t[b-1] == ' ' {
			b--
		}
		if a == b {
			blank++
			if !seen || blank > 1 {
				end := l.end
				if li+1 < len(lines) {
					end++
				}
				edits = append(edits, edit{l.start, end, ""})
			} else if l.end > l.start {
				edits = append(edits, edit{l.start, l.end, ""})
			}
			continue
		}
		seen, blank = true, 0
		if a > 0 {
			edits = append(edits, edit{l.start, l.start + a, ""})
		}
		for i := a; i < b; i++ {
			if t[i] == ' ' {
				j := i + 1
				for j < b && t[j] == ' ' {
					j++
				}
				if j > i+1 {
					edits = append(edits, edit{l.start + i + 1, l.start + j, ""})
				}
				i = j - 1
			}
		}
		if b < len(t) {
			edits = append(edits, edit{l.start + b, l.end, ""})
		}
	}
	return edits
}

var spaceTexts = []string{"", " ", "\n", "a", "  a  b   c  ", "a\n\n\n b \n", " x  \n\n  y\n", "a   \t  b", "\n\nx", "x\n", "é  ë\n \n"}

func TestNormalizeSpace(t *testing.T) {
	for _, s := range spaceTexts {
		checkNormalizeSpace(t, s)
	}
}

func checkNormalizeSpace(t *testing.T, s string) {
	t.Helper()
	if got, want := normalizeSpace(s), referenceNormalizeSpace(s); !reflect.DeepEqual(got, want) {
		t.Errorf("normalizeSpace(%q) = %v, want %v", s, got, want)
	}
}

func FuzzNormalizeSpace(f *testing.F) {
	for _, s := range spaceTexts {
		f.Add(s)
	}
	f.Fuzz(checkNormalizeSpace)
}
