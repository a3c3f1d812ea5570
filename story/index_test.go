package story

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/vigie-news/vigie/article"
)

func date(s string) article.Date {
	if s == "" {
		return article.Date{}
	}
	d, ok := article.ParseDate(s)
	if !ok {
		panic("bad test date " + s)
	}
	return d
}

func actor(name, id string) article.Actor {
	return article.Actor{Name: name, Entity: id, Role: article.RoleSource}
}

var (
	mirzoyan = actor("Ararat Mirzoyan", "Q1")
	bayramov = actor("Jeyhun Bayramov", "Q2")
	aliyev   = actor("Ilham Aliyev", "Q3")
	pashinyn = actor("Nikol Pashinyan", "Q4")
	host     = article.Actor{Name: "Antony Blinken", Entity: "Q5", Role: article.RoleHost}
)

type ev struct {
	typ    string
	actors []article.Actor
	date   string
	place  string
	fact   string
}

var textSeed uint64

// art builds an article with its own unique synthetic text.
func art(id, outlet, published string, evs ...ev) *article.Article {
	textSeed++
	a := &article.Article{ID: id, Outlet: outlet, Published: date(published),
		Text:       synthText(rand.New(rand.NewPCG(textSeed, 99)), 200),
		IngestedAt: time.Date(2024, 1, 1, 0, 0, int(textSeed), 0, time.UTC)}
	for i, e := range evs {
		event := article.Event{ID: fmt.Sprintf("%s-e%d", id, i), ArticleID: id, Type: e.typ, Actors: e.actors,
			Date: date(e.date), Factuality: e.fact,
			Evidence: []article.Evidence{{Span: article.Span{Start: 0, End: 2}}}}
		if e.place != "" {
			event.Place = &article.Place{Name: e.place}
		}
		a.Events = append(a.Events, event)
	}
	return a
}

func meet(date, place string, actors ...article.Actor) ev {
	return ev{typ: "CONSULT", actors: actors, date: date, place: place}
}

