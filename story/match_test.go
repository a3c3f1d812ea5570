package story

import (
	"encoding/json"
	"testing"

	"github.com/vigie-news/vigie/article"
)

// ent is a linked entity for the tests: id, type and country.
type ent struct {
	id      string
	typ     article.EntityType
	country string
}

var (
	eArmenia    = ent{"Q399", article.TypeState, "ARM"}
	eAzerbaijan = ent{"Q227", article.TypeState, "AZE"}
	eRussia     = ent{"Q159", article.TypeState, "RUS"}
	eMirzoyan   = ent{"Q1", article.TypePerson, "ARM"}
	eBayramov   = ent{"Q2", article.TypePerson, "AZE"}
	eAliyev     = ent{"Q3", article.TypePerson, "AZE"}
	ePashinyan  = ent{"Q4", article.TypePerson, "ARM"}
	eSochi      = ent{"QS", article.TypeCity, "RUS"}
	eMoscow     = ent{"QM", article.TypeCity, "RUS"}
	eBlinken    = ent{"QB", article.TypePerson, "USA"}
	eSullivan   = ent{"QJ", article.TypePerson, "USA"}
	eMacron     = ent{"QF", article.TypePerson, "FRA"}
	eMichel     = ent{"QC", article.TypePerson, ""}
	eBrussels   = ent{"QR", article.TypeCity, "BEL"}
)

func (e ent) actor() article.Actor {
	return article.Actor{Name: e.id, Entity: e.id, Role: article.RoleSource, Country: e.country}
}

// mart builds an article whose mentions name the given entities and whose
// one CONSULT event has the given participants, date and place.
func mart(id, published, evDate string, place *ent, parts []ent, mentions ...ent) *article.Article {
	a := art(id, "outlet-"+id, published)
	all := append(append([]ent(nil), parts...), mentions...)
	if place != nil {
		all = append(all, *place)
	}
	for _, e := range all {
		a.Mentions = append(a.Mentions, article.Mention{Entity: e.id, Name: e.id, Type: e.typ, Country: e.country})
	}
	evt := article.Event{ID: id + "-e0", ArticleID: id, Type: "CONSULT", Date: date(evDate)}
	for _, p := range parts {
		evt.Actors = append(evt.Actors, p.actor())
	}
	if place != nil {
		evt.Place = &article.Place{Name: place.id, Entity: place.id}
	}
	a.Events = []article.Event{evt}
	return a
}

func TestMergeByCountryPlaceAndContext(t *testing.T) {
	fm := []ent{eMirzoyan, eBayramov}
	leaders := []ent{ePashinyan, eAliyev}
	states := []ent{eArmenia, eAzerbaijan}
	// Filler articles make the context entities rare (document frequency).
	filler := func(ix *Index) {
		for i := range 30 {
			ix.AddArticle(mart("f"+string(rune('a'+i)), "2019-01-01", "2019-01-01", nil, []ent{eRussia, eArmenia}, eAzerbaijan))
		}
	}
	tests := []struct {
		name   string
		arts   []*article.Article
		merged bool
		actors string // Decision.Actors of the last report when merged
		key    string // the story's key when merged ("" to skip)
	}{
		{"state report joins the ministers' meeting, persons kept",
			[]*article.Article{mart("a", "", "2022-09-19", nil, fm), mart("b", "", "2022-09-19", nil, states)},
			true, ActorsByCountry, "CONSULT|id:Q1+id:Q2"},
		{"ministers' report refines a state story",
			[]*article.Article{mart("a", "", "2022-09-19", nil, states), mart("b", "", "2022-09-19", nil, fm)},
			true, ActorsByCountry, "CONSULT|id:Q1+id:Q2"},
		{"state report a day later (one night)",
			[]*article.Article{mart("a", "", "2022-09-19", nil, fm), mart("b", "", "2022-09-20", nil, states)},
			true, ActorsByCountry, ""},
		{"state report a week later is another meeting",
			[]*article.Article{mart("a", "", "2022-09-19", nil, fm), mart("b", "", "2022-09-26", nil, states)},
			false, "", ""},
		{"ministers and leaders of the same countries never merge",
			[]*article.Article{mart("a", "", "2022-09-19", nil, fm), mart("b", "", "2022-09-19", nil, leaders)},
			false, "", ""},
		{"a city inside the country the other report gives",
			[]*article.Article{mart("a", "2021-11-27", "2021-11-26", &eSochi, leaders), mart("b", "2021-11", "2021-11", &eRussia, leaders)},
			true, ActorsSame, ""},
		{"two cities of one country differ",
			[]*article.Article{mart("a", "", "2021-11-26", &eSochi, leaders), mart("b", "", "2021-11-26", &eMoscow, leaders)},
			false, "", ""},
		{"undated report with rare shared context",
			[]*article.Article{mart("a", "", "2023-05-01", nil, fm, eBlinken, eSullivan, eMacron), mart("b", "", "", nil, fm, eBlinken, eSullivan, eMacron)},
			true, ActorsSame, ""},
		{"undated report with common context only",
			[]*article.Article{mart("a", "", "2023-05-01", nil, fm, eRussia), mart("b", "", "", nil, fm, eRussia)},
			false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewIndex(Options{})
			filler(ix)
			var ids []string
			for _, a := range tt.arts {
				_, m := ix.AddArticle(a)
				ids = append(ids, m[a.Events[0].ID])
			}
			last := ix.Story(ids[len(ids)-1])
			why := last.Reports[len(last.Reports)-1].Why
			if got := ids[0] == ids[len(ids)-1]; got != tt.merged {
				t.Fatalf("merged = %v, want %v (why: %s)", got, tt.merged, why)
			}
			if !tt.merged {
				return
			}
			if why.Actors != tt.actors {
				t.Errorf("actors rule %q, want %q", why.Actors, tt.actors)
			}
			if tt.key != "" && last.Key != tt.key {
				t.Errorf("story key %q, want %q", last.Key, tt.key)
			}
		})
	}
}

