package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/clean"
)

// jsonRecord is one line of a JSONL input.
type jsonRecord struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Published any    `json:"published"`
	Outlet    string `json:"outlet"`
	Lang      string `json:"lang"`
}

// readJSONL reads one article per line. A line that is not a valid record
// gives an error item "name:LINE: reason" and reading goes on. Each
// article's Raw is its record's "text" (or "html") value, so that RawMap
// maps into it; Path is "name#LINE".
func readJSONL(ctx context.Context, name string, r *bufio.Reader, opts Options, fn func(Item) error) error {
	lineNo := 0
	any := false
	for {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("reading %s: %w", name, err)
		}
		line, err := readLine(r, opts.maxBytes())
		if len(line) > 0 || err == nil {
			lineNo++
		}
		if errors.Is(err, ErrTooLarge) {
			if ferr := fn(Item{Path: fmt.Sprintf("%s#%d", name, lineNo), Err: fmt.Errorf("%s:%d: %w", name, lineNo, err)}); ferr != nil {
				return ferr
			}
			continue
		}
		if s := strings.TrimSpace(string(line)); s != "" {
			any = true
			it := Item{Path: fmt.Sprintf("%s#%d", name, lineNo)}
			a, rerr := readRecord([]byte(s), opts)
			if rerr != nil {
				it.Err = fmt.Errorf("%s:%d: %w", name, lineNo, rerr)
			} else {
				a.Path = it.Path
				it.Article = a
			}
			if ferr := fn(it); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return fn(Item{Path: name, Err: fmt.Errorf("reading %s: %w", name, err)})
		}
	}
	if !any {
		return fn(Item{Path: name, Err: fmt.Errorf("reading %s: %w", name, ErrEmpty)})
	}
	return nil
}

// readLine reads a line of at most limit bytes; a longer line is skipped
// and reported with ErrTooLarge.
func readLine(r *bufio.Reader, limit int64) ([]byte, error) {
	var out []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if int64(len(out)+len(chunk)) > limit {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = r.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			return nil, fmt.Errorf("line %w: limit %d bytes", ErrTooLarge, limit)
		}
		out = append(out, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return out, err
	}
}

func readRecord(line []byte, opts Options) (*article.Article, error) {
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, fmt.Errorf("parsing JSON record: %w", err)
	}
	var a *article.Article
	switch {
	case strings.TrimSpace(rec.Text) != "":
		a = &article.Article{Raw: []byte(rec.Text), Text: rec.Text, Format: FormatJSONL}
	case strings.TrimSpace(rec.HTML) != "":
		res, err := ExtractHTML([]byte(rec.HTML), rec.URL, extractorOf(opts))
		if err != nil {
			return nil, err
		}
		a = &article.Article{Raw: []byte(rec.HTML), Text: res.Text, Format: FormatJSONL, Title: res.Title,
			Outlet: res.SiteName, Published: res.Published, URL: res.URL, Lang: res.Lang}
	default:
		return nil, fmt.Errorf("record has neither \"text\" nor \"html\": %w", ErrNoText)
	}
	if rec.URL != "" {
		a.URL = rec.URL
	}
	if rec.Title != "" {
		a.Title = rec.Title
	}
	if rec.Outlet != "" {
		a.Outlet = rec.Outlet
	}
	if rec.Lang != "" {
		a.Lang = rec.Lang
	}
	if d, ok := parsePublished(rec.Published); ok {
		a.Published = d
	}
	clean.Clean(a)
	if a.Text == "" {
		return nil, ErrNoText
	}
	return a, nil
}

func extractorOf(opts Options) Extractor {
	if opts.Extractor == "" {
		return ExtractorAuto
	}
	return opts.Extractor
}

// publishedLayouts are the date formats accepted in metadata besides
// YYYY-MM-DD, YYYY-MM, YYYY and RFC 3339.
var publishedLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, time.RFC850, time.ANSIC,
	"2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02T15:04:05.000Z07:00", "02/01/2006", "2 January 2006", "January 2, 2006",
}

// parsePublished reads a metadata date: a string in one of the usual
// formats, or a Unix time in seconds.
func parsePublished(v any) (article.Date, bool) {
	switch x := v.(type) {
	case string:
		s := strings.TrimSpace(x)
		if d, ok := article.ParseDate(s); ok {
			return d, true
		}
		for _, l := range publishedLayouts {
			if t, err := time.Parse(l, s); err == nil {
				return article.DayDate(t), true
			}
		}
	case float64:
		if x > 0 && x < 1e11 {
			return article.DayDate(time.Unix(int64(x), 0).UTC()), true
		}
	}
	return article.Date{}, false
}
