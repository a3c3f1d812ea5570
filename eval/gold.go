// Package eval scores vigie's output against gold annotations in the format
// of GUIDELINE.md: one JSON object per article in a gold.jsonl file beside
// the article texts. It scores persons, events (per type), event dates,
// CONSULT modes, publication dates and cross-article story merging, exactly
// as the guideline describes.
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// GoldPerson is a person named in a gold article with every surface spelling.
type GoldPerson struct {
	Name    string   `json:"name"`
	Surface []string `json:"surface"`
}

// GoldEvent is one annotated event.
type GoldEvent struct {
	Type     string          `json:"type"`
	Mode     string          `json:"mode"`
	Actors   []string        `json:"actors"`
	Host     json.RawMessage `json:"host"`
	Date     string          `json:"date"`
	Place    string          `json:"place"`
	Key      string          `json:"key"`
	Evidence string          `json:"evidence"`
}

// Hosts returns the host names (the field is a string, a list or null).
func (e GoldEvent) Hosts() []string {
	if len(e.Host) == 0 || string(e.Host) == "null" {
		return nil
	}
	var one string
	if json.Unmarshal(e.Host, &one) == nil {
		if one == "" {
			return nil
		}
		return []string{one}
	}
	var many []string
	_ = json.Unmarshal(e.Host, &many)
	return many
}

// GoldArticle is one line of a gold file.
type GoldArticle struct {
	File      string       `json:"file"`
	URL       string       `json:"url"`
	Source    string       `json:"source"`
	Lang      string       `json:"lang"`
	Published string       `json:"published"`
	Title     string       `json:"title"`
	Leaning   string       `json:"leaning"`
	Persons   []GoldPerson `json:"persons"`
	Events    []GoldEvent  `json:"events"`
	Notes     string       `json:"notes"`

	// Path is the article file's path: File resolved against the gold file's directory.
	Path string `json:"-"`
	// GoldFile is the gold file this record came from.
	GoldFile string `json:"-"`
	// Line is the record's line number in GoldFile.
	Line int `json:"-"`
}

// LoadGold reads a gold.jsonl file. Paths of the articles are resolved
// relative to the gold file. A malformed line is an error naming file and line.
func LoadGold(path string) ([]GoldArticle, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading gold file: %w", err)
	}
	dir := filepath.Dir(path)
	var out []GoldArticle
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var g GoldArticle
		if err := json.Unmarshal(b, &g); err != nil {
			return nil, fmt.Errorf("%s:%d: parsing gold record: %w", path, line, err)
		}
		if strings.TrimSpace(g.File) == "" {
			return nil, fmt.Errorf("%s:%d: gold record has no \"file\"", path, line)
		}
		g.Path = filepath.Join(dir, g.File)
		g.GoldFile = path
		g.Line = line
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading gold file %s: %w", path, err)
	}
	return out, nil
}
