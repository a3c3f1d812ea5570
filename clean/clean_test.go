package clean

import (
	"strings"
	"testing"

	"github.com/vigie-news/vigie/article"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name      string
		text, url string
		wantText  string
		wantTitle string
		wantPub   string
		wantOut   string
		wantPlace string
	}{
		{
			name:     "corpus date line and closing dateline",
			text:     " date 2023-05 Le 24 mai, le ministre a écrit aux ambassades.\n\nIl a parlé de sécurité.\n\nSTEPANAKERT, 25 MAI, ARTSAKHPRESS :",
			wantText: "Le 24 mai, le ministre a écrit aux ambassades.\n\nIl a parlé de sécurité.",
			wantPub:  "2023-05-25", wantOut: "artsakhpress.am", wantPlace: "Stepanakert",
		},
		{
			name:      "kickers, headline and newsletter trailer",
			text:      "FLASH INFO :\n\nDeux ministres se retrouvent à Genève\n\nINTERNATIONAL - Les deux ministres se sont vus jeudi à Genève pour parler de paix.\n\nQue pensez-vous de cet article ?\n\nNEWSLETTER\n\nInscrivez-vous pour suivre toute notre actualité.\n\nPoster un Commentaire",
			wantText:  "Deux ministres se retrouvent à Genève\n\nLes deux ministres se sont vus jeudi à Genève pour parler de paix.",
			wantTitle: "Deux ministres se retrouvent à Genève",
		},
		{
			name:     "social signature gives the outlet",
			text:     "Un texte sur la frontière qui parle de beaucoup de choses.\n\nRejoignez News-Front sur Facebook, GAB, Vkontakte, et Telegram pour découvrir le choix de l’équipe",
			wantText: "Un texte sur la frontière qui parle de beaucoup de choses.",
			wantOut:  "news-front.su",
		},
		{
			name:     "leading English dateline with agency in brackets",
			text:     " date 2020-11 MOSCOW (Reuters) - Officials held talks on Tuesday.\r\n\r\nMore talks\u00a0are  planned.",
			wantText: "Officials held talks on Tuesday.\n\nMore talks are planned.",
			wantPub:  "2020-11", wantOut: "reuters.com", wantPlace: "Moscow",
		},
		{
			name:     "month-day dateline with year from the date line",
			text:     " date 2023-05 STEPANAKERT, MAY 19, ARTSAKHPRESS-ARMENPRESS: Officials met.",
			wantText: "Officials met.",
			wantPub:  "2023-05-19", wantOut: "artsakhpress.am", wantPlace: "Stepanakert",
		},
		{
			name:     "URL gives outlet and day",
			text:     "Some text about talks that took place.",
			url:      "https://www.example-news.com/world/2020/11/10/talks",
			wantText: "Some text about talks that took place.",
			wantPub:  "2020-11-10", wantOut: "example-news.com",
		},
		{
			name:     "date stamp in the head refines the date line",
			text:     " date 2021-11 Un titre de dépêche\n\n27.11.2021\n\nLe texte de la dépêche commence ici.",
			wantText: "Un titre de dépêche\n\n27.11.2021\n\nLe texte de la dépêche commence ici.",
			wantPub:  "2021-11-27", wantTitle: "Un titre de dépêche",
		},
		{
			name:     "zero-width and blank lines",
			text:     "\ufeffA\u200bB text.\n\n\n\n\nSecond   line.   \n",
			wantText: "AB text.\n\nSecond line.",
		},
		{
			name:     "typographic quotes kept",
			text:     "Il a dit « non » et l’a répété.",
			wantText: "Il a dit « non » et l’a répété.",
		},
		{
			name:     "copyright and share lines dropped",
			text:     "Partager\n\nA real paragraph of the story.\n\nShare | Tweet | Email\n\n© 2024 Example Media. All rights reserved.",
			wantText: "A real paragraph of the story.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &article.Article{Text: tt.text, Raw: []byte(tt.text), URL: tt.url, Format: "text"}
			Clean(a)
			if a.Text != tt.wantText {
				t.Errorf("Text = %q, want %q", a.Text, tt.wantText)
			}
			if tt.wantTitle != "" && a.Title != tt.wantTitle {
				t.Errorf("Title = %q, want %q", a.Title, tt.wantTitle)
			}
			if a.Published.String() != tt.wantPub {
				t.Errorf("Published = %q, want %q", a.Published, tt.wantPub)
			}
			if a.Outlet != tt.wantOut {
				t.Errorf("Outlet = %q, want %q", a.Outlet, tt.wantOut)
			}
			if tt.wantPlace != "" && (a.Dateline == nil || a.Dateline.Place != tt.wantPlace) {
				t.Errorf("Dateline = %+v, want place %q", a.Dateline, tt.wantPlace)
			}
			if a.ID != article.ComputeID(a.Text) {
				t.Errorf("ID not computed")
			}
			checkRawMap(t, a)
		})
	}
}

func TestOutletFromURL(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://www.armenews.com/spip.php?page=article", "armenews.com"},
		{"https://fr.azvision.az/news/123599/x", "azvision.az"},
		{"https://davacin.blogspot.com/2023/01/x.html", "davacin.blogspot.com"},
		{"http://cozy.pub?url=https%3A%2F%2Fweb.archive.org%2Fweb%2F20201109235223%2Fhttps%3A%2F%2Fwww.bbc.com%2Fnews%2Fworld-europe-54882564", "bbc.com"},
		{"not a url", ""},
	}
	for _, tt := range tests {
		if got := OutletFromURL(tt.url); got != tt.want {
			t.Errorf("OutletFromURL(%q) = %q, want %q", tt.url, got, tt.want)
		}
	}
}

