package clean

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// referenceMatch is how line tables were first matched: each pattern on
// its own.
func referenceMatch(patterns []string, s string) bool {
	for _, p := range patterns {
		re, ok := referenceREs.Load(p)
		if !ok {
			re, _ = referenceREs.LoadOrStore(p, regexp.MustCompile(`(?i)^(?:`+p+`)$`))
		}
		if re.(*regexp.Regexp).MatchString(s) {
			return true
		}
	}
	return false
}

var referenceREs sync.Map

func checkLineSets(t *testing.T, s string) {
	t.Helper()
	for _, ls := range []*lineSet{trailerMarkers, dropLines, kickerLines} {
		if got, want := ls.match(s), referenceMatch(ls.patterns, s); got != want {
			t.Errorf("match(%q) = %v, reference %v", s, got, want)
		}
	}
}

func TestLineSetMatchesReference(t *testing.T) {
	lines := []string{"", " ", "Newsletter", "NEWSLETTER", "newsletters", "Partager", "Share | Tweet | Email", "Tags : paix, frontière",
		"12 commentaires", "commentaires (3)", "À lire aussi :", "a lire aussi", "Réagissez", "REAGISSEZ", "Sign in to continue reading",
		"ſhare", "•  red'action", "Getty Images |", "Le ministre a rencontré son homologue.", "The talks covered the border.",
		"Kelvin", "\u212aelvin", "ßhare", "Ⓐvatar", "\xffnewsletter"}
	lines = append(lines, matchingLines...)
	for _, dir := range []string{"seeds", "dev", "dev-en"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", dir, "*.txt"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range strings.Split(string(b), "\n") {
				lines = append(lines, lineKey(l))
			}
		}
	}
	for _, l := range lines {
		checkLineSets(t, l)
	}
}

func FuzzLineSet(f *testing.F) {
	for _, s := range append(append(append([]string{"Newsletter", "Tags : x", "12 comments", "Share | Tweet", "Le ministre"}, matchingLines...), kickerPrefixLines...), signatureLines...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 600 {
			return
		}
		checkLineSets(t, s)
		if kickerPrefixRe.MatchString(s) && !kickerPrefixes.mayMatch(s) {
			t.Errorf("kickerPrefixRe matches %q, kickerPrefixes says no", s)
		}
		if signatureRe.MatchString(s) && !signaturePrefixes.mayMatch(s) {
			t.Errorf("signatureRe matches %q, signaturePrefixes says no", s)
		}
	})
}

// matchingLines match the tables' patterns in various ways (case, optional
// parts, repetitions), for the prefix filter's tests.
var matchingLines = []string{
	"x", "X", "x | Facebook", "X :", "x|facebook", "x • VK", "Facebook / Twitter / WhatsApp:", "E-mail", "email", "Copy link",
	"vk", "VKontakte", "- red'action", "–red'action", "RED'ACTION", "Asset 7", "asset 123", "End of content", "end of content now",
	"Your search did not match any articles", "Getty Images", "getty images |", "AD", "Publicité", "publicite", "Sponsored",
	"Log in", "sign in to read more", "Se connecter ici", "Connectez-vous", "Rechercher", "Fermer ce champ de recherche.",
	"Skip to main content", "skip to content", "Aller au contenu principal", "Accueil", "Menu", "Home",
	"Que pensez-vous de cet article ?", "Inscrivez-vous", "inscrivez-vous gratuitement", "Abonnez-vous à notre newsletter",
	"abonnez-vous a la newsletter du soir", "Reagissez", "Poster un commentaire", "Soyez le premier à commenter",
	"commentaire", "3 commentaires", "12commentaires", "Réseaux sociaux", "Lire aussi", "À lire également :", "a lire aussi:",
	"Voir aussi :", "See also", "Sur le même sujet", "Articles liés", "articles similaires :", "Dans la même rubrique",
	"Partager cet article", "partager sur Facebook", "Me notifier des", "wpDiscuz", "Share this", "share this story:",
	"Follow us on", "follow us on Telegram", "Subscribe to our newsletter", "Sign up for the newsletter today",
	"Related articles", "related news :", "Read more", "READ MORE:", "More from this author", "You may also like",
	"Leave a comment", "leave a reply", "comments", "7 comments", "Recommended", "recommended for you:", "Most read",
	"most popular :", "Tag:", "tags : paix", "Comments (12)", "Write a comment", "Post a comment", "No comments",
	"Commentaires (0)", "v\u212a", "ſhare this", "v\u212aontakte",
	"FLASH INFO :", "Breaking news", "ÉCONOMIE", "économie -", "En direct |", "video", "Just in:",
}

// kickerPrefixLines start with kickers, or nearly.
var kickerPrefixLines = []string{
	"INTERNATIONAL - L'Azerbaïdjan a dit", "Flash info : texte", "URGENT | x y", "Économie — la suite", "live: a",
	"Breaking news :  the", "Monde -texte", "Politique", "info:", "Infos :\tx", "ALERTE INFO - ", "Just in - b",
}

