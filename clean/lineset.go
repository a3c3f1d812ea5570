package clean

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineSet matches a line key against a table of whole-line patterns. The
// patterns are split by the longest text they can match: a line longer
// than every bounded pattern is only tried against the unbounded ones
// (those with * or +), which keeps the cost of ordinary paragraphs low.
type lineSet struct {
	bounded   *regexp.Regexp // nil when there is none
	maxLen    int            // longest match of bounded, in bytes
	unbounded *regexp.Regexp // nil when there is none
	// first holds the runes a match can start with; a line starting
	// with another one is not tried.
	first firstRunes
	// prefix, when not nil, rejects the lines that start like no match.
	prefix *prefixFilter
	// patterns are the source patterns.
	patterns []string
}

// firstRunes is a set of runes: ASCII ones one by one, the others as a
// whole.
type firstRunes struct {
	ascii    [utf8.RuneSelf]bool
	nonASCII bool
	empty    bool // the empty line may match
}

// mayStart reports whether a match may start s.
func (f *firstRunes) mayStart(s string) bool {
	if s == "" {
		return f.empty
	}
	if c := s[0]; c < utf8.RuneSelf {
		return f.ascii[c]
	}
	return f.nonASCII
}

// add adds the runes of re that can start a match to f, and reports
// whether re matches the empty string.
func (f *firstRunes) add(re *syntax.Regexp) (nullable bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true
		}
		r := re.Rune[0]
		f.addRange(r, r)
		if re.Flags&syntax.FoldCase != 0 {
			for c := unicode.SimpleFold(r); c != r; c = unicode.SimpleFold(c) {
				f.addRange(c, c)
			}
		}
		return false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			f.addRange(re.Rune[i], re.Rune[i+1])
		}
		return false
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		f.addRange(0, unicode.MaxRune)
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return f.add(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		f.add(re.Sub[0])
		return true
	case syntax.OpRepeat:
		n := f.add(re.Sub[0])
		return n || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !f.add(sub) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		nullable := false
		for _, sub := range re.Sub {
			if f.add(sub) {
				nullable = true
			}
		}
		return nullable
	}
	// Unknown: anything may start a match.
	f.addRange(0, unicode.MaxRune)
	return true
}

func (f *firstRunes) addRange(lo, hi rune) {
	for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
		f.ascii[r] = true
	}
	if hi >= utf8.RuneSelf {
		f.nonASCII = true
	}
}

// mustParse parses a regular expression as regexp.Compile does.
func mustParse(expr string) *syntax.Regexp {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic("clean: bad pattern " + expr + ": " + err.Error())
	}
	return re
}

// compileLines compiles case-insensitive whole-line patterns.
func compileLines(patterns ...string) *lineSet {
	var bounded, unbounded []string
	var parsed []*syntax.Regexp
	ls := &lineSet{patterns: patterns}
	for _, p := range patterns {
		re, err := syntax.Parse(`(?i)`+p, syntax.Perl)
		if err != nil {
			panic("clean: bad line pattern " + p + ": " + err.Error())
		}
		parsed = append(parsed, re)
		if ls.first.add(re) {
			ls.first.empty = true
		}
		if n, ok := maxMatchLen(re); ok {
			bounded = append(bounded, p)
			ls.maxLen = max(ls.maxLen, n)
		} else {
			unbounded = append(unbounded, p)
		}
	}
	ls.bounded = wholeLines(bounded)
	ls.unbounded = wholeLines(unbounded)
	ls.prefix = newPrefixFilter(parsed, false)
	return ls
}

// wholeLines compiles an alternation of patterns anchored at both ends.
func wholeLines(patterns []string) *regexp.Regexp {
	if len(patterns) == 0 {
		return nil
	}
	alts := make([]string, len(patterns))
	for i, p := range patterns {
		alts[i] = `(?:` + p + `)`
	}
	return regexp.MustCompile(`(?i)^(?:` + strings.Join(alts, "|") + `)$`)
}

// match reports whether one of the patterns matches the whole of s.
func (ls *lineSet) match(s string) bool {
	if !ls.first.mayStart(s) || ls.prefix != nil && !ls.prefix.mayMatch(s) {
		return false
	}
	if ls.bounded != nil && len(s) <= ls.maxLen && ls.bounded.MatchString(s) {
		return true
	}
	return ls.unbounded != nil && ls.unbounded.MatchString(s)
}

