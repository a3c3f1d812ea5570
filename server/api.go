package server

import (
	"net/http"
	"sort"
	"strings"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/kb"
	"github.com/vigie-news/vigie/store"
	"github.com/vigie-news/vigie/store/analysis"
)

// apiRoutes lists every API endpoint; the OpenAPI document is built from it.
func (s *Server) apiRoutes() []*route {
	evFilters := []param{pType, pActor, pFrom, pTo, pOutlet, q("story", "string", "story ID"), pAll}
	return []*route{
		{method: "GET", path: "/api/v1/search", id: "search", tag: "search", result: "SearchResult",
			summary: "Full-text search with facets (outlet, language, month, entity, event type) and highlighted snippets",
			params: []param{required(q("q", "string", "query: words, \"quoted phrases\", -exclusions")), pOutlet, pLang,
				pFrom, pTo, q("month", "string", "publication month YYYY-MM"), q("entity", "string", "entity ID mentioned by the article"),
				q("type", "string", "event type reported by the article"), pLimit, pCursor}, h: s.search},
		{method: "GET", path: "/api/v1/stats", id: "stats", tag: "articles", result: "Stats",
			summary: "Counts of articles, events, mentions and stories by language, outlet and month", h: s.stats},
		{method: "GET", path: "/api/v1/articles", id: "listArticles", tag: "articles", result: "ArticleList",
			summary: "Articles in ingestion order (metadata only)", params: []param{pOutlet, pLang, pFrom, pTo, pLimit, pCursor}, h: s.articles},
		{method: "POST", path: "/api/v1/articles", id: "ingestArticles", tag: "articles", result: "IngestResult",
			summary: "Ingest one JSON article or JSONL (one article a line) with the server's analysis; needs the ingest bearer token",
			body:    "IngestRecord", h: s.ingest},
		{method: "GET", path: "/api/v1/articles/{id}", id: "getArticle", tag: "articles", result: "ArticleDetail",
			summary: "One article: clean text with mention, date and event annotations as UTF-8 byte offsets",
			params:  []param{pathParam("id", "article ID")}, h: s.article},
		{method: "GET", path: "/api/v1/entities", id: "listEntities", tag: "entities", result: "EntityList",
			summary: "Linked entities, most mentioned first",
			params:  []param{q("q", "string", "substring of the ID or name"), q("type", "string", "entity type (person, state, ...)"), pLimit, pCursor}, h: s.entities},
		{method: "GET", path: "/api/v1/entities/{id}", id: "getEntity", tag: "entities", result: "EntityPage",
			summary: "One entity: aliases seen, roles from the knowledge base, articles, co-occurring entities, recent events",
			params:  []param{pathParam("id", "entity ID or canonical name")}, h: s.entity},
		{method: "GET", path: "/api/v1/events", id: "listEvents", tag: "events", result: "EventList",
			summary: "Events, newest first", params: append(append([]param{}, evFilters...), pLimit, pCursor), h: s.events},
		{method: "GET", path: "/api/v1/events/{id}", id: "getEvent", tag: "events", result: "EventPage",
			summary: "One event with its evidence and the sentences around it",
			params:  []param{pathParam("id", "event ID")}, h: s.event},
		{method: "GET", path: "/api/v1/timeline", id: "timeline", tag: "events", result: "Timeline",
			summary: "Events per day, week or month by type or actor",
			params: append([]param{q("interval", "string", "bucket size", "day", "week", "month"), q("by", "string", "series key", "type", "actor"),
				q("top", "integer", "number of series (1–50, default 10)")}, evFilters...), h: s.timeline},
		{method: "GET", path: "/api/v1/network", id: "network", tag: "events", result: "Network",
			summary: "Actor network: actor–actor edges weighted by event counts",
			params: append([]param{q("min_weight", "integer", "drop edges with fewer events (default 1)"),
				q("max_edges", "integer", "keep the heaviest edges (1–2000, default 300)")}, evFilters...), h: s.network},
		{method: "GET", path: "/api/v1/export/events.csv", id: "exportEventsCSV", tag: "export", produces: "text/csv",
			summary: "Events as CSV", params: evFilters, h: s.exportCSV},
		{method: "GET", path: "/api/v1/export/events.jsonl", id: "exportEventsJSONL", tag: "export", produces: "application/x-ndjson",
			summary: "Events as JSON lines", params: evFilters, h: s.exportJSONL},
		{method: "GET", path: "/api/v1/export/network.gexf", id: "exportNetworkGEXF", tag: "export", produces: "application/gexf+xml",
			summary: "Actor network as GEXF 1.3 for Gephi",
			params: append([]param{q("min_weight", "integer", "drop edges with fewer events (default 1)"),
				q("max_edges", "integer", "keep the heaviest edges (1–2000, default 300)")}, evFilters...), h: s.exportGEXF},
		{method: "GET", path: "/api/v1/stories", id: "listStories", tag: "stories", result: "StoryList",
			summary: "Cross-article stories, newest first",
			params:  []param{pType, pFrom, pTo, q("min_articles", "integer", "minimum number of reporting articles"), pLimit, pCursor}, h: s.stories},
		{method: "GET", path: "/api/v1/stories/{id}", id: "getStory", tag: "stories", result: "StoryPage",
			summary: "One story with its events", params: []param{pathParam("id", "story ID")}, h: s.story},
		{method: "GET", path: "/api/v1/openapi.json", id: "openapi", tag: "meta", result: "OpenAPI",
			summary: "This document", h: s.serveOpenAPI},
	}
}

