package server

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/ingest"
)

// readBytes is the default Options.Read: the ingest package's readers.
func readBytes(name string, data []byte) ([]*article.Article, []error) {
	var arts []*article.Article
	var errs []error
	for _, it := range ingest.ReadBytes(name, data, ingest.Options{}) {
		if it.Err != nil {
			errs = append(errs, it.Err)
			continue
		}
		arts = append(arts, it.Article)
	}
	return arts, errs
}

// IngestResult is the response of POST /api/v1/articles.
type IngestResult struct {
	Stored []IngestedArticle `json:"stored"`
	Errors []string          `json:"errors"`
}

// IngestedArticle reports one stored article.
type IngestedArticle struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	New        bool   `json:"new"`
	Reanalysed bool   `json:"reanalysed"`
	Mentions   int    `json:"mentions"`
	Events     int    `json:"events"`
}

// authorized checks the bearer token in constant time.
func (s *Server) authorized(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	const prefix = "Bearer "
	if len(h) <= len(prefix) || !strings.EqualFold(h[:len(prefix)], prefix) {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(h[len(prefix):])), []byte(s.opts.IngestToken)) == 1
}

func (s *Server) ingest(w http.ResponseWriter, r *http.Request) error {
	if s.opts.IngestToken == "" {
		return errorf(http.StatusForbidden, "ingest_disabled", "ingest over HTTP is disabled: start the server with an ingest token")
	}
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="vigie ingest"`)
		return errorf(http.StatusUnauthorized, "unauthorized", "missing or wrong bearer token")
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt := strings.ToLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
		switch mt {
		case "application/json", "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "text/plain":
		default:
			return errorf(http.StatusUnsupportedMediaType, "unsupported_media_type", "Content-Type %q: send application/json or application/x-ndjson", mt)
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxBodyBytes))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return errorf(http.StatusRequestEntityTooLarge, "too_large", "request body larger than %d bytes", s.opts.MaxBodyBytes)
		}
		return badRequest("reading request body: %v", err)
	}
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return badRequest("empty request body: send a JSON article or JSONL")
	}
	// A single (possibly pretty-printed) JSON object becomes one JSONL line.
	if body[0] == '{' && json.Valid(body) {
		var buf bytes.Buffer
		if err := json.Compact(&buf, body); err == nil {
			body = buf.Bytes()
		}
	} else if body[0] != '{' {
		return badRequest("request body is neither a JSON object nor JSON lines")
	}
	arts, errs := s.opts.Read("request.jsonl", body)
	res := IngestResult{Stored: []IngestedArticle{}, Errors: []string{}}
	for _, e := range errs {
		res.Errors = append(res.Errors, e.Error())
	}
	var keep []*article.Article
	for _, a := range arts {
		if a == nil || strings.TrimSpace(a.Text) == "" {
			continue
		}
		if a.ID == "" {
			a.ID = article.ComputeID(a.Text)
		}
		if s.opts.Analyze != nil {
			if err := s.opts.Analyze(r.Context(), a); err != nil {
				if r.Context().Err() != nil {
					return r.Context().Err()
				}
				res.Errors = append(res.Errors, fmt.Sprintf("analysing %s: %v", a.ID, err))
				continue
			}
		}
		keep = append(keep, a)
	}
	if len(keep) == 0 {
		if len(res.Errors) == 0 {
			res.Errors = append(res.Errors, "no article in the request body")
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusBadRequest)
		return json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": "no_article", "message": strings.Join(res.Errors, "; ")}, "errors": res.Errors})
	}
	put, err := s.st.PutArticles(r.Context(), keep)
	if err != nil {
		return fmt.Errorf("storing %d ingested articles: %w", len(keep), err)
	}
	if s.opts.AfterPut != nil {
		if err := s.opts.AfterPut(r.Context(), keep); err != nil {
			s.log.Warn("after-ingest hook failed", "err", err)
			res.Errors = append(res.Errors, "post-processing: "+err.Error())
		}
	}
	for i, pr := range put {
		a := keep[i]
		res.Stored = append(res.Stored, IngestedArticle{ID: pr.ID, Title: titleOf(a), New: pr.New, Reanalysed: pr.Reanalysed,
			Mentions: len(a.Mentions), Events: len(a.Events)})
	}
	s.metrics.ingested.Add(int64(len(keep)))
	if s.cache != nil {
		s.cache.purge()
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusCreated)
	return json.NewEncoder(w).Encode(res)
}
