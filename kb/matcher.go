package kb

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigie-news/vigie/translit"
)

// Token is one word of a text: a run of letters and digits (apostrophes,
// hyphens and all other characters separate words).
type Token struct {
	Start, End int    // byte offsets in the text
	Fold       string // translit.Fold of the word
	Upper      bool   // the first letter is upper case
	AllUpper   bool   // every letter is upper case
}

// Tokens splits text into words with their offsets.
func Tokens(text string) []Token {
	return AppendTokens(make([]Token, 0, len(text)/6+1), text, translit.Fold)
}

// AppendTokens appends the words of text to toks as Tokens does, folding
// each word with fold, which must equal translit.Fold (callers pass a
// cached one).
func AppendTokens(toks []Token, text string, fold func(string) string) []Token {
	start := -1
	upper, allUpper := false, true
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			isWord := ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
			if isWord {
				if start < 0 {
					start = i
					upper = 'A' <= c && c <= 'Z'
					allUpper = true
				}
				if 'a' <= c && c <= 'z' {
					allUpper = false
				}
			} else if start >= 0 {
				toks = append(toks, Token{Start: start, End: i, Fold: fold(text[start:i]), Upper: upper, AllUpper: allUpper})
				start = -1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
				upper = unicode.IsUpper(r)
				allUpper = true
			}
			if unicode.IsLower(r) {
				allUpper = false
			}
		} else if start >= 0 {
			toks = append(toks, Token{Start: start, End: i, Fold: fold(text[start:i]), Upper: upper, AllUpper: allUpper})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		toks = append(toks, Token{Start: start, End: len(text), Fold: fold(text[start:]), Upper: upper, AllUpper: allUpper})
	}
	return toks
}

// Hit is one entity a matched alias stands for.
type Hit struct {
	Entity *Entity
	// Demonym is true when the alias is one of the entity's demonyms.
	Demonym bool
}

type payload struct {
	ent     int32
	next    int32 // next payload of the same node, -1 at the end
	cased   bool  // the alias starts with an upper-case letter: text must too
	demonym bool
}

// Matcher is a token-level trie over transliteration keys of aliases: a
// text word is looked up by its folded form (exact alias words) and, for
// capitalised words, by its translit.Key, so "Baïramov", "Bairamov" and
// "Bayramov" walk the same edge. Edges live in one hash map keyed by
// (node, token), which keeps memory proportional to the number of alias
// words and lookups O(1) per word whatever the number of aliases.
type Matcher struct {
	keyTok  map[string]uint32 // Key(word) → token id
	foldTok map[string]uint32 // folded alias word → token id (of its key)
	edges   map[uint64]uint32 // node<<32 | token → child node
	nodes   uint32
	term    map[uint32]int32 // node → first payload
	pay     []payload
	ents    []*Entity
	entIdx  map[*Entity]int32
}

// NewMatcher returns an empty matcher.
func NewMatcher() *Matcher {
	return &Matcher{
		keyTok:  map[string]uint32{},
		foldTok: map[string]uint32{},
		edges:   map[uint64]uint32{},
		nodes:   1,
		term:    map[uint32]int32{},
		entIdx:  map[*Entity]int32{},
	}
}

// Add registers an alias of e (a demonym when demonym is set).
func (m *Matcher) Add(alias string, e *Entity, demonym bool) {
	words := translit.Words(alias)
	if len(words) == 0 {
		return
	}
	node := uint32(0)
	for _, w := range words {
		k := translit.Key(w)
		if k == "" {
			k = w
		}
		id, ok := m.keyTok[k]
		if !ok {
			id = uint32(len(m.keyTok)) + 1
			m.keyTok[k] = id
		}
		if _, ok := m.foldTok[w]; !ok {
			m.foldTok[w] = id
		}
		ek := uint64(node)<<32 | uint64(id)
		child, ok := m.edges[ek]
		if !ok {
			child = m.nodes
			m.nodes++
			m.edges[ek] = child
		}
		node = child
	}
	ei, ok := m.entIdx[e]
	if !ok {
		ei = int32(len(m.ents))
		m.ents = append(m.ents, e)
		m.entIdx[e] = ei
	}
	r, _ := utf8.DecodeRuneInString(alias)
	cased := unicode.IsUpper(r)
	head, ok := m.term[node]
	if !ok {
		head = -1
	}
	for p := head; p >= 0; p = m.pay[p].next {
		if m.pay[p].ent == ei && m.pay[p].demonym == demonym {
			if !cased {
				m.pay[p].cased = false
			}
			return
		}
	}
	m.pay = append(m.pay, payload{ent: ei, next: head, cased: cased, demonym: demonym})
	m.term[node] = int32(len(m.pay) - 1)
}