func (s *Server) serveOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err := w.Write(s.openapi)
	return err
}

// Highlight markers: private-use characters that never occur in clean text.
const (
	markOpen  = "\uE000"
	markClose = "\uE001"
)

// SnippetPart is a run of snippet text, matched or not.
type SnippetPart struct {
	Text  string `json:"text"`
	Match bool   `json:"match,omitempty"`
}

// SearchHit is a search result with its snippet split into parts.
type SearchHit struct {
	store.Hit
	Snippet []SnippetPart `json:"snippet"`
}

// SearchResult is the response of /api/v1/search.
type SearchResult struct {
	Query      string        `json:"query"`
	Total      int           `json:"total"`
	Capped     bool          `json:"capped"`
	Hits       []SearchHit   `json:"hits"`
	Facets     *store.Facets `json:"facets,omitempty"`
	NextCursor string        `json:"next_cursor,omitempty"`
}

func splitSnippet(s string) []SnippetPart {
	parts := []SnippetPart{}
	for s != "" {
		i := strings.Index(s, markOpen)
		if i < 0 {
			parts = append(parts, SnippetPart{Text: s})
			break
		}
		if i > 0 {
			parts = append(parts, SnippetPart{Text: s[:i]})
		}
		s = s[i+len(markOpen):]
		j := strings.Index(s, markClose)
		if j < 0 {
			j = len(s)
		}
		parts = append(parts, SnippetPart{Text: s[:j], Match: true})
		s = strings.TrimPrefix(s[j:], markClose)
	}
	return parts
}

// facetWindow is how many best matches facets count over.
const facetWindow = 300

