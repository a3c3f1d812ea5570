package event

import (
	"strconv"
	"time"

	"github.com/vigie-news/vigie/article"
)

// This file is the fallback date finder used when an article has no time
// layer (a.Times empty): explicit day-month(-year) dates and a few
// relative day words resolved against the publication date.

var monthNames = map[string]int{
	"janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
	"septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "aug": 8, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"lundi": time.Monday, "mardi": time.Tuesday, "mercredi": time.Wednesday, "jeudi": time.Thursday,
	"vendredi": time.Friday, "samedi": time.Saturday, "dimanche": time.Sunday,
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

func atoiSmall(s string) (int, bool) {
	if s == "1er" {
		return 1, true
	}
	if len(s) == 0 || len(s) > 4 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// fallbackTimes finds date expressions in a sentence's words.
func fallbackTimes(ws []word, pub article.Date) []article.TimeExpr {
	var out []article.TimeExpr
	emit := func(i, j int, d article.Date) {
		out = append(out, article.TimeExpr{Span: article.Span{Start: ws[i].start, End: ws[j].end}, Kind: article.TimeDate, Value: d, Resolved: d.Known()})
	}
	year := func(k int) (int, bool) {
		if k < len(ws) {
			if y, ok := atoiSmall(ws[k].norm); ok && y >= 1900 && y <= 2100 {
				return y, true
			}
		}
		return 0, false
	}
	for i := 0; i < len(ws); i++ {
		n := ws[i].norm
		if m, ok := monthNames[n]; ok {
			// "16 juillet [2022]" handled from the day; here "July 16[, 2022]" and "juillet 2022".
			if i+1 < len(ws) {
				if d, ok := atoiSmall(ws[i+1].norm); ok && d >= 1 && d <= 31 {
					j := i + 1
					y, ok := year(j + 1)
					if !ok && j+2 < len(ws) && ws[j+1].norm == "," {
						y, ok = year(j + 2)
						if ok {
							j += 2
						}
					} else if ok {
						j++
					}
					if !ok {
						if !pub.Known() {
							continue
						}
						y = pub.Year
					}
					emit(i, j, article.Date{Year: y, Month: m, Day: d, Precision: article.PrecDay})
					i = j
					continue
				}
				if y, ok := year(i + 1); ok {
					emit(i, i+1, article.Date{Year: y, Month: m, Precision: article.PrecMonth})
					i++
					continue
				}
			}
			continue
		}
		if d, ok := atoiSmall(n); ok && d >= 1 && d <= 31 && i+1 < len(ws) {
			if m, ok := monthNames[ws[i+1].norm]; ok {
				j := i + 1
				y, ok := year(j + 1)
				if ok {
					j++
				} else if pub.Known() {
					y = pub.Year
				} else {
					continue
				}
				emit(i, j, article.Date{Year: y, Month: m, Day: d, Precision: article.PrecDay})
				i = j
				continue
			}
		}
		if wd, ok := weekdays[n]; ok {
			emit(i, i, relativeDay(pub, func(t time.Time) time.Time {
				back := (int(t.Weekday()) - int(wd) + 7) % 7
				return t.AddDate(0, 0, -back)
			}))
			continue
		}
		switch n {
		case "hier", "yesterday":
			emit(i, i, relativeDay(pub, func(t time.Time) time.Time { return t.AddDate(0, 0, -1) }))
		case "today", "tonight":
			emit(i, i, relativeDay(pub, func(t time.Time) time.Time { return t }))
		case "aujourd":
			emit(i, i, relativeDay(pub, func(t time.Time) time.Time { return t }))
		case "veille":
			if i > 0 && (ws[i-1].norm == "la") {
				emit(i, i, relativeDay(pub, func(t time.Time) time.Time { return t.AddDate(0, 0, -1) }))
			}
		}
	}
	return out
}

// relativeDay resolves a relative day against the publication date: a day
// when the publication day is known, its month when only the month is.
func relativeDay(pub article.Date, f func(time.Time) time.Time) article.Date {
	switch pub.Prec() {
	case article.PrecDay:
		return article.DayDate(f(pub.Time()))
	case article.PrecMonth:
		return article.Date{Year: pub.Year, Month: pub.Month, Precision: article.PrecMonth}
	}
	return article.Date{}
}
