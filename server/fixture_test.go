package server

import (
	"context"
	"strings"
	"testing"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/store/sqlite"
)

// span finds the n-th occurrence (0-based) of sub in text.
func span(t testing.TB, text, sub string) article.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("fixture: %q not in text", sub)
	}
	return article.Span{Start: i, End: i + len(sub)}
}

type fixMention struct{ text, entity, name string }

// fixArticle builds an annotated article from sentences written for these tests.
func fixArticle(t testing.TB, outlet, lang string, pub article.Date, text string, ments []fixMention, evType string, src, tgt fixMention, evDate article.Date) *article.Article {
	t.Helper()
	a := &article.Article{ID: article.ComputeID(text), Path: "fixture/" + outlet + ".txt", Outlet: outlet, Lang: lang, Published: pub,
		Text: text, Format: "text", Title: strings.SplitN(text, "\n", 2)[0]}
	start := 0
	for i, c := range text {
		if c == '\n' || c == '.' || i == len(text)-1 {
			end := i + 1
			if start < end {
				a.Sentences = append(a.Sentences, article.Span{Start: start, End: end})
			}
			start = end
		}
	}
	typ := map[string]article.EntityType{"Q399": article.TypeState, "Q227": article.TypeState, "Q1": article.TypePerson}
	for _, m := range ments {
		et, ok := typ[m.entity]
		if !ok {
			et = article.TypePerson
		}
		a.Mentions = append(a.Mentions, article.Mention{Span: span(t, text, m.text), Text: m.text, Type: et, Kind: article.KindName,
			Entity: m.entity, Name: m.name, Confidence: 0.9})
	}
	if evType != "" {
		sp := span(t, text, src.text)
		tsp := span(t, text, tgt.text)
		sent := a.Sentences[0]
		for _, s := range a.Sentences {
			if s.Start <= sp.Start && sp.Start < s.End {
				sent = s
			}
		}
		a.Events = []article.Event{{ID: a.ID + "-e0", ArticleID: a.ID, Type: evType, Date: evDate, Factuality: article.FactAsserted, Confidence: 0.8,
			Actors: []article.Actor{{Name: src.name, Entity: src.entity, Role: article.RoleSource, Mention: &sp},
				{Name: tgt.name, Entity: tgt.entity, Role: article.RoleTarget, Mention: &tsp}},
			Trigger: sp, Evidence: []article.Evidence{{Span: sent, Text: text[sent.Start:sent.End]}}}}
	}
	return a
}

// newTestServer returns a server over a temp sqlite store with a few
// annotated articles.
func newTestServer(t testing.TB, opts Options) (*Server, *sqlite.DB) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir()+"/test.db")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	day := func(y, m, d int) article.Date {
		return article.Date{Year: y, Month: m, Day: d, Precision: article.PrecDay}
	}
	mirz := fixMention{"Mirzoyan", "Q20", "Ararat Mirzoyan"}
	bayr := fixMention{"Bayramov", "Q21", "Jeyhun Bayramov"}
	arm := fixMention{"Arménie", "Q399", "Armenia"}
	aze := fixMention{"Azerbaïdjan", "Q227", "Azerbaijan"}
	arts := []*article.Article{
		fixArticle(t, "alpha.am", "fr", day(2023, 5, 2),
			"Mirzoyan et Bayramov se parlent à Washington\nLe ministre Mirzoyan a rencontré son homologue Bayramov mardi. L'Arménie et l'Azerbaïdjan discutent d'un traité de paix.",
			[]fixMention{mirz, bayr, arm, aze}, "CONSULT", mirz, bayr, day(2023, 5, 2)),
		fixArticle(t, "beta.az", "en", day(2023, 6, 15),
			"Bayramov accuses Yerevan\nForeign minister Bayramov criticised Mirzoyan over border incidents. Talks on the peace treaty stall.",
			[]fixMention{bayr, mirz}, "ACCUSE", bayr, mirz, day(2023, 6, 14)),
		fixArticle(t, "alpha.am", "fr", day(2024, 1, 10),
			"L'Arménie propose un accord de paix\nL'Arménie a proposé à l'Azerbaïdjan une nouvelle version du traité de paix <script>alert(1)</script>.",
			[]fixMention{arm, aze}, "AGREE", arm, aze, article.Date{Year: 2024, Month: 1, Precision: article.PrecMonth}),
		fixArticle(t, "gamma.fr", "fr", article.Date{},
			"Météo en montagne\nIl neige sur les cols du Caucase cette semaine.", nil, "", fixMention{}, fixMention{}, article.Date{}),
	}
	if _, err := st.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	return New(st, opts), st
}