func TestMerge(t *testing.T) {
	tests := []struct {
		name   string
		a, b   *article.Article
		merged bool
		rule   string
	}{
		{"same day", art("a", "x", "2022-07-17", meet("2022-07-16", "Tbilisi", mirzoyan, bayramov)),
			art("b", "y", "2022-07-17", meet("2022-07-16", "", bayramov, mirzoyan)), true, DateSameDay},
		{"month contains day", art("a", "x", "2022-07", meet("2022-07", "", mirzoyan, bayramov)),
			art("b", "y", "", meet("2022-07-16", "", mirzoyan, bayramov)), true, DateContains},
		{"one night, two days", art("a", "x", "", meet("2020-11-09", "", aliyev, pashinyn)),
			art("b", "y", "", meet("2020-11-10", "", aliyev, pashinyn)), true, DateWithinSlack},
		{"two days apart", art("a", "x", "", meet("2020-11-08", "", aliyev, pashinyn)),
			art("b", "y", "", meet("2020-11-10", "", aliyev, pashinyn)), false, ""},
		{"other month", art("a", "x", "", meet("2022-07", "", mirzoyan, bayramov)),
			art("b", "y", "", meet("2022-09-02", "", mirzoyan, bayramov)), false, ""},
		{"undated near publication", art("a", "x", "2022-07-18", meet("2022-07-16", "", mirzoyan, bayramov)),
			art("b", "y", "2022-07-20", meet("", "", mirzoyan, bayramov)), true, DatePubWindow},
		{"undated, published much later", art("a", "x", "", meet("2022-07-16", "", mirzoyan, bayramov)),
			art("b", "y", "2022-09-20", meet("", "", mirzoyan, bayramov)), false, ""},
		{"no time at all, same place", art("a", "x", "", meet("", "Brussels", aliyev, pashinyn)),
			art("b", "y", "", meet("", "brussels", aliyev, pashinyn)), true, DateUnanchored},
		{"no time at all, no place", art("a", "x", "", meet("", "", aliyev, pashinyn)),
			art("b", "y", "", meet("", "", aliyev, pashinyn)), false, ""},
		{"different places", art("a", "x", "", meet("2022-10-06", "Prague", aliyev, pashinyn)),
			art("b", "y", "", meet("2022-10-06", "Sochi", aliyev, pashinyn)), false, ""},
		{"different actors", art("a", "x", "", meet("2022-10-06", "", aliyev, pashinyn)),
			art("b", "y", "", meet("2022-10-06", "", aliyev, mirzoyan)), false, ""},
		{"host is not an actor", art("a", "x", "", meet("2023-05-01", "", mirzoyan, bayramov, host)),
			art("b", "y", "", meet("2023-05-01", "", mirzoyan, bayramov)), true, DateSameDay},
		{"different type", art("a", "x", "", meet("2022-10-06", "", aliyev, pashinyn)),
			art("b", "y", "", ev{typ: "AGREE", actors: []article.Actor{aliyev, pashinyn}, date: "2022-10-06"}), false, ""},
		{"name fallback", art("a", "x", "", meet("2022-10-06", "", actor("Nikol Pashinyan", ""), aliyev)),
			art("b", "y", "", meet("2022-10-06", "", actor("nikol pashinyan", ""), aliyev)), true, DateSameDay},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewIndex(Options{})
			_, sa := ix.AddArticle(tt.a)
			_, sb := ix.AddArticle(tt.b)
			ida, idb := sa[tt.a.Events[0].ID], sb[tt.b.Events[0].ID]
			if ida == "" || idb == "" {
				t.Fatalf("events not attached: %v %v", sa, sb)
			}
			if got := ida == idb; got != tt.merged {
				t.Fatalf("merged = %v, want %v (why: %s)", got, tt.merged, ix.Story(idb).Reports[len(ix.Story(idb).Reports)-1].Why)
			}
			if tt.merged {
				s := ix.Story(ida)
				if s.NumArticles != 2 || s.NumSources != 2 {
					t.Errorf("counts %d/%d, want 2/2", s.NumArticles, s.NumSources)
				}
				if got := s.Reports[1].Why.Date; got != tt.rule {
					t.Errorf("date rule %q, want %q", got, tt.rule)
				}
			}
			if tt.b.Events[0].Story != idb {
				t.Errorf("Event.Story not set")
			}
		})
	}
}

func TestStoryKeepsMostPrecise(t *testing.T) {
	ix := NewIndex(Options{})
	ix.AddArticle(art("a", "x", "2022-07", meet("2022-07", "", mirzoyan, bayramov)))
	ix.AddArticle(art("b", "y", "", meet("2022-07-16", "Tbilisi", mirzoyan, bayramov)))
	_, ids := ix.AddArticle(art("c", "z", "", meet("2022-07-17", "", mirzoyan, bayramov)))
	s := ix.Story(ids["c-e0"])
	if s == nil || len(s.Reports) != 3 {
		t.Fatalf("story %+v", s)
	}
	if s.Date.String() != "2022-07-16" || s.Place == nil || s.Place.Name != "Tbilisi" {
		t.Errorf("date %s place %+v", s.Date, s.Place)
	}
	// Two days from the refined date is too far.
	_, ids = ix.AddArticle(art("d", "w", "", meet("2022-07-18", "", mirzoyan, bayramov)))
	if ids["d-e0"] == s.ID {
		t.Errorf("2022-07-18 joined a 2022-07-16 story")
	}
}

func TestNonFactualAndEmpty(t *testing.T) {
	ix := NewIndex(Options{})
	a := art("a", "x", "", ev{typ: "CONSULT", actors: []article.Actor{mirzoyan, bayramov}, date: "2022-07-16", fact: article.FactPlanned},
		ev{typ: "CONSULT", actors: nil, date: "2022-07-16"}, ev{typ: "", actors: []article.Actor{mirzoyan}})
	_, ids := ix.AddArticle(a)
	if len(ids) != 0 {
		t.Errorf("got stories %v for non-factual and actor-less events", ids)
	}
}

