package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/store"
)

// jsonEventCounts and jsonActorNetwork are the aggregations by actor
// computed from each event's JSON data (json_each), as before
// events.parts: the reference the parts-based ones must equal.
func jsonEventCounts(ctx context.Context, db *DB, f store.EventFilter) ([]store.EventCount, error) {
	w, join, err := db.eventWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	w.add(notHost)
	q := `SELECT d, p, k, max(name), count(DISTINCT ev) FROM (SELECT coalesce(e.date_first, '') AS d, coalesce(e.date_last, '') AS p,
		e.rowid AS ev, ` + actorKey + ` AS k, ` + actorName + ` AS name` + eventFrom(join) + `, ` + participants + w.String() + `)
		WHERE k IS NOT NULL GROUP BY 1, 2, 3`
	rows, err := db.r.QueryContext(ctx, q, w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.EventCount
	for rows.Next() {
		var c store.EventCount
		var first, last string
		if err := rows.Scan(&first, &last, &c.Key, &c.Label, &c.Count); err != nil {
			return nil, err
		}
		c.Date = eventDate(first, last)
		out = append(out, c)
	}
	return out, rows.Err()
}

func jsonActorNetwork(ctx context.Context, db *DB, f store.EventFilter) (*store.ActorGraph, error) {
	w, join, err := db.eventWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	g := &store.ActorGraph{}
	if err := db.r.QueryRowContext(ctx, `SELECT count(*)`+eventFrom(join)+w.String(), w.args...).Scan(&g.Events); err != nil {
		return nil, err
	}
	w.add(notHost)
	parts := `SELECT e.rowid AS ev, e.type AS type, ` + actorKey + ` AS k, ` + actorName + ` AS name,
		coalesce(j.value->>'entity', '') AS entity, coalesce(j.value->>'country', '') AS country, coalesce(j.value->>'sector', '') AS sector` +
		eventFrom(join) + `, ` + participants + w.String()
	rows, err := db.r.QueryContext(ctx, `SELECT k, max(name), max(entity), max(country), max(sector), count(DISTINCT ev)
		FROM (`+parts+`) WHERE k IS NOT NULL GROUP BY k`, w.args...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var c store.ActorCount
		if err := rows.Scan(&c.Key, &c.Actor.Name, &c.Actor.Entity, &c.Actor.Country, &c.Actor.Sector, &c.Events); err != nil {
			rows.Close()
			return nil, err
		}
		g.Actors = append(g.Actors, c)
	}
	rows.Close()
	rows, err = db.r.QueryContext(ctx, `WITH p AS MATERIALIZED (SELECT DISTINCT ev, type, k FROM (`+parts+`) WHERE k IS NOT NULL)
		SELECT x.k, y.k, x.type, count(*) FROM p x JOIN p y ON y.ev = x.ev AND x.k < y.k GROUP BY 1, 2, 3`, w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var p store.PairCount
		if err := rows.Scan(&p.A, &p.B, &p.Type, &p.Events); err != nil {
			return nil, err
		}
		g.Pairs = append(g.Pairs, p)
	}
	return g, rows.Err()
}

// awkwardArticles are articles whose actors test the edges of actor keys:
// hosts, names to trim, invalid UTF-8, name-only and nameless actors, an
// entity named differently across events, the same participant twice in
// one event, countries and sectors that differ across events.
func awkwardArticles() []*article.Article {
	type ac = article.Actor
	actorSets := [][]ac{
		{{Name: "Nikol Pashinyan", Entity: "Q1", Role: "source", Country: "ARM", Sector: "GOV"}, {Name: "Ilham Aliyev", Entity: "Q2", Role: "target", Country: "AZE"}},
		{{Name: "Pashinyan", Entity: "Q1", Role: "source", Country: "ARM"}, {Name: " Azerbaijani army\t", Role: "target", Sector: "MIL"}, {Name: "Moscow", Entity: "Q3", Role: "host"}},
		{{Name: "Azerbaijani army", Role: "source", Sector: "MIL"}, {Name: "Azerbaijani army", Role: "target", Country: "AZE"}, {Name: "  ", Role: "target"}},
		{{Name: "bad \xff\xfe name", Role: "source"}, {Name: "", Entity: "Q2", Role: "target"}, {Name: "Ilham Aliyev", Entity: "Q2", Role: "source"}},
		{{Name: "Q1", Role: "source"}, {Name: "Nikol Pashinyan", Entity: "Q1", Role: "target", Country: "ARM", Sector: "MIL"}},
		{{Name: "Host only", Entity: "Q3", Role: "host"}},
		{},
		{{Name: "\u00a0spaced\u00a0", Role: "source"}, {Name: "Sergey Lavrov", Entity: "Q4", Role: "target", Country: "RUS", Sector: "GOV"}, {Name: "Nikol Pashinyan", Entity: "Q1", Role: "target"}},
	}
	types := []string{"CONSULT", "ACCUSE", "AGREE"}
	facts := []string{article.FactAsserted, article.FactAsserted, article.FactPlanned}
	var arts []*article.Article
	for i := 0; i < 24; i++ {
		a := &article.Article{ID: fmt.Sprintf("awk%02d", i), Title: "Talks", Text: "Some words about talks.", Lang: "en",
			Outlet: []string{"one", "two"}[i%2]}
		for j := 0; j < 3; j++ {
			k := (i*3 + j) % len(actorSets)
			d := article.Date{Year: 2020 + i%4, Month: 1 + (i+j)%12, Day: 1 + j*9, Precision: article.PrecDay}
			switch (i + j) % 5 {
			case 3:
				d = article.Date{Year: 2021 + j%2, Month: 1 + i%12, Precision: article.PrecMonth}
			case 4:
				d = article.Date{}
			}
			a.Events = append(a.Events, article.Event{Type: types[(i+j)%3], Actors: slices.Clone(actorSets[k]), Date: d,
				Factuality: facts[(i+2*j)%3]})
		}
		arts = append(arts, a)
	}
	return arts
}

// aggregateFilters are the filters the parts-based aggregations are
// checked under.
var aggregateFilters = []store.EventFilter{
	{}, {All: true}, {Type: "accuse"}, {Outlet: "two"}, {Actor: "Q1"}, {Actor: "azerbaijani army", All: true},
	{From: article.Date{Year: 2021, Precision: article.PrecYear}, To: article.Date{Year: 2022, Month: 6, Precision: article.PrecMonth}},
	{Type: "CONSULT", From: article.Date{Year: 2020, Precision: article.PrecYear}, Outlet: "one"},
	{Type: "NOSUCH"},
}

// checkAggregatesMatchJSON compares the parts-based aggregations with the
// JSON-based ones on db.
func checkAggregatesMatchJSON(t *testing.T, db *DB) {
	ctx := context.Background()
	for _, f := range aggregateFilters {
		got, err := db.ActorNetwork(ctx, f)
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		want, err := jsonActorNetwork(ctx, db, f)
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("network %+v:\n got %+v\nwant %+v", f, got, want)
		}
		gc, err := db.EventCounts(ctx, f, "actor")
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		wc, err := jsonEventCounts(ctx, db, f)
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		if !reflect.DeepEqual(gc, wc) {
			t.Errorf("counts by actor %+v:\n got %+v\nwant %+v", f, gc, wc)
		}
	}
}

