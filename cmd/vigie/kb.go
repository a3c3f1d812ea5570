package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/kb"
)

func (a *app) kbCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "kb",
		Short: "Knowledge base: check files, import Wikidata dumps",
	}
	cmd.AddCommand(a.kbCheckCommand(), a.kbImportCommand())
	return cmd
}

func (a *app) kbCheckCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "check [FILE...]",
		Short: "Validate KB files (syntax, duplicate ids, ambiguous aliases, overlapping roles, unknown references)",
		Example: `  vigie kb check                 # the shipped KB
  vigie kb check my-actors.yaml  # extra files, checked together with the shipped KB`,
		RunE: func(cmd *cobra.Command, files []string) error {
			var (
				k   *kb.KB
				err error
			)
			if len(files) == 0 {
				k, err = kb.Default()
			} else {
				k, err = kb.LoadFiles(files...)
			}
			if err != nil {
				return fmt.Errorf("loading: %w", err)
			}
			probs := kb.Check(k)
			for _, p := range probs {
				fmt.Fprintln(a.out, p.String())
			}
			fmt.Fprintf(a.out, "%d entities, %d problems\n", k.Len(), len(probs))
			if len(probs) > 0 {
				return &exitError{code: exitFailure, err: fmt.Errorf("%d problems found", len(probs))}
			}
			return nil
		},
	}
	return cmd
}

func (a *app) kbImportCommand() *cobra.Command {
	var (
		langs, types []string
		output       string
	)
	cmd := &cobra.Command{
		Use:   "import DUMP",
		Short: "Import entities from a Wikidata JSON dump (streamed; .gz accepted; - for stdin) into a KB YAML file",
		Long: `Stream a Wikidata line-delimited JSON dump and write the entities that pass the
filters as a vigie KB YAML file: labels and aliases in the chosen languages,
type from P31, positions held (P39) with start/end qualifiers, country
(P17/P27) and coordinates (P625). Malformed lines are reported and skipped.
Load the result with --kb FILE.`,
		Example: `  vigie kb import latest-all.json.gz --lang en,fr,ru --type person,state,city -o wikidata.yaml
  vigie --kb wikidata.yaml ingest news/`,
		Args: args(1, 1),
		RunE: func(cmd *cobra.Command, argv []string) error {
			var r io.Reader
			if argv[0] == "-" {
				r = a.in
			} else {
				f, err := os.Open(argv[0])
				if err != nil {
					return fmt.Errorf("opening dump: %w", err)
				}
				defer f.Close()
				r = f
			}
			br := bufio.NewReaderSize(r, 1<<20)
			if head, _ := br.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
				zr, err := gzip.NewReader(br)
				if err != nil {
					return fmt.Errorf("opening gzip dump %s: %w", argv[0], err)
				}
				defer zr.Close()
				r = zr
			} else {
				r = br
			}
			opts := kb.ImportOptions{Languages: langs}
			for _, t := range types {
				opts.Types = append(opts.Types, article.EntityType(strings.TrimSpace(t)))
			}
			if k, err := kb.Default(); err == nil {
				opts.KB = k
			}
			var out io.Writer = a.out
			if output != "" && output != "-" {
				f, err := os.Create(output)
				if err != nil {
					return fmt.Errorf("creating %s: %w", output, err)
				}
				defer f.Close()
				out = f
			}
			bw := bufio.NewWriter(out)
			var batch []*kb.Entity
			flush := func() error {
				if len(batch) == 0 {
					return nil
				}
				err := kb.WriteYAML(bw, batch)
				batch = batch[:0]
				return err
			}
			st, err := kb.ImportDump(cmd.Context(), r, opts, func(e *kb.Entity) error {
				batch = append(batch, e)
				if len(batch) >= 1000 {
					return flush()
				}
				return nil
			})
			if ferr := flush(); err == nil {
				err = ferr
			}
			if ferr := bw.Flush(); err == nil {
				err = ferr
			}
			for _, le := range st.Errors {
				fmt.Fprintf(a.err, "%s:%d: %s\n", argv[0], le.Line, le.Err)
			}
			fmt.Fprintf(a.err, "%d lines, %d items, %d entities written, %d filtered, %d malformed\n", st.Lines, st.Items, st.Emitted, st.Filtered, st.Malformed)
			if err != nil {
				return fmt.Errorf("importing %s: %w", argv[0], err)
			}
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&langs, "lang", []string{"en", "fr"}, "languages of labels and aliases to keep")
	cmd.Flags().StringSliceVar(&types, "type", nil, "entity types to keep (person, state, city, region, ...); all when empty")
	cmd.Flags().StringVarP(&output, "output", "o", "", "output YAML file (default stdout)")
	return cmd
}
