package timex

import (
	"time"

	"github.com/vigie-news/vigie/article"
)

// resolver carries the reference date and the anchors met so far.
type resolver struct {
	ref article.Date
	// day is the most recent date resolved at day precision.
	day    article.Date
	hasDay bool
	// explicit is the most recent date with a year written in the text.
	explicit    article.Date
	hasExplicit bool
	explicitSen int // sentence index of explicit
	// clause is the most recent explicit date that dates its clause (not
	// a year complementing a noun, as in "le traité de 1997"): the only
	// kind that lends its year to a day and month written without one.
	clause    article.Date
	hasClause bool
	clauseSen int
	// years lists the explicit years of the text in order, for texts
	// without a reference date.
	years []yearAt
	tok   int // token index of the match being resolved
}

// yearAt is an explicit year and the token where it was written.
type yearAt struct{ tok, year int }

// textYear returns the explicit year nearest before tok, else the first after.
func (r *resolver) textYear() (int, bool) {
	y, ok := 0, false
	for _, ya := range r.years {
		if ya.tok <= r.tok {
			y, ok = ya.year, true
			continue
		}
		if !ok {
			return ya.year, true
		}
		break
	}
	return y, ok
}

func dayTime(d article.Date) time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}

func monthDate(y, m int) article.Date {
	t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	return article.Date{Year: t.Year(), Month: int(t.Month()), Precision: article.PrecMonth}
}

func yearDate(y int) article.Date {
	return article.Date{Year: y, Precision: article.PrecYear}
}

