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

func likeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}

func orDefault(n, def int) int {
	if n <= 0 {
		return def
	}
	return n
}

// Entities implements store.Store.
func (db *DB) Entities(ctx context.Context, f store.EntityFilter) ([]store.EntitySummary, error) {
	if err := db.check(); err != nil {
		return nil, err
	}
	w := &where{}
	w.add("m.entity != ''")
	if f.Type != "" {
		w.add("m.type = ?", string(f.Type))
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		w.add(`(m.name_fold LIKE ? ESCAPE '\' OR lower(m.entity) LIKE ? ESCAPE '\')`, likeEscape(foldName(q)), likeEscape(strings.ToLower(q)))
	}
	return db.entitySummaries(ctx, w, orDefault(f.Limit, 100))
}

func (db *DB) entitySummaries(ctx context.Context, w *where, limit int) ([]store.EntitySummary, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT m.entity, max(m.name), max(m.type), sum(m.n), count(DISTINCT m.article_rid),
		coalesce(group_concat(DISTINCT nullif(a.outlet, '')), '')
		FROM mentions m JOIN articles a ON a.rid = m.article_rid`+w.String()+`
		GROUP BY m.entity ORDER BY sum(m.n) DESC, m.entity LIMIT ?`, append(w.args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("listing entities: %w", err)
	}
	defer rows.Close()
	var out []store.EntitySummary
	for rows.Next() {
		var e store.EntitySummary
		var typ, outlets string
		if err := rows.Scan(&e.ID, &e.Name, &typ, &e.Mentions, &e.Articles, &outlets); err != nil {
			return nil, fmt.Errorf("listing entities: %w", err)
		}
		e.Type = article.EntityType(typ)
		if outlets != "" {
			e.Outlets = strings.Split(outlets, ",")
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing entities: %w", err)
	}
	return out, nil
}

// EntityDetail implements store.Store.
func (db *DB) EntityDetail(ctx context.Context, idOrName string) (*store.EntityDetail, error) {
	if err := db.check(); err != nil {
		return nil, err
	}
	var id string
	err := db.r.QueryRowContext(ctx, `SELECT entity FROM mentions WHERE entity = ? LIMIT 1`, idOrName).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = db.r.QueryRowContext(ctx, `SELECT entity FROM mentions WHERE name_fold = ? AND entity != '' GROUP BY entity ORDER BY sum(n) DESC LIMIT 1`,
			foldName(idOrName)).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("entity %q: %w", idOrName, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("looking up entity %q: %w", idOrName, err)
	}
	w := &where{}
	w.add("m.entity = ?", id)
	sums, err := db.entitySummaries(ctx, w, 1)
	if err != nil {
		return nil, err
	}
	if len(sums) == 0 {
		return nil, fmt.Errorf("entity %q: %w", idOrName, store.ErrNotFound)
	}
	d := &store.EntityDetail{EntitySummary: sums[0]}
	if d.Aliases, err = db.counts(ctx, `SELECT text, sum(n) c FROM mentions WHERE entity = ? GROUP BY text ORDER BY c DESC, text`, id); err != nil {
		return nil, err
	}
	rows, err := db.r.QueryContext(ctx, `SELECT a.id, a.title, a.published, a.outlet, a.path, substr(a.text, 1, 300) FROM articles a
		WHERE a.rid IN (SELECT article_rid FROM mentions WHERE entity = ?) ORDER BY a.pub_first DESC, a.rid DESC LIMIT 500`, id)
	if err != nil {
		return nil, fmt.Errorf("listing articles of entity %s: %w", id, err)
	}
	for rows.Next() {
		var r store.ArticleRef
		var pub, head string
		if err := rows.Scan(&r.ID, &r.Title, &pub, &r.Outlet, &r.Path, &head); err != nil {
			rows.Close()
			return nil, fmt.Errorf("listing articles of entity %s: %w", id, err)
		}
		r.Published = parseDate(pub)
		if r.Title == "" {
			r.Title = firstLine(head)
		}
		d.ArticleRefs = append(d.ArticleRefs, r)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("listing articles of entity %s: %w", id, err)
	}
	rows, err = db.r.QueryContext(ctx, `SELECT m.entity, max(m.name), max(m.type), count(DISTINCT m.article_rid) c FROM mentions m
		WHERE m.article_rid IN (SELECT article_rid FROM mentions WHERE entity = ?) AND m.entity != '' AND m.entity != ?
		GROUP BY m.entity ORDER BY c DESC, m.entity LIMIT 50`, id, id)
	if err != nil {
		return nil, fmt.Errorf("listing co-occurrences of entity %s: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var c store.CoEntity
		var typ string
		if err := rows.Scan(&c.ID, &c.Name, &typ, &c.Count); err != nil {
			return nil, fmt.Errorf("listing co-occurrences of entity %s: %w", id, err)
		}
		c.Type = article.EntityType(typ)
		d.CoOccurring = append(d.CoOccurring, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing co-occurrences of entity %s: %w", id, err)
	}
	return d, nil
}

const eventCols = `e.data, e.story, a.path, a.url, a.outlet, a.title, a.published`

func scanEvent(sc interface{ Scan(...any) error }) (store.EventRecord, error) {
	var r store.EventRecord
	var data, pub string
	if err := sc.Scan(&data, &r.Story, &r.Path, &r.URL, &r.Outlet, &r.Title, &pub); err != nil {
		return r, err
	}
	story := r.Story
	if err := json.Unmarshal([]byte(data), &r.Event); err != nil {
		return r, fmt.Errorf("decoding event: %w", err)
	}
	r.Story = story
	r.Published = parseDate(pub)
	return r, nil
}

// commonActor is the number of event-actor rows from which an actor filter
// is checked per event while walking events newest first, rather than by
// collecting (and sorting) every event of the actor.
const commonActor = 1000

// eventWhere builds the conditions of f over events e joined to articles a;
// join reports whether a condition needs the articles table.
func (db *DB) eventWhere(ctx context.Context, f store.EventFilter) (w *where, join bool, err error) {
	w = &where{}
	if f.Type != "" {
		w.add("upper(e.type) = upper(?)", f.Type)
	}
	if !f.All {
		w.add("e.factuality IN ('', ?)", article.FactAsserted)
	}
	if f.Outlet != "" {
		w.add("a.outlet = ?", f.Outlet)
		join = true
	}
	if f.Story != "" {
		w.add("e.story = ?", f.Story)
	}
	if act := strings.TrimSpace(f.Actor); act != "" {
		fold := foldName(act)
		var n int
		if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM event_actors WHERE entity = ? OR name_fold = ? LIMIT ?)`,
			act, fold, commonActor).Scan(&n); err != nil {
			return nil, false, fmt.Errorf("counting events of actor %q: %w", act, err)
		}
		if n >= commonActor {
			w.add("EXISTS (SELECT 1 FROM event_actors x WHERE x.article_rid = (SELECT rid FROM articles WHERE id = e.article_id) AND x.event_id = e.id AND (x.entity = ? OR x.name_fold = ?))", act, fold)
		} else {
			w.add("e.id IN (SELECT event_id FROM event_actors WHERE entity = ? OR name_fold = ?)", act, fold)
		}
	}
	w.dateRange("e.date_first", "e.date_last", f.From, f.To)
	return w, join, nil
}

