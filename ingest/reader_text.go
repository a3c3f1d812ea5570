package ingest

import (
	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/clean"
)

// readText reads a plain-text article (corpus format: an optional leading
// " date YYYY-MM[-DD]" and the headline as first paragraph). Input that is
// not UTF-8 is decoded as Windows-1252; the RawMap then maps the ASCII runs.
func readText(data []byte) (*article.Article, error) {
	text := decodeText(data)
	a := &article.Article{Raw: data, Text: string(text), Format: FormatText}
	if len(text) != len(data) || string(text) != string(data) {
		a.RawMap = asciiMap(data, text)
	}
	clean.Clean(a)
	if a.Text == "" {
		return nil, ErrEmpty
	}
	return a, nil
}

// asciiMap maps the ASCII bytes of text (decoded from the single-byte
// raw) to the same bytes of raw: every raw byte became one rune.
func asciiMap(raw, text []byte) article.RawMap {
	var m article.RawMap
	ti := 0
	for ri := 0; ri < len(raw) && ti < len(text); ri++ {
		n := 1
		if text[ti] >= 0x80 {
			n = runeLen(text[ti:])
		} else if raw[ri] == text[ti] {
			if k := len(m); k > 0 && m[k-1].Clean+m[k-1].Len == ti && m[k-1].Raw+m[k-1].Len == ri {
				m[k-1].Len++
			} else {
				m = append(m, article.Segment{Clean: ti, Raw: ri, Len: 1})
			}
		}
		ti += n
	}
	return m
}

func runeLen(b []byte) int {
	switch {
	case b[0] >= 0xf0:
		return min(4, len(b))
	case b[0] >= 0xe0:
		return min(3, len(b))
	case b[0] >= 0xc0:
		return min(2, len(b))
	}
	return 1
}
