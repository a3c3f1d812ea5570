package main

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/store"
)

func (a *app) entitiesCommand() *cobra.Command {
	var (
		typ, q string
		limit  int
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "List the actors and places mentioned in the corpus, with counts",
		Example: `  vigie entities --type person
  vigie entities --q bayramov --json`,
		Args: args(0, 0),
		RunE: func(cmd *cobra.Command, argv []string) error {
			st, err := a.store(cmd.Context())
			if err != nil {
				return err
			}
			es, err := st.Entities(cmd.Context(), store.EntityFilter{Type: article.EntityType(typ), Q: q, Limit: limit})
			if err != nil {
				return fmt.Errorf("listing entities: %w", err)
			}
			if asJSON {
				if es == nil {
					es = []store.EntitySummary{}
				}
				return writeJSON(a.out, es)
			}
			w := tabwriter.NewWriter(a.out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "NAME\tTYPE\tMENTIONS\tARTICLES\tOUTLETS\tID")
			for _, e := range es {
				fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%s\t%s\n", e.Name, e.Type, e.Mentions, e.Articles, truncate(strings.Join(e.Outlets, ","), 40), e.ID)
			}
			return w.Flush()
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&typ, "type", "", "entity type: person, state, city, region, international_organization, ...")
	fl.StringVar(&q, "q", "", "name or id contains (case- and accent-insensitive)")
	fl.IntVar(&limit, "limit", 100, "maximum number of entities")
	fl.BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) entityCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "entity NAME|ID",
		Short: "Show one entity: aliases seen, roles, articles, co-occurring actors",
		Example: `  vigie entity "Jeyhun Bayramov"
  vigie entity Q312657 --json`,
		Args: args(1, -1),
		RunE: func(cmd *cobra.Command, argv []string) error {
			ref := strings.Join(argv, " ")
			st, err := a.store(cmd.Context())
			if err != nil {
				return err
			}
			d, err := st.EntityDetail(cmd.Context(), ref)
			if errors.Is(err, store.ErrNotFound) {
				// Try the KB: a known entity not yet mentioned in the corpus.
				if k, kerr := a.knowledgeBase(); kerr == nil {
					if e := k.Get(ref); e != nil {
						d, err = st.EntityDetail(cmd.Context(), e.Name)
					} else if es := k.ByAlias(ref); len(es) == 1 {
						d, err = st.EntityDetail(cmd.Context(), es[0].ID)
					}
				}
			}
			if errors.Is(err, store.ErrNotFound) {
				return notFoundErr("no entity %q in the corpus (try: vigie entities --q %q)", ref, ref)
			}
			if err != nil {
				return fmt.Errorf("reading entity %s: %w", ref, err)
			}
			var roles any
			if k, kerr := a.knowledgeBase(); kerr == nil {
				if e := k.Get(d.ID); e != nil {
					roles = e.Roles
				}
			}
			if asJSON {
				return writeJSON(a.out, struct {
					*store.EntityDetail
					Roles any `json:"roles"`
				}{d, roles})
			}
			fmt.Fprintf(a.out, "%s (%s, %s)\n%d mentions in %d articles\n", d.Name, d.Type, d.ID, d.Mentions, d.Articles)
			if k, kerr := a.knowledgeBase(); kerr == nil {
				if e := k.Get(d.ID); e != nil && len(e.Roles) > 0 {
					fmt.Fprintln(a.out, "\nRoles")
					for _, r := range e.Roles {
						end := r.End
						if end == "" {
							end = "…"
						}
						fmt.Fprintf(a.out, "  %s (%s → %s)\n", orDash(r.Title), orDash(r.Start), end)
					}
				}
			}
			if len(d.Aliases) > 0 {
				fmt.Fprintln(a.out, "\nSeen as")
				for _, c := range d.Aliases {
					fmt.Fprintf(a.out, "  %s (%d)\n", c.Key, c.Count)
				}
			}
			if len(d.CoOccurring) > 0 {
				fmt.Fprintln(a.out, "\nMost frequent co-occurring actors")
				for i, c := range d.CoOccurring {
					if i == 15 {
						break
					}
					fmt.Fprintf(a.out, "  %s (%s): %d articles\n", c.Name, c.Type, c.Count)
				}
			}
			if len(d.ArticleRefs) > 0 {
				fmt.Fprintln(a.out, "\nArticles")
				w := tabwriter.NewWriter(a.out, 0, 0, 2, ' ', 0)
				for _, r := range d.ArticleRefs {
					fmt.Fprintf(w, "  %s\t%s\t%s\t%s\n", r.ID, orDash(r.Published.String()), orDash(r.Outlet), truncate(r.Title, 60))
				}
				w.Flush()
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
