package timex

import (
	"strconv"
	"strings"

	"github.com/vigie-news/vigie/article"
)

// form says how a match is resolved.
type form int

const (
	fAbs         form = iota + 1 // absolute date: y (m, d) at prec
	fDayMonth                    // day and month without a year
	fMonth                       // month without a year
	fDayShift                    // n days from ref (hier -1, demain +1)
	fWeekday                     // a weekday, wd (and wd2 for a night range)
	fWeekShift                   // n weeks from ref
	fMonthShift                  // n months from ref
	fYearShift                   // n years from ref
	fAgo                         // n units from ref (negative for "ago")
	fAnchorShift                 // n units from the day anchor
	fAnchorYear                  // n years from the year anchor ("cette année-là")
	fAnchorMonth                 // n months from the anchor's month ("le mois suivant")
	fAnchorWeek                  // n weeks from the day anchor ("la semaine suivante")
	fDuration                    // a duration
	fDayOnly                     // a bare day of the anchor's month ("Le 13, ...")
)

// match is a recognised expression before resolution.
type match struct {
	a, b       int // token range [a, b)
	f          form
	y, m, d    int
	y2, m2, d2 int // end of a range (y2 0: same year as the start)
	prec       article.Precision
	mod        string
	n, unit    int
	wd, wd2    int
	dir        int // -1 forced past, +1 forced future, 0 by tense
	dur        string
	// nominal marks a bare year that complements a noun ("le traité de
	// 1997", "the 2020 war"): it dates that thing, not the clause, and
	// lends its year to no day and month written without one.
	nominal bool
}

// matcher scans tokens for time expressions.
type matcher struct {
	text string
	toks []token
	lang string
	// The last answer of lead, which the patterns tried at one token
	// ask for in turn.
	leadSet         bool
	leadAt, leadEnd int
	leadMod         string
}

// w returns the folded word of token i, "" when out of range.
func (p *matcher) w(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	return p.toks[i].w
}

// info returns the wordInfo of token i, that of "" when out of range.
func (p *matcher) info(i int) wordInfo {
	if i < 0 || i >= len(p.toks) {
		return noWord
	}
	return p.toks[i].info
}

// attached reports whether token i follows token i-1 with no space.
func (p *matcher) attached(i int) bool {
	return i > 0 && i < len(p.toks) && !p.toks[i].sp
}

// seq matches the words ws at i (an apostrophe token matches "'"); it
// returns the index after the match or -1.
func (p *matcher) seq(i int, ws ...string) int {
	for _, w := range ws {
		if i >= len(p.toks) || p.toks[i].w != w {
			return -1
		}
		i++
	}
	return i
}

// oneOf returns i+1 when token i's word is one of ws, else -1.
func (p *matcher) oneOf(i int, ws ...string) int {
	x := p.w(i)
	if x == "" {
		return -1
	}
	for _, w := range ws {
		if x == w {
			return i + 1
		}
	}
	return -1
}

// triggers are the words a match may start with (numbers always may).
var triggers = func() map[string]bool {
	m := map[string]bool{}
	for w := range monthWords {
		m[w] = true
	}
	for w := range weekdayWords {
		m[w] = true
	}
	for w := range numberWords {
		m[w] = true
	}
	for w := range seasonWords {
		m[w] = true
	}
	for w := range yearLead {
		m[w] = true
	}
	for _, w := range strings.Fields(`le la les l du en in on the ce cet cette this last next that
		fin debut mi mid early late courant au a at plus earlier later dans il hier aujourd demain
		avant apres yesterday today tomorrow tonight annees annee an moins pres environ about more
		over nearly almost less under nuit overnight same previous following premier quelque
		d jusqu until since by some roughly approximately around dernier derniere over`) {
		m[w] = true
	}
	return m
}()

// isTrigger reports whether a match may start at token i.
func (p *matcher) isTrigger(i int) bool {
	t := &p.toks[i]
	switch t.k {
	case tkNum:
		return true
	case tkPunct:
		return t.w == "'" // "'90s"
	}
	if t.info.trig {
		return true
	}
	// Roman century ordinals ("xxe", "xixeme").
	return len(t.w) >= 2 && strings.ContainsRune("ivxlc", rune(t.w[0])) && t.w[len(t.w)-1] == 'e'
}

// scan returns the matches of the text, left to right, longest first.
func (p *matcher) scan() []match {
	var out []match
	for i := 0; i < len(p.toks); {
		if !p.isTrigger(i) {
			i++
			continue
		}
		m, ok := p.best(i)
		if !ok {
			i++
			continue
		}
		out = append(out, m)
		i = m.b
	}
	return out
}

// best tries every pattern at i and returns the longest match.
func (p *matcher) best(i int) (match, bool) {
	var best match
	found := false
	try := func(m match, ok bool) {
		if ok && m.b > m.a && (!found || m.b > best.b) {
			best, found = m, true
		}
	}
	// The guards hold for every token a pattern's match may start with
	// (its optional leads included); they save a call and a copy of its
	// (large) result.
	t := &p.toks[i]
	num := t.k == tkNum
	lead := t.info.flags&isLead != 0
	quantity := num || t.info.flags&(isNum|isQuant) != 0 || t.w == "quatre"
	if num || t.info.mon != 0 || t.info.wd != 0 {
		try(p.date(i))
	} else {
		switch t.w {
		case "dans", "la", "on", "the", "in", "during", "overnight", "le", "du", "ce", "this", "premier":
			try(p.date(i))
		}
	}
	if num {
		try(p.numeric(i))
	}
	if lead || t.info.mon != 0 {
		try(p.monthYear(i))
	} else {
		switch t.w {
		case "en", "in", "last", "next", "this", "le":
			try(p.monthYear(i))
		}
	}
	if num || lead || t.info.flags&isSeason != 0 {
		try(p.yearExpr(i))
	} else {
		switch t.w {
		case "l", "en", "in", "annee", "courant":
			try(p.yearExpr(i))
		}
	}
	if num || lead {
		try(p.decade(i))
	} else {
		switch t.w {
		case "les", "annees", "the", "'":
			try(p.decade(i))
		}
	}
	if w := p.w(i + 1); num || w == "siecle" || w == "century" {
		try(p.century(i))
	}
	if t.info.flags&isRel != 0 {
		try(p.relWord(i))
	}
	if lead || t.info.wd != 0 {
		try(p.weekday(i))
	} else {
		switch t.w {
		case "dans", "la", "on", "the", "in", "during", "overnight", "ce", "this", "le", "last", "next", "des", "coming", "past":
			try(p.weekday(i))
		}
	}
	if lead || t.info.flags&isPeriod != 0 {
		try(p.period(i))
	}
	if quantity || t.w == "il" || t.w == "dans" {
		try(p.shift(i))
	}
	if quantity {
		try(p.duration(i))
	}
	if t.up {
		try(p.dayOnly(i))
	}
	return best, found
}

// --- building blocks ---------------------------------------------------

