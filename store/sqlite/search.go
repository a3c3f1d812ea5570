package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/vigie-news/vigie/store"
	"github.com/vigie-news/vigie/store/analysis"
)

// Search implements store.Store: the query is analysed like the texts (see
// store/analysis), matched in the FTS5 index by stem or transliteration
// key, ranked by BM25, and snippets are cut from the stored original text.
func (db *DB) Search(ctx context.Context, sq store.SearchQuery) ([]store.Hit, error) {
	if err := db.check(); err != nil {
		return nil, err
	}
	q := analysis.ParseQuery(sq.Text)
	expr := q.FTS5()
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
	var sqlText string
	if filtered {
		if sq.Lang != "" {
			w.add("a.lang = ?", sq.Lang)
		}
		if sq.Outlet != "" {
			w.add("a.outlet = ?", sq.Outlet)
		}
		w.dateRange("a.pub_first", "a.pub_last", sq.From, sq.To)
		sqlText = `SELECT fts.rowid, fts.rank FROM fts JOIN articles a ON a.rid = fts.rowid` + w.String() + ` ORDER BY fts.rank LIMIT ? OFFSET ?`
	} else {
		sqlText = `SELECT rowid, rank FROM fts` + w.String() + ` ORDER BY rank LIMIT ? OFFSET ?`
	}
	rows, err := db.r.QueryContext(ctx, sqlText, append(w.args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("searching %q: %w", sq.Text, err)
	}
	type ranked struct {
		rid  int64
		rank float64
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
	h := store.HighlightBrackets
	if sq.Highlight != nil {
		h = *sq.Highlight
	}
	hits := make([]store.Hit, 0, len(rs))
	for _, r := range rs {
		var hit store.Hit
		var published, text string
		err := db.r.QueryRowContext(ctx, `SELECT id, title, outlet, url, path, published, lang, text FROM articles WHERE rid = ?`, r.rid).
			Scan(&hit.ID, &hit.Title, &hit.Outlet, &hit.URL, &hit.Path, &published, &hit.Lang, &text)
		if err != nil {
			return nil, fmt.Errorf("reading hit %d of %q: %w", r.rid, sq.Text, err)
		}
		hit.Published = parseDate(published)
		hit.Score = -r.rank
		hit.Snippet = analysis.Snippet(text, analysis.Analyze(text, hit.Lang), q, sq.SnippetWords, h)
		if hit.Title == "" {
			hit.Title = firstLine(text)
		}
		hits = append(hits, hit)
	}
	return hits, nil
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
