package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/store"
)

func (a *app) searchCommand() *cobra.Command {
	var (
		from, to, lang, outlet string
		limit, offset          int
		asJSON                 bool
	)
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Full-text search across stored articles",
		Long: `Search the stored articles. Words match across accents, case, French and
English inflections (négociations finds négociation) and transliterations of
names (Bayramov finds Baïramov and Bairamov, Pashinyan finds Pachinian).
"Quoted phrases" must appear as such; -word excludes a word.`,
		Example: `  vigie search Bayramov
  vigie search "cessez-le-feu" --from 2020-09 --to 2020-11 --lang fr
  vigie search Lavrov Mirzoyan --json | jq '.[].title'`,
		Args: args(1, -1),
		RunE: func(cmd *cobra.Command, argv []string) error {
			f, t, err := parseRange(from, to)
			if err != nil {
				return err
			}
			if limit < 0 || offset < 0 {
				return usageErr("--limit and --offset must not be negative")
			}
			st, err := a.store(cmd.Context())
			if err != nil {
				return err
			}
			q := store.SearchQuery{Text: strings.Join(argv, " "), Lang: lang, Outlet: outlet, From: f, To: t, Limit: limit, Offset: offset}
			if !asJSON && isTTY(a.out) {
				q.Highlight = &store.HighlightANSI
			}
			hits, err := st.Search(cmd.Context(), q)
			if err != nil {
				return fmt.Errorf("searching: %w", err)
			}
			if asJSON {
				type hitJSON struct {
					ID        string  `json:"id"`
					Title     string  `json:"title"`
					Outlet    string  `json:"outlet"`
					Published string  `json:"published"`
					Lang      string  `json:"lang"`
					Snippet   string  `json:"snippet"`
					Score     float64 `json:"score"`
					Path      string  `json:"path,omitempty"`
					URL       string  `json:"url,omitempty"`
				}
				out := make([]hitJSON, 0, len(hits))
				for _, h := range hits {
					out = append(out, hitJSON{ID: h.ID, Title: h.Title, Outlet: h.Outlet, Published: h.Published.String(),
						Lang: h.Lang, Snippet: h.Snippet, Score: h.Score, Path: h.Path, URL: h.URL})
				}
				return writeJSON(a.out, out)
			}
			if len(hits) == 0 {
				fmt.Fprintln(a.out, "no match")
				return nil
			}
			for i, h := range hits {
				fmt.Fprintf(a.out, "%d. %s  [%s · %s · %s]  id %s\n", offset+i+1, orDash(h.Title), orDash(h.Outlet), orDash(h.Published.String()), orDash(h.Lang), h.ID)
				fmt.Fprintf(a.out, "   %s\n\n", h.Snippet)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&from, "from", "", "published on or after (YYYY, YYYY-MM, YYYY-MM-DD)")
	fl.StringVar(&to, "to", "", "published on or before")
	fl.StringVar(&lang, "lang", "", "language code (fr, en, ...)")
	fl.StringVar(&outlet, "outlet", "", "outlet (e.g. armenpress.am)")
	fl.IntVar(&limit, "limit", 20, "maximum number of hits")
	fl.IntVar(&offset, "offset", 0, "skip the first hits")
	fl.BoolVar(&asJSON, "json", false, "print a JSON array")
	return cmd
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// lookupArticle finds an article by id, by path as ingested, or by the
// absolute form of a path.
func (a *app) lookupArticle(cmd *cobra.Command, ref string) (*article.Article, []string, error) {
	st, err := a.store(cmd.Context())
	if err != nil {
		return nil, nil, err
	}
	ctx := cmd.Context()
	art, err := st.Article(ctx, ref)
	if errors.Is(err, store.ErrNotFound) {
		art, err = st.ArticleByPath(ctx, ref)
		if errors.Is(err, store.ErrNotFound) {
			if abs, aerr := filepath.Abs(ref); aerr == nil && abs != ref {
				art, err = st.ArticleByPath(ctx, abs)
			}
		}
		if errors.Is(err, store.ErrNotFound) {
			if _, serr := os.Stat(ref); serr == nil {
				return nil, nil, notFoundErr("%s has not been ingested (run: vigie ingest %s)", ref, ref)
			}
			return nil, nil, notFoundErr("no article with id or path %q", ref)
		}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("reading article %s: %w", ref, err)
	}
	paths, err := st.ArticlePaths(ctx, art.ID)
	if err != nil {
		return nil, nil, fmt.Errorf("reading paths of %s: %w", art.ID, err)
	}
	return art, paths, nil
}

func (a *app) showCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID|PATH",
		Short: "Show one article: metadata, clean text, sentences, mentions, dates and events",
		Example: `  vigie show 3f2a9c1d0b7e4a55
  vigie show ../shared/corpus/seeds/001_d0a7259700a66d39.txt --json`,
		Args: args(1, 1),
		RunE: func(cmd *cobra.Command, argv []string) error {
			art, paths, err := a.lookupArticle(cmd, argv[0])
			if err != nil {
				return err
			}
			if art.Path == "" && len(paths) > 0 {
				art.Path = paths[len(paths)-1]
			}
			if asJSON {
				return writeJSON(a.out, toArticleJSON(art, paths))
			}
			printArticle(a, art, paths)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func printArticle(a *app, art *article.Article, paths []string) {
	w := tabwriter.NewWriter(a.out, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "id\t%s\n", art.ID)
	fmt.Fprintf(w, "title\t%s\n", orDash(art.Title))
	fmt.Fprintf(w, "outlet\t%s\n", orDash(art.Outlet))
	fmt.Fprintf(w, "published\t%s (%s)\n", orDash(art.Published.String()), art.Published.Prec())
	fmt.Fprintf(w, "language\t%s\n", orDash(art.Lang))
	if art.DupOf != "" {
		fmt.Fprintf(w, "duplicate of\t%s\n", art.DupOf)
	}
	if art.URL != "" {
		fmt.Fprintf(w, "url\t%s\n", art.URL)
	}
	for _, p := range paths {
		fmt.Fprintf(w, "path\t%s\n", p)
	}
	if d := art.Dateline; d != nil {
		fmt.Fprintf(w, "dateline\t%s, %s, %s\n", orDash(d.Place), orDash(d.Date.String()), orDash(d.Agency))
	}
	w.Flush()
	fmt.Fprintln(a.out)
	fmt.Fprintln(a.out, art.Text)
	if len(art.Sentences) > 0 {
		fmt.Fprintf(a.out, "\n%d sentences\n", len(art.Sentences))
	}
	if len(art.Mentions) > 0 {
		fmt.Fprintln(a.out, "\nMentions")
		w = tabwriter.NewWriter(a.out, 0, 0, 2, ' ', 0)
		for _, m := range art.Mentions {
			fmt.Fprintf(w, "  %d-%d\t%s\t%s\t%s\t%.2f\n", m.Start, m.End, m.Text, m.Type, orDash(m.Name), m.Confidence)
		}
		w.Flush()
	}
	if len(art.Times) > 0 {
		fmt.Fprintln(a.out, "\nDates")
		w = tabwriter.NewWriter(a.out, 0, 0, 2, ' ', 0)
		for _, t := range art.Times {
			v := t.Value.String()
			if t.Kind == article.TimeDuration {
				v = t.Duration
			}
			fmt.Fprintf(w, "  %d-%d\t%s\t%s\t%s\n", t.Start, t.End, t.Text, t.Kind, orDash(v))
		}
		w.Flush()
	}
	if len(art.Events) > 0 {
		fmt.Fprintln(a.out, "\nEvents")
		for _, e := range art.Events {
			printEventLine(a.out, e)
		}
	}
}

func (a *app) articlesCommand() *cobra.Command {
	var (
		asJSONL      bool
		lang, outlet string
		from, to     string
		limit        int
	)
	cmd := &cobra.Command{
		Use:     "articles",
		Short:   "List stored articles",
		Example: "  vigie articles\n  vigie articles --lang fr --jsonl | jq .title",
		Args:    args(0, 0),
		RunE: func(cmd *cobra.Command, argv []string) error {
			f, t, err := parseRange(from, to)
			if err != nil {
				return err
			}
			st, err := a.store(cmd.Context())
			if err != nil {
				return err
			}
			w := tabwriter.NewWriter(a.out, 0, 0, 2, ' ', 0)
			if !asJSONL {
				fmt.Fprintln(w, "ID\tPUBLISHED\tLANG\tOUTLET\tTITLE")
			}
			type row struct {
				ID        string `json:"id"`
				Path      string `json:"path"`
				URL       string `json:"url"`
				Outlet    string `json:"outlet"`
				Title     string `json:"title"`
				Published string `json:"published"`
				Lang      string `json:"lang"`
				Canonical string `json:"canonical"`
				DupOf     string `json:"dup_of,omitempty"`
			}
			err = st.Articles(cmd.Context(), store.ArticleFilter{Light: true, Lang: lang, Outlet: outlet, From: f, To: t, Limit: limit}, func(art *article.Article) error {
				if asJSONL {
					return writeJSONL(a.out, row{ID: art.ID, Path: art.Path, URL: art.URL, Outlet: art.Outlet, Title: art.Title, Published: art.Published.String(), Lang: art.Lang,
						Canonical: canonicalOf(art), DupOf: art.DupOf})
				}
				_, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", art.ID, orDash(art.Published.String()), orDash(art.Lang), orDash(art.Outlet), truncate(art.Title, 70))
				return err
			})
			if err != nil {
				return fmt.Errorf("listing articles: %w", err)
			}
			return w.Flush()
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&asJSONL, "jsonl", false, "one JSON object per line")
	fl.StringVar(&lang, "lang", "", "only this language")
	fl.StringVar(&outlet, "outlet", "", "only this outlet")
	fl.StringVar(&from, "from", "", "published on or after")
	fl.StringVar(&to, "to", "", "published on or before")
	fl.IntVar(&limit, "limit", 0, "at most this many (0: all)")
	return cmd
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func (a *app) statsCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "stats",
		Short:   "Count stored articles by language, outlet and month",
		Example: "  vigie stats\n  vigie stats --json",
		Args:    args(0, 0),
		RunE: func(cmd *cobra.Command, argv []string) error {
			st, err := a.store(cmd.Context())
			if err != nil {
				return err
			}
			s, err := st.Stats(cmd.Context())
			if err != nil {
				return fmt.Errorf("counting: %w", err)
			}
			if asJSON {
				return writeJSON(a.out, s)
			}
			fmt.Fprintf(a.out, "%d articles, %d mentions, %d events, %d stories\n", s.Articles, s.Mentions, s.Events, s.Stories)
			for _, sec := range []struct {
				name string
				c    []store.Count
			}{{"language", s.ByLang}, {"outlet", s.ByOutlet}, {"month", s.ByMonth}} {
				fmt.Fprintf(a.out, "\nby %s\n", sec.name)
				w := tabwriter.NewWriter(a.out, 0, 0, 2, ' ', 0)
				for _, c := range sec.c {
					fmt.Fprintf(w, "  %s\t%d\n", c.Key, c.Count)
				}
				w.Flush()
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
