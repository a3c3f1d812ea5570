package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/vigie-news/vigie/store"
	"github.com/vigie-news/vigie/store/analysis"
)

// Search implements store.Store: the query is analysed like the texts (see
// store/analysis), matched in the FTS5 index by stem or transliteration
// key, ranked by BM25 (over the newest CandidateCap matches when more
// articles match), and snippets are cut from the stored original text for
// the returned page only.
func (db *DB) Search(ctx context.Context, sq store.SearchQuery) ([]store.Hit, error) {
	if err := db.check(); err != nil {
		return nil, err
	}
	q := analysis.ParseQuery(sq.Text)
	expr := q.FTS5Flat()
	if expr == "" {
		return nil, nil
	}
	limit := sq.Limit
	if limit <= 0 {
		limit = 20
	}
	offset := sq.Offset
	if offset < 0 {
		offset = 0
	}
	w := &where{}
	w.add("fts MATCH ?", expr)
	filtered := sq.Lang != "" || sq.Outlet != "" || sq.From.Known() || sq.To.Known()
	if sq.Lang != "" {
		w.add("a.lang = ?", sq.Lang)
	}
	if sq.Outlet != "" {
		w.add("a.outlet = ?", sq.Outlet)
	}
	w.dateRange("a.pub_first", "a.pub_last", sq.From, sq.To)
	from := `fts`
	if filtered {
		from = `fts JOIN articles a ON a.rid = fts.rowid`
	}
	broad, err := db.boundCandidates(ctx, from, w, max(CandidateCap, offset+limit))
	if err != nil {
		return nil, fmt.Errorf("searching %q: %w", sq.Text, err)
	}
	rows, err := db.r.QueryContext(ctx, `SELECT fts.rowid, `+rankColumn(broad)+` FROM `+from+w.String()+` ORDER BY `+order(broad)+` LIMIT ? OFFSET ?`,
		append(w.args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("searching %q: %w", sq.Text, err)
	}
	var rs []ranked
	for rows.Next() {
		var r ranked
		if err := rows.Scan(&r.rid, &r.rank); err != nil {
			rows.Close()
			return nil, fmt.Errorf("searching %q: %w", sq.Text, err)
		}
		rs = append(rs, r)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("searching %q: %w", sq.Text, err)
	}
	return db.hits(ctx, sq, q, rs)
}

// CandidateCap bounds the work of a search whose words are common: when
// more articles match, the search is broad and its results come newest
// first (by ingestion order) instead of by BM25, whose document counts
// over a whole large index cost more than the rest of the query. Queries
// with fewer matches are ranked by BM25 over every match.
const CandidateCap = 2000

// boundCandidates restricts w, a full-text query over from, to its newest
// limit matches: it finds the (limit+1)-th newest match by walking the
// index in descending row ID order, which costs no ranking, and adds a row
// ID bound when there is one. It reports whether there was one: the query
// is broad.
func (db *DB) boundCandidates(ctx context.Context, from string, w *where, limit int) (bool, error) {
	var edge int64
	err := db.r.QueryRowContext(ctx, `SELECT fts.rowid FROM `+from+w.String()+` ORDER BY fts.rowid DESC LIMIT 1 OFFSET ?`,
		append(w.args, limit)...).Scan(&edge)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("bounding candidates: %w", err)
	}
	w.add("fts.rowid > ?", edge)
	return true, nil
}

// rankColumn is the score selected: BM25 rank, or none (0) for a broad
// query, whose results are not ranked (selecting fts.rank would compute it).
func rankColumn(broad bool) string {
	if broad {
		return "0.0"
	}
	return "fts.rank"
}

// order is the ORDER BY of a search: BM25 rank, or newest first when the
// query is broad (see CandidateCap).
func order(broad bool) string {
	if broad {
		return "fts.rowid DESC"
	}
	return "fts.rank"
}

type ranked struct {
	rid  int64
	rank float64
}

// hits reads the ranked articles and cuts their snippets (only for the
// returned page).
func (db *DB) hits(ctx context.Context, sq store.SearchQuery, q analysis.Query, rs []ranked) ([]store.Hit, error) {
	h := store.HighlightBrackets
	if sq.Highlight != nil {
		h = *sq.Highlight
	}
	hits := make([]store.Hit, 0, len(rs))
	for _, r := range rs {
		hit, err := db.hit(ctx, sq, q, h, r)
		if err != nil {
			return nil, err
		}
		hits = append(hits, hit)
	}
	return hits, nil
}

// hit reads one ranked article and cuts its snippet.
func (db *DB) hit(ctx context.Context, sq store.SearchQuery, q analysis.Query, h analysis.Highlight, r ranked) (store.Hit, error) {
	var hit store.Hit
	var published, text string
	err := db.r.QueryRowContext(ctx, `SELECT id, title, outlet, url, path, published, lang, text FROM articles WHERE rid = ?`, r.rid).
		Scan(&hit.ID, &hit.Title, &hit.Outlet, &hit.URL, &hit.Path, &published, &hit.Lang, &text)
	if err != nil {
		return hit, fmt.Errorf("reading hit %d of %q: %w", r.rid, sq.Text, err)
	}
	hit.Published = parseDate(published)
	hit.Score = -r.rank
	hit.Snippet = analysis.Snippet(text, analysis.Analyze(text, hit.Lang), q, sq.SnippetWords, h)
	if hit.Title == "" {
		hit.Title = firstLine(text)
	}
	return hit, nil
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		n := 200
		for n > 0 && s[n]&0xC0 == 0x80 {
			n--
		}
		s = s[:n] + "…"
	}
	return strings.TrimSpace(s)
}
