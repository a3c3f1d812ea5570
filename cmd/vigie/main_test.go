package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// vigie runs one command line in-process and returns stdout, stderr and the exit code.
func vigie(t *testing.T, db string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	full := append([]string{"--db", db}, args...)
	code := run(context.Background(), full, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func TestIngestSummaryAndIdempotency(t *testing.T) {
	db := filepath.Join(t.TempDir(), "v.db")
	out, stderr, code := vigie(t, db, "ingest", "--json", "testdata/inputs")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var sum ingestSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summary is not JSON: %v\n%s", err, out)
	}
	// Readable: a-fr, b-en, latin1, two JSONL lines. Failed: empty, truncated
	// gzip, one JSONL line. The binary file is skipped by the directory walk.
	if sum.New != 5 || sum.Failed != 3 {
		t.Errorf("new=%d failed=%d, want 5 and 3; errors: %+v", sum.New, sum.Failed, sum.Errors)
	}
	for _, e := range sum.Errors {
		if e.Path == "" || e.Error == "" {
			t.Errorf("error without path or reason: %+v", e)
		}
	}
	var sawLine bool
	for _, e := range sum.Errors {
		if strings.Contains(e.Path, "c.jsonl") {
			sawLine = true
		}
	}
	if !sawLine {
		t.Errorf("broken JSONL line not reported: %+v", sum.Errors)
	}
	out, _, code = vigie(t, db, "ingest", "--json", "testdata/inputs")
	if code != exitOK {
		t.Fatalf("second ingest exit %d", code)
	}
	json.Unmarshal([]byte(out), &sum)
	if sum.New != 0 || sum.Duplicate != 5 {
		t.Errorf("second ingest: new=%d duplicate=%d, want 0 and 5", sum.New, sum.Duplicate)
	}
}

func TestIngestNothingReadable(t *testing.T) {
	db := filepath.Join(t.TempDir(), "v.db")
	_, _, code := vigie(t, db, "ingest", "testdata/does-not-exist")
	if code == exitOK {
		t.Errorf("ingest of a missing path exited 0")
	}
	// A binary file named explicitly is an error, not a silent skip.
	out, _, code := vigie(t, db, "ingest", "--json", "testdata/inputs/blob.txt", "testdata/inputs/a-fr.txt")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var sum ingestSummary
	json.Unmarshal([]byte(out), &sum)
	if sum.New != 1 || sum.Failed != 1 || !strings.Contains(sum.Errors[0].Path, "blob.txt") {
		t.Errorf("binary file: %+v", sum)
	}
}

func TestSearchShowArticlesStats(t *testing.T) {
	db := filepath.Join(t.TempDir(), "v.db")
	if _, e, code := vigie(t, db, "ingest", "testdata/inputs"); code != exitOK {
		t.Fatalf("ingest: %s", e)
	}
	// Bayramov finds Baïramov (a-fr), Bairamov (b-en) and Bayramov (c.jsonl).
	out, _, code := vigie(t, db, "search", "Bayramov", "--json")
	if code != exitOK {
		t.Fatalf("search exit %d", code)
	}
	var hits []map[string]any
	if err := json.Unmarshal([]byte(out), &hits); err != nil {
		t.Fatalf("search --json: %v\n%s", err, out)
	}
	if len(hits) != 3 {
		t.Errorf("search Bayramov: %d hits, want 3: %s", len(hits), out)
	}
	for _, k := range []string{"id", "title", "outlet", "published", "lang", "snippet", "score"} {
		if len(hits) > 0 {
			if _, ok := hits[0][k]; !ok {
				t.Errorf("search hit lacks %q", k)
			}
		}
	}
	// Stemming: "négociation" finds "négociations".
	out, _, _ = vigie(t, db, "search", "négociation", "--json")
	json.Unmarshal([]byte(out), &hits)
	if len(hits) < 2 {
		t.Errorf("search négociation: %d hits, want ≥ 2 (a-fr and latin1)", len(hits))
	}

	out, _, code = vigie(t, db, "show", "testdata/inputs/a-fr.txt", "--json")
	if code != exitOK {
		t.Fatalf("show exit %d", code)
	}
	var art map[string]any
	if err := json.Unmarshal([]byte(out), &art); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "path", "url", "outlet", "title", "published", "published_precision", "lang", "text", "sentences", "mentions"} {
		if _, ok := art[k]; !ok {
			t.Errorf("show --json lacks %q", k)
		}
	}
	if art["published"] != "2022-07-16" || art["published_precision"] != "day" || art["lang"] != "fr" {
		t.Errorf("show: published %v (%v), lang %v", art["published"], art["published_precision"], art["lang"])
	}
	if strings.Contains(art["text"].(string), "Partager") {
		t.Errorf("share line not cleaned: %q", art["text"])
	}
	if _, _, code := vigie(t, db, "show", "nope"); code != exitNoMatch {
		t.Errorf("show of an unknown id: exit %d, want %d", code, exitNoMatch)
	}

	out, _, _ = vigie(t, db, "articles", "--jsonl")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 {
		t.Errorf("articles --jsonl: %d lines, want 5", len(lines))
	}
	out, _, _ = vigie(t, db, "stats", "--json")
	if !strings.Contains(out, `"by_lang"`) || !strings.Contains(out, `"fr"`) {
		t.Errorf("stats --json: %s", out)
	}
}

