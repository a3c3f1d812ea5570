package server

import (
	"context"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"
)

// limiter bounds the requests that work on the store at once and the
// requests waiting for a turn: a request that finds the queue full, or
// waits longer than the queue timeout, is refused with 503 and a
// Retry-After header instead of making every later request slower.
type limiter struct {
	slots   chan struct{}
	waiting atomic.Int64
	maxWait int64
	timeout time.Duration
	refused atomic.Int64
}

func newLimiter(running, waiting int, timeout time.Duration) *limiter {
	return &limiter{slots: make(chan struct{}, running), maxWait: int64(waiting), timeout: timeout}
}

// retryAfter is the Retry-After value (seconds) of a refused request.
const retryAfter = 1

// errBusy is what a refused request answers.
func errBusy() error {
	return errorf(http.StatusServiceUnavailable, "busy", "the server is busy: retry in %d s", retryAfter)
}

// acquire waits for a turn; release must be called once the work is done.
func (l *limiter) acquire(ctx context.Context) (release func(), err error) {
	release = func() { <-l.slots }
	select {
	case l.slots <- struct{}{}:
		return release, nil
	default:
	}
	if l.waiting.Add(1) > l.maxWait {
		l.waiting.Add(-1)
		l.refused.Add(1)
		return nil, errBusy()
	}
	defer l.waiting.Add(-1)
	t := time.NewTimer(l.timeout)
	defer t.Stop()
	select {
	case l.slots <- struct{}{}:
		return release, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-t.C:
		l.refused.Add(1)
		return nil, errBusy()
	}
}

// limit runs h when the limiter gives it a turn.
func (s *Server) limit(h handlerFunc) handlerFunc {
	if s.limiter == nil {
		return h
	}
	return func(w http.ResponseWriter, r *http.Request) error {
		release, err := s.limiter.acquire(r.Context())
		if err != nil {
			w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
			return err
		}
		defer release()
		return h(w, r)
	}
}
