package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/vigie-news/vigie/article"
)

// migrations are applied in order; migrations[i] brings the schema to
// version i+1. Append new ones, never edit applied ones.
var migrations = []string{
	// 1: articles, paths, annotations, events, stories, full-text index.
	`
CREATE TABLE articles (
	rid         INTEGER PRIMARY KEY,
	id          TEXT NOT NULL UNIQUE,
	path        TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	outlet      TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL DEFAULT '',
	published   TEXT NOT NULL DEFAULT '',
	pub_prec    TEXT NOT NULL DEFAULT '',
	pub_first   TEXT,
	pub_last    TEXT,
	lang        TEXT NOT NULL DEFAULT '',
	format      TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL,
	raw         BLOB,
	raw_map     TEXT,
	dateline    TEXT,
	annotations TEXT,
	ingested_at TEXT NOT NULL
);
CREATE INDEX articles_lang ON articles(lang);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_pub ON articles(pub_first);

CREATE TABLE article_paths (
	path       TEXT NOT NULL,
	article_id TEXT NOT NULL,
	seq        INTEGER NOT NULL,
	PRIMARY KEY (path, article_id)
) WITHOUT ROWID;
CREATE INDEX article_paths_article ON article_paths(article_id);

CREATE TABLE mentions (
	article_id TEXT NOT NULL,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	type       TEXT NOT NULL,
	kind       TEXT NOT NULL,
	entity     TEXT NOT NULL,
	name       TEXT NOT NULL,
	name_fold  TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity ON mentions(entity) WHERE entity != '';

CREATE TABLE events (
	id         TEXT PRIMARY KEY,
	article_id TEXT NOT NULL,
	seq        INTEGER NOT NULL,
	type       TEXT NOT NULL,
	date_first TEXT,
	date_last  TEXT,
	factuality TEXT NOT NULL,
	story      TEXT NOT NULL DEFAULT '',
	data       TEXT NOT NULL
);
CREATE INDEX events_article ON events(article_id, seq);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_story ON events(story) WHERE story != '';

CREATE TABLE event_actors (
	event_id  TEXT NOT NULL,
	name_fold TEXT NOT NULL,
	entity    TEXT NOT NULL,
	role      TEXT NOT NULL
);
CREATE INDEX event_actors_event ON event_actors(event_id);
CREATE INDEX event_actors_name ON event_actors(name_fold);
CREATE INDEX event_actors_entity ON event_actors(entity);

CREATE TABLE stories (
	id           TEXT PRIMARY KEY,
	type         TEXT NOT NULL,
	date         TEXT NOT NULL,
	date_first   TEXT,
	date_last    TEXT,
	num_articles INTEGER NOT NULL,
	num_sources  INTEGER NOT NULL,
	data         TEXT,
	updated_at   TEXT NOT NULL
);

CREATE VIRTUAL TABLE fts USING fts5(stems, alts, keys, content='', contentless_delete=1, tokenize='ascii');
INSERT INTO fts(fts, rank) VALUES('rank', 'bm25(1.0, 1.0, 0.7)');
`,
	// 2: full-text index tuning for batch ingest: a 16 MB in-memory term
	// hash (one segment per batch instead of one per MB of terms) and
	// wider automatic merges (fewer, larger merge steps).
	`
INSERT INTO fts(fts, rank) VALUES('hashsize', 2097152);
INSERT INTO fts(fts, rank) VALUES('automerge', 8);
INSERT INTO fts(fts, rank) VALUES('crisismerge', 24);
`,
	// 3: a flat full-text index: keys carry analysis.KeyPrefix, so queries
	// need no column filters (whose evaluation dominated BM25's document
	// frequency scans). Open re-indexes the stored articles after it.
	`
DROP TABLE fts;
CREATE VIRTUAL TABLE fts USING fts5(stems, alts, keys, content='', contentless_delete=1, tokenize="ascii tokenchars '_'");
INSERT INTO fts(fts, rank) VALUES('rank', 'bm25(1.0, 1.0, 0.7)');
INSERT INTO fts(fts, rank) VALUES('hashsize', 4194304);
INSERT INTO fts(fts, rank) VALUES('automerge', 8);
INSERT INTO fts(fts, rank) VALUES('crisismerge', 24);
CREATE TABLE fts_reindex (last_rid INTEGER NOT NULL);
INSERT INTO fts_reindex (last_rid) VALUES (0);
`,
	// 4: event listings newest first walk this index instead of sorting
	// every event (Events bounds the sort to the newest dates).
	`
CREATE INDEX IF NOT EXISTS events_date ON events(date_first, factuality);
`,
	// 5: near-duplicate links and MinHash sketches: articles.dup_of names
	// an article's canonical copy ("" when canonical); article_sketches
	// keeps each article's sketch (in ingestion order) so that the next
	// ingest run rebuilds its duplicate index without re-reading texts.
	`
ALTER TABLE articles ADD COLUMN dup_of TEXT NOT NULL DEFAULT '';
CREATE TABLE article_sketches (
	article_id TEXT NOT NULL UNIQUE,
	sketch     BLOB NOT NULL
);
`,
	// 6: events.parts lists each event's participants for aggregations
	// (see participantsJSON), so that actor networks and timelines by actor
	// group a covering index instead of parsing every event's JSON; the
	// stored events get it from their data.
	`
ALTER TABLE events ADD COLUMN parts TEXT NOT NULL DEFAULT '';
UPDATE events SET parts = ` + partsFromData + `;
CREATE INDEX events_parts ON events(factuality, date_first, date_last, type, story, article_id, id, parts);
`,
	// 7: mentions hold one row per form of an entity in an article, with
	// its number of occurrences (n), clustered by article: a third of the
	// rows and one B-tree fewer than a row per occurrence, whose inserts
	// were the writer's largest cost. Offsets stay in the annotations.
	`
CREATE TABLE mentions_by_form (
	article_id TEXT NOT NULL,
	entity     TEXT NOT NULL,
	text       TEXT NOT NULL,
	type       TEXT NOT NULL,
	name       TEXT NOT NULL,
	name_fold  TEXT NOT NULL,
	n          INTEGER NOT NULL,
	PRIMARY KEY (article_id, entity, text)
) WITHOUT ROWID;
INSERT INTO mentions_by_form (article_id, entity, text, type, name, name_fold, n)
	SELECT article_id, entity, text, max(type), max(name), max(name_fold), count(*) FROM mentions
	WHERE entity != '' GROUP BY article_id, entity, text;
DROP TABLE mentions;
ALTER TABLE mentions_by_form RENAME TO mentions;
CREATE INDEX mentions_entity ON mentions(entity);
`,
	// 8: articles.packed flags the row's compressed values (see pack.go):
	// new rows store raw bytes and annotations packed, older rows stay as
	// they are.
	`
ALTER TABLE articles ADD COLUMN packed INTEGER NOT NULL DEFAULT 0;
`,
	// 9: no query uses events_type any more (type filters compare
	// upper(type); counts by type scan the covering events_parts), and the
	// planner preferred it to events_parts for the actor network: one index
	// less for every event written.
	`
DROP INDEX IF EXISTS events_type;
`,
	// 10: mentions keyed by the article's row id, which grows with every
	// insert, instead of its hashed id: a batch's rows append to the end
	// of the table and of each entity's run in mentions_entity, where
	// hashed ids scattered them over the whole B-trees (the writer then
	// rewrote most of their pages at every commit, a cost growing with
	// the database).
	`
CREATE TABLE mentions_by_rid (
	article_rid INTEGER NOT NULL,
	entity      TEXT NOT NULL,
	text        TEXT NOT NULL,
	type        TEXT NOT NULL,
	name        TEXT NOT NULL,
	name_fold   TEXT NOT NULL,
	n           INTEGER NOT NULL,
	PRIMARY KEY (article_rid, entity, text)
) WITHOUT ROWID;
INSERT INTO mentions_by_rid (article_rid, entity, text, type, name, name_fold, n)
	SELECT a.rid, m.entity, m.text, m.type, m.name, m.name_fold, m.n FROM mentions m JOIN articles a ON a.id = m.article_id;
DROP TABLE mentions;
ALTER TABLE mentions_by_rid RENAME TO mentions;
CREATE INDEX mentions_entity ON mentions(entity);
`,
	// 11: event actors clustered by the article's row id too (the same
	// appends instead of scattered inserts as migration 10), without a
	// rowid table and the index on hashed event ids: an event's actors are
	// found by (article_rid, event_id), a prefix of the key.
	`
CREATE TABLE event_actors_by_rid (
	article_rid INTEGER NOT NULL,
	event_id    TEXT NOT NULL,
	role        TEXT NOT NULL,
	entity      TEXT NOT NULL,
	name_fold   TEXT NOT NULL,
	PRIMARY KEY (article_rid, event_id, role, entity, name_fold)
) WITHOUT ROWID;
INSERT OR IGNORE INTO event_actors_by_rid (article_rid, event_id, role, entity, name_fold)
	SELECT a.rid, x.event_id, x.role, x.entity, x.name_fold
	FROM event_actors x JOIN events e ON e.id = x.event_id JOIN articles a ON a.id = e.article_id;
DROP TABLE event_actors;
ALTER TABLE event_actors_by_rid RENAME TO event_actors;
CREATE INDEX event_actors_name ON event_actors(name_fold);
CREATE INDEX event_actors_entity ON event_actors(entity);
`,
}