// numberRejectAfter reports whether the number at i runs on into something
// that makes it not a date part ("10:30", "2,5", "25-30", "1.000").
func (p *matcher) numberRunsOn(i int) bool {
	if i+1 >= len(p.toks) || p.toks[i+1].sp {
		return false
	}
	n := p.toks[i+1]
	if n.k == tkNum {
		return true
	}
	if n.k == tkPunct && (n.w == ":" || n.w == "," || n.w == "." || n.w == "/" || n.w == "-") {
		return i+2 < len(p.toks) && !p.toks[i+2].sp && p.toks[i+2].k == tkNum
	}
	return false
}

// numberAttachedBefore reports whether the number at i is glued to what
// precedes it ("Su-25", "A320", "+374", "3.14").
func (p *matcher) numberAttachedBefore(i int) bool {
	if i == 0 || p.toks[i].sp {
		return false
	}
	prev := p.toks[i-1]
	if prev.k == tkWord || prev.k == tkNum {
		return true
	}
	switch prev.w {
	case "-", "/", ".", ",", ":", "+", "#", "°", "§", "$", "€", "£", "n":
		return true
	}
	return false
}

// day parses a day of month at i: "9", "09", "1er", "1st", "9th", "premier".
func (p *matcher) day(i int) (int, int) {
	if i >= len(p.toks) {
		return 0, -1
	}
	t := p.toks[i]
	if t.k == tkWord && t.w == "premier" {
		return 1, i + 1
	}
	if t.k != tkNum || len(t.w) > 2 {
		return 0, -1
	}
	d := atoi(t.w)
	if d < 1 || d > 31 {
		return 0, -1
	}
	j := i + 1
	if p.attached(j) && p.toks[j].k == tkWord {
		switch p.toks[j].w {
		case "er", "re", "e", "eme", "st", "nd", "rd", "th":
			j++
		default:
			return 0, -1
		}
	} else if p.numberRunsOn(i) {
		// "13-18 septembre", "1/2 octobre": a range the caller checks.
		if s := p.w(j); s != "-" && s != "/" {
			return 0, -1
		}
	}
	return d, j
}

// month parses a month name at i, with the period of an abbreviation.
func (p *matcher) month(i int) (int, int) {
	if i >= len(p.toks) || p.toks[i].k != tkWord {
		return 0, -1
	}
	t := p.toks[i]
	m := int(t.info.mon)
	if m == 0 {
		return 0, -1
	}
	j := i + 1
	dot := p.attached(j) && p.toks[j].w == "."
	if abbrevMonth[t.w] {
		if t.w == "sept" && p.lang == "fr" && !dot && !t.up {
			// "sept" is seven in French unless written "sept." or "Sept".
			if !(j < len(p.toks) && p.toks[j].k == tkNum) {
				return 0, -1
			}
		}
		if !t.up && !dot && t.w != "sept" {
			return 0, -1
		}
		if dot {
			j++
		}
		return m, j
	}
	// English month names are capitalised; "may" and "march" are also verbs.
	if isEnglishMonth(t.w) && !t.up {
		return 0, -1
	}
	return m, j
}

func isEnglishMonth(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december":
		return true
	}
	return false
}

// year parses a four-digit year at i within [lo, hi].
func (p *matcher) year(i int, lohi ...int) (int, int) {
	lo, hi := 1000, 2999
	if len(lohi) == 2 {
		lo, hi = lohi[0], lohi[1]
	}
	if i >= len(p.toks) || p.toks[i].k != tkNum || len(p.toks[i].w) != 4 {
		return 0, -1
	}
	y := atoi(p.toks[i].w)
	if y < lo || y > hi {
		return 0, -1
	}
	if p.numberRunsOn(i) {
		return 0, -1
	}
	if j := i + 1; p.attached(j) && p.toks[j].k == tkWord {
		return 0, -1
	}
	return y, i + 1
}

// weekdayAt parses a weekday name at i.
func (p *matcher) weekdayAt(i int) (int, int) {
	if i >= len(p.toks) || p.toks[i].k != tkWord {
		return 0, -1
	}
	wd := int(p.toks[i].info.wd) - 1
	if wd < 0 {
		return 0, -1
	}
	if p.toks[i].w[len(p.toks[i].w)-1] == 'y' && !p.toks[i].up {
		return 0, -1 // English weekdays are capitalised
	}
	return wd, i + 1
}

// number parses a cardinal at i: digits (with spaced thousands) or words
// ("vingt-quatre", "twenty-five", "quatre-vingts").
func (p *matcher) number(i int) (int, int) {
	if i >= len(p.toks) {
		return 0, -1
	}
	t := p.toks[i]
	if t.k == tkNum {
		if p.numberAttachedBefore(i) || len(t.w) > 6 {
			return 0, -1
		}
		n := atoi(t.w)
		j := i + 1
		// "1 000": spaced thousands.
		for j < len(p.toks) && p.toks[j].k == tkNum && p.toks[j].sp && len(p.toks[j].w) == 3 && n < 1000000 && len(t.w) <= 3 {
			n = n*1000 + atoi(p.toks[j].w)
			j++
		}
		if p.numberRunsOn(j - 1) {
			// "2,5 ans", "25-30 jours": decimal or range, take the last part of a range
			if j < len(p.toks) && p.toks[j].w == "-" && j+1 < len(p.toks) && p.toks[j+1].k == tkNum {
				n2 := atoi(p.toks[j+1].w)
				if n2 > n {
					return n2, j + 2
				}
			}
			return 0, -1
		}
		return n, j
	}
	if t.k != tkWord {
		return 0, -1
	}
	n, ok := int(t.info.num), t.info.flags&isNum != 0
	if !ok {
		switch t.w {
		case "quatre":
			n = 4
		default:
			return 0, -1
		}
	}
	if (t.w == "a" || t.w == "an") && p.lang == "fr" {
		return 0, -1
	}
	if (t.w == "un" || t.w == "une") && p.lang == "en" {
		return 0, -1
	}
	j := i + 1
	for {
		k := j
		if p.w(k) == "-" && p.attached(k) {
			k++
		} else if p.w(k) == "et" && p.w(k+1) == "un" && n >= 20 {
			k++
		} else {
			break
		}
		inf := p.info(k)
		v, ok := int(inf.num), inf.flags&isNum != 0
		if !ok {
			if p.w(k) == "vingts" {
				v, ok = 20, true
			}
		}
		if !ok || v == 1 && p.w(k) == "a" {
			break
		}
		switch {
		case v == 20 && n == 4:
			n = 80
		case v == 100:
			n *= 100
		case v < n || n >= 60 && v <= 19:
			n += v
		default:
			return n, j
		}
		j = k + 1
	}
	return n, j
}

// wordsMod is a word sequence and the modifier or value it carries.
type wordsMod struct {
	ws  []string
	mod string
}

