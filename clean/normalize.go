package clean

import (
	"strings"
	"unicode/utf8"
)

// Character normalisation. Typographic apostrophes and quotes (’ ‘ « » “ ”)
// are deliberately kept as they are: they carry meaning (quotations) and
// every downstream matcher folds them with translit.Fold, so rewriting them
// here would only make more of the text unmappable to the raw input.

// spaceRunes are rendered as a plain space.
var spaceRunes = map[rune]bool{
	'\t': true, '\u00a0': true, '\u1680': true, '\u2000': true, '\u2001': true, '\u2002': true,
	'\u2003': true, '\u2004': true, '\u2005': true, '\u2006': true, '\u2007': true, '\u2008': true,
	'\u2009': true, '\u200a': true, '\u202f': true, '\u205f': true, '\u3000': true, '\v': true, '\f': true,
}

// dropRunes are removed: zero-width characters, the byte-order mark, the
// soft hyphen and emoji variation selectors.
var dropRunes = map[rune]bool{
	'\u200b': true, '\u200c': true, '\u200d': true, '\u2060': true, '\ufeff': true, '\u00ad': true,
	'\ufe0e': true, '\ufe0f': true, '\u180e': true,
}

// lineBreakRunes become a newline.
var lineBreakRunes = map[rune]bool{'\u2028': true, '\u2029': true, '\u0085': true}

// normalizeChars computes the character-level edits: CRLF and CR to LF,
// exotic spaces to a space, invisible characters and other control
// characters removed, invalid UTF-8 replaced by U+FFFD.
func normalizeChars(s string) []edit {
	var edits []edit
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			i++ // printable ASCII: kept as it is
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			edits = append(edits, edit{i, i + 1, "\uFFFD"})
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				edits = append(edits, edit{i, i + 1, ""})
			} else {
				edits = append(edits, edit{i, i + 1, "\n"})
			}
		case r == '\n' || r == ' ':
		case r > 0xa0 && r < 0x1680 && r != 0xad:
			// Letters and signs of the common scripts: kept.
		case spaceRunes[r]:
			edits = append(edits, edit{i, i + n, " "})
		case lineBreakRunes[r]:
			edits = append(edits, edit{i, i + n, "\n"})
		case dropRunes[r], r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
			edits = append(edits, edit{i, i + n, ""})
		}
		i += n
	}
	return edits
}

// normalizeSpace computes whitespace edits (deletions only, so that every
// kept byte stays mapped): spaces at the start and end of lines removed,
// runs of spaces collapsed to their first, runs of blank lines collapsed to
// one blank line, and leading/trailing blank lines removed.
func normalizeSpace(s string) []edit {
	var edits []edit
	blank := 0    // blank lines seen since the last text line
	seen := false // a text line was seen
	// The lines of s one by one, the last running to the end of s; more
	// tells whether a newline ends the line.
	for start, more := 0, true; more; {
		var l line
		l, more = nextLine(s, start)
		start = l.end + 1
		t := s[l.start:l.end]
		a, b := 0, len(t)
		for a < b && t[a] == ' ' {
			a++
		}
		for b > a && t[b-1] == ' ' {
			b--
		}
		if a == b { // blank line: delete it with its newline if it is surplus
			blank++
			if !seen || blank > 1 {
				end := l.end
				if more {
					end++
				}
				edits = append(edits, edit{l.start, end, ""})
			} else if l.end > l.start {
				edits = append(edits, edit{l.start, l.end, ""})
			}
			continue
		}
		seen = true
		blank = 0
		if a > 0 {
			edits = append(edits, edit{l.start, l.start + a, ""})
		}
		// Runs of two spaces or more keep their first (t[a] and t[b-1]
		// are not spaces, so a run found from i starts where it is found).
		for i := a; ; {
			k := strings.Index(t[i:b], "  ")
			if k < 0 {
				break
			}
			i += k + 1
			j := i + 1
			for j < b && t[j] == ' ' {
				j++
			}
			edits = append(edits, edit{l.start + i, l.start + j, ""})
			i = j
		}
		if b < len(t) {
			edits = append(edits, edit{l.start + b, l.end, ""})
		}
	}
	return edits
}

// trimEnds removes leading and trailing whitespace of the whole text.
func trimEnds(s string) []edit {
	var edits []edit
	a, b := 0, len(s)
	for a < b && (s[a] == ' ' || s[a] == '\n') {
		a++
	}
	for b > a && (s[b-1] == ' ' || s[b-1] == '\n') {
		b--
	}
	if a > 0 {
		edits = append(edits, edit{0, a, ""})
	}
	if b < len(s) {
		edits = append(edits, edit{b, len(s), ""})
	}
	return edits
}
