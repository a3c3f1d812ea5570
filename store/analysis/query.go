package analysis

import (
	"strings"
	"unicode/utf8"
)

// Word is one analysed query word: it matches a text token whose stem
// (or alternative stem) is one of Stems, or whose key equals Key.
type Word struct {
	// Surface is the word as the user typed it.
	Surface string
	// Stems holds the French and English stems of the word (deduplicated).
	Stems []string
	// Key is the word's transliteration key.
	Key string
}

// Clause is a query word or quoted phrase, possibly negated ("-word").
type Clause struct {
	// Words are matched in sequence (one word unless the clause is a phrase).
	Words []Word
	// Not excludes the documents the clause matches.
	Not bool
}

// Query is a parsed search query: documents must match every positive
// clause and no negative one.
type Query struct {
	Clauses []Clause
}

// Empty reports whether the query has no positive clause (nothing to search for).
func (q Query) Empty() bool {
	for _, c := range q.Clauses {
		if !c.Not {
			return false
		}
	}
	return true
}

// ParseQuery analyses a user query. Words are ANDed; "double quotes" or
// «guillemets» make a phrase; a leading '-' excludes a word or phrase.
// Stop words and punctuation are dropped; a word that analyses into
// several tokens ("Haut-Karabakh") becomes a phrase. It never fails: any
// input yields a (possibly empty) query, and no user character reaches the
// index's query language unescaped.
func ParseQuery(s string) Query {
	var q Query
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || r == '+' {
			i += n
			continue
		}
		neg := false
		if r == '-' || r == '−' {
			neg = true
			i += n
			if i >= len(s) {
				break
			}
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		var text string
		if r == '"' || r == '«' || r == '“' {
			i += n
			end := len(s)
			for j := i; j < len(s); {
				c, m := utf8.DecodeRuneInString(s[j:])
				if c == '"' || c == '»' || c == '”' {
					end = j
					text = s[i:end]
					i = j + m
					break
				}
				j += m
			}
			if end == len(s) {
				text = s[i:]
				i = len(s)
			}
		} else {
			j := i
			for j < len(s) {
				c, m := utf8.DecodeRuneInString(s[j:])
				if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00a0' || c == '"' || c == '«' {
					break
				}
				j += m
			}
			if j == i { // a lone closing quote or similar
				j = i + n
			}
			text = s[i:j]
			i = j
		}
		if ws := analyzeQueryText(text); len(ws) > 0 {
			q.Clauses = append(q.Clauses, Clause{Words: ws, Not: neg})
		}
	}
	return q
}

func analyzeQueryText(text string) []Word {
	var ws []Word
	split(text, func(start, end int) {
		w := text[start:end]
		t, ok := analyzeWord(w, modeBoth)
		if !ok {
			return
		}
		word := Word{Surface: w, Key: t.Key, Stems: []string{t.Stem}}
		if t.Alt != "" && t.Alt != t.Stem {
			word.Stems = append(word.Stems, t.Alt)
		}
		ws = append(ws, word)
	})
	return ws
}

// quote renders a term as an FTS5 string literal. Terms are analysed
// (letters and digits only) but are escaped anyway.
func quote(t string) string {
	return `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
}

// FTS5 renders the query in SQLite FTS5 syntax for an index with columns
// named stems, alts and keys (see Columns). It returns "" for an empty query.
func (q Query) FTS5() string { return q.render(clauseFTS5) }

// render joins the clauses rendered by clause: positive ones with AND,
// then each negative one with NOT.
func (q Query) render(clause func(Clause) string) string {
	if q.Empty() {
		return ""
	}
	var pos, neg []string
	for _, c := range q.Clauses {
		e := clause(c)
		if c.Not {
			neg = append(neg, e)
		} else {
			pos = append(pos, e)
		}
	}
	out := strings.Join(pos, " AND ")
	for _, e := range neg {
		out = "(" + out + ") NOT " + e
	}
	return out
}

func clauseFTS5(c Clause) string {
	// Stem variants: the French and the English reading of the whole phrase.
	variants := map[string]bool{}
	var alts []string
	for v := 0; v < 2; v++ {
		parts := make([]string, len(c.Words))
		for i, w := range c.Words {
			s := w.Stems[0]
			if v < len(w.Stems) {
				s = w.Stems[v]
			}
			parts[i] = s
		}
		p := quote(strings.Join(parts, " "))
		if !variants[p] {
			variants[p] = true
			alts = append(alts, "{stems alts} : "+p)
		}
	}
	keys := make([]string, len(c.Words))
	for i, w := range c.Words {
		keys[i] = w.Key
	}
	alts = append(alts, "keys : "+quote(strings.Join(keys, " ")))
	return "(" + strings.Join(alts, " OR ") + ")"
}

// Terms lists every stem and key of the positive clauses, for backends
// that search a flat term list.
func (q Query) Terms() []string {
	var out []string
	for _, c := range q.Clauses {
		if c.Not {
			continue
		}
		for _, w := range c.Words {
			out = append(out, w.Stems...)
			out = append(out, w.Key)
		}
	}
	return out
}

// KeyPrefix marks transliteration keys in a flat index (see FlatColumns),
// so that keys and stems can share one term space and queries need no
// column filters, which are costly to evaluate.
const KeyPrefix = "_"

// FlatColumns is Columns with every key prefixed by KeyPrefix.
func FlatColumns(toks []Token) (stems, alts, keys string) {
	stems, alts, _ = Columns(toks)
	var k strings.Builder
	for i, t := range toks {
		if i > 0 {
			k.WriteByte(' ')
		}
		k.WriteString(KeyPrefix)
		k.WriteString(t.Key)
	}
	return stems, alts, k.String()
}

// FTS5Flat renders the query in SQLite FTS5 syntax for an index filled by
// FlatColumns and tokenised with KeyPrefix as a token character: every
// clause matches a stem phrase (French or English reading) or a key
// phrase, in any column. It returns "" for an empty query.
func (q Query) FTS5Flat() string { return q.render(clauseFlat) }

func clauseFlat(c Clause) string {
	seen := map[string]bool{}
	var alts []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			alts = append(alts, p)
		}
	}
	for v := 0; v < 2; v++ {
		parts := make([]string, len(c.Words))
		for i, w := range c.Words {
			parts[i] = w.Stems[min(v, len(w.Stems)-1)]
		}
		add(quote(strings.Join(parts, " ")))
	}
	keys := make([]string, len(c.Words))
	for i, w := range c.Words {
		keys[i] = KeyPrefix + w.Key
	}
	add(quote(strings.Join(keys, " ")))
	if len(alts) == 1 {
		return alts[0]
	}
	return "(" + strings.Join(alts, " OR ") + ")"
}
