package pipeline

import (
	"slices"
	"testing"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/kb"
)

func TestRoleCacheMatchesRoleClasses(t *testing.T) {
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := newRoleCache(k)
	dates := []article.Date{{}, {Year: 2019, Precision: article.PrecYear}, {Year: 2022, Month: 7, Day: 16, Precision: article.PrecDay}, {Year: 2024, Month: 2, Precision: article.PrecMonth}}
	ids := []string{"vigie:ararat-mirzoyan", "vigie:nikol-pashinyan", "vigie:zohrab-mnatsakanyan", "no-such-id"}
	for round := 0; round < 2; round++ { // second round answers from the cache
		for _, id := range ids {
			for _, d := range dates {
				got, want := c.classes(id, d), roleClasses(k, id, d)
				if !slices.Equal(got, want) || (got == nil) != (want == nil) {
					t.Errorf("classes(%s, %v) = %v, want %v", id, d, got, want)
				}
				if len(got) > 0 {
					got[0] = "changed" // callers own their copy
				}
			}
		}
	}
}
