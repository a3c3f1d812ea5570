// Package lang identifies the language of a news text among a configured
// set of languages (by default fr, en, ru, hy, az, tr, de, es), returning
// ISO 639-1 codes.
//
// Detection works in three steps:
//
//  1. The writing system decides when it is enough: Armenian script is
//     Armenian, Georgian is Georgian, Greek is Greek, and Cyrillic is Russian
//     unless another Cyrillic language is configured.
//  2. Otherwise the trigram profiles of github.com/abadojack/whatlanggo,
//     restricted to the configured languages of that script, rank the
//     candidates.
//  3. On short texts, counts of function words ("le", "the", "və" …) and of
//     letters proper to one language ("ə" for Azerbaijani) override a weak
//     trigram decision.
//
// whatlanggo was chosen over github.com/pemistahl/lingua-go: both identify
// every document of the project corpus and the hand-written samples in
// lang/testdata, but lingua-go adds about 130 MB to a binary (its models are
// embedded for every language) and is 5 to 10 times slower, while whatlanggo
// adds under 0.5 MB. whatlanggo has no Armenian profile, which the script
// step covers.
package lang

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// DefaultLanguages are the languages a Detector recognises when none are
// given.
var DefaultLanguages = []string{"fr", "en", "ru", "hy", "az", "tr", "de", "es"}

// ErrUnknownLanguage is returned by New for a code it cannot detect.
var ErrUnknownLanguage = errors.New("unknown language code")

// Minimum number of letters a text needs before Detect answers.
const minLetters = 8

// prefixBytes is how much of a text Detect reads: enough for a reliable
// answer on news articles, and it bounds the cost on long documents.
const prefixBytes = 2048

// scriptOf maps the ISO 639-1 codes written in a non-Latin script that identifies
// the language alone when it is the only configured one of that script.
var scriptOf = map[string]*unicode.RangeTable{
	"hy": unicode.Armenian, "ka": unicode.Georgian, "el": unicode.Greek, "he": unicode.Hebrew,
	"ru": unicode.Cyrillic, "uk": unicode.Cyrillic, "bg": unicode.Cyrillic, "sr": unicode.Cyrillic,
	"mk": unicode.Cyrillic, "be": unicode.Cyrillic, "kk": unicode.Cyrillic,
	"ar": unicode.Arabic, "fa": unicode.Arabic, "ur": unicode.Arabic,
	"zh": unicode.Han, "ja": unicode.Hiragana, "ko": unicode.Hangul,
}

// scripts are the scripts Detect counts letters of.
var scripts = []*unicode.RangeTable{
	unicode.Latin, unicode.Cyrillic, unicode.Armenian, unicode.Georgian, unicode.Greek,
	unicode.Hebrew, unicode.Arabic, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul,
}

// Detector identifies languages among a fixed set. It is safe for
// concurrent use.
type Detector struct {
	langs []string
	// byScript maps a script to the configured languages written in it.
	byScript map[*unicode.RangeTable][]string
	// whitelist maps a script to the whatlanggo options restricted to the
	// configured languages of that script.
	whitelist map[*unicode.RangeTable]whatlanggo.Options
	toCode    map[whatlanggo.Lang]string
	stop      map[string][]string // folded function word -> languages
	// latin ranks the configured Latin-script languages without
	// whatlanggo's allocations (nil: whatlanggo is called).
	latin *latinRanker
}

// New returns a Detector for the given ISO 639-1 codes (DefaultLanguages
// when langs is empty).
func New(langs []string) (*Detector, error) {
	if len(langs) == 0 {
		langs = DefaultLanguages
	}
	d := &Detector{
		byScript:  make(map[*unicode.RangeTable][]string),
		whitelist: make(map[*unicode.RangeTable]whatlanggo.Options),
		toCode:    make(map[whatlanggo.Lang]string),
		stop:      make(map[string][]string),
	}
	seen := make(map[string]bool)
	for _, code := range langs {
		code = strings.ToLower(strings.TrimSpace(code))
		if seen[code] {
			continue
		}
		seen[code] = true
		wl, ok := whatlangOf(code)
		script := scriptOf[code]
		if script == nil {
			script = unicode.Latin
		}
		if !ok && scriptOf[code] == nil {
			return nil, fmt.Errorf("configuring language detector for %q: %w", code, ErrUnknownLanguage)
		}
		d.langs = append(d.langs, code)
		d.byScript[script] = append(d.byScript[script], code)
		if ok {
			o := d.whitelist[script]
			if o.Whitelist == nil {
				o.Whitelist = make(map[whatlanggo.Lang]bool)
			}
			o.Whitelist[wl] = true
			d.whitelist[script] = o
			d.toCode[wl] = code
		}
		for _, w := range stopwords[code] {
			d.stop[w] = append(d.stop[w], code)
		}
	}
	if o, ok := d.whitelist[unicode.Latin]; ok {
		d.latin = newLatinRanker(o.Whitelist)
	}
	return d, nil
}

// whatlangOf maps an ISO 639-1 code to whatlanggo's language.
func whatlangOf(code string) (whatlanggo.Lang, bool) {
	if code == "" {
		return 0, false
	}
	for l := range whatlanggo.Langs {
		if l.Iso6391() == code {
			return l, true
		}
	}
	return 0, false
}

// Languages returns the configured codes in the order given to New.
func (d *Detector) Languages() []string {
	return append([]string(nil), d.langs...)
}

