// Package sqlite is vigie's embedded store: a single SQLite file (pure Go
// driver modernc.org/sqlite, no cgo) in WAL mode, with an FTS5 index of
// stemmed words and transliteration keys (see store/analysis).
//
// It implements store.Store; store/storetest holds the suite it passes.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync/atomic"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/vigie-news/vigie/store"
)

// DB is a store.Store backed by one SQLite database file.
type DB struct {
	path   string
	w      *sql.DB // writer: one connection, immediate transactions
	r      *sql.DB // readers: a small pool (the writer itself for :memory:)
	ckpt   *checkpointer
	closed atomic.Bool
}

var _ store.Store = (*DB)(nil)

// DefaultPath returns the default database location:
// $XDG_DATA_HOME/vigie/vigie.db, else ~/.local/share/vigie/vigie.db.
func DefaultPath() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "vigie", "vigie.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("finding the home directory for the default database path: %w", err)
	}
	return filepath.Join(home, ".local", "share", "vigie", "vigie.db"), nil
}

const pragmas = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)" +
	"&_pragma=foreign_keys(ON)&_pragma=temp_store(MEMORY)&_pragma=cache_size(-32000)"

func dsn(path string, readOnly bool) string {
	if path == ":memory:" {
		return "file::memory:?" + pragmas
	}
	u := (&url.URL{Path: path}).EscapedPath()
	d := "file:" + u + "?" + pragmas
	if readOnly {
		return d + "&_pragma=query_only(1)&_pragma=mmap_size(268435456)"
	}
	return d + "&_pragma=wal_autocheckpoint(" + strconv.Itoa(writerAutoCheckpoint) + ")&_pragma=journal_size_limit(67108864)&_txlock=immediate"
}

// Open opens (creating it and its parent directories if needed) the
// database at path and brings its schema up to date. ":memory:" opens a
// private in-memory database.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, fmt.Errorf("opening store: empty path: %w", store.ErrInvalid)
	}
	if path != ":memory:" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("creating directory for %s: %w", path, err)
		}
	}
	w, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := w.PingContext(ctx); err != nil {
		_ = w.Close()
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	if _, err := migrate(ctx, w); err != nil {
		_ = w.Close()
		return nil, fmt.Errorf("migrating %s: %w", path, err)
	}
	if err := reindex(ctx, w); err != nil {
		_ = w.Close()
		return nil, fmt.Errorf("re-indexing %s: %w", path, err)
	}
	db := &DB{path: path, w: w, r: w}
	if path != ":memory:" {
		r, err := sql.Open("sqlite", dsn(path, true))
		if err != nil {
			_ = w.Close()
			return nil, fmt.Errorf("opening %s for reading: %w", path, err)
		}
		n := ReadConns()
		r.SetMaxOpenConns(n)
		r.SetMaxIdleConns(n)
		db.r = r
		if db.ckpt, err = startCheckpointer(path); err != nil {
			_ = r.Close()
			_ = w.Close()
			return nil, err
		}
	}
	return db, nil
}

// ReadConns is the size of the pool of read-only connections: two per
// usable core (at least 4), so that readers, which never wait for the
// writer in WAL mode, keep every core busy while some wait on the disk.
func ReadConns() int { return max(4, 2*runtime.GOMAXPROCS(0)) }

// Path returns the database file path.
func (db *DB) Path() string { return db.path }

// Close closes the database. It is safe to call more than once.
func (db *DB) Close() error {
	if db.closed.Swap(true) {
		return nil
	}
	var errs []error
	errs = append(errs, db.ckpt.close())
	if db.r != db.w {
		errs = append(errs, db.r.Close())
	}
	if _, err := db.w.Exec(`PRAGMA optimize`); err != nil {
		errs = append(errs, fmt.Errorf("optimizing on close: %w", err))
	}
	errs = append(errs, db.w.Close())
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("closing %s: %w", db.path, err)
	}
	return nil
}

func (db *DB) check() error {
	if db.closed.Load() {
		return store.ErrClosed
	}
	return nil
}
