package timex

import (
	"context"
	"fmt"
	"sync"
	"unicode/utf8"

	"github.com/vigie-news/vigie/article"
)

// Tag finds the date and duration expressions of text, written in lang
// ("fr", "en"; anything else uses both lexicons with French number
// conventions), and resolves them against ref, the publication date (the
// zero Date when unknown). The result is sorted by offset and has no
// overlaps. Sentences are found with a simple punctuation rule; use
// Annotate to supply an article's own sentence spans.
func Tag(text, lang string, ref article.Date) []article.TimeExpr {
	return tag(text, lang, ref, nil)
}

// Annotate fills a.Times from a.Text, a.Lang and a.Published, using
// a.Sentences for sentence boundaries when present.
func Annotate(ctx context.Context, a *article.Article) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("tagging times of article %s: %w", a.ID, err)
	}
	a.Times = tag(a.Text, a.Lang, a.Published, a.Sentences)
	return nil
}

// tag is Tag with optional sentence spans.
func tag(text, lang string, ref article.Date, sentences []article.Span) []article.TimeExpr {
	buf := tokenPool.Get().(*tagBuf)
	p := &matcher{text: text, toks: appendTokensFold(buf.toks[:0], text, buf.folds), lang: lang}
	defer func() {
		if cap(p.toks) <= maxPooledTokens {
			clear(p.toks) // let text go
			buf.toks = p.toks[:0]
			tokenPool.Put(buf)
		}
	}()
	ms := p.scan()
	if len(ms) == 0 {
		return nil
	}
	sen := p.sentenceIndex(sentences)
	bounds := sentenceBounds(sen)
	r := &resolver{ref: ref}
	for _, m := range ms {
		if m.f == fAbs && !m.nominal && (m.prec == article.PrecDay || m.prec == article.PrecMonth || m.prec == article.PrecYear) {
			r.years = append(r.years, yearAt{tok: m.a, year: m.y})
		}
	}
	out := make([]article.TimeExpr, 0, len(ms))
	for _, m := range ms {
		s := sen[m.a]
		b := bounds[s]
		tn := p.tense(m.a, m.b, b[0], b[1])
		r.tok = m.a
		te := r.resolve(m, tn, s)
		te.Span = article.Span{Start: p.toks[m.a].s, End: p.toks[m.b-1].e}
		te.Text = text[te.Span.Start:te.Span.End]
		out = append(out, te)
	}
	return out
}

// tokenPool holds token buffers for tag, whose tokens do not outlive it,
// with a cache of folded words.
var tokenPool = sync.Pool{New: func() any { return &tagBuf{folds: folder{}} }}

// tagBuf is what tokenPool holds.
type tagBuf struct {
	toks  []token
	folds folder
}

// maxPooledTokens bounds the token buffers kept for reuse.
const maxPooledTokens = 1 << 16

// sentenceIndex returns, for every token, the index of its sentence: from
// the given spans when present, else from punctuation and line breaks.
func (p *matcher) sentenceIndex(spans []article.Span) []int {
	idx := make([]int, len(p.toks))
	if len(spans) > 0 {
		s := 0
		for i, t := range p.toks {
			for s < len(spans)-1 && t.s >= spans[s].End {
				s++
			}
			idx[i] = s
		}
		return idx
	}
	s := 0
	for i := range p.toks {
		if i > 0 && p.sentenceStartsAt(i) {
			s++
		}
		idx[i] = s
	}
	return idx
}

// sentenceStartsAt reports whether token i opens a new sentence.
func (p *matcher) sentenceStartsAt(i int) bool {
	t := p.toks[i]
	if t.nl {
		return true
	}
	if !t.sp {
		return false
	}
	prev := p.toks[i-1]
	switch prev.w {
	case "!", "?", "…":
		return true
	case ".":
		if i >= 2 {
			b := p.toks[i-2]
			// "Sept. 19", "M. Aliev", "J.-C."
			if b.k == tkWord && (abbrevMonth[b.w] || len(b.w) == 1 || b.w == "mr" || b.w == "mrs" || b.w == "dr" || b.w == "st") {
				return false
			}
		}
		return t.up || t.k == tkNum || t.k == tkPunct
	}
	return false
}

