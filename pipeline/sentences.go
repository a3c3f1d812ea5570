package pipeline

import (
	"context"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/text"
)

// sentences fills a.Sentences with the language's sentence splitter.
func sentences(ctx context.Context, a *article.Article) error {
	a.Sentences = text.Sentences(a.Text, a.Lang)
	return nil
}
