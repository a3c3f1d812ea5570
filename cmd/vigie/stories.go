package main

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/store"
	"github.com/vigie-news/vigie/story"
)

// loadStories decodes every stored story.
func (a *app) loadStories(cmd *cobra.Command) ([]*story.Story, error) {
	st, err := a.store(cmd.Context())
	if err != nil {
		return nil, err
	}
	recs, err := st.Stories(cmd.Context(), store.StoryFilter{Limit: 1 << 30})
	if err != nil {
		return nil, fmt.Errorf("listing stories: %w", err)
	}
	out := make([]*story.Story, 0, len(recs))
	for _, r := range recs {
		s, err := story.ParseStory(r.Data)
		if err != nil {
			a.log.Warn("skipping unreadable story", "id", r.ID, "err", err)
			continue
		}
		out = append(out, s)
	}
	return out, nil
}

func (a *app) storiesCommand() *cobra.Command {
	var (
		from, to, actor, typ string
		minSources, limit    int
		asJSON               bool
	)
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "Story events (one per real-world event across outlets), ranked by independent outlets",
		Example: `  vigie stories
  vigie stories --type CONSULT --actor "Jeyhun Bayramov" --from 2022
  vigie stories --json | jq '.[0]'`,
		Args: args(0, 0),
		RunE: func(cmd *cobra.Command, argv []string) error {
			f, t, err := parseRange(from, to)
			if err != nil {
				return err
			}
			all, err := a.loadStories(cmd)
			if err != nil {
				return err
			}
			sel := story.Select(story.Rank(all), story.Filter{From: f, To: t, Actor: actor, Type: typ, MinSources: minSources}, limit)
			if asJSON {
				if sel == nil {
					sel = []*story.Story{}
				}
				return writeJSON(a.out, sel)
			}
			if len(sel) == 0 {
				fmt.Fprintln(a.out, "no stories")
				return nil
			}
			w := tabwriter.NewWriter(a.out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "STORY\tDATE\tTYPE\tACTORS\tPLACE\tSOURCES\tARTICLES")
			for _, s := range sel {
				var names []string
				for _, ac := range s.Actors {
					names = append(names, ac.Name)
				}
				place := "-"
				if s.Place != nil {
					place = s.Place.Name
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%d\t%d\n", s.ID, orDash(s.Date.String()), s.Type, truncate(strings.Join(names, " + "), 60), place, s.NumSources, s.NumArticles)
			}
			return w.Flush()
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&from, "from", "", "story date on or after")
	fl.StringVar(&to, "to", "", "story date on or before")
	fl.StringVar(&actor, "actor", "", "an actor's canonical name or entity id")
	fl.StringVar(&typ, "type", "", "event type")
	fl.IntVar(&minSources, "min-sources", 0, "only stories reported by at least this many outlets")
	fl.IntVar(&limit, "limit", 100, "maximum number of stories")
	fl.BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) storyCommand() *cobra.Command {
	var why, asJSON bool
	cmd := &cobra.Command{
		Use:   "story ID",
		Short: "One story event: every report side by side (outlet, date, headline, evidence)",
		Example: `  vigie story st3f2a9c1d0b7e4a55
  vigie story st3f2a9c1d0b7e4a55 --why`,
		Args: args(1, 1),
		RunE: func(cmd *cobra.Command, argv []string) error {
			st, err := a.store(cmd.Context())
			if err != nil {
				return err
			}
			rec, err := st.Story(cmd.Context(), argv[0])
			if errors.Is(err, store.ErrNotFound) {
				return notFoundErr("no story %q (list them with: vigie stories)", argv[0])
			}
			if err != nil {
				return fmt.Errorf("reading story %s: %w", argv[0], err)
			}
			s, err := story.ParseStory(rec.Data)
			if err != nil {
				return fmt.Errorf("decoding story %s: %w", argv[0], err)
			}
			if asJSON {
				return writeJSON(a.out, s)
			}
			arts := map[string]*article.Article{}
			for _, r := range s.Reports {
				if _, ok := arts[r.ArticleID]; ok {
					continue
				}
				if art, err := st.Article(cmd.Context(), r.ArticleID); err == nil {
					arts[r.ArticleID] = art
				}
			}
			return story.WriteStory(a.out, s, arts, why)
		},
	}
	cmd.Flags().BoolVar(&why, "why", false, "explain every merging decision")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