func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	p := queryParams(r)
	sq := store.SearchQuery{Text: p.str("q"), Outlet: p.str("outlet"), Lang: p.str("lang"), From: p.date("from"), To: p.date("to"),
		Limit: p.integer("limit", 20, 1, 100), Highlight: &analysis.Highlight{Open: markOpen, Close: markClose}, SnippetWords: 36}
	if m, ok := p.month("month"); ok {
		sq.From, sq.To = m, m
	}
	off := p.cursor()
	entity, typ := p.str("entity"), p.str("type")
	if p.err != nil {
		return p.err
	}
	if !analysisHasTerms(sq.Text) {
		return badRequest("q=%q has no searchable word", sq.Text)
	}
	res := SearchResult{Query: sq.Text, Hits: []SearchHit{}}
	if fs, ok := s.st.(store.FacetSearcher); ok {
		sq.Offset = off
		fr, err := fs.FacetSearch(r.Context(), store.FacetQuery{SearchQuery: sq, Entity: entity, EventType: typ, Window: facetWindow})
		if err != nil {
			return err
		}
		res.Total, res.Capped = fr.Total, fr.Capped
		f := fr.Facets
		res.Facets = &f
		for _, h := range fr.Hits {
			res.Hits = append(res.Hits, SearchHit{Hit: h, Snippet: splitSnippet(h.Snippet)})
		}
		if off+len(fr.Hits) < fr.Total || (fr.Capped && len(fr.Hits) == sq.Limit) {
			if off+sq.Limit < maxOffset {
				res.NextCursor = encodeCursor(off + sq.Limit)
			}
		}
		return writeJSON(w, res)
	}
	if entity != "" || typ != "" {
		return errorf(http.StatusNotImplemented, "not_implemented", "this store cannot filter search by entity or event type")
	}
	limit := sq.Limit
	sq.Offset, sq.Limit = off, limit+1
	hits, err := s.st.Search(r.Context(), sq)
	if err != nil {
		return err
	}
	if len(hits) > limit {
		hits = hits[:limit]
		res.NextCursor = encodeCursor(off + limit)
	}
	for _, h := range hits {
		res.Hits = append(res.Hits, SearchHit{Hit: h, Snippet: splitSnippet(h.Snippet)})
	}
	res.Total = off + len(hits)
	res.Capped = res.NextCursor != ""
	return writeJSON(w, res)
}

// analysisHasTerms reports whether a query has a positive term.
func analysisHasTerms(text string) bool {
	return analysis.ParseQuery(text).FTS5() != ""
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.st.Stats(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, st)
}

// ArticleList is the response of GET /api/v1/articles.
type ArticleList struct {
	Articles   []store.ArticleRef `json:"articles"`
	NextCursor string             `json:"next_cursor,omitempty"`
}

func (s *Server) articles(w http.ResponseWriter, r *http.Request) error {
	p := queryParams(r)
	f := store.ArticleFilter{Outlet: p.str("outlet"), Lang: p.str("lang"), From: p.date("from"), To: p.date("to"), Light: true}
	limit := p.integer("limit", 20, 1, 100)
	off := p.cursor()
	if p.err != nil {
		return p.err
	}
	f.Limit = off + limit + 1
	var refs []store.ArticleRef
	err := s.st.Articles(r.Context(), f, func(a *article.Article) error {
		refs = append(refs, store.ArticleRef{ID: a.ID, Title: titleOf(a), Published: a.Published, Outlet: a.Outlet, Path: a.Path})
		return nil
	})
	if err != nil {
		return err
	}
	out := ArticleList{}
	out.Articles, out.NextCursor = page(refs, off, limit)
	return writeJSON(w, out)
}

func titleOf(a *article.Article) string {
	if a.Title != "" {
		return a.Title
	}
	t := strings.TrimSpace(a.Text)
	if i := strings.IndexByte(t, '\n'); i >= 0 {
		t = t[:i]
	}
	if len(t) > 160 {
		t = t[:160]
		for len(t) > 0 && t[len(t)-1]&0xC0 == 0x80 {
			t = t[:len(t)-1]
		}
		if len(t) > 0 && t[len(t)-1] >= 0xC0 {
			t = t[:len(t)-1]
		}
		t += "…"
	}
	return t
}

