package clean

import (
	"regexp"
	"regexp/syntax"
	"strings"
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
}

// compileLines compiles case-insensitive whole-line patterns.
func compileLines(patterns ...string) *lineSet {
	var bounded, unbounded []string
	ls := &lineSet{}
	for _, p := range patterns {
		re, err := syntax.Parse(`(?i)`+p, syntax.Perl)
		if err != nil {
			panic("clean: bad line pattern " + p + ": " + err.Error())
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