// leadTable lists the modifiers lead recognises, longest first.
var leadTable = []wordsMod{
	{[]string{"a", "la", "fin", "du", "mois", "de"}, "end"},
	{[]string{"a", "la", "fin", "du", "mois", "d", "'"}, "end"},
	{[]string{"au", "debut", "du", "mois", "de"}, "start"},
	{[]string{"au", "debut", "du", "mois", "d", "'"}, "start"},
	{[]string{"a", "la", "mi", "-"}, "mid"},
	{[]string{"a", "la", "fin", "de"}, "end"},
	{[]string{"a", "la", "fin", "d", "'"}, "end"},
	{[]string{"a", "la", "fin", "des"}, "end"},
	{[]string{"a", "la", "fin", "du"}, "end"},
	{[]string{"au", "debut", "de"}, "start"},
	{[]string{"au", "debut", "d", "'"}, "start"},
	{[]string{"au", "debut", "des"}, "start"},
	{[]string{"au", "debut", "du"}, "start"},
	{[]string{"en", "fin", "de"}, "end"},
	{[]string{"en", "fin", "d", "'"}, "end"},
	{[]string{"en", "debut", "de"}, "start"},
	{[]string{"en", "debut", "d", "'"}, "start"},
	{[]string{"fin", "de"}, "end"},
	{[]string{"fin", "d", "'"}, "end"},
	{[]string{"fin", "des"}, "end"},
	{[]string{"debut", "de"}, "start"},
	{[]string{"debut", "d", "'"}, "start"},
	{[]string{"debut", "des"}, "start"},
	{[]string{"at", "the", "end", "of"}, "end"},
	{[]string{"at", "the", "beginning", "of"}, "start"},
	{[]string{"at", "the", "start", "of"}, "start"},
	{[]string{"in", "the", "middle", "of"}, "mid"},
	{[]string{"in", "early"}, "start"},
	{[]string{"in", "late"}, "end"},
	{[]string{"in", "mid", "-"}, "mid"},
	{[]string{"in", "mid"}, "mid"},
	{[]string{"plus", "tot"}, "earlier"},
	{[]string{"plus", "tard"}, "later"},
	{[]string{"fin"}, "end"},
	{[]string{"debut"}, "start"},
	{[]string{"mi", "-"}, "mid"},
	{[]string{"mi"}, "mid"},
	{[]string{"mid", "-"}, "mid"},
	{[]string{"mid"}, "mid"},
	{[]string{"early"}, "start"},
	{[]string{"late"}, "end"},
	{[]string{"earlier"}, "earlier"},
	{[]string{"later"}, "later"},
}

// leadFirst holds the first words of leadTable.
var leadFirst = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range leadTable {
		m[l.ws[0]] = true
	}
	return m
}()

// lead parses an optional modifier before a month, year, decade or period
// ("début", "fin de", "mi-", "early", "at the end of", "plus tôt").
func (p *matcher) lead(i int) (int, string) {
	if p.leadSet && p.leadAt == i {
		return p.leadEnd, p.leadMod
	}
	j, mod := p.leadAfter(i)
	p.leadSet, p.leadAt, p.leadEnd, p.leadMod = true, i, j, mod
	return j, mod
}

// leadAfter computes lead(i).
func (p *matcher) leadAfter(i int) (int, string) {
	if p.info(i).flags&isLead == 0 {
		return i, ""
	}
	for _, l := range tableFirsts[p.info(i).first].lead {
		if j := p.seq(i, l.ws...); j >= 0 {
			return j, l.mod
		}
	}
	return i, ""
}

// modPeriod keeps only the modifiers that describe a part of a period.
func modPeriod(mod string) string {
	if mod == "earlier" || mod == "later" {
		return ""
	}
	return mod
}

// dirWord reads "dernier"/"prochain"/"last"/"next" style direction after an expression.
func dirAfter(w string) int {
	switch w {
	case "dernier", "derniere", "passe", "passee":
		return -1
	case "prochain", "prochaine":
		return 1
	}
	return 0
}

// --- patterns ------------------------------------------------------------

// nightPrefixes are the night leads by first word, in the order tried.
var nightPrefixes = func() map[string][][]string {
	m := map[string][][]string{}
	for _, ws := range [][]string{
		{"dans", "la", "nuit", "du"}, {"dans", "la", "nuit", "de"}, {"la", "nuit", "du"},
		{"la", "nuit", "de"}, {"on", "the", "night", "of"}, {"the", "night", "of"},
		{"in", "the", "night", "of"}, {"during", "the", "night", "of"}, {"overnight"},
	} {
		m[ws[0]] = append(m[ws[0]], ws)
	}
	return m
}()

// nightPrefix parses "dans la nuit de/du", "la nuit du", "the night of".
func (p *matcher) nightPrefix(i int) (int, bool) {
	for _, ws := range nightPrefixes[p.w(i)] {
		if j := p.seq(i, ws...); j >= 0 {
			return j, true
		}
	}
	return i, false
}

// dayMonthYear parses "9 novembre 2020", "1er/2 octobre", "9th of November",
// "November 9, 2020", "Sept. 19" at i. ok is false when nothing matched.
func (p *matcher) dayMonthYear(i int) (m match, ok bool) {
	m.a = i
	// Day first.
	if d, j := p.day(i); j >= 0 {
		d2, m2 := 0, 0
		k := j
		// "1er/2 octobre", "2-4 octobre", "2 et 3 octobre", "9 au 10 novembre"
		if sep := p.w(k); sep == "/" || sep == "-" || sep == "et" || sep == "and" || sep == "au" || sep == "to" || sep == "ou" || sep == "or" || sep == "–" {
			if dd, kk := p.day(k + 1); kk >= 0 && dd > d {
				if _, mk := p.month(kk); mk >= 0 {
					d2, k = dd, kk
				}
			}
		}
		if p.w(k) == "of" {
			k++
		}
		mo, mk := p.month(k)
		if mk < 0 {
			return m, false
		}
		if d2 > 0 {
			m2 = mo
		}
		m.m, m.d, m.m2, m.d2, m.b = mo, d, m2, d2, mk
		if d2 > 0 {
			m.y2 = -1 // same year as the start, filled at resolution
		}
		k = mk
		if p.w(k) == "," && p.toks[min(k+1, len(p.toks)-1)].k == tkNum {
			k++
		}
		if y, yk := p.year(k); yk >= 0 {
			m.y, m.b = y, yk
		}
		return m, validDay(m.m, m.d)
	}
	// Month first (English).
	mo, j := p.month(i)
	if j < 0 {
		return m, false
	}
	d, k := p.day(j)
	if k < 0 {
		return m, false
	}
	m.m, m.d, m.b = mo, d, k
	if sep := p.w(k); sep == "-" || sep == "–" || sep == "and" || sep == "to" || sep == "/" {
		if dd, kk := p.day(k + 1); kk >= 0 && dd > d {
			m.d2, m.m2, m.y2, m.b, k = dd, mo, -1, kk, kk
		}
	}
	kk := k
	if p.w(kk) == "," {
		kk++
	}
	if y, yk := p.year(kk); yk >= 0 {
		m.y, m.b = y, yk
	}
	return m, validDay(m.m, m.d)
}

func validDay(m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
}

