package sqlite

import (
	"context"
	"fmt"
)

// PutSketches stores the near-duplicate sketches of articles (ids[i]'s
// encoded sketch is sketches[i]) in one transaction. An article's first
// stored sketch is kept; the order of first storage is the order Sketches
// replays.
func (db *DB) PutSketches(ctx context.Context, ids []string, sketches [][]byte) error {
	if err := db.check(); err != nil {
		return err
	}
	if len(ids) != len(sketches) {
		return fmt.Errorf("storing sketches: %d ids for %d sketches", len(ids), len(sketches))
	}
	if len(ids) == 0 {
		return nil
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("storing sketches: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	st, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO article_sketches (article_id, sketch) VALUES (?, ?)`)
	if err != nil {
		return fmt.Errorf("storing sketches: %w", err)
	}
	defer st.Close()
	for i, id := range ids {
		if _, err := st.ExecContext(ctx, id, sketches[i]); err != nil {
			return fmt.Errorf("storing the sketch of %s: %w", id, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("storing sketches: %w", err)
	}
	return nil
}

// Sketches calls fn with every stored sketch, in the order they were first
// stored, with the article's canonical copy ("" when canonical). The sketch
// slice is only valid during the call.
func (db *DB) Sketches(ctx context.Context, fn func(id, dupOf string, sketch []byte) error) error {
	if err := db.check(); err != nil {
		return err
	}
	rows, err := db.r.QueryContext(ctx, `SELECT s.article_id, COALESCE(a.dup_of, ''), s.sketch
		FROM article_sketches s LEFT JOIN articles a ON a.id = s.article_id ORDER BY s.rowid`)
	if err != nil {
		return fmt.Errorf("reading sketches: %w", err)
	}
	defer rows.Close()
	var id, dup string
	var sk []byte
	for rows.Next() {
		if err := rows.Scan(&id, &dup, &sk); err != nil {
			return fmt.Errorf("reading sketches: %w", err)
		}
		if err := fn(id, dup, sk); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading sketches: %w", err)
	}
	return nil
}
