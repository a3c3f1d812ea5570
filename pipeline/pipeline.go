// Package pipeline chains vigie's analysis stages over one article:
// language → sentences → dates → entities → events. Reading and cleaning
// happen before (package ingest), storing and story merging after (the
// CLI and the server wire those); stages never import the CLI or server.
package pipeline

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/entity"
	"github.com/vigie-news/vigie/event"
	"github.com/vigie-news/vigie/kb"
	"github.com/vigie-news/vigie/lang"
	"github.com/vigie-news/vigie/timex"
)

// Stage is one analysis step. Process annotates the article in place and
// must be safe for concurrent use on different articles.
type Stage interface {
	// Name identifies the stage in errors and logs.
	Name() string
	// Process annotates a.
	Process(ctx context.Context, a *article.Article) error
}

// StageFunc adapts a function to Stage.
type StageFunc struct {
	N string
	F func(ctx context.Context, a *article.Article) error
}

// Name returns the stage name.
func (s StageFunc) Name() string { return s.N }

// Process calls F.
func (s StageFunc) Process(ctx context.Context, a *article.Article) error { return s.F(ctx, a) }

// Pipeline runs stages in order.
type Pipeline struct {
	stages []Stage
}

// New returns a pipeline of the given stages.
func New(stages ...Stage) *Pipeline { return &Pipeline{stages: stages} }

// Stages returns the stages in order.
func (p *Pipeline) Stages() []Stage { return p.stages }

// Process runs every stage on a. It stops at the first error, which names
// the stage; annotations already made are kept.
func (p *Pipeline) Process(ctx context.Context, a *article.Article) error {
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Process(ctx, a); err != nil {
			return fmt.Errorf("%s stage on %s: %w", s.Name(), a.Path, err)
		}
	}
	return nil
}

// Options configures the default pipeline.
type Options struct {
	// Languages is the set language identification chooses from (default lang.DefaultLanguages).
	Languages []string
	// KB is the knowledge base (default kb.Default()).
	KB *kb.KB
	// Logger receives stage diagnostics.
	Logger *slog.Logger
	// AllEvents keeps non-factual events (planned, negated, hypothetical); vague
	// undated background is always left out.
	AllEvents bool
}

// Default builds the standard chain: language identification, sentence
// splitting, temporal tagging, entity recognition and linking, event extraction.
func Default(opts Options) (*Pipeline, error) {
	langs := opts.Languages
	det, err := lang.New(langs)
	if err != nil {
		return nil, fmt.Errorf("building language detector: %w", err)
	}
	k := opts.KB
	if k == nil {
		k, err = kb.Default()
		if err != nil {
			return nil, fmt.Errorf("loading knowledge base: %w", err)
		}
	}
	rec := entity.New(k, entity.Options{})
	ex, err := event.New(event.Options{KeepNonFactual: opts.AllEvents, Logger: opts.Logger,
		Sector: func(id string) string {
			if e := k.Get(id); e != nil {
				return e.Sector
			}
			return ""
		},
		Roles: newRoleCache(k).classes,
		Polity: func(placeID string) (article.Actor, bool) {
			// The place itself, or what it is part of (a city in a region).
			for id, hops := placeID, 0; id != "" && hops < 3; hops++ {
				if p := k.PolityOf(id); p != nil {
					return article.Actor{Name: p.Name, Entity: p.ID, Country: p.Country}, true
				}
				e := k.Get(id)
				if e == nil {
					break
				}
				id = e.PartOf
			}
			return article.Actor{}, false
		}})
	if err != nil {
		return nil, fmt.Errorf("building event extractor: %w", err)
	}
	return New(
		StageFunc{"lang", func(ctx context.Context, a *article.Article) error {
			if a.Lang == "" {
				a.Lang, _ = det.Detect(prefix(a.Text, langPrefix))
			}
			return nil
		}},
		StageFunc{"sentences", sentences},
		StageFunc{"timex", timex.Annotate},
		StageFunc{"entity", rec.Annotate},
		StageFunc{"event", ex.Extract},
	), nil
}

// langPrefix is how much of the text language identification reads: the
// answer on a 2 KB prefix is the same as on the whole text for news
// articles, at a fraction of the cost.
const langPrefix = 1024

// prefix returns at most n bytes of s, cut at a rune boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

// roleClasses maps the KB roles a person held on a date (any date when it
// is unknown) to the event layer's role classes: "leader" for heads of
// state and government, "minister" for ministers, each with the KB role
// key itself ("foreign_minister"), which counterparts are matched on.
func roleClasses(k *kb.KB, id string, on article.Date) []string {
	e := k.Get(id)
	if e == nil {
		return nil
	}
	roles := e.Roles
	if on.Known() {
		roles = e.RoleAt(on)
	}
	var out []string
	for _, r := range roles {
		switch r.Key {
		case "president", "prime_minister":
			out = append(out, "leader", r.Key)
		case "foreign_minister", "defence_minister", "interior_minister", "deputy_prime_minister":
			out = append(out, "minister", r.Key)
		}
	}
	return out
}
