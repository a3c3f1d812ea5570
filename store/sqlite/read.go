package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/store"
)

const lightCols = `rid, id, path, url, outlet, title, published, pub_prec, lang, format, dateline, ingested_at, dup_of, text`
const fullCols = lightCols + `, raw, raw_map, annotations, packed`

// scanArticle reads a row of lightCols (or fullCols when full).
func scanArticle(sc interface{ Scan(...any) error }, full bool) (int64, *article.Article, error) {
	var (
		a                    article.Article
		rid                  int64
		published, prec, ing string
		dl, rawMap           sql.NullString
		raw, ann             []byte
		packed               int
	)
	dst := []any{&rid, &a.ID, &a.Path, &a.URL, &a.Outlet, &a.Title, &published, &prec, &a.Lang, &a.Format, &dl, &ing, &a.DupOf, &a.Text}
	if full {
		dst = append(dst, &raw, &rawMap, &ann, &packed)
	}
	if err := sc.Scan(dst...); err != nil {
		return 0, nil, err
	}
	a.Published = parseDate(published)
	if t, err := time.Parse(time.RFC3339Nano, ing); err == nil {
		a.IngestedAt = t
	}
	if dl.Valid {
		a.Dateline = new(article.Dateline)
		if err := json.Unmarshal([]byte(dl.String), a.Dateline); err != nil {
			return 0, nil, fmt.Errorf("decoding dateline: %w", err)
		}
	}
	if full {
		if packed&packedRaw != 0 {
			var err error
			if raw, err = unpack(raw); err != nil {
				return 0, nil, fmt.Errorf("reading raw bytes: %w", err)
			}
		}
		a.Raw = raw
		if rawMap.Valid {
			if err := json.Unmarshal([]byte(rawMap.String), &a.RawMap); err != nil {
				return 0, nil, fmt.Errorf("decoding raw map: %w", err)
			}
		}
		if ann != nil {
			if packed&packedAnnotations != 0 {
				var err error
				if ann, err = unpack(ann); err != nil {
					return 0, nil, fmt.Errorf("reading annotations: %w", err)
				}
			}
			var an annotations
			if err := json.Unmarshal(ann, &an); err != nil {
				return 0, nil, fmt.Errorf("decoding annotations: %w", err)
			}
			a.Sentences, a.Mentions, a.Times = an.Sentences, an.Mentions, an.Times
		}
	}
	return rid, &a, nil
}

func parseDate(s string) article.Date {
	d, _ := article.ParseDate(s)
	return d
}

// Article implements store.Store.
func (db *DB) Article(ctx context.Context, id string) (*article.Article, error) {
	if err := db.check(); err != nil {
		return nil, err
	}
	_, a, err := scanArticle(db.r.QueryRowContext(ctx, `SELECT `+fullCols+` FROM articles WHERE id = ?`, id), true)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading article %s: %w", id, err)
	}
	if a.Events, err = db.articleEvents(ctx, a.ID); err != nil {
		return nil, err
	}
	return a, nil
}

// ArticleByPath implements store.Store. The returned article's Path is path.
func (db *DB) ArticleByPath(ctx context.Context, path string) (*article.Article, error) {
	if err := db.check(); err != nil {
		return nil, err
	}
	var id string
	err := db.r.QueryRowContext(ctx, `SELECT article_id FROM article_paths WHERE path = ? ORDER BY seq DESC LIMIT 1`, path).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article at %s: %w", path, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("looking up path %s: %w", path, err)
	}
	a, err := db.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	a.Path = path
	return a, nil
}

