package server

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"context"
	"encoding/csv"

	"github.com/vigie-news/vigie/article"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

func do(t testing.TB, h http.Handler, method, target string, body io.Reader, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func decode(t testing.TB, rec *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
		t.Fatalf("response is not JSON: %v\n%s", err, rec.Body.String())
	}
	return m
}

func TestEndpoints(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	tests := []struct {
		name, target string
		status       int
		contains     []string
	}{
		{"search", "/api/v1/search?q=paix", 200, []string{`"facets"`, `"match":true`, `"Q227"`, `"AGREE"`}},
		{"search entity facet filter", "/api/v1/search?q=paix&entity=Q20", 200, []string{`"total":1`}},
		{"search type filter", "/api/v1/search?q=paix&type=agree", 200, []string{`"total":1`, `"AGREE"`}},
		{"search month", "/api/v1/search?q=paix&month=2024-01", 200, []string{`"total":1`}},
		{"search paging", "/api/v1/search?q=paix&limit=1", 200, []string{`"next_cursor"`}},
		{"search no term", "/api/v1/search?q=-paix", 400, []string{`"bad_request"`}},
		{"search missing q", "/api/v1/search", 400, []string{`\"q\" is required`}},
		{"search bad limit", "/api/v1/search?q=paix&limit=0", 400, []string{"limit"}},
		{"search bad date", "/api/v1/search?q=paix&from=2023-13-40", 400, []string{"from"}},
		{"search bad month", "/api/v1/search?q=paix&month=2023", 400, []string{"month"}},
		{"search bad cursor", "/api/v1/search?q=paix&cursor=zzz", 400, []string{"cursor"}},
		{"search unknown param", "/api/v1/search?q=paix&foo=1", 400, []string{"unknown query parameter"}},
		{"search repeated param", "/api/v1/search?q=paix&q=guerre", 400, []string{"given 2 times"}},
		{"search malformed query", "/api/v1/search?q=%zz", 400, []string{"malformed query string"}},
		{"stats", "/api/v1/stats", 200, []string{`"articles":4`}},
		{"articles", "/api/v1/articles?limit=2", 200, []string{`"next_cursor"`}},
		{"articles by outlet", "/api/v1/articles?outlet=beta.az", 200, []string{"Bayramov accuses"}},
		{"entities", "/api/v1/entities", 200, []string{`"Q20"`, `"Ararat Mirzoyan"`}},
		{"entities q", "/api/v1/entities?q=bayr", 200, []string{`"Q21"`}},
		{"entity", "/api/v1/entities/Q20", 200, []string{`"aliases"`, `"co_occurring"`, `"CONSULT"`}},
		{"entity by name", "/api/v1/entities/ararat%20mirzoyan", 200, []string{`"Q20"`}},
		{"entity missing", "/api/v1/entities/Q999999", 404, []string{`"not_found"`}},
		{"events", "/api/v1/events", 200, []string{`"CONSULT"`, `"ACCUSE"`}},
		{"events filtered", "/api/v1/events?type=accuse&actor=Q21&from=2023&to=2023-12&outlet=beta.az", 200, []string{`"ACCUSE"`}},
		{"events page", "/api/v1/events?limit=1", 200, []string{`"next_cursor"`}},
		{"events bad all", "/api/v1/events?all=maybe", 400, []string{"all"}},
		{"event missing", "/api/v1/events/nope", 404, []string{`"not_found"`}},
		{"timeline month", "/api/v1/timeline", 200, []string{`"buckets":["2023-05","2023-06"`, `"CONSULT"`}},
		{"timeline week actor", "/api/v1/timeline?interval=week&by=actor", 200, []string{`"2023-05-01"`, `"Q21"`}},
		{"timeline day", "/api/v1/timeline?interval=day&type=CONSULT", 200, []string{`"2023-05-02"`}},
		{"timeline bad interval", "/api/v1/timeline?interval=year", 400, []string{"interval"}},
		{"network", "/api/v1/network", 200, []string{`"source":"Q20"`, `"target":"Q21"`, `"weight":2`}},
		{"network min weight", "/api/v1/network?min_weight=3", 200, []string{`"edges":[]`}},
		{"network bad", "/api/v1/network?max_edges=-1", 400, []string{"max_edges"}},
		{"stories", "/api/v1/stories", 200, []string{`"stories":[]`}},
		{"story missing", "/api/v1/stories/s1", 404, []string{`"not_found"`}},
		{"unknown api", "/api/v1/nothing", 404, []string{`"not_found"`}},
		{"healthz", "/healthz", 200, []string{`"ok"`}},
		{"readyz", "/readyz", 200, []string{`"ready"`}},
		{"metrics", "/metrics", 200, []string{"vigie_http_requests_total", "go_goroutines"}},
		{"openapi", "/api/v1/openapi.json", 200, []string{`"openapi": "3.0.3"`}},
		{"ui index", "/", 200, []string{"<"}},
		{"ui missing", "/nope.js", 404, []string{"not_found"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, srv, "GET", tc.target, nil)
			if rec.Code != tc.status {
				t.Fatalf("GET %s: status %d, want %d\n%s", tc.target, rec.Code, tc.status, rec.Body.String())
			}
			for _, c := range tc.contains {
				if !strings.Contains(rec.Body.String(), c) {
					t.Errorf("GET %s: body lacks %s\n%s", tc.target, c, rec.Body.String())
				}
			}
			if rec.Code >= 400 && !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
				t.Errorf("error response has Content-Type %q", rec.Header().Get("Content-Type"))
			}
		})
	}
}