// ArticleDetail is one article with its annotations. Offsets are UTF-8
// byte offsets into Text.
type ArticleDetail struct {
	ID        string             `json:"id"`
	Title     string             `json:"title"`
	URL       string             `json:"url,omitempty"`
	Outlet    string             `json:"outlet,omitempty"`
	Published article.Date       `json:"published"`
	Lang      string             `json:"lang,omitempty"`
	Format    string             `json:"format,omitempty"`
	Paths     []string           `json:"paths"`
	Dateline  *article.Dateline  `json:"dateline,omitempty"`
	Text      string             `json:"text"`
	Sentences []article.Span     `json:"sentences"`
	Mentions  []article.Mention  `json:"mentions"`
	Times     []article.TimeExpr `json:"times"`
	Events    []article.Event    `json:"events"`
}

func (s *Server) article(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if !validID(id) {
		return badRequest("article ID %q is malformed", id)
	}
	a, err := s.st.Article(r.Context(), id)
	if err != nil {
		return err
	}
	paths, err := s.st.ArticlePaths(r.Context(), id)
	if err != nil {
		return err
	}
	d := ArticleDetail{ID: a.ID, Title: titleOf(a), URL: a.URL, Outlet: a.Outlet, Published: a.Published, Lang: a.Lang, Format: a.Format,
		Paths: nonNil(paths), Dateline: a.Dateline, Text: a.Text, Sentences: nonNil(a.Sentences), Mentions: nonNil(a.Mentions),
		Times: nonNil(a.Times), Events: nonNil(a.Events)}
	return writeJSON(w, d)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// validID accepts IDs of printable characters up to 256 bytes.
func validID(id string) bool {
	if id == "" || len(id) > 256 {
		return false
	}
	for _, r := range id {
		if r < 0x20 || r == 0x7f || r == 0xFFFD {
			return false
		}
	}
	return true
}

// EntityList is the response of GET /api/v1/entities.
type EntityList struct {
	Entities   []store.EntitySummary `json:"entities"`
	NextCursor string                `json:"next_cursor,omitempty"`
}

func (s *Server) entities(w http.ResponseWriter, r *http.Request) error {
	p := queryParams(r)
	f := store.EntityFilter{Q: p.str("q"), Type: article.EntityType(p.str("type"))}
	limit := p.integer("limit", 20, 1, 100)
	off := p.cursor()
	if p.err != nil {
		return p.err
	}
	f.Limit = off + limit + 1
	es, err := s.st.Entities(r.Context(), f)
	if err != nil {
		return err
	}
	out := EntityList{}
	out.Entities, out.NextCursor = page(es, off, limit)
	for i := range out.Entities {
		out.Entities[i].Outlets = nonNil(out.Entities[i].Outlets)
	}
	return writeJSON(w, out)
}

// EntityPage is the response of GET /api/v1/entities/{id}.
type EntityPage struct {
	Entity *store.EntityDetail `json:"entity"`
	// KB is the knowledge-base record (roles, aliases), null when unknown.
	KB *kb.Entity `json:"kb"`
	// Events are recent events the entity takes part in.
	Events []store.EventRecord `json:"events"`
}

func (s *Server) entity(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if !validID(id) {
		return badRequest("entity ID %q is malformed", id)
	}
	d, err := s.st.EntityDetail(r.Context(), id)
	if err != nil {
		return err
	}
	d.Aliases, d.ArticleRefs, d.CoOccurring = nonNil(d.Aliases), nonNil(d.ArticleRefs), nonNil(d.CoOccurring)
	d.Outlets = nonNil(d.Outlets)
	page := EntityPage{Entity: d}
	if s.opts.KB != nil {
		page.KB = s.opts.KB.Get(d.ID)
	}
	evs, err := s.st.Events(r.Context(), store.EventFilter{Actor: d.ID, Limit: 50})
	if err != nil {
		return err
	}
	page.Events = nonNil(evs)
	return writeJSON(w, page)
}

// eventFilter reads the common event filters.
func eventFilter(p *params) store.EventFilter {
	return store.EventFilter{Type: p.str("type"), Actor: p.str("actor"), From: p.date("from"), To: p.date("to"),
		Outlet: p.str("outlet"), Story: p.str("story"), All: p.boolean("all")}
}

// EventList is the response of GET /api/v1/events.
type EventList struct {
	Events     []store.EventRecord `json:"events"`
	NextCursor string              `json:"next_cursor,omitempty"`
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) error {
	p := queryParams(r)
	f := eventFilter(p)
	limit := p.integer("limit", 20, 1, 100)
	off := p.cursor()
	if p.err != nil {
		return p.err
	}
	f.Limit = off + limit + 1
	evs, err := s.st.Events(r.Context(), f)
	if err != nil {
		return err
	}
	out := EventList{}
	out.Events, out.NextCursor = page(evs, off, limit)
	return writeJSON(w, out)
}

// EventPage is the response of GET /api/v1/events/{id}.
type EventPage struct {
	Event *store.EventRecord `json:"event"`
	// Sentences are the article's sentences that hold the trigger or evidence.
	Sentences []EvidenceSentence `json:"sentences"`
}

// EvidenceSentence is a sentence of the reporting article, with its byte span.
type EvidenceSentence struct {
	article.Span
	Text string `json:"text"`
}

func (s *Server) event(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if !validID(id) {
		return badRequest("event ID %q is malformed", id)
	}
	ev, err := s.st.Event(r.Context(), id)
	if err != nil {
		return err
	}
	out := EventPage{Event: ev, Sentences: []EvidenceSentence{}}
	ev.Actors, ev.Evidence = nonNil(ev.Actors), nonNil(ev.Evidence)
	if a, err := s.st.Article(r.Context(), ev.ArticleID); err == nil {
		spans := append([]article.Span{ev.Trigger}, spansOf(ev.Evidence)...)
		for _, sn := range a.Sentences {
			for _, sp := range spans {
				if sp.Start < sn.End && sp.End > sn.Start && sn.Start >= 0 && sn.End <= len(a.Text) && sn.Start < sn.End {
					out.Sentences = append(out.Sentences, EvidenceSentence{Span: sn, Text: a.Text[sn.Start:sn.End]})
					break
				}
			}
		}
	}
	return writeJSON(w, out)
}

func spansOf(ev []article.Evidence) []article.Span {
	out := make([]article.Span, len(ev))
	for i, e := range ev {
		out[i] = e.Span
	}
	return out
}

// StoryList is the response of GET /api/v1/stories.
type StoryList struct {
	Stories    []store.StoryRecord `json:"stories"`
	NextCursor string              `json:"next_cursor,omitempty"`
}

func (s *Server) stories(w http.ResponseWriter, r *http.Request) error {
	p := queryParams(r)
	f := store.StoryFilter{Type: p.str("type"), From: p.date("from"), To: p.date("to"), MinArticles: p.integer("min_articles", 0, 0, 1000000)}
	limit := p.integer("limit", 20, 1, 100)
	off := p.cursor()
	if p.err != nil {
		return p.err
	}
	f.Limit = off + limit + 1
	ss, err := s.st.Stories(r.Context(), f)
	if err != nil {
		return err
	}
	out := StoryList{}
	out.Stories, out.NextCursor = page(ss, off, limit)
	return writeJSON(w, out)
}

// StoryPage is the response of GET /api/v1/stories/{id}.
type StoryPage struct {
	Story  *store.StoryRecord  `json:"story"`
	Events []store.EventRecord `json:"events"`
}

func (s *Server) story(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if !validID(id) {
		return badRequest("story ID %q is malformed", id)
	}
	st, err := s.st.Story(r.Context(), id)
	if err != nil {
		return err
	}
	evs, err := s.st.Events(r.Context(), store.EventFilter{Story: id, All: true, Limit: 500})
	if err != nil {
		return err
	}
	return writeJSON(w, StoryPage{Story: st, Events: nonNil(evs)})
}

// sortCounts orders counts by decreasing count then key.
func sortCounts(cs []store.Count) {
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].Count != cs[j].Count {
			return cs[i].Count > cs[j].Count
		}
		return cs[i].Key < cs[j].Key
	})
}
