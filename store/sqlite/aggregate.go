package sqlite

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/store"
)

var (
	_ store.EventAggregator = (*DB)(nil)
	_ store.EventStreamer   = (*DB)(nil)
)

// Participants of an event in SQL: the rows of json_each over its actors
// other than hosts, with their store.ActorKey (NULL when it would be "").
// Migration 6 fills events.parts with partsFromData; the writer fills it
// with participantsJSON, which gives the same participants.
const (
	participants = `json_each(e.data, '$.actors') j`
	notHost      = `coalesce(j.value->>'role', '') != 'host'`
	actorName    = `trim(coalesce(j.value->>'name', ''), ' ' || char(9, 10, 11, 12, 13))`
	actorKey     = `CASE WHEN coalesce(j.value->>'entity', '') != '' THEN j.value->>'entity'
		WHEN ` + actorName + ` != '' THEN 'name:' || ` + actorName + ` END`
	partsFromData = `coalesce((SELECT nullif(json_group_array(json_array(k, name, entity, country, sector)), '[]') FROM (
		SELECT DISTINCT ` + actorKey + ` AS k, ` + actorName + ` AS name, coalesce(j.value->>'entity', '') AS entity,
			coalesce(j.value->>'country', '') AS country, coalesce(j.value->>'sector', '') AS sector
		FROM json_each(events.data, '$.actors') j WHERE ` + notHost + ` ORDER BY 1, 2, 3, 4, 5) WHERE k IS NOT NULL), '')`
)

// part is a participant of an event as events.parts lists it: its
// store.ActorKey, trimmed name, entity, country and sector.
type part [5]string

// spaceChars are the characters actorName trims.
const spaceChars = " \t\n\v\f\r"

// participantsJSON renders the distinct participants of an event (actors
// other than hosts, with a non-empty store.ActorKey) as a JSON array of
// parts, sorted, "" when there are none. Strings are taken as the event's
// JSON data stores them (invalid UTF-8 bytes become U+FFFD), so that the
// parts equal what partsFromData extracts from it.
func participantsJSON(actors []article.Actor) string {
	var ps []part
	for _, a := range actors {
		if jsonText(a.Role) == article.RoleHost {
			continue
		}
		name := strings.Trim(jsonText(a.Name), spaceChars)
		p := part{"", name, jsonText(a.Entity), jsonText(a.Country), jsonText(a.Sector)}
		switch {
		case p[2] != "":
			p[0] = p[2]
		case name != "":
			p[0] = "name:" + name
		default:
			continue
		}
		ps = append(ps, p)
	}
	if len(ps) == 0 {
		return ""
	}
	sort.Slice(ps, func(i, j int) bool { return slices.Compare(ps[i][:], ps[j][:]) < 0 })
	ps = slices.Compact(ps)
	b, err := json.Marshal(ps)
	if err != nil { // strings always marshal
		return ""
	}
	return string(b)
}

// jsonText is s as it reads back from JSON that encoding/json wrote: each
// byte of an invalid UTF-8 sequence replaced by U+FFFD.
func jsonText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// partsCache decodes events.parts values, each distinct value once.
type partsCache map[string][]part

// get returns the parts of value v.
func (c partsCache) get(v string) ([]part, error) {
	if v == "" {
		return nil, nil
	}
	if ps, ok := c[v]; ok {
		return ps, nil
	}
	var ps []part
	if err := json.Unmarshal([]byte(v), &ps); err != nil {
		return nil, fmt.Errorf("decoding event participants: %w", err)
	}
	c[v] = ps
	return ps, nil
}

// keysOf returns the distinct keys of ps, sorted, in buf.
func keysOf(ps []part, buf []string) []string {
	buf = buf[:0]
	for _, p := range ps {
		if !slices.Contains(buf, p[0]) {
			buf = append(buf, p[0])
		}
	}
	slices.Sort(buf)
	return buf
}

