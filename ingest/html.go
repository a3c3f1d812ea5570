package ingest

import (
	"bytes"
	"fmt"
	nurl "net/url"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/vigie-news/vigie/article"
)

// Extractor names an HTML main-text extraction strategy.
type Extractor string

// The available extractors. ExtractorAuto is the default: go-trafilatura
// with its readability/dom-distiller fallback, then readeck/go-readability
// when trafilatura finds nothing, then a tag-stripping last resort.
const (
	ExtractorAuto        Extractor = "auto"
	ExtractorTrafilatura Extractor = "trafilatura"
	ExtractorReadability Extractor = "readability"
)

// HTMLResult is what ExtractHTML finds in a page.
type HTMLResult struct {
	// Text is the main text, paragraphs separated by blank lines.
	Text string
	// Title is the page's headline ("" when none).
	Title string
	// SiteName is the site's name from OpenGraph/JSON-LD metadata.
	SiteName string
	// URL is the canonical URL when the page gives one.
	URL string
	// Published is the publication date from metadata (day precision), or zero.
	Published article.Date
	// Lang is the page's declared language, if any.
	Lang string
}

// ExtractHTML extracts the main text and metadata of an HTML page. pageURL
// may be empty. It returns an error when no text can be found.
func ExtractHTML(data []byte, pageURL string, ex Extractor) (HTMLResult, error) {
	var u *nurl.URL
	if pageURL != "" {
		if p, err := nurl.Parse(pageURL); err == nil && p.Host != "" {
			u = p
		}
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return HTMLResult{}, fmt.Errorf("parsing HTML: %w", err)
	}
	if !hasBody(doc) {
		return HTMLResult{}, fmt.Errorf("extracting HTML: %w", ErrNoBody)
	}
	var res HTMLResult
	switch ex {
	case ExtractorReadability:
		res = extractReadability(data, u)
	case ExtractorTrafilatura:
		res = extractTrafilatura(data, u, false)
	default:
		// Plain trafilatura scores best on the benchmark; its fallback
		// and then readability only serve when it finds (almost) nothing.
		res = extractTrafilatura(data, u, false)
		if len(strings.Fields(res.Text)) < 20 {
			if r := extractTrafilatura(data, u, true); len(strings.Fields(r.Text)) > len(strings.Fields(res.Text)) {
				res = r
			}
		}
		if len(strings.Fields(res.Text)) < 20 {
			if r := extractReadability(data, u); len(strings.Fields(r.Text)) > len(strings.Fields(res.Text)) {
				r.Published = firstKnown(res.Published, r.Published)
				r.SiteName = firstNonEmpty(res.SiteName, r.SiteName)
				r.Title = firstNonEmpty(res.Title, r.Title)
				r.URL = firstNonEmpty(res.URL, r.URL)
				res = r
			}
		}
		if strings.TrimSpace(res.Text) == "" {
			res.Text = visibleText(doc)
		}
	}
	res.Text = strings.TrimSpace(res.Text)
	if res.Text == "" {
		return res, fmt.Errorf("extracting HTML: %w", ErrNoText)
	}
	return res, nil
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func firstKnown(a, b article.Date) article.Date {
	if a.Known() {
		return a
	}
	return b
}

func extractTrafilatura(data []byte, u *nurl.URL, fallback bool) (res HTMLResult) {
	defer func() {
		// The library is not hardened against every input; a failure here
		// must not bring the reader down.
		if r := recover(); r != nil {
			res = HTMLResult{}
		}
	}()
	out, err := trafilatura.Extract(bytes.NewReader(data), trafilatura.Options{
		OriginalURL:     u,
		EnableFallback:  fallback,
		ExcludeComments: true,
		ExcludeTables:   false,
	})
	if err != nil || out == nil {
		return HTMLResult{}
	}
	// ContentText is trafilatura's own text (it scores better than a
	// rendering of ContentNode) but has no paragraph breaks: put back the
	// breaks of the rendered node.
	res.Text = restructure(out.ContentText, paragraphsFromNode(out.ContentNode, ""))
	res.Title = strings.TrimSpace(out.Metadata.Title)
	res.SiteName = strings.TrimSpace(out.Metadata.Sitename)
	res.URL = out.Metadata.URL
	res.Lang = out.Metadata.Language
	if !out.Metadata.Date.IsZero() {
		res.Published = article.DayDate(out.Metadata.Date)
	}
	return res
}

func extractReadability(data []byte, u *nurl.URL) (res HTMLResult) {
	defer func() {
		if r := recover(); r != nil {
			res = HTMLResult{}
		}
	}()
	p := readability.NewParser()
	art, err := p.Parse(bytes.NewReader(data), u)
	if err != nil || art.Node == nil {
		return HTMLResult{}
	}
	res.Text = paragraphsFromNode(art.Node, "")
	res.Title = strings.TrimSpace(art.Title())
	res.SiteName = strings.TrimSpace(art.SiteName())
	res.Lang = art.Language()
	if t, err := art.PublishedTime(); err == nil && !t.IsZero() && t.Year() > 1900 {
		res.Published = article.DayDate(t)
	}
	return res
}

// blockTags are the elements that start a new paragraph in extracted text.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "blockquote": true, "pre": true, "tr": true, "section": true, "article": true,
	"header": true, "footer": true, "figure": true, "figcaption": true, "table": true, "ul": true,
	"ol": true, "dl": true, "td": true, "th": true, "dt": true, "dd": true, "aside": true, "main": true, "form": true, "hr": true,
}

