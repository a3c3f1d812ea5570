package story

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"unicode/utf8"

	"github.com/vigie-news/vigie/article"
)

// Story records are encoded by hand: the flush of an ingest re-encodes
// every story it touched, and encoding/json's reflection was most of that
// work. The encoder writes exactly the bytes json.Marshal writes (same
// field order, omitempty rules, string escaping with HTML characters
// escaped, float format); recordLayoutOK checks at start-up that the
// encoded types still have the fields it knows, and Record falls back to
// json.Marshal when they do not or when a value needs json.Marshal's
// error (a NaN score, a first-seen time out of range).

// Record serialises the story for the store (store.StoryRecord.Data).
func (s *Story) Record() (json.RawMessage, error) {
	if s != nil && recordLayoutOK {
		if b, ok := appendStory(make([]byte, 0, 512+400*len(s.Reports)), s); ok {
			return b, nil
		}
	}
	b, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("encoding story %s: %w", s.ID, err)
	}
	return b, nil
}

// recordLayoutOK tells whether the types appendStory encodes have the
// fields it was written for.
var recordLayoutOK = checkRecordLayout()

// recordLayout lists the encoded types' fields: name, type and tag.
var recordLayout = map[reflect.Type][]string{
	reflect.TypeFor[Story](): {
		"ID string json:\"id\"", "Type string json:\"type\"", "Actors []article.Actor json:\"actors\"", "Key string json:\"key\"",
		"CountryKey string json:\"country_key,omitempty\"", "States []string json:\"states,omitempty\"", "Date article.Date json:\"date\"",
		"Place *article.Place json:\"place,omitempty\"", "PlaceCountry string json:\"place_country,omitempty\"",
		"PlaceIsCountry bool json:\"place_is_country,omitempty\"", "Context []string json:\"context,omitempty\"",
		"HostKeys []string json:\"host_keys,omitempty\"", "FirstSeen time.Time json:\"first_seen\"", "NumArticles int json:\"num_articles\"",
		"NumSources int json:\"num_sources\"", "Reports []story.Report json:\"reports\"",
	},
	reflect.TypeFor[Report](): {
		"ArticleID string json:\"article_id\"", "DupOf string json:\"dup_of,omitempty\"", "Outlet string json:\"outlet,omitempty\"",
		"Published article.Date json:\"published\"", "EventID string json:\"event_id\"", "Mode string json:\"mode,omitempty\"",
		"Date article.Date json:\"date\"", "Place *article.Place json:\"place,omitempty\"", "Hosts []string json:\"hosts,omitempty\"",
		"Evidence []article.Evidence json:\"evidence,omitempty\"", "Why story.Decision json:\"why\"",
	},
	reflect.TypeFor[Decision](): {
		"Action string json:\"action\"", "Date string json:\"date,omitempty\"", "Place string json:\"place,omitempty\"",
		"Score float64 json:\"score,omitempty\"", "Actors string json:\"actors,omitempty\"", "Context float64 json:\"context,omitempty\"",
		"Hosts float64 json:\"hosts,omitempty\"", "Sibling bool json:\"sibling,omitempty\"", "Candidates int json:\"candidates\"",
		"Rejected []story.Rejection json:\"rejected,omitempty\"", "DupOf string json:\"dup_of,omitempty\"",
		"DupSimilarity float64 json:\"dup_similarity,omitempty\"",
	},
	reflect.TypeFor[Rejection](): {"Story string json:\"story\"", "Reason string json:\"reason\""},
	reflect.TypeFor[article.Actor](): {
		"Name string json:\"name\"", "Entity string json:\"entity,omitempty\"", "Role string json:\"role\"",
		"Country string json:\"country,omitempty\"", "Sector string json:\"sector,omitempty\"", "Mention *article.Span json:\"mention,omitempty\"",
	},
	reflect.TypeFor[article.Date](): {
		"Year int json:\"year,omitempty\"", "Month int json:\"month,omitempty\"", "Day int json:\"day,omitempty\"",
		"Precision article.Precision json:\"precision,omitempty\"",
	},
	reflect.TypeFor[article.Place]():    {"Name string json:\"name\"", "Entity string json:\"entity,omitempty\""},
	reflect.TypeFor[article.Evidence](): {"Span article.Span ", "Text string json:\"text\""},
	reflect.TypeFor[article.Span]():     {"Start int json:\"start\"", "End int json:\"end\""},
}

func checkRecordLayout() bool {
	marshaler := reflect.TypeFor[json.Marshaler]()
	textMarshaler := reflect.TypeFor[interface{ MarshalText() ([]byte, error) }]()
	for t, want := range recordLayout {
		if t.NumField() != len(want) {
			return false
		}
		if t.Implements(marshaler) || reflect.PointerTo(t).Implements(marshaler) ||
			t.Implements(textMarshaler) || reflect.PointerTo(t).Implements(textMarshaler) {
			return false
		}
		for i := range t.NumField() {
			f := t.Field(i)
			if got := f.Name + " " + f.Type.String() + " " + string(f.Tag); got != want[i] {
				return false
			}
		}
	}
	p := reflect.TypeFor[article.Precision]()
	return p.Kind() == reflect.String && !p.Implements(marshaler) && !p.Implements(textMarshaler)
}

