package clean

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// referenceMatch is how line tables were first matched: each pattern on
// its own.
func referenceMatch(patterns []string, s string) bool {
	for _, p := range patterns {
		re, ok := referenceREs.Load(p)
		if !ok {
			re, _ = referenceREs.LoadOrStore(p, regexp.MustCompile(`(?i)^(?:`+p+`)$`))
		}
		if re.(*regexp.Regexp).MatchString(s) {
			return true
		}
	}
	return false
}

var referenceREs sync.Map

func checkLineSets(t *testing.T, s string) {
	t.Helper()
	for _, ls := range []*lineSet{trailerMarkers, dropLines} {
		if got, want := ls.match(s), referenceMatch(ls.patterns, s); got != want {
			t.Errorf("match(%q) = %v, reference %v", s, got, want)
		}
	}
}

func TestLineSetMatchesReference(t *testing.T) {
	lines := []string{"", " ", "Newsletter", "NEWSLETTER", "newsletters", "Partager", "Share | Tweet | Email", "Tags : paix, frontière",
		"12 commentaires", "commentaires (3)", "À lire aussi :", "a lire aussi", "Réagissez", "REAGISSEZ", "Sign in to continue reading",
		"ſhare", "•  red'action", "Getty Images |", "Le ministre a rencontré son homologue.", "The talks covered the border.",
		"Kelvin", "\u212aelvin", "ßhare", "Ⓐvatar", "\xffnewsletter"}
	for _, dir := range []string{"seeds", "dev", "dev-en"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", dir, "*.txt"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range strings.Split(string(b), "\n") {
				lines = append(lines, lineKey(l))
			}
		}
	}
	for _, l := range lines {
		checkLineSets(t, l)
	}
}

func FuzzLineSet(f *testing.F) {
	for _, s := range []string{"Newsletter", "Tags : x", "12 comments", "Share | Tweet", "Le ministre"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 600 {
			return
		}
		checkLineSets(t, s)
	})
}
