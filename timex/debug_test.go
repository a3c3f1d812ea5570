package timex

import (
	"fmt"
	"os"
	"testing"

	"github.com/vigie-news/vigie/article"
)

func TestDebugTag(t *testing.T) {
	s := os.Getenv("TIMEX_DEBUG")
	if s == "" {
		t.Skip("set TIMEX_DEBUG")
	}
	ref, _ := article.ParseDate(os.Getenv("TIMEX_REF"))
	for _, te := range Tag(s, os.Getenv("TIMEX_LANG"), ref) {
		fmt.Printf("%q kind=%s val=%s end=%s rel=%v res=%v mod=%s dur=%s\n", te.Text, te.Kind, te.Value, te.End, te.Relative, te.Resolved, te.Mod, te.Duration)
	}
}
