package entity

import (
	"strings"
	"unicode/utf8"

	"github.com/vigie-news/vigie/kb"
	"github.com/vigie-news/vigie/translit"
)

// newState returns an empty state. A Recognizer keeps released states
// in its pool for the next article a worker annotates: their buffers and
// maps are reused, and their caches (folded words, the KB's answers) are
// shared by the articles a state serves.
func newState() *state {
	return &state{starts: map[int]int{}, lower: map[string]bool{}, sentSt: map[int]bool{},
		persons: map[string]personRef{}, firsts: map[string]personRef{}, folds: map[string]string{},
		aliases: map[string][]*kb.Entity{}, names: map[string]nameKeys{}, keys: kb.KeyCache{}}
}

// getState returns a state of r's pool.
func (r *Recognizer) getState() *state {
	if s, ok := r.states.Get().(*state); ok {
		return s
	}
	return newState()
}

// maxPooledTokens bounds the token buffer a pooled state keeps, and
// maxFolds the size of each of its caches.
const (
	maxPooledTokens = 1 << 16
	maxFolds        = 1 << 15
)

// release empties s (so that it keeps no article alive) and returns it to
// the pool.
func (s *state) release() {
	clear(s.toks)
	clear(s.used)
	clear(s.dem)
	clear(s.cands)
	s.toks, s.used, s.dem, s.cands = s.toks[:0], s.used[:0], s.dem[:0], s.cands[:0]
	if cap(s.toks) > maxPooledTokens {
		s.toks, s.used, s.dem = nil, nil, nil
	}
	clear(s.starts)
	clear(s.lower)
	clear(s.sentSt)
	clear(s.persons)
	clear(s.firsts)
	s.personAt = nil
	clear(s.hits)
	s.hits = s.hits[:0]
	r := s.r
	s.r, s.a, s.text = nil, nil, ""
	r.states.Put(s)
}

// cacheRoom empties m when it holds maxFolds entries.
func cacheRoom[V any](m map[string]V) {
	if len(m) >= maxFolds {
		clear(m)
	}
}

// byAlias is s.r.kb.ByAlias through the state's cache (the state serves
// one Recognizer, hence one KB).
func (s *state) byAlias(surface string) []*kb.Entity {
	if es, ok := s.aliases[surface]; ok {
		return es
	}
	es := s.r.kb.ByAlias(surface)
	cacheRoom(s.aliases)
	s.aliases[strings.Clone(surface)] = es
	return es
}

// nameKeys are the transliteration keys of the first and last words of a
// name; ok is false for names of fewer than two words.
type nameKeys struct {
	first, last string
	ok          bool
}

// nameKeysOf returns the nameKeys of name through the state's cache.
func (s *state) nameKeysOf(name string) nameKeys {
	if k, ok := s.names[name]; ok {
		return k
	}
	var k nameKeys
	if ws := translit.Words(name); len(ws) >= 2 {
		k = nameKeys{first: translit.Key(ws[0]), last: translit.Key(ws[len(ws)-1]), ok: true}
	}
	cacheRoom(s.names)
	s.names[strings.Clone(name)] = k
	return k
}

// fold is translit.Fold through the state's cache. Keys are copied so
// that the cache keeps no article text alive.
func (s *state) fold(w string) string {
	if plainASCII(w) {
		return w // translit.Fold(w) is w
	}
	if f, ok := s.folds[w]; ok {
		return f
	}
	f := translit.Fold(w)
	cacheRoom(s.folds)
	s.folds[strings.Clone(w)] = f
	return f
}

// plainASCII reports whether w has no upper-case or non-ASCII byte.
func plainASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if b := w[i]; b >= utf8.RuneSelf || ('A' <= b && b <= 'Z') {
			return false
		}
	}
	return true
}

// appendTokens is kb.Tokens(text) appended to toks, folding words with
// s.fold.
func (s *state) appendTokens(toks []kb.Token, text string) []kb.Token {
	return kb.AppendTokens(toks, text, s.fold)
}