func TestArticleAndEvent(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	rec := do(t, srv, "GET", "/api/v1/events?type=AGREE", nil)
	var evs EventList
	if err := json.Unmarshal(rec.Body.Bytes(), &evs); err != nil || len(evs.Events) != 1 {
		t.Fatalf("events: %v %s", err, rec.Body.String())
	}
	ev := evs.Events[0]
	rec = do(t, srv, "GET", "/api/v1/articles/"+ev.ArticleID, nil)
	var a ArticleDetail
	if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil {
		t.Fatal(err)
	}
	if len(a.Mentions) != 2 || len(a.Events) != 1 || len(a.Paths) != 1 {
		t.Fatalf("article annotations: %+v", a)
	}
	for _, m := range a.Mentions {
		if a.Text[m.Start:m.End] != m.Text {
			t.Errorf("mention offsets %d:%d give %q, want %q", m.Start, m.End, a.Text[m.Start:m.End], m.Text)
		}
	}
	// Article text is returned as data: JSON-escaped, never interpreted.
	if strings.Contains(rec.Body.String(), "<script>") {
		t.Errorf("raw <script> in JSON output")
	}
	rec = do(t, srv, "GET", "/api/v1/events/"+ev.ID, nil)
	var ep EventPage
	if err := json.Unmarshal(rec.Body.Bytes(), &ep); err != nil || ep.Event == nil || len(ep.Sentences) == 0 {
		t.Fatalf("event page: %v %s", err, rec.Body.String())
	}
	for _, bad := range []string{"/api/v1/articles/nope", "/api/v1/articles/%00x"} {
		rec = do(t, srv, "GET", bad, nil)
		if rec.Code != 404 && rec.Code != 400 {
			t.Errorf("GET %s: %d", bad, rec.Code)
		}
	}
}

func TestPaginationWalk(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	seen := map[string]bool{}
	target := "/api/v1/articles?limit=1"
	for i := 0; i < 10; i++ {
		rec := do(t, srv, "GET", target, nil)
		var l ArticleList
		if err := json.Unmarshal(rec.Body.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		for _, a := range l.Articles {
			if seen[a.ID] {
				t.Fatalf("article %s twice", a.ID)
			}
			seen[a.ID] = true
		}
		if l.NextCursor == "" {
			break
		}
		target = "/api/v1/articles?limit=1&cursor=" + l.NextCursor
	}
	if len(seen) != 4 {
		t.Errorf("walked %d articles, want 4", len(seen))
	}
}

func TestSecurityHeaders(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	for _, target := range []string{"/", "/api/v1/stats", "/api/v1/nothing", "/metrics"} {
		rec := do(t, srv, "GET", target, nil)
		h := rec.Header()
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", target, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("%s: CSP allows unsafe code: %q", target, csp)
		}
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"} {
			if h.Get(k) != v {
				t.Errorf("%s: %s = %q, want %q", target, k, h.Get(k), v)
			}
		}
	}
}

