package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/store"
	"github.com/vigie-news/vigie/store/analysis"
	"github.com/vigie-news/vigie/translit"
)

// annotations is the JSON blob of an article's sentence, mention and time
// annotations (events live in their own table).
type annotations struct {
	Sentences []article.Span     `json:"sentences,omitempty"`
	Mentions  []article.Mention  `json:"mentions,omitempty"`
	Times     []article.TimeExpr `json:"times,omitempty"`
}

func hasAnnotations(a *article.Article) bool {
	return len(a.Sentences) > 0 || len(a.Mentions) > 0 || len(a.Times) > 0 || len(a.Events) > 0
}

// indexed is the full-text rendering of one article and, for PutArticles,
// its encoded columns (computed off the writer's goroutine).
type indexed struct {
	stems, alts, keys string
	enc               *encoded // nil for re-indexing
}

// encoded holds the values of an article's rows that take CPU to encode:
// JSON columns and folded names.
type encoded struct {
	rawMap, dateline, annotations any // annotations packed (pack.go)
	raw                           any // the packed raw bytes, nil when none
	err                           error
	events                        []encodedEvent
	forms                         []mentionForm // the article's mentions with an entity, by form
}

// mentionForm is one row of table mentions: a form (surface text) of an
// entity in an article and its number of occurrences.
type mentionForm struct {
	entity, text, typ, name, fold string
	n                             int
}

// mentionForms groups the mentions with an entity by (entity, text), in
// order of first occurrence.
func mentionForms(ms []article.Mention) []mentionForm {
	var out []mentionForm
	at := map[[2]string]int{}
	for _, m := range ms {
		if m.Entity == "" {
			continue
		}
		k := [2]string{m.Entity, m.Text}
		if i, ok := at[k]; ok {
			out[i].n++
			continue
		}
		at[k] = len(out)
		out = append(out, mentionForm{entity: m.Entity, text: m.Text, typ: string(m.Type), name: m.Name, fold: foldName(m.Name), n: 1})
	}
	return out
}

// encodedEvent is one event with its id and article id filled in.
type encodedEvent struct {
	id     string
	data   string
	folds  []string // foldName of each actor's name
	parts  string   // participantsJSON of its actors
	df, dl any
}

func indexText(a *article.Article) indexed {
	text := a.Text
	if a.Title != "" && !strings.Contains(a.Text, a.Title) {
		text = a.Title + "\n" + a.Text
	}
	s, al, k := analysis.FlatColumns(analysis.Analyze(text, a.Lang))
	return indexed{stems: s, alts: al, keys: k}
}

// encode renders the JSON columns, events and folded names of a.
func encode(a *article.Article) *encoded {
	enc := &encoded{}
	var err error
	if enc.rawMap, err = jsonOrNil(a.RawMap, a.RawMap == nil); err != nil {
		enc.err = fmt.Errorf("encoding raw map: %w", err)
		return enc
	}
	if enc.dateline, err = jsonOrNil(a.Dateline, a.Dateline == nil); err != nil {
		enc.err = fmt.Errorf("encoding dateline: %w", err)
		return enc
	}
	if len(a.Sentences)+len(a.Mentions)+len(a.Times) > 0 {
		b, err := json.Marshal(annotations{Sentences: a.Sentences, Mentions: a.Mentions, Times: a.Times})
		if err != nil {
			enc.err = fmt.Errorf("encoding annotations: %w", err)
			return enc
		}
		enc.annotations = pack(b)
	}
	if a.Raw != nil {
		enc.raw = pack(a.Raw)
	}
	enc.forms = mentionForms(a.Mentions)
	enc.events = make([]encodedEvent, len(a.Events))
	for i := range a.Events {
		e := a.Events[i]
		if e.ID == "" {
			e.ID = fmt.Sprintf("%s-e%d", a.ID, i+1)
		}
		e.ArticleID = a.ID
		data, err := json.Marshal(e)
		if err != nil {
			enc.err = fmt.Errorf("encoding event %s: %w", e.ID, err)
			return enc
		}
		df, dl := dateCols(e.Date)
		ee := encodedEvent{id: e.ID, data: string(data), df: df, dl: dl, folds: make([]string, len(e.Actors)), parts: participantsJSON(e.Actors)}
		for j, ac := range e.Actors {
			ee.folds[j] = foldName(ac.Name)
		}
		enc.events[i] = ee
	}
	return enc
}

