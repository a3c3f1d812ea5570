package clean

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/translit"
)

// monthNames maps folded month names and abbreviations (French and English)
// to month numbers.
var monthNames = map[string]int{
	"janvier": 1, "janv": 1, "jan": 1, "january": 1,
	"fevrier": 2, "fevr": 2, "fev": 2, "feb": 2, "february": 2,
	"mars": 3, "mar": 3, "march": 3,
	"avril": 4, "avr": 4, "apr": 4, "april": 4,
	"mai": 5, "may": 5,
	"juin": 6, "jun": 6, "june": 6,
	"juillet": 7, "juil": 7, "jul": 7, "july": 7,
	"aout": 8, "aug": 8, "august": 8,
	"septembre": 9, "sept": 9, "sep": 9, "september": 9,
	"octobre": 10, "oct": 10, "october": 10,
	"novembre": 11, "nov": 11, "november": 11,
	"decembre": 12, "dec": 12, "december": 12,
}

// monthRe matches any month name of monthNames, accented or not, any case.
const monthRe = `(?:[Jj]anvier|[Jj]anv|[Ff][ée]vrier|[Ff][ée]vr|[Ff][ée]v|[Mm]ars|[Aa]vril|[Aa]vr|[Mm]ai|[Jj]uin|[Jj]uillet|[Jj]uil|[Aa]o[ûu]t|[Ss]eptembre|[Oo]ctobre|[Nn]ovembre|[Dd][ée]cembre|` +
	`[Jj]anuary|[Ff]ebruary|[Mm]arch|[Aa]pril|[Mm]ay|[Jj]une|[Jj]uly|[Aa]ugust|[Ss]eptember|[Oo]ctober|[Nn]ovember|[Dd]ecember|` +
	`[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ept|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec|` +
	`JANVIER|JANV|F[ÉE]VRIER|F[ÉE]V|MARS|AVRIL|AVR|MAI|JUIN|JUILLET|JUIL|AO[ÛU]T|SEPTEMBRE|OCTOBRE|NOVEMBRE|D[ÉE]CEMBRE|` +
	`JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\.?`

// placeRe matches a dateline place: an upper-case or capitalised name of
// up to four words ("STEPANAKERT", "Bakou", "NEW YORK", "Nour-Soultan").
const placeRe = `(?P<place>\p{Lu}[\p{L}'’.\-/]*(?: \p{Lu}[\p{L}'’.\-/]*){0,3})`

// agencyRe matches an agency signature ("ARTSAKHPRESS", "AZERTAC",
// "ARTSAKHPRESS-ARMENPRESS", "News-Front", "Reuters").
const agencyRe = `(?P<agency>\p{Lu}[\p{L}\-]*\p{L}(?:[ /]\p{Lu}[\p{L}\-]*){0,2})`

// datelinePatterns are the dateline shapes, tried in order at the start of
// a paragraph. Named groups: place, day, month, year, agency.
var datelinePatterns = []*regexp.Regexp{
	// STEPANAKERT, 25 MAI, ARTSAKHPRESS :   Bakou, 2 août, AZERTAC   Bakou, 7 oct 2020 (AFP) -
	regexp.MustCompile(`^` + placeRe + `,\s+(?P<day>\d{1,2})(?:er)?\s+(?P<month>` + monthRe + `)(?:\s+(?P<year>\d{4}))?(?:,\s*|\s+\(|\s*/)` + agencyRe + `\)?/?(?:\s*[:.\-–—]+\s*|\s*$)`),
	// STEPANAKERT, MAY 19, ARTSAKHPRESS-ARMENPRESS:   YEREVAN, November 10. /ARKA/.
	regexp.MustCompile(`^` + placeRe + `,\s+(?P<month>` + monthRe + `)\s+(?P<day>\d{1,2})(?:,\s+(?P<year>\d{4}))?(?:,\s*|\.?\s+\(|\.?\s*/)` + agencyRe + `\)?/?(?:\s*[:.\-–—]+\s*|\s*$)`),
	// MOSCOW (Reuters) -   Paris (AFP) -
	regexp.MustCompile(`^` + placeRe + `\s+\(` + agencyRe + `\)\s*[\-–—:]\s*`),
	// BAKU, Sept. 13 (AZERTAC) -  / Bakou, 7 oct. (AFP) -
	// EREVAN, ARKA (alone on its line)
	regexp.MustCompile(`^` + placeRe + `,\s*` + agencyRe + `\s*[:.]?\s*$`),
	regexp.MustCompile(`^` + placeRe + `,\s+(?:(?P<day>\d{1,2})\s+(?P<month>` + monthRe + `)|(?P<month2>` + monthRe + `)\s+(?P<day2>\d{1,2}))\s*\(` + agencyRe + `\)\s*[\-–—:]\s*`),
}