// appendStory appends the JSON of s; ok is false when json.Marshal must
// say what is wrong.
func appendStory(b []byte, s *Story) ([]byte, bool) {
	b = append(b, `{"id":`...)
	b = appendString(b, s.ID)
	b = append(b, `,"type":`...)
	b = appendString(b, s.Type)
	b = append(b, `,"actors":`...)
	if s.Actors == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range s.Actors {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendActor(b, &s.Actors[i])
		}
		b = append(b, ']')
	}
	b = append(b, `,"key":`...)
	b = appendString(b, s.Key)
	if s.CountryKey != "" {
		b = append(b, `,"country_key":`...)
		b = appendString(b, s.CountryKey)
	}
	if len(s.States) > 0 {
		b = append(b, `,"states":`...)
		b = appendStrings(b, s.States)
	}
	b = append(b, `,"date":`...)
	b = appendDate(b, s.Date)
	if s.Place != nil {
		b = append(b, `,"place":`...)
		b = appendPlace(b, s.Place)
	}
	if s.PlaceCountry != "" {
		b = append(b, `,"place_country":`...)
		b = appendString(b, s.PlaceCountry)
	}
	if s.PlaceIsCountry {
		b = append(b, `,"place_is_country":true`...)
	}
	if len(s.Context) > 0 {
		b = append(b, `,"context":`...)
		b = appendStrings(b, s.Context)
	}
	if len(s.HostKeys) > 0 {
		b = append(b, `,"host_keys":`...)
		b = appendStrings(b, s.HostKeys)
	}
	t, err := s.FirstSeen.MarshalJSON()
	if err != nil {
		return nil, false
	}
	b = append(b, `,"first_seen":`...)
	b = append(b, t...)
	b = append(b, `,"num_articles":`...)
	b = strconv.AppendInt(b, int64(s.NumArticles), 10)
	b = append(b, `,"num_sources":`...)
	b = strconv.AppendInt(b, int64(s.NumSources), 10)
	b = append(b, `,"reports":`...)
	if s.Reports == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range s.Reports {
			if i > 0 {
				b = append(b, ',')
			}
			var ok bool
			if b, ok = appendReport(b, &s.Reports[i]); !ok {
				return nil, false
			}
		}
		b = append(b, ']')
	}
	return append(b, '}'), true
}

