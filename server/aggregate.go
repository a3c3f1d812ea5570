package server

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/store"
)

// maxAggregateEvents caps how many events an aggregation or export reads.
const maxAggregateEvents = 200000

// maxBuckets caps the number of timeline buckets.
const maxBuckets = 4000

// Series is one line of a timeline.
type Series struct {
	Key    string `json:"key"`
	Label  string `json:"label"`
	Total  int    `json:"total"`
	Counts []int  `json:"counts"`
}

// Timeline is the response of /api/v1/timeline: Counts[i] of each series
// is the number of events in Buckets[i] (the bucket's first day, month
// YYYY-MM or week's Monday YYYY-MM-DD).
type Timeline struct {
	Interval string   `json:"interval"`
	By       string   `json:"by"`
	Buckets  []string `json:"buckets"`
	Series   []Series `json:"series"`
	// Undated counts events whose date is unknown or coarser than the interval.
	Undated int `json:"undated"`
}

func (s *Server) loadEvents(ctx context.Context, f store.EventFilter) ([]store.EventRecord, error) {
	f.Limit = maxAggregateEvents
	return s.st.Events(ctx, f)
}

// bucketOf returns the bucket start of d for the interval, ok=false when
// d is not precise enough.
func bucketOf(d article.Date, interval string) (time.Time, bool) {
	if !d.Known() {
		return time.Time{}, false
	}
	switch interval {
	case "month":
		if d.Precision != article.PrecDay && d.Precision != article.PrecMonth {
			return time.Time{}, false
		}
		return time.Date(d.Year, time.Month(d.Month), 1, 0, 0, 0, 0, time.UTC), true
	default:
		if d.Precision != article.PrecDay {
			return time.Time{}, false
		}
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		if interval == "week" {
			wd := (int(t.Weekday()) + 6) % 7 // Monday = 0
			t = t.AddDate(0, 0, -wd)
		}
		return t, true
	}
}

func nextBucket(t time.Time, interval string) time.Time {
	switch interval {
	case "month":
		return t.AddDate(0, 1, 0)
	case "week":
		return t.AddDate(0, 0, 7)
	}
	return t.AddDate(0, 0, 1)
}

func bucketKey(t time.Time, interval string) string {
	if interval == "month" {
		return t.Format("2006-01")
	}
	return t.Format("2006-01-02")
}

func (s *Server) timeline(w http.ResponseWriter, r *http.Request) error {
	p := queryParams(r)
	interval := p.enum("interval", "month", "day", "week", "month")
	by := p.enum("by", "type", "type", "actor")
	top := p.integer("top", 10, 1, 50)
	f := eventFilter(p)
	if p.err != nil {
		return p.err
	}
	dates, keyed, err := s.eventCounts(r.Context(), f, by)
	if err != nil {
		return err
	}
	tl, err := timelineOf(dates, keyed, interval, by, top)
	if err != nil {
		return err
	}
	return writeJSON(w, tl)
}

// eventCounts counts the events matching f by date (dates) and by date
// and series key (keyed), in the store when it can aggregate, else over
// the first maxAggregateEvents events.
func (s *Server) eventCounts(ctx context.Context, f store.EventFilter, by string) (dates, keyed []store.EventCount, err error) {
	if agg, ok := s.st.(store.EventAggregator); ok {
		if keyed, err = agg.EventCounts(ctx, f, by); err != nil {
			return nil, nil, err
		}
		if by == "type" { // one type per event: the keyed counts are the date counts
			return keyed, keyed, nil
		}
		if dates, err = agg.EventCounts(ctx, f, ""); err != nil {
			return nil, nil, err
		}
		return dates, keyed, nil
	}
	evs, err := s.loadEvents(ctx, f)
	if err != nil {
		return nil, nil, err
	}
	type dk struct {
		d article.Date
		k string
	}
	dn, kn, labels := map[article.Date]int{}, map[dk]int{}, map[string]string{}
	for i := range evs {
		dn[evs[i].Date]++
		if by == "type" {
			kn[dk{evs[i].Date, evs[i].Type}]++
			labels[evs[i].Type] = evs[i].Type
			continue
		}
		eachParticipant(&evs[i], func(k string, a article.Actor) {
			kn[dk{evs[i].Date, k}]++
			labels[k] = a.Name
		})
	}
	for d, n := range dn {
		dates = append(dates, store.EventCount{Date: d, Count: n})
	}
	for x, n := range kn {
		keyed = append(keyed, store.EventCount{Date: x.d, Key: x.k, Label: labels[x.k], Count: n})
	}
	return dates, keyed, nil
}

