package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The sentences below are written for these tests; the wording is ours.
var sentenceTests = []struct {
	name, lang, in string
	want           []string
}{
	{"empty", "fr", "", nil},
	{"one", "fr", "Le ministre est arrivé.", []string{"Le ministre est arrivé."}},
	{"no final punct", "fr", "Le ministre est arrivé", []string{"Le ministre est arrivé"}},
	{"two", "fr", "Le ministre est arrivé. Il a parlé.", []string{"Le ministre est arrivé.", "Il a parlé."}},
	{"question", "fr", "Qui paiera ? Personne.", []string{"Qui paiera ?", "Personne."}},
	{"exclamation", "fr", "Enfin ! La paix.", []string{"Enfin !", "La paix."}},
	{"interrobang", "fr", "Vraiment ?! Oui.", []string{"Vraiment ?!", "Oui."}},
	{"semicolon", "fr", "Il est parti ; elle est restée.", []string{"Il est parti ;", "elle est restée."}},
	{"ellipsis", "fr", "Il hésite… Puis il signe.", []string{"Il hésite…", "Puis il signe."}},
	{"ellipsis dots", "fr", "Il hésite... Puis il signe.", []string{"Il hésite...", "Puis il signe."}},
	{"ellipsis lower", "fr", "Il hésite… puis il signe.", []string{"Il hésite… puis il signe."}},
	{"cut in quote", "fr", "« Nous (…) refusons », dit-il.", []string{"« Nous (…) refusons », dit-il."}},
	{"cut bracket", "fr", "« Nous […] Refusons », dit-il.", []string{"« Nous […] Refusons », dit-il."}},
	{"lower after period", "fr", "Il cite l’art. premier du texte.", []string{"Il cite l’art. premier du texte."}},
	{"number next", "fr", "Ils étaient nombreux. 300 soldats sont morts.", []string{"Ils étaient nombreux.", "300 soldats sont morts."}},
	// Quotes.
	{"quote then said", "fr", "« Nous ne céderons pas », a déclaré le ministre. Il est parti.", []string{"« Nous ne céderons pas », a déclaré le ministre.", "Il est parti."}},
	{"period inside quote then said", "fr", "« Nous ne céderons pas. » a-t-il dit.", []string{"« Nous ne céderons pas. » a-t-il dit."}},
	{"two sentences in quote", "fr", "« Nous ne céderons pas. Jamais. », a déclaré X.", []string{"« Nous ne céderons pas.", "Jamais. », a déclaré X."}},
	{"exclamation in quote", "fr", "« Non ! » a-t-il crié. Puis il est sorti.", []string{"« Non ! » a-t-il crié.", "Puis il est sorti."}},
	{"quote closes sentence", "fr", "Il a dit : « C’est fini. » Le silence a suivi.", []string{"Il a dit : « C’est fini. »", "Le silence a suivi."}},
	{"quote opens sentence", "fr", "Il est arrivé. « Bonjour », a-t-il dit.", []string{"Il est arrivé.", "« Bonjour », a-t-il dit."}},
	{"english quotes", "en", "\"We will not yield.\" The minister left.", []string{"\"We will not yield.\"", "The minister left."}},
	{"english curly quotes", "en", "“We will not yield,” he said. Then he left.", []string{"“We will not yield,” he said.", "Then he left."}},
	{"english period in quote said", "en", "“No.” she said.", []string{"“No.” she said."}},
	{"bracket closes", "fr", "Il a signé (enfin.) Le texte est public.", []string{"Il a signé (enfin.)", "Le texte est public."}},
	{"dash continues", "fr", "« Non ! » — a-t-il répondu.", []string{"« Non ! » — a-t-il répondu."}},
	{"dash dialogue", "fr", "Il a parlé. — Oui, dit-elle.", []string{"Il a parlé.", "— Oui, dit-elle."}},
	// Abbreviations and initials.
	{"M.", "fr", "M. Pachinian a parlé avec M. Aliev.", []string{"M. Pachinian a parlé avec M. Aliev."}},
	{"Mme", "fr", "Mme Zakharova a répondu. Le ministre aussi.", []string{"Mme Zakharova a répondu.", "Le ministre aussi."}},
	{"MM.", "fr", "MM. Mirzoyan et Bayramov se sont vus.", []string{"MM. Mirzoyan et Bayramov se sont vus."}},
	{"Dr", "fr", "Le Dr. Martin a soigné les blessés.", []string{"Le Dr. Martin a soigné les blessés."}},
	{"Mgr", "fr", "Mgr. Dupont a prié. Puis il est parti.", []string{"Mgr. Dupont a prié.", "Puis il est parti."}},
	{"av. J.-C.", "fr", "Fondée en 782 av. J.-C. la ville est ancienne.", []string{"Fondée en 782 av. J.-C. la ville est ancienne."}},
	{"J.-C. ends", "fr", "Fondée en 782 av. J.-C. Elle est ancienne.", []string{"Fondée en 782 av. J.-C.", "Elle est ancienne."}},
	{"etc. ends", "fr", "Des armes, des drones, etc. Le stock est énorme.", []string{"Des armes, des drones, etc.", "Le stock est énorme."}},
	{"etc. continues", "fr", "Des armes, des drones, etc. ont été livrés.", []string{"Des armes, des drones, etc. ont été livrés."}},
	{"p. ex.", "fr", "Des villes, p. ex. Bakou, ont réagi.", []string{"Des villes, p. ex. Bakou, ont réagi."}},
	{"date abbrev", "fr", "Le 1er janv. 2021 tout a changé.", []string{"Le 1er janv. 2021 tout a changé."}},
	{"date abbrev name", "fr", "Le 5 sept. Aliev a parlé.", []string{"Le 5 sept. Aliev a parlé."}},
	{"initial", "fr", "J. Biden a appelé N. Pachinian.", []string{"J. Biden a appelé N. Pachinian."}},
	{"initial en", "en", "J. Biden called N. Pashinyan.", []string{"J. Biden called N. Pashinyan."}},
	{"middle initial", "en", "John F. Kennedy spoke. He left.", []string{"John F. Kennedy spoke.", "He left."}},
	{"initial at end", "fr", "Il a choisi le plan B. Le plan A a échoué.", []string{"Il a choisi le plan B.", "Le plan A a échoué."}},
	{"Mr.", "en", "Mr. Blinken met Mr. Lavrov. They talked.", []string{"Mr. Blinken met Mr. Lavrov.", "They talked."}},
	{"Gen.", "en", "Gen. Smith and Lt. Jones arrived.", []string{"Gen. Smith and Lt. Jones arrived."}},
	{"No.", "en", "Resolution No. 5 passed.", []string{"Resolution No. 5 passed."}},
	{"Jan.", "en", "On Jan. 5, 2021 the talks began.", []string{"On Jan. 5, 2021 the talks began."}},
	{"U.S. continues", "en", "The U.S. State Department said so.", []string{"The U.S. State Department said so."}},
	{"U.S. ends", "en", "He flew to the U.S. The talks began.", []string{"He flew to the U.S.", "The talks began."}},
	{"U.N.", "en", "The U.N. Security Council met. It voted.", []string{"The U.N. Security Council met.", "It voted."}},
	{"a.m.", "en", "It began at 9 a.m. Monday.", []string{"It began at 9 a.m. Monday."}},
	{"e.g.", "en", "Some states, e.g. France, agreed.", []string{"Some states, e.g. France, agreed."}},
	{"Inc. ends", "en", "He founded Acme Inc. The firm grew.", []string{"He founded Acme Inc.", "The firm grew."}},
	{"St.", "en", "He visited St. Petersburg.", []string{"He visited St. Petersburg."}},
	{"number period", "fr", "En 2020. Puis en 2021.", []string{"En 2020.", "Puis en 2021."}},
	{"url period", "fr", "Voir https://example.com/a. Merci.", []string{"Voir https://example.com/a.", "Merci."}},
	{"domain", "fr", "Selon news.am, la réunion a eu lieu.", []string{"Selon news.am, la réunion a eu lieu."}},
	{"decimal", "fr", "La croissance est de 3.5 pour cent. Elle ralentit.", []string{"La croissance est de 3.5 pour cent.", "Elle ralentit."}},
	// Line and paragraph breaks.
	{"headline", "fr", "Rencontre à Tbilissi\nLes ministres se sont vus.", []string{"Rencontre à Tbilissi", "Les ministres se sont vus."}},
	{"headline blank", "fr", "Rencontre à Tbilissi\n\nLes ministres se sont vus.", []string{"Rencontre à Tbilissi", "Les ministres se sont vus."}},
	{"date line", "fr", " date 2022-07\nRencontre à Tbilissi\nLes ministres se sont vus.", []string{"date 2022-07", "Rencontre à Tbilissi", "Les ministres se sont vus."}},
	{"headline colon", "fr", "Karabakh : le point\nLes combats continuent.", []string{"Karabakh : le point", "Les combats continuent."}},
	{"paragraph", "fr", "Premier paragraphe sans point\n\nsecond paragraphe.", []string{"Premier paragraphe sans point", "second paragraphe."}},
	{"paragraph crlf", "fr", "Un.\r\n\r\nDeux.", []string{"Un.", "Deux."}},
	{"paragraph spaces", "fr", "Un\n   \nDeux", []string{"Un", "Deux"}},
	{"soft wrap", "fr", "Les ministres se sont\nrencontrés hier.", []string{"Les ministres se sont\nrencontrés hier."}},
	{"wrap after title", "fr", "Il a vu M.\nPachinian hier.", []string{"Il a vu M.\nPachinian hier."}},
	{"wrap after comma", "fr", "Il a vu,\nPachinian hier.", []string{"Il a vu,\nPachinian hier."}},
	{"wrap after bracket", "fr", "Il a vu (\nPachinian) hier.", []string{"Il a vu (\nPachinian) hier."}},
	{"wrap before name", "en", "He met\nPashinyan.", []string{"He met", "Pashinyan."}},
	{"quote at line end", "fr", "« Non », dit-il.\n« Oui », dit-elle.", []string{"« Non », dit-il.", "« Oui », dit-elle."}},
	{"closer at line start", "fr", "Il a dit « non.\n» Puis rien.", []string{"Il a dit « non.", "» Puis rien."}},
	{"bullets", "fr", "- premier\n- second", []string{"- premier", "- second"}},
	{"line separator", "fr", "Un\u2029Deux", []string{"Un", "Deux"}},
	{"armenian full stop", "", "Նախարարը ժամանեց։ Նա խոսեց։", []string{"Նախարարը ժամանեց։", "Նա խոսեց։"}},
	{"russian", "", "Министр прибыл. Он выступил.", []string{"Министр прибыл.", "Он выступил."}},
	{"only punct", "fr", "...", []string{"..."}},
	{"trailing space", "fr", "  Fin.  ", []string{"Fin."}},
}