// parsedDateline is a dateline found in a paragraph.
type parsedDateline struct {
	length int // bytes of the paragraph the dateline covers
	place  string
	agency string
	year   int
	month  int
	day    int
}

// matchDateline parses a dateline at the start of s.
func matchDateline(s string) (parsedDateline, bool) {
	if !mayStartDateline(s) {
		return parsedDateline{}, false
	}
	for _, re := range datelinePatterns {
		m := re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		get := func(name string) string {
			i := re.SubexpIndex(name)
			if i < 0 || m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		p := parsedDateline{length: m[1], place: placeName(get("place")), agency: get("agency")}
		month, day := get("month"), get("day")
		if month == "" {
			month, day = get("month2"), get("day2")
		}
		if month != "" {
			p.month = monthNumber(month)
			p.day, _ = strconv.Atoi(day)
			if p.month == 0 || p.day < 1 || p.day > 31 {
				continue
			}
		}
		if y := get("year"); y != "" {
			p.year, _ = strconv.Atoi(y)
		}
		if !plausibleAgency(p.agency) {
			continue
		}
		return p, true
	}
	return parsedDateline{}, false
}

// mayStartDateline reports whether a datelinePatterns pattern may match
// s: each starts with placeRe followed by a comma or by spaces and an
// opening bracket. The place can only end where its longest match does
// (inside it, the next byte is a place character or a space before a
// capital), so that is where the comma or bracket must be. Most paragraphs
// fail this at their second word, and the patterns are slow to say so.
func mayStartDateline(s string) bool {
	i, words := 0, 0
	for {
		// A word: a capital, then place characters.
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.Is(unicode.Lu, r) {
			if words == 0 {
				return false
			}
			i-- // the space before was not the start of a word
			break
		}
		i += n
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.Is(unicode.L, r) && r != '\'' && r != '’' && r != '.' && r != '-' && r != '/' {
				break
			}
			i += n
		}
		words++
		if words == 4 || i+1 >= len(s) || s[i] != ' ' {
			break
		}
		i++
	}
	if i < len(s) && s[i] == ',' {
		return true
	}
	j := i
	for j < len(s) && isSpaceRE(s[j]) {
		j++
	}
	return j > i && j < len(s) && s[j] == '('
}

// plausibleAgency rejects agency captures that are ordinary words: a
// dateline agency is all capitals, a known outlet, or a short capitalised
// name (Reuters).
func plausibleAgency(a string) bool {
	if a == "" {
		return false
	}
	if _, ok := lookupAgency(a); ok {
		return true
	}
	upper := true
	for _, r := range a {
		if unicode.IsLower(r) {
			upper = false
			break
		}
	}
	return upper && len(a) >= 2
}

// monthNumber returns the month number of a month name, 0 if unknown.
func monthNumber(s string) int {
	k := strings.TrimSuffix(strings.ToLower(translit.Fold(s)), ".")
	return monthNames[k]
}

// placeName renders an upper-case place in title case ("STEPANAKERT" ->
// "Stepanakert", "NEW YORK" -> "New York"); other spellings are kept.
func placeName(s string) string {
	for _, r := range s {
		if unicode.IsLower(r) {
			return s
		}
	}
	var b strings.Builder
	first := true
	for _, r := range s {
		if first {
			b.WriteRune(r)
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		first = !unicode.IsLetter(r)
	}
	return b.String()
}

// toDate turns the dateline's date into an article.Date given the year of
// another source (0 if none); the zero Date when there is no usable date.
func (p parsedDateline) toDate(year int) article.Date {
	if p.month == 0 {
		return article.Date{}
	}
	if p.year != 0 {
		year = p.year
	}
	if year == 0 {
		return article.Date{}
	}
	d := article.Date{Year: year, Month: p.month, Day: p.day, Precision: article.PrecDay}
	if !validDay(d) {
		return article.Date{}
	}
	return d
}
