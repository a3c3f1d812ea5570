package ingest

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/clean"
)

// readFeed reads an RSS, Atom or JSON feed: each item with text (content,
// else description) is an article, its HTML rendered to paragraphs. Path
// is "name#N" for the Nth item (from 1).
func readFeed(name string, data []byte, opts Options) []Item {
	feed, err := parseFeed(data)
	if err != nil {
		return []Item{{Path: name, Err: fmt.Errorf("parsing feed %s: %w", name, err)}}
	}
	var items []Item
	for i, fi := range feed.Items {
		if fi == nil {
			continue
		}
		path := fmt.Sprintf("%s#%d", name, i+1)
		body := fi.Content
		if strings.TrimSpace(body) == "" {
			body = fi.Description
		}
		text := htmlFragmentText(body)
		if strings.TrimSpace(text) == "" {
			items = append(items, Item{Path: path, Err: fmt.Errorf("reading feed item %s: %w", path, ErrNoText)})
			continue
		}
		a := &article.Article{Path: path, Text: text, Raw: []byte(body), Format: FormatFeed,
			Title: strings.TrimSpace(fi.Title), URL: fi.Link, Outlet: feed.Title, Lang: feed.Language}
		if fi.PublishedParsed != nil {
			a.Published = article.DayDate(*fi.PublishedParsed)
		} else if fi.UpdatedParsed != nil {
			a.Published = article.DayDate(*fi.UpdatedParsed)
		}
		clean.Clean(a)
		items = append(items, Item{Path: path, Article: a})
	}
	if len(items) == 0 {
		return []Item{{Path: name, Err: fmt.Errorf("reading feed %s: %w", name, ErrEmpty)}}
	}
	return items
}

func parseFeed(data []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("feed parser failed: %v", r)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(data))
}

// htmlFragmentText renders an HTML fragment (or plain text) to paragraphs.
func htmlFragmentText(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return s
	}
	root := &html.Node{Type: html.ElementNode, Data: "div"}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return paragraphsFromNode(root, "")
}