// Events implements store.Store. It finds the date of the Limit-th newest
// matching event by walking the events_date index, then sorts only the
// events from that date on.
func (db *DB) Events(ctx context.Context, f store.EventFilter) ([]store.EventRecord, error) {
	if err := db.check(); err != nil {
		return nil, err
	}
	limit := orDefault(f.Limit, 100)
	w, join, err := db.eventWhere(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("listing events: %w", err)
	}
	from := ` FROM events e`
	if join {
		from = ` FROM events e JOIN articles a ON a.id = e.article_id`
	}
	var cut sql.NullString
	err = db.r.QueryRowContext(ctx, `SELECT e.date_first`+from+w.String()+` ORDER BY e.date_first DESC LIMIT 1 OFFSET ?`,
		append(w.args, limit-1)...).Scan(&cut)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return nil, fmt.Errorf("listing events: bounding dates: %w", err)
	case cut.Valid:
		w.add("e.date_first >= ?", cut.String)
	}
	// Undated events sort last (NULL is the smallest value, so DESC puts them last).
	rows, err := db.r.QueryContext(ctx, `SELECT `+eventCols+` FROM events e JOIN articles a ON a.id = e.article_id`+w.String()+`
		ORDER BY e.date_first DESC, a.pub_first DESC, e.article_id, e.seq LIMIT ?`,
		append(w.args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("listing events: %w", err)
	}
	defer rows.Close()
	var out []store.EventRecord
	for rows.Next() {
		r, err := scanEvent(rows)
		if err != nil {
			return nil, fmt.Errorf("listing events: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing events: %w", err)
	}
	return out, nil
}

// Event implements store.Store.
func (db *DB) Event(ctx context.Context, id string) (*store.EventRecord, error) {
	if err := db.check(); err != nil {
		return nil, err
	}
	r, err := scanEvent(db.r.QueryRowContext(ctx, `SELECT `+eventCols+` FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("event %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading event %s: %w", id, err)
	}
	return &r, nil
}

// SetEventStories implements store.Store. Unknown event IDs are ignored.
func (db *DB) SetEventStories(ctx context.Context, stories map[string]string) error {
	if err := db.check(); err != nil {
		return err
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("starting story assignment: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	st, err := tx.PrepareContext(ctx, `UPDATE events SET story = ? WHERE id = ?`)
	if err != nil {
		return fmt.Errorf("preparing story assignment: %w", err)
	}
	defer st.Close()
	for ev, story := range stories {
		if _, err := st.ExecContext(ctx, story, ev); err != nil {
			return fmt.Errorf("assigning event %s to story %s: %w", ev, story, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing story assignment: %w", err)
	}
	return nil
}

// PutStories implements store.Store.
func (db *DB) PutStories(ctx context.Context, stories []store.StoryRecord) error {
	if err := db.check(); err != nil {
		return err
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("starting story batch: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	st, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO stories (id, type, date, date_first, date_last, num_articles, num_sources, data, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return fmt.Errorf("preparing story batch: %w", err)
	}
	defer st.Close()
	now := time.Now().UTC().Format(time.RFC3339Nano)
	for _, s := range stories {
		if s.ID == "" {
			return fmt.Errorf("storing story: empty ID: %w", store.ErrInvalid)
		}
		var data any
		if len(s.Data) > 0 {
			if !json.Valid(s.Data) {
				return fmt.Errorf("storing story %s: data is not valid JSON: %w", s.ID, store.ErrInvalid)
			}
			data = string(s.Data)
		}
		df, dl := dateCols(s.Date)
		if _, err := st.ExecContext(ctx, s.ID, s.Type, s.Date.String(), df, dl, s.NumArticles, s.NumSources, data, now); err != nil {
			return fmt.Errorf("storing story %s: %w", s.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing story batch: %w", err)
	}
	db.ckpt.committed()
	return nil
}

const storyCols = `id, type, date, num_articles, num_sources, data, updated_at`

func scanStory(sc interface{ Scan(...any) error }) (store.StoryRecord, error) {
	var s store.StoryRecord
	var date, upd string
	var data sql.NullString
	if err := sc.Scan(&s.ID, &s.Type, &date, &s.NumArticles, &s.NumSources, &data, &upd); err != nil {
		return s, err
	}
	s.Date = parseDate(date)
	if data.Valid {
		s.Data = json.RawMessage(data.String)
	}
	s.UpdatedAt, _ = time.Parse(time.RFC3339Nano, upd)
	return s, nil
}

// Stories implements store.Store.
func (db *DB) Stories(ctx context.Context, f store.StoryFilter) ([]store.StoryRecord, error) {
	if err := db.check(); err != nil {
		return nil, err
	}
	w := &where{}
	if f.Type != "" {
		w.add("upper(type) = upper(?)", f.Type)
	}
	if f.MinArticles > 0 {
		w.add("num_articles >= ?", f.MinArticles)
	}
	w.dateRange("date_first", "date_last", f.From, f.To)
	rows, err := db.r.QueryContext(ctx, `SELECT `+storyCols+` FROM stories`+w.String()+`
		ORDER BY date_first IS NULL, date_first DESC, num_articles DESC, id LIMIT ?`, append(w.args, orDefault(f.Limit, 100))...)
	if err != nil {
		return nil, fmt.Errorf("listing stories: %w", err)
	}
	defer rows.Close()
	var out []store.StoryRecord
	for rows.Next() {
		s, err := scanStory(rows)
		if err != nil {
			return nil, fmt.Errorf("listing stories: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing stories: %w", err)
	}
	return out, nil
}

// Story implements store.Store.
func (db *DB) Story(ctx context.Context, id string) (*store.StoryRecord, error) {
	if err := db.check(); err != nil {
		return nil, err
	}
	s, err := scanStory(db.r.QueryRowContext(ctx, `SELECT `+storyCols+` FROM stories WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading story %s: %w", id, err)
	}
	return &s, nil
}
