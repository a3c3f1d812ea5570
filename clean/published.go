package clean

import (
	"regexp"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/vigie-news/vigie/article"
)

// corpusDateRe matches the corpus date line: a leading " date YYYY-MM" or
// " date YYYY-MM-DD"; the text may continue on the same line.
var corpusDateRe = regexp.MustCompile(`^[ \t]*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)(?:[ \t]+|[ \t]*\n|$)`)

// urlDatePatterns find a publication date in a URL, most precise first.
// Groups: year, month, day (day optional).
var urlDatePatterns = []*regexp.Regexp{
	regexp.MustCompile(`[?&](?:date|d|published)=((?:19|20)\d{2})-?(\d{2})-?(\d{2})\b`),
	regexp.MustCompile(`/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$|[-_])`),
	regexp.MustCompile(`/((?:19|20)\d{2})-(\d{2})-(\d{2})(?:/|$|[-_])`),
	regexp.MustCompile(`[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[-_.]|/|$)`),
	regexp.MustCompile(`/((?:19|20)\d{2})/(\d{1,2})/()`),
}

// stampPatterns find a full date (with year) in a head line. Groups are
// named day, month (name or number) and year.
var stampPatterns = []*regexp.Regexp{
	regexp.MustCompile(`\b(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>(?:19|20)\d{2})\b`),
	regexp.MustCompile(`\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b`),
	regexp.MustCompile(`\b(?P<day>\d{1,2})(?:er)?\s+(?P<month>` + monthRe + `)\s+(?P<year>(?:19|20)\d{2})\b`),
	regexp.MustCompile(`\b(?P<month>` + monthRe + `)\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b`),
}

// stampContextRe says a date in a long line is a publication stamp: it is
// followed by a time or an agency in brackets, or preceded by a label.
var (
	stampAfterRe  = regexp.MustCompile(`^\s*(?:,|à|a|at|-|–|—|\|)?\s*(?:\d{1,2}[:h]\d{2}|\(\p{Lu}+\))`)
	stampBeforeRe = regexp.MustCompile(`(?i)(?:publi[ée] le|published(?: on)?|posted(?: on)?|date\s*:|le)\s*$`)
)

// maxStampLine is the length up to which a head line holding a full date is
// taken to be a date stamp without further context.
const maxStampLine = 100

// findStamp looks for a publication stamp in the head lines of s.
func findStamp(s string, head []line) (article.Date, bool) {
	for _, l := range head {
		t := s[l.start:l.end]
		if len(t) > maxStampLine+20 {
			// A stamp opens or closes a long line: scanning its ends is
			// enough, and keeps the backtracking patterns cheap.
			t = s[l.start : l.start+runeBoundary(t, maxStampLine+20)]
		}
		may := stampCandidates(t)
		if may == 0 {
			continue
		}
		for pi, re := range stampPatterns {
			if may&(1<<pi) == 0 {
				continue // the pattern cannot match: see stampCandidates
			}
			for _, m := range re.FindAllStringSubmatchIndex(t, 3) {
				if len(t) > maxStampLine && !stampAfterRe.MatchString(t[m[1]:]) && !stampBeforeRe.MatchString(t[:m[0]]) {
					continue
				}
				get := func(name string) string {
					i := re.SubexpIndex(name)
					return t[m[2*i]:m[2*i+1]]
				}
				d, ok := makeDate(get("year"), get("month"), get("day"))
				if ok {
					return d, true
				}
			}
		}
	}
	return article.Date{}, false
}

// stampCandidates returns the stampPatterns that may match s, as a bit
// set (bit i for stampPatterns[i]). Each pattern needs a year (four
// digits starting with 19 or 20) in a context of its own, checked here
// from the year backwards or forwards; the patterns themselves are slow
// to scan a line with (pattern 3 starts with every month name).
func stampCandidates(s string) uint8 {
	var may uint8
	for i := 0; i+3 < len(s); i++ {
		if !(s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
			continue
		}
		// 0: day[./]month[./]year
		if i > 0 && (s[i-1] == '.' || s[i-1] == '/') {
			may |= 1 << 0
		}
		// 1: year-month-day
		if i+4 < len(s) && s[i+4] == '-' {
			may |= 1 << 1
		}
		// 2 and 3: the year follows spaces (\s+).
		j := i
		for j > 0 && isSpaceRE(s[j-1]) {
			j--
		}
		if j == i || j == 0 {
			continue
		}
		// 2: day month year, the month (with an optional period) ends
		// with an ASCII letter.
		if c := s[j-1]; c == '.' || isASCIILetter(c) {
			may |= 1 << 2
		}
		// 3: month day[suffix][,] year, the day of one or two digits
		// after spaces, after the month.
		k := j
		if s[k-1] == ',' {
			k--
		}
		if k >= 2 {
			switch s[k-2 : k] {
			case "st", "nd", "rd", "th":
				k -= 2
			}
		}
		d := k
		for d > 0 && k-d < 3 && isDigit(s[d-1]) {
			d--
		}
		if n := k - d; n < 1 || n > 2 || d == 0 || !isSpaceRE(s[d-1]) {
			continue
		}
		m := d
		for m > 0 && isSpaceRE(s[m-1]) {
			m--
		}
		if m > 0 && (s[m-1] == '.' || isASCIILetter(s[m-1])) {
			may |= 1 << 3
		}
	}
	return may
}

// isSpaceRE reports whether c is a space for \s in regexp: [\t\n\f\r ].
func isSpaceRE(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// makeDate builds a day-precision date from a year, a month (number or
// name) and a day, checking the calendar.
func makeDate(ys, ms, ds string) (article.Date, bool) {
	y, _ := strconv.Atoi(ys)
	m, err := strconv.Atoi(ms)
	if err != nil {
		m = monthNumber(ms)
	}
	day, _ := strconv.Atoi(ds)
	d := article.Date{Year: y, Month: m, Day: day, Precision: article.PrecDay}
	return d, validDay(d)
}

// validDay reports whether a day-precision date exists and is plausible
// for a news article.
func validDay(d article.Date) bool {
	if d.Year < 1900 || d.Year > 2100 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	return t.Day() == d.Day
}

// DateFromURL returns the publication date a URL gives (/2020/11/10/,
// /20230919-..., ?date=2023-09-19, /2012/07/...), or false.
func DateFromURL(u string) (article.Date, bool) {
	for _, re := range urlDatePatterns {
		m := re.FindStringSubmatch(u)
		if m == nil {
			continue
		}
		if m[3] == "" {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			if mo >= 1 && mo <= 12 && y >= 1990 && y <= 2100 {
				return article.Date{Year: y, Month: mo, Precision: article.PrecMonth}, true
			}
			continue
		}
		if d, ok := makeDate(m[1], m[2], m[3]); ok && d.Year >= 1990 {
			return d, true
		}
	}
	return article.Date{}, false
}

// refine returns the more precise of base and cand when they agree (cand
// falls within base); base otherwise. An unknown base takes cand.
func refine(base, cand article.Date) article.Date {
	if !cand.Known() {
		return base
	}
	if !base.Known() {
		return cand
	}
	if base.Contains(cand) && cand.Precision.Rank() > base.Precision.Rank() {
		return cand
	}
	return base
}

// runeBoundary returns the largest rune boundary of s at or before n.
func runeBoundary(s string, n int) int {
	if n >= len(s) {
		return len(s)
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return n
}
