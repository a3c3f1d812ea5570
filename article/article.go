package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Precision is how much of a Date is known.
type Precision string

// The precisions a Date can have, from finest to coarsest.
const (
	PrecDay     Precision = "day"
	PrecMonth   Precision = "month"
	PrecYear    Precision = "year"
	PrecDecade  Precision = "decade"
	PrecUnknown Precision = "unknown"
)

// Rank orders precisions from unknown (0) to day (4): a higher rank is a
// finer date.
func (p Precision) Rank() int {
	switch p {
	case PrecDay:
		return 4
	case PrecMonth:
		return 3
	case PrecYear:
		return 2
	case PrecDecade:
		return 1
	}
	return 0
}

// Date is a calendar date known to some precision. Fields finer than the
// precision are zero. The zero Date has PrecUnknown semantics.
type Date struct {
	Year      int       `json:"year,omitempty"`
	Month     int       `json:"month,omitempty"`
	Day       int       `json:"day,omitempty"`
	Precision Precision `json:"precision,omitempty"`
}

// Known reports whether the date carries any information.
func (d Date) Known() bool {
	return d.Year != 0 && d.Precision != "" && d.Precision != PrecUnknown
}

// Prec returns the precision, PrecUnknown for the zero date.
func (d Date) Prec() Precision {
	if !d.Known() {
		return PrecUnknown
	}
	return d.Precision
}

// String formats the date by precision: YYYY-MM-DD, YYYY-MM, YYYY, or
// YYYY for a decade's first year (e.g. 1990 for the 1990s); "" when unknown.
func (d Date) String() string {
	if !d.Known() {
		return ""
	}
	switch d.Precision {
	case PrecDay:
		return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
	case PrecMonth:
		return time.Date(d.Year, time.Month(d.Month), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
	default:
		return pad4(d.Year)
	}
}

func pad4(y int) string {
	s := []byte("0000")
	for i := 3; i >= 0 && y > 0; i-- {
		s[i] = byte('0' + y%10)
		y /= 10
	}
	return string(s)
}

// Time returns the first instant the date covers (UTC); the zero time when unknown.
func (d Date) Time() time.Time {
	if !d.Known() {
		return time.Time{}
	}
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// DayDate returns a day-precision Date for t.
func DayDate(t time.Time) Date {
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Precision: PrecDay}
}

// ParseDate parses YYYY-MM-DD, YYYY-MM or YYYY (optionally followed by a
// time, RFC 3339 style) into a Date with the matching precision.
func ParseDate(s string) (Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, false
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return DayDate(t), true
	}
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
		s = s[:10]
	}
	for _, f := range []struct {
		layout string
		p      Precision
	}{{"2006-01-02", PrecDay}, {"2006-01", PrecMonth}, {"2006", PrecYear}} {
		if len(s) != len(f.layout) {
			continue
		}
		t, err := time.Parse(f.layout, s)
		if err != nil {
			continue
		}
		d := Date{Year: t.Year(), Precision: f.p}
		if f.p != PrecYear {
			d.Month = int(t.Month())
		}
		if f.p == PrecDay {
			d.Day = t.Day()
		}
		return d, true
	}
	return Date{}, false
}

// Contains reports whether other falls within d at d's precision
// ("2022-07" contains "2022-07-16"; equal days contain each other).
func (d Date) Contains(other Date) bool {
	if !d.Known() || !other.Known() {
		return false
	}
	switch d.Precision {
	case PrecDay:
		return other.Precision == PrecDay && d == other
	case PrecMonth:
		return other.Year == d.Year && other.Month == d.Month && other.Month != 0
	case PrecYear:
		return other.Year == d.Year
	case PrecDecade:
		return other.Year/10 == d.Year/10
	}
	return false
}

// Span is a half-open byte range [Start, End) of Article.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Segment maps a run of clean text back to the raw input: clean bytes
// [Clean, Clean+Len) came from raw bytes [Raw, Raw+Len).
type Segment struct {
	Clean int `json:"clean"`
	Raw   int `json:"raw"`
	Len   int `json:"len"`
}

// RawMap maps offsets in the clean text back to offsets in the raw input.
// Segments are sorted by Clean. A nil map means the raw input cannot be
// mapped (for example text extracted from HTML).
type RawMap []Segment

