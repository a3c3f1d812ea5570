package story

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/vigie-news/vigie/article"
)

// WriteStory renders a story for `vigie story ID`: a header, then its
// reports side by side as aligned columns (outlet, published, event date,
// place, mode, article), each followed by its evidence and, when why is
// true, the decision that attached it. articles (optional, by id) supplies
// titles and evidence text that the reports lack.
func WriteStory(w io.Writer, s *Story, articles map[string]*article.Article, why bool) error {
	var names []string
	for _, a := range s.Actors {
		names = append(names, a.Name)
	}
	place := "-"
	if s.Place != nil {
		place = s.Place.Name
	}
	if _, err := fmt.Fprintf(w, "story %s  %s  %s\ndate %s  place %s  articles %d  sources %d  first seen %s\n\n",
		s.ID, s.Type, strings.Join(names, " + "), orDash(s.Date.String()), place,
		s.NumArticles, s.NumSources, s.FirstSeen.UTC().Format("2006-01-02 15:04")); err != nil {
		return fmt.Errorf("writing story %s: %w", s.ID, err)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tOUTLET\tPUBLISHED\tDATE\tPLACE\tMODE\tARTICLE")
	for i := range s.Reports {
		r := &s.Reports[i]
		p := "-"
		if r.Place != nil {
			p = r.Place.Name
		}
		art := r.ArticleID
		if r.DupOf != "" {
			art += " (copy of " + r.DupOf + ")"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", i+1, orDash(r.Outlet), orDash(r.Published.String()),
			orDash(r.Date.String()), p, orDash(r.Mode), art)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("writing story %s: %w", s.ID, err)
	}
	for i := range s.Reports {
		r := &s.Reports[i]
		a := articles[r.ArticleID]
		title := ""
		if a != nil {
			title = a.Title
		}
		fmt.Fprintf(w, "\n[%d] %s\n", i+1, orDash(title))
		for _, ev := range r.Evidence {
			text := ev.Text
			if text == "" && a != nil && ev.Start >= 0 && ev.Start <= ev.End && ev.End <= len(a.Text) {
				text = a.Text[ev.Start:ev.End]
			}
			fmt.Fprintf(w, "    « %s » [%d:%d]\n", oneLine(text), ev.Start, ev.End)
		}
		if why {
			if _, err := fmt.Fprintf(w, "    why: %s\n", r.Why); err != nil {
				return fmt.Errorf("writing story %s: %w", s.ID, err)
			}
		}
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