func TestMethodNotAllowed(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	for _, c := range []struct{ method, target string }{{"DELETE", "/api/v1/events"}, {"POST", "/api/v1/search?q=x"}, {"PUT", "/api/v1/articles"}, {"POST", "/"}} {
		rec := do(t, srv, c.method, c.target, nil)
		if rec.Code != 405 || rec.Header().Get("Allow") == "" {
			t.Errorf("%s %s: %d, Allow %q", c.method, c.target, rec.Code, rec.Header().Get("Allow"))
		}
	}
	if rec := do(t, srv, "HEAD", "/api/v1/stats", nil); rec.Code != 200 {
		t.Errorf("HEAD: %d", rec.Code)
	}
}

func TestLongQuery(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	rec := do(t, srv, "GET", "/api/v1/search?q="+strings.Repeat("a", 5000), nil)
	if rec.Code != http.StatusRequestURITooLong {
		t.Errorf("long query: %d", rec.Code)
	}
	rec = do(t, srv, "GET", "/api/v1/search?q="+strings.Repeat("a", 600), nil)
	if rec.Code != 400 {
		t.Errorf("long parameter: %d", rec.Code)
	}
}

func TestIngest(t *testing.T) {
	analysed := 0
	srv, _ := newTestServer(t, Options{IngestToken: "s3cret", MaxBodyBytes: 4096,
		Analyze: func(ctx context.Context, a *article.Article) error { analysed++; a.Lang = "fr"; return nil }})
	one := `{"title": "Un essai", "outlet": "test.fr", "published": "2024-03-05",
	  "text": "Un essai d'ingestion\nCeci est un texte écrit pour le test de l'ingestion par HTTP."}`
	jsonl := `{"text": "Première ligne de test\nUn texte court pour la première ligne."}
{"text": "Deuxième ligne de test\nUn autre texte court, pour la seconde ligne."}
{"nothing": true}`
	auth := []string{"Authorization", "Bearer s3cret", "Content-Type", "application/json"}
	tests := []struct {
		name   string
		body   string
		hdr    []string
		status int
		want   string
	}{
		{"one article", one, auth, 201, `"new":true`},
		{"jsonl", jsonl, []string{"Authorization", "Bearer s3cret", "Content-Type", "application/x-ndjson"}, 201, `neither`},
		{"no token", one, []string{"Content-Type", "application/json"}, 401, "unauthorized"},
		{"wrong token", one, []string{"Authorization", "Bearer nope"}, 401, "unauthorized"},
		{"bad json", `{"text": `, auth, 400, "no_article"},
		{"not json", `hello`, auth, 400, "bad_request"},
		{"empty", ``, auth, 400, "empty request body"},
		{"too large", `{"text": "` + strings.Repeat("x", 5000) + `"}`, auth, 413, "too_large"},
		{"media type", one, []string{"Authorization", "Bearer s3cret", "Content-Type", "application/xml"}, 415, "unsupported_media_type"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, srv, "POST", "/api/v1/articles", strings.NewReader(tc.body), tc.hdr...)
			if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.want) {
				t.Fatalf("status %d (want %d), body %s (want %q)", rec.Code, tc.status, rec.Body.String(), tc.want)
			}
		})
	}
	if analysed != 3 {
		t.Errorf("analysed %d articles, want 3", analysed)
	}
	rec := do(t, srv, "GET", "/api/v1/search?q=ingestion", nil)
	if !strings.Contains(rec.Body.String(), `"total":1`) {
		t.Errorf("ingested article not searchable: %s", rec.Body.String())
	}
	disabled, _ := newTestServer(t, Options{})
	if rec := do(t, disabled, "POST", "/api/v1/articles", strings.NewReader(one), auth...); rec.Code != 403 {
		t.Errorf("ingest without configured token: %d", rec.Code)
	}
}

func TestExports(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	rec := do(t, srv, "GET", "/api/v1/export/events.csv", nil)
	r := csv.NewReader(rec.Body)
	rows, err := r.ReadAll()
	if err != nil || len(rows) != 4 || rows[0][0] != "id" {
		t.Fatalf("CSV: %v %d rows", err, len(rows))
	}
	rec = do(t, srv, "GET", "/api/v1/export/events.jsonl?type=CONSULT", nil)
	if n := strings.Count(rec.Body.String(), "\n"); n != 1 {
		t.Errorf("JSONL: %d lines", n)
	}
	rec = do(t, srv, "GET", "/api/v1/export/network.gexf", nil)
	var doc gexfDoc
	if err := xml.Unmarshal(rec.Body.Bytes(), &doc); err != nil || len(doc.Graph.Nodes) < 2 || len(doc.Graph.Edges) < 1 {
		t.Fatalf("GEXF: %v %+v\n%s", err, doc.Graph, rec.Body.String())
	}
	if !strings.Contains(rec.Header().Get("Content-Disposition"), "vigie-network.gexf") {
		t.Errorf("GEXF disposition %q", rec.Header().Get("Content-Disposition"))
	}
	if got := csvSafe("=HYPERLINK(1)"); got != "'=HYPERLINK(1)" {
		t.Errorf("csvSafe: %q", got)
	}
}