// analyser renders a batch of articles for the index in background
// goroutines, in input order, so that the writer can store article i while
// later ones are still being analysed (the analysis needs no lock and runs
// on the other cores).
type analyser struct {
	encode bool // also encode the rows' columns (indexed.enc)
	out    []indexed
	ready  []chan struct{}
	stop   chan struct{}
	wg     sync.WaitGroup
}

func startAnalysis(arts []*article.Article, withColumns bool) *analyser {
	a := &analyser{encode: withColumns, out: make([]indexed, len(arts)), ready: make([]chan struct{}, len(arts)), stop: make(chan struct{})}
	for i := range a.ready {
		a.ready[i] = make(chan struct{})
	}
	workers := min(runtime.GOMAXPROCS(0), len(arts))
	var next atomic.Int64
	for w := 0; w < workers; w++ {
		a.wg.Add(1)
		go func() {
			defer a.wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(arts) {
					return
				}
				select {
				case <-a.stop:
					return
				default:
				}
				a.out[i] = indexText(arts[i])
				if a.encode {
					a.out[i].enc = encode(arts[i])
				}
				close(a.ready[i])
			}
		}()
	}
	return a
}

// get waits for article i's rendering.
func (a *analyser) get(ctx context.Context, i int) (indexed, error) {
	select {
	case <-a.ready[i]:
		return a.out[i], nil
	case <-ctx.Done():
		return indexed{}, ctx.Err()
	}
}

// close stops the workers and waits for them.
func (a *analyser) close() {
	close(a.stop)
	a.wg.Wait()
}

// nullable returns nil for "" so optional columns hold NULL.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func dateCols(d article.Date) (first, last any) {
	f, l, ok := store.DateBounds(d)
	if !ok {
		return nil, nil
	}
	return f, l
}

