package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// Checkpoints. In WAL mode every commit appends pages to the write-ahead
// log, and a checkpoint copies them back into the database file. SQLite
// runs it inside the commit that crosses wal_autocheckpoint, on the
// writer's critical path; here a background connection runs a passive
// checkpoint (which never blocks the writer or the readers) at most every
// checkpointEvery while writes go on, so the writer only commits. The
// writer's own automatic checkpoint stays as a backstop, at a threshold
// the background one keeps the log under.

// checkpointEvery is the least time between two background checkpoints.
const checkpointEvery = time.Second

// writerAutoCheckpoint is the writer connection's wal_autocheckpoint (in
// pages): a backstop in case the background checkpointer falls behind.
const writerAutoCheckpoint = 16000

// checkpointer runs passive checkpoints on its own connection when
// signalled after commits.
type checkpointer struct {
	db   *sql.DB
	kick chan struct{}
	stop chan struct{}
	wg   sync.WaitGroup
}

// startCheckpointer opens a connection to path and starts the loop.
func startCheckpointer(path string) (*checkpointer, error) {
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("opening %s for checkpoints: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	c := &checkpointer{db: db, kick: make(chan struct{}, 1), stop: make(chan struct{})}
	c.wg.Add(1)
	go c.loop()
	return c, nil
}

// committed tells the checkpointer that a transaction was committed.
func (c *checkpointer) committed() {
	if c == nil {
		return
	}
	select {
	case c.kick <- struct{}{}:
	default:
	}
}

func (c *checkpointer) loop() {
	defer c.wg.Done()
	var last time.Time
	for {
		select {
		case <-c.stop:
			return
		case <-c.kick:
		}
		if wait := checkpointEvery - time.Since(last); wait > 0 {
			select {
			case <-c.stop:
				return
			case <-time.After(wait):
			}
		}
		last = time.Now()
		if _, err := c.db.ExecContext(context.Background(), `PRAGMA wal_checkpoint(PASSIVE)`); err != nil {
			slog.Debug("background checkpoint", "err", err)
		}
	}
}

// close stops the loop and closes the connection.
func (c *checkpointer) close() error {
	if c == nil {
		return nil
	}
	close(c.stop)
	c.wg.Wait()
	return c.db.Close()
}
