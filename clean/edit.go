package clean

import (
	"sort"
	"strings"

	"github.com/vigie-news/vigie/article"
)

// doc is a text under cleaning together with the map of its bytes back to
// the text Clean started from. Every pass computes edits on doc.text and
// applies them with apply, which keeps the map right.
type doc struct {
	text string
	segs article.RawMap // doc.text offsets -> original text offsets
}

func newDoc(s string) *doc {
	d := &doc{text: s}
	if len(s) > 0 {
		d.segs = article.RawMap{{Clean: 0, Raw: 0, Len: len(s)}}
	}
	return d
}

// edit replaces text[start:end] with repl. Replacement bytes are not
// mapped to the original (they are "normalised" text).
type edit struct {
	start, end int
	repl       string
}

// apply performs the edits (which may come in any order; overlapping edits
// after the first of an overlap are dropped) and recomputes the map.
func (d *doc) apply(edits []edit) {
	if len(edits) == 0 {
		return
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var b strings.Builder
	b.Grow(len(d.text))
	var segs article.RawMap
	pos := 0
	for _, e := range edits {
		if e.start < pos || e.end < e.start || e.end > len(d.text) {
			continue
		}
		segs = d.copyRange(segs, pos, e.start, b.Len())
		b.WriteString(d.text[pos:e.start])
		b.WriteString(e.repl)
		pos = e.end
	}
	segs = d.copyRange(segs, pos, len(d.text), b.Len())
	b.WriteString(d.text[pos:])
	d.text = b.String()
	d.segs = segs
}

// copyRange appends to out the mapping for old bytes [from, to) placed at
// new offset at.
func (d *doc) copyRange(out article.RawMap, from, to, at int) article.RawMap {
	if from >= to {
		return out
	}
	i := sort.Search(len(d.segs), func(i int) bool { return d.segs[i].Clean+d.segs[i].Len > from })
	for ; i < len(d.segs) && d.segs[i].Clean < to; i++ {
		s := d.segs[i]
		lo, hi := max(s.Clean, from), min(s.Clean+s.Len, to)
		if lo >= hi {
			continue
		}
		seg := article.Segment{Clean: at + lo - from, Raw: s.Raw + lo - s.Clean, Len: hi - lo}
		if n := len(out); n > 0 && out[n-1].Clean+out[n-1].Len == seg.Clean && out[n-1].Raw+out[n-1].Len == seg.Raw {
			out[n-1].Len += seg.Len
			continue
		}
		out = append(out, seg)
	}
	return out
}

// compose maps the segments of m (clean -> mid) through base (mid -> raw).
func compose(m, base article.RawMap) article.RawMap {
	var out article.RawMap
	for _, s := range m {
		i := sort.Search(len(base), func(i int) bool { return base[i].Clean+base[i].Len > s.Raw })
		for ; i < len(base) && base[i].Clean < s.Raw+s.Len; i++ {
			b := base[i]
			lo, hi := max(b.Clean, s.Raw), min(b.Clean+b.Len, s.Raw+s.Len)
			if lo >= hi {
				continue
			}
			seg := article.Segment{Clean: s.Clean + lo - s.Raw, Raw: b.Raw + lo - b.Clean, Len: hi - lo}
			if n := len(out); n > 0 && out[n-1].Clean+out[n-1].Len == seg.Clean && out[n-1].Raw+out[n-1].Len == seg.Raw {
				out[n-1].Len += seg.Len
				continue
			}
			out = append(out, seg)
		}
	}
	return out
}

// line is a line of doc.text: text[start:end], end excluding the newline.
type line struct{ start, end int }

// nextLine returns the line of s that starts at byte start (up to the
// next newline, else the end of s) and whether a newline ends it.
func nextLine(s string, start int) (l line, more bool) {
	end := strings.IndexByte(s[start:], '\n')
	if end < 0 {
		return line{start, len(s)}, false
	}
	return line{start, start + end}, true
}

// nonEmptyLines returns the lines with any non-space content.
func nonEmptyLines(s string) []line {
	var out []line
	for start, more := 0, true; more; {
		var l line
		l, more = nextLine(s, start)
		if strings.TrimSpace(s[l.start:l.end]) != "" {
			out = append(out, l)
		}
		start = l.end + 1
	}
	return out
}

// lastNonEmptyLine returns the last line of s with any non-space content.
func lastNonEmptyLine(s string) (line, bool) {
	end := len(s)
	for {
		start := strings.LastIndexByte(s[:end], '\n') + 1
		if strings.TrimSpace(s[start:end]) != "" {
			return line{start, end}, true
		}
		if start == 0 {
			return line{}, false
		}
		end = start - 1
	}
}