// timelineOf buckets event counts: dates give the range and the undated
// count, keyed the series (the top ones by total).
func timelineOf(dates, keyed []store.EventCount, interval, by string, top int) (Timeline, error) {
	tl := Timeline{Interval: interval, By: by, Buckets: []string{}, Series: []Series{}}
	var lo, hi time.Time
	dated := false
	for _, c := range dates {
		t, ok := bucketOf(c.Date, interval)
		if !ok {
			tl.Undated += c.Count
			continue
		}
		dated = true
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	if !dated {
		return tl, nil
	}
	labels := map[string]string{}
	totals := map[string]int{}
	for _, c := range keyed {
		if _, ok := bucketOf(c.Date, interval); ok {
			totals[c.Key] += c.Count
			if labels[c.Key] == "" {
				labels[c.Key] = c.Label
			}
		}
	}
	var keys []string
	for k := range totals {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if totals[keys[i]] != totals[keys[j]] {
			return totals[keys[i]] > totals[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) > top {
		keys = keys[:top]
	}
	index := map[string]int{}
	for t := lo; !t.After(hi); t = nextBucket(t, interval) {
		if len(tl.Buckets) >= maxBuckets {
			return tl, badRequest("the range covers more than %d %s buckets: narrow it with from/to or a coarser interval", maxBuckets, interval)
		}
		index[bucketKey(t, interval)] = len(tl.Buckets)
		tl.Buckets = append(tl.Buckets, bucketKey(t, interval))
	}
	series := map[string]*Series{}
	for _, k := range keys {
		series[k] = &Series{Key: k, Label: labels[k], Total: totals[k], Counts: make([]int, len(tl.Buckets))}
	}
	for _, c := range keyed {
		sr := series[c.Key]
		if sr == nil {
			continue
		}
		if t, ok := bucketOf(c.Date, interval); ok {
			sr.Counts[index[bucketKey(t, interval)]] += c.Count
		}
	}
	for _, k := range keys {
		tl.Series = append(tl.Series, *series[k])
	}
	return tl, nil
}

// Node is an actor of the network.
type Node struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Country string `json:"country,omitempty"`
	Sector  string `json:"sector,omitempty"`
	// Entity is the KB ID ("" for actors without one).
	Entity string `json:"entity,omitempty"`
	// Events counts the events the actor takes part in.
	Events int `json:"events"`
}

// Edge links two actors that took part in Weight events together.
type Edge struct {
	Source string        `json:"source"`
	Target string        `json:"target"`
	Weight int           `json:"weight"`
	Types  []store.Count `json:"types"`
}

// Network is the response of /api/v1/network.
type Network struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
	// Events is the number of events read.
	Events int `json:"events"`
}

func (s *Server) buildNetwork(r *http.Request) (*Network, error) {
	p := queryParams(r)
	minW := p.integer("min_weight", 1, 1, 1000000)
	maxEdges := p.integer("max_edges", 300, 1, 2000)
	f := eventFilter(p)
	if p.err != nil {
		return nil, p.err
	}
	if agg, ok := s.st.(store.EventAggregator); ok {
		g, err := agg.ActorNetwork(r.Context(), f)
		if err != nil {
			return nil, err
		}
		return networkFromGraph(g, minW, maxEdges), nil
	}
	evs, err := s.loadEvents(r.Context(), f)
	if err != nil {
		return nil, err
	}
	return networkOf(evs, minW, maxEdges), nil
}

// networkOf links every pair of distinct participants of each event.
func networkOf(evs []store.EventRecord, minW, maxEdges int) *Network {
	g := &store.ActorGraph{Events: len(evs)}
	actors := map[string]int{}
	type pt struct{ a, b, t string }
	pairs := map[pt]int{}
	for i := range evs {
		var ks []string
		eachParticipant(&evs[i], func(k string, a article.Actor) {
			ks = append(ks, k)
			j, ok := actors[k]
			if !ok {
				j = len(g.Actors)
				actors[k] = j
				g.Actors = append(g.Actors, store.ActorCount{Key: k, Actor: article.Actor{Name: a.Name, Entity: a.Entity, Country: a.Country, Sector: a.Sector}})
			}
			g.Actors[j].Events++
		})
		sort.Strings(ks)
		for x := 0; x < len(ks); x++ {
			for y := x + 1; y < len(ks); y++ {
				pairs[pt{ks[x], ks[y], evs[i].Type}]++
			}
		}
	}
	for p, n := range pairs {
		g.Pairs = append(g.Pairs, store.PairCount{A: p.a, B: p.b, Type: p.t, Events: n})
	}
	return networkFromGraph(g, minW, maxEdges)
}

// networkFromGraph keeps the heaviest edges of at least minW events (at
// most maxEdges) and the actors they link.
func networkFromGraph(g *store.ActorGraph, minW, maxEdges int) *Network {
	type pair struct{ a, b string }
	edges := map[pair]*Edge{}
	for _, p := range g.Pairs {
		pk := pair{p.A, p.B}
		e := edges[pk]
		if e == nil {
			e = &Edge{Source: p.A, Target: p.B}
			edges[pk] = e
		}
		e.Weight += p.Events
		e.Types = append(e.Types, store.Count{Key: p.Type, Count: p.Events})
	}
	var es []*Edge
	for _, e := range edges {
		if e.Weight < minW {
			continue
		}
		sortCounts(e.Types)
		es = append(es, e)
	}
	sort.Slice(es, func(i, j int) bool {
		if es[i].Weight != es[j].Weight {
			return es[i].Weight > es[j].Weight
		}
		if es[i].Source != es[j].Source {
			return es[i].Source < es[j].Source
		}
		return es[i].Target < es[j].Target
	})
	if len(es) > maxEdges {
		es = es[:maxEdges]
	}
	net := &Network{Nodes: []Node{}, Edges: []Edge{}, Events: g.Events}
	used := map[string]bool{}
	for _, e := range es {
		net.Edges = append(net.Edges, *e)
		used[e.Source], used[e.Target] = true, true
	}
	for _, a := range g.Actors {
		if used[a.Key] {
			net.Nodes = append(net.Nodes, Node{ID: a.Key, Label: a.Actor.Name, Country: a.Actor.Country, Sector: a.Actor.Sector,
				Entity: a.Actor.Entity, Events: a.Events})
		}
	}
	sort.Slice(net.Nodes, func(i, j int) bool {
		if net.Nodes[i].Events != net.Nodes[j].Events {
			return net.Nodes[i].Events > net.Nodes[j].Events
		}
		return net.Nodes[i].ID < net.Nodes[j].ID
	})
	return net
}

func (s *Server) network(w http.ResponseWriter, r *http.Request) error {
	net, err := s.buildNetwork(r)
	if err != nil {
		return err
	}
	return writeJSON(w, net)
}

func attachment(w http.ResponseWriter, ctype, name string) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "no-store")
}

