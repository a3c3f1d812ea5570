// Package store defines how vigie persists articles, their annotations,
// events and stories, and how they are queried: the Store interface, its
// filter and result types, and its sentinel errors. The contract is in
// this one file; store/sqlite is the embedded default implementation and
// store/storetest is the suite every implementation must pass.
package store

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/store/analysis"
)

// Sentinel errors. Implementations wrap them, so test with errors.Is.
var (
	// ErrNotFound is returned when an article, entity, event or story does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid is returned for unusable arguments (an article without ID or text).
	ErrInvalid = errors.New("invalid argument")
	// ErrClosed is returned by calls on a closed store.
	ErrClosed = errors.New("store closed")
)

// Store persists articles and answers the queries of the CLI and the server.
// Implementations are safe for concurrent use. Every method honours ctx.
type Store interface {
	// PutArticles upserts a batch of articles in one transaction. An article
	// whose ID is already stored is a duplicate: its path is added to the
	// article's paths, metadata the stored copy lacks is filled in, and if the
	// new copy carries annotations (sentences, mentions, times or events) they
	// replace the stored ones together with the text they point into.
	// The results are in input order.
	PutArticles(ctx context.Context, arts []*article.Article) ([]PutResult, error)
	// Article returns the full article (Raw, RawMap and annotations) with the given ID.
	Article(ctx context.Context, id string) (*article.Article, error)
	// ArticleByPath returns the article most recently ingested from path.
	ArticleByPath(ctx context.Context, path string) (*article.Article, error)
	// ArticlePaths returns every path the article was ingested from, oldest first.
	ArticlePaths(ctx context.Context, id string) ([]string, error)
	// Articles calls fn for every article matching f, in ingestion order.
	// Iteration stops at the first error fn returns, which Articles returns.
	Articles(ctx context.Context, f ArticleFilter, fn func(*article.Article) error) error

	// Search runs a full-text query and returns hits ranked best first.
	Search(ctx context.Context, q SearchQuery) ([]Hit, error)
	// Stats counts the stored articles.
	Stats(ctx context.Context) (Stats, error)

	// Entities lists linked entities seen in mentions, most mentioned first.
	Entities(ctx context.Context, f EntityFilter) ([]EntitySummary, error)
	// EntityDetail describes one entity given its ID or its canonical name
	// (case- and accent-insensitive).
	EntityDetail(ctx context.Context, idOrName string) (*EntityDetail, error)

	// Events lists stored events matching f, newest first.
	Events(ctx context.Context, f EventFilter) ([]EventRecord, error)
	// Event returns one event by ID.
	Event(ctx context.Context, id string) (*EventRecord, error)
	// SetEventStories assigns events (by event ID) to stories (by story ID);
	// an empty story ID clears the assignment.
	SetEventStories(ctx context.Context, stories map[string]string) error

	// PutStories upserts cross-article stories.
	PutStories(ctx context.Context, stories []StoryRecord) error
	// Stories lists stories matching f, newest first.
	Stories(ctx context.Context, f StoryFilter) ([]StoryRecord, error)
	// Story returns one story by ID.
	Story(ctx context.Context, id string) (*StoryRecord, error)

	// Close releases the store. Later calls fail with ErrClosed.
	Close() error
}

// PutResult reports what PutArticles did with one article.
type PutResult struct {
	// ID is the article's ID.
	ID string
	// New is true when the article was not stored before; false for a duplicate.
	New bool
	// Reanalysed is true when a duplicate's annotations were replaced.
	Reanalysed bool
}

// ArticleFilter selects articles for Articles. Zero fields do not filter.
type ArticleFilter struct {
	// Lang and Outlet must equal the article's.
	Lang, Outlet string
	// From and To bound the publication date (inclusive, compared at the
	// coarser precision); articles without a date are left out when either is set.
	From, To article.Date
	// Light skips Raw, RawMap and annotations.
	Light bool
	// Limit caps the number of articles (0: all).
	Limit int
}

// Highlight presets for SearchQuery.Highlight.
var (
	// HighlightBrackets marks matches with [ and ] (the default).
	HighlightBrackets = analysis.Highlight{Open: "[", Close: "]"}
	// HighlightANSI marks matches in bold yellow on a terminal.
	HighlightANSI = analysis.Highlight{Open: "\x1b[1;33m", Close: "\x1b[0m"}
)

// SearchQuery is a full-text search.
type SearchQuery struct {
	// Text is the query: words (all must match, each by stem or by
	// transliteration key), "quoted phrases" and -exclusions.
	Text string
	// Lang and Outlet must equal the article's when set.
	Lang, Outlet string
	// From and To bound the publication date, as in ArticleFilter.
	From, To article.Date
	// Limit caps the hits (default 20); Offset skips the first hits.
	Limit, Offset int
	// Highlight marks matched words in snippets (default HighlightBrackets).
	Highlight *analysis.Highlight
	// SnippetWords is the snippet length in indexed words (default 30).
	SnippetWords int
}

