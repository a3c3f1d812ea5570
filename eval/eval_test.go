package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/vigie-news/vigie/article"
)

func ev(typ, mode, date, story string, fact string, names ...string) article.Event {
	e := article.Event{Type: typ, Mode: mode, Factuality: fact, Story: story}
	e.Date, _ = article.ParseDate(date)
	for _, n := range names {
		e.Actors = append(e.Actors, article.Actor{Name: n, Role: article.RoleSource})
	}
	return e
}

func TestScoreEvents(t *testing.T) {
	gold := GoldArticle{File: "a.txt", Published: "2022-07",
		Events: []GoldEvent{
			{Type: "CONSULT", Mode: "meet", Actors: []string{"Ararat Mirzoyan", "Jeyhun Bayramov"}, Date: "2022-07-16", Key: "k1"},
			{Type: "AGREE", Actors: []string{"Armenia", "Azerbaijan"}, Date: "2022-07"},
			{Type: "ACCUSE", Actors: []string{"Armenia", "Azerbaijan"}},
		}}
	sys := &article.Article{Published: article.Date{Year: 2022, Month: 7, Day: 20, Precision: article.PrecDay},
		Events: []article.Event{
			ev("CONSULT", "phone", "2022-07-16", "s1", "asserted", "Jeyhun Bayramov", "Ararat Mirzoyan"),
			ev("AGREE", "", "2022-07-02", "", "asserted", "Azerbaïdjan", "armenia"),
			ev("ACCUSE", "", "", "", "planned", "Armenia", "Azerbaijan"),
			ev("ASSAULT", "", "", "", "asserted", "Armenia"),
		}}
	// Names are compared case- and accent-insensitively, but "Azerbaïdjan" is
	// not "Azerbaijan": the AGREE is a false alarm and a miss.
	r := Score([]Case{{Gold: gold, Sys: sys}})
	tests := []struct {
		typ        string
		tp, fp, fn int
	}{
		{"CONSULT", 1, 0, 0},
		{"AGREE", 0, 1, 1},
		{"ACCUSE", 0, 0, 1},
		{"ASSAULT", 0, 1, 0},
		{"all", 1, 2, 2},
	}
	for _, tt := range tests {
		p := r.Events[tt.typ]
		if p == nil {
			t.Fatalf("%s missing", tt.typ)
		}
		if p.TP != tt.tp || p.FP != tt.fp || p.FN != tt.fn {
			t.Errorf("%s: got tp=%d fp=%d fn=%d, want %d %d %d", tt.typ, p.TP, p.FP, p.FN, tt.tp, tt.fp, tt.fn)
		}
	}
	if r.Modes.Matched != 1 || r.Modes.Correct != 0 {
		t.Errorf("modes = %+v", r.Modes)
	}
	if r.Published.Gold != 1 || r.Published.Correct != 1 {
		t.Errorf("published = %+v", r.Published)
	}
	if r.EventDates.Gold != 1 || r.EventDates.Correct != 1 {
		t.Errorf("event dates = %+v", r.EventDates)
	}
}

func TestDateAgrees(t *testing.T) {
	d := func(s string) article.Date { x, _ := article.ParseDate(s); return x }
	tests := []struct {
		gold, sys string
		want      bool
	}{
		{"2022-07", "2022-07-16", true},
		{"2022-07", "2022-07", true},
		{"2022-07-16", "2022-07", false},
		{"2022-07-16", "2022-07-16", true},
		{"2022", "2022-03-01", true},
		{"2022-07", "", false},
		{"2022-07", "2021-07-16", false},
	}
	for _, tt := range tests {
		if got := dateAgrees(d(tt.gold), d(tt.sys)); got != tt.want {
			t.Errorf("dateAgrees(%s, %s) = %v", tt.gold, tt.sys, got)
		}
	}
}

func TestScorePersons(t *testing.T) {
	text := "Jeyhun Bayramov a rencontré Ararat Mirzoyan. Bayramov a parlé. Mirzoyan aussi."
	m := func(s, name string) article.Mention {
		i := indexOf(text, s)
		return article.Mention{Span: article.Span{Start: i, End: i + len(s)}, Text: s, Type: article.TypePerson, Name: name}
	}
	sys := &article.Article{Text: text, Mentions: []article.Mention{
		m("Jeyhun Bayramov", "Jeyhun Bayramov"),
		m("Ararat Mirzoyan", "Ararat Mirzoyan"),
		m("Bayramov a parlé", "Jeyhun Bayramov"), // covers the bare surname
		m("parlé", "Someone Else"),
	}}
	gold := GoldArticle{File: "p.txt", Persons: []GoldPerson{
		{Name: "Jeyhun Bayramov", Surface: []string{"Jeyhun Bayramov", "Bayramov", "Jeihun Bayramov"}},
		{Name: "Ararat Mirzoyan", Surface: []string{"Ararat Mirzoyan", "Mirzoyan"}},
	}}
	r := Score([]Case{{Gold: gold, Sys: sys}})
	// Surfaces present: Jeyhun Bayramov, Bayramov (twice: inside the full name and alone), Ararat Mirzoyan, Mirzoyan (twice).
	if r.Persons.GoldSurfaces != 4 || r.Persons.Linked != 3 {
		t.Errorf("persons = %+v", r.Persons)
	}
	if r.Persons.SystemPersons != 3 || r.Persons.Spurious != 1 {
		t.Errorf("spurious = %+v", r.Persons)
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestDedup(t *testing.T) {
	g := func(file, key, story string) match {
		return match{gold: GoldEvent{Type: "CONSULT", Key: key}, file: file, story: story}
	}
	d := scoreDedup([]match{g("a", "k1", "s1"), g("b", "k1", "s1"), g("c", "k1", "s2"), g("d", "k2", "s2"), g("e", "null|x", "s2")})
	// pairs with same key: ab (merged), ac (not), bc (not) → tp 1, fn 2; different keys merged: cd → fp 1.
	if d.GoldPairs != 3 || d.Precision != 0.5 || d.Recall != 1.0/3 {
		t.Errorf("dedup = %+v", d)
	}
}

func TestLoadGold(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "gold.jsonl")
	os.WriteFile(p, []byte(`{"file":"x.txt","published":"2020-11","persons":[],"events":[{"type":"CONSULT","actors":["A","B"],"host":["H1","H2"]}]}`+"\n\n"), 0o644)
	gs, err := LoadGold(p)
	if err != nil || len(gs) != 1 {
		t.Fatalf("LoadGold: %v %d", err, len(gs))
	}
	if gs[0].Path != filepath.Join(dir, "x.txt") || len(gs[0].Events[0].Hosts()) != 2 {
		t.Errorf("got %+v", gs[0])
	}
	os.WriteFile(p, []byte("{broken\n"), 0o644)
	if _, err := LoadGold(p); err == nil {
		t.Error("want error for broken line")
	}
}
