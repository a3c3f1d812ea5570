package clean

import (
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

// compileLines compiles case-insensitive whole-line patterns.
func compileLines(patterns ...string) *lineSet {
	var bounded, unbounded []string
	ls := &lineSet{patterns: patterns}
	for _, p := range patterns {
		re, err := syntax.Parse(`(?i)`+p, syntax.Perl)
		if err != nil {
			panic("clean: bad line pattern " + p + ": " + err.Error())
		}
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
	if !ls.first.mayStart(s) {
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