func mkDay(y, m, d int) (article.Date, bool) {
	if !validDay(m, d) {
		return article.Date{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 29 February of a common year
		return article.Date{}, false
	}
	return article.DayDate(t), true
}

// refPrec returns the reference date's precision.
func (r *resolver) refPrec() article.Precision { return r.ref.Prec() }

// chooseYear picks the year for month m (day d, 0 for a month) given the
// reference and direction (tensePast, tenseFuture, else closest).
func (r *resolver) chooseYear(m, d, dir int) (int, bool) {
	ref := r.ref
	switch r.refPrec() {
	case article.PrecDay:
		refT := dayTime(ref)
		best, bestDiff := 0, time.Duration(0)
		for y := ref.Year - 1; y <= ref.Year+1; y++ {
			dd := d
			if dd == 0 {
				dd = 1
			}
			t := time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
			if d == 0 {
				// A month counts as on-or-before ref when it starts on or before ref's month.
				if dir == tensePast && (y > ref.Year || y == ref.Year && m > ref.Month) {
					continue
				}
				if dir == tenseFuture && (y < ref.Year || y == ref.Year && m < ref.Month) {
					continue
				}
			} else {
				if dir == tensePast && t.After(refT) {
					continue
				}
				if dir == tenseFuture && t.Before(refT) {
					continue
				}
			}
			diff := t.Sub(refT)
			if diff < 0 {
				diff = -diff
			}
			if best == 0 || diff < bestDiff {
				best, bestDiff = y, diff
			}
		}
		return best, best != 0
	case article.PrecMonth:
		switch dir {
		case tensePast:
			if m <= ref.Month {
				return ref.Year, true
			}
			return ref.Year - 1, true
		case tenseFuture:
			if m >= ref.Month {
				return ref.Year, true
			}
			return ref.Year + 1, true
		}
		diff := m - ref.Month
		switch {
		case diff > 6:
			return ref.Year - 1, true
		case diff < -6:
			return ref.Year + 1, true
		}
		return ref.Year, true
	case article.PrecYear:
		return ref.Year, true
	}
	return 0, false
}

// resolve turns a match into a TimeExpr value; tense is the clause's
// tense and sen the sentence index of the match.
func (r *resolver) resolve(m match, tense, sen int) article.TimeExpr {
	te := article.TimeExpr{Kind: article.TimeDate, Mod: m.mod}
	set := func(d article.Date) {
		te.Value, te.Resolved = d, d.Known()
	}
	approx := func() {
		if te.Mod == "" {
			te.Mod = "approx"
		}
	}
	dir := tense
	if m.dir != 0 {
		dir = m.dir
	}
	switch m.f {
	case fDuration:
		te.Kind = article.TimeDuration
		te.Duration = m.dur
		return te
	case fAbs:
		switch m.prec {
		case article.PrecDay:
			if d, ok := mkDay(m.y, m.m, m.d); ok {
				set(d)
				if m.d2 > 0 {
					if e, ok := mkDay(m.y2, m.m2, m.d2); ok {
						te.Until = e
					}
				}
				r.day, r.hasDay = d, true
			}
		case article.PrecMonth:
			set(monthDate(m.y, m.m))
		case article.PrecYear:
			set(yearDate(m.y))
			if m.y2 > 0 {
				te.Until = yearDate(m.y2)
			}
		default:
			set(article.Date{Year: m.y, Precision: m.prec})
		}
		if te.Resolved && (m.prec == article.PrecDay || m.prec == article.PrecMonth || m.prec == article.PrecYear) {
			r.explicit, r.hasExplicit, r.explicitSen = te.Value, true, sen
			if !m.nominal {
				r.clause, r.hasClause, r.clauseSen = te.Value, true, sen
			}
		}
		return te
	}
	te.Relative = true
	refDay := r.refPrec() == article.PrecDay
	refMonth := r.refPrec() == article.PrecMonth
	switch m.f {
	case fDayMonth:
		y, ok := 0, false
		if r.hasClause && sen-r.clauseSen <= 1 && sen >= r.clauseSen && r.futureOK(r.clause.Year, m, dir) {
			y, ok = r.clause.Year, true
		} else if !r.ref.Known() {
			y, ok = r.textYear()
		} else {
			d := dir
			if d == tenseUnknown && m.dir == 0 {
				d = tensePresent // closest
			}
			y, ok = r.chooseYear(m.m, m.d, d)
		}
		if !ok {
			return te
		}
		if d, ok := mkDay(y, m.m, m.d); ok {
			set(d)
			r.day, r.hasDay = d, true
			if m.d2 > 0 {
				y2 := y
				if m.m2 < m.m {
					y2++
				}
				if e, ok := mkDay(y2, m.m2, m.d2); ok {
					te.Until = e
				}
			}
		}
	case fMonth:
		d := dir
		if m.dir == 0 && d == tenseUnknown {
			d = tensePresent
		}
		if m.dir != 0 {
			// "septembre dernier": strictly before ref's month.
			y := r.ref.Year
			if !r.ref.Known() || r.refPrec() == article.PrecYear || r.refPrec() == article.PrecDecade {
				return te
			}
			if m.dir < 0 && m.m >= r.ref.Month {
				y--
			}
			if m.dir > 0 && m.m <= r.ref.Month {
				y++
			}
			set(monthDate(y, m.m))
			return te
		}
		if !r.ref.Known() {
			if y, ok := r.textYear(); ok {
				set(monthDate(y, m.m))
			}
		} else if y, ok := r.chooseYear(m.m, 0, d); ok {
			set(monthDate(y, m.m))
		}
	case fDayOnly:
		if r.hasExplicit && r.explicit.Precision != article.PrecYear && sen-r.explicitSen <= 8 {
			if d, ok := mkDay(r.explicit.Year, r.explicit.Month, m.d); ok {
				set(d)
				r.day, r.hasDay = d, true
			}
		}
	case fDayShift:
		switch {
		case refDay:
			set(article.DayDate(dayTime(r.ref).AddDate(0, 0, m.n)))
			r.day, r.hasDay = te.Value, true
		case refMonth:
			set(monthDate(r.ref.Year, r.ref.Month))
			approx()
		}
	case fWeekday:
		switch {
		case refDay:
			refT := dayTime(r.ref)
			rw := int(refT.Weekday())
			back := (rw - m.wd + 7) % 7
			fwd := (m.wd - rw + 7) % 7
			if m.dir < 0 && back == 0 {
				back = 7
			}
			if m.dir > 0 && fwd == 0 {
				fwd = 7
			}
			off := -back
			switch {
			case dir == tenseFuture:
				off = fwd
			case dir == tensePresent && fwd < back:
				off = fwd
			}
			d := article.DayDate(refT.AddDate(0, 0, off))
			set(d)
			r.day, r.hasDay = d, true
			if m.wd2 >= 0 {
				te.Until = article.DayDate(refT.AddDate(0, 0, off+(m.wd2-m.wd+7)%7))
			}
		case refMonth:
			set(monthDate(r.ref.Year, r.ref.Month))
			approx()
		}
	case fWeekShift:
		switch {
		case refDay:
			set(dateMonthOf(dayTime(r.ref).AddDate(0, 0, 7*m.n)))
		case refMonth && m.n == 0:
			set(monthDate(r.ref.Year, r.ref.Month))
		}
	case fMonthShift:
		if refDay || refMonth {
			set(monthDate(r.ref.Year, r.ref.Month+m.n))
		}
	case fYearShift:
		if r.ref.Known() && r.refPrec() != article.PrecDecade && r.refPrec() != PrecCentury {
			set(yearDate(r.ref.Year + m.n))
		}
	case fAgo:
		switch m.unit {
		case uDay:
			if refDay {
				set(article.DayDate(dayTime(r.ref).AddDate(0, 0, m.n)))
			} else if refMonth && m.n >= -3 && m.n <= 3 {
				set(monthDate(r.ref.Year, r.ref.Month))
				approx()
			}
		case uWeek:
			if refDay {
				set(dateMonthOf(dayTime(r.ref).AddDate(0, 0, 7*m.n)))
			} else if refMonth && m.n >= -2 && m.n <= 2 {
				set(monthDate(r.ref.Year, r.ref.Month))
				approx()
			}
		case uMonth:
			if refDay || refMonth {
				set(monthDate(r.ref.Year, r.ref.Month+m.n))
			}
		case uYear:
			if refDay || refMonth || r.refPrec() == article.PrecYear {
				set(yearDate(r.ref.Year + m.n))
			}
		case uDecade:
			if refDay || refMonth || r.refPrec() == article.PrecYear {
				set(yearDate(r.ref.Year + 10*m.n))
				approx()
			}
		}
	case fAnchorShift:
		switch m.unit {
		case uDay, uWeek:
			if r.hasDay {
				k := m.n
				if m.unit == uWeek {
					k *= 7
				}
				d := article.DayDate(dayTime(r.day).AddDate(0, 0, k))
				set(d)
				r.day = d
			}
		case uMonth:
			if r.hasExplicit && r.explicit.Precision != article.PrecYear {
				set(monthDate(r.explicit.Year, r.explicit.Month+m.n))
			} else if r.hasDay {
				set(monthDate(r.day.Year, r.day.Month+m.n))
			}
		case uYear, uDecade:
			k := m.n
			if m.unit == uDecade {
				k *= 10
			}
			if r.hasExplicit {
				set(yearDate(r.explicit.Year + k))
			} else if r.hasDay {
				set(yearDate(r.day.Year + k))
			}
		}
	case fAnchorYear:
		if r.hasExplicit {
			set(yearDate(r.explicit.Year + m.n))
		} else if r.hasDay {
			set(yearDate(r.day.Year + m.n))
		}
	case fAnchorMonth:
		if r.hasExplicit && r.explicit.Precision != article.PrecYear {
			set(monthDate(r.explicit.Year, r.explicit.Month+m.n))
		} else if r.hasDay {
			set(monthDate(r.day.Year, r.day.Month+m.n))
		}
	case fAnchorWeek:
		if r.hasDay {
			set(dateMonthOf(dayTime(r.day).AddDate(0, 0, 7*m.n)))
		}
	}
	return te
}

func dateMonthOf(t time.Time) article.Date {
	return article.Date{Year: t.Year(), Month: int(t.Month()), Precision: article.PrecMonth}
}

// futureOK reports whether the day-month of m in year y is compatible with
// the clause's tense: a future clause cannot take a date before ref.
func (r *resolver) futureOK(y int, m match, dir int) bool {
	if dir != tenseFuture || r.refPrec() != article.PrecDay {
		return true
	}
	d, ok := mkDay(y, m.m, m.d)
	return ok && !dayTime(d).Before(dayTime(r.ref))
}