// sentenceBounds returns the token range [lo, hi) of every sentence index.
func sentenceBounds(idx []int) [][2]int {
	if len(idx) == 0 {
		return nil
	}
	out := make([][2]int, idx[len(idx)-1]+1)
	for i := range out {
		out[i] = [2]int{-1, -1}
	}
	for i, s := range idx {
		if out[s][0] < 0 {
			out[s][0] = i
		}
		out[s][1] = i + 1
	}
	for i := range out {
		if out[i][0] < 0 {
			out[i] = [2]int{0, 0}
		}
	}
	return out
}

// ClauseDate returns the date expression of a.Times that governs byte
// position pos (typically an event trigger) inside sentence: among the
// resolved date expressions (not durations) within the sentence, the
// nearest one before pos in the same clause, else the nearest one after
// pos in the same clause, else the nearest one before pos in the
// sentence, else the nearest after. Clauses are separated by ";", ":"
// and dashes; commas do not separate clauses, since French and English put
// dates in comma-delimited adjuncts ("Le 16 juillet, les ministres ...").
// ok is false when the sentence has none.
func ClauseDate(a *article.Article, sentence article.Span, pos int) (article.TimeExpr, bool) {
	var cands []article.TimeExpr
	for _, te := range a.Times {
		if te.Kind != article.TimeDate || !te.Resolved {
			continue
		}
		if te.Span.Start >= sentence.Start && te.Span.End <= sentence.End {
			cands = append(cands, te)
		}
	}
	if len(cands) == 0 {
		return article.TimeExpr{}, false
	}
	clause := clauseOf(a.Text, sentence, pos)
	in := func(te article.TimeExpr) bool {
		return te.Span.Start >= clause.Start && te.Span.End <= clause.End
	}
	pick := func(sameClause, before bool) (article.TimeExpr, bool) {
		best, found, bestDist := article.TimeExpr{}, false, 0
		for _, te := range cands {
			if sameClause && !in(te) {
				continue
			}
			var dist int
			if before {
				if te.Span.Start > pos {
					continue
				}
				dist = pos - te.Span.End
			} else {
				if te.Span.Start < pos {
					continue
				}
				dist = te.Span.Start - pos
			}
			if dist < 0 {
				dist = 0
			}
			if !found || dist < bestDist {
				best, found, bestDist = te, true, dist
			}
		}
		return best, found
	}
	for _, c := range [][2]bool{{true, true}, {true, false}, {false, true}, {false, false}} {
		if te, ok := pick(c[0], c[1]); ok {
			return te, true
		}
	}
	return article.TimeExpr{}, false
}

// clauseOf returns the clause of sentence containing pos.
func clauseOf(text string, sentence article.Span, pos int) article.Span {
	if sentence.Start < 0 || sentence.End > len(text) || sentence.Start > sentence.End {
		return sentence
	}
	if pos < sentence.Start {
		pos = sentence.Start
	}
	if pos > sentence.End {
		pos = sentence.End
	}
	isBreak := func(i int) int {
		switch text[i] {
		case ';', ':':
			return 1
		}
		if i+3 <= len(text) && (text[i:i+3] == "—" || text[i:i+3] == "–") {
			return 3
		}
		return 0
	}
	c := sentence
	for i := pos - 1; i >= sentence.Start; i-- {
		if n := isBreak(i); n > 0 {
			c.Start = i + n
			break
		}
	}
	for i := pos; i < sentence.End; i++ {
		if isBreak(i) > 0 {
			c.End = i
			break
		}
	}
	return c
}

// NounYear reports whether te, an expression of text, is a bare year
// complementing a noun ("un traité de 1997", "the 2020 war"): it dates that
// thing rather than its clause, so an event layer should not take it as the
// date of the clause's event.
func NounYear(text string, te article.TimeExpr) bool {
	if te.Kind != article.TimeDate || te.Value.Precision != article.PrecYear || te.Until.Known() ||
		te.Span.Start < 0 || te.Span.End > len(text) || te.Span.Start >= te.Span.End {
		return false
	}
	lo := max(te.Span.Start-48, 0)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	hi := min(te.Span.End+24, len(text))
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	p := &matcher{text: text[lo:hi], toks: tokenize(text[lo:hi])}
	for i, t := range p.toks {
		if t.s+lo == te.Span.End-(t.e-t.s) && t.e+lo == te.Span.End && t.k == tkNum {
			return p.nounComplementYear(i, i+1)
		}
	}
	return false
}
