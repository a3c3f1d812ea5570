package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vigie-news/vigie/sample"
	"github.com/vigie-news/vigie/store"
	"github.com/vigie-news/vigie/store/sqlite"
	"github.com/vigie-news/vigie/story"
)

func (a *app) demoCommand() *cobra.Command {
	var (
		noServe bool
		addr    string
	)
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Ingest the bundled sample corpus into a fresh database and show what vigie found",
		Long: `Write the bundled sample corpus (36 short French and English articles about
Armenia–Azerbaijan diplomacy, 2019–2025, written for vigie) to demo-sample/
beside the database, ingest it into a fresh database (demo.db in the data directory,
or --db), print what was found, then serve the web UI on 127.0.0.1 unless
--no-serve.`,
		Example: `  vigie demo
  vigie demo --no-serve --db /tmp/demo.db`,
		Args: args(0, 0),
		RunE: func(cmd *cobra.Command, argv []string) error {
			ctx := cmd.Context()
			if a.dbPath == "" {
				def, err := sqlite.DefaultPath()
				if err != nil {
					return fmt.Errorf("finding the data directory (use --db): %w", err)
				}
				a.dbPath = filepath.Join(filepath.Dir(def), "demo.db")
			}
			for _, suffix := range []string{"", "-wal", "-shm"} {
				if err := os.Remove(a.dbPath + suffix); err != nil && !os.IsNotExist(err) {
					return fmt.Errorf("removing the previous demo database: %w", err)
				}
			}
			// The sample goes beside the database, so that `vigie show PATH`
			// keeps working after the demo.
			base := filepath.Join(filepath.Dir(a.dbPath), "demo-sample")
			if err := os.RemoveAll(base); err != nil {
				return fmt.Errorf("removing the previous demo sample: %w", err)
			}
			dir, err := sample.WriteTo(base)
			if err != nil {
				return err
			}
			st, err := a.store(ctx)
			if err != nil {
				return err
			}
			pl, err := a.pipeline()
			if err != nil {
				return err
			}
			sum, err := runIngest(ctx, a, st, pl, []string{dir}, 64, 0, a.in, nil)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.out, "vigie demo: %d sample articles ingested into %s (%d new, %d failed) in %.1fs\n",
				sum.Read, a.dbPath, sum.New, sum.Failed, sum.Seconds)
			for _, e := range sum.Errors {
				fmt.Fprintf(a.out, "  failed: %s: %s\n", e.Path, e.Error)
			}
			stats, err := st.Stats(ctx)
			if err != nil {
				return fmt.Errorf("counting: %w", err)
			}
			var langs []string
			for _, c := range stats.ByLang {
				langs = append(langs, fmt.Sprintf("%s %d", c.Key, c.Count))
			}
			fmt.Fprintf(a.out, "languages: %s; %d entity mentions, %d events, %d story events\n\n",
				strings.Join(langs, ", "), stats.Mentions, stats.Events, stats.Stories)

			stories, err := a.loadStories(cmd)
			if err != nil {
				return err
			}
			top := story.Select(story.Rank(stories), story.Filter{}, 10)
			if len(top) > 0 {
				fmt.Fprintln(a.out, "Story events reported by the most outlets:")
				for _, s := range top {
					var names []string
					for _, ac := range s.Actors {
						names = append(names, ac.Name)
					}
					unit := "sources"
					if s.NumSources == 1 {
						unit = "source"
					}
					fmt.Fprintf(a.out, "  %-10s %-8s %-55s %d %s\n", orDash(s.Date.String()), s.Type, truncate(strings.Join(names, " + "), 55), s.NumSources, unit)
				}
				fmt.Fprintln(a.out)
			}
			ents, err := st.Entities(ctx, store.EntityFilter{Type: "person", Limit: 8})
			if err == nil && len(ents) > 0 {
				fmt.Fprintln(a.out, "Most mentioned people:")
				for _, e := range ents {
					fmt.Fprintf(a.out, "  %-28s %3d mentions in %d articles\n", e.Name, e.Mentions, e.Articles)
				}
				fmt.Fprintln(a.out)
			}
			fmt.Fprintf(a.out, "Try:\n  vigie --db %s search Bayramov\n  vigie --db %s events --type CONSULT\n  vigie --db %s stories\n",
				a.dbPath, a.dbPath, a.dbPath)
			if noServe {
				return nil
			}
			return a.serveDemo(cmd, addr)
		},
	}
	cmd.Flags().BoolVar(&noServe, "no-serve", false, "do not start the web UI afterwards")
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address of the web UI")
	return cmd
}
