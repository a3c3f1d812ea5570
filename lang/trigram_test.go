package lang

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// sameAsWhatlanggo checks the fast ranking against whatlanggo on text.
func sameAsWhatlanggo(t *testing.T, r *latinRanker, wl map[whatlanggo.Lang]bool, text string) {
	t.Helper()
	if !onlyLatin(text) {
		return
	}
	if s := whatlanggo.DetectScript(text); whatlanggo.Scripts[s] != "Latin" {
		t.Fatalf("onlyLatin(%q) but whatlanggo sees script %v", text, whatlanggo.Scripts[s])
	}
	want := whatlanggo.DetectWithOptions(text, whatlanggo.Options{Whitelist: wl})
	lang, conf := r.rank(text)
	if lang != want.Lang || conf != want.Confidence {
		// whatlanggo breaks distance ties in map order: accept a tie.
		if want.Confidence == 0 && conf == 0 {
			return
		}
		t.Errorf("rank(%.60q) = %v %.6f, whatlanggo %v %.6f", text, lang, conf, want.Lang, want.Confidence)
	}
}

func allLatin() map[whatlanggo.Lang]bool {
	wl := make(map[whatlanggo.Lang]bool)
	for l := range latinProfiles {
		wl[l] = true
	}
	return wl
}

func TestLatinRankMatchesWhatlanggo(t *testing.T) {
	d := mustNew(t, nil)
	sets := []map[whatlanggo.Lang]bool{d.whitelist[unicode.Latin].Whitelist, allLatin()}
	texts := []string{"", " ", "a", "Ab", "l'été à Paris", "Le ministre a rencontré son homologue.", "The talks covered border delimitation."}
	for _, s := range loadSamples(t) {
		texts = append(texts, s.text)
	}
	// Pseudo-random mixtures of the samples' words, with punctuation and digits.
	rnd := rand.New(rand.NewPCG(3, 4))
	var words []string
	for _, s := range texts {
		words = append(words, strings.Fields(s)...)
	}
	for i := 0; i < 300; i++ {
		var b strings.Builder
		for n := rnd.IntN(60); n >= 0; n-- {
			b.WriteString(words[rnd.IntN(len(words))])
			b.WriteString([]string{" ", ", ", ". ", " 12 ", "\n", " - "}[rnd.IntN(6)])
		}
		texts = append(texts, b.String())
	}
	// The scored corpus, when present, at the prefix lengths Detect reads.
	for _, dir := range []string{"seeds", "dev", "dev-en"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", dir, "*.txt"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			s := string(b)
			texts = append(texts, s[:runeCut(s, 1024)], s[:runeCut(s, 2048)])
		}
	}
	for _, wl := range sets {
		r := newLatinRanker(wl)
		if r == nil {
			t.Fatal("no ranker for the Latin languages")
		}
		for _, s := range texts {
			sameAsWhatlanggo(t, r, wl, s)
		}
	}
}

// runeCut returns n, or less at a rune boundary, at most len(s).
func runeCut(s string, n int) int {
	if n >= len(s) {
		return len(s)
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return n
}

func FuzzLatinRank(f *testing.F) {
	for _, s := range []string{"Le ministre a rencontré son homologue.", "The talks covered", "Bakı və Yerevan", "Ελλάδα and ½ ²", "日本 and Paris"} {
		f.Add(s)
	}
	d, err := New(nil)
	if err != nil {
		f.Fatal(err)
	}
	wl := d.whitelist[unicode.Latin].Whitelist
	r := newLatinRanker(wl)
	f.Fuzz(func(t *testing.T, s string) {
		sameAsWhatlanggo(t, r, wl, s)
	})
}

// referenceVote is vote as first written (strings.FieldsFunc over the
// lower-cased text, a map of scores), kept to check the allocation-free
// version against it.
func referenceVote(d *Detector, text string, letters int, code string, conf float64) (string, float64) {
	score := make(map[string]float64)
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '’'
	}) {
		if i := strings.IndexAny(w, "'’"); i > 0 {
			w = w[:i+1]
		}
		for _, l := range d.stop[w] {
			score[l]++
		}
	}
	if n := strings.Count(text, "ə") + strings.Count(text, "Ə"); n > 0 && d.has("az") {
		score["az"] += 2 + float64(n)
	}
	type cand struct {
		code  string
		score float64
	}
	var cs []cand
	for l, s := range score {
		cs = append(cs, cand{l, s})
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].score != cs[j].score {
			return cs[i].score > cs[j].score
		}
		return cs[i].code < cs[j].code
	})
	if len(cs) == 0 {
		return code, conf
	}
	top := cs[0]
	second := 0.0
	if len(cs) > 1 {
		second = cs[1].score
	}
	decisive := top.score >= 2 && top.score >= 2*second
	if top.code == code || !decisive {
		if top.code == code && conf < 0.5 && decisive {
			conf = 0.5 + conf/2
		}
		return code, conf
	}
	if letters < 200 || conf < 0.2 || code == "" {
		return top.code, (top.score - second) / (top.score + 1)
	}
	return code, conf
}

func checkVote(t *testing.T, d *Detector, text string) {
	t.Helper()
	for _, in := range []struct {
		letters int
		code    string
		conf    float64
	}{{50, "", 0}, {500, "en", 0.1}, {500, "fr", 0.9}, {100, "de", 0.3}} {
		c1, f1 := d.vote(text, in.letters, in.code, in.conf)
		c2, f2 := referenceVote(d, text, in.letters, in.code, in.conf)
		if c1 != c2 || f1 != f2 {
			t.Errorf("vote(%.60q, %v) = %q %v, reference %q %v", text, in, c1, f1, c2, f2)
		}
	}
}

func TestVoteMatchesReference(t *testing.T) {
	d := mustNew(t, nil)
	texts := []string{"", "L'Arménie et l’Azerbaïdjan", "QU'IL EST LÀ", "Bakı və Ərəb", "The\xffthe and \xe2\x80 of", "l'", "'le", "ÉTÉ DES LE"}
	for _, s := range loadSamples(t) {
		texts = append(texts, s.text, strings.ToUpper(s.text))
	}
	for _, s := range texts {
		checkVote(t, d, s)
	}
}

func FuzzVote(f *testing.F) {
	for _, s := range []string{"L'Arménie et l’Azerbaïdjan", "Bakı və Ərəb", "the and of"} {
		f.Add(s)
	}
	d, err := New(nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) { checkVote(t, d, s) })
}

func TestRadixSort(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	var tmp []trigramKey
	for _, n := range []int{0, 1, 63, 64, 65, 1000, 5000} {
		for _, mask := range []uint64{0x7f, 0x3ff<<21 | 0x7f, 1<<63 - 1} {
			keys := make([]trigramKey, n)
			for i := range keys {
				keys[i] = trigramKey(rnd.Uint64() & mask)
			}
			want := slices.Clone(keys)
			slices.Sort(want)
			if got := radixSort(keys, &tmp); !slices.Equal(got, want) {
				t.Fatalf("radixSort of %d keys (mask %x) differs from slices.Sort", n, mask)
			}
		}
	}
}
