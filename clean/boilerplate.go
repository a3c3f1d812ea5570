package clean

import (
	"bytes"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Boilerplate rules are data: each table below is one kind of rule; the
// patterns are matched against a whole line with its surrounding spaces
// trimmed, case-insensitively, after folding typographic apostrophes.

// trailerMarkers are strong markers of the scraper's trailing block
// (newsletter, comments, sharing, related links): the text is cut from the
// first of them to the end when it stands late in the text or when no real
// paragraph follows it.
var trailerMarkers = compileLines(
	// French
	`que pensez-vous de cet article\s*\?`,
	`newsletter`,
	`inscrivez-vous\b.*`,
	`abonnez-vous (?:a|à) (?:notre|la) newsletter.*`,
	`r[ée]agissez`,
	`poster un commentaire`,
	`laisser un commentaire`,
	`laissez un commentaire`,
	`soyez le premier (?:a|à) commenter.*`,
	`\d* ?commentaires?`,
	`r[ée]seaux sociaux`,
	`(?:(?:a|à) )?lire (?:aussi|[ée]galement)\s*:?`,
	`voir aussi\s*:?`,
	`see also\s*:?`,
	`sur le m[êe]me sujet\s*:?`,
	`articles? (?:similaires|li[ée]s|connexes)\s*:?`,
	`dans la m[êe]me rubrique\s*:?`,
	`partager (?:cet article|sur).*`,
	`me notifier des`,
	`wpdiscuz`,
	// English
	`share this(?: article| story| post)?\s*:?`,
	`follow us on\b.*`,
	`subscribe to (?:our|the) newsletter.*`,
	`sign up (?:for|to) (?:our|the) newsletter.*`,
	`related (?:articles|stories|posts|news)\s*:?`,
	`read more\s*:?`,
	`more (?:from|on) this\b.*`,
	`you may also like\s*:?`,
	`leave a (?:comment|reply)`,
	`\d* ?comments?`,
	`recommended(?: for you)?\s*:?`,
	`most (?:read|popular)\s*:?`,
	`tags?\s*:.*`,
	`comments? \(\d+\)`,
	`(?:write|post) a comment`,
	`no comments\s*:?`,
	`commentaires? \(\d+\)`,
)

// dropLines are removed wherever they stand: share bars, social links,
// copyright and cookie notices, "Join X on Facebook ..." signatures.
var dropLines = compileLines(
	`(?:partager|partagez|share|tweet|imprimer|print|e-?mail|copy link|copier le lien|whatsapp|facebook|twitter|x|telegram|linkedin|vkontakte|vk|pinterest|reddit|messenger|gab|instagram|youtube)(?:\s*[|•·,/]?\s*(?:partager|share|tweet|imprimer|print|e-?mail|copy link|whatsapp|facebook|twitter|x|telegram|linkedin|vkontakte|vk|pinterest|reddit|messenger|gab|instagram|youtube))*\s*:?`,
	`[•·\-–]?\s*(?:red'action)`,
	`this audio is created with ai assistance`,
	`asset \d+`,
	`end of content\b.{0,40}`,
	`your search did not match any articles`,
	`getty images\s*\|?`,
	`(?:avatar|publicit[ée]|advertisement|sponsored|ad)`,
	`(?:connectez-vous|se connecter|log in|sign in)\b.{0,80}`,
	`(?:rechercher|recherche|fermer ce champ de recherche\.?|search|menu|fermer|close|skip to (?:main )?content|aller au contenu(?: principal)?|accueil|home)`,
)

// dropContains are lines dropped when they contain one of the phrases
// (lower case) and are at most maxLen bytes long: copyright and cookie
// notices. Checked with strings.Contains, which is much cheaper than
// bounded-repetition regular expressions.
var dropContains = []struct {
	// common is contained in every phrase of the group ("" if none is):
	// a line without it need not be searched for the phrases.
	common  string
	phrases []string
	maxLen  int
}{
	{"", []string{"©", "(c) ", "copyright "}, 200},
	{"droits r", []string{"tous droits réservés", "tous droits reserves"}, 260},
	{"rights reserved", []string{"all rights reserved"}, 260},
	{"cookies", []string{"we use cookies", "uses cookies", "nous utilisons des cookies", "utilise des cookies", "accepter les cookies", "accept cookies", "accept all cookies"}, 500},
}

// socialNetworks are the names a "Join X on Facebook, Telegram" line lists.
var socialNetworks = []string{"facebook", "twitter", "telegram", "vkontakte", "instagram", "youtube", "gab", "linkedin", "tiktok"}

// dropLine reports whether a line (as given by lineKey) is boilerplate to
// drop wherever it stands.
func dropLine(k string) bool {
	if matchAny(dropLines, k) {
		return true
	}
	if len(k) > 500 {
		return false
	}
	var buf [512]byte
	low := appendLower(buf[:0], k)
	for _, d := range dropContains {
		if len(k) > d.maxLen || d.common != "" && !bytes.Contains(low, []byte(d.common)) {
			continue
		}
		for _, p := range d.phrases {
			if bytes.Contains(low, []byte(p)) {
				return true
			}
		}
	}
	if len(k) <= 300 && signaturePrefixes.mayMatch(k) && signatureRe.MatchString(k) {
		for _, n := range socialNetworks {
			if bytes.Contains(low, []byte(n)) {
				return true
			}
		}
	}
	return false
}

// appendLower appends strings.ToLower(s) to dst without allocating a
// string.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r)) // invalid bytes become U+FFFD, as in strings.ToLower
		i += n
	}
	return dst
}

