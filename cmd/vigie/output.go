package main

import (
	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/store"
)

// articleJSON is the shape of `vigie show --json`.
type articleJSON struct {
	ID                 string            `json:"id"`
	Path               string            `json:"path"`
	Paths              []string          `json:"paths,omitempty"`
	URL                string            `json:"url"`
	Outlet             string            `json:"outlet"`
	Title              string            `json:"title"`
	Published          string            `json:"published"`
	PublishedPrecision article.Precision `json:"published_precision"`
	Lang               string            `json:"lang"`
	// Canonical is the id of the article's canonical copy (its own id unless
	// it is a near-duplicate); DupOf is set only for near-duplicates.
	Canonical string            `json:"canonical"`
	DupOf     string            `json:"dup_of,omitempty"`
	Dateline  *article.Dateline `json:"dateline,omitempty"`
	Text      string            `json:"text"`
	Sentences []sentenceJSON    `json:"sentences"`
	Mentions  []mentionJSON     `json:"mentions"`
	Times     []timeJSON        `json:"times"`
	Events    []eventJSON       `json:"events"`
}

type sentenceJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type mentionJSON struct {
	Start      int                 `json:"start"`
	End        int                 `json:"end"`
	Text       string              `json:"text"`
	Type       article.EntityType  `json:"type"`
	Kind       article.MentionKind `json:"kind,omitempty"`
	Entity     string              `json:"entity"`
	Name       string              `json:"name"`
	Role       string              `json:"role,omitempty"`
	Country    string              `json:"country,omitempty"`
	Confidence float64             `json:"confidence"`
}

type timeJSON struct {
	Start     int              `json:"start"`
	End       int              `json:"end"`
	Text      string           `json:"text"`
	Kind      article.TimeKind `json:"kind"`
	Value     string           `json:"value,omitempty"`
	Precision string           `json:"precision,omitempty"`
	Resolved  bool             `json:"resolved"`
	Duration  string           `json:"duration,omitempty"`
}

type actorJSON struct {
	Name    string `json:"name"`
	Entity  string `json:"entity"`
	Role    string `json:"role"`
	Country string `json:"country,omitempty"`
	Sector  string `json:"sector,omitempty"`
}

type placeJSON struct {
	Name   string `json:"name"`
	Entity string `json:"entity"`
}

type evidenceJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// eventJSON is one line of `vigie events --jsonl`.
type eventJSON struct {
	ID            string         `json:"id"`
	ArticleID     string         `json:"article_id"`
	Path          string         `json:"path"`
	URL           string         `json:"url"`
	Outlet        string         `json:"outlet,omitempty"`
	Type          string         `json:"type"`
	Mode          string         `json:"mode"`
	Contexts      []string       `json:"contexts,omitempty"`
	Actors        []actorJSON    `json:"actors"`
	Date          *string        `json:"date"`
	DatePrecision string         `json:"date_precision"`
	Place         *placeJSON     `json:"place"`
	Factuality    string         `json:"factuality"`
	Trigger       article.Span   `json:"trigger"`
	Evidence      []evidenceJSON `json:"evidence"`
	Confidence    float64        `json:"confidence"`
	Story         string         `json:"story"`
}

func toEventJSON(e article.Event, path, url, outlet string) eventJSON {
	out := eventJSON{ID: e.ID, ArticleID: e.ArticleID, Path: path, URL: url, Outlet: outlet, Type: e.Type, Mode: e.Mode,
		Contexts: e.Contexts, Factuality: e.Factuality, Trigger: e.Trigger, Confidence: e.Confidence, Story: e.Story,
		Actors: []actorJSON{}, Evidence: []evidenceJSON{}, DatePrecision: string(e.Date.Prec())}
	for _, a := range e.Actors {
		out.Actors = append(out.Actors, actorJSON{Name: a.Name, Entity: a.Entity, Role: a.Role, Country: a.Country, Sector: a.Sector})
	}
	if e.Date.Known() {
		s := e.Date.String()
		out.Date = &s
	}
	if e.Place != nil {
		out.Place = &placeJSON{Name: e.Place.Name, Entity: e.Place.Entity}
	}
	for _, ev := range e.Evidence {
		out.Evidence = append(out.Evidence, evidenceJSON{Start: ev.Start, End: ev.End, Text: ev.Text})
	}
	return out
}

func eventRecordJSON(r store.EventRecord) eventJSON {
	return toEventJSON(r.Event, r.Path, r.URL, r.Outlet)
}

// canonicalOf returns the id of an article's canonical copy.
func canonicalOf(a *article.Article) string {
	if a.DupOf != "" {
		return a.DupOf
	}
	return a.ID
}

func toArticleJSON(a *article.Article, paths []string) articleJSON {
	out := articleJSON{ID: a.ID, Path: a.Path, Paths: paths, URL: a.URL, Outlet: a.Outlet, Title: a.Title,
		Published: a.Published.String(), PublishedPrecision: a.Published.Prec(), Lang: a.Lang, Dateline: a.Dateline,
		Canonical: canonicalOf(a), DupOf: a.DupOf,
		Text: a.Text, Sentences: []sentenceJSON{}, Mentions: []mentionJSON{}, Times: []timeJSON{}, Events: []eventJSON{}}
	for _, s := range a.Sentences {
		if s.Start >= 0 && s.End <= len(a.Text) && s.Start <= s.End {
			out.Sentences = append(out.Sentences, sentenceJSON{Start: s.Start, End: s.End, Text: a.Text[s.Start:s.End]})
		}
	}
	for _, m := range a.Mentions {
		out.Mentions = append(out.Mentions, mentionJSON{Start: m.Start, End: m.End, Text: m.Text, Type: m.Type, Kind: m.Kind,
			Entity: m.Entity, Name: m.Name, Role: m.Role, Country: m.Country, Confidence: m.Confidence})
	}
	for _, t := range a.Times {
		tj := timeJSON{Start: t.Start, End: t.End, Text: t.Text, Kind: t.Kind, Resolved: t.Resolved, Duration: t.Duration}
		if t.Value.Known() {
			tj.Value = t.Value.String()
			tj.Precision = string(t.Value.Precision)
		}
		out.Times = append(out.Times, tj)
	}
	for _, e := range a.Events {
		out.Events = append(out.Events, toEventJSON(e, a.Path, a.URL, a.Outlet))
	}
	return out
}