func TestAggregatesMatchJSON(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.PutArticles(ctx, awkwardArticles()); err != nil {
		t.Fatal(err)
	}
	g, err := db.ActorNetwork(ctx, store.EventFilter{All: true})
	if err != nil {
		t.Fatal(err)
	}
	if g.Events != 72 || len(g.Actors) < 6 || len(g.Pairs) < 6 {
		t.Fatalf("awkward store: %d events, %d actors, %d pairs", g.Events, len(g.Actors), len(g.Pairs))
	}
	checkAggregatesMatchJSON(t, db)
	// Migration 6 fills parts from the events' data: the same participants.
	if _, err := db.w.ExecContext(ctx, `UPDATE events SET parts = `+partsFromData); err != nil {
		t.Fatal(err)
	}
	checkAggregatesMatchJSON(t, db)
}

// TestAggregatesMatchJSONCached runs the comparison on the store named by
// $VIGIE_AGG_DB (a copy of the load-bench store, say), when set.
func TestAggregatesMatchJSONCached(t *testing.T) {
	path := os.Getenv("VIGIE_AGG_DB")
	if path == "" {
		t.Skip("VIGIE_AGG_DB is not set")
	}
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkAggregatesMatchJSON(t, db)
}

func TestParticipantsJSON(t *testing.T) {
	tests := []struct {
		name   string
		actors []article.Actor
		want   [][5]string
	}{
		{"none", nil, nil},
		{"hosts only", []article.Actor{{Name: "X", Entity: "Q9", Role: "host"}}, nil},
		{"nameless", []article.Actor{{Name: " \t", Role: "source"}}, nil},
		{"trimmed and sorted", []article.Actor{{Name: " Zed ", Role: "source"}, {Name: "Ann", Entity: "Q1", Role: "target", Country: "ARM"}},
			[][5]string{{"Q1", "Ann", "Q1", "ARM", ""}, {"name:Zed", "Zed", "", "", ""}}},
		{"duplicates", []article.Actor{{Name: "A", Role: "source"}, {Name: "A", Role: "target"}},
			[][5]string{{"name:A", "A", "", "", ""}}},
		{"invalid UTF-8", []article.Actor{{Name: "a\xffb", Role: "source"}},
			[][5]string{{"name:a\ufffdb", "a\ufffdb", "", "", ""}}},
		{"unicode space kept", []article.Actor{{Name: "\u00a0x", Role: "source"}},
			[][5]string{{"name:\u00a0x", "\u00a0x", "", "", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := participantsJSON(tt.actors)
			var got [][5]string
			if s != "" {
				if err := json.Unmarshal([]byte(s), &got); err != nil {
					t.Fatalf("%q: %v", s, err)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("participantsJSON = %q, want %q", s, tt.want)
			}
		})
	}
}
