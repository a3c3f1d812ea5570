package sqlite

import (
	"context"
	"fmt"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/store"
)

var (
	_ store.EventAggregator = (*DB)(nil)
	_ store.EventStreamer   = (*DB)(nil)
)

// Participants of an event in SQL: the rows of json_each over its actors
// other than hosts, with their store.ActorKey (NULL when it would be "").
const (
	participants = `json_each(e.data, '$.actors') j`
	notHost      = `coalesce(j.value->>'role', '') != 'host'`
	actorName    = `trim(coalesce(j.value->>'name', ''), ' ' || char(9, 10, 11, 12, 13))`
	actorKey     = `CASE WHEN coalesce(j.value->>'entity', '') != '' THEN j.value->>'entity'
		WHEN ` + actorName + ` != '' THEN 'name:' || ` + actorName + ` END`
)

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
		w.add(notHost)
		q = `SELECT d, p, k, max(name), count(DISTINCT ev) FROM (SELECT coalesce(e.date_first, '') AS d, coalesce(e.date_last, '') AS p,
			e.rowid AS ev, ` + actorKey + ` AS k, ` + actorName + ` AS name` + eventFrom(join) + `, ` + participants + w.String() + `)
			WHERE k IS NOT NULL GROUP BY 1, 2, 3`
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

// ActorNetwork implements store.EventAggregator.
func (db *DB) ActorNetwork(ctx context.Context, f store.EventFilter) (*store.ActorGraph, error) {
	if err := db.check(); err != nil {
		return nil, err
	}
	w, join, err := db.eventWhere(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("counting the actor network: %w", err)
	}
	g := &store.ActorGraph{}
	if err := db.r.QueryRowContext(ctx, `SELECT count(*)`+eventFrom(join)+w.String(), w.args...).Scan(&g.Events); err != nil {
		return nil, fmt.Errorf("counting the actor network's events: %w", err)
	}
	w.add(notHost)
	// One row per event and participant key.
	parts := `SELECT e.rowid AS ev, e.type AS type, ` + actorKey + ` AS k, ` + actorName + ` AS name,
		coalesce(j.value->>'entity', '') AS entity, coalesce(j.value->>'country', '') AS country, coalesce(j.value->>'sector', '') AS sector` +
		eventFrom(join) + `, ` + participants + w.String()
	rows, err := db.r.QueryContext(ctx, `SELECT k, max(name), max(entity), max(country), max(sector), count(DISTINCT ev)
		FROM (`+parts+`) WHERE k IS NOT NULL GROUP BY k`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("counting the actor network's actors: %w", err)
	}
	for rows.Next() {
		var c store.ActorCount
		if err := rows.Scan(&c.Key, &c.Actor.Name, &c.Actor.Entity, &c.Actor.Country, &c.Actor.Sector, &c.Events); err != nil {
			rows.Close()
			return nil, fmt.Errorf("counting the actor network's actors: %w", err)
		}
		g.Actors = append(g.Actors, c)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("counting the actor network's actors: %w", err)
	}
	rows, err = db.r.QueryContext(ctx, `WITH p AS MATERIALIZED (SELECT DISTINCT ev, type, k FROM (`+parts+`) WHERE k IS NOT NULL)
		SELECT x.k, y.k, x.type, count(*) FROM p x JOIN p y ON y.ev = x.ev AND x.k < y.k GROUP BY 1, 2, 3`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("counting the actor network's pairs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p store.PairCount
		if err := rows.Scan(&p.A, &p.B, &p.Type, &p.Events); err != nil {
			return nil, fmt.Errorf("counting the actor network's pairs: %w", err)
		}
		g.Pairs = append(g.Pairs, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counting the actor network's pairs: %w", err)
	}
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