// Detect returns the ISO 639-1 code of the language of text and a
// confidence in [0, 1], or "" and 0 when it cannot tell (fewer than a few
// letters, or a script none of the configured languages is written in).
// Only the first 2 KB of text are read.
func (d *Detector) Detect(text string) (code string, confidence float64) {
	if len(text) > prefixBytes {
		cut := prefixBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	counts := make([]int, len(scripts))
	letters := 0
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if r < 0x80 {
			counts[0]++
			continue
		}
		for k, sc := range scripts {
			if unicode.Is(sc, r) {
				counts[k]++
				break
			}
		}
	}
	if letters < minLetters {
		return "", 0
	}
	best := 0
	for k := range counts {
		if counts[k] > counts[best] {
			best = k
		}
	}
	script := scripts[best]
	if script == unicode.Katakana {
		script = unicode.Hiragana
	}
	share := float64(counts[best]) / float64(letters)
	cands := d.byScript[script]
	switch len(cands) {
	case 0:
		return "", 0
	case 1:
		if script != unicode.Latin {
			return cands[0], share
		}
	}
	code, conf := d.trigrams(text, script)
	if script == unicode.Latin {
		code, conf = d.vote(text, counts[best], code, conf)
	}
	if code == "" {
		return "", 0
	}
	return code, conf * share
}

// trigrams ranks the configured languages of script with whatlanggo.
func (d *Detector) trigrams(text string, script *unicode.RangeTable) (string, float64) {
	opts, ok := d.whitelist[script]
	if !ok {
		return "", 0
	}
	if len(opts.Whitelist) == 1 {
		for l := range opts.Whitelist {
			return d.toCode[l], 1
		}
	}
	var info whatlanggo.Info
	if script == unicode.Latin && d.latin != nil && onlyLatin(text) {
		info.Lang, info.Confidence = d.latin.rank(text)
	} else {
		info = whatlanggo.DetectWithOptions(text, opts)
	}
	code, ok := d.toCode[info.Lang]
	if !ok {
		return "", 0
	}
	return code, info.Confidence
}

// vote counts function words and distinctive letters of the configured
// Latin-script languages and overrides a weak trigram decision with a
// clear vote. letters is the number of Latin letters in text.
func (d *Detector) vote(text string, letters int, code string, conf float64) (string, float64) {
	type cand struct {
		code  string
		score float64
	}
	var buf [8]cand
	cs := buf[:0]
	add := func(l string, n float64) {
		for i := range cs {
			if cs[i].code == l {
				cs[i].score += n
				return
			}
		}
		cs = append(cs, cand{l, n})
	}
	// Words are the runs of letters and apostrophes of the lower-cased
	// text; an elided word counts up to its first apostrophe byte ("l'").
	var wbuf [64]byte
	w := wbuf[:0]
	flush := func() {
		if len(w) == 0 {
			return
		}
		k := w
		if i := bytes.IndexAny(k, "'’"); i > 0 {
			k = k[:i+1] // elision: l', qu'
		}
		for _, l := range d.stop[string(k)] {
			add(l, 1)
		}
		w = w[:0]
	}
	for _, r := range text {
		if r < utf8.RuneSelf {
			switch {
			case 'A' <= r && r <= 'Z':
				w = append(w, byte(r+'a'-'A'))
			case 'a' <= r && r <= 'z' || r == '\'':
				w = append(w, byte(r))
			default:
				flush()
			}
			continue
		}
		r = unicode.ToLower(r)
		if !unicode.IsLetter(r) && r != '’' {
			flush()
			continue
		}
		w = utf8.AppendRune(w, r)
	}
	flush()
	if n := strings.Count(text, "ə") + strings.Count(text, "Ə"); n > 0 && d.has("az") {
		add("az", 2+float64(n))
	}
	slices.SortFunc(cs, func(a, b cand) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return strings.Compare(a.code, b.code)
	})
	if len(cs) == 0 {
		return code, conf
	}
	top := cs[0]
	second := 0.0
	if len(cs) > 1 {
		second = cs[1].score
	}
	decisive := top.score >= 2 && top.score >= 2*second
	if top.code == code || !decisive {
		if top.code == code && conf < 0.5 && decisive {
			conf = 0.5 + conf/2 // both signals agree
		}
		return code, conf
	}
	// The vote disagrees with the trigrams: trust it on short texts or
	// when the trigram margin is thin.
	if letters < 200 || conf < 0.2 || code == "" {
		voteConf := (top.score - second) / (top.score + 1)
		return top.code, voteConf
	}
	return code, conf
}

func (d *Detector) has(code string) bool {
	for _, l := range d.langs {
		if l == code {
			return true
		}
	}
	return false
}

// stopwords are frequent function words (lower case) by language, chosen to
// tell apart the Latin-script languages the project reads. A word shared by
// two languages counts for both.
var stopwords = map[string][]string{
	"fr": strings.Fields("le la les des du et est une un dans pour pas que qui sur au aux avec ce cette il elle nous vous ont sont été selon mais ou l' d' qu' n' s' c' j' leur très"),
	"en": strings.Fields("the and of to is are was were in on with for that this not by from at he she it we they have has an be will said would which their"),
	"de": strings.Fields("der die das und ist nicht mit von den dem ein eine zu auf für sich wir sie er im auch wird hat keinen werden"),
	"es": strings.Fields("el la los las y es en un una que del por para con no se al su lo fue según pero queremos"),
	"tr": strings.Fields("ve bir bu da de ile için olarak çok daha ama gibi ne değil olan sonra kadar göre dün iki"),
	"az": strings.Fields("və bir bu da də ilə üçün olaraq çox daha amma kimi nə deyil olan sonra isə görə dünən iki"),
	"it": strings.Fields("il lo la gli le di che è per non una un con del della sono"),
	"pt": strings.Fields("o a os as e é de do da em um uma que não para com por"),
}