// Hit is one search result.
type Hit struct {
	ID        string       `json:"id"`
	Title     string       `json:"title"`
	Outlet    string       `json:"outlet"`
	URL       string       `json:"url,omitempty"`
	Path      string       `json:"path,omitempty"`
	Published article.Date `json:"published"`
	Lang      string       `json:"lang"`
	// Snippet is a passage of the original text with the matched words marked.
	Snippet string `json:"snippet"`
	// Score is the relevance (BM25, higher is better); 0 when the query is
	// broad (more matches than the store ranks) and hits come newest first.
	Score float64 `json:"score"`
}

// Count is a labelled number.
type Count struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// Stats counts stored articles. Lists are sorted by key; "unknown" stands
// for a missing language, outlet or date.
type Stats struct {
	Articles int     `json:"articles"`
	Events   int     `json:"events"`
	Mentions int     `json:"mentions"`
	Stories  int     `json:"stories"`
	ByLang   []Count `json:"by_lang"`
	ByOutlet []Count `json:"by_outlet"`
	// ByMonth counts by YYYY-MM of the publication date.
	ByMonth []Count `json:"by_month"`
}

// EntityFilter selects entities for Entities.
type EntityFilter struct {
	// Type is an entity type ("person", "state", ...); "" for all.
	Type article.EntityType
	// Q keeps entities whose ID or canonical name contains it (case- and accent-insensitive).
	Q string
	// Limit caps the list (default 100).
	Limit int
}

// EntitySummary is an entity with its mention counts.
type EntitySummary struct {
	ID       string             `json:"id"`
	Name     string             `json:"name"`
	Type     article.EntityType `json:"type"`
	Mentions int                `json:"mentions"`
	Articles int                `json:"articles"`
	Outlets  []string           `json:"outlets"`
}

// ArticleRef identifies an article in listings.
type ArticleRef struct {
	ID        string       `json:"id"`
	Title     string       `json:"title"`
	Published article.Date `json:"published"`
	Outlet    string       `json:"outlet"`
	Path      string       `json:"path,omitempty"`
}

// EntityDetail is what the corpus says about one entity.
type EntityDetail struct {
	EntitySummary
	// Aliases are the surface strings the entity was mentioned by, most frequent first.
	Aliases []Count `json:"aliases"`
	// ArticleRefs are the articles mentioning the entity, newest first.
	ArticleRefs []ArticleRef `json:"articles"`
	// CoOccurring are entities mentioned in the same articles, by number of shared articles.
	CoOccurring []CoEntity `json:"co_occurring"`
}

// CoEntity is an entity co-occurring with another in Count articles.
type CoEntity struct {
	ID    string             `json:"id"`
	Name  string             `json:"name"`
	Type  article.EntityType `json:"type"`
	Count int                `json:"count"`
}

// EventFilter selects events for Events. Zero fields do not filter.
type EventFilter struct {
	// Type is the event type ("CONSULT", ...), case-insensitive.
	Type string
	// Actor is an entity ID or a canonical name (case- and accent-insensitive)
	// that must be among the event's actors (hosts included).
	Actor string
	// From and To bound the event date (inclusive, at the coarser precision);
	// events without a date are left out when either is set.
	From, To article.Date
	// Outlet is the reporting article's outlet.
	Outlet string
	// Story keeps the events of one story.
	Story string
	// All includes events that are not asserted (planned, negated, hypothetical).
	All bool
	// Limit caps the list (default 100).
	Limit int
}

// EventRecord is a stored event with the article that reports it.
type EventRecord struct {
	article.Event
	Path      string       `json:"path,omitempty"`
	URL       string       `json:"url,omitempty"`
	Outlet    string       `json:"outlet,omitempty"`
	Title     string       `json:"title,omitempty"`
	Published article.Date `json:"published"`
}

// StoryRecord is a cross-article story (one real-world event reported by
// several articles). Data is owned by the story stage.
type StoryRecord struct {
	ID          string          `json:"id"`
	Type        string          `json:"type"`
	Date        article.Date    `json:"date"`
	Data        json.RawMessage `json:"data,omitempty"`
	NumArticles int             `json:"num_articles"`
	NumSources  int             `json:"num_sources"`
	// UpdatedAt is set by the store.
	UpdatedAt time.Time `json:"updated_at,omitempty"`
}

// StoryFilter selects stories for Stories.
type StoryFilter struct {
	// Type is the story's event type; "" for all.
	Type string
	// From and To bound the story date (inclusive).
	From, To article.Date
	// MinArticles keeps stories reported by at least that many articles.
	MinArticles int
	// Limit caps the list (default 100).
	Limit int
}