// TestKickerPrefixes: the filter lets every kickerPrefixRe match through.
func TestKickerPrefixes(t *testing.T) {
	if kickerPrefixes == nil || kickerLines.prefix == nil {
		t.Fatal("no kicker prefix filter")
	}
	matched := 0
	for _, s := range append(append([]string{}, kickerPrefixLines...), matchingLines...) {
		if kickerPrefixRe.MatchString(s) {
			matched++
			if !kickerPrefixes.mayMatch(s) {
				t.Errorf("kickerPrefixRe matches %q, kickerPrefixes says no", s)
			}
		}
	}
	if matched < 8 {
		t.Errorf("only %d lines start with a kicker", matched)
	}
	for _, s := range []string{"The talks", "Le ministre", "Information"} {
		if kickerPrefixes.mayMatch(s) && kickerPrefixRe.MatchString(s) {
			t.Errorf("%q starts with a kicker", s)
		}
	}
}

// TestSignaturePrefixes: the filter lets every signatureRe match through.
func TestSignaturePrefixes(t *testing.T) {
	if signaturePrefixes == nil {
		t.Fatal("no signature prefix filter")
	}
	for _, s := range signatureLines {
		if !signatureRe.MatchString(s) {
			t.Errorf("%q is not a signature", s)
		}
		if !signaturePrefixes.mayMatch(s) {
			t.Errorf("signatureRe matches %q, signaturePrefixes says no", s)
		}
	}
	if signaturePrefixes.mayMatch("Le ministre a rejoint") {
		t.Error("an ordinary line passes the signature filter")
	}
}

var signatureLines = []string{"Rejoignez Nouvelles d'Arménie sur Facebook", "JOIN News Front on Telegram", "suivez nous sur X ",
	"Follow  AZERTAC on X", "Retrouvez\tle journal sur VK", "ſuivez ab on x"}

// TestReplaceKeyRunes: as the strings.Replacer it stands for.
func TestReplaceKeyRunes(t *testing.T) {
	for _, s := range replaceKeyLines {
		checkReplaceKeyRunes(t, s)
	}
}

var replaceKeyLines = []string{"", "l’Arménie", "‘a’…\u00a0b", "…", "\u00a0", "\xe2\x80", "\xe2\x80\x99\xc2", "x\xc2\xa0\xc2\xa0y", "«\u202f»", "—"}

var keyReplacer = strings.NewReplacer("’", "'", "‘", "'", "…", "", "\u00a0", " ")

func checkReplaceKeyRunes(t *testing.T, s string) {
	t.Helper()
	if got, want := replaceKeyRunes(s), keyReplacer.Replace(s); got != want {
		t.Errorf("replaceKeyRunes(%q) = %q, want %q", s, got, want)
	}
}

func FuzzReplaceKeyRunes(f *testing.F) {
	for _, s := range replaceKeyLines {
		f.Add(s)
	}
	f.Fuzz(checkReplaceKeyRunes)
}

// TestPrefixFilters: the boilerplate tables get a prefix filter (a table
// without one is matched correctly, only more slowly).
func TestPrefixFilters(t *testing.T) {
	for name, ls := range map[string]*lineSet{"trailerMarkers": trailerMarkers, "dropLines": dropLines} {
		if ls.prefix == nil {
			t.Errorf("%s has no prefix filter", name)
		}
	}
	for _, tc := range []struct {
		patterns []string
		yes, no  []string
	}{
		{[]string{`ab+c`}, []string{"abc", "abbbbbc"}, []string{"ac", "abd", "xabc"}},
		{[]string{`a?b*`}, []string{"", "a", "b", "abbbbb"}, []string{"c", "ba"}},
		{[]string{`x{2,3}y`}, []string{"xxy", "xxxy"}, []string{"xy", "xxxxy"}},
		{[]string{`(?:ab)*c`, `d.{0,3}`}, []string{"c", "ababc", "d", "dzzz"}, []string{"abab", "dzzzz", "ac"}},
		{[]string{`\d* ?é+`}, []string{"é", "12 éé", " É"}, []string{"12", "e"}},
	} {
		ls := compileLines(tc.patterns...)
		if ls.prefix == nil {
			t.Errorf("%q: no prefix filter", tc.patterns)
			continue
		}
		for _, s := range tc.yes {
			if !ls.match(s) {
				t.Errorf("%q: %q does not match", tc.patterns, s)
			}
		}
		for _, s := range tc.no {
			if ls.match(s) {
				t.Errorf("%q: %q matches", tc.patterns, s)
			}
			if got, want := ls.match(s), referenceMatch(tc.patterns, s); got != want {
				t.Errorf("%q: match(%q) = %v, reference %v", tc.patterns, s, got, want)
			}
		}
	}
}

// TestDropContainsCommon: a group's common text is in each of its phrases.
func TestDropContainsCommon(t *testing.T) {
	for _, d := range dropContains {
		for _, p := range d.phrases {
			if !strings.Contains(p, d.common) {
				t.Errorf("%q does not contain %q", p, d.common)
			}
		}
	}
}