func TestDuplicatesCountOnce(t *testing.T) {
	ix := NewIndex(Options{})
	orig := art("a", "wire", "2022-10-07", meet("2022-10-06", "Prague", aliyev, pashinyn))
	dup := art("b", "paper", "2022-10-07", meet("2022-10-06", "Prague", aliyev, pashinyn))
	dup.Text = strings.ToUpper(orig.Text) + " end of copy"
	other := art("c", "paper2", "2022-10-07", meet("2022-10-06", "", aliyev, pashinyn))
	if d, _ := ix.AddArticle(orig); d != "" {
		t.Fatalf("original marked dup of %s", d)
	}
	d, ids := ix.AddArticle(dup)
	if d != "a" {
		t.Fatalf("dupOf = %q, want a", d)
	}
	ix.AddArticle(other)
	s := ix.Story(ids["b-e0"])
	if len(s.Reports) != 3 || s.NumArticles != 2 || s.NumSources != 2 {
		t.Errorf("reports %d articles %d sources %d, want 3/2/2", len(s.Reports), s.NumArticles, s.NumSources)
	}
	if s.Reports[1].DupOf != "a" || !strings.Contains(s.Reports[1].Why.String(), "near-duplicate of a") {
		t.Errorf("report 2: %+v", s.Reports[1].Why)
	}
	// A copy of the copy points to the canonical article.
	dup2 := art("e", "blog", "", meet("2022-10-06", "", aliyev, pashinyn))
	dup2.Text = dup.Text
	if d, _ := ix.AddArticle(dup2); d != "a" {
		t.Errorf("copy of copy: dupOf = %q, want a", d)
	}
	if got, ok := ix.DupOf("b"); !ok || got != "a" {
		t.Errorf("DupOf(b) = %q, %v", got, ok)
	}
	// Re-adding returns the same answer.
	d, ids2 := ix.AddArticle(dup)
	if d != "a" || ids2["b-e0"] != ids["b-e0"] {
		t.Errorf("re-add: %q %v", d, ids2)
	}
	if n, _ := ix.Len(); n != 4 {
		t.Errorf("%d articles, want 4", n)
	}
}