// DateBounds returns the first and last day d covers as YYYY-MM-DD, or
// ok=false for an unknown date. Backends use it to compare dates of
// different precisions by overlap.
func DateBounds(d article.Date) (first, last string, ok bool) {
	if !d.Known() {
		return "", "", false
	}
	t := d.Time()
	var end time.Time
	switch d.Precision {
	case article.PrecDay:
		end = t
	case article.PrecMonth:
		end = t.AddDate(0, 1, -1)
	case article.PrecDecade:
		t = time.Date(d.Year/10*10, 1, 1, 0, 0, 0, 0, time.UTC)
		end = t.AddDate(10, 0, -1)
	default:
		end = t.AddDate(1, 0, -1)
	}
	return t.Format("2006-01-02"), end.Format("2006-01-02"), true
}

// FacetQuery is a full-text search narrowed by annotations, for
// FacetSearcher. Entity and EventType filter like SearchQuery's fields.
type FacetQuery struct {
	SearchQuery
	// Entity keeps articles with a mention linked to this entity ID.
	Entity string
	// EventType keeps articles reporting an asserted event of this type.
	EventType string
	// Window is how many of the best matches facets are counted over
	// (default 500); it grows to cover Offset+Limit.
	Window int
}

// Facets counts the articles of a search window by outlet, language,
// publication month (YYYY-MM), linked entity (key: entity ID) and asserted
// event type, most frequent first.
type Facets struct {
	Outlet []Count `json:"outlet"`
	Lang   []Count `json:"lang"`
	Month  []Count `json:"month"`
	Entity []Count `json:"entity"`
	Type   []Count `json:"type"`
	// EntityNames maps the entity IDs of Entity to canonical names.
	EntityNames map[string]string `json:"entity_names,omitempty"`
}

// FacetResult is a page of hits with facet counts over the search window.
type FacetResult struct {
	Hits []Hit `json:"hits"`
	// Total is the number of matches in the window; Capped is true when
	// the window was full, so there may be more.
	Total  int    `json:"total"`
	Capped bool   `json:"capped"`
	Facets Facets `json:"facets"`
}

// FacetSearcher is an optional capability of a Store: search narrowed by
// entity and event type, with facet counts. The server uses it when the
// store has it and falls back to Search otherwise.
type FacetSearcher interface {
	FacetSearch(ctx context.Context, q FacetQuery) (*FacetResult, error)
}

// EventAggregator is an optional capability of a Store: event counts
// grouped by the store, so that timelines and actor networks need not read
// every event. The server uses it when the store has it.
type EventAggregator interface {
	// EventCounts counts the events matching f (f.Limit is ignored) by
	// date and by group: "type" (Key is the event type), "actor" (Key is
	// ActorKey of each participant other than hosts, Label its name; an
	// event counts once per key) or "" (dates only, Key empty).
	EventCounts(ctx context.Context, f EventFilter, group string) ([]EventCount, error)
	// ActorNetwork counts the events matching f (f.Limit is ignored) per
	// participant and per pair of participants and event type.
	ActorNetwork(ctx context.Context, f EventFilter) (*ActorGraph, error)
}

// EventCount is a number of events of one date (as stored: Date carries
// its precision) and one group key.
type EventCount struct {
	Date  article.Date
	Key   string
	Label string
	Count int
}

// ActorGraph is what ActorNetwork counts.
type ActorGraph struct {
	// Events is the number of matching events.
	Events int
	// Actors are the participants with the number of events they take part in.
	Actors []ActorCount
	// Pairs count the events two participants take part in, by event type.
	Pairs []PairCount
}

// ActorCount is a participant (Key is its ActorKey; Actor carries the
// name, entity, country and sector of one of its events) and its events.
type ActorCount struct {
	Key    string
	Actor  article.Actor
	Events int
}

// PairCount is the number of events of one type that the participants
// with keys A < B (byte order) both take part in.
type PairCount struct {
	A, B, Type string
	Events     int
}

// ActorKey identifies an actor in aggregations: its entity ID, else
// "name:" and its trimmed name, else "".
func ActorKey(a article.Actor) string {
	if a.Entity != "" {
		return a.Entity
	}
	if n := strings.TrimSpace(a.Name); n != "" {
		return "name:" + n
	}
	return ""
}

// EventStreamer is an optional capability of a Store: it calls fn for
// every event matching f, newest first like Events (f.Limit caps them, 0
// for all), without holding them all in memory. Iteration stops at the
// first error fn returns, which EachEvent returns.
type EventStreamer interface {
	EachEvent(ctx context.Context, f EventFilter, fn func(*EventRecord) error) error
}
