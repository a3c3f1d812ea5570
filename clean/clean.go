package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigie-news/vigie/article"
)

// headLines is how many non-empty lines at the start of a text are looked
// at for kickers, outlet names, datelines and date stamps.
const headLines = 6

// headBytes bounds the head region in bytes.
const headBytes = 1200

// Clean turns the text a reader produced into vigie's clean text and fills
// the fields that come from it. On input a.Text is the text as read or
// extracted, a.Raw the raw bytes, a.RawMap (optional) maps a.Text into
// a.Raw, a.URL/a.Outlet/a.Title/a.Published hold what the reader's metadata
// gave. On output:
//
//   - Text is normalised (see normalizeChars and normalizeSpace), without
//     the corpus date line, kickers, share/social lines, the scraper's
//     trailing block and stand-alone datelines (a dateline that opens a
//     paragraph is cut and the paragraph's text kept);
//   - RawMap maps Text back to Raw: for plain text read as UTF-8 every byte
//     that was not normalised maps to the identical raw byte; nil when the
//     text cannot be mapped (HTML extraction);
//   - Dateline holds the parsed dateline (its Span is empty: the dateline
//     is no longer in Text);
//   - Title is the reader's title, else the first line when it looks like
//     a headline (short, no final period);
//   - Outlet is the URL's registrable domain, else the reader's outlet or
//     site name, else the dateline agency's or a signature's outlet;
//   - Published is the most precise date on which the reader's metadata,
//     the corpus date line, the URL, the dateline and a date stamp in the
//     head agree;
//   - ID is article.ComputeID(Text).
//
// Clean never panics on any input and is idempotent.
func Clean(a *article.Article) {
	if a == nil {
		return
	}
	orig := a.Text
	d := newDoc(orig)
	d.apply(normalizeChars(d.text))

	var lineDate article.Date
	if m := corpusDateRe.FindStringSubmatchIndex(d.text); m != nil {
		lineDate, _ = article.ParseDate(d.text[m[2]:m[3]])
		d.apply([]edit{{0, m[1], ""}})
	}
	d.apply(normalizeSpace(d.text))

	var sig string
	d.apply(headEdits(d.text, &sig))
	d.apply(bodyEdits(d.text, &sig))
	d.apply(normalizeSpace(d.text))

	stamp, _ := findStamp(d.text, head(d.text))
	dl, found, dlEdits := findDateline(d.text)
	d.apply(dlEdits)
	d.apply(normalizeSpace(d.text))
	d.apply(trimEnds(d.text))

	a.Text = d.text
	switch {
	case a.RawMap != nil:
		a.RawMap = compose(d.segs, a.RawMap)
	case a.Raw != nil && string(a.Raw) == orig:
		a.RawMap = d.segs
	default:
		a.RawMap = nil
	}

	// Published: metadata, then the corpus date line, URL, dateline, stamp.
	pub := a.Published
	if !pub.Known() {
		pub = article.Date{}
	}
	pub = refine(pub, lineDate)
	if ud, ok := DateFromURL(a.URL); ok {
		pub = refine(pub, ud)
	}
	if found {
		dd := dl.toDate(pub.Year)
		a.Dateline = &article.Dateline{Place: dl.place, Agency: dl.agency, Date: dd}
		if dl.year != 0 || pub.Known() {
			pub = refine(pub, dd)
		}
	}
	pub = refine(pub, stamp)
	a.Published = pub

	// Outlet.
	switch {
	case a.URL != "" && OutletFromURL(a.URL) != "":
		a.Outlet = OutletFromURL(a.URL)
	case a.Outlet != "":
		if o, ok := lookupAgency(a.Outlet); ok {
			a.Outlet = o
		} else {
			a.Outlet = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(a.Outlet)), "www.")
		}
	case found && dl.agency != "":
		if o, ok := lookupAgency(dl.agency); ok {
			a.Outlet = o
		}
	}
	if a.Outlet == "" && sig != "" {
		a.Outlet = sig
	}

	if strings.TrimSpace(a.Title) == "" {
		a.Title = headline(a.Text)
	} else {
		a.Title = strings.Join(strings.Fields(a.Title), " ")
	}
	a.ID = article.ComputeID(a.Text)
}

// head returns the head lines of s: the first headLines non-empty lines
// that start within headBytes.
func head(s string) []line {
	out := make([]line, 0, headLines)
	// Lines are looked at one by one, up to the head's end: no need to
	// split the whole text.
	for start := 0; start <= len(s) && start <= headBytes && len(out) < headLines; {
		l, _ := nextLine(s, start)
		if strings.TrimSpace(s[l.start:l.end]) != "" {
			out = append(out, l)
		}
		start = l.end + 1
	}
	return out
}