// maxMatchLen returns an upper bound of the length in bytes of any text
// re matches, or false when there is none.
func maxMatchLen(re *syntax.Regexp) (int, bool) {
	switch re.Op {
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0, true
	case syntax.OpLiteral:
		return utf8.UTFMax * len(re.Rune), true // case folding may change a rune's length
	case syntax.OpCharClass, syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return utf8.UTFMax, true
	case syntax.OpCapture, syntax.OpQuest:
		return maxMatchLen(re.Sub[0])
	case syntax.OpRepeat:
		if re.Max < 0 {
			return 0, false
		}
		n, ok := maxMatchLen(re.Sub[0])
		return n * re.Max, ok
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			n, ok := maxMatchLen(sub)
			if !ok {
				return 0, false
			}
			if re.Op == syntax.OpConcat {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total, true
	}
	return 0, false // star, plus and anything unknown: unbounded
}

// prefixDepth is how many runes at the start of a line the prefix filter
// looks at.
const prefixDepth = 4

// maxPrefixes bounds the number of prefixes a prefix filter holds; a table
// with more gets no filter.
const maxPrefixes = 4096

// prefixFilter holds every sequence of runes a match of a table's patterns
// can start with, up to prefixDepth runes: a line whose first runes are not
// one of them does not match, and is not given to the regular expressions,
// which are slow to reject even ordinary sentences (case folding, the
// backtracker's set-up in proportion to the line's length). The sequences
// are of rune classes, found from the patterns' syntax trees; empty-width
// assertions (^, $, \b) are taken to hold, which can only add sequences.
type prefixFilter struct {
	// open is set for patterns matched at the start of a line rather
	// than against the whole line: a match may be followed by more text.
	open    bool
	classes []runeClass
	// byFirst lists the sequences (indexes into classes) by the first byte
	// of the line: an ASCII byte, or utf8.RuneSelf for any other.
	byFirst [utf8.RuneSelf + 1][][]uint16
}

// runeClass is a set of runes: ASCII ones in a bitmap, others as ranges.
type runeClass struct {
	ascii  [2]uint64
	ranges []rune // lo, hi pairs, above ASCII
}

func (c *runeClass) has(r rune) bool {
	if r < utf8.RuneSelf {
		return c.ascii[r>>6]&(1<<(r&63)) != 0
	}
	for i := 0; i+1 < len(c.ranges); i += 2 {
		if c.ranges[i] <= r && r <= c.ranges[i+1] {
			return true
		}
	}
	return false
}

// mayMatch reports whether s starts like a match (whether it may match
// as a whole, unless f is open). A nil filter says yes.
func (f *prefixFilter) mayMatch(s string) bool {
	if f == nil {
		return true
	}
	var rs [prefixDepth]rune
	n := 0
	for i := 0; i < len(s) && n < prefixDepth; n++ {
		if c := s[i]; c < utf8.RuneSelf {
			rs[n] = rune(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		rs[n] = r
		i += size
	}
	first := utf8.RuneSelf
	if n > 0 && rs[0] < utf8.RuneSelf {
		first = int(rs[0])
	}
	for _, seq := range f.byFirst[first] {
		if len(seq) != n && (!f.open || len(seq) > n) {
			continue
		}
		ok := true
		for i, c := range seq {
			if !f.classes[c].has(rs[i]) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// newPrefixFilter builds the filter of a set of patterns (parsed with the
// flags they are compiled with), open or not, or returns nil when the
// patterns start in too many ways or use syntax it does not know.
func newPrefixFilter(res []*syntax.Regexp, open bool) *prefixFilter {
	b := prefixBuilder{classIndex: map[string]uint16{}}
	var all prefixSet
	for _, re := range res {
		set, ok := b.prefixes(re)
		if !ok {
			return nil
		}
		all = b.union(all, set)
		if len(all) > maxPrefixes {
			return nil
		}
	}
	if b.tooMany {
		return nil
	}
	f := &prefixFilter{open: open, classes: b.classes}
	for _, seq := range all {
		ids := []uint16(nil)
		for _, r := range seq {
			ids = append(ids, uint16(r))
		}
		if len(ids) == 0 {
			f.byFirst[utf8.RuneSelf] = append(f.byFirst[utf8.RuneSelf], ids)
			for c := range utf8.RuneSelf {
				f.byFirst[c] = append(f.byFirst[c], ids)
			}
			continue
		}
		c := &f.classes[ids[0]]
		for r := range utf8.RuneSelf {
			if c.has(rune(r)) {
				f.byFirst[r] = append(f.byFirst[r], ids)
			}
		}
		if len(c.ranges) > 0 {
			f.byFirst[utf8.RuneSelf] = append(f.byFirst[utf8.RuneSelf], ids)
		}
	}
	return f
}

// prefixSet is a set of class sequences (each a string of class indexes
// as runes, for easy comparison), at most prefixDepth long. A sequence
// shorter than prefixDepth is a whole match; one of prefixDepth may go on.
type prefixSet []string

// prefixBuilder computes prefix sets and interns their classes.
type prefixBuilder struct {
	classes    []runeClass
	classIndex map[string]uint16
	tooMany    bool // more than maxClasses classes
}

// maxClasses bounds the classes of a prefix filter; their indexes are
// kept in strings as runes, below the surrogates.
const maxClasses = 0xD000

// class interns the class of the runes in ranges (lo, hi pairs).
func (b *prefixBuilder) class(ranges []rune) uint16 {
	var c runeClass
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := ranges[i], ranges[i+1]
		for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
			c.ascii[r>>6] |= 1 << (r & 63)
		}
		if hi >= utf8.RuneSelf {
			c.ranges = append(c.ranges, max(lo, utf8.RuneSelf), hi)
		}
	}
	key := fmt.Sprint(c.ascii, c.ranges)
	if i, ok := b.classIndex[key]; ok {
		return i
	}
	if len(b.classes) == maxClasses {
		b.tooMany = true
		return 0
	}
	b.classes = append(b.classes, c)
	i := uint16(len(b.classes) - 1)
	b.classIndex[key] = i
	return i
}

// literal returns the class of one rune of a literal.
func (b *prefixBuilder) literal(r rune, fold bool) uint16 {
	ranges := []rune{r, r}
	if fold {
		for c := unicode.SimpleFold(r); c != r; c = unicode.SimpleFold(c) {
			ranges = append(ranges, c, c)
		}
	}
	return b.class(ranges)
}

// prefixes returns the prefix set of re, or false when it cannot.
func (b *prefixBuilder) prefixes(re *syntax.Regexp) (prefixSet, bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return nil, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return prefixSet{""}, true
	case syntax.OpLiteral:
		var seq []rune
		for _, r := range re.Rune {
			if len(seq) == prefixDepth {
				break
			}
			seq = append(seq, rune(b.literal(r, re.Flags&syntax.FoldCase != 0)))
		}
		return prefixSet{string(seq)}, true
	case syntax.OpCharClass:
		return prefixSet{string(rune(b.class(re.Rune)))}, true
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return prefixSet{string(rune(b.class([]rune{0, unicode.MaxRune})))}, true
	case syntax.OpCapture:
		return b.prefixes(re.Sub[0])
	case syntax.OpStar:
		return b.repeat(re.Sub[0], 0, -1)
	case syntax.OpPlus:
		return b.repeat(re.Sub[0], 1, -1)
	case syntax.OpQuest:
		return b.repeat(re.Sub[0], 0, 1)
	case syntax.OpRepeat:
		return b.repeat(re.Sub[0], re.Min, re.Max)
	case syntax.OpConcat:
		set := prefixSet{""}
		for _, sub := range re.Sub {
			next, ok := b.prefixes(sub)
			if !ok {
				return nil, false
			}
			if set = b.concat(set, next); len(set) > maxPrefixes {
				return nil, false
			}
		}
		return set, true
	case syntax.OpAlternate:
		var set prefixSet
		for _, sub := range re.Sub {
			next, ok := b.prefixes(sub)
			if !ok {
				return nil, false
			}
			if set = b.union(set, next); len(set) > maxPrefixes {
				return nil, false
			}
		}
		return set, true
	}
	return nil, false
}

// repeat returns the prefix set of sub{min,max} (max < 0: unbounded).
// Repetitions beyond min+prefixDepth add no prefix: of the repetitions
// that make a match's first prefixDepth runes at most prefixDepth are
// not empty, and when one is empty, sub matches the empty text and any
// number of repetitions up to min can be made of it.
func (b *prefixBuilder) repeat(sub *syntax.Regexp, lo, hi int) (prefixSet, bool) {
	one, ok := b.prefixes(sub)
	if !ok {
		return nil, false
	}
	last := lo + prefixDepth
	if hi >= 0 && hi < last {
		last = hi
	}
	var set prefixSet
	cur := prefixSet{""}
	for i := 0; ; i++ {
		if i >= lo {
			set = b.union(set, cur)
		}
		if i == last || len(set) > maxPrefixes {
			break
		}
		if cur = b.concat(cur, one); len(cur) > maxPrefixes {
			return nil, false
		}
	}
	return set, len(set) <= maxPrefixes
}

// concat returns the prefix set of a text matching a then b: a's whole
// matches continued by b's prefixes, cut at prefixDepth.
func (b *prefixBuilder) concat(x, y prefixSet) prefixSet {
	var out prefixSet
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, p := range x {
		rs := []rune(p)
		if len(rs) >= prefixDepth {
			add(p)
			continue
		}
		for _, q := range y {
			qs := []rune(q)
			add(string(append(rs[:len(rs):len(rs)], qs[:min(len(qs), prefixDepth-len(rs))]...)))
		}
	}
	return out
}

// union returns the sequences of x and y.
func (b *prefixBuilder) union(x, y prefixSet) prefixSet {
	seen := make(map[string]bool, len(x))
	out := append(prefixSet(nil), x...)
	for _, p := range x {
		seen[p] = true
	}
	for _, q := range y {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}
