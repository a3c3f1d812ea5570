package story

import (
	"encoding/json"
	"testing"

	"github.com/vigie-news/vigie/article"
)

var (
	ePrague = ent{"QP", article.TypeCity, "CZE"}
	eWashDC = ent{"QW", article.TypeCity, "USA"}
	eFrance = ent{"QFR", article.TypeState, "FRA"}
	eLavrov = ent{"QL", article.TypePerson, "RUS"}
	eEPC    = ent{"QE", article.TypeOrganization, ""}
)

// tev is one event of a rules test article.
type tev struct {
	typ   string
	date  string
	place *ent
	parts []article.Actor
	hosts []ent
}

// rart builds an article with the given events; every entity the events
// name is mentioned, plus the extra context entities.
func rart(id, published string, evs []tev, mentions ...ent) *article.Article {
	a := art(id, "outlet-"+id, published)
	seen := map[string]bool{}
	mention := func(e ent) {
		if e.id == "" || seen[e.id] {
			return
		}
		seen[e.id] = true
		a.Mentions = append(a.Mentions, article.Mention{Entity: e.id, Name: e.id, Type: e.typ, Country: e.country})
	}
	for _, e := range mentions {
		mention(e)
	}
	for i, e := range evs {
		evt := article.Event{ID: id + "-e" + string(rune('0'+i)), ArticleID: id, Type: e.typ, Date: date(e.date)}
		evt.Actors = append(evt.Actors, e.parts...)
		for _, h := range e.hosts {
			ha := h.actor()
			ha.Role = article.RoleHost
			evt.Actors = append(evt.Actors, ha)
			mention(h)
		}
		if e.place != nil {
			evt.Place = &article.Place{Name: e.place.id, Entity: e.place.id}
			mention(*e.place)
		}
		a.Events = append(a.Events, evt)
	}
	return a
}

func actors(es ...ent) []article.Actor {
	var out []article.Actor
	for _, e := range es {
		out = append(out, e.actor())
	}
	return out
}

// bare is a state named without an entity id, as the event layer gives a
// demonym or an undated role ("the Azerbaijani side", "the Russian president").
func bare(name, country string) article.Actor {
	return article.Actor{Name: name, Role: article.RoleSource, Country: country}
}

// TestMergeRules checks the merge rules one by one: whether the last
// article's first event joins the first article's first event's story.
func TestMergeRules(t *testing.T) {
	leaders := actors(ePashinyan, eAliyev)
	fm := actors(eMirzoyan, eBayramov)
	tests := []struct {
		name   string
		arts   []*article.Article
		merged bool
		place  string // Decision.Place of the joining report ("" to skip)
	}{
		{"a state named without an entity joins its leader's report",
			[]*article.Article{
				rart("a", "2020-11-10", []tev{{typ: "AGREE", date: "2020-11-10", parts: append(actors(ePashinyan), bare("Azerbaijan", "AZE"), bare("Russia", "RUS"))}}),
				rart("b", "2020-11-10", []tev{{typ: "AGREE", date: "2020-11-09", parts: actors(ePashinyan, eAliyev, ent{"QV", article.TypePerson, "RUS"})}}),
			}, true, ""},
		{"two bare states of one country still stand for one participant each",
			[]*article.Article{
				rart("a", "", []tev{{typ: "CONSULT", date: "2022-09-19", parts: []article.Actor{bare("Armenia", "ARM"), bare("Azerbaijan", "AZE")}}}),
				rart("b", "", []tev{{typ: "CONSULT", date: "2022-09-19", parts: fm}}),
			}, true, ""},
		{"undated state report does not join a dated ministers' story on place alone",
			[]*article.Article{
				rart("a", "", []tev{{typ: "CONSULT", place: &eWashDC, parts: actors(eArmenia, eAzerbaijan)}}, eBlinken),
				rart("b", "2022-11-16", []tev{{typ: "CONSULT", date: "2022-11-07", place: &eWashDC, parts: fm}}, eBlinken),
			}, false, ""},
		{"undated report with the same named participants still joins on place",
			[]*article.Article{
				rart("a", "", []tev{{typ: "CONSULT", place: &eWashDC, parts: fm}}),
				rart("b", "2022-11-16", []tev{{typ: "CONSULT", date: "2022-11-07", place: &eWashDC, parts: fm}}),
			}, true, PlaceEqual},
		{"a participant's own country does not oppose a venue elsewhere",
			[]*article.Article{
				rart("a", "", []tev{{typ: "CONSULT", date: "2022-10-06", place: &ePrague, parts: leaders}}),
				rart("b", "", []tev{{typ: "CONSULT", date: "2022-10-06", place: &eArmenia, parts: leaders}}),
			}, true, PlaceWeak},
		{"a third country still opposes a venue elsewhere",
			[]*article.Article{
				rart("a", "", []tev{{typ: "CONSULT", date: "2022-10-06", place: &ePrague, parts: leaders}}),
				rart("b", "", []tev{{typ: "CONSULT", date: "2022-10-06", place: &eFrance, parts: leaders}}),
			}, false, ""},
		{"shared hosts tie two reports without any date",
			[]*article.Article{
				rart("a", "", []tev{{typ: "CONSULT", parts: leaders, hosts: []ent{eMacron, eMichel}}}, eEPC),
				rart("b", "", []tev{{typ: "CONSULT", parts: leaders, hosts: []ent{eMacron, eMichel}}}, eEPC),
			}, true, ""},
		{"the same context without hosts is not enough",
			[]*article.Article{
				rart("a", "", []tev{{typ: "CONSULT", parts: leaders}}, eEPC, eMacron),
				rart("b", "", []tev{{typ: "CONSULT", parts: leaders}}, eEPC, eMacron),
			}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewIndex(Options{})
			// Filler articles make the context entities rare.
			for i := range 30 {
				ix.AddArticle(rart("f"+string(rune('a'+i)), "2019-01-01", []tev{{typ: "CONSULT", date: "2019-01-01", parts: actors(eRussia, eArmenia)}}, eAzerbaijan, eLavrov))
			}
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
			if tt.merged && tt.place != "" && why.Place != tt.place {
				t.Errorf("place rule %q, want %q", why.Place, tt.place)
			}
		})
	}
}

