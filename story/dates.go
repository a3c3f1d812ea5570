package story

import (
	"time"

	"github.com/vigie-news/vigie/article"
)

// dayRange is an inclusive range of days since 1970-01-01.
type dayRange struct{ lo, hi int32 }

func (r dayRange) overlaps(o dayRange) bool { return r.lo <= o.hi && o.lo <= r.hi }

func (r dayRange) intersect(o dayRange) (dayRange, bool) {
	x := dayRange{max(r.lo, o.lo), min(r.hi, o.hi)}
	return x, x.lo <= x.hi
}

func dayNum(t time.Time) int32 { return int32(t.Unix() / 86400) }

// dateRange returns the days a date covers at its precision.
func dateRange(d article.Date) (dayRange, bool) {
	if !d.Known() || d.Year < 1 || d.Year > 9999 {
		return dayRange{}, false
	}
	switch d.Precision {
	case article.PrecDay:
		if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 {
			return dayRange{}, false
		}
		n := dayNum(time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC))
		return dayRange{n, n}, true
	case article.PrecMonth:
		if d.Month < 1 || d.Month > 12 {
			return dayRange{}, false
		}
		start := time.Date(d.Year, time.Month(d.Month), 1, 0, 0, 0, 0, time.UTC)
		return dayRange{dayNum(start), dayNum(start.AddDate(0, 1, 0)) - 1}, true
	case article.PrecYear:
		start := time.Date(d.Year, 1, 1, 0, 0, 0, 0, time.UTC)
		return dayRange{dayNum(start), dayNum(start.AddDate(1, 0, 0)) - 1}, true
	case article.PrecDecade:
		y := d.Year / 10 * 10
		start := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return dayRange{dayNum(start), dayNum(start.AddDate(10, 0, 0)) - 1}, true
	}
	return dayRange{}, false
}

// monthOf returns a month number (year*12+month-1) for a day number.
func monthOf(day int32) int32 {
	t := time.Unix(int64(day)*86400, 0).UTC()
	return int32(t.Year()*12 + int(t.Month()) - 1)
}
