package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/store"
)

// openAtVersion builds a database at schema version v (the first v
// migrations), runs the statements in it, and opens it with Open, which
// applies the later migrations.
func openAtVersion(t *testing.T, v int, stmts ...string) *DB {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("v%d.db", v))
	old, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	old.SetMaxOpenConns(1)
	setup := []string{`CREATE TABLE schema_version (version INTEGER NOT NULL)`, fmt.Sprintf(`INSERT INTO schema_version VALUES (%d)`, v)}
	setup = append(setup, migrations[:v]...)
	for _, s := range append(setup, stmts...) {
		if _, err := old.ExecContext(ctx, s); err != nil {
			t.Fatalf("building a version %d database: %v", v, err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestMigrationGroupsMentions opens a database left at schema version 6
// (one mentions row per occurrence) and checks that migration 7 keeps the
// counts the queries report: occurrences per form, entities, articles.
func TestMigrationGroupsMentions(t *testing.T) {
	ctx := context.Background()
	db := openAtVersion(t, 6,
		`INSERT INTO articles (id, text, ingested_at, outlet) VALUES ('a1', 'x', '2024-01-01T00:00:00Z', 'one.example'), ('a2', 'y', '2024-01-01T00:00:00Z', 'two.example')`,
		`INSERT INTO mentions (article_id, start, end, text, type, kind, entity, name, name_fold) VALUES
			('a1', 0, 5, 'Aliev', 'PER', 'name', 'Q1', 'Ilham Aliyev', 'ilham aliyev'),
			('a1', 9, 14, 'Aliev', 'PER', 'name', 'Q1', 'Ilham Aliyev', 'ilham aliyev'),
			('a1', 20, 32, 'Ilham Aliev', 'PER', 'name', 'Q1', 'Ilham Aliyev', 'ilham aliyev'),
			('a1', 40, 45, 'Bakou', 'LOC', 'name', 'Q2', 'Baku', 'baku'),
			('a1', 50, 55, 'truc', 'ORG', 'name', '', '', ''),
			('a2', 0, 5, 'Aliyev', 'PER', 'name', 'Q1', 'Ilham Aliyev', 'ilham aliyev')`,
		`INSERT INTO events (id, article_id, seq, type, factuality, data) VALUES
			('a1-e1', 'a1', 0, 'CONSULT', 'asserted', '{"id":"a1-e1","article_id":"a1","type":"CONSULT","factuality":"asserted"}')`,
		`INSERT INTO event_actors (event_id, name_fold, entity, role) VALUES
			('a1-e1', 'ilham aliyev', 'Q1', 'source'), ('a1-e1', 'ilham aliyev', 'Q1', 'source')`,
	)
	var rows int
	if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM mentions`).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if rows != 4 {
		t.Errorf("%d mention rows after migration, want 4 (one per article, entity and form)", rows)
	}
	d, err := db.EntityDetail(ctx, "Ilham Aliyev")
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "Q1" || d.Mentions != 4 || d.Articles != 2 {
		t.Errorf("entity %s: %d mentions in %d articles, want Q1: 4 in 2", d.ID, d.Mentions, d.Articles)
	}
	want := map[string]int{"Aliev": 2, "Ilham Aliev": 1, "Aliyev": 1}
	if len(d.Aliases) != len(want) {
		t.Errorf("aliases %+v, want %v", d.Aliases, want)
	}
	for _, a := range d.Aliases {
		if want[a.Key] != a.Count {
			t.Errorf("alias %q counted %d, want %d", a.Key, a.Count, want[a.Key])
		}
	}
	evs, err := db.Events(ctx, store.EventFilter{Actor: "Ilham Aliyev"})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].ID != "a1-e1" {
		t.Errorf("events of Ilham Aliyev after migration: %+v, want a1-e1", evs)
	}
	var actorRows int
	if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM event_actors WHERE article_rid = (SELECT rid FROM articles WHERE id = 'a1')`).Scan(&actorRows); err != nil {
		t.Fatal(err)
	}
	if actorRows != 1 {
		t.Errorf("%d event actor rows after migration, want the repeated one once", actorRows)
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mentions != 5 {
		t.Errorf("stats count %d mentions, want the 5 linked occurrences", st.Mentions)
	}
}

// TestLegacyRowsStayReadable stores an article as schema version 7 did
// (raw bytes and annotations JSON unpacked), migrates, reads it back, then
// re-analyses it: the new values are packed, the flags follow.
func TestLegacyRowsStayReadable(t *testing.T) {
	ctx := context.Background()
	db := openAtVersion(t, 7, `INSERT INTO articles (id, text, raw, annotations, ingested_at) VALUES
		('a1', 'Erevan accueille les ministres.', CAST('<p>Erevan accueille les ministres.</p>' AS BLOB),
		'{"sentences":[{"start":0,"end":31}]}', '2024-01-01T00:00:00Z')`)
	a, err := db.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if string(a.Raw) != "<p>Erevan accueille les ministres.</p>" || len(a.Sentences) != 1 || a.Sentences[0].End != 31 {
		t.Fatalf("legacy row read as raw %q, sentences %+v", a.Raw, a.Sentences)
	}
	a.Sentences = append(a.Sentences, article.Span{Start: 0, End: 6})
	if _, err := db.PutArticles(ctx, []*article.Article{a}); err != nil {
		t.Fatal(err)
	}
	b, err := db.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if string(b.Raw) != string(a.Raw) || len(b.Sentences) != 2 {
		t.Errorf("re-analysed row read as raw %q, sentences %+v", b.Raw, b.Sentences)
	}
	var packed int
	if err := db.r.QueryRowContext(ctx, `SELECT packed FROM articles WHERE id = 'a1'`).Scan(&packed); err != nil {
		t.Fatal(err)
	}
	if packed != packedRaw|packedAnnotations {
		t.Errorf("packed = %d after re-analysis with raw bytes, want %d", packed, packedRaw|packedAnnotations)
	}
}
