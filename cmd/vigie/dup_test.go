package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dupReport is a test article written for this test (no publisher's text):
// a foreign ministers' meeting, with enough words for shingle sketches.
const dupReport = `Foreign ministers meet in Tbilisi

Armenian Foreign Minister Ararat Mirzoyan met Azerbaijani Foreign Minister Jeyhun Bayramov in Tbilisi on 16 July 2022, the two ministries said in statements released in the evening.
The talks lasted several hours and covered the preparation of a peace treaty, the opening of transport links across the region and the work of the border commissions.
Both delegations described the conversation as frank and agreed to keep meeting at the level of ministers in the coming months.
The host government said it was ready to offer its capital again for further rounds of negotiations between the two neighbours.
Observers noted that it was the first face-to-face meeting of the two ministers since the spring, after weeks of tension along the shared border.
`

// TestDuplicateAcrossIngestRuns ingests an article, then in a second run a
// lightly edited copy of it: the copy must point to the first article
// (sketches persisted between runs), show it in show --json and
// articles --jsonl, and not add to the story's article count.
func TestDuplicateAcrossIngestRuns(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "v.db")
	first := filepath.Join(dir, "first.txt")
	second := filepath.Join(dir, "second.txt")
	if err := os.WriteFile(first, []byte(" date 2022-07-16\n"+dupReport), 0o644); err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(dupReport, "several hours", "four hours", 1)
	edited = strings.Replace(edited, "Foreign ministers meet in Tbilisi", "Mirzoyan and Bayramov hold talks in Georgia", 1)
	if err := os.WriteFile(second, []byte(" date 2022-07-17\n"+edited), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{first, second} {
		if _, e, code := vigie(t, db, "ingest", p); code != exitOK {
			t.Fatalf("ingest %s: exit %d: %s", p, code, e)
		}
	}
	var a1, a2 articleJSON
	for _, c := range []struct {
		path string
		dst  *articleJSON
	}{{first, &a1}, {second, &a2}} {
		out, e, code := vigie(t, db, "show", c.path, "--json")
		if code != exitOK {
			t.Fatalf("show %s: exit %d: %s", c.path, code, e)
		}
		if err := json.Unmarshal([]byte(out), c.dst); err != nil {
			t.Fatalf("show --json: %v", err)
		}
	}
	if a1.ID == a2.ID {
		t.Fatal("the edited copy has the same id as the original")
	}
	if a1.DupOf != "" || a1.Canonical != a1.ID {
		t.Errorf("original: dup_of %q canonical %q", a1.DupOf, a1.Canonical)
	}
	if a2.DupOf != a1.ID || a2.Canonical != a1.ID {
		t.Errorf("copy: dup_of %q canonical %q, want %s", a2.DupOf, a2.Canonical, a1.ID)
	}
	out, _, code := vigie(t, db, "articles", "--jsonl")
	if code != exitOK || !strings.Contains(out, `"dup_of":"`+a1.ID+`"`) {
		t.Errorf("articles --jsonl lacks the duplicate link: %s", out)
	}
	// The copy stays searchable.
	out, _, _ = vigie(t, db, "search", "Tbilisi", "--json")
	if !strings.Contains(out, a2.ID) {
		t.Errorf("the duplicate is not searchable: %s", out)
	}
	// Its events join the original's story without counting twice.
	out, e, code := vigie(t, db, "stories", "--json")
	if code != exitOK {
		t.Fatalf("stories: exit %d: %s", code, e)
	}
	var stories []struct {
		NumArticles int `json:"num_articles"`
		Reports     []struct {
			ArticleID string `json:"article_id"`
		} `json:"reports"`
	}
	if err := json.Unmarshal([]byte(out), &stories); err != nil {
		t.Fatalf("stories --json: %v\n%s", err, out)
	}
	for _, s := range stories {
		if len(s.Reports) > 1 && s.NumArticles != 1 {
			t.Errorf("story with %d reports of one article and its copy counts %d articles", len(s.Reports), s.NumArticles)
		}
	}
}