// ToRaw maps a clean-text offset to the raw input; ok is false when the
// offset falls in text the cleaner inserted or normalised.
func (m RawMap) ToRaw(off int) (int, bool) {
	lo, hi := 0, len(m)
	for lo < hi {
		mid := (lo + hi) / 2
		if m[mid].Clean+m[mid].Len <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(m) && m[lo].Clean <= off && off < m[lo].Clean+m[lo].Len {
		return m[lo].Raw + off - m[lo].Clean, true
	}
	// An end offset may sit exactly at a segment's end.
	if lo > 0 && m[lo-1].Clean+m[lo-1].Len == off {
		return m[lo-1].Raw + m[lo-1].Len, true
	}
	return 0, false
}

// Article is one news article as vigie stores it.
type Article struct {
	// ID is a stable identifier: a hash of the normalised text (see ComputeID),
	// so that ingesting the same article twice is idempotent.
	ID string `json:"id"`
	// Path is the input path as given to ingest (with "#N" for the Nth
	// record of a JSONL file or an archive member); empty for stdin.
	Path   string `json:"path,omitempty"`
	URL    string `json:"url,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	Title  string `json:"title,omitempty"`
	// Published is the publication date with its precision.
	Published Date `json:"published"`
	// Lang is the ISO 639-1 code of the text's language ("fr", "en", ...), or "" if unknown.
	Lang string `json:"lang,omitempty"`
	// Text is the clean text that every annotation's offsets point into.
	Text string `json:"text"`
	// Raw is the input exactly as read (decoded from gzip, not from its charset).
	Raw []byte `json:"-"`
	// Format names the reader that produced the article: "text", "html", "jsonl".
	Format string `json:"format,omitempty"`
	// RawMap maps Text offsets back into Raw.
	RawMap RawMap `json:"-"`
	// Dateline holds what a dateline such as "STEPANAKERT, 25 MAI, ARTSAKHPRESS :" said.
	Dateline *Dateline `json:"dateline,omitempty"`
	// IngestedAt is when the article was first stored.
	IngestedAt time.Time `json:"ingested_at,omitempty"`
	// DupOf is the id of the article's canonical copy when the article is a
	// near-duplicate of it (a wire copy, a republication, a lightly edited
	// rewrite); "" when the article is itself canonical.
	DupOf string `json:"dup_of,omitempty"`

	// Annotations added by later stages.
	Sentences []Span     `json:"sentences,omitempty"`
	Mentions  []Mention  `json:"mentions,omitempty"`
	Times     []TimeExpr `json:"times,omitempty"`
	Events    []Event    `json:"events,omitempty"`
}

// Dateline is a parsed news dateline.
type Dateline struct {
	Span
	Place  string `json:"place,omitempty"`
	Date   Date   `json:"date"`
	Agency string `json:"agency,omitempty"`
}

// ComputeID returns the stable article id for a clean text: the first 16 hex
// digits of the SHA-256 of the text with case folded and whitespace collapsed.
func ComputeID(text string) string {
	// The folded text is hashed in chunks as it is produced. ASCII bytes
	// (nearly all of them) and Latin-1 letters are folded without decoding.
	h := sha256.New()
	var buf [1024]byte
	w := 0
	space, started := false, false
	for i := 0; i < len(text); {
		if w > len(buf)-2*utf8.UTFMax {
			h.Write(buf[:w])
			w = 0
		}
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				space = true
				i++
				continue
			}
			if space && started {
				buf[w] = ' '
				w++
			}
			space, started = false, true
			// A run of ASCII bytes other than spaces.
			for ; i < len(text) && w < len(buf); i++ {
				c := text[i]
				if c >= utf8.RuneSelf || asciiSpace[c] {
					break
				}
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[w] = c
				w++
			}
			continue
		}
		var r rune
		var n int
		if c == 0xC3 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
			// U+00C0 to U+00FF: none is a space, the capitals (all but
			// U+00D7) fold to the rune 0x20 above.
			r, n = 0xC0+rune(text[i+1]&0x3F), 2
			if r <= 0xDE && r != 0xD7 {
				r += 0x20
			}
		} else {
			r, n = utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				space = true
				i += n
				continue
			}
			r = unicode.ToLower(r)
		}
		i += n
		if space && started {
			buf[w] = ' '
			w++
		}
		space, started = false, true
		w += utf8.EncodeRune(buf[w:], r) // invalid bytes become U+FFFD, as ranging over text does
	}
	h.Write(buf[:w])
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return hex.EncodeToString(sum[:8])
}

// asciiSpace holds the ASCII bytes unicode.IsSpace reports as spaces.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
