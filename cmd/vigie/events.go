package main

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/event"
	"github.com/vigie-news/vigie/store"
)

// eventFlags are the filters shared by events, timeline and export.
type eventFlags struct {
	typ, actor, from, to, outlet string
	all, raw                     bool
	limit                        int
}

func (f *eventFlags) register(cmd *cobra.Command, withActor bool) {
	fl := cmd.Flags()
	fl.StringVar(&f.typ, "type", "", "PLOVER event type (CONSULT, AGREE, REQUEST, ACCUSE, ASSAULT, ...)")
	if withActor {
		fl.StringVar(&f.actor, "actor", "", "actor: canonical name or entity id")
	}
	fl.StringVar(&f.from, "from", "", "event date on or after (YYYY, YYYY-MM, YYYY-MM-DD)")
	fl.StringVar(&f.to, "to", "", "event date on or before")
	fl.StringVar(&f.outlet, "outlet", "", "reporting outlet")
	fl.BoolVar(&f.all, "all", false, "include non-factual events (planned, negated, hypothetical)")
	fl.BoolVar(&f.raw, "raw", false, "list every article's events instead of one line per story event")
	fl.IntVar(&f.limit, "limit", 1000, "maximum number of events (0: all)")
}

func (f *eventFlags) filter() (store.EventFilter, error) {
	from, to, err := parseRange(f.from, f.to)
	if err != nil {
		return store.EventFilter{}, err
	}
	limit := f.limit
	switch {
	case limit < 0:
		return store.EventFilter{}, usageErr("--limit must not be negative")
	case limit == 0:
		limit = math.MaxInt32
	}
	if f.typ != "" {
		if _, ok := event.LookupType(strings.ToUpper(f.typ)); !ok {
			return store.EventFilter{}, usageErr("--type %q is not a PLOVER event type", f.typ)
		}
	}
	return store.EventFilter{Type: strings.ToUpper(f.typ), Actor: f.actor, From: from, To: to, Outlet: f.outlet, All: f.all, Limit: limit}, nil
}

// queryEvents runs the filter and, unless raw, keeps one event per story.
func (a *app) queryEvents(cmd *cobra.Command, f *eventFlags) ([]store.EventRecord, error) {
	ef, err := f.filter()
	if err != nil {
		return nil, err
	}
	st, err := a.store(cmd.Context())
	if err != nil {
		return nil, err
	}
	evs, err := st.Events(cmd.Context(), ef)
	if err != nil {
		return nil, fmt.Errorf("listing events: %w", err)
	}
	if f.raw {
		return evs, nil
	}
	seen := map[string]bool{}
	out := evs[:0]
	for _, e := range evs {
		if e.Story != "" {
			if seen[e.Story] {
				continue
			}
			seen[e.Story] = true
		}
		out = append(out, e)
	}
	return out, nil
}

func (a *app) eventsCommand() *cobra.Command {
	var (
		f               eventFlags
		asJSON, asJSONL bool
	)
	cmd := &cobra.Command{
		Use:   "events",
		Short: "List extracted events (one per story event unless --raw)",
		Long: `List the PLOVER-coded events extracted from the stored articles: type, mode,
actors (source, target, host), date, place, factuality and the evidence
sentence with its offsets. By default one line per story event (the same
real-world event reported by several articles is listed once, with its story
id); --raw lists every article's events; --all adds planned, negated and
hypothetical events.`,
		Example: `  vigie events --type CONSULT --from 2022
  vigie events --actor "Jeyhun Bayramov" --jsonl
  vigie events --raw --all --json`,
		Args: args(0, 0),
		RunE: func(cmd *cobra.Command, argv []string) error {
			evs, err := a.queryEvents(cmd, &f)
			if err != nil {
				return err
			}
			switch {
			case asJSONL:
				for _, e := range evs {
					if err := writeJSONL(a.out, eventRecordJSON(e)); err != nil {
						return err
					}
				}
				return nil
			case asJSON:
				out := make([]eventJSON, 0, len(evs))
				for _, e := range evs {
					out = append(out, eventRecordJSON(e))
				}
				return writeJSON(a.out, out)
			}
			if len(evs) == 0 {
				fmt.Fprintln(a.out, "no events")
				return nil
			}
			for _, e := range evs {
				printEventLine(a.out, e.Event)
				if len(e.Evidence) > 0 {
					fmt.Fprintf(a.out, "      %s — %s\n", orDash(e.Outlet), truncate(strings.TrimSpace(e.Evidence[0].Text), 160))
				}
			}
			return nil
		},
	}
	f.register(cmd, true)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array")
	cmd.Flags().BoolVar(&asJSONL, "jsonl", false, "print one JSON object per line")
	return cmd
}