func TestEventsAndEntities(t *testing.T) {
	db := filepath.Join(t.TempDir(), "v.db")
	if _, e, code := vigie(t, db, "ingest", "testdata/inputs"); code != exitOK {
		t.Fatalf("ingest: %s", e)
	}
	out, _, code := vigie(t, db, "events", "--jsonl", "--raw")
	if code != exitOK {
		t.Fatalf("events exit %d", code)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		n++
		var ev map[string]any
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("events --jsonl line: %v", err)
		}
		for _, k := range []string{"id", "article_id", "path", "url", "type", "mode", "actors", "date", "date_precision", "place", "factuality", "evidence", "confidence", "story"} {
			if _, ok := ev[k]; !ok {
				t.Errorf("event lacks %q: %s", k, line)
			}
		}
	}
	if n == 0 {
		t.Errorf("no events extracted from the test inputs")
	}
	// --limit 0 lists them all, as articles --limit 0 does; --limit 1 one.
	for _, tc := range []struct {
		limit string
		want  int
	}{{"0", n}, {"1", 1}} {
		out, _, code := vigie(t, db, "events", "--jsonl", "--raw", "--limit", tc.limit)
		if got := strings.Count(out, "\n"); code != exitOK || got != tc.want {
			t.Errorf("events --limit %s: exit %d, %d events, want %d", tc.limit, code, got, tc.want)
		}
	}
	if _, _, code := vigie(t, db, "events", "--limit", "-1"); code != exitUsage {
		t.Errorf("events --limit -1: exit %d, want %d", code, exitUsage)
	}
	out, _, _ = vigie(t, db, "entities", "--type", "person", "--json")
	if !strings.Contains(out, "Jeyhun Bayramov") {
		t.Errorf("entities lacks Jeyhun Bayramov: %s", out)
	}
	out, _, code = vigie(t, db, "entity", "Jeyhun Bayramov", "--json")
	if code != exitOK || !strings.Contains(out, "Baïramov") {
		t.Errorf("entity: exit %d, %s", code, out)
	}
	if _, _, code := vigie(t, db, "events", "--type", "NOPE"); code != exitUsage {
		t.Errorf("events --type NOPE: exit %d, want %d", code, exitUsage)
	}
	if _, _, code := vigie(t, db, "search", "x", "--from", "yesterday"); code != exitUsage {
		t.Errorf("bad --from: exit %d, want %d", code, exitUsage)
	}
	if _, _, code := vigie(t, db, "nosuchcommand"); code != exitUsage {
		t.Errorf("unknown command: exit %d, want %d", code, exitUsage)
	}
}

func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	out, stderr, code := vigie(t, db, "demo", "--no-serve")
	if code != exitOK {
		t.Fatalf("demo exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "sample articles ingested") || !strings.Contains(out, "Story events") {
		t.Errorf("demo output:\n%s", out)
	}
}

func TestKBCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "v.db")
	dump := filepath.Join(t.TempDir(), "dump.json")
	os.WriteFile(dump, []byte(`[
{"type":"item","id":"Q1","labels":{"en":{"language":"en","value":"Test Person"}},"claims":{"P31":[{"mainsnak":{"snaktype":"value","datavalue":{"value":{"entity-type":"item","id":"Q5"},"type":"wikibase-entityid"}}}]}},
{broken
]
`), 0o644)
	out, stderr, code := vigie(t, db, "kb", "import", dump)
	if code != exitOK {
		t.Fatalf("kb import exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "Test Person") || !strings.Contains(stderr, "malformed") {
		t.Errorf("kb import: out %q err %q", out, stderr)
	}
}

func TestEvalSeeds(t *testing.T) {
	gold := filepath.Join("..", "..", "..", "shared", "corpus", "seeds", "gold.jsonl")
	if _, err := os.Stat(gold); err != nil {
		t.Skip("../shared/corpus is absent: skipping the scored evaluation")
	}
	db := filepath.Join(t.TempDir(), "v.db")
	out, stderr, code := vigie(t, db, "eval", "--gold", gold, "--json")
	if code != exitOK {
		t.Fatalf("eval exit %d: %s", code, stderr)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"articles", "persons", "published", "events", "event_dates", "modes", "dedup"} {
		if _, ok := r[k]; !ok {
			t.Errorf("eval --json lacks %q", k)
		}
	}
	if r["articles"].(float64) != 5 {
		t.Errorf("articles = %v", r["articles"])
	}
}
