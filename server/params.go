package server

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vigie-news/vigie/article"
)

// route is one API endpoint: what the OpenAPI document says about it and
// the handler that serves it.
type route struct {
	method, path string
	id, tag      string
	summary      string
	params       []param
	// body describes the request body (POST); "" for none.
	body string
	// produces is the response media type (default application/json).
	produces string
	// result names the response schema in components.
	result string
	h      handlerFunc
}

// param is a query or path parameter.
type param struct {
	name, in, typ, desc string
	enum                []string
	required            bool
}

func q(name, typ, desc string, enum ...string) param {
	return param{name: name, in: "query", typ: typ, desc: desc, enum: enum}
}

func pathParam(name, desc string) param {
	return param{name: name, in: "path", typ: "string", desc: desc, required: true}
}

func required(p param) param { p.required = true; return p }

// Common parameters.
var (
	pLimit  = q("limit", "integer", "page size (1–100, default 20)")
	pCursor = q("cursor", "string", "opaque cursor from a previous page's next_cursor")
	pFrom   = q("from", "string", "first date, YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")
	pTo     = q("to", "string", "last date, YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")
	pOutlet = q("outlet", "string", "outlet of the reporting article")
	pLang   = q("lang", "string", "ISO 639-1 language code")
	pType   = q("type", "string", "PLOVER event type (CONSULT, AGREE, ...)")
	pActor  = q("actor", "string", "entity ID or canonical name among the actors")
	pAll    = q("all", "boolean", "include planned, negated and hypothetical events")
)

// maxParamLen caps the length of one query parameter value.
const maxParamLen = 512

// checkQuery rejects oversized or malformed query strings, repeated
// parameters and parameters the route does not know.
func checkQuery(r *http.Request, rt *route) error {
	if len(r.URL.RawQuery) > maxQueryBytes {
		return errorf(http.StatusRequestURITooLong, "query_too_long", "query string longer than %d bytes", maxQueryBytes)
	}
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return badRequest("malformed query string: %v", err)
	}
	known := map[string]bool{}
	for _, p := range rt.params {
		if p.in == "query" {
			known[p.name] = true
		}
	}
	for k, vals := range v {
		if !known[k] {
			return badRequest("unknown query parameter %q for %s %s", k, rt.method, rt.path)
		}
		if len(vals) > 1 {
			return badRequest("query parameter %q given %d times", k, len(vals))
		}
		if len(vals[0]) > maxParamLen {
			return badRequest("query parameter %q longer than %d bytes", k, maxParamLen)
		}
		if !utf8.ValidString(vals[0]) {
			return badRequest("query parameter %q is not valid UTF-8", k)
		}
	}
	for _, p := range rt.params {
		if p.in == "query" && p.required && strings.TrimSpace(v.Get(p.name)) == "" {
			return badRequest("query parameter %q is required", p.name)
		}
	}
	r.URL.RawQuery = v.Encode()
	return nil
}

// params reads validated query parameters, collecting the first error.
type params struct {
	v   url.Values
	err error
}

func queryParams(r *http.Request) *params {
	v, err := url.ParseQuery(r.URL.RawQuery)
	p := &params{v: v}
	if err != nil {
		p.err = badRequest("malformed query string: %v", err)
	}
	return p
}

func (p *params) fail(format string, a ...any) {
	if p.err == nil {
		p.err = badRequest(format, a...)
	}
}

// str returns a trimmed string parameter.
func (p *params) str(name string) string { return strings.TrimSpace(p.v.Get(name)) }

// integer parses an integer in [lo, hi], def when absent.
func (p *params) integer(name string, def, lo, hi int) int {
	s := p.str(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		p.fail("%s=%q: want an integer from %d to %d", name, s, lo, hi)
		return def
	}
	return n
}

// boolean parses true/false/1/0.
func (p *params) boolean(name string) bool {
	s := p.str(name)
	if s == "" {
		return false
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		p.fail("%s=%q: want true or false", name, s)
	}
	return b
}

// date parses YYYY, YYYY-MM or YYYY-MM-DD.
func (p *params) date(name string) article.Date {
	s := p.str(name)
	if s == "" {
		return article.Date{}
	}
	d, ok := article.ParseDate(s)
	if !ok || len(s) > 10 || d.Year < 1 || d.Year > 9999 {
		p.fail("%s=%q: want a date YYYY, YYYY-MM or YYYY-MM-DD", name, s)
		return article.Date{}
	}
	return d
}

// enum returns the parameter if it is one of allowed, else def.
func (p *params) enum(name, def string, allowed ...string) string {
	s := p.str(name)
	if s == "" {
		return def
	}
	for _, a := range allowed {
		if strings.EqualFold(s, a) {
			return a
		}
	}
	p.fail("%s=%q: want one of %s", name, s, strings.Join(allowed, ", "))
	return def
}

// maxOffset caps how deep cursors may page.
const maxOffset = 10000

// cursor decodes the "cursor" parameter into an offset.
func (p *params) cursor() int {
	s := p.str("cursor")
	if s == "" {
		return 0
	}
	off, ok := decodeCursor(s)
	if !ok {
		p.fail("cursor %q is not a cursor this server issued", s)
		return 0
	}
	return off
}

// encodeCursor makes the opaque cursor for an offset.
func encodeCursor(off int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o:" + strconv.Itoa(off)))
}

func decodeCursor(s string) (int, bool) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) < 3 || len(b) > 12 || string(b[:2]) != "o:" {
		return 0, false
	}
	n, err := strconv.Atoi(string(b[2:]))
	if err != nil || n < 0 || n > maxOffset {
		return 0, false
	}
	return n, true
}

// page cuts items fetched from offset 0 with one extra into the page at
// off of size limit, returning the next cursor ("" on the last page).
func page[T any](items []T, off, limit int) ([]T, string) {
	if off >= len(items) {
		return []T{}, ""
	}
	items = items[off:]
	next := ""
	if len(items) > limit {
		items = items[:limit]
		if off+limit < maxOffset {
			next = encodeCursor(off + limit)
		}
	}
	return items, next
}

// monthRange turns a YYYY-MM "month" parameter into from/to dates.
func (p *params) month(name string) (article.Date, bool) {
	s := p.str(name)
	if s == "" {
		return article.Date{}, false
	}
	d, ok := article.ParseDate(s)
	if !ok || d.Precision != article.PrecMonth {
		p.fail("%s=%q: want a month YYYY-MM", name, s)
		return article.Date{}, false
	}
	return d, true
}

func (p *params) String() string { return fmt.Sprint(p.v) }