// TestUndatedAmbiguous: an undated report whose context fits two stories
// starts its own.
func TestUndatedAmbiguous(t *testing.T) {
	ix := NewIndex(Options{})
	for i := range 30 {
		ix.AddArticle(mart("f"+string(rune('a'+i)), "2019-01-01", "2019-01-01", nil, []ent{eRussia, eArmenia}))
	}
	leaders := []ent{ePashinyan, eAliyev}
	_, s1 := ix.AddArticle(mart("a", "", "2022-08-31", &eBrussels, leaders, eMichel, eMacron))
	_, s2 := ix.AddArticle(mart("b", "", "2023-05-14", &eBrussels, leaders, eMichel, eMacron))
	_, s3 := ix.AddArticle(mart("c", "", "", nil, leaders, eMichel, eMacron))
	if s1["a-e0"] == s2["b-e0"] {
		t.Fatal("two dated meetings merged")
	}
	st := ix.Story(s3["c-e0"])
	if st.ID == s1["a-e0"] || st.ID == s2["b-e0"] {
		t.Errorf("ambiguous undated report joined a story: %s", st.Reports[len(st.Reports)-1].Why)
	}
}

// TestRestoreKeepsCountryMerging: stories saved and restored still merge
// by country and keep their place facts.
func TestRestoreKeepsCountryMerging(t *testing.T) {
	ix := NewIndex(Options{})
	ix.AddArticle(mart("a", "", "2021-11-26", &eRussia, []ent{eArmenia, eAzerbaijan}))
	var recs [][]byte
	for _, s := range ix.Stories() {
		b, err := s.Record()
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, b)
	}
	ix2 := NewIndex(Options{})
	var raws []json.RawMessage
	for _, r := range recs {
		raws = append(raws, r)
	}
	if err := ix2.LoadStories(raws); err != nil {
		t.Fatal(err)
	}
	_, ids := ix2.AddArticle(mart("b", "", "2021-11-26", &eSochi, []ent{ePashinyan, eAliyev}))
	s := ix2.Story(ids["b-e0"])
	if len(s.Reports) != 2 || s.Place == nil || s.Place.Entity != eSochi.id || s.Key != "CONSULT|id:Q3+id:Q4" {
		t.Errorf("restored story did not take the leaders' report: %d reports, place %+v, key %s", len(s.Reports), s.Place, s.Key)
	}
}

// TestSketchBinaryAndPreload: a sketch survives encoding, and a preloaded
// article is found as the canonical copy of a new one.
func TestSketchBinaryAndPreload(t *testing.T) {
	ix := NewIndex(Options{})
	a := art("orig", "x", "2022-01-01")
	sk := ix.Sketch(a.Text)
	b, err := sk.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var got Sketch
	if err := got.UnmarshalBinary(b); err != nil || Similarity(got, sk) != 1 || got.Shingles != sk.Shingles {
		t.Fatalf("round trip: %v, similarity %.2f", err, Similarity(got, sk))
	}
	for _, bad := range [][]byte{nil, {1, 2, 3}, {1, 2, 3, 4, 5}} {
		if err := new(Sketch).UnmarshalBinary(bad); err == nil {
			t.Errorf("UnmarshalBinary(%v) accepted", bad)
		}
	}
	ix2 := NewIndex(Options{})
	ix2.Preload("orig", "", got)
	ix2.Preload("copy0", "orig", got)
	c := &article.Article{ID: "copy", Text: a.Text + " one more sentence at the end."}
	if dup, _ := ix2.AddArticle(c); dup != "orig" || c.DupOf != "orig" {
		t.Errorf("copy of a preloaded article: dup_of %q (article %q)", dup, c.DupOf)
	}
	if dup, ok := ix2.DupOf("copy0"); !ok || dup != "orig" {
		t.Errorf("preloaded duplicate link: %q %v", dup, ok)
	}
}