// migrate brings the database schema to the latest version and returns
// the version the database had before.
func migrate(ctx context.Context, db *sql.DB) (int, error) {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return 0, fmt.Errorf("creating schema_version: %w", err)
	}
	var v int
	err := db.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v)
	switch {
	case err == sql.ErrNoRows:
		if _, err := db.ExecContext(ctx, `INSERT INTO schema_version(version) VALUES (0)`); err != nil {
			return v, fmt.Errorf("initialising schema_version: %w", err)
		}
	case err != nil:
		return v, fmt.Errorf("reading schema version: %w", err)
	}
	if v > len(migrations) {
		return v, fmt.Errorf("database schema version %d is newer than this program's (%d)", v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return v, fmt.Errorf("starting migration %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			_ = tx.Rollback()
			return v, fmt.Errorf("applying migration %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE schema_version SET version = ?`, i+1); err != nil {
			_ = tx.Rollback()
			return v, fmt.Errorf("recording migration %d: %w", i+1, err)
		}
		if err := tx.Commit(); err != nil {
			return v, fmt.Errorf("committing migration %d: %w", i+1, err)
		}
	}
	return v, nil
}

// reindex rebuilds the full-text index of the stored articles after a
// migration that recreated it, in batches, resuming where an interrupted
// run stopped (the progress is in table fts_reindex, emptied when done).
func reindex(ctx context.Context, db *sql.DB) error {
	var last int64
	err := db.QueryRowContext(ctx, `SELECT last_rid FROM fts_reindex`).Scan(&last)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading re-index progress: %w", err)
	}
	for {
		rows, err := db.QueryContext(ctx, `SELECT rid, title, text, lang FROM articles WHERE rid > ? ORDER BY rid LIMIT 500`, last)
		if err != nil {
			return fmt.Errorf("reading articles to re-index: %w", err)
		}
		var rids []int64
		var arts []*article.Article
		for rows.Next() {
			a := &article.Article{}
			var rid int64
			if err := rows.Scan(&rid, &a.Title, &a.Text, &a.Lang); err != nil {
				rows.Close()
				return fmt.Errorf("reading articles to re-index: %w", err)
			}
			rids = append(rids, rid)
			arts = append(arts, a)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("reading articles to re-index: %w", err)
		}
		if len(arts) == 0 {
			if _, err := db.ExecContext(ctx, `DELETE FROM fts_reindex`); err != nil {
				return fmt.Errorf("finishing re-index: %w", err)
			}
			return nil
		}
		if err := reindexBatch(ctx, db, rids, arts); err != nil {
			return err
		}
		last = rids[len(rids)-1]
	}
}

func reindexBatch(ctx context.Context, db *sql.DB, rids []int64, arts []*article.Article) error {
	an := startAnalysis(arts, false)
	defer an.close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("starting re-index batch: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	st, err := tx.PrepareContext(ctx, `INSERT INTO fts (rowid, stems, alts, keys) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("preparing re-index: %w", err)
	}
	defer st.Close()
	for i, rid := range rids {
		ix, err := an.get(ctx, i)
		if err != nil {
			return fmt.Errorf("re-indexing article %d: %w", rid, err)
		}
		if _, err := st.ExecContext(ctx, rid, ix.stems, nullable(ix.alts), ix.keys); err != nil {
			return fmt.Errorf("re-indexing article %d: %w", rid, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE fts_reindex SET last_rid = ?`, rids[len(rids)-1]); err != nil {
		return fmt.Errorf("recording re-index progress: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing re-index batch: %w", err)
	}
	return nil
}
