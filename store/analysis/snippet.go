package analysis

import (
	"strings"
	"unicode"
)

// Highlight says how a snippet marks the matched words.
type Highlight struct {
	// Open and Close surround every matched run of words ("[" "]",
	// "\x1b[1;33m" "\x1b[0m", "<mark>" "</mark>").
	Open, Close string
	// Escape, when set, is applied to the text between the markers (for
	// example html.EscapeString).
	Escape func(string) string
}

func (w Word) matches(t Token) bool {
	if t.Key == w.Key {
		return true
	}
	for _, s := range w.Stems {
		if t.Stem == s || (t.Alt != "" && t.Alt == s) {
			return true
		}
	}
	return false
}

// Match is a run of tokens that matched a clause.
type Match struct {
	// First and Last are token indexes (inclusive).
	First, Last int
	// Clause is the index of the clause in Query.Clauses.
	Clause int
}

// Matches finds every occurrence of the query's positive clauses in toks.
func (q Query) Matches(toks []Token) []Match {
	var out []Match
	for i := range toks {
		for ci, c := range q.Clauses {
			if c.Not || len(c.Words) == 0 || i+len(c.Words) > len(toks) {
				continue
			}
			ok := true
			for j, w := range c.Words {
				if !w.matches(toks[i+j]) {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, Match{First: i, Last: i + len(c.Words) - 1, Clause: ci})
			}
		}
	}
	return out
}

// Snippet cuts a passage of about width tokens from text (analysed as
// toks) around the densest cluster of query matches and marks the
// original words that matched. Without matches it returns the opening of
// the text. Whitespace is collapsed to single spaces.
func Snippet(text string, toks []Token, q Query, width int, h Highlight) string {
	if width <= 0 {
		width = 30
	}
	esc := h.Escape
	if esc == nil {
		esc = func(s string) string { return s }
	}
	ms := q.Matches(toks)
	if len(toks) == 0 {
		return esc(collapse(truncate(text, 300)))
	}
	// Pick the window [a, a+width) with the most distinct clauses, then most matches.
	bestA, bestScore := 0, -1
	for mi, m := range ms {
		a := m.First - width/4
		if a < 0 {
			a = 0
		}
		seen := map[int]bool{}
		n := 0
		for _, m2 := range ms[mi:] {
			if m2.Last >= a+width {
				break
			}
			seen[m2.Clause] = true
			n++
		}
		if score := len(seen)*1000 + n; score > bestScore {
			bestScore, bestA = score, a
		}
	}
	if len(ms) == 0 {
		bestA = 0
	}
	b := bestA + width - 1
	if b >= len(toks) {
		b = len(toks) - 1
		if a := b - width + 1; a < bestA && a >= 0 {
			bestA = a
		} else if a < 0 {
			bestA = 0
		}
	}
	start, end := toks[bestA].Start, toks[b].End
	if bestA == 0 {
		start = 0
	}
	if b == len(toks)-1 {
		end = len(text)
	}
	var sb strings.Builder
	if start > 0 {
		sb.WriteString("…")
	}
	pos := start
	for _, m := range ms {
		if m.First < bestA || m.Last > b {
			continue
		}
		ms, me := toks[m.First].Start, toks[m.Last].End
		if ms < pos {
			continue
		}
		sb.WriteString(esc(collapse(text[pos:ms])))
		sb.WriteString(h.Open)
		sb.WriteString(esc(collapse(text[ms:me])))
		sb.WriteString(h.Close)
		pos = me
	}
	sb.WriteString(esc(collapse(text[pos:end])))
	if end < len(text) {
		sb.WriteString("…")
	}
	return strings.TrimSpace(sb.String())
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !runeStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func runeStart(b byte) bool { return b&0xC0 != 0x80 }

// collapse replaces runs of whitespace with one space.
func collapse(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) && r != ' ' }) && !strings.Contains(s, "  ") {
		return s
	}
	var sb strings.Builder
	sp := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !sp {
				sb.WriteByte(' ')
			}
			sp = true
			continue
		}
		sp = false
		sb.WriteRune(r)
	}
	return sb.String()
}
