package clean

import (
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"

	"github.com/vigie-news/vigie/translit"
)

// agencyOutlets maps agency signatures and site names (folded, lower case,
// spaces and hyphens removed) to the outlet's domain. Used for dateline
// agencies, HTML site names and "Join X on Facebook" signatures.
var agencyOutlets = map[string]string{
	"artsakhpress":       "artsakhpress.am",
	"armenpress":         "armenpress.am",
	"azertac":            "azertag.az",
	"azertag":            "azertag.az",
	"newsfront":          "news-front.su",
	"apa":                "apa.az",
	"afp":                "afp.com",
	"reuters":            "reuters.com",
	"ap":                 "apnews.com",
	"arka":               "arka.am",
	"news.am":            "news.am",
	"newsam":             "news.am",
	"trend":              "trend.az",
	"report":             "report.az",
	"azernews":           "azernews.az",
	"tass":               "tass.com",
	"ria":                "ria.ru",
	"rianovosti":         "ria.ru",
	"sputnik":            "sputniknews.com",
	"anadolu":            "aa.com.tr",
	"aa":                 "aa.com.tr",
	"armenews":           "armenews.com",
	"nouvellesdarmenie":  "armenews.com",
	"lagazette":          "lagazetteaz.fr",
	"lagazetteaz":        "lagazetteaz.fr",
	"azvision":           "azvision.az",
	"trtfrancais":        "trtfrancais.com",
	"euronews":           "euronews.com",
	"bbcnews":            "bbc.com",
	"bbc":                "bbc.com",
	"asbarez":            "asbarez.com",
	"hetq":               "hetq.am",
	"massispost":         "massispost.com",
	"kyivindependent":    "kyivindependent.com",
	"thekyivindependent": "kyivindependent.com",
	"alarabiya":          "alarabiya.net",
	"alarabiyaenglish":   "alarabiya.net",
	"courrierdarmenie":   "courrier.am",
	"norharatch":         "norharatch.com",
	"armenpresse":        "armenpress.am",
	"todayaz":            "today.az",
	"euractiv":           "euractiv.fr",
	"rtbf":               "rtbf.be",
	"boursorama":         "boursorama.com",
	"tf1info":            "tf1info.fr",
}

// agencyKey normalises an agency or site name for agencyOutlets.
func agencyKey(s string) string {
	s = strings.ToLower(translit.Fold(s))
	return agencyKeyReplacer.Replace(s)
}

var agencyKeyReplacer = strings.NewReplacer(" ", "", "-", "", "'", "", "’", "", "_", "")

// lookupAgency returns the outlet domain of an agency signature; for a
// compound signature ("ARTSAKHPRESS-ARMENPRESS") the first known part wins.
func lookupAgency(s string) (string, bool) {
	if d, ok := agencyOutlets[agencyKey(s)]; ok {
		return d, true
	}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == ' ' }) {
		if d, ok := agencyOutlets[agencyKey(part)]; ok {
			return d, true
		}
	}
	return "", false
}

// OutletFromURL returns the outlet of a URL: its registrable domain
// ("fr.azvision.az" -> "azvision.az", "davacin.blogspot.com" kept, as
// blogspot.com is a public suffix). Wrapped URLs (web.archive.org
// snapshots, "?url=" redirectors) are unwrapped first. "" when none.
func OutletFromURL(raw string) string {
	u := unwrapURL(raw, 3)
	if u == nil {
		return ""
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	host = strings.TrimPrefix(host, "www.")
	if host == "" {
		return ""
	}
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// unwrapURL parses raw and follows archive and redirector wrappers.
func unwrapURL(raw string, depth int) *url.URL {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return nil
	}
	if depth == 0 {
		return u
	}
	for _, k := range []string{"url", "u", "q", "target"} {
		if v := u.Query().Get(k); strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") {
			if in := unwrapURL(v, depth-1); in != nil {
				return in
			}
		}
	}
	if strings.HasSuffix(u.Hostname(), "archive.org") || strings.HasPrefix(u.Hostname(), "archive.") {
		p := u.Path
		if i := strings.Index(p, "/http"); i >= 0 {
			inner := p[i+1:]
			inner = strings.Replace(strings.Replace(inner, "https:/", "https://", 1), "http:/", "http://", 1)
			inner = strings.Replace(inner, ":///", "://", 1)
			if in := unwrapURL(inner, depth-1); in != nil {
				return in
			}
		}
	}
	return u
}