func TestSentences(t *testing.T) {
	for _, tt := range sentenceTests {
		t.Run(tt.name, func(t *testing.T) {
			spans := Sentences(tt.in, tt.lang)
			var got []string
			for _, sp := range spans {
				got = append(got, tt.in[sp.Start:sp.End])
			}
			if strings.Join(got, "⏎") != strings.Join(tt.want, "⏎") {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestAnalyzeMatchesSentences(t *testing.T) {
	for _, tt := range sentenceTests {
		sents := Analyze(tt.in, tt.lang)
		spans := Sentences(tt.in, tt.lang)
		if len(sents) != len(spans) {
			t.Fatalf("%s: Analyze gives %d sentences, Sentences %d", tt.name, len(sents), len(spans))
		}
		toks := Tokenize(tt.in, tt.lang)
		starts := SentenceTokens(tt.in, toks, tt.lang)
		if len(starts) != len(sents) {
			t.Fatalf("%s: SentenceTokens gives %d sentences, Analyze %d", tt.name, len(starts), len(sents))
		}
		checkSentences(t, tt.in, sents)
		for i := range sents {
			if sents[i].Span != spans[i] {
				t.Errorf("%s: sentence %d span %+v != %+v", tt.name, i, sents[i].Span, spans[i])
			}
		}
	}
}

// checkSentences verifies that sentences are ordered, non-overlapping, hold
// every token exactly once and span from their first to their last token.
func checkSentences(t *testing.T, s string, sents []Sentence) {
	t.Helper()
	var all []Token
	prevEnd := 0
	for i, st := range sents {
		if len(st.Tokens) == 0 {
			t.Fatalf("sentence %d has no tokens", i)
		}
		if st.Start != st.Tokens[0].Start || st.End != st.Tokens[len(st.Tokens)-1].End {
			t.Fatalf("sentence %d span %+v does not match its tokens", i, st.Span)
		}
		if st.Start < prevEnd {
			t.Fatalf("sentence %d starts at %d before previous end %d", i, st.Start, prevEnd)
		}
		prevEnd = st.End
		all = append(all, st.Tokens...)
	}
	checkTokens(t, s, all)
}

// TestCorpusInvariants runs the tokeniser and splitter over the shared
// corpus and checks offsets and a plausible sentence length.
func TestCorpusInvariants(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "corpus")
	files, _ := filepath.Glob(filepath.Join(root, "*", "*.txt"))
	if len(files) == 0 {
		t.Skipf("corpus not available under %s", root)
	}
	var nSent, nTok, long int
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("reading %s: %v", f, err)
		}
		s := string(b)
		lang := "fr"
		if strings.Contains(f, "dev-en") {
			lang = "en"
		}
		toks := Tokenize(s, lang)
		checkTokens(t, s, toks)
		sents := Analyze(s, lang)
		checkSentences(t, s, sents)
		n := 0
		for _, st := range sents {
			n += len(st.Tokens)
			if len(st.Tokens) > 120 {
				long++
				t.Logf("%s: long sentence (%d tokens): %.80q…", filepath.Base(f), len(st.Tokens), s[st.Start:st.End])
			}
		}
		if n != len(toks) {
			t.Errorf("%s: sentences hold %d tokens, Tokenize gives %d", f, n, len(toks))
		}
		nSent += len(sents)
		nTok += len(toks)
	}
	t.Logf("%d files, %d sentences, %d tokens, %d sentences over 120 tokens", len(files), nSent, nTok, long)
	if long*50 > nSent {
		t.Errorf("%d of %d sentences are over 120 tokens: splitting is failing", long, nSent)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, tt := range tokenizeTests {
		f.Add(tt.in, tt.lang)
	}
	f.Fuzz(func(t *testing.T, s, lang string) {
		checkTokens(t, s, Tokenize(s, lang))
	})
}

func FuzzAnalyze(f *testing.F) {
	for _, tt := range sentenceTests {
		f.Add(tt.in, tt.lang)
	}
	f.Fuzz(func(t *testing.T, s, lang string) {
		sents := Analyze(s, lang)
		checkSentences(t, s, sents)
		n := 0
		for _, st := range sents {
			n += len(st.Tokens)
		}
		if toks := Tokenize(s, lang); n != len(toks) {
			t.Fatalf("sentences hold %d tokens, Tokenize gives %d", n, len(toks))
		}
	})
}
