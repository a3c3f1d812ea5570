package story

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/vigie-news/vigie/article"
)

// TestRecordLayout: the hand-written encoder knows the encoded types'
// fields (else Record falls back to json.Marshal, correct but slower).
func TestRecordLayout(t *testing.T) {
	if !recordLayoutOK {
		t.Error("the story record types changed: update recordLayout and appendStory")
	}
}

// checkRecord compares Record with json.Marshal.
func checkRecord(t *testing.T, s *Story) {
	t.Helper()
	want, wantErr := json.Marshal(s)
	got, err := s.Record()
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("error %v, json.Marshal's %v", err, wantErr)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("Record:\n%s\njson.Marshal:\n%s", got, want)
	}
}

// recordStrings are awkward strings for the encoder.
var recordStrings = []string{"", "a", "Erevan", "l’Arménie", "<b>&</b>", "\"q\" \\ /", "\x00\x01\b\f\n\r\t\x1f\x7f",
	"\xff\xfe", "a\xc3", "\u2028\u2029", "😀", "\ufffd", "é\xe2\x80"}

// recordFloats are floats of every format.
var recordFloats = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1.0 / 3, 2.25, 1e-7, -1e-7, 1e-6, 1e21, 1e20, 123456789.125, 5e-324, math.MaxFloat64}

func randomStory(r *rand.Rand) *Story {
	str := func() string {
		if r.IntN(4) == 0 {
			return recordStrings[r.IntN(len(recordStrings))]
		}
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		return string(b)
	}
	strs := func() []string {
		switch r.IntN(3) {
		case 0:
			return nil
		case 1:
			return []string{}
		}
		l := make([]string, 1+r.IntN(3))
		for i := range l {
			l[i] = str()
		}
		return l
	}
	flt := func() float64 { return recordFloats[r.IntN(len(recordFloats))] * float64(1+r.IntN(3)) }
	date := func() article.Date {
		return article.Date{Year: r.IntN(3) * 2021, Month: r.IntN(13) - 1, Day: r.IntN(3) * 15, Precision: []article.Precision{"", article.PrecDay, "odd<>"}[r.IntN(3)]}
	}
	place := func() *article.Place {
		if r.IntN(2) == 0 {
			return nil
		}
		return &article.Place{Name: str(), Entity: str()}
	}
	s := &Story{ID: str(), Type: str(), Key: str(), CountryKey: str(), States: strs(), Date: date(), Place: place(),
		PlaceCountry: str(), PlaceIsCountry: r.IntN(2) == 0, Context: strs(), HostKeys: strs(),
		FirstSeen:   time.Date(2020+r.IntN(8), 3, 4, 5, 6, 7, r.IntN(3)*1000, time.FixedZone("z", r.IntN(3)*3600)),
		NumArticles: r.IntN(5) - 1, NumSources: r.IntN(1 << 20)}
	if r.IntN(4) > 0 {
		s.Actors = []article.Actor{}
		for range r.IntN(3) {
			a := article.Actor{Name: str(), Entity: str(), Role: str(), Country: str(), Sector: str()}
			if r.IntN(2) == 0 {
				a.Mention = &article.Span{Start: r.IntN(100), End: -r.IntN(100)}
			}
			s.Actors = append(s.Actors, a)
		}
	}
	if r.IntN(5) > 0 {
		s.Reports = []Report{}
		for range r.IntN(4) {
			rep := Report{ArticleID: str(), DupOf: str(), Outlet: str(), Published: date(), EventID: str(), Mode: str(),
				Date: date(), Place: place(), Hosts: strs()}
			if r.IntN(3) > 0 {
				rep.Evidence = []article.Evidence{}
				for range r.IntN(3) {
					rep.Evidence = append(rep.Evidence, article.Evidence{Span: article.Span{Start: r.IntN(9999), End: r.IntN(9999)}, Text: str()})
				}
			}
			rep.Why = Decision{Action: str(), Date: str(), Place: str(), Score: flt(), Actors: str(), Context: flt(), Hosts: flt(),
				Sibling: r.IntN(2) == 0, Candidates: r.IntN(40) - 2, DupOf: str(), DupSimilarity: flt()}
			if r.IntN(2) == 0 {
				rep.Why.Rejected = []Rejection{}
				for range r.IntN(3) {
					rep.Why.Rejected = append(rep.Why.Rejected, Rejection{Story: str(), Reason: str()})
				}
			}
			s.Reports = append(s.Reports, rep)
		}
	}
	return s
}

// TestRecordMatchesJSON: Record writes what json.Marshal writes, on
// random stories, on the stories of the benchmark corpus and where
// json.Marshal fails.
func TestRecordMatchesJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		checkRecord(t, randomStory(r))
	}
	g := newBenchGen(300)
	ix := NewIndex(Options{})
	for i := range 300 {
		a, _, _ := g.article(i)
		ix.AddArticle(a)
	}
	for _, s := range ix.Stories() {
		checkRecord(t, s)
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		s := randomStory(r)
		s.Reports = []Report{{Why: Decision{Score: f}}}
		checkRecord(t, s)
	}
	s := randomStory(r)
	s.FirstSeen = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	checkRecord(t, s)
	var nilStory *Story
	if got, err := nilStory.Record(); err != nil || string(got) != "null" {
		t.Errorf("nil story: %s, %v", got, err)
	}
}

func FuzzRecord(f *testing.F) {
	f.Add("l’Arménie <&>", "\xff\u2028", 0.25, 1e-9, 3, true)
	f.Add("", "", 0.0, -1e22, 0, false)
	f.Fuzz(func(t *testing.T, a, b string, x, y float64, n int, flag bool) {
		s := &Story{ID: a, Type: b, Key: a + b, CountryKey: b, States: []string{a, b}, Context: strings.Fields(a),
			Actors:  []article.Actor{{Name: a, Entity: b, Role: a, Country: b}},
			Date:    article.Date{Year: n, Month: n % 13, Precision: article.Precision(b)},
			Place:   &article.Place{Name: b, Entity: a},
			Reports: []Report{{ArticleID: a, Outlet: b, Evidence: []article.Evidence{{Span: article.Span{Start: n, End: -n}, Text: a}}, Why: Decision{Action: b, Score: x, Context: y, Sibling: flag, Candidates: n, DupSimilarity: x * y}}},
		}
		checkRecord(t, s)
	})
}

func BenchmarkRecord(b *testing.B) {
	g := newBenchGen(2000)
	ix := NewIndex(Options{})
	for i := range 2000 {
		a, _, _ := g.article(i)
		ix.AddArticle(a)
	}
	stories := ix.Stories()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := stories[i%len(stories)].Record(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSafeWord: safeWord says whether all 8 bytes are jsonSafe.
func TestSafeWord(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 1_000_000 {
		var b [8]byte
		for i := range b {
			if r.IntN(3) == 0 {
				b[i] = byte(r.IntN(256))
			} else {
				b[i] = byte(0x1e + r.IntN(0x62))
			}
		}
		want := true
		for _, c := range b {
			want = want && jsonSafe[c]
		}
		if got := safeWord(load64(string(b[:]))); got != want {
			t.Fatalf("safeWord(%q) = %v", b, got)
		}
	}
}
