package entity

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/vigie-news/vigie/kb"
)

func TestDebugFile(t *testing.T) {
	p := os.Getenv("DBGFILE")
	if p == "" {
		t.Skip()
	}
	k, _ := kb.Default()
	a, _ := loadCorpusArticle(p, os.Getenv("DBGLANG"))
	New(k, Options{}).Annotate(context.Background(), a)
	for _, m := range a.Mentions {
		fmt.Printf("%d %q %s %s %s %q %s %.2f\n", m.Start, m.Text, m.Type, m.Kind, m.Entity, m.Name, m.Country, m.Confidence)
	}
}
