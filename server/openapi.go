package server

import (
	"encoding/json"
	"reflect"
	"strings"
	"time"

	"github.com/vigie-news/vigie/store"
)

// resultTypes maps the response schema names of routes to Go types; their
// JSON schemas are derived by reflection so the document follows the code.
var resultTypes = map[string]any{
	"SearchResult": SearchResult{}, "Stats": store.Stats{}, "ArticleList": ArticleList{}, "IngestResult": IngestResult{},
	"ArticleDetail": ArticleDetail{}, "EntityList": EntityList{}, "EntityPage": EntityPage{}, "EventList": EventList{},
	"EventPage": EventPage{}, "Timeline": Timeline{}, "Network": Network{}, "StoryList": StoryList{}, "StoryPage": StoryPage{},
}

// schemaGen turns Go types into OpenAPI schemas, naming structs as components.
type schemaGen struct {
	comps map[string]any
}

func (g *schemaGen) schema(t reflect.Type) map[string]any {
	switch t {
	case reflect.TypeOf(time.Time{}):
		return map[string]any{"type": "string", "format": "date-time"}
	case reflect.TypeOf(json.RawMessage{}):
		return map[string]any{"description": "any JSON value"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		s := g.schema(t.Elem())
		return map[string]any{"allOf": []any{s}, "nullable": true}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float64, reflect.Float32:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": g.schema(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.schema(t.Elem())}
	case reflect.Struct:
		name := t.Name()
		if pkg := t.PkgPath(); pkg != "" && !strings.HasSuffix(pkg, "/server") {
			name = pkg[strings.LastIndex(pkg, "/")+1:] + "." + name
		}
		name = strings.ReplaceAll(name, ".", "_")
		if _, ok := g.comps[name]; !ok {
			g.comps[name] = nil // reserve against recursion
			props := map[string]any{}
			g.fields(t, props)
			g.comps[name] = map[string]any{"type": "object", "properties": props}
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	return map[string]any{}
}

func (g *schemaGen) fields(t reflect.Type, props map[string]any) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name := strings.Split(tag, ",")[0]
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				g.fields(ft, props)
				continue
			}
		}
		if name == "" {
			name = f.Name
		}
		props[name] = g.schema(f.Type)
	}
}

// openAPI builds the OpenAPI 3 document from the route table.
func (s *Server) openAPI() map[string]any {
	g := &schemaGen{comps: map[string]any{}}
	errSchema := map[string]any{"type": "object", "properties": map[string]any{"error": map[string]any{"type": "object",
		"properties": map[string]any{"code": map[string]any{"type": "string"}, "message": map[string]any{"type": "string"}},
		"required":   []string{"code", "message"}}}, "required": []string{"error"}}
	g.comps["Error"] = errSchema
	g.comps["IngestRecord"] = map[string]any{"type": "object", "description": "an article; the body may also hold one such object per line (JSONL)",
		"properties": map[string]any{"text": map[string]any{"type": "string"}, "html": map[string]any{"type": "string"},
			"title": map[string]any{"type": "string"}, "url": map[string]any{"type": "string"}, "outlet": map[string]any{"type": "string"},
			"lang": map[string]any{"type": "string"}, "published": map[string]any{"type": "string", "description": "YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339"}}}
	errResp := func(desc string) map[string]any {
		return map[string]any{"description": desc, "content": map[string]any{"application/json": map[string]any{
			"schema": map[string]any{"$ref": "#/components/schemas/Error"}}}}
	}
	paths := map[string]any{}
	for _, rt := range s.routes {
		op := map[string]any{"operationId": rt.id, "summary": rt.summary, "tags": []string{rt.tag}}
		var ps []any
		for _, p := range rt.params {
			sch := map[string]any{"type": p.typ}
			if len(p.enum) > 0 {
				sch["enum"] = p.enum
			}
			ps = append(ps, map[string]any{"name": p.name, "in": p.in, "required": p.required, "description": p.desc, "schema": sch})
		}
		if len(ps) > 0 {
			op["parameters"] = ps
		}
		ok := map[string]any{"description": "OK"}
		switch {
		case rt.id == "openapi":
			ok["content"] = map[string]any{"application/json": map[string]any{"schema": map[string]any{"type": "object"}}}
		case rt.produces != "":
			ok["content"] = map[string]any{rt.produces: map[string]any{"schema": map[string]any{"type": "string"}}}
		case rt.result != "":
			if t, found := resultTypes[rt.result]; found {
				ok["content"] = map[string]any{"application/json": map[string]any{"schema": g.schema(reflect.TypeOf(t))}}
			}
		}
		resps := map[string]any{"400": errResp("bad request: malformed or unknown parameter"), "500": errResp("internal error"),
			"503": errResp("busy: too many store requests are queued; retry after the Retry-After header's seconds")}
		code := "200"
		if rt.body != "" {
			code = "201"
			op["requestBody"] = map[string]any{"required": true, "content": map[string]any{
				"application/json":     map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/" + rt.body}},
				"application/x-ndjson": map[string]any{"schema": map[string]any{"type": "string"}}}}
			op["security"] = []any{map[string]any{"bearer": []string{}}}
			resps["401"] = errResp("missing or wrong bearer token")
			resps["403"] = errResp("ingest disabled")
			resps["413"] = errResp("body too large")
			resps["415"] = errResp("unsupported media type")
		}
		resps[code] = ok
		if strings.Contains(rt.path, "{") {
			resps["404"] = errResp("not found")
		}
		op["responses"] = resps
		item, _ := paths[rt.path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[rt.path] = item
		}
		item[strings.ToLower(rt.method)] = op
	}
	plain := func(desc, ctype string) map[string]any {
		return map[string]any{"get": map[string]any{"summary": desc, "tags": []string{"meta"}, "operationId": strings.ReplaceAll(strings.Fields(desc)[0], "-", ""),
			"responses": map[string]any{"200": map[string]any{"description": "OK", "content": map[string]any{ctype: map[string]any{"schema": map[string]any{"type": "string"}}}}}}}
	}
	paths["/healthz"] = plain("healthz: the process is up", "application/json")
	paths["/readyz"] = plain("readyz: the store answers", "application/json")
	paths["/metrics"] = plain("metrics in the Prometheus text format", "text/plain")
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "vigie API", "version": "1",
			"description": "News event intelligence on Armenia–Azerbaijan conflict and diplomacy: search, entities, events (PLOVER), timelines, networks. Offsets are UTF-8 byte offsets into the article text. Lists page with opaque cursors (next_cursor)."},
		"servers":    []any{map[string]any{"url": "/"}},
		"paths":      paths,
		"components": map[string]any{"schemas": g.comps, "securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer"}}},
	}
}