// date matches full and partial calendar dates with their leads, ranges and nights.
func (p *matcher) date(i int) (match, bool) {
	j := i
	night := false
	if k, ok := p.nightPrefix(j); ok {
		j, night = k, true
	} else if k := p.oneOf(j, "le", "du", "on", "the", "ce", "this"); k >= 0 {
		j = k
		if p.w(i) == "on" && p.w(j) == "the" {
			j++
		}
	}
	// Optional weekday: "lundi 5 septembre", "Monday, November 9".
	if _, k := p.weekdayAt(j); k >= 0 {
		if p.w(k) == "," {
			k++
		}
		if p.w(k) == "the" {
			k++
		}
		if _, _, ok := p.peekDate(k); ok {
			j = k
		}
	}
	m, ok := p.dayMonthYear(j)
	if !ok {
		return m, false
	}
	m.a = i
	m.f = fDayMonth
	m.prec = article.PrecDay
	if m.y > 0 {
		m.f = fAbs
	}
	if night {
		m.mod = "night"
	}
	// Range to another day-month: "du 30 septembre au 2 octobre 2020".
	if sep := p.w(m.b); m.d2 == 0 && (sep == "au" || sep == "to" || sep == "-" || sep == "–" || sep == "until" || sep == "jusqu") {
		k := m.b + 1
		if sep == "jusqu" {
			k = p.seq(m.b, "jusqu", "'", "au")
		}
		if k >= 0 {
			if m2, ok2 := p.dayMonthYear(k); ok2 && m2.d2 == 0 {
				m.m2, m.d2, m.b = m2.m, m2.d, m2.b
				m.y2 = m2.y
				if m2.y > 0 && m.y == 0 {
					m.y = m2.y
					if m2.m < m.m {
						m.y = m2.y - 1
					}
					m.f = fAbs
				}
				if m.y2 == 0 {
					m.y2 = -1
				}
			}
		}
	}
	if p.w(i) == "du" && !night && !p.hasWord(j, m.b, "au") {
		return m, false // "du 12 décembre": the date starts after "du"
	}
	if d := dirAfter(p.w(m.b)); d != 0 && m.f == fDayMonth {
		m.dir = d
		m.b++
	}
	if m.f == fAbs && m.y2 == -1 {
		m.y2 = m.y
		if m.m2 < m.m {
			m.y2 = m.y + 1
		}
	}
	return m, true
}

// peekDate reports whether a day-month starts at i.
func (p *matcher) peekDate(i int) (int, int, bool) {
	m, ok := p.dayMonthYear(i)
	return m.m, m.d, ok
}

// numeric matches 09/11/2020, 9.11.2020, 2020-11-09, 2020/11/09 and 2020-11.
func (p *matcher) numeric(i int) (match, bool) {
	var m match
	t := p.toks
	if t[i].k != tkNum || p.numberAttachedBefore(i) {
		return m, false
	}
	// Collect up to three numbers joined by one attached separator.
	nums := []string{t[i].w}
	sep := ""
	j := i + 1
	for len(nums) < 3 && j+1 < len(t) && p.attached(j) && p.attached(j+1) && t[j].k == tkPunct && t[j+1].k == tkNum {
		s := t[j].w
		if s != "/" && s != "." && s != "-" {
			break
		}
		if sep != "" && s != sep {
			break
		}
		sep = s
		nums = append(nums, t[j+1].w)
		j += 2
	}
	// The sequence must not run on ("1.2.3.4", "10/11/2020/3").
	if j < len(t) && p.attached(j) && (t[j].k == tkNum || t[j].k == tkWord || (t[j].k == tkPunct && (t[j].w == sep || t[j].w == "-") && j+1 < len(t) && t[j+1].k == tkNum && !t[j+1].sp)) {
		return m, false
	}
	m.a, m.b, m.f = i, j, fAbs
	switch {
	case len(nums) == 3 && len(nums[0]) == 4 && len(nums[1]) <= 2 && len(nums[2]) <= 2 && sep != ".":
		m.y, m.m, m.d = atoi(nums[0]), atoi(nums[1]), atoi(nums[2])
	case len(nums) == 3 && len(nums[2]) == 4 && len(nums[0]) <= 2 && len(nums[1]) <= 2:
		a, b := atoi(nums[0]), atoi(nums[1])
		m.y = atoi(nums[2])
		switch {
		case a > 12:
			m.d, m.m = a, b
		case b > 12:
			m.m, m.d = a, b
		case p.lang == "en" && sep == "/":
			m.m, m.d = a, b // US order in English text with slashes
		default:
			m.d, m.m = a, b
		}
	case len(nums) == 2 && sep == "-" && len(nums[0]) == 4 && len(nums[1]) == 2:
		m.y, m.m = atoi(nums[0]), atoi(nums[1])
		if m.m < 1 || m.m > 12 || m.y < 1800 || m.y > 2099 {
			return m, false
		}
		m.prec = article.PrecMonth
		return m, true
	default:
		return m, false
	}
	if m.y < 1800 || m.y > 2099 || !validDay(m.m, m.d) {
		return m, false
	}
	m.prec = article.PrecDay
	return m, true
}

// monthYear matches "juillet 2022", "fin septembre 2020", "mi-juin", "en mai",
// "late September", "septembre dernier", "last September".
func (p *matcher) monthYear(i int) (match, bool) {
	m := match{a: i, prec: article.PrecMonth}
	j := i
	cue := i > 0 && monthCue[p.w(i-1)]
	lead := false
	dir := 0
	if k := p.oneOf(j, "en", "in"); k >= 0 {
		j, lead = k, true
	}
	if k, mod := p.lead(j); k > j {
		j, lead, m.mod = k, true, modPeriod(mod)
	}
	if k := p.oneOf(j, "last", "next", "this"); k >= 0 {
		dir = map[string]int{"last": -1, "next": 1, "this": 0}[p.w(j)]
		j, lead = k, true
	}
	if p.w(j) == "le" && p.w(j+1) == "mois" {
		if k := p.oneOf(j+2, "de", "d"); k >= 0 {
			j = k
			if p.w(j) == "'" {
				j++
			}
			lead = true
		}
	}
	mo, k := p.month(j)
	if k < 0 {
		return m, false
	}
	if _, uk := p.number(k); uk >= 0 && p.info(uk).unit != 0 {
		return m, false
	}
	m.m, m.b = mo, k
	kk := k
	if p.w(kk) == "," && p.lang == "en" {
		kk++
	}
	if y, yk := p.year(kk); yk >= 0 {
		m.y, m.b, m.f = y, yk, fAbs
		return m, true
	}
	if d := dirAfter(p.w(k)); d != 0 {
		dir = d
		m.b = k + 1
		lead = true
	}
	if !lead && !cue {
		return m, false
	}
	if mo == 5 && p.w(j) == "may" && !lead && !cue {
		return m, false
	}
	m.f, m.dir = fMonth, dir
	return m, true
}

