package story

import (
	"sort"
	"strings"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/translit"
)

// Filter selects stories for `vigie stories`. Zero fields do not filter.
type Filter struct {
	// From and To bound the story date (inclusive, at each bound's
	// precision); stories without a date are kept only when both are zero.
	From, To article.Date
	// Actor matches an actor's entity id, or its name (folded, as a whole word sequence).
	Actor string
	// Type matches the event type, case-insensitively.
	Type string
	// MinSources drops stories with fewer independent outlets.
	MinSources int
}

// Match reports whether s passes the filter.
func (f Filter) Match(s *Story) bool {
	if f.Type != "" && !strings.EqualFold(f.Type, s.Type) {
		return false
	}
	if s.NumSources < f.MinSources {
		return false
	}
	if f.From.Known() || f.To.Known() {
		r, ok := dateRange(s.Date)
		if !ok {
			return false
		}
		if from, ok := dateRange(f.From); ok && r.hi < from.lo {
			return false
		}
		if to, ok := dateRange(f.To); ok && r.lo > to.hi {
			return false
		}
	}
	if f.Actor != "" {
		want := " " + strings.Join(translit.Words(f.Actor), " ") + " "
		found := false
		for _, a := range s.Actors {
			if a.Entity == f.Actor || strings.Contains(" "+strings.Join(translit.Words(a.Name), " ")+" ", want) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// Rank sorts stories by independent outlets (NumSources), then articles,
// then the more recent date, then id, most important first. It sorts in place
// and returns its argument.
func Rank(stories []*Story) []*Story {
	sort.SliceStable(stories, func(i, j int) bool {
		a, b := stories[i], stories[j]
		if a.NumSources != b.NumSources {
			return a.NumSources > b.NumSources
		}
		if a.NumArticles != b.NumArticles {
			return a.NumArticles > b.NumArticles
		}
		if ta, tb := a.Date.Time(), b.Date.Time(); !ta.Equal(tb) {
			return ta.After(tb)
		}
		return a.ID < b.ID
	})
	return stories
}

// Select returns the stories matching f, ranked by Rank, at most limit of
// them (limit <= 0: all). The input slice is not modified.
func Select(stories []*Story, f Filter, limit int) []*Story {
	var out []*Story
	for _, s := range stories {
		if f.Match(s) {
			out = append(out, s)
		}
	}
	Rank(out)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}
