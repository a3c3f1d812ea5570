package server

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// gzipFiles keeps gzip copies of the compressible UI files, made on first
// request and kept for the life of the server (the files are embedded, so
// they never change).
type gzipFiles struct {
	fsys fs.FS
	mu   sync.Mutex
	m    map[string]*gzipFile
}

type gzipFile struct {
	once sync.Once
	body []byte // nil when compression does not pay
}

// compressible lists the extensions worth compressing.
var compressible = map[string]bool{".js": true, ".css": true, ".html": true, ".svg": true, ".txt": true, ".json": true, ".map": true}

// minGzipBytes is the size under which files are sent as they are.
const minGzipBytes = 1024

func newGzipFiles(fsys fs.FS) *gzipFiles { return &gzipFiles{fsys: fsys, m: map[string]*gzipFile{}} }

// get returns the gzip copy of the file at p, or nil.
func (g *gzipFiles) get(p string) []byte {
	if !compressible[path.Ext(p)] {
		return nil
	}
	g.mu.Lock()
	f := g.m[p]
	if f == nil {
		f = &gzipFile{}
		g.m[p] = f
	}
	g.mu.Unlock()
	f.once.Do(func() {
		raw, err := fs.ReadFile(g.fsys, p)
		if err != nil || len(raw) < minGzipBytes {
			return
		}
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression) // the level is valid
		if _, err := zw.Write(raw); err != nil {
			return
		}
		if err := zw.Close(); err != nil || b.Len() >= len(raw) {
			return
		}
		f.body = b.Bytes()
	})
	return f.body
}

// serve writes the gzip copy of p when the client accepts gzip and there
// is one, and reports whether it did. It sets Vary for compressible files
// either way.
func (g *gzipFiles) serve(w http.ResponseWriter, r *http.Request, p string) bool {
	if !compressible[path.Ext(p)] {
		return false
	}
	w.Header().Add("Vary", "Accept-Encoding")
	if !acceptsGzip(r.Header.Get("Accept-Encoding")) {
		return false
	}
	body := g.get(p)
	if body == nil {
		return false
	}
	ctype := mime.TypeByExtension(path.Ext(p))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Encoding", "gzip")
	http.ServeContent(w, r, p, time.Time{}, bytes.NewReader(body))
	return true
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != "gzip" && name != "*" {
			continue
		}
		q := 1.0
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.TrimSpace(k) == "q" {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
				q = f
			}
		}
		return q > 0
	}
	return false
}