// year matches years with a cue: "en 1994", "in 2020", "the 2020 war",
// "depuis 1991", "mi-2021", "fin 2020", "été 2020", "1991-1994".
func (p *matcher) yearExpr(i int) (match, bool) {
	m := match{a: i, prec: article.PrecYear, f: fAbs}
	j := i
	lead := false
	if k, mod := p.lead(j); k > j {
		j, lead, m.mod = k, true, modPeriod(mod)
	}
	if m.mod == "" {
		if p.info(j).flags&isSeason != 0 {
			j++
			lead = true
			if p.w(j) == "de" || p.w(j) == "of" {
				j++
			}
		} else if k := p.seq(j, "l", "'", "an"); k >= 0 {
			j, lead = k, true
		} else if k := p.seq(j, "l", "'", "annee"); k >= 0 {
			j, lead = k, true
		} else if k := p.oneOf(j, "en", "in", "annee", "courant"); k >= 0 {
			j, lead = k, true
		}
	}
	y, k := p.year(j, 1800, 2099)
	if k < 0 {
		return m, false
	}
	if p.numberAttachedBefore(j) && !(j > 0 && p.w(j-1) == "-" && lead) {
		return m, false
	}
	weak := false
	if !lead {
		prev := p.w(i - 1)
		if i > 0 && p.toks[i-1].k == tkPunct && prev == "'" {
			prev = p.w(i - 2)
		}
		if !yearCue[prev] {
			// A year can also open a range ("1991-1994") or stand in a dateline-like parenthesis.
			if !(p.w(k) == "-" || p.w(k) == "–") {
				return m, false
			}
		}
		switch prev {
		case "depuis", "since", "from", "until", "till", "avant", "apres", "before", "after",
			"during", "pendant", "durant", "entre", "between", "vers", "around", "jusqu", "by":
		default:
			weak = true
		}
	}
	if weak && p.pluralNounAt(k) {
		return m, false
	}
	m.y, m.b = y, k
	// Range "1991-1994", "de 1991 à 1994".
	if s := p.w(k); s == "-" || s == "–" || s == "a" || s == "to" || s == "au" {
		if y2, k2 := p.year(k+1, 1800, 2099); k2 >= 0 && y2 > y {
			m.y2, m.b = y2, k2
		}
	}
	m.nominal = !lead && m.y2 == 0 && p.nounComplementYear(j, k)
	return m, true
}

// nounComplementYear reports whether the bare year at token j (ending
// before token k) complements a noun: "de"/"du"/"of" after a common noun
// ("un accord de 1997", "the treaty of 1921"), or an article before and a
// lower-case word after ("the 2020 war", "la 2020 ..." is not French).
func (p *matcher) nounComplementYear(j, k int) bool {
	prev := p.w(j - 1)
	switch prev {
	case "de", "du", "of":
		if j < 2 || p.toks[j-2].k != tkWord {
			return false
		}
		switch p.w(j - 2) {
		case "partir", "debut", "fin", "mi", "milieu", "cours", "courant", "depuis", "annee", "an",
			"beginning", "end", "middle", "start", "spring", "summer", "autumn", "fall", "winter",
			"printemps", "ete", "automne", "hiver", "mois", "month", "year", "years", "jusqu",
			"into", "out", "in":
			return false
		}
		return true
	case "the", "a", "an":
		return k < len(p.toks) && p.toks[k].k == tkWord && !p.toks[k].up && p.toks[k].sp
	}
	return false
}

// pluralNounAt reports whether token i looks like a counted noun ("2000 soldats", "1990 people").
func (p *matcher) pluralNounAt(i int) bool {
	if i >= len(p.toks) || p.toks[i].k != tkWord || p.toks[i].up {
		return false
	}
	w := p.toks[i].w
	switch w {
	case "les", "des", "ses", "ces", "dans", "depuis", "apres", "alors", "mais", "sous", "vers", "pres",
		"plus", "was", "has", "its", "his", "as", "is", "this", "us", "sans", "puis", "tous",
		"toutes", "jusqu", "lors", "aux", "nous", "vous", "ils", "elles", "leurs", "nos", "vos", "mes":
		return false
	case "people", "men", "women", "personnes", "hommes", "femmes", "troops", "soldiers", "km", "m":
		return true
	}
	if unitWords[w] != 0 {
		return true
	}
	return len(w) > 3 && (w[len(w)-1] == 's' || w[len(w)-1] == 'x')
}

// decade matches "les années 1990", "années 90", "the 1990s", "the '90s", "early 1990s".
func (p *matcher) decade(i int) (match, bool) {
	m := match{a: i, prec: article.PrecDecade, f: fAbs}
	j := i
	if k, mod := p.lead(j); k > j {
		j, m.mod = k, modPeriod(mod)
	}
	if k := p.seq(j, "les", "annees"); k >= 0 {
		j = k
	} else if k := p.oneOf(j, "annees"); k >= 0 {
		j = k
	} else {
		// English: [the] [early|mid-|late] 1990s / '90s
		if k := p.oneOf(j, "the"); k >= 0 {
			j = k
		}
		if m.mod == "" {
			if k, mod := p.lead(j); k > j {
				j, m.mod = k, modPeriod(mod)
			}
		}
		apos := false
		if p.w(j) == "'" {
			j++
			apos = true
		}
		if j >= len(p.toks) || p.toks[j].k != tkNum {
			return m, false
		}
		n := atoi(p.toks[j].w)
		k := j + 1
		if p.attached(k) && p.w(k) == "'" {
			k++
		}
		if !(p.attached(k) && p.w(k) == "s") {
			return m, false
		}
		switch l := len(p.toks[j].w); {
		case l == 4 && n%10 == 0 && n >= 1800 && n <= 2090 && !apos:
			m.y = n
		case l == 2 && n%10 == 0:
			m.y = 1900 + n
		default:
			return m, false
		}
		m.b = k + 1
		return m, true
	}
	if j >= len(p.toks) || p.toks[j].k != tkNum {
		return m, false
	}
	n := atoi(p.toks[j].w)
	switch l := len(p.toks[j].w); {
	case l == 4 && n%10 == 0 && n >= 1800 && n <= 2090:
		m.y = n
	case l == 2 && n%10 == 0:
		m.y = 1900 + n
	default:
		return m, false
	}
	if p.numberRunsOn(j) {
		return m, false
	}
	m.b = j + 1
	return m, true
}

// PrecCentury is the precision timex gives to centuries ("XXe siècle");
// the Date's Year is the century's first year (1900 for the 20th).
const PrecCentury article.Precision = "century"

// century matches "XXe siècle", "20e siècle", "XXIème siècle", "20th century".
func (p *matcher) century(i int) (match, bool) {
	m := match{a: i, prec: PrecCentury, f: fAbs}
	t := p.toks[i]
	j := i + 1
	n := 0
	switch t.k {
	case tkWord:
		if w := p.w(j); w != "siecle" && w != "century" {
			return m, false // checked below, before the costlier roman numeral
		}
		w := t.w
		for _, suf := range []string{"eme", "er", "e"} {
			if strings.HasSuffix(w, suf) {
				n = romanValue(w[:len(w)-len(suf)])
				break
			}
		}
		if n == 0 {
			// "XX" + "e" as separate tokens never happens (one word); "XX" alone: "XX siècle" is rare.
			return m, false
		}
	case tkNum:
		if w := p.w(j + 1); w != "siecle" && w != "century" {
			return m, false // checked below
		}
		if len(t.w) > 2 || !p.attached(j) {
			return m, false
		}
		switch p.w(j) {
		case "e", "eme", "er", "th", "st", "nd", "rd":
		default:
			return m, false
		}
		n = atoi(t.w)
		j++
	default:
		return m, false
	}
	if p.w(j) != "siecle" && p.w(j) != "century" {
		return m, false
	}
	if n < 1 || n > 30 {
		return m, false
	}
	m.y, m.b = (n-1)*100, j+1
	return m, true
}

