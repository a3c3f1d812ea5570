package sqlite

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/vigie-news/vigie/store"
	"github.com/vigie-news/vigie/store/analysis"
)

var _ store.FacetSearcher = (*DB)(nil)

// FacetSearch implements store.FacetSearcher: it ranks the articles
// matching q (text, language, outlet, dates, entity, event type; the newest
// CandidateCap of them when more match), keeps the
// best Window of them, counts facets over those and returns the requested
// page of hits with snippets.
func (db *DB) FacetSearch(ctx context.Context, fq store.FacetQuery) (*store.FacetResult, error) {
	if err := db.check(); err != nil {
		return nil, err
	}
	sq := fq.SearchQuery
	res := &store.FacetResult{Hits: []store.Hit{}}
	q := analysis.ParseQuery(sq.Text)
	expr := q.FTS5Flat()
	if expr == "" {
		return res, nil
	}
	limit := orDefault(sq.Limit, 20)
	offset := max(sq.Offset, 0)
	window := orDefault(fq.Window, 500)
	window = max(window, offset+limit)

	w := &where{}
	w.add("fts MATCH ?", expr)
	joined := sq.Lang != "" || sq.Outlet != "" || sq.From.Known() || sq.To.Known() || fq.Entity != "" || fq.EventType != ""
	if sq.Lang != "" {
		w.add("a.lang = ?", sq.Lang)
	}
	if sq.Outlet != "" {
		w.add("a.outlet = ?", sq.Outlet)
	}
	w.dateRange("a.pub_first", "a.pub_last", sq.From, sq.To)
	if fq.Entity != "" {
		w.add("EXISTS (SELECT 1 FROM mentions m WHERE m.article_rid = a.rid AND m.entity = ?)", fq.Entity)
	}
	if fq.EventType != "" {
		w.add("EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND upper(e.type) = upper(?) AND e.factuality IN ('', 'asserted'))", fq.EventType)
	}
	// The bound walks the index; it reads articles only when they filter.
	boundFrom := `fts`
	if joined {
		boundFrom = `fts JOIN articles a ON a.rid = fts.rowid`
	}
	broad, err := db.boundCandidates(ctx, boundFrom, w, max(CandidateCap, window+1))
	if err != nil {
		return nil, fmt.Errorf("facet search %q: %w", sq.Text, err)
	}
	rows, err := db.r.QueryContext(ctx, `SELECT a.rid, a.id, a.outlet, a.lang, substr(coalesce(a.pub_first, ''), 1, 7), `+rankColumn(broad)+`
		FROM fts JOIN articles a ON a.rid = fts.rowid`+w.String()+` ORDER BY `+order(broad)+` LIMIT ?`, append(w.args, window+1)...)
	if err != nil {
		return nil, fmt.Errorf("facet search %q: %w", sq.Text, err)
	}
	type match struct {
		rid                     int64
		id, outlet, lang, month string
		rank                    float64
	}
	var ms []match
	for rows.Next() {
		var m match
		if err := rows.Scan(&m.rid, &m.id, &m.outlet, &m.lang, &m.month, &m.rank); err != nil {
			rows.Close()
			return nil, fmt.Errorf("facet search %q: %w", sq.Text, err)
		}
		ms = append(ms, m)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("facet search %q: %w", sq.Text, err)
	}
	if len(ms) > window {
		ms = ms[:window]
		res.Capped = true
	}
	res.Total = len(ms)
	if len(ms) == 0 {
		return res, nil
	}

	outlets, langs, months := map[string]int{}, map[string]int{}, map[string]int{}
	ids := make([]any, len(ms))
	rids := make([]any, len(ms))
	for i, m := range ms {
		outlets[orUnknown(m.outlet)]++
		langs[orUnknown(m.lang)]++
		months[orUnknown(m.month)]++
		ids[i] = m.id
		rids[i] = m.rid
	}
	res.Facets.Outlet = sortedCounts(outlets)
	res.Facets.Lang = sortedCounts(langs)
	res.Facets.Month = sortedCounts(months)
	marks := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	ents, names, err := db.groupCount(ctx, `SELECT entity, max(name), count(DISTINCT article_rid) FROM mentions
		WHERE entity != '' AND article_rid IN (`+marks+`) GROUP BY entity ORDER BY 3 DESC, 1 LIMIT 50`, rids)
	if err != nil {
		return nil, fmt.Errorf("facet search %q: counting entities: %w", sq.Text, err)
	}
	res.Facets.Entity, res.Facets.EntityNames = ents, names
	types, _, err := db.groupCount(ctx, `SELECT type, '', count(DISTINCT article_id) FROM events
		WHERE factuality IN ('', 'asserted') AND article_id IN (`+marks+`) GROUP BY type ORDER BY 3 DESC, 1 LIMIT 50`, ids)
	if err != nil {
		return nil, fmt.Errorf("facet search %q: counting event types: %w", sq.Text, err)
	}
	res.Facets.Type = types

	h := store.HighlightBrackets
	if sq.Highlight != nil {
		h = *sq.Highlight
	}
	if offset >= len(ms) {
		return res, nil
	}
	for _, m := range ms[offset:min(offset+limit, len(ms))] {
		hit, err := db.hit(ctx, sq, q, h, ranked{rid: m.rid, rank: m.rank})
		if err != nil {
			return nil, err
		}
		res.Hits = append(res.Hits, hit)
	}
	return res, nil
}

// groupCount runs a query returning (key, name, count) rows.
func (db *DB) groupCount(ctx context.Context, q string, args []any) ([]store.Count, map[string]string, error) {
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	out := []store.Count{}
	names := map[string]string{}
	for rows.Next() {
		var c store.Count
		var name string
		if err := rows.Scan(&c.Key, &name, &c.Count); err != nil {
			return nil, nil, err
		}
		out = append(out, c)
		if name != "" {
			names[c.Key] = name
		}
	}
	return out, names, rows.Err()
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// sortedCounts turns a histogram into counts, most frequent first.
func sortedCounts(m map[string]int) []store.Count {
	out := make([]store.Count, 0, len(m))
	for k, n := range m {
		out = append(out, store.Count{Key: k, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	return out
}