// signatureRe captures the outlet of a "Join X on Facebook" signature.
var signatureRe = regexp.MustCompile(`(?i)^(?:rejoignez|suivez|retrouvez|join|follow)\s+(.{2,40}?)\s+(?:sur|on)\s`)

// signaturePrefixes rejects most lines signatureRe does not match.
var signaturePrefixes = newPrefixFilter([]*syntax.Regexp{mustParse(signatureRe.String())}, true)

// kickers are section labels and alerts that start a text or a paragraph:
// a line made only of a kicker is dropped, a kicker followed by a separator
// is cut from the start of its line ("INTERNATIONAL - L'Azerbaïdjan ...").
var kickers = []string{
	"flash info", "flash", "info", "infos", "urgent", "alerte", "alerte info", "en direct", "direct",
	"exclusif", "exclusivité", "dernière minute", "dernière heure", "international", "monde", "politique",
	"économie", "economie", "société", "societe", "diplomatie", "europe", "caucase", "arménie", "armenie",
	"azerbaïdjan", "azerbaidjan", "actualité", "actualités", "actualite", "analyse", "opinion", "tribune",
	"breaking", "breaking news", "live", "update", "updated", "exclusive", "world", "politics", "news",
	"latest", "just in", "analysis", "video", "vidéo", "photos", "en images", "region", "région", "nation",
}

// kickerLines matches a line that is only a kicker ("FLASH INFO :").
var kickerLines = compileLines(`(?:` + kickerAlternation() + `)\s*[:\-–—|]?\s*`)

// kickerPrefixRe matches a kicker followed by a separator at a line start.
var kickerPrefixRe = regexp.MustCompile(`(?i)^(` + kickerAlternation() + `)\s*(?:[:|]|\s[\-–—])\s+`)

// kickerPrefixes rejects most lines kickerPrefixRe does not match.
var kickerPrefixes = newPrefixFilter([]*syntax.Regexp{mustParse(kickerPrefixRe.String())}, true)

func kickerAlternation() string {
	q := make([]string, len(kickers))
	for i, k := range kickers {
		q[i] = regexp.QuoteMeta(k)
	}
	return strings.Join(q, "|")
}

// lineKey prepares a line for the tables: trimmed, typographic apostrophes
// folded, trailing ellipsis and punctuation spaces normalised.
func lineKey(s string) string {
	s = strings.TrimSpace(s)
	// ’ ‘ … start with the byte 0xE2, the no-break space with 0xC2.
	if strings.IndexByte(s, 0xE2) >= 0 || strings.IndexByte(s, 0xC2) >= 0 {
		s = replaceKeyRunes(s)
	}
	return strings.TrimSpace(s)
}

// replaceKeyRunes replaces ’ and ‘ with ', the no-break space with a space
// and drops …, as strings.NewReplacer("’", "'", "‘", "'", "…", "",
// "\u00a0", " ").Replace would (none of these is a prefix of another), in
// one pass that copies nothing when there is nothing to replace.
func replaceKeyRunes(s string) string {
	var b []byte
	last := 0 // s[:last] is in b (when b is not nil)
	for i := 0; i < len(s); i++ {
		var repl string
		var n int
		switch c := s[i]; {
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x98 || s[i+2] == 0x99):
			repl, n = "'", 3
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0xA6:
			repl, n = "", 3
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0:
			repl, n = " ", 2
		default:
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(s))
		}
		b = append(b, s[last:i]...)
		b = append(b, repl...)
		i += n - 1
		last = i + 1
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// matchAny reports whether one of ls's patterns matches the line key s;
// keys longer than 600 bytes never match.
func matchAny(ls *lineSet, s string) bool {
	return len(s) <= 600 && ls.match(s)
}
