package timex

// monthWords maps folded month names and abbreviations to 1..12.
var monthWords = map[string]int{
	"janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
	"aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
	"janv": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
}

// abbrevMonth lists month abbreviations that may be followed by a period.
var abbrevMonth = map[string]bool{
	"janv": true, "fevr": true, "fev": true, "avr": true, "juil": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true,
}

// weekdayWords maps folded weekday names to time.Weekday numbers (Sunday 0).
var weekdayWords = map[string]int{
	"dimanche": 0, "lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6,
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// dayPartWords are parts of a day that may follow a weekday or "hier".
var dayPartWords = map[string]string{
	"matin": "", "soir": "", "midi": "", "apres": "", "soiree": "", "matinee": "", "nuit": "night",
	"morning": "", "afternoon": "", "evening": "", "night": "night",
}

// numberWords maps folded number words to values.
var numberWords = map[string]int{
	"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
	"huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
	"quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
	"soixante": 60, "cent": 100,
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100,
	"a": 1, "an": 1,
}

// Time units.
const (
	uDay = iota + 1
	uWeek
	uMonth
	uYear
	uDecade
	uCentury
	uHour
	uMinute
)

// unitWords maps folded unit words to units.
var unitWords = map[string]int{
	"jour": uDay, "jours": uDay, "journee": uDay, "journees": uDay,
	"semaine": uWeek, "semaines": uWeek, "mois": uMonth,
	"an": uYear, "ans": uYear, "annee": uYear, "annees": uYear,
	"decennie": uDecade, "decennies": uDecade, "siecle": uCentury, "siecles": uCentury,
	"heure": uHour, "heures": uHour, "minute": uMinute, "minutes": uMinute,
	"day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek, "month": uMonth, "months": uMonth,
	"year": uYear, "years": uYear, "decade": uDecade, "decades": uDecade,
	"century": uCentury, "centuries": uCentury, "hour": uHour, "hours": uHour,
}

// seasonWords are seasons that may precede a year ("été 2020", "spring 2021").
var seasonWords = map[string]bool{
	"printemps": true, "ete": true, "automne": true, "hiver": true,
	"spring": true, "summer": true, "autumn": true, "fall": true, "winter": true,
}

// yearCue are words after which a bare four-digit number is read as a year;
// the cue is not part of the expression.
var yearCue = map[string]bool{
	"depuis": true, "since": true, "de": true, "d": true, "from": true, "a": true, "to": true,
	"until": true, "till": true, "by": true, "avant": true, "apres": true, "before": true,
	"after": true, "during": true, "pendant": true, "durant": true, "of": true, "au": true,
	"entre": true, "between": true, "and": true, "et": true, "jusqu": true, "jusqu'en": true,
	"des": true, "vers": true, "around": true, "circa": true, "through": true, "dans": true,
	"for": true, "pour": true, "la": true, "le": true, "les": true, "ou": true, "or": true,
	"than": true, "que": true, "the": true, "this": true, "that": true, "guerre": true, "war": true,
	"election": true, "elections": true, "electoral": true, "scrutin": true, "constitution": true,
}

// yearLead are words that precede a year and belong to the expression.
var yearLead = map[string]string{
	"en": "", "in": "", "l": "", "fin": "end", "debut": "start", "mi": "mid",
	"early": "start", "late": "end", "mid": "mid", "annee": "", "an": "", "courant": "",
}

// romanValue parses a Roman numeral (lower case); 0 when s is not one.
func romanValue(s string) int {
	if s == "" || len(s) > 8 {
		return 0
	}
	vals := map[byte]int{'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100}
	total, prev := 0, 0
	for i := len(s) - 1; i >= 0; i-- {
		v, ok := vals[s[i]]
		if !ok {
			return 0
		}
		if v < prev {
			total -= v
		} else {
			total += v
			prev = v
		}
	}
	return total
}