func TestRecoverPanic(t *testing.T) {
	srv, st := newTestServer(t, Options{})
	_ = st
	h := srv.recoverer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { panic("boom") }))
	rec := do(t, h, "GET", "/", nil)
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), `"internal"`) {
		t.Errorf("panic: %d %s", rec.Code, rec.Body.String())
	}
}

func TestClosedStore(t *testing.T) {
	srv, st := newTestServer(t, Options{})
	st.Close()
	if rec := do(t, srv, "GET", "/readyz", nil); rec.Code != 503 {
		t.Errorf("readyz on a closed store: %d", rec.Code)
	}
	if rec := do(t, srv, "GET", "/api/v1/events", nil); rec.Code != 503 {
		t.Errorf("events on a closed store: %d %s", rec.Code, rec.Body.String())
	}
}

func TestUIOverride(t *testing.T) {
	st, _ := newTestServer(t, Options{})
	srv := New(st.st, Options{UI: fstest.MapFS{"index.html": {Data: []byte("<p>hi</p>")}, "assets/app.js": {Data: []byte("1")}}})
	if rec := do(t, srv, "GET", "/", nil); rec.Body.String() != "<p>hi</p>" {
		t.Errorf("index: %q", rec.Body.String())
	}
	if rec := do(t, srv, "GET", "/assets/app.js", nil); rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Type"), "javascript") {
		t.Errorf("asset: %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	if rec := do(t, srv, "GET", "/../../etc/passwd", nil); rec.Code != 404 && rec.Code != http.StatusTemporaryRedirect {
		t.Errorf("traversal: %d", rec.Code)
	}
}

func TestOpenAPIGolden(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	got := do(t, srv, "GET", "/api/v1/openapi.json", nil).Body.Bytes()
	var doc map[string]any
	if err := json.Unmarshal(got, &doc); err != nil {
		t.Fatal(err)
	}
	// Every route is documented.
	paths := doc["paths"].(map[string]any)
	for _, rt := range srv.routes {
		if _, ok := paths[rt.path]; !ok {
			t.Errorf("route %s missing from the document", rt.path)
		}
	}
	golden := filepath.Join("testdata", "openapi.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./server -run OpenAPI -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("OpenAPI document differs from %s (run go test ./server -run OpenAPI -update after checking the change)", golden)
	}
}

func TestResponseCache(t *testing.T) {
	srv, _ := newTestServer(t, Options{IngestToken: "tok"})
	if got := do(t, srv, "GET", "/api/v1/search?q=neige", nil).Header().Get("X-Cache"); got != "miss" {
		t.Errorf("first request: X-Cache %q", got)
	}
	if got := do(t, srv, "GET", "/api/v1/search?q=neige", nil).Header().Get("X-Cache"); got != "hit" {
		t.Errorf("second request: X-Cache %q", got)
	}
	body := `{"text": "La neige tombe encore\nUn texte de test sur la neige des cols."}`
	if rec := do(t, srv, "POST", "/api/v1/articles", strings.NewReader(body), "Authorization", "Bearer tok"); rec.Code != 201 {
		t.Fatalf("ingest: %d %s", rec.Code, rec.Body.String())
	}
	rec := do(t, srv, "GET", "/api/v1/search?q=neige", nil)
	if rec.Header().Get("X-Cache") != "miss" || !strings.Contains(rec.Body.String(), `"total":2`) {
		t.Errorf("after ingest: X-Cache %q, %s", rec.Header().Get("X-Cache"), rec.Body.String())
	}
	if got := do(t, srv, "GET", "/api/v1/search?q=", nil).Header().Get("X-Cache"); got != "" {
		t.Errorf("errors must not be cached: X-Cache %q", got)
	}
}