// Size returns the number of trie nodes and of distinct alias words.
func (m *Matcher) Size() (nodes, words int) { return int(m.nodes), len(m.keyTok) }

// KeyCache memoises, for one caller, the token ids of capitalised words
// that are no alias word as written (their translit.Key is the matcher's
// costliest step). It is not safe for concurrent use: keep one per
// goroutine, made with make(KeyCache), and clear it when it grows large.
type KeyCache map[string]uint32

// token returns the token id of a text word, through c when not nil.
func (m *Matcher) token(t *Token, c KeyCache) (uint32, bool) {
	if id, ok := m.foldTok[t.Fold]; ok {
		return id, true
	}
	if !t.Upper {
		return 0, false
	}
	if c != nil {
		if id, ok := c[t.Fold]; ok {
			return id, id != 0
		}
	}
	id := m.keyTok[translit.Key(t.Fold)] // 0 when absent: ids start at 1
	if c != nil {
		c[strings.Clone(t.Fold)] = id
	}
	return id, id != 0
}

// MatchAt returns the longest alias match starting at toks[i]: the number
// of tokens it spans (0 when none) and its hits. Aliases written with an
// initial capital only match words with an initial capital.
func (m *Matcher) MatchAt(toks []Token, i int) (int, []Hit) {
	return m.MatchAtCached(toks, i, nil)
}

// MatchAtCached is MatchAt with the caller's key cache (nil for none).
func (m *Matcher) MatchAtCached(toks []Token, i int, c KeyCache) (int, []Hit) {
	node := uint32(0)
	bestN, bestNode := 0, uint32(0)
	for j := i; j < len(toks); j++ {
		id, ok := m.token(&toks[j], c)
		if !ok {
			break
		}
		child, ok := m.edges[uint64(node)<<32|uint64(id)]
		if !ok {
			break
		}
		node = child
		if head, ok := m.term[node]; ok {
			for p := head; p >= 0; p = m.pay[p].next {
				if !m.pay[p].cased || toks[i].Upper {
					bestN, bestNode = j-i+1, node
					break
				}
			}
		}
	}
	if bestN == 0 {
		return 0, nil
	}
	var hits []Hit
	for p := m.term[bestNode]; p >= 0; p = m.pay[p].next {
		pl := m.pay[p]
		if pl.cased && !toks[i].Upper {
			continue
		}
		hits = append(hits, Hit{Entity: m.ents[pl.ent], Demonym: pl.demonym})
	}
	return bestN, hits
}

// Match is one alias occurrence found by FindAll.
type Match struct {
	Start, End int // byte offsets in the text
	Tok, NTok  int // first token index and number of tokens
	Hits       []Hit
}

// FindAll tokenizes text and returns the leftmost-longest, non-overlapping
// alias matches.
func (m *Matcher) FindAll(text string) []Match {
	toks := Tokens(text)
	var out []Match
	for i := 0; i < len(toks); {
		n, hits := m.MatchAt(toks, i)
		if n == 0 {
			i++
			continue
		}
		out = append(out, Match{Start: toks[i].Start, End: toks[i+n-1].End, Tok: i, NTok: n, Hits: hits})
		i += n
	}
	return out
}

// Matcher returns the KB's alias matcher over canonical names, aliases and
// demonyms, built on first use.
func (k *KB) Matcher() *Matcher {
	k.matchOnce.Do(func() {
		m := NewMatcher()
		for _, e := range k.entities {
			for _, a := range e.AllNames() {
				m.Add(a, e, false)
			}
			for _, ds := range e.Demonyms {
				for _, d := range ds {
					m.Add(d, e, true)
				}
			}
		}
		k.matcher = m
	})
	return k.matcher
}