// csvHeader is the column list of the CSV export.
var csvHeader = []string{"id", "article_id", "type", "mode", "date", "date_precision", "factuality", "confidence",
	"sources", "targets", "source_entities", "target_entities", "place", "outlet", "title", "published", "url", "story", "evidence"}

func (s *Server) exportCSV(w http.ResponseWriter, r *http.Request) error {
	p := queryParams(r)
	f := eventFilter(p)
	if p.err != nil {
		return p.err
	}
	started := false
	var cw *csv.Writer
	err := s.eachEvent(r.Context(), f, func(e *store.EventRecord) error {
		if !started {
			started = true
			attachment(w, "text/csv; charset=utf-8", "vigie-events.csv")
			cw = csv.NewWriter(w)
			if err := cw.Write(csvHeader); err != nil {
				return fmt.Errorf("writing CSV: %w", err)
			}
		}
		var src, tgt, srcE, tgtE, evid []string
		for _, a := range e.Actors {
			switch a.Role {
			case article.RoleSource:
				src, srcE = append(src, a.Name), append(srcE, a.Entity)
			case article.RoleTarget:
				tgt, tgtE = append(tgt, a.Name), append(tgtE, a.Entity)
			}
		}
		for _, ev := range e.Evidence {
			evid = append(evid, ev.Text)
		}
		place := ""
		if e.Place != nil {
			place = e.Place.Name
		}
		row := []string{e.ID, e.ArticleID, e.Type, e.Mode, e.Date.String(), string(e.Date.Prec()), e.Factuality,
			strconv.FormatFloat(e.Confidence, 'f', 3, 64), strings.Join(src, "; "), strings.Join(tgt, "; "),
			strings.Join(srcE, "; "), strings.Join(tgtE, "; "), place, e.Outlet, e.Title, e.Published.String(), e.URL, e.Story,
			strings.Join(evid, " … ")}
		for j, c := range row {
			row[j] = csvSafe(c)
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("writing CSV: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if !started { // no event: the header alone
		attachment(w, "text/csv; charset=utf-8", "vigie-events.csv")
		cw = csv.NewWriter(w)
		if err := cw.Write(csvHeader); err != nil {
			return fmt.Errorf("writing CSV: %w", err)
		}
	}
	cw.Flush()
	return cw.Error()
}

// eachEvent calls fn for the events matching f, streamed from the store
// when it can, else over the first maxAggregateEvents events. The response
// starts with the first event, so that an error before it is still
// answered as JSON.
func (s *Server) eachEvent(ctx context.Context, f store.EventFilter, fn func(*store.EventRecord) error) error {
	if es, ok := s.st.(store.EventStreamer); ok {
		return es.EachEvent(ctx, f, fn)
	}
	evs, err := s.loadEvents(ctx, f)
	if err != nil {
		return err
	}
	for i := range evs {
		if err := fn(&evs[i]); err != nil {
			return err
		}
	}
	return nil
}

// csvSafe defuses cells a spreadsheet would run as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func (s *Server) exportJSONL(w http.ResponseWriter, r *http.Request) error {
	p := queryParams(r)
	f := eventFilter(p)
	if p.err != nil {
		return p.err
	}
	attachment(w, "application/x-ndjson; charset=utf-8", "vigie-events.jsonl")
	enc := json.NewEncoder(w)
	return s.eachEvent(r.Context(), f, func(e *store.EventRecord) error {
		if err := enc.Encode(e); err != nil {
			return fmt.Errorf("writing JSONL: %w", err)
		}
		return nil
	})
}

// GEXF 1.3 document types.
type gexfDoc struct {
	XMLName xml.Name  `xml:"gexf"`
	NS      string    `xml:"xmlns,attr"`
	Version string    `xml:"version,attr"`
	Meta    gexfMeta  `xml:"meta"`
	Graph   gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description"`
}

type gexfGraph struct {
	Mode        string       `xml:"mode,attr"`
	DefaultEdge string       `xml:"defaultedgetype,attr"`
	Attributes  gexfAttrDefs `xml:"attributes"`
	Nodes       []gexfNode   `xml:"nodes>node"`
	Edges       []gexfEdge   `xml:"edges>edge"`
}

type gexfAttrDefs struct {
	Class string        `xml:"class,attr"`
	Defs  []gexfAttrDef `xml:"attribute"`
}

type gexfAttrDef struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNode struct {
	ID     string         `xml:"id,attr"`
	Label  string         `xml:"label,attr"`
	Values []gexfAttValue `xml:"attvalues>attvalue"`
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfEdge struct {
	ID     string  `xml:"id,attr"`
	Source string  `xml:"source,attr"`
	Target string  `xml:"target,attr"`
	Weight float64 `xml:"weight,attr"`
	Label  string  `xml:"label,attr,omitempty"`
}

// writeGEXF writes the network as a GEXF 1.3 undirected graph.
func writeGEXF(w http.ResponseWriter, net *Network) error {
	doc := gexfDoc{NS: "http://gexf.net/1.3", Version: "1.3",
		Meta: gexfMeta{Creator: "vigie", Description: "actor network: edges weighted by shared events"},
		Graph: gexfGraph{Mode: "static", DefaultEdge: "undirected", Attributes: gexfAttrDefs{Class: "node", Defs: []gexfAttrDef{
			{ID: "0", Title: "events", Type: "integer"}, {ID: "1", Title: "country", Type: "string"},
			{ID: "2", Title: "sector", Type: "string"}, {ID: "3", Title: "entity", Type: "string"}}}}}
	for _, n := range net.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, gexfNode{ID: n.ID, Label: n.Label, Values: []gexfAttValue{
			{"0", strconv.Itoa(n.Events)}, {"1", n.Country}, {"2", n.Sector}, {"3", n.Entity}}})
	}
	for i, e := range net.Edges {
		var ts []string
		for _, t := range e.Types {
			ts = append(ts, fmt.Sprintf("%s:%d", t.Key, t.Count))
		}
		doc.Graph.Edges = append(doc.Graph.Edges, gexfEdge{ID: strconv.Itoa(i), Source: e.Source, Target: e.Target,
			Weight: float64(e.Weight), Label: strings.Join(ts, " ")})
	}
	attachment(w, "application/gexf+xml; charset=utf-8", "vigie-network.gexf")
	if _, err := w.Write([]byte(xml.Header)); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("writing GEXF: %w", err)
	}
	return enc.Close()
}

func (s *Server) exportGEXF(w http.ResponseWriter, r *http.Request) error {
	net, err := s.buildNetwork(r)
	if err != nil {
		return err
	}
	return writeGEXF(w, net)
}

// eachParticipant calls fn once per distinct actor key among an event's
// participants (hosts and actors without a key left out).
func eachParticipant(ev *store.EventRecord, fn func(key string, a article.Actor)) {
	seen := map[string]bool{}
	for _, a := range ev.Participants() {
		k := store.ActorKey(a)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		fn(k, a)
	}
}