// paragraphsFromNode renders a node's text with a blank line between block
// elements and a newline for <br>. fallback is returned when n is nil.
func paragraphsFromNode(n *html.Node, fallback string) string {
	if n == nil {
		return fallback
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template", "svg":
				return
			case "br":
				b.WriteByte('\n')
				return
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.Data]
		if block {
			b.WriteString("\n\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteString("\n\n")
		}
	}
	walk(n)
	return tidyParagraphs(b.String())
}

// tidyParagraphs collapses whitespace inside paragraphs and joins them
// with blank lines.
func tidyParagraphs(s string) string {
	var out []string
	for _, para := range strings.Split(s, "\n\n") {
		var lines []string
		for _, l := range strings.Split(para, "\n") {
			if l = strings.Join(strings.Fields(l), " "); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, "\n"))
		}
	}
	return strings.Join(out, "\n\n")
}

// visibleText is the last-resort extraction: every text of the body.
func visibleText(doc *html.Node) string {
	body := findElement(doc, "body")
	if body == nil {
		return ""
	}
	return paragraphsFromNode(body, "")
}

func findElement(n *html.Node, tag string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, tag); f != nil {
			return f
		}
	}
	return nil
}

// hasBody reports whether the parsed document has a body with any content.
func hasBody(doc *html.Node) bool {
	body := findElement(doc, "body")
	return body != nil && body.FirstChild != nil
}

var _ = time.Time{}

// restructure inserts a paragraph break into text before the start of each
// paragraph of paras found in it (in order), and tidies the result.
func restructure(text, paras string) string {
	var b strings.Builder
	pos := 0
	for _, p := range strings.Split(paras, "\n\n") {
		key := p
		if len(key) > 40 {
			key = key[:40]
			for len(key) > 0 && !utf8.RuneStart(p[len(key)]) {
				key = key[:len(key)-1]
			}
		}
		key = strings.TrimSpace(strings.SplitN(key, "\n", 2)[0])
		if key == "" {
			continue
		}
		if i := strings.Index(text[pos:], key); i >= 0 {
			b.WriteString(text[pos : pos+i])
			b.WriteString("\n\n")
			pos += i
		}
	}
	b.WriteString(text[pos:])
	return tidyParagraphs(b.String())
}
