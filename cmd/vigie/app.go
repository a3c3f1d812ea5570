package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/kb"
	"github.com/vigie-news/vigie/store"
	"github.com/vigie-news/vigie/store/sqlite"
)

// app holds what every command shares: streams, global flags, the store.
type app struct {
	in       io.Reader
	out, err io.Writer

	dbPath   string
	logLevel string
	kbFiles  []string

	log *slog.Logger
	st  store.Store
	kb  *kb.KB
}

func newApp(in io.Reader, out, errw io.Writer) *app {
	return &app{in: in, out: out, err: errw, log: slog.New(slog.NewTextHandler(errw, &slog.HandlerOptions{Level: slog.LevelWarn}))}
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "vigie",
		Short: "News event intelligence: who did what to whom, when, where and how",
		Long: `vigie reads news articles (text, HTML, JSONL, RSS/Atom feeds, gzip, directories)
and builds a searchable, deduplicated database of political events coded in
the PLOVER ontology, each tied to the sentence that reports it, with actors
resolved across spellings and roles. French first, English next; fully offline,
embedded SQLite storage by default.`,
		Example: `  vigie demo                          # ingest the bundled sample and show what was found
  vigie ingest ~/news/ feed.xml.gz    # ingest files, directories, feeds
  vigie search Bayramov --from 2022-01-01
  vigie events --type CONSULT --actor "Ararat Mirzoyan" --jsonl
  vigie eval --gold ../shared/corpus/dev/gold.jsonl`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			var lvl slog.Level
			if err := lvl.UnmarshalText([]byte(a.logLevel)); err != nil {
				return usageErr("--log-level %q: want debug, info, warn or error", a.logLevel)
			}
			a.log = slog.New(slog.NewTextHandler(a.err, &slog.HandlerOptions{Level: lvl}))
			return nil
		},
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitError{code: exitUsage, err: fmt.Errorf("%w (see %s --help)", err, c.CommandPath())}
	})
	root.SetOut(a.out)
	root.SetErr(a.err)
	pf := root.PersistentFlags()
	defDB, _ := sqlite.DefaultPath()
	pf.StringVar(&a.dbPath, "db", "", "database file (default: "+defDB+")")
	pf.StringVar(&a.logLevel, "log-level", "warn", "log level: debug, info, warn, error")
	pf.StringSliceVar(&a.kbFiles, "kb", nil, "extra knowledge-base YAML files merged over the shipped KB")

	root.AddCommand(
		a.ingestCommand(),
		a.searchCommand(),
		a.showCommand(),
		a.articlesCommand(),
		a.statsCommand(),
		a.demoCommand(),
	)
	a.addMoreCommands(root)
	return root
}

// store opens the database on first use.
func (a *app) store(ctx context.Context) (store.Store, error) {
	if a.st != nil {
		return a.st, nil
	}
	p := a.dbPath
	if p == "" {
		var err error
		if p, err = sqlite.DefaultPath(); err != nil {
			return nil, fmt.Errorf("finding the default database path (use --db): %w", err)
		}
	}
	st, err := sqlite.Open(ctx, p)
	if err != nil {
		return nil, fmt.Errorf("opening database %s: %w", p, err)
	}
	a.st = st
	return st, nil
}

func (a *app) close() {
	if a.st != nil {
		if err := a.st.Close(); err != nil {
			a.log.Warn("closing database", "err", err)
		}
		a.st = nil
	}
}

// isTTY reports whether w is a terminal.
func isTTY(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func isUsage(err error) bool {
	s := err.Error()
	return strings.Contains(s, "unknown command") || strings.Contains(s, "arg(s)") || strings.Contains(s, "unknown flag")
}

// args validates the number of positional arguments with a usage error.
func args(min, max int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if len(a) < min || (max >= 0 && len(a) > max) {
			switch {
			case min == max:
				return usageErr("%s takes %d argument(s), got %d (see --help)", cmd.CommandPath(), min, len(a))
			case max < 0:
				return usageErr("%s takes at least %d argument(s) (see --help)", cmd.CommandPath(), min)
			default:
				return usageErr("%s takes %d to %d arguments, got %d (see --help)", cmd.CommandPath(), min, max, len(a))
			}
		}
		return nil
	}
}

// parseRange parses a --from/--to pair.
func parseRange(from, to string) (article.Date, article.Date, error) {
	f, err := parseDateFlag("from", from)
	if err != nil {
		return article.Date{}, article.Date{}, err
	}
	t, err := parseDateFlag("to", to)
	return f, t, err
}

// parseDateFlag parses a --from/--to value (YYYY, YYYY-MM or YYYY-MM-DD).
func parseDateFlag(name, v string) (article.Date, error) {
	if v == "" {
		return article.Date{}, nil
	}
	d, ok := article.ParseDate(v)
	if !ok {
		return article.Date{}, usageErr("--%s %q: want YYYY, YYYY-MM or YYYY-MM-DD", name, v)
	}
	return d, nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func writeJSONL(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