// TestSiblingStories: two undated articles each report a meeting of the
// same leaders with the same hosts and an agreement reached there; once
// the meetings merge (shared hosts), the agreements merge too, whatever
// the order of the events inside the articles. An agreement of the same
// leaders in an unrelated article does not.
func TestSiblingStories(t *testing.T) {
	leaders := actors(ePashinyan, eAliyev)
	meet := tev{typ: "CONSULT", parts: leaders, hosts: []ent{eMacron, eMichel}}
	agree := tev{typ: "AGREE", parts: leaders}
	tests := []struct {
		name   string
		b      []tev
		merged bool
	}{
		{"meeting first", []tev{meet, agree}, true},
		{"agreement first", []tev{agree, meet}, true},
		{"no meeting to tie the articles", []tev{agree}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewIndex(Options{})
			for i := range 30 {
				ix.AddArticle(rart("f"+string(rune('a'+i)), "2019-01-01", []tev{{typ: "CONSULT", date: "2019-01-01", parts: actors(eRussia, eArmenia)}}, eAzerbaijan, eLavrov))
			}
			// Both articles mention the hosts: that context alone is not enough.
			a := rart("a", "", []tev{meet, agree}, eMacron, eMichel)
			_, ma := ix.AddArticle(a)
			b := rart("b", "", tt.b, eMacron, eMichel)
			_, mb := ix.AddArticle(b)
			var bAgree string
			for _, e := range b.Events {
				if e.Type == "AGREE" {
					bAgree = mb[e.ID]
				}
			}
			got := ma["a-e1"] == bAgree
			if got != tt.merged {
				t.Fatalf("agreements merged = %v, want %v (why: %s)", got, tt.merged, ix.Story(bAgree).Reports[0].Why)
			}
			if got {
				why := ix.Story(bAgree).Reports[1].Why
				if !why.Sibling {
					t.Errorf("joined without the sibling rule: %s", why)
				}
			}
		})
	}
}

// TestRestoreKeepsHosts: a restored story still credits shared hosts.
func TestRestoreKeepsHosts(t *testing.T) {
	leaders := actors(ePashinyan, eAliyev)
	meet := []tev{{typ: "CONSULT", parts: leaders, hosts: []ent{eMacron, eMichel}}}
	ix := NewIndex(Options{})
	for i := range 30 {
		ix.AddArticle(rart("f"+string(rune('a'+i)), "2019-01-01", []tev{{typ: "CONSULT", date: "2019-01-01", parts: actors(eRussia, eArmenia)}}, eAzerbaijan, eLavrov))
	}
	_, ma := ix.AddArticle(rart("a", "", meet))
	var raws []json.RawMessage
	for _, s := range ix.Stories() {
		b, err := s.Record()
		if err != nil {
			t.Fatal(err)
		}
		raws = append(raws, b)
	}
	ix2 := NewIndex(Options{})
	if err := ix2.LoadStories(raws); err != nil {
		t.Fatal(err)
	}
	_, mb := ix2.AddArticle(rart("b", "", meet))
	if ma["a-e0"] != mb["b-e0"] {
		s := ix2.Story(mb["b-e0"])
		t.Fatalf("restored story lost its hosts: %s", s.Reports[len(s.Reports)-1].Why)
	}
}