// eventFrom returns the FROM clause of events filtered by w.
func eventFrom(join bool) string {
	if join {
		return ` FROM events e JOIN articles a ON a.id = e.article_id`
	}
	return ` FROM events e`
}

// eventDate rebuilds an event's date from the first and last days it
// covers (see store.DateBounds).
func eventDate(first, last string) article.Date {
	d := parseDate(first)
	if !d.Known() || first == last {
		return d
	}
	for _, p := range []article.Precision{article.PrecMonth, article.PrecYear, article.PrecDecade} {
		c := article.Date{Year: d.Year, Month: d.Month, Precision: p}
		if p != article.PrecMonth {
			c.Month = 0
		}
		if f, l, ok := store.DateBounds(c); ok && f == first && l == last {
			return c
		}
	}
	return article.Date{Year: d.Year, Precision: article.PrecYear}
}

// EventCounts implements store.EventAggregator.
func (db *DB) EventCounts(ctx context.Context, f store.EventFilter, group string) ([]store.EventCount, error) {
	if err := db.check(); err != nil {
		return nil, err
	}
	w, join, err := db.eventWhere(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("counting events: %w", err)
	}
	const dateCols = `coalesce(e.date_first, ''), coalesce(e.date_last, '')`
	var q string
	switch group {
	case "":
		q = `SELECT ` + dateCols + `, '', '', count(*)` + eventFrom(join) + w.String() + ` GROUP BY 1, 2`
	case "type":
		q = `SELECT ` + dateCols + `, e.type, e.type, count(*)` + eventFrom(join) + w.String() + ` GROUP BY 1, 2, 3`
	case "actor":
		return db.actorCounts(ctx, w, join)
	default:
		return nil, fmt.Errorf("counting events by %q: %w", group, store.ErrInvalid)
	}
	rows, err := db.r.QueryContext(ctx, q, w.args...)
	if err != nil {
		return nil, fmt.Errorf("counting events by %q: %w", group, err)
	}
	defer rows.Close()
	var out []store.EventCount
	for rows.Next() {
		var c store.EventCount
		var first, last string
		if err := rows.Scan(&first, &last, &c.Key, &c.Label, &c.Count); err != nil {
			return nil, fmt.Errorf("counting events by %q: %w", group, err)
		}
		c.Date = eventDate(first, last)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counting events by %q: %w", group, err)
	}
	return out, nil
}

