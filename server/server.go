// Package server serves vigie over HTTP: a JSON API under /api/v1
// (search with facets, articles with their annotations, entities, events,
// timelines, actor networks, exports, stories, ingest), described by an
// OpenAPI 3 document at /api/v1/openapi.json, health and readiness probes,
// Prometheus metrics at /metrics, and the embedded web UI at /.
//
// Every response carries a strict Content-Security-Policy and the usual
// security headers; bad input gets a 4xx JSON error
// {"error":{"code":..,"message":..}}, never a 500 or a panic.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/kb"
	"github.com/vigie-news/vigie/server/ui"
	"github.com/vigie-news/vigie/store"
)

// DefaultMaxBodyBytes is the default limit on an ingest request body.
const DefaultMaxBodyBytes = 16 << 20

// maxQueryBytes caps the length of a request's query string.
const maxQueryBytes = 4096

// Options configure a Server. The zero value serves a read-only API.
type Options struct {
	// KB gives the roles and aliases of entities on entity pages (optional).
	KB *kb.KB
	// Logger receives request errors and recovered panics (default: discard).
	Logger *slog.Logger
	// IngestToken enables POST /api/v1/articles for requests carrying
	// "Authorization: Bearer <IngestToken>"; ingest is off when empty.
	IngestToken string
	// Analyze annotates an article before it is stored (the CLI passes its
	// analysis pipeline); articles are stored as read when nil.
	Analyze func(ctx context.Context, a *article.Article) error
	// Read parses an ingest body (named "request.jsonl") into articles and
	// per-record errors; ingest.ReadBytes is used when nil.
	Read func(name string, data []byte) ([]*article.Article, []error)
	// AfterPut is called with the articles an ingest request stored (for
	// example to update cross-article stories); optional.
	AfterPut func(ctx context.Context, arts []*article.Article) error
	// MaxBodyBytes caps an ingest body (default DefaultMaxBodyBytes).
	MaxBodyBytes int64
	// UI overrides the embedded web UI files (tests); nil for the embedded UI.
	UI fs.FS
	// CacheEntries caps the cache of GET API responses (default 2048;
	// negative disables it). CacheTTL is how long an answer is reused
	// (default 30s); an ingest over HTTP empties the cache.
	CacheEntries int
	CacheTTL     time.Duration
	// MaxActive caps the API requests working on the store at once
	// (default GOMAXPROCS: store queries are CPU-bound, and more of them
	// at once only slow each other and the cached answers; negative: no
	// limit). Up to MaxQueued more
	// (default 512) wait at most QueueTimeout (default 10s) for a turn;
	// requests beyond that get 503 with Retry-After. Cached answers and
	// static files never wait.
	MaxActive    int
	MaxQueued    int
	QueueTimeout time.Duration
}

// Server is vigie's HTTP handler. Create it with New.
type Server struct {
	st      store.Store
	opts    Options
	log     *slog.Logger
	mux     *http.ServeMux
	handler http.Handler
	routes  []*route
	metrics *metrics
	openapi []byte
	cache   *respCache
	limiter *limiter
}