// relWord matches "hier", "aujourd'hui", "demain", "avant-hier", "ce soir",
// "yesterday", "today", "tonight", "le lendemain", "la veille", "the next day".
func (p *matcher) relWord(i int) (match, bool) {
	m := match{a: i, f: fDayShift, prec: article.PrecDay}
	if p.info(i).flags&isRel == 0 {
		return m, false
	}
	for _, r := range tableFirsts[p.info(i).first].rel {
		j := p.seq(i, r.ws...)
		if j < 0 {
			continue
		}
		if r.noun {
			nx := p.w(j)
			if nx == "de" || nx == "du" || nx == "des" || nx == "d" || nx == "the" || nx == "a" || nx == "an" || nx == "his" || nx == "her" || nx == "their" || nx == "its" || (j < len(p.toks) && p.toks[j].k == tkWord && r.ws[0] == "the") {
				return m, false
			}
		}
		m.n, m.b = r.n, j
		if r.anchor {
			m.f, m.unit = fAnchorShift, uDay
		}
		// "hier soir", "hier lundi", "yesterday morning", "aujourd'hui, lundi"
		if dp := p.w(j); dp != "" && j < len(p.toks) && p.toks[j].k == tkWord {
			if mod, ok := dayPartWords[dp]; ok {
				m.b = j + 1
				if dp == "apres" {
					if k := p.seq(j, "apres", "-", "midi"); k >= 0 {
						m.b = k
					} else {
						m.b = j
					}
				}
				if mod != "" {
					m.mod = mod
				}
			} else if _, k := p.weekdayAt(j); k >= 0 && !r.anchor && !p.dateAt(k) {
				m.b = k
				if dp2 := p.w(k); dayPartWords[dp2] == "" && dp2 != "" && dp2 != "apres" {
					if _, ok := dayPartWords[dp2]; ok {
						m.b = k + 1
					}
				}
			}
		}
		return m, true
	}
	return m, false
}

// weekday matches "lundi", "lundi soir", "lundi dernier", "on Monday", "last
// Friday", "plus tôt lundi", "earlier on Monday", "dans la nuit de dimanche à lundi".
func (p *matcher) weekday(i int) (match, bool) {
	m := match{a: i, f: fWeekday, prec: article.PrecDay, wd2: -1}
	j := i
	night := false
	if k, ok := p.nightPrefix(j); ok {
		j, night = k, true
	} else {
		if k, mod := p.lead(j); k > j && (mod == "earlier" || mod == "later") {
			j = k
			if p.w(j) == "on" || p.w(j) == "ce" || p.w(j) == "this" {
				j++
			}
		} else if k := p.oneOf(j, "on", "ce", "this", "le", "last", "next", "des", "coming", "past"); k >= 0 {
			switch p.w(j) {
			case "last", "past":
				m.dir = -1
			case "next", "coming":
				m.dir = 1
			}
			j = k
		}
	}
	wd, k := p.weekdayAt(j)
	if k < 0 {
		return m, false
	}
	m.wd, m.b = wd, k
	if night {
		m.mod = "night"
		if s := p.w(k); s == "a" || s == "au" || s == "to" || s == "-" {
			if wd2, k2 := p.weekdayAt(k + 1); k2 >= 0 {
				m.wd2, m.b = wd2, k2
			}
		}
		return m, true
	}
	if dp := p.w(m.b); m.b < len(p.toks) && p.toks[m.b].k == tkWord {
		if mod, ok := dayPartWords[dp]; ok {
			if dp == "apres" {
				if k2 := p.seq(m.b, "apres", "-", "midi"); k2 >= 0 {
					m.b = k2
				}
			} else {
				m.b++
			}
			if mod != "" {
				m.mod = mod
			}
		}
	}
	if d := dirAfter(p.w(m.b)); d != 0 {
		m.dir = d
		m.b++
	}
	return m, true
}

// period matches week, month and year references: "cette semaine", "la
// semaine dernière", "le mois prochain", "l'an dernier", "cette année",
// "this year", "last month", "plus tôt cette semaine", "cette année-là".
func (p *matcher) period(i int) (match, bool) {
	m := match{a: i, prec: article.PrecMonth}
	j := i
	mod := ""
	if k, md := p.lead(j); k > j {
		j, mod = k, modPeriod(md)
	}
	unit, n, f := 0, 0, form(0)
	if p.info(j).flags&isPeriod == 0 {
		return m, false
	}
	for _, c := range tableFirsts[p.info(j).first].period {
		if k := p.seq(j, c.ws...); k >= 0 {
			unit, n, f, j = c.unit, c.n, c.f, k
			break
		}
	}
	if unit == 0 {
		return m, false
	}
	if f == fYearShift && unit == uYear && p.w(j) == "-" && p.w(j+1) == "la" {
		f, n, j = fAnchorYear, 0, j+2
	}
	m.f, m.n, m.unit, m.b, m.mod = f, n, unit, j, mod
	if unit == uYear {
		m.prec = article.PrecYear
	}
	return m, true
}

// shift matches "il y a deux jours", "two days ago", "deux jours plus
// tard", "three weeks later", "dans trois jours".
func (p *matcher) shift(i int) (match, bool) {
	m := match{a: i}
	j := i
	sign := 0
	ago := false
	if k := p.seq(j, "il", "y", "a"); k >= 0 {
		j, sign, ago = k, -1, true
	} else if k := p.oneOf(j, "dans"); k >= 0 {
		j, sign = k, 1
	}
	if k, mod := p.quantMod(j); k > j {
		j = k
		m.mod = mod
	}
	n, k := p.number(j)
	if k < 0 {
		return m, false
	}
	unit := int(p.info(k).unit)
	if unit == 0 || unit == uHour || unit == uMinute {
		return m, false
	}
	if unit == uYear && p.lang == "en" && p.w(k) == "an" {
		return m, false
	}
	k++
	switch {
	case ago:
		m.f = fAgo
	case sign == 1:
		m.f = fAgo
	default:
		switch p.w(k) {
		case "ago":
			m.f, sign = fAgo, -1
			k++
		case "later":
			m.f, sign = fAnchorShift, 1
			k++
		case "earlier":
			m.f, sign = fAnchorShift, -1
			k++
		case "auparavant":
			m.f, sign = fAnchorShift, -1
			k++
		case "plus":
			if p.w(k+1) == "tard" {
				m.f, sign = fAnchorShift, 1
				k += 2
			} else if p.w(k+1) == "tot" {
				m.f, sign = fAnchorShift, -1
				k += 2
			}
		case "apres", "after", "avant", "before":
			// Only when nothing follows ("deux jours après,"), else it is relative to a noun.
			if nx := p.w(k + 1); k+1 >= len(p.toks) || p.toks[k+1].k == tkPunct && nx != "'" {
				m.f, sign = fAnchorShift, 1
				if p.w(k) == "avant" || p.w(k) == "before" {
					sign = -1
				}
				k++
			}
		}
	}
	if m.f == 0 {
		return m, false
	}
	m.n, m.unit, m.b = sign*n, unit, k
	switch unit {
	case uDay:
		m.prec = article.PrecDay
	case uWeek, uMonth:
		m.prec = article.PrecMonth
	default:
		m.prec = article.PrecYear
	}
	if m.f == fAgo && unit == uWeek && m.mod == "" {
		m.mod = "approx"
	}
	return m, true
}

