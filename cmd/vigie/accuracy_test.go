package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestAccuracyFloors scores the whole shared corpus (seeds, dev, dev-en)
// with `vigie eval` and fails when a figure drops below the floor the
// product promises in the README. The floors sit a little under the
// measured figures so that honest trade-offs stay possible, but a
// regression in entities, dates or events turns CI red.
func TestAccuracyFloors(t *testing.T) {
	corpus := filepath.Join("..", "..", "..", "shared", "corpus")
	var args []string
	for _, set := range []string{"seeds", "dev", "dev-en"} {
		g := filepath.Join(corpus, set, "gold.jsonl")
		if _, err := os.Stat(g); err != nil {
			t.Skipf("%s is absent: skipping the corpus accuracy floors", g)
		}
		args = append(args, "--gold", g)
	}
	db := filepath.Join(t.TempDir(), "v.db")
	out, stderr, code := vigie(t, db, append([]string{"eval", "--json"}, args...)...)
	if code != exitOK {
		t.Fatalf("eval exit %d: %s", code, stderr)
	}
	var r struct {
		Persons struct {
			Accuracy     float64 `json:"accuracy"`
			SpuriousRate float64 `json:"spurious_rate"`
		} `json:"persons"`
		Published struct {
			Accuracy float64 `json:"accuracy"`
		} `json:"published"`
		Events map[string]struct {
			F1 float64 `json:"f1"`
		} `json:"events"`
		EventDates struct {
			Accuracy float64 `json:"accuracy"`
		} `json:"event_dates"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("decoding eval --json: %v\n%s", err, out)
	}
	floors := []struct {
		name       string
		got, floor float64
	}{
		{"persons accuracy", r.Persons.Accuracy, 0.95},
		{"publication date accuracy", r.Published.Accuracy, 0.95},
		{"event date accuracy", r.EventDates.Accuracy, 0.85},
		{"events F1 (all types)", r.Events["all"].F1, 0.70},
		{"CONSULT F1", r.Events["CONSULT"].F1, 0.85},
		{"AGREE F1", r.Events["AGREE"].F1, 0.75},
	}
	for _, f := range floors {
		if f.got < f.floor {
			t.Errorf("%s = %.3f, below the floor %.2f", f.name, f.got, f.floor)
		} else {
			t.Logf("%s = %.3f (floor %.2f)", f.name, f.got, f.floor)
		}
	}
	if r.Persons.SpuriousRate > 0.05 {
		t.Errorf("spurious person rate = %.3f, above 0.05", r.Persons.SpuriousRate)
	}
}