// New returns a Server answering from st.
func New(st store.Store, opts Options) *Server {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opts.Read == nil {
		opts.Read = readBytes
	}
	s := &Server{st: st, opts: opts, log: opts.Logger, mux: http.NewServeMux(), metrics: newMetrics()}
	if opts.CacheEntries >= 0 {
		n, ttl := opts.CacheEntries, opts.CacheTTL
		if n == 0 {
			n = 2048
		}
		if ttl <= 0 {
			ttl = 30 * time.Second
		}
		s.cache = newRespCache(n, ttl)
	}
	if opts.MaxActive >= 0 {
		n, q, t := opts.MaxActive, opts.MaxQueued, opts.QueueTimeout
		if n == 0 {
			n = runtime.GOMAXPROCS(0)
		}
		if q <= 0 {
			q = 512
		}
		if t <= 0 {
			t = 10 * time.Second
		}
		s.limiter = newLimiter(n, q, t)
	}
	s.routes = s.apiRoutes()
	byPattern := map[string][]*route{}
	var patterns []string
	for _, rt := range s.routes {
		if _, ok := byPattern[rt.path]; !ok {
			patterns = append(patterns, rt.path)
		}
		byPattern[rt.path] = append(byPattern[rt.path], rt)
	}
	for _, p := range patterns {
		s.mux.Handle(p, s.dispatch(p, byPattern[p]))
	}
	s.mux.Handle("/api/", s.instrument("/api/", func(w http.ResponseWriter, r *http.Request) error {
		return errorf(http.StatusNotFound, "not_found", "no API endpoint %s %s (see /api/v1/openapi.json)", r.Method, r.URL.Path)
	}))
	s.mux.Handle("/healthz", s.instrument("/healthz", s.healthz))
	s.mux.Handle("/readyz", s.instrument("/readyz", s.readyz))
	s.mux.Handle("/metrics", s.instrument("/metrics", s.serveMetrics))
	uiFS := opts.UI
	if uiFS == nil {
		uiFS = ui.FS()
	}
	s.mux.Handle("/", s.instrument("/", s.uiHandler(uiFS)))
	doc, err := json.MarshalIndent(s.openAPI(), "", "  ")
	if err != nil { // the document is built from constants: cannot fail
		panic(fmt.Sprintf("server: building OpenAPI document: %v", err))
	}
	s.openapi = append(doc, '\n')
	s.handler = s.recoverer(securityHeaders(s.mux))
	return s
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// OpenAPI returns the OpenAPI 3 document served at /api/v1/openapi.json.
func (s *Server) OpenAPI() []byte { return s.openapi }

// dispatch routes one path pattern by method, answering 405 with a JSON
// error for the others.
func (s *Server) dispatch(pattern string, rts []*route) http.Handler {
	hs := map[string]http.Handler{}
	var allow []string
	for _, rt := range rts {
		rt := rt
		hs[rt.method] = s.instrument(pattern, func(w http.ResponseWriter, r *http.Request) error {
			if err := checkQuery(r, rt); err != nil {
				return err
			}
			if rt.id == "openapi" {
				return rt.h(w, r)
			}
			h := s.limit(rt.h)
			if s.cache != nil && rt.method == http.MethodGet && rt.produces == "" {
				return s.cache.serve(w, r, r.URL.Path+"?"+r.URL.RawQuery, h)
			}
			return h(w, r)
		})
		allow = append(allow, rt.method)
		if rt.method == http.MethodGet {
			allow = append(allow, http.MethodHead)
		}
	}
	sort.Strings(allow)
	allowHdr := strings.Join(allow, ", ")
	notAllowed := s.instrument(pattern, func(w http.ResponseWriter, r *http.Request) error {
		w.Header().Set("Allow", allowHdr)
		return errorf(http.StatusMethodNotAllowed, "method_not_allowed", "%s does not accept %s (allowed: %s)", pattern, r.Method, allowHdr)
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m := r.Method
		if m == http.MethodHead {
			m = http.MethodGet
		}
		if h, ok := hs[m]; ok {
			h.ServeHTTP(w, r)
			return
		}
		notAllowed.ServeHTTP(w, r)
	})
}

// handlerFunc is a handler that may fail; instrument writes its error.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// instrument counts and times requests under the label route and turns
// returned errors into JSON error responses.
func (s *Server) instrument(label string, h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		s.metrics.inFlight.Add(1)
		defer func() {
			s.metrics.inFlight.Add(-1)
			s.metrics.observe(label, r.Method, rec.status, time.Since(start))
		}()
		if err := h(rec, r); err != nil {
			s.writeError(rec, r, err)
		}
	})
}

// statusRecorder remembers the status code written.
type statusRecorder struct {
	http.ResponseWriter
	status  int
	written bool
}

func (w *statusRecorder) WriteHeader(code int) {
	if !w.written {
		w.status = code
		w.written = true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	w.written = true
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// securityHeaders sets the Content-Security-Policy and related headers on
// every response.
func securityHeaders(next http.Handler) http.Handler {
	const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
		"connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
		next.ServeHTTP(w, r)
	})
}

// recoverer turns a panic in a handler into a logged 500 JSON error.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.metrics.panics.Add(1)
			s.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			writeJSONError(w, http.StatusInternalServerError, "internal", "internal error")
		}()
		next.ServeHTTP(w, r)
	})
}

// apiError is an error with an HTTP status and a machine-readable code.
type apiError struct {
	status  int
	code    string
	message string
}

func (e *apiError) Error() string { return e.message }

func errorf(status int, code, format string, a ...any) error {
	return &apiError{status: status, code: code, message: fmt.Sprintf(format, a...)}
}

func badRequest(format string, a ...any) error {
	return errorf(http.StatusBadRequest, "bad_request", format, a...)
}

// writeError maps err to a status and writes it as JSON.
func (s *Server) writeError(w *statusRecorder, r *http.Request, err error) {
	var ae *apiError
	switch {
	case errors.As(err, &ae):
	case errors.Is(err, store.ErrNotFound):
		ae = &apiError{http.StatusNotFound, "not_found", err.Error()}
	case errors.Is(err, store.ErrInvalid):
		ae = &apiError{http.StatusBadRequest, "bad_request", err.Error()}
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		ae = &apiError{499, "canceled", "request canceled"}
	case errors.Is(err, context.DeadlineExceeded):
		ae = &apiError{http.StatusServiceUnavailable, "timeout", "the request took too long"}
	case errors.Is(err, store.ErrClosed):
		ae = &apiError{http.StatusServiceUnavailable, "unavailable", "the store is closed"}
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		ae = &apiError{http.StatusInternalServerError, "internal", "internal error"}
	}
	if w.written {
		s.log.Warn("error after response started", "path", r.URL.Path, "err", err)
		return
	}
	writeJSONError(w, ae.status, ae.code, ae.message)
}

func writeJSONError(w http.ResponseWriter, status int, code, msg string) {
	type body struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]body{"error": {Code: code, Message: msg}})
}

// writeJSON writes v as a 200 JSON response.
func writeJSON(w http.ResponseWriter, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encoding response: %w", err)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	return writeJSON(w, map[string]string{"status": "ok"})
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if _, err := s.st.Stats(ctx); err != nil {
		s.log.Warn("readiness check failed", "err", err)
		return errorf(http.StatusServiceUnavailable, "not_ready", "the store does not answer")
	}
	return writeJSON(w, map[string]string{"status": "ready"})
}