func TestDeterministicIDsAndRestore(t *testing.T) {
	build := func() []*article.Article {
		textSeed = 1000
		return []*article.Article{
			art("a", "x", "2022-07-17", meet("2022-07-16", "Tbilisi", mirzoyan, bayramov)),
			art("b", "y", "2022-07-18", meet("", "", mirzoyan, bayramov)),
			art("c", "z", "", meet("2022-09-13", "", aliyev, pashinyn)),
			art("d", "w", "2022-07-19", meet("2022-07-16", "", mirzoyan, bayramov)),
		}
	}
	full := NewIndex(Options{})
	for _, a := range build() {
		full.AddArticle(a)
	}
	arts := build()
	part := NewIndex(Options{})
	for _, a := range arts[:3] {
		part.AddArticle(a)
	}
	var recs []json.RawMessage
	for _, s := range part.Stories() {
		rec, err := s.Record()
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
	cont := NewIndex(Options{})
	if err := cont.LoadStories(recs); err != nil {
		t.Fatal(err)
	}
	for _, a := range arts[:3] { // texts seen again: sketches only
		cont.AddArticle(a)
	}
	cont.AddArticle(arts[3])
	a, b := full.Stories(), cont.Stories()
	if len(a) != len(b) {
		t.Fatalf("%d vs %d stories", len(a), len(b))
	}
	for i := range a {
		if a[i].ID != b[i].ID || len(a[i].Reports) != len(b[i].Reports) || a[i].NumSources != b[i].NumSources || a[i].Date != b[i].Date {
			t.Errorf("story %d differs: %+v vs %+v", i, a[i], b[i])
		}
	}
	if err := cont.LoadStories(recs[:1]); err == nil {
		t.Error("restoring a story twice: no error")
	}
	if _, err := ParseStory([]byte("{")); err == nil {
		t.Error("ParseStory accepted bad JSON")
	}
}

func TestRankFilterRender(t *testing.T) {
	ix := NewIndex(Options{})
	ix.AddArticle(art("a", "x", "", meet("2022-07-16", "Tbilisi", mirzoyan, bayramov, host)))
	ix.AddArticle(art("b", "y", "", meet("2022-07-16", "", mirzoyan, bayramov)))
	ix.AddArticle(art("c", "z", "", ev{typ: "ASSAULT", actors: []article.Actor{actor("Azerbaijan", "Q6"), actor("Armenia", "Q7")}, date: "2022-09-13"}))
	all := ix.Stories()
	tests := []struct {
		name string
		f    Filter
		want int
	}{
		{"all", Filter{}, 2},
		{"type", Filter{Type: "assault"}, 1},
		{"actor name", Filter{Actor: "Mirzoyan"}, 1},
		{"actor id", Filter{Actor: "Q7"}, 1},
		{"from", Filter{From: date("2022-08")}, 1},
		{"to", Filter{To: date("2022-07-16")}, 1},
		{"min sources", Filter{MinSources: 2}, 1},
	}
	for _, tt := range tests {
		if got := Select(all, tt.f, 0); len(got) != tt.want {
			t.Errorf("%s: %d stories, want %d", tt.name, len(got), tt.want)
		}
	}
	top := Select(all, Filter{}, 1)
	if len(top) != 1 || top[0].Type != "CONSULT" {
		t.Fatalf("top story %+v", top)
	}
	var buf bytes.Buffer
	if err := WriteStory(&buf, top[0], nil, true); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{top[0].ID, "Tbilisi", "why: joined", "same-day", "sources 2"} {
		if !strings.Contains(out, want) {
			t.Errorf("render lacks %q:\n%s", want, out)
		}
	}
}

func TestPairwiseScore(t *testing.T) {
	tests := []struct {
		name    string
		reports []LabeledReport
		p, r    float64
	}{
		{"perfect", []LabeledReport{{"a", "CONSULT", "k1", "s1"}, {"b", "CONSULT", "k1", "s1"}, {"c", "AGREE", "k1", "s2"}}, 1, 1},
		{"split", []LabeledReport{{"a", "CONSULT", "k1", "s1"}, {"b", "CONSULT", "k1", "s2"}}, 1, 0},
		{"over-merged", []LabeledReport{{"a", "CONSULT", "k1", "s1"}, {"b", "CONSULT", "k2", "s1"}}, 0, 1},
		{"same article ignored", []LabeledReport{{"a", "CONSULT", "k1", "s1"}, {"a", "CONSULT", "k2", "s1"}}, 1, 1},
		{"null keys and unmatched ignored", []LabeledReport{{"a", "CONSULT", "null|x", "s1"}, {"b", "CONSULT", "null|x", "s1"}, {"c", "CONSULT", "k", ""}}, 1, 1},
		{"three of one event, one split", []LabeledReport{{"a", "T", "k", "s1"}, {"b", "T", "k", "s1"}, {"c", "T", "k", "s2"}}, 1, 1.0 / 3},
	}
	for _, tt := range tests {
		s := PairwiseScore(tt.reports)
		if s.Precision != tt.p || s.Recall != tt.r {
			t.Errorf("%s: P=%.3f R=%.3f, want %.3f %.3f", tt.name, s.Precision, s.Recall, tt.p, tt.r)
		}
	}
}

func FuzzParseStory(f *testing.F) {
	f.Add([]byte(`{"id":"st1","key":"CONSULT|id:Q1+id:Q2","type":"CONSULT","reports":[{"article_id":"a","event_id":"e","date":{"year":2022,"month":7,"precision":"month"},"published":{"year":99999,"month":13,"day":40,"precision":"day"},"why":{"action":"seed"}}]}`))
	f.Add([]byte(`{"id":"st2","key":"k","reports":[{"article_id":"b","dup_of":"a"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseStory(data)
		if err != nil {
			return
		}
		if len(s.Reports) == 0 {
			s.Reports = nil // a restored story without reports has none
		}
		want, err := json.Marshal(s.Reports)
		if err != nil {
			return
		}
		ix := NewIndex(Options{})
		if err := ix.Restore([]*Story{s}); err != nil {
			return
		}
		if got, _ := json.Marshal(ix.Story(s.ID).Reports); !bytes.Equal(got, want) {
			t.Errorf("restored reports differ:\n got %s\nwant %s", got, want)
		}
		ix.AddArticle(art("new", "o", "2022-07-20", meet("2022-07-16", "", mirzoyan, bayramov)))
		var buf bytes.Buffer
		_ = WriteStory(&buf, s, nil, true)
	})
}

// TestCompactReportsRoundTrip: the index stores reports in a compact form;
// what Story returns must be exactly what was restored, including reports
// that do not fit that form.
func TestCompactReportsRoundTrip(t *testing.T) {
	seed := `{"id":"st1","key":"CONSULT|id:Q1+id:Q2","type":"CONSULT","reports":[{"article_id":"a","event_id":"a-e0","outlet":"x","published":{"year":2022,"month":7,"day":17,"precision":"day"},"date":{"year":2022,"month":7,"day":16,"precision":"day"},"place":{"name":"Tbilisi"},"evidence":[{"start":0,"end":4}],"why":{"action":"seed","candidates":0}}]}`
	tests := []struct {
		name   string
		report string
	}{
		{"plain join", `{"article_id":"b","event_id":"b-e0","outlet":"y","published":{"year":2022,"month":7,"precision":"month"},"mode":"statement","why":{"action":"join","date":"within-slack","place":"equal","score":5.35,"actors":"same","context":1.25,"hosts":0.5,"sibling":true,"candidates":3,"rejected":[{"story":"st1","reason":"lower-score"}]}}`},
		{"duplicate", `{"article_id":"c","dup_of":"a","event_id":"c-e0","why":{"action":"join","dup_of":"a","dup_similarity":0.8333}}`},
		{"unknown duplicate", `{"article_id":"d","dup_of":"zz","event_id":"d-e0","why":{"action":"join","dup_of":"zz","dup_similarity":0.6}}`},
		{"decision names another duplicate", `{"article_id":"e","dup_of":"a","event_id":"e-e0","why":{"action":"join","dup_of":"b"}}`},
		{"hosts", `{"article_id":"f","event_id":"f-e0","hosts":["Antony Blinken"],"why":{"action":"join"}}`},
		{"odd date", `{"article_id":"g","event_id":"g-e0","date":{"year":99999,"month":13,"day":40,"precision":"day"},"why":{"action":"join"}}`},
		{"odd precision", `{"article_id":"h","event_id":"h-e0","date":{"year":2022,"precision":"week"},"why":{"action":"join"}}`},
		{"unknown rejected story", `{"article_id":"i","event_id":"i-e0","why":{"action":"join","rejected":[{"story":"st404","reason":"places-differ"}]}}`},
		{"many rejections", `{"article_id":"j","event_id":"j-e0","why":{"action":"join","rejected":[{"story":"st1","reason":"a"},{"story":"st1","reason":"b"},{"story":"st1","reason":"c"}]}}`},
		{"negative candidates", `{"article_id":"k","event_id":"k-e0","why":{"action":"join","candidates":-1}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := strings.Replace(seed, `"st1","key":"CONSULT|id:Q1+id:Q2"`, `"st2","key":"CONSULT|id:Q1+id:Q2"`, 1)
			rec = strings.Replace(rec, `}}]}`, `}},`+tt.report+`]}`, 1)
			first, err := ParseStory([]byte(seed))
			if err != nil {
				t.Fatal(err)
			}
			s, err := ParseStory([]byte(rec))
			if err != nil {
				t.Fatal(err)
			}
			want, _ := json.Marshal(s.Reports)
			ix := NewIndex(Options{})
			if err := ix.Restore([]*Story{first, s}); err != nil {
				t.Fatal(err)
			}
			got, _ := json.Marshal(ix.Story("st2").Reports)
			if !bytes.Equal(got, want) {
				t.Errorf("reports differ:\n got %s\nwant %s", got, want)
			}
			again, _ := json.Marshal(ix.Story("st2").Reports)
			if !bytes.Equal(again, got) {
				t.Error("a second Story call differs")
			}
		})
	}
}
