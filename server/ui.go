package server

import (
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// uiHandler serves the web UI: index.html at / and its assets (gzipped
// for clients that accept it); unknown paths get a JSON 404.
func (s *Server) uiHandler(fsys fs.FS) handlerFunc {
	files := http.FileServerFS(fsys)
	gz := newGzipFiles(fsys)
	return func(w http.ResponseWriter, r *http.Request) error {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			return errorf(http.StatusMethodNotAllowed, "method_not_allowed", "%s does not accept %s", r.URL.Path, r.Method)
		}
		p := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if p == "" || p == "index.html" {
			b, err := fs.ReadFile(fsys, "index.html")
			if err != nil {
				return errorf(http.StatusNotFound, "not_found", "the web UI is not built into this binary")
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-cache")
			_, err = w.Write(b)
			return err
		}
		if _, err := fs.Stat(fsys, p); err != nil {
			return errorf(http.StatusNotFound, "not_found", "no such page %s", r.URL.Path)
		}
		if strings.HasPrefix(p, "assets/") {
			w.Header().Set("Cache-Control", "public, max-age=3600")
		}
		if gz.serve(w, r, p) {
			return nil
		}
		files.ServeHTTP(w, r)
		return nil
	}
}