// ArticlePaths implements store.Store.
func (db *DB) ArticlePaths(ctx context.Context, id string) ([]string, error) {
	if err := db.check(); err != nil {
		return nil, err
	}
	rows, err := db.r.QueryContext(ctx, `SELECT path FROM article_paths WHERE article_id = ? ORDER BY seq, path`, id)
	if err != nil {
		return nil, fmt.Errorf("listing paths of %s: %w", id, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, fmt.Errorf("listing paths of %s: %w", id, err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing paths of %s: %w", id, err)
	}
	if len(out) == 0 {
		var n int
		if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id = ?`, id).Scan(&n); err != nil {
			return nil, fmt.Errorf("looking up %s: %w", id, err)
		}
		if n == 0 {
			return nil, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
		}
	}
	return out, nil
}

func (db *DB) articleEvents(ctx context.Context, id string) ([]article.Event, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT data, story FROM events WHERE article_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, fmt.Errorf("reading events of %s: %w", id, err)
	}
	defer rows.Close()
	var out []article.Event
	for rows.Next() {
		var data, story string
		if err := rows.Scan(&data, &story); err != nil {
			return nil, fmt.Errorf("reading events of %s: %w", id, err)
		}
		var e article.Event
		if err := json.Unmarshal([]byte(data), &e); err != nil {
			return nil, fmt.Errorf("decoding an event of %s: %w", id, err)
		}
		e.Story = story
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading events of %s: %w", id, err)
	}
	return out, nil
}

// where accumulates SQL conditions and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// dateRange adds overlap conditions between [from, to] and the columns first/last.
func (w *where) dateRange(first, last string, from, to article.Date) {
	if f, _, ok := store.DateBounds(from); ok {
		w.add(last+" >= ?", f)
	}
	if _, l, ok := store.DateBounds(to); ok {
		w.add(first+" <= ?", l)
	}
}

const pageSize = 256

// Articles implements store.Store. It reads in pages and holds no database
// transaction while fn runs, so fn may call the store.
func (db *DB) Articles(ctx context.Context, f store.ArticleFilter, fn func(*article.Article) error) error {
	if err := db.check(); err != nil {
		return err
	}
	cols := fullCols
	if f.Light {
		cols = lightCols
	}
	var last int64
	n := 0
	for {
		w := &where{}
		w.add("rid > ?", last)
		if f.Lang != "" {
			w.add("lang = ?", f.Lang)
		}
		if f.Outlet != "" {
			w.add("outlet = ?", f.Outlet)
		}
		w.dateRange("pub_first", "pub_last", f.From, f.To)
		limit := pageSize
		if f.Limit > 0 && f.Limit-n < limit {
			limit = f.Limit - n
		}
		if limit <= 0 {
			return nil
		}
		rows, err := db.r.QueryContext(ctx, `SELECT `+cols+` FROM articles`+w.String()+` ORDER BY rid LIMIT ?`, append(w.args, limit)...)
		if err != nil {
			return fmt.Errorf("listing articles: %w", err)
		}
		var page []*article.Article
		for rows.Next() {
			rid, a, err := scanArticle(rows, !f.Light)
			if err != nil {
				rows.Close()
				return fmt.Errorf("listing articles: %w", err)
			}
			last = rid
			page = append(page, a)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("listing articles: %w", err)
		}
		for _, a := range page {
			if !f.Light {
				if a.Events, err = db.articleEvents(ctx, a.ID); err != nil {
					return err
				}
			}
			if err := fn(a); err != nil {
				return err
			}
			n++
		}
		if len(page) < limit {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

// Stats implements store.Store.
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	var s store.Stats
	if err := db.check(); err != nil {
		return s, err
	}
	for _, q := range []struct {
		dst *int
		sql string
	}{
		{&s.Articles, `SELECT count(*) FROM articles`},
		{&s.Events, `SELECT count(*) FROM events`},
		{&s.Mentions, `SELECT coalesce(sum(n), 0) FROM mentions`},
		{&s.Stories, `SELECT count(*) FROM stories`},
	} {
		if err := db.r.QueryRowContext(ctx, q.sql).Scan(q.dst); err != nil {
			return s, fmt.Errorf("counting: %w", err)
		}
	}
	var err error
	if s.ByLang, err = db.counts(ctx, `SELECT CASE WHEN lang = '' THEN 'unknown' ELSE lang END k, count(*) FROM articles GROUP BY k ORDER BY k`); err != nil {
		return s, err
	}
	if s.ByOutlet, err = db.counts(ctx, `SELECT CASE WHEN outlet = '' THEN 'unknown' ELSE outlet END k, count(*) FROM articles GROUP BY k ORDER BY k`); err != nil {
		return s, err
	}
	if s.ByMonth, err = db.counts(ctx, `SELECT CASE WHEN pub_prec IN ('day', 'month') THEN substr(published, 1, 7) ELSE 'unknown' END k, count(*)
		FROM articles GROUP BY k ORDER BY k`); err != nil {
		return s, err
	}
	return s, nil
}

func (db *DB) counts(ctx context.Context, q string, args ...any) ([]store.Count, error) {
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("counting: %w", err)
	}
	defer rows.Close()
	var out []store.Count
	for rows.Next() {
		var c store.Count
		if err := rows.Scan(&c.Key, &c.Count); err != nil {
			return nil, fmt.Errorf("counting: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counting: %w", err)
	}
	return out, nil
}