func jsonOrNil(v any, empty bool) (any, error) {
	if empty {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

// PutArticles implements store.Store. Articles without an ID get
// article.ComputeID of their text.
func (db *DB) PutArticles(ctx context.Context, arts []*article.Article) ([]store.PutResult, error) {
	if err := db.check(); err != nil {
		return nil, err
	}
	for i, a := range arts {
		if a == nil {
			return nil, fmt.Errorf("storing article %d of batch: nil article: %w", i, store.ErrInvalid)
		}
		if a.ID == "" {
			if a.Text == "" {
				return nil, fmt.Errorf("storing article %d of batch (%s): no ID and no text: %w", i, a.Path, store.ErrInvalid)
			}
			a.ID = article.ComputeID(a.Text)
		}
	}
	if len(arts) == 0 {
		return nil, nil
	}
	an := startAnalysis(arts, true)
	defer an.close()
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("starting article batch: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	p, err := prepare(ctx, tx)
	if err != nil {
		return nil, err
	}
	defer p.close()
	now := time.Now().UTC()
	res := make([]store.PutResult, len(arts))
	for i, a := range arts {
		ix, err := an.get(ctx, i)
		if err != nil {
			return nil, fmt.Errorf("storing article %s (%s): analysing text: %w", a.ID, a.Path, err)
		}
		r, err := p.put(ctx, a, ix.enc, now)
		if err != nil {
			return nil, fmt.Errorf("storing article %s (%s): %w", a.ID, a.Path, err)
		}
		res[i] = r
	}
	// The full-text index is written last: once FTS5 has joined the
	// transaction, every later statement that opens a statement journal
	// (multi-row inserts) makes it flush its pending terms to disk as a new
	// segment, one per article instead of one per batch.
	for i, a := range arts {
		r := res[i]
		if !r.New && !r.Reanalysed {
			continue
		}
		if r.Reanalysed {
			if _, err := p.ftsDel.ExecContext(ctx, p.rids[i]); err != nil {
				return nil, fmt.Errorf("storing article %s (%s): unindexing old text: %w", a.ID, a.Path, err)
			}
		}
		ix := an.out[i] // ready: put waited for it
		if _, err := p.ftsIns.ExecContext(ctx, p.rids[i], ix.stems, nullable(ix.alts), ix.keys); err != nil {
			return nil, fmt.Errorf("storing article %s (%s): indexing text: %w", a.ID, a.Path, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("committing article batch: %w", err)
	}
	db.ckpt.committed()
	return res, nil
}

type putStmts struct {
	tx                                         *sql.Tx
	multi                                      map[string]*sql.Stmt // multi-row inserts by "table/rows"
	find, insert, update, replace, path        *sql.Stmt
	ftsIns, ftsDel                             *sql.Stmt
	delMentions, delActors, delEvents, delByID *sql.Stmt
	all                                        []*sql.Stmt
	rids                                       []int64 // row id of each article put, in order
}

func prepare(ctx context.Context, tx *sql.Tx) (*putStmts, error) {
	p := &putStmts{tx: tx, multi: map[string]*sql.Stmt{}}
	for _, s := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&p.find, `SELECT rid, raw IS NOT NULL FROM articles WHERE id = ?`},
		{&p.insert, `INSERT INTO articles (id, path, url, outlet, title, published, pub_prec, pub_first, pub_last, lang, format,
			text, raw, raw_map, dateline, annotations, ingested_at, dup_of, packed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&p.update, `UPDATE articles SET
			url = CASE WHEN url = '' THEN ? ELSE url END,
			outlet = CASE WHEN outlet = '' THEN ? ELSE outlet END,
			title = CASE WHEN title = '' THEN ? ELSE title END,
			published = CASE WHEN pub_first IS NULL THEN ? ELSE published END,
			pub_prec = CASE WHEN pub_first IS NULL THEN ? ELSE pub_prec END,
			pub_last = CASE WHEN pub_first IS NULL THEN ? ELSE pub_last END,
			pub_first = CASE WHEN pub_first IS NULL THEN ? ELSE pub_first END,
			lang = CASE WHEN lang = '' THEN ? ELSE lang END,
			format = CASE WHEN format = '' THEN ? ELSE format END,
			dateline = COALESCE(dateline, ?),
			packed = CASE WHEN raw IS NULL AND ? IS NOT NULL THEN packed | 1 ELSE packed END,
			raw = COALESCE(raw, ?),
			raw_map = CASE WHEN raw IS NULL THEN ? ELSE raw_map END,
			dup_of = CASE WHEN ? != '' THEN ? ELSE dup_of END
			WHERE rid = ?`},
		{&p.replace, `UPDATE articles SET text = ?, packed = (CASE WHEN ? IS NULL THEN packed & 1 ELSE 1 END) | 2,
			raw = COALESCE(?, raw), raw_map = CASE WHEN ? IS NULL THEN raw_map ELSE ? END,
			annotations = ?, dateline = COALESCE(?, dateline) WHERE rid = ?`},
		{&p.path, `INSERT INTO article_paths (path, article_id, seq) VALUES (?, ?, ?)
			ON CONFLICT (path, article_id) DO UPDATE SET seq = excluded.seq`},
		{&p.ftsIns, `INSERT INTO fts (rowid, stems, alts, keys) VALUES (?, ?, ?, ?)`},
		{&p.ftsDel, `DELETE FROM fts WHERE rowid = ?`},
		{&p.delMentions, `DELETE FROM mentions WHERE article_rid = ?`},
		{&p.delActors, `DELETE FROM event_actors WHERE article_rid = ?`},
		{&p.delEvents, `DELETE FROM events WHERE article_id = ?`},
		{&p.delByID, `DELETE FROM event_actors WHERE article_rid = ? AND event_id = ?`},
	} {
		st, err := tx.PrepareContext(ctx, s.sql)
		if err != nil {
			p.close()
			return nil, fmt.Errorf("preparing %q: %w", strings.Fields(s.sql)[0:3], err)
		}
		*s.dst = st
		p.all = append(p.all, st)
	}
	return p, nil
}

func (p *putStmts) close() {
	for _, s := range p.all {
		_ = s.Close()
	}
	for _, s := range p.multi {
		_ = s.Close()
	}
}

// maxRowsPerInsert bounds a multi-row INSERT (SQLite allows 32,766 bound
// variables; the widest row here has 10).
const maxRowsPerInsert = 256

// insertRows inserts rows (each len(cols) values) into table with one
// statement per chunk of up to maxRowsPerInsert rows. Statements are
// prepared once per row count and kept for the transaction: one call
// instead of one per row saves the driver's per-statement cost.
//
// The verb is INSERT OR FAIL: for tables without unique constraints it
// behaves as INSERT (any error rolls the whole batch back), but SQLite
// needs no statement journal for it, which a multi-row plain INSERT
// (conflict mode ABORT) writes for every page it touches.
func (p *putStmts) insertRows(ctx context.Context, table, cols string, width int, rows []any) error {
	return p.insertRowsVerb(ctx, "INSERT OR FAIL", table, cols, width, rows)
}

// insertRowsVerb is insertRows with another verb ("INSERT OR REPLACE").
func (p *putStmts) insertRowsVerb(ctx context.Context, verb, table, cols string, width int, rows []any) error {
	for len(rows) > 0 {
		n := min(len(rows)/width, maxRowsPerInsert)
		key := verb + " " + table + "/" + strconv.Itoa(n)
		st := p.multi[key]
		if st == nil {
			var b strings.Builder
			b.WriteString(verb + " INTO " + table + " (" + cols + ") VALUES ")
			row := "(" + strings.TrimSuffix(strings.Repeat("?,", width), ",") + ")"
			for i := 0; i < n; i++ {
				if i > 0 {
					b.WriteByte(',')
				}
				b.WriteString(row)
			}
			var err error
			if st, err = p.tx.PrepareContext(ctx, b.String()); err != nil {
				return fmt.Errorf("preparing insert into %s: %w", table, err)
			}
			p.multi[key] = st
		}
		if _, err := st.ExecContext(ctx, rows[:n*width]...); err != nil {
			return err
		}
		rows = rows[n*width:]
	}
	return nil
}

// put stores one article's row, path, mentions and events (the caller
// indexes its text afterwards) and records its row id in p.rids.
func (p *putStmts) put(ctx context.Context, a *article.Article, enc *encoded, now time.Time) (store.PutResult, error) {
	res := store.PutResult{ID: a.ID}
	var rid int64
	defer func() { p.rids = append(p.rids, rid) }()
	var hasRaw bool
	err := p.find.QueryRowContext(ctx, a.ID).Scan(&rid, &hasRaw)
	exists := err == nil
	if err != nil && err != sql.ErrNoRows {
		return res, fmt.Errorf("looking up: %w", err)
	}
	if enc.err != nil {
		return res, enc.err
	}
	raw := enc.raw
	rawMap, dl, annJSON := enc.rawMap, enc.dateline, enc.annotations
	pubFirst, pubLast := dateCols(a.Published)
	published, prec := a.Published.String(), string(a.Published.Prec())
	if !a.Published.Known() {
		prec = ""
	}
	seq := now.UnixNano()
	if !exists {
		ingested := a.IngestedAt
		if ingested.IsZero() {
			ingested = now
		}
		r, err := p.insert.ExecContext(ctx, a.ID, a.Path, a.URL, a.Outlet, a.Title, published, prec, pubFirst, pubLast,
			a.Lang, a.Format, a.Text, raw, rawMap, dl, annJSON, ingested.UTC().Format(time.RFC3339Nano), a.DupOf, packedRaw|packedAnnotations)
		if err != nil {
			return res, fmt.Errorf("inserting: %w", err)
		}
		if rid, err = r.LastInsertId(); err != nil {
			return res, fmt.Errorf("reading row id: %w", err)
		}
		res.New = true
	} else {
		if _, err := p.update.ExecContext(ctx, a.URL, a.Outlet, a.Title, published, prec, pubLast, pubFirst,
			a.Lang, a.Format, dl, raw, raw, rawMap, a.DupOf, a.DupOf, rid); err != nil {
			return res, fmt.Errorf("merging metadata: %w", err)
		}
		if hasAnnotations(a) {
			if _, err := p.replace.ExecContext(ctx, a.Text, raw, raw, rawMap, rawMap, annJSON, dl, rid); err != nil {
				return res, fmt.Errorf("replacing annotations: %w", err)
			}
			for _, del := range []struct {
				st  *sql.Stmt
				key any
			}{{p.delMentions, rid}, {p.delActors, rid}, {p.delEvents, a.ID}} {
				if _, err := del.st.ExecContext(ctx, del.key); err != nil {
					return res, fmt.Errorf("clearing old annotations: %w", err)
				}
			}
			res.Reanalysed = true
		}
	}
	if a.Path != "" {
		if _, err := p.path.ExecContext(ctx, a.Path, a.ID, seq); err != nil {
			return res, fmt.Errorf("recording path: %w", err)
		}
	}
	if exists && !res.Reanalysed {
		return res, nil
	}
	rows := make([]any, 0, 7*len(enc.forms))
	for _, f := range enc.forms {
		rows = append(rows, rid, f.entity, f.text, f.typ, f.name, f.fold, f.n)
	}
	if err := p.insertRows(ctx, "mentions", "article_rid, entity, text, type, name, name_fold, n", 7, rows); err != nil {
		return res, fmt.Errorf("storing mentions: %w", err)
	}
	rows = rows[:0]
	seen := make(map[string]bool, len(a.Events))
	evRows := make([]any, 0, 10*len(a.Events))
	for i := range a.Events {
		e, ee := &a.Events[i], &enc.events[i]
		if exists || seen[ee.id] {
			// A new article's events are new (their ids derive from the
			// article's): only a re-analysis replaces rows.
			if _, err := p.delByID.ExecContext(ctx, rid, ee.id); err != nil {
				return res, fmt.Errorf("replacing event %s: %w", ee.id, err)
			}
		}
		if seen[ee.id] {
			// A repeated id replaces the earlier row: drop its queued actors.
			rows = dropActorRows(rows, ee.id)
		}
		seen[ee.id] = true
		evRows = append(evRows, ee.id, a.ID, i, e.Type, ee.df, ee.dl, e.Factuality, e.Story, ee.data, ee.parts)
		for j, ac := range e.Actors {
			rows = append(rows, rid, ee.id, ee.folds[j], ac.Entity, ac.Role)
		}
	}
	// Later rows of a repeated id replace earlier ones, in order.
	if err := p.insertRowsVerb(ctx, "INSERT OR REPLACE", "events", "id, article_id, seq, type, date_first, date_last, factuality, story, data, parts", 10, evRows); err != nil {
		return res, fmt.Errorf("storing events: %w", err)
	}
	// An actor listed twice in the same role is one row.
	if err := p.insertRowsVerb(ctx, "INSERT OR IGNORE", "event_actors", "article_rid, event_id, name_fold, entity, role", 5, rows); err != nil {
		return res, fmt.Errorf("storing event actors: %w", err)
	}
	return res, nil
}

// foldName folds a name for case- and accent-insensitive comparison.
func foldName(s string) string {
	return strings.Join(strings.Fields(translit.Fold(s)), " ")
}

// dropActorRows removes the queued event_actors rows (5 values each, the
// event id second) of event id.
func dropActorRows(rows []any, id string) []any {
	out := rows[:0]
	for i := 0; i+5 <= len(rows); i += 5 {
		if rows[i+1] != id {
			out = append(out, rows[i:i+5]...)
		}
	}
	return out
}
