package server

import (
	"bytes"
	"container/list"
	"net/http"
	"sync"
	"time"
)

// respCache keeps recent GET API responses (200s only), bounded by entry
// count and bytes, expiring after a TTL and purged by ingest. Concurrent
// misses on one key wait for a single computation.
type respCache struct {
	mu       sync.Mutex
	max      int
	maxBytes int
	ttl      time.Duration
	bytes    int
	lru      *list.List
	entries  map[string]*list.Element
	inflight map[string]*sync.WaitGroup
	gen      uint64
}

type cached struct {
	key    string
	header http.Header
	body   []byte
	at     time.Time
}

func newRespCache(max int, ttl time.Duration) *respCache {
	return &respCache{max: max, maxBytes: 64 << 20, ttl: ttl, lru: list.New(), entries: map[string]*list.Element{}, inflight: map[string]*sync.WaitGroup{}}
}

func (c *respCache) get(key string) *cached {
	if el, ok := c.entries[key]; ok {
		e := el.Value.(*cached)
		if time.Since(e.at) < c.ttl {
			c.lru.MoveToFront(el)
			return e
		}
		c.remove(el)
	}
	return nil
}

func (c *respCache) remove(el *list.Element) {
	e := el.Value.(*cached)
	c.bytes -= len(e.body)
	delete(c.entries, e.key)
	c.lru.Remove(el)
}

// purge drops every entry (after an ingest).
func (c *respCache) purge() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.lru.Init()
	c.entries = map[string]*list.Element{}
	c.bytes = 0
}

// bufferWriter captures a response.
type bufferWriter struct {
	header http.Header
	status int
	buf    bytes.Buffer
}

func (b *bufferWriter) Header() http.Header         { return b.header }
func (b *bufferWriter) Write(p []byte) (int, error) { return b.buf.Write(p) }
func (b *bufferWriter) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

// serve answers from the cache or runs h and caches a 200 answer.
func (c *respCache) serve(w http.ResponseWriter, r *http.Request, key string, h handlerFunc) error {
	for {
		c.mu.Lock()
		if e := c.get(key); e != nil {
			c.mu.Unlock()
			for k, v := range e.header {
				w.Header()[k] = v
			}
			w.Header().Set("X-Cache", "hit")
			_, err := w.Write(e.body)
			return err
		}
		wg, busy := c.inflight[key]
		if !busy {
			wg = &sync.WaitGroup{}
			wg.Add(1)
			c.inflight[key] = wg
			c.mu.Unlock()
			break
		}
		c.mu.Unlock()
		wg.Wait()
	}
	c.mu.Lock()
	gen := c.gen
	c.mu.Unlock()
	bw := &bufferWriter{header: http.Header{}}
	err := h(bw, r)
	c.mu.Lock()
	wg := c.inflight[key]
	delete(c.inflight, key)
	if err == nil && (bw.status == 0 || bw.status == http.StatusOK) && gen == c.gen && bw.buf.Len() <= 4<<20 {
		if old, ok := c.entries[key]; ok {
			c.remove(old)
		}
		e := &cached{key: key, header: bw.header.Clone(), body: bytes.Clone(bw.buf.Bytes()), at: time.Now()}
		c.entries[key] = c.lru.PushFront(e)
		c.bytes += len(e.body)
		for c.lru.Len() > c.max || c.bytes > c.maxBytes {
			c.remove(c.lru.Back())
		}
	}
	c.mu.Unlock()
	wg.Done()
	if err != nil {
		for k, v := range bw.header { // e.g. Retry-After or Allow
			w.Header()[k] = v
		}
		return err
	}
	for k, v := range bw.header {
		w.Header()[k] = v
	}
	w.Header().Set("X-Cache", "miss")
	if bw.status != 0 {
		w.WriteHeader(bw.status)
	}
	_, werr := w.Write(bw.buf.Bytes())
	return werr
}