// actorCounts is EventCounts by actor: events are grouped by dates and
// participants in SQL (over the events_parts index), then each group
// counts for each of its participants' keys, labelled with the greatest
// name the key has among them.
func (db *DB) actorCounts(ctx context.Context, w *where, join bool) ([]store.EventCount, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT coalesce(e.date_first, ''), coalesce(e.date_last, ''), e.parts, count(*)`+
		eventFrom(join)+w.String()+` GROUP BY 1, 2, 3`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("counting events by actor: %w", err)
	}
	defer rows.Close()
	type dk struct{ first, last, key string }
	counts := map[dk]*store.EventCount{}
	var order []dk
	cache := partsCache{}
	var keys []string
	for rows.Next() {
		var first, last, parts string
		var n int
		if err := rows.Scan(&first, &last, &parts, &n); err != nil {
			return nil, fmt.Errorf("counting events by actor: %w", err)
		}
		ps, err := cache.get(parts)
		if err != nil {
			return nil, fmt.Errorf("counting events by actor: %w", err)
		}
		keys = keysOf(ps, keys)
		for _, k := range keys {
			x := dk{first, last, k}
			c := counts[x]
			if c == nil {
				c = &store.EventCount{Date: eventDate(first, last), Key: k}
				counts[x] = c
				order = append(order, x)
			}
			c.Count += n
		}
		for _, p := range ps {
			if c := counts[dk{first, last, p[0]}]; p[1] > c.Label {
				c.Label = p[1]
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counting events by actor: %w", err)
	}
	slices.SortFunc(order, func(a, b dk) int {
		return cmp.Or(strings.Compare(a.first, b.first), strings.Compare(a.last, b.last), strings.Compare(a.key, b.key))
	})
	var out []store.EventCount
	for _, x := range order {
		out = append(out, *counts[x])
	}
	return out, nil
}

// ActorNetwork implements store.EventAggregator: events are grouped by
// type and participants in SQL (over the events_parts index), then each
// group counts for each of its participants and pairs of them. An actor's
// name, entity, country and sector are the greatest each has among its
// events.
func (db *DB) ActorNetwork(ctx context.Context, f store.EventFilter) (*store.ActorGraph, error) {
	if err := db.check(); err != nil {
		return nil, err
	}
	w, join, err := db.eventWhere(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("counting the actor network: %w", err)
	}
	rows, err := db.r.QueryContext(ctx, `SELECT e.type, e.parts, count(*)`+eventFrom(join)+w.String()+` GROUP BY 1, 2`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("counting the actor network: %w", err)
	}
	defer rows.Close()
	g := &store.ActorGraph{}
	actors := map[string]*store.ActorCount{}
	type pt struct{ a, b, t string }
	pairs := map[pt]int{}
	cache := partsCache{}
	var keys []string
	for rows.Next() {
		var typ, parts string
		var n int
		if err := rows.Scan(&typ, &parts, &n); err != nil {
			return nil, fmt.Errorf("counting the actor network: %w", err)
		}
		g.Events += n
		ps, err := cache.get(parts)
		if err != nil {
			return nil, fmt.Errorf("counting the actor network: %w", err)
		}
		for _, p := range ps {
			c := actors[p[0]]
			if c == nil {
				c = &store.ActorCount{Key: p[0]}
				actors[p[0]] = c
			}
			c.Actor.Name = max(c.Actor.Name, p[1])
			c.Actor.Entity = max(c.Actor.Entity, p[2])
			c.Actor.Country = max(c.Actor.Country, p[3])
			c.Actor.Sector = max(c.Actor.Sector, p[4])
		}
		keys = keysOf(ps, keys)
		for i, a := range keys {
			actors[a].Events += n
			for _, b := range keys[i+1:] {
				pairs[pt{a, b, typ}] += n
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counting the actor network: %w", err)
	}
	for _, c := range actors {
		g.Actors = append(g.Actors, *c)
	}
	slices.SortFunc(g.Actors, func(a, b store.ActorCount) int { return strings.Compare(a.Key, b.Key) })
	for p, n := range pairs {
		g.Pairs = append(g.Pairs, store.PairCount{A: p.a, B: p.b, Type: p.t, Events: n})
	}
	slices.SortFunc(g.Pairs, func(a, b store.PairCount) int {
		return cmp.Or(strings.Compare(a.A, b.A), strings.Compare(a.B, b.B), strings.Compare(a.Type, b.Type))
	})
	return g, nil
}

// EachEvent implements store.EventStreamer: one query whose rows are
// decoded and handed to fn one at a time.
func (db *DB) EachEvent(ctx context.Context, f store.EventFilter, fn func(*store.EventRecord) error) error {
	if err := db.check(); err != nil {
		return err
	}
	w, _, err := db.eventWhere(ctx, f)
	if err != nil {
		return fmt.Errorf("reading events: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := db.r.QueryContext(ctx, `SELECT `+eventCols+` FROM events e JOIN articles a ON a.id = e.article_id`+w.String()+`
		ORDER BY e.date_first DESC, a.pub_first DESC, e.article_id, e.seq LIMIT ?`, append(w.args, limit)...)
	if err != nil {
		return fmt.Errorf("reading events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanEvent(rows)
		if err != nil {
			return fmt.Errorf("reading events: %w", err)
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading events: %w", err)
	}
	return nil
}
