package event

import (
	"strings"
	"sync"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/event/lexicon"
	"github.com/vigie-news/vigie/translit"
)

// lexCache memoises, across the articles one worker analyses, the folding
// and the lexicon readings of word forms: news articles reuse the same
// few thousand words, so most forms are seen before. The readings are
// shared by every word with that form and are never modified.
type lexCache struct {
	fold map[string]string
	an   [2]map[string][]lexicon.Analysis // "fr", "en"
	// nouns maps a list of readings to its non-verb readings (see
	// nounReadings); the key's pointer keeps the list alive.
	nouns map[readingsKey][]lexicon.Analysis

	// Buffers of one article's analysis, reused by the next one.
	words []word
	ments []ment
	sents []sentence
	spans []article.Span
	// Buffers of one step, reused by the next.
	matches []match
	dyadMs  []article.Mention
}

// maxPooledWords bounds the word buffer a lexCache keeps between articles.
const maxPooledWords = 1 << 16

// release empties the buffers (so that they keep no article alive) and
// returns c to the pool.
func (c *lexCache) release() {
	clear(c.words)
	clear(c.ments)
	clear(c.sents)
	clear(c.dyadMs)
	c.words, c.ments, c.sents = c.words[:0], c.ments[:0], c.sents[:0]
	c.spans, c.dyadMs = c.spans[:0], c.dyadMs[:0]
	if cap(c.words) > maxPooledWords {
		c.words, c.ments, c.sents, c.spans, c.dyadMs = nil, nil, nil, nil, nil
	}
	lexPool.Put(c)
}

// maxLexCache bounds each map of a lexCache; a full map is emptied.
const maxLexCache = 1 << 15

var lexPool = sync.Pool{New: func() any {
	return &lexCache{fold: map[string]string{}, nouns: map[readingsKey][]lexicon.Analysis{},
		an: [2]map[string][]lexicon.Analysis{{}, {}}}
}}

// foldWord is translit.Fold through the cache. Keys and values are copied
// so that the cache does not keep article texts alive.
func (c *lexCache) foldWord(w string) string {
	if plainASCII(w) {
		return w
	}
	if f, ok := c.fold[w]; ok {
		return f
	}
	f := translit.Fold(w)
	if len(c.fold) >= maxLexCache {
		clear(c.fold)
	}
	c.fold[strings.Clone(w)] = f
	return f
}

// plainASCII reports whether w has no upper-case or non-ASCII byte, that
// is whether translit.Fold(w) is w.
func plainASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if b := w[i]; b >= 0x80 || ('A' <= b && b <= 'Z') {
			return false
		}
	}
	return true
}

// analyses returns the readings of token *tp in lang ("fr" or "en") under
// key (tp.norm, or tp.norm with a suffix for the forms that need one).
func (c *lexCache) analyses(lang, key string, tp *token) []lexicon.Analysis {
	m := c.an[0]
	if lang != "fr" {
		m = c.an[1]
	}
	if an, ok := m[key]; ok {
		return an
	}
	key = strings.Clone(key)
	t := *tp
	t.norm = strings.Clone(t.norm) // the readings hold the form and its substrings
	an := analyze(lang, t)
	if key != t.norm {
		// "demander aux deux parties": "aux" is "à les" for the patterns.
		an = append(append([]lexicon.Analysis(nil), an...), lexicon.Analysis{Lemma: "a"})
	}
	if len(m) >= maxLexCache {
		clear(m)
	}
	m[key] = an
	return an
}

// readingsKey identifies a list of readings (lists are never modified).
type readingsKey struct {
	first *lexicon.Analysis
	n     int
}

// nounReadings returns the non-verb readings of an (a list of two or
// more readings) when it has some and no auxiliary reading, else nil.
func (c *lexCache) nounReadings(an []lexicon.Analysis) []lexicon.Analysis {
	key := readingsKey{&an[0], len(an)}
	if keep, ok := c.nouns[key]; ok {
		return keep
	}
	var keep []lexicon.Analysis
	aux := false
	for _, a := range an {
		if a.Lemma == "avoir" || a.Lemma == "etre" || a.Lemma == "have" || a.Lemma == "be" {
			aux = true
		}
		if a.Tenses == "" {
			keep = append(keep, a)
		}
	}
	if aux || len(keep) == 0 {
		keep = nil
	}
	if len(c.nouns) >= maxLexCache {
		clear(c.nouns)
	}
	c.nouns[key] = keep
	return keep
}