// headEdits removes kickers, a leading outlet name and repeated head lines.
func headEdits(s string, sig *string) []edit {
	var edits []edit
	seen := map[string]bool{}
	for i, l := range head(s) {
		t := s[l.start:l.end]
		k := lineKey(t)
		switch {
		case kickerLines.match(k):
			edits = append(edits, edit{l.start, l.end, ""})
		case i == 0 && len(k) <= 40 && isOutletName(k):
			*sig, _ = lookupAgency(k)
			edits = append(edits, edit{l.start, l.end, ""})
		case seen[k] && len(k) > 20:
			edits = append(edits, edit{l.start, l.end, ""})
		default:
			if !kickerPrefixes.mayMatch(t) {
				break
			}
			if m := kickerPrefixRe.FindStringIndex(t); m != nil && m[1] < len(t) {
				edits = append(edits, edit{l.start, l.start + m[1], ""})
			}
		}
		seen[k] = true
	}
	return edits
}

func isOutletName(k string) bool {
	_, ok := agencyOutlets[agencyKey(k)]
	return ok
}

// trailerLongLine is the length of a line that counts as article text when
// deciding whether a trailer marker really ends the article.
const trailerLongLine = 300

// bodyEdits cuts the trailing block and drops share/social lines.
func bodyEdits(s string, sig *string) []edit {
	var edits []edit
	lines := nonEmptyLines(s)
	keys := make([]string, len(lines))
	for i, l := range lines {
		keys[i] = lineKey(s[l.start:l.end])
	}
	cut := len(lines)
	// marker[i] caches whether line i is a trailer marker, for i < cut
	// (the loop below looks at every line before the cut).
	marker := make([]bool, len(lines))
	for i, l := range lines {
		if marker[i] = matchAny(trailerMarkers, keys[i]); !marker[i] {
			continue
		}
		long := false
		for _, m := range lines[i+1:] {
			if m.end-m.start > trailerLongLine {
				long = true
				break
			}
		}
		if !long || l.start*5 >= len(s)*4 {
			cut = i
			break
		}
	}
	for i, l := range lines {
		k := keys[i]
		if i >= cut || dropLine(k) {
			if m := signatureRe.FindStringSubmatch(k); m != nil && *sig == "" {
				*sig, _ = lookupAgency(m[1])
			}
			if i < cut {
				edits = append(edits, edit{l.start, l.end, ""})
			}
		}
		if i < cut && len(k) < 60 && marker[i] {
			edits = append(edits, edit{l.start, l.end, ""})
		}
	}
	if cut < len(lines) {
		edits = append(edits, edit{lines[cut].start, len(s), ""})
	}
	return edits
}

// findDateline finds a dateline opening one of the head lines, else one
// standing alone on the last line, and returns the edits removing it.
func findDateline(s string) (parsedDateline, bool, []edit) {
	h := head(s)
	for _, l := range h[:min(3, len(h))] {
		t := s[l.start:l.end]
		if p, ok := matchDateline(t); ok {
			return p, true, []edit{{l.start, l.start + p.length, ""}}
		}
	}
	if l, ok := lastNonEmptyLine(s); ok && strings.TrimSpace(s[:l.start]) != "" {
		// The last non-empty line, when another one comes before it.
		t := strings.TrimSpace(s[l.start:l.end])
		if p, ok := matchDateline(t); ok && p.length >= len(t) {
			return p, true, []edit{{l.start, l.end, ""}}
		}
	}
	return parsedDateline{}, false, nil
}

// bylineRe matches an author line, which is not a headline.
var bylineRe = regexp.MustCompile(`^(?:[Pp]ar|[Bb]y|BY|PAR)\s+\p{Lu}`)

// maxHeadline bounds a headline's length in bytes and words.
const (
	maxHeadline      = 250
	maxHeadlineWords = 35
)

// headline returns the first line of s when it looks like a headline:
// short, not ending like a sentence, starting with a capital or a digit,
// and followed by more text.
func headline(s string) string {
	i := strings.IndexByte(s, '\n')
	if i < 0 {
		return ""
	}
	h := strings.TrimSpace(s[:i])
	if h == "" || len(h) > maxHeadline || len(strings.Fields(h)) > maxHeadlineWords {
		return ""
	}
	last, _ := utf8.DecodeLastRuneInString(h)
	if strings.ContainsRune(".;,:…|", last) {
		return ""
	}
	if _, ok := findStamp(h, []line{{0, len(h)}}); ok && len(strings.Fields(h)) <= 8 {
		return ""
	}
	first, _ := utf8.DecodeRuneInString(h)
	if unicode.IsLower(first) || bylineRe.MatchString(h) {
		return ""
	}
	// A hard-wrapped sentence continues on the next line in lower case.
	if next, _ := utf8.DecodeRuneInString(s[i+1:]); unicode.IsLower(next) {
		return ""
	}
	return h
}