func appendReport(b []byte, r *Report) ([]byte, bool) {
	b = append(b, `{"article_id":`...)
	b = appendString(b, r.ArticleID)
	if r.DupOf != "" {
		b = append(b, `,"dup_of":`...)
		b = appendString(b, r.DupOf)
	}
	if r.Outlet != "" {
		b = append(b, `,"outlet":`...)
		b = appendString(b, r.Outlet)
	}
	b = append(b, `,"published":`...)
	b = appendDate(b, r.Published)
	b = append(b, `,"event_id":`...)
	b = appendString(b, r.EventID)
	if r.Mode != "" {
		b = append(b, `,"mode":`...)
		b = appendString(b, r.Mode)
	}
	b = append(b, `,"date":`...)
	b = appendDate(b, r.Date)
	if r.Place != nil {
		b = append(b, `,"place":`...)
		b = appendPlace(b, r.Place)
	}
	if len(r.Hosts) > 0 {
		b = append(b, `,"hosts":`...)
		b = appendStrings(b, r.Hosts)
	}
	if len(r.Evidence) > 0 {
		b = append(b, `,"evidence":[`...)
		for i := range r.Evidence {
			e := &r.Evidence[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"start":`...)
			b = strconv.AppendInt(b, int64(e.Start), 10)
			b = append(b, `,"end":`...)
			b = strconv.AppendInt(b, int64(e.End), 10)
			b = append(b, `,"text":`...)
			b = appendString(b, e.Text)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"why":`...)
	w := &r.Why
	b = append(b, `{"action":`...)
	b = appendString(b, w.Action)
	if w.Date != "" {
		b = append(b, `,"date":`...)
		b = appendString(b, w.Date)
	}
	if w.Place != "" {
		b = append(b, `,"place":`...)
		b = appendString(b, w.Place)
	}
	var ok bool
	if b, ok = appendFloatField(b, `,"score":`, w.Score); !ok {
		return nil, false
	}
	if w.Actors != "" {
		b = append(b, `,"actors":`...)
		b = appendString(b, w.Actors)
	}
	if b, ok = appendFloatField(b, `,"context":`, w.Context); !ok {
		return nil, false
	}
	if b, ok = appendFloatField(b, `,"hosts":`, w.Hosts); !ok {
		return nil, false
	}
	if w.Sibling {
		b = append(b, `,"sibling":true`...)
	}
	b = append(b, `,"candidates":`...)
	b = strconv.AppendInt(b, int64(w.Candidates), 10)
	if len(w.Rejected) > 0 {
		b = append(b, `,"rejected":[`...)
		for i := range w.Rejected {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"story":`...)
			b = appendString(b, w.Rejected[i].Story)
			b = append(b, `,"reason":`...)
			b = appendString(b, w.Rejected[i].Reason)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if w.DupOf != "" {
		b = append(b, `,"dup_of":`...)
		b = appendString(b, w.DupOf)
	}
	if b, ok = appendFloatField(b, `,"dup_similarity":`, w.DupSimilarity); !ok {
		return nil, false
	}
	return append(b, "}}"...), true
}

func appendActor(b []byte, a *article.Actor) []byte {
	b = append(b, `{"name":`...)
	b = appendString(b, a.Name)
	if a.Entity != "" {
		b = append(b, `,"entity":`...)
		b = appendString(b, a.Entity)
	}
	b = append(b, `,"role":`...)
	b = appendString(b, a.Role)
	if a.Country != "" {
		b = append(b, `,"country":`...)
		b = appendString(b, a.Country)
	}
	if a.Sector != "" {
		b = append(b, `,"sector":`...)
		b = appendString(b, a.Sector)
	}
	if a.Mention != nil {
		b = append(b, `,"mention":{"start":`...)
		b = strconv.AppendInt(b, int64(a.Mention.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(a.Mention.End), 10)
		b = append(b, '}')
	}
	return append(b, '}')
}

func appendDate(b []byte, d article.Date) []byte {
	b = append(b, '{')
	n := len(b)
	sep := func(b []byte) []byte {
		if len(b) > n {
			b = append(b, ',')
		}
		return b
	}
	if d.Year != 0 {
		b = append(b, `"year":`...)
		b = strconv.AppendInt(b, int64(d.Year), 10)
	}
	if d.Month != 0 {
		b = append(sep(b), `"month":`...)
		b = strconv.AppendInt(b, int64(d.Month), 10)
	}
	if d.Day != 0 {
		b = append(sep(b), `"day":`...)
		b = strconv.AppendInt(b, int64(d.Day), 10)
	}
	if d.Precision != "" {
		b = append(sep(b), `"precision":`...)
		b = appendString(b, string(d.Precision))
	}
	return append(b, '}')
}

func appendPlace(b []byte, p *article.Place) []byte {
	b = append(b, `{"name":`...)
	b = appendString(b, p.Name)
	if p.Entity != "" {
		b = append(b, `,"entity":`...)
		b = appendString(b, p.Entity)
	}
	return append(b, '}')
}

func appendStrings(b []byte, l []string) []byte {
	b = append(b, '[')
	for i, s := range l {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

// appendFloatField appends name and f unless f is 0 (omitempty); ok is
// false for a NaN or an infinity, which json.Marshal refuses.
func appendFloatField(b []byte, name string, f float64) ([]byte, bool) {
	if f == 0 {
		return b, true
	}
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, false
	}
	b = append(b, name...)
	// As encoding/json: like %g with ES6's exponent cutoffs, the exponent
	// not padded.
	format := byte('f')
	if abs := math.Abs(f); abs < 1e-6 || abs >= 1e21 {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

const hexDigits = "0123456789abcdef"

// jsonSafe holds the ASCII bytes a JSON string keeps as they are (with
// HTML escaping).
var jsonSafe = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// load64 packs the first 8 bytes of s, little-endian.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// safeWord reports whether the 8 bytes packed in x are all bytes jsonSafe
// holds: ASCII from 0x20 up, none of " \\ < > &. (The SWAR tests below
// are exact for the word as a whole.)
func safeWord(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	hasZero := func(v uint64) bool { return (v-ones)&^v&highs != 0 }
	if x&highs != 0 || (x-ones*0x20)&^x&highs != 0 { // a byte ≥ 0x80 or < 0x20
		return false
	}
	return !hasZero(x^(ones*'"')) && !hasZero(x^(ones*'\\')) && !hasZero(x^(ones*'<')) &&
		!hasZero(x^(ones*'>')) && !hasZero(x^(ones*'&'))
}

// appendString appends s quoted as encoding/json does with HTML escaping:
// ", \ and control characters escaped, <, > and & as \u003c, \u003e and
// \u0026, invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) && safeWord(load64(s[i:i+8])) {
			i += 8
			continue
		}
		c := s[i]
		if jsonSafe[c] {
			i++
			continue
		}
		if 0xC2 <= c && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2 // a valid two-byte rune (U+0080 to U+07FF), kept
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