// quantMod parses "plus de", "moins de", "près de", "environ", "about",
// "more than", "nearly" before a number.
func (p *matcher) quantMod(i int) (int, string) {
	if p.info(i).flags&isQuant == 0 {
		return i, ""
	}
	for _, q := range tableFirsts[p.info(i).first].quant {
		if k := p.seq(i, q.ws...); k >= 0 {
			return k, q.mod
		}
	}
	return i, ""
}

// duration matches "44 jours", "plus de cinq mois", "two years", "44-day".
func (p *matcher) duration(i int) (match, bool) {
	m := match{a: i, f: fDuration}
	j, mod := p.quantMod(i)
	n, k := p.number(j)
	if k < 0 || n <= 0 {
		return m, false
	}
	hyphen := false
	if p.w(k) == "-" && p.attached(k) && p.attached(k+1) {
		k++
		hyphen = true
	}
	uw := p.w(k)
	unit := int(p.info(k).unit)
	if unit == 0 {
		return m, false
	}
	if hyphen && !(uw == "day" || uw == "week" || uw == "month" || uw == "year" || uw == "hour" || uw == "decade") {
		return m, false
	}
	if uw == "an" && p.lang == "en" {
		return m, false
	}
	if unit == uHour && mod == "" {
		// "à 21 heures", "at 10 hours": a time of day, not a duration.
		if pw := p.w(i - 1); pw == "a" || pw == "at" || pw == "vers" || pw == "des" || pw == "jusqu" {
			return m, false
		}
	}
	nw := p.w(j)
	if mod == "" && (nw == "a" || nw == "an") {
		return m, false // "a day", "twice a year"
	}
	if mod == "" && unit == uDay && (nw == "un" || nw == "one") {
		return m, false // "un jour", "one day": someday
	}
	m.b, m.mod = k+1, mod
	m.dur = isoDuration(n, unit)
	return m, true
}

// isoDuration formats n units as an ISO 8601 duration.
func isoDuration(n, unit int) string {
	s := strconv.Itoa(n)
	switch unit {
	case uDay:
		return "P" + s + "D"
	case uWeek:
		return "P" + s + "W"
	case uMonth:
		return "P" + s + "M"
	case uYear:
		return "P" + s + "Y"
	case uDecade:
		return "P" + strconv.Itoa(10*n) + "Y"
	case uCentury:
		return "P" + strconv.Itoa(100*n) + "Y"
	case uHour:
		return "PT" + s + "H"
	case uMinute:
		return "PT" + s + "M"
	}
	return ""
}

// dayOnly matches a bare day opening a sentence in a chronology: "Le 13,"
// or "On the 14th,". It is resolved in the month of the last explicit date.
func (p *matcher) dayOnly(i int) (match, bool) {
	m := match{a: i, f: fDayOnly, prec: article.PrecDay}
	if !p.toks[i].up || !(i == 0 || p.toks[i].nl || p.w(i-1) == "." || p.w(i-1) == ";") {
		return m, false
	}
	j := p.oneOf(i, "le")
	if j < 0 {
		if j = p.seq(i, "on", "the"); j < 0 {
			return m, false
		}
	}
	d, k := p.day(j)
	if k < 0 || p.w(k) != "," {
		return m, false
	}
	m.d, m.b = d, k
	return m, true
}

// monthCue are words after which a bare month name is read as a date.
var monthCue = map[string]bool{
	"depuis": true, "since": true, "de": true, "d": true, "from": true, "until": true, "till": true,
	"jusqu": true, "avant": true, "apres": true, "before": true, "after": true, "pendant": true,
	"during": true, "durant": true, "entre": true, "between": true, "et": true, "and": true,
	"ou": true, "or": true, "au": true, "to": true, "a": true, "mois": true, "by": true, "of": true,
	"des": true, "vers": true, "around": true, "through": true,
}

// dateAt reports whether a day-month date starts at i.
func (p *matcher) dateAt(i int) bool {
	_, _, ok := p.peekDate(i)
	return ok
}

// hasWord reports whether one of tokens [a, b) is w.
func (p *matcher) hasWord(a, b int, w string) bool {
	for k := a; k < b && k < len(p.toks); k++ {
		if p.toks[k].w == w {
			return true
		}
	}
	return false
}

// relEntry is a day word and its offset in days.
type relEntry struct {
	ws     []string
	n      int
	anchor bool
	noun   bool // must not be followed by a complement ("la veille de ...")
}

// relTable lists the day words relWord recognises.
var relTable = []relEntry{
	{ws: []string{"avant", "-", "hier"}, n: -2},
	{ws: []string{"apres", "-", "demain"}, n: 2},
	{ws: []string{"aujourd", "'", "hui"}, n: 0},
	{ws: []string{"hier"}, n: -1},
	{ws: []string{"demain"}, n: 1},
	{ws: []string{"ce", "matin"}, n: 0},
	{ws: []string{"ce", "soir"}, n: 0},
	{ws: []string{"cette", "nuit"}, n: 0},
	{ws: []string{"cet", "apres", "-", "midi"}, n: 0},
	{ws: []string{"the", "day", "before", "yesterday"}, n: -2},
	{ws: []string{"the", "day", "after", "tomorrow"}, n: 2},
	{ws: []string{"yesterday"}, n: -1},
	{ws: []string{"today"}, n: 0},
	{ws: []string{"tomorrow"}, n: 1},
	{ws: []string{"tonight"}, n: 0},
	{ws: []string{"this", "morning"}, n: 0},
	{ws: []string{"this", "afternoon"}, n: 0},
	{ws: []string{"this", "evening"}, n: 0},
	{ws: []string{"last", "night"}, n: -1},
	{ws: []string{"l", "'", "avant", "-", "veille"}, n: -2, anchor: true, noun: true},
	{ws: []string{"la", "veille"}, n: -1, anchor: true, noun: true},
	{ws: []string{"le", "surlendemain"}, n: 2, anchor: true, noun: true},
	{ws: []string{"le", "lendemain"}, n: 1, anchor: true, noun: true},
	{ws: []string{"le", "jour", "meme"}, n: 0, anchor: true},
	{ws: []string{"le", "meme", "jour"}, n: 0, anchor: true},
	{ws: []string{"ce", "jour", "-", "la"}, n: 0, anchor: true},
	{ws: []string{"the", "next", "day"}, n: 1, anchor: true},
	{ws: []string{"the", "following", "day"}, n: 1, anchor: true},
	{ws: []string{"the", "previous", "day"}, n: -1, anchor: true},
	{ws: []string{"the", "day", "before"}, n: -1, anchor: true, noun: true},
	{ws: []string{"the", "day", "after"}, n: 1, anchor: true, noun: true},
	{ws: []string{"the", "same", "day"}, n: 0, anchor: true},
	{ws: []string{"that", "day"}, n: 0, anchor: true},
	{ws: []string{"the", "next", "morning"}, n: 1, anchor: true},
}

