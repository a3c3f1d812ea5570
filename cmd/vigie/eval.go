package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/eval"
	"github.com/vigie-news/vigie/ingest"
	"github.com/vigie-news/vigie/pipeline"
	"github.com/vigie-news/vigie/story"
)

func (a *app) evalCommand() *cobra.Command {
	var (
		golds   []string
		asJSON  bool
		verbose bool
	)
	cmd := &cobra.Command{
		Use:   "eval --gold FILE [--gold FILE ...]",
		Short: "Score the whole pipeline against gold annotations (GUIDELINE.md)",
		Long: `Run the whole pipeline (read, clean, language, sentences, dates, entities,
events, stories) over the article files a gold.jsonl names (paths relative to
the gold file) and score it: persons, publication dates, events per type,
event dates, CONSULT modes and cross-article story merging (dedup). Nothing is
written to the database.`,
		Example: `  vigie eval --gold ../shared/corpus/seeds/gold.jsonl
  vigie eval --gold ../shared/corpus/dev/gold.jsonl --gold ../shared/corpus/dev-en/gold.jsonl --json
  vigie eval --gold ../shared/corpus/dev/gold.jsonl --verbose`,
		Args: args(0, 0),
		RunE: func(cmd *cobra.Command, argv []string) error {
			if len(golds) == 0 {
				return usageErr("give at least one --gold FILE")
			}
			pl, err := a.pipeline()
			if err != nil {
				return err
			}
			rep, err := runEval(cmd.Context(), a, pl, golds)
			if err != nil {
				return err
			}
			if !verbose {
				rep.Details = nil
			}
			if asJSON {
				return writeJSON(a.out, rep)
			}
			printReport(a.out, rep)
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&golds, "gold", nil, "gold.jsonl file (repeatable)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the scores as JSON")
	cmd.Flags().BoolVar(&verbose, "verbose", false, "list every miss and false alarm with its sentence")
	return cmd
}

// runEval analyses every gold article in memory and scores the result.
func runEval(ctx context.Context, a *app, pl *pipeline.Pipeline, golds []string) (*eval.Report, error) {
	var cases []eval.Case
	for _, g := range golds {
		gs, err := eval.LoadGold(g)
		if err != nil {
			return nil, err
		}
		for _, ga := range gs {
			items, err := ingest.ReadFile(ctx, ga.Path, ingest.Options{Logger: a.log})
			var art *article.Article
			switch {
			case err != nil:
				a.log.Warn("eval: cannot read", "path", ga.Path, "err", err)
			case len(items) == 0 || items[0].Err != nil:
				if len(items) > 0 {
					a.log.Warn("eval: cannot read", "path", ga.Path, "err", items[0].Err)
				}
			default:
				art = items[0].Article
				if err := pl.Process(ctx, art); err != nil {
					a.log.Warn("eval: analysis failed", "path", ga.Path, "err", err)
				}
			}
			cases = append(cases, eval.Case{Gold: ga, Sys: art})
		}
	}
	// Stories across the evaluated articles, in a fresh in-memory index.
	ix := story.NewIndex(story.DefaultOptions())
	for _, c := range cases {
		if c.Sys != nil {
			ix.AddArticle(c.Sys)
		}
	}
	return eval.Score(cases), nil
}

func printReport(w io.Writer, r *eval.Report) {
	fmt.Fprintf(w, "articles %d", r.Articles)
	if r.Failed > 0 {
		fmt.Fprintf(w, " (%d unreadable)", r.Failed)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "persons      accuracy %.3f (%d/%d surfaces)  spurious %.3f (%d/%d)\n", r.Persons.Accuracy, r.Persons.Linked,
		r.Persons.GoldSurfaces, r.Persons.SpuriousRate, r.Persons.Spurious, r.Persons.SystemPersons)
	fmt.Fprintf(w, "published    accuracy %.3f (%d/%d)\n", r.Published.Accuracy, r.Published.Correct, r.Published.Gold)
	fmt.Fprintf(w, "event dates  accuracy %.3f (%d/%d)\n", r.EventDates.Accuracy, r.EventDates.Correct, r.EventDates.Gold)
	fmt.Fprintf(w, "modes        accuracy %.3f (%d/%d CONSULT)\n", r.Modes.Accuracy, r.Modes.Correct, r.Modes.Matched)
	if r.Dedup != nil {
		fmt.Fprintf(w, "dedup        P %.3f R %.3f F1 %.3f (%d gold pairs)\n", r.Dedup.Precision, r.Dedup.Recall, r.Dedup.F1, r.Dedup.GoldPairs)
	}
	fmt.Fprintln(w, "\nevents")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "type\ttp\tfp\tfn\tprecision\trecall\tf1\t")
	types := make([]string, 0, len(r.Events))
	for t := range r.Events {
		if t != "all" {
			types = append(types, t)
		}
	}
	sort.Strings(types)
	types = append(types, "all")
	for _, t := range types {
		p := r.Events[t]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", t, p.TP, p.FP, p.FN, p.Precision, p.Recall, p.F1)
	}
	tw.Flush()
	if len(r.Details) > 0 {
		fmt.Fprintln(w, "\ndetails")
		for _, d := range r.Details {
			fmt.Fprintf(w, "  %s %s: %s\n", d.File, strings.ToUpper(d.Kind), d.What)
			if d.Sentence != "" {
				fmt.Fprintf(w, "      « %s »\n", truncate(strings.TrimSpace(d.Sentence), 240))
			}
		}
	}
}
