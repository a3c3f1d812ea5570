package ingest

import (
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/clean"
)

// readHTML extracts an article from an HTML page. pageURL (may be "") is
// the page's address when the caller knows it.
func readHTML(data []byte, pageURL string, opts Options) (*article.Article, error) {
	page := data
	if !utf8.Valid(page) {
		enc, _, _ := charset.DetermineEncoding(page, "text/html")
		if dec, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(page))); err == nil {
			page = dec
		}
	}
	ex := opts.Extractor
	if ex == "" {
		ex = ExtractorAuto
	}
	res, err := ExtractHTML(page, pageURL, ex)
	if err != nil {
		return nil, err
	}
	a := &article.Article{
		Raw: data, Text: res.Text, Format: FormatHTML, Title: res.Title,
		URL: firstNonEmpty(pageURL, res.URL), Outlet: res.SiteName, Published: res.Published, Lang: res.Lang,
	}
	clean.Clean(a)
	if a.Text == "" {
		return nil, ErrNoText
	}
	return a, nil
}