func printEventLine(w io.Writer, e article.Event) {
	var src, tgt, host []string
	for _, a := range e.Actors {
		switch a.Role {
		case article.RoleHost:
			host = append(host, a.Name)
		case article.RoleTarget:
			tgt = append(tgt, a.Name)
		default:
			src = append(src, a.Name)
		}
	}
	line := fmt.Sprintf("  %-10s %-8s %s", orDash(e.Date.String()), e.Type, strings.Join(src, " + "))
	if len(tgt) > 0 {
		line += " → " + strings.Join(tgt, " + ")
	}
	if e.Mode != "" {
		line += " [" + e.Mode + "]"
	}
	if len(host) > 0 {
		line += " host: " + strings.Join(host, ", ")
	}
	if e.Place != nil {
		line += " @ " + e.Place.Name
	}
	if e.Factuality != "" && e.Factuality != article.FactAsserted {
		line += " (" + e.Factuality + ")"
	}
	if e.Story != "" {
		line += "  story " + e.Story
	}
	fmt.Fprintln(w, line)
}

func (a *app) timelineCommand() *cobra.Command {
	var (
		f      eventFlags
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "timeline ACTOR",
		Short: "Events involving an actor, in date order",
		Example: `  vigie timeline "Ararat Mirzoyan"
  vigie timeline Azerbaijan --type ASSAULT --json`,
		Args: args(1, -1),
		RunE: func(cmd *cobra.Command, argv []string) error {
			f.actor = strings.Join(argv, " ")
			evs, err := a.queryEvents(cmd, &f)
			if err != nil {
				return err
			}
			sort.SliceStable(evs, func(i, j int) bool {
				di, dj := evs[i].Date, evs[j].Date
				if di.Known() != dj.Known() {
					return di.Known()
				}
				return di.Time().Before(dj.Time())
			})
			if asJSON {
				out := make([]eventJSON, 0, len(evs))
				for _, e := range evs {
					out = append(out, eventRecordJSON(e))
				}
				return writeJSON(a.out, out)
			}
			if len(evs) == 0 {
				return notFoundErr("no events involving %q", f.actor)
			}
			fmt.Fprintf(a.out, "Timeline of %s (%d events)\n", f.actor, len(evs))
			for _, e := range evs {
				printEventLine(a.out, e.Event)
			}
			return nil
		},
	}
	f.register(cmd, false)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) exportCommand() *cobra.Command {
	var (
		f      eventFlags
		format string
	)
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Export events as POLECAT-style JSON, GDELT-style CSV or JSONL",
		Example: `  vigie export --format polecat > events.json
  vigie export --format gdelt --from 2022 > events.csv`,
		Args: args(0, 0),
		RunE: func(cmd *cobra.Command, argv []string) error {
			evs, err := a.queryEvents(cmd, &f)
			if err != nil {
				return err
			}
			switch format {
			case "jsonl":
				for _, e := range evs {
					if err := writeJSONL(a.out, eventRecordJSON(e)); err != nil {
						return err
					}
				}
				return nil
			case "polecat", "gdelt":
			default:
				return usageErr("--format %q: want polecat, gdelt or jsonl", format)
			}
			arts := map[string]*article.Article{}
			events := make([]article.Event, 0, len(evs))
			for _, e := range evs {
				events = append(events, e.Event)
				if _, ok := arts[e.ArticleID]; !ok {
					arts[e.ArticleID] = &article.Article{ID: e.ArticleID, Path: e.Path, URL: e.URL, Outlet: e.Outlet, Title: e.Title, Published: e.Published}
				}
			}
			if format == "polecat" {
				return event.WritePOLECAT(a.out, events, arts)
			}
			return event.WriteGDELTCSV(a.out, events, arts)
		},
	}
	f.register(cmd, true)
	cmd.Flags().StringVar(&format, "format", "polecat", "polecat, gdelt or jsonl")
	return cmd
}
