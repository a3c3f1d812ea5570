package sqlite

import (
	"context"
	"database/sql"
	"fmt"
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
}

// migrate brings the database schema to the latest version.
func migrate(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("creating schema_version: %w", err)
	}
	var v int
	err := db.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v)
	switch {
	case err == sql.ErrNoRows:
		if _, err := db.ExecContext(ctx, `INSERT INTO schema_version(version) VALUES (0)`); err != nil {
			return fmt.Errorf("initialising schema_version: %w", err)
		}
	case err != nil:
		return fmt.Errorf("reading schema version: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("database schema version %d is newer than this program's (%d)", v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("starting migration %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			_ = tx.Rollback()
			return fmt.Errorf("applying migration %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE schema_version SET version = ?`, i+1); err != nil {
			_ = tx.Rollback()
			return fmt.Errorf("recording migration %d: %w", i+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("committing migration %d: %w", i+1, err)
		}
	}
	return nil
}