// periodEntry is a week, month or year reference.
type periodEntry struct {
	ws   []string
	unit int
	n    int
	f    form
}

// periodTable lists the period references period recognises.
var periodTable = []periodEntry{
	{[]string{"cette", "annee", "-", "la"}, uYear, 0, fAnchorYear},
	{[]string{"l", "'", "annee", "precedente"}, uYear, -1, fAnchorYear},
	{[]string{"l", "'", "annee", "suivante"}, uYear, 1, fAnchorYear},
	{[]string{"that", "year"}, uYear, 0, fAnchorYear},
	{[]string{"the", "same", "year"}, uYear, 0, fAnchorYear},
	{[]string{"the", "previous", "year"}, uYear, -1, fAnchorYear},
	{[]string{"the", "following", "year"}, uYear, 1, fAnchorYear},
	{[]string{"the", "next", "year"}, uYear, 1, fAnchorYear},
	{[]string{"la", "meme", "annee"}, uYear, 0, fAnchorYear},
	{[]string{"le", "mois", "precedent"}, uMonth, -1, fAnchorMonth},
	{[]string{"le", "mois", "suivant"}, uMonth, 1, fAnchorMonth},
	{[]string{"the", "following", "month"}, uMonth, 1, fAnchorMonth},
	{[]string{"the", "previous", "month"}, uMonth, -1, fAnchorMonth},
	{[]string{"la", "semaine", "precedente"}, uWeek, -1, fAnchorWeek},
	{[]string{"la", "semaine", "suivante"}, uWeek, 1, fAnchorWeek},
	{[]string{"the", "following", "week"}, uWeek, 1, fAnchorWeek},
	{[]string{"the", "previous", "week"}, uWeek, -1, fAnchorWeek},
	{[]string{"cette", "semaine"}, uWeek, 0, fWeekShift},
	{[]string{"la", "semaine", "derniere"}, uWeek, -1, fWeekShift},
	{[]string{"la", "semaine", "passee"}, uWeek, -1, fWeekShift},
	{[]string{"la", "semaine", "prochaine"}, uWeek, 1, fWeekShift},
	{[]string{"semaine", "derniere"}, uWeek, -1, fWeekShift},
	{[]string{"semaine", "prochaine"}, uWeek, 1, fWeekShift},
	{[]string{"this", "week"}, uWeek, 0, fWeekShift},
	{[]string{"last", "week"}, uWeek, -1, fWeekShift},
	{[]string{"next", "week"}, uWeek, 1, fWeekShift},
	{[]string{"ce", "mois", "-", "ci"}, uMonth, 0, fMonthShift},
	{[]string{"ce", "mois"}, uMonth, 0, fMonthShift},
	{[]string{"le", "mois", "dernier"}, uMonth, -1, fMonthShift},
	{[]string{"le", "mois", "passe"}, uMonth, -1, fMonthShift},
	{[]string{"le", "mois", "prochain"}, uMonth, 1, fMonthShift},
	{[]string{"du", "mois", "dernier"}, uMonth, -1, fMonthShift},
	{[]string{"du", "mois", "prochain"}, uMonth, 1, fMonthShift},
	{[]string{"mois", "dernier"}, uMonth, -1, fMonthShift},
	{[]string{"mois", "prochain"}, uMonth, 1, fMonthShift},
	{[]string{"this", "month"}, uMonth, 0, fMonthShift},
	{[]string{"last", "month"}, uMonth, -1, fMonthShift},
	{[]string{"next", "month"}, uMonth, 1, fMonthShift},
	{[]string{"cette", "annee"}, uYear, 0, fYearShift},
	{[]string{"l", "'", "an", "dernier"}, uYear, -1, fYearShift},
	{[]string{"l", "'", "an", "passe"}, uYear, -1, fYearShift},
	{[]string{"l", "'", "an", "prochain"}, uYear, 1, fYearShift},
	{[]string{"l", "'", "annee", "derniere"}, uYear, -1, fYearShift},
	{[]string{"l", "'", "annee", "passee"}, uYear, -1, fYearShift},
	{[]string{"l", "'", "annee", "prochaine"}, uYear, 1, fYearShift},
	{[]string{"l", "'", "annee", "en", "cours"}, uYear, 0, fYearShift},
	{[]string{"annee", "derniere"}, uYear, -1, fYearShift},
	{[]string{"an", "dernier"}, uYear, -1, fYearShift},
	{[]string{"annee", "prochaine"}, uYear, 1, fYearShift},
	{[]string{"this", "year"}, uYear, 0, fYearShift},
	{[]string{"last", "year"}, uYear, -1, fYearShift},
	{[]string{"next", "year"}, uYear, 1, fYearShift},
	{[]string{"earlier", "this", "year"}, uYear, 0, fYearShift},
}

// quantTable lists the quantity modifiers quantMod recognises.
var quantTable = []wordsMod{
	{[]string{"plus", "de"}, "more"}, {[]string{"plus", "d", "'"}, "more"},
	{[]string{"moins", "de"}, "less"}, {[]string{"moins", "d", "'"}, "less"},
	{[]string{"pres", "de"}, "approx"}, {[]string{"pres", "d", "'"}, "approx"},
	{[]string{"au", "moins"}, "more"}, {[]string{"environ"}, "approx"},
	{[]string{"quelque"}, "approx"}, {[]string{"about"}, "approx"},
	{[]string{"around"}, "approx"}, {[]string{"roughly"}, "approx"},
	{[]string{"approximately"}, "approx"}, {[]string{"some"}, "approx"},
	{[]string{"more", "than"}, "more"}, {[]string{"over"}, "more"},
	{[]string{"at", "least"}, "more"}, {[]string{"less", "than"}, "less"},
	{[]string{"under"}, "less"}, {[]string{"nearly"}, "approx"},
	{[]string{"almost"}, "approx"},
}

// firstWords returns the set of first words of word sequences.
func firstWords(seqs ...[]string) map[string]bool {
	m := map[string]bool{}
	for _, s := range seqs {
		m[s[0]] = true
	}
	return m
}

var (
	periodFirst = func() map[string]bool {
		var ss [][]string
		for _, e := range periodTable {
			ss = append(ss, e.ws)
		}
		return firstWords(ss...)
	}()
	relFirst = func() map[string]bool {
		var ss [][]string
		for _, e := range relTable {
			ss = append(ss, e.ws)
		}
		return firstWords(ss...)
	}()
	quantFirst = func() map[string]bool {
		var ss [][]string
		for _, e := range quantTable {
			ss = append(ss, e.ws)
		}
		return firstWords(ss...)
	}()
)
