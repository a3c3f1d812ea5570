package ingest

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"
	"unicode"
)

// ExtractionScore is the result of ScoreExtraction.
type ExtractionScore struct {
	Extractor Extractor
	// Cleaned is true when the text was scored after clean.Clean, as the
	// HTML reader returns it.
	Cleaned   bool
	Pages     int
	Precision float64
	Recall    float64
	F1        float64
	// PagesPerSecond is the extraction throughput (extraction only, not scoring).
	PagesPerSecond float64
}

// ScoreExtraction runs extractor ex over the article-extraction benchmark in
// dir (ground-truth.json and html/<id>.html.gz) and scores it with the
// benchmark's metric: per page, the 4-word shingles (words are runs of
// Unicode letters, digits and '_', as Python's \w+) of the expected and the
// extracted text are counted; tp is their overlap, fp and fn the excesses,
// each normalised by tp+fp+fn so that every page weighs the same. Precision
// and recall are the means over pages of tp/(tp+fp) and tp/(tp+fn); a page
// with nothing on both sides counts as 1, a side with nothing as 0.
// With withClean the full HTML reader (extraction then clean.Clean) is
// scored, otherwise the extractor's raw output.
func ScoreExtraction(ctx context.Context, dir string, ex Extractor, withClean bool) (ExtractionScore, error) {
	sc := ExtractionScore{Extractor: ex, Cleaned: withClean}
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return sc, fmt.Errorf("reading extraction benchmark: %w", err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		return sc, fmt.Errorf("parsing extraction benchmark ground truth: %w", err)
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var sumP, sumR float64
	var spent time.Duration
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return sc, fmt.Errorf("scoring extraction: %w", err)
		}
		page, err := readGzipFile(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return sc, fmt.Errorf("reading benchmark page %s: %w", id, err)
		}
		start := time.Now()
		var text string
		if withClean {
			if a, err := readHTML(page, truth[id].URL, Options{Extractor: ex}); err == nil {
				text = a.Text
			}
		} else {
			res, _ := ExtractHTML(decodeText(page), truth[id].URL, ex)
			text = res.Text
		}
		spent += time.Since(start)
		p, r := shingleScore(truth[id].ArticleBody, text)
		sumP += p
		sumR += r
		sc.Pages++
	}
	if sc.Pages == 0 {
		return sc, fmt.Errorf("scoring extraction in %s: %w", dir, ErrEmpty)
	}
	sc.Precision = sumP / float64(sc.Pages)
	sc.Recall = sumR / float64(sc.Pages)
	if sc.Precision+sc.Recall > 0 {
		sc.F1 = 2 * sc.Precision * sc.Recall / (sc.Precision + sc.Recall)
	}
	if spent > 0 {
		sc.PagesPerSecond = float64(sc.Pages) / spent.Seconds()
	}
	return sc, nil
}

func readGzipFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// shingleScore returns the page precision and recall of got against want.
func shingleScore(want, got string) (p, r float64) {
	ws, gs := shingles(want, 4), shingles(got, 4)
	var tp, fp, fn int
	for k, wc := range ws {
		gc := gs[k]
		tp += min(wc, gc)
		fn += max(0, wc-gc)
	}
	for k, gc := range gs {
		fp += max(0, gc-ws[k])
	}
	if fp == 0 && fn == 0 {
		return 1, 1
	}
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	return p, r
}

func shingles(s string, n int) map[string]int {
	var words []string
	start := -1
	for i, c := range s {
		w := unicode.IsLetter(c) || unicode.IsDigit(c) || c == '_' || unicode.Is(unicode.Mn, c)
		if w && start < 0 {
			start = i
		} else if !w && start >= 0 {
			words = append(words, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, s[start:])
	}
	out := make(map[string]int)
	for i := 0; i+n <= len(words); i++ {
		key := words[i]
		for _, w := range words[i+1 : i+n] {
			key += "\x00" + w
		}
		out[key]++
	}
	return out
}
