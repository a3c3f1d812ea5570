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
	evs, err := s.loadEvents(r.Context(), f)
	if err != nil {
		return err
	}
	tl := Timeline{Interval: interval, By: by, Buckets: []string{}, Series: []Series{}}
	type point struct {
		t    time.Time
		keys []string
	}
	labels := map[string]string{}
	totals := map[string]int{}
	var pts []point
	var lo, hi time.Time
	for i := range evs {
		t, ok := bucketOf(evs[i].Date, interval)
		if !ok {
			tl.Undated++
			continue
		}
		var keys []string
		if by == "type" {
			keys = []string{evs[i].Type}
			labels[evs[i].Type] = evs[i].Type
		} else {
			seen := map[string]bool{}
			for _, a := range evs[i].Participants() {
				k := actorKey(a)
				if k == "" || seen[k] {
					continue
				}
				seen[k] = true
				keys = append(keys, k)
				labels[k] = a.Name
			}
		}
		for _, k := range keys {
			totals[k]++
		}
		pts = append(pts, point{t, keys})
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	if len(pts) == 0 {
		return writeJSON(w, tl)
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
			return badRequest("the range covers more than %d %s buckets: narrow it with from/to or a coarser interval", maxBuckets, interval)
		}
		index[bucketKey(t, interval)] = len(tl.Buckets)
		tl.Buckets = append(tl.Buckets, bucketKey(t, interval))
	}
	series := map[string]*Series{}
	for _, k := range keys {
		sr := &Series{Key: k, Label: labels[k], Total: totals[k], Counts: make([]int, len(tl.Buckets))}
		series[k] = sr
	}
	for _, pt := range pts {
		i := index[bucketKey(pt.t, interval)]
		for _, k := range pt.keys {
			if sr := series[k]; sr != nil {
				sr.Counts[i]++
			}
		}
	}
	for _, k := range keys {
		tl.Series = append(tl.Series, *series[k])
	}
	return writeJSON(w, tl)
}

// actorKey identifies an actor in aggregations: its entity ID, else its name.
func actorKey(a article.Actor) string {
	if a.Entity != "" {
		return a.Entity
	}
	if n := strings.TrimSpace(a.Name); n != "" {
		return "name:" + n
	}
	return ""
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
	evs, err := s.loadEvents(r.Context(), f)
	if err != nil {
		return nil, err
	}
	return networkOf(evs, minW, maxEdges), nil
}

// networkOf links every pair of distinct participants of each event.
func networkOf(evs []store.EventRecord, minW, maxEdges int) *Network {
	nodes := map[string]*Node{}
	type pair struct{ a, b string }
	edges := map[pair]*Edge{}
	types := map[pair]map[string]int{}
	for i := range evs {
		var ks []string
		seen := map[string]bool{}
		for _, a := range evs[i].Participants() {
			k := actorKey(a)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			ks = append(ks, k)
			n := nodes[k]
			if n == nil {
				n = &Node{ID: k, Label: a.Name, Country: a.Country, Sector: a.Sector, Entity: a.Entity}
				nodes[k] = n
			}
			n.Events++
		}
		sort.Strings(ks)
		for x := 0; x < len(ks); x++ {
			for y := x + 1; y < len(ks); y++ {
				pk := pair{ks[x], ks[y]}
				e := edges[pk]
				if e == nil {
					e = &Edge{Source: pk.a, Target: pk.b}
					edges[pk] = e
					types[pk] = map[string]int{}
				}
				e.Weight++
				types[pk][evs[i].Type]++
			}
		}
	}
	var es []*Edge
	for pk, e := range edges {
		if e.Weight < minW {
			continue
		}
		for t, n := range types[pk] {
			e.Types = append(e.Types, store.Count{Key: t, Count: n})
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
	net := &Network{Nodes: []Node{}, Edges: []Edge{}, Events: len(evs)}
	used := map[string]bool{}
	for _, e := range es {
		net.Edges = append(net.Edges, *e)
		used[e.Source], used[e.Target] = true, true
	}
	for k, n := range nodes {
		if used[k] {
			net.Nodes = append(net.Nodes, *n)
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
	evs, err := s.loadEvents(r.Context(), f)
	if err != nil {
		return err
	}
	attachment(w, "text/csv; charset=utf-8", "vigie-events.csv")
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	for i := range evs {
		e := &evs[i]
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
	}
	cw.Flush()
	return cw.Error()
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
	evs, err := s.loadEvents(r.Context(), f)
	if err != nil {
		return err
	}
	attachment(w, "application/x-ndjson; charset=utf-8", "vigie-events.jsonl")
	enc := json.NewEncoder(w)
	for i := range evs {
		if err := enc.Encode(&evs[i]); err != nil {
			return fmt.Errorf("writing JSONL: %w", err)
		}
	}
	return nil
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