func TestDateFromURL(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://x.com/2020/11/10/story", "2020-11-10"},
		{"https://x.am/press-release/item/2023/09/19/Name", "2023-09-19"},
		{"https://x.fr/20230919-talks", "2023-09-19"},
		{"https://x.fr/a?date=2022-07-16", "2022-07-16"},
		{"https://x.blogspot.com/2012/07/story.html", "2012-07"},
		{"https://web.archive.org/web/20201109235223/https://x.com/", ""},
		{"https://x.com/news/123599", ""},
	}
	for _, tt := range tests {
		d, _ := DateFromURL(tt.url)
		if d.String() != tt.want {
			t.Errorf("DateFromURL(%q) = %q, want %q", tt.url, d, tt.want)
		}
	}
}

func TestDatelines(t *testing.T) {
	tests := []struct {
		in                  string
		place, agency       string
		month, day, year, n int
	}{
		{in: "STEPANAKERT, 25 MAI, ARTSAKHPRESS :", place: "Stepanakert", agency: "ARTSAKHPRESS", month: 5, day: 25},
		{in: "Bakou, 2 août, AZERTAC", place: "Bakou", agency: "AZERTAC", month: 8, day: 2},
		{in: "YEREVAN, November 10. /ARKA/.", place: "Yerevan", agency: "ARKA", month: 11, day: 10},
		{in: "Paris (AFP) - Texte", place: "Paris", agency: "AFP"},
		{in: "Bakou, 7 oct 2020 (AFP) - Le texte", place: "Bakou", agency: "AFP", month: 10, day: 7, year: 2020},
		{in: "EREVAN, ARKA", place: "Erevan", agency: "ARKA"},
		{in: "Le ministre, 25 ans, a parlé", n: -1},
		{in: "Paris, France", n: -1},
	}
	for _, tt := range tests {
		p, ok := matchDateline(tt.in)
		if tt.n == -1 {
			if ok {
				t.Errorf("matchDateline(%q) = %+v, want no match", tt.in, p)
			}
			continue
		}
		if !ok || p.place != tt.place || p.agency != tt.agency || p.month != tt.month || p.day != tt.day || p.year != tt.year {
			t.Errorf("matchDateline(%q) = %+v, %v", tt.in, p, ok)
		}
	}
}

// checkRawMap is the RawMap property: every mapped clean byte equals the
// raw byte it maps to, segments are sorted and inside both texts.
func checkRawMap(t *testing.T, a *article.Article) {
	t.Helper()
	prev := 0
	for _, s := range a.RawMap {
		if s.Clean < prev || s.Len <= 0 || s.Clean+s.Len > len(a.Text) || s.Raw < 0 || s.Raw+s.Len > len(a.Raw) {
			t.Fatalf("bad segment %+v (text %d, raw %d bytes)", s, len(a.Text), len(a.Raw))
		}
		if a.Text[s.Clean:s.Clean+s.Len] != string(a.Raw[s.Raw:s.Raw+s.Len]) {
			t.Fatalf("segment %+v: clean %q != raw %q", s, a.Text[s.Clean:s.Clean+s.Len], a.Raw[s.Raw:s.Raw+s.Len])
		}
		prev = s.Clean + s.Len
	}
	// Every clean byte that is not a space or newline must be mapped, unless
	// it came from normalisation (U+FFFD, or a newline from a CR).
	for i := 0; i < len(a.Text); i++ {
		c := a.Text[i]
		if c == ' ' || c == '\n' || c >= 0x80 {
			continue
		}
		if _, ok := a.RawMap.ToRaw(i); !ok {
			t.Fatalf("clean byte %d (%q) is not mapped", i, c)
		}
	}
}

func TestCleanIdempotent(t *testing.T) {
	text := " date 2022-07 Titre court\n\nPARIS (AFP) - Un texte.\n\nPartager\n\nSuite du texte."
	a := &article.Article{Text: text, Raw: []byte(text)}
	Clean(a)
	first := *a
	Clean(a)
	if a.Text != first.Text || a.Published != first.Published || a.ID != first.ID || a.Title != first.Title {
		t.Errorf("second Clean changed the article: %+v vs %+v", a, first)
	}
	checkRawMap(t, a)
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		" date 2023-05 Texte.\n\nSTEPANAKERT, 25 MAI, ARTSAKHPRESS :",
		"FLASH INFO :\n\nTitre\n\nINTERNATIONAL - Texte.\n\nNEWSLETTER\n\nx",
		"\r\n\u00a0\u200b\xff\xfe date 2020-13-45",
		"MOSCOW (Reuters) - x", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := &article.Article{Text: s, Raw: []byte(s), URL: "https://x.com/2020/11/10/" + s}
		Clean(a)
		checkRawMap(t, a)
		if strings.Contains(a.Text, "\r") || strings.Contains(a.Text, "\n\n\n") {
			t.Fatalf("not normalised: %q", a.Text)
		}
	})
}

func BenchmarkClean(b *testing.B) {
	para := "Le ministre des Affaires étrangères a rencontré son homologue à Genève pour discuter du processus de paix, a indiqué le ministère.\n\n"
	text := " date 2023-05 Un titre d’article\n\n" + strings.Repeat(para, 40) + "Partager\n\nSTEPANAKERT, 25 MAI, ARTSAKHPRESS :"
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		a := &article.Article{Text: text, Raw: []byte(text)}
		Clean(a)
	}
}

func FuzzAppendLower(f *testing.F) {
	for _, s := range []string{"Tous Droits Réservés", "ÀÉÎ İK \xff\xfe ǅ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendLower(nil, s)), strings.ToLower(s); got != want {
			t.Fatalf("appendLower(%q) = %q, want %q", s, got, want)
		}
	})
}
