// Package storetest is the behaviour suite every store.Store
// implementation must pass: call Run from the implementation's tests with
// a function that opens a fresh, empty store.
//
// The texts are short sentences written for these tests.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/store"
	"github.com/vigie-news/vigie/store/analysis"
)

func day(y, m, d int) article.Date {
	return article.Date{Year: y, Month: m, Day: d, Precision: article.PrecDay}
}

func month(y, m int) article.Date {
	return article.Date{Year: y, Month: m, Precision: article.PrecMonth}
}

// corpus returns the suite's articles, freshly built (tests may mutate them).
func corpus() []*article.Article {
	mk := func(path, lang, outlet string, pub article.Date, text string) *article.Article {
		return &article.Article{
			ID: article.ComputeID(text), Path: path, Lang: lang, Outlet: outlet, Published: pub,
			Title: strings.SplitN(text, "\n", 2)[0], Text: text, Raw: []byte(text), Format: "text",
			RawMap: article.RawMap{{Clean: 0, Raw: 0, Len: len(text)}},
		}
	}
	return []*article.Article{
		mk("fr/1.txt", "fr", "exemple.fr", day(2022, 7, 18),
			"Rencontre des ministres à Tbilissi\nLes négociations entre Ararat Mirzoïan et Djeyhoun Baïramov ont duré quatre heures samedi, sous l'égide du gouvernement géorgien."),
		mk("fr/2.txt", "fr", "exemple.fr", month(2022, 8),
			"Pachinian répond à Aliev\nLe Premier ministre Nikol Pachinian a accusé le président Ilham Aliev d'entraver la négociation sur la frontière."),
		mk("en/1.txt", "en", "example.com", day(2022, 9, 14),
			"Shelling on the border\nAzerbaijan's forces shelled Armenian villages overnight, Yerevan said, while Bayramov blamed the Armenian side."),
		mk("en/2.txt", "en", "example.com", day(2023, 1, 5),
			"Putin hosts the leaders\nVladimir Putin received Nikol Pashinyan and Ilham Aliyev in Sochi for trilateral talks on the peace treaty."),
		mk("fr/3.txt", "fr", "autre.am", day(2023, 1, 6),
			"Poutine reçoit les dirigeants\nVladimir Poutine a accueilli Pachinian et Aliev à Sotchi ; le communiqué évoque le déblocage des transports."),
		mk("xx/1.txt", "", "", article.Date{},
			"Bairamov and Mirzoyan meet again\nThe foreign ministers met in Washington to discuss the draft agreement."),
	}
}

// Run runs the suite. open must return a new, empty store; Run closes it.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	t.Helper()
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"PutGet", testPutGet},
		{"Idempotent", testIdempotent},
		{"Reanalysis", testReanalysis},
		{"Paths", testPaths},
		{"Articles", testArticles},
		{"Search", testSearch},
		{"SearchFilters", testSearchFilters},
		{"SearchOddQueries", testSearchOdd},
		{"Stats", testStats},
		{"Entities", testEntities},
		{"Events", testEvents},
		{"Stories", testStories},
		{"Closed", testClosed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tc.fn(t, s)
		})
	}
}

func put(t *testing.T, s store.Store, arts ...*article.Article) []store.PutResult {
	t.Helper()
	res, err := s.PutArticles(context.Background(), arts)
	if err != nil {
		t.Fatalf("PutArticles: %v", err)
	}
	if len(res) != len(arts) {
		t.Fatalf("PutArticles returned %d results for %d articles", len(res), len(arts))
	}
	return res
}

func testPutGet(t *testing.T, s store.Store) {
	ctx := context.Background()
	arts := corpus()
	arts[0].Dateline = &article.Dateline{Span: article.Span{Start: 0, End: 5}, Place: "Tbilisi", Date: day(2022, 7, 16)}
	arts[0].URL = "https://exemple.fr/1"
	for i, r := range put(t, s, arts...) {
		if !r.New || r.ID != arts[i].ID {
			t.Errorf("result %d = %+v, want new %s", i, r, arts[i].ID)
		}
	}
	got, err := s.Article(ctx, arts[0].ID)
	if err != nil {
		t.Fatalf("Article: %v", err)
	}
	want := arts[0]
	if got.Text != want.Text || got.Title != want.Title || got.Lang != want.Lang || got.Outlet != want.Outlet ||
		got.URL != want.URL || got.Published != want.Published || string(got.Raw) != string(want.Raw) ||
		len(got.RawMap) != 1 || got.RawMap[0] != want.RawMap[0] || got.Dateline == nil || got.Dateline.Place != "Tbilisi" ||
		got.Format != "text" || got.IngestedAt.IsZero() {
		t.Errorf("Article round trip:\n got %+v\nwant %+v", got, want)
	}
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article(missing) error = %v, want ErrNotFound", err)
	}
	if _, err := s.PutArticles(ctx, []*article.Article{{}}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("PutArticles(empty article) error = %v, want ErrInvalid", err)
	}
}

func annotated(a *article.Article) *article.Article {
	b := *a
	i := strings.Index(b.Text, "Ararat Mirzoïan")
	j := strings.Index(b.Text, "Djeyhoun Baïramov")
	b.Sentences = []article.Span{{Start: 0, End: len(b.Text)}}
	b.Mentions = []article.Mention{
		{Span: article.Span{Start: i, End: i + len("Ararat Mirzoïan")}, Text: "Ararat Mirzoïan", Type: article.TypePerson, Kind: article.KindName, Entity: "Q1", Name: "Ararat Mirzoyan", Confidence: 1},
		{Span: article.Span{Start: j, End: j + len("Djeyhoun Baïramov")}, Text: "Djeyhoun Baïramov", Type: article.TypePerson, Kind: article.KindName, Entity: "Q2", Name: "Jeyhun Bayramov", Confidence: 1},
	}
	b.Times = []article.TimeExpr{{Text: "samedi", Kind: article.TimeDate, Value: day(2022, 7, 16), Relative: true, Resolved: true}}
	b.Events = []article.Event{{
		ID: b.ID + "-e1", Type: "CONSULT", Mode: "meet", Date: day(2022, 7, 16), Factuality: article.FactAsserted,
		Actors: []article.Actor{{Name: "Ararat Mirzoyan", Entity: "Q1", Role: article.RoleSource}, {Name: "Jeyhun Bayramov", Entity: "Q2", Role: article.RoleTarget}},
		Place:  &article.Place{Name: "Tbilisi"}, Confidence: 0.9,
	}}
	return &b
}

func testIdempotent(t *testing.T, s store.Store) {
	ctx := context.Background()
	arts := corpus()
	put(t, s, annotated(arts[0]))
	// The same article again, plain, from another path, with metadata the first copy lacked.
	again := corpus()[0]
	again.Path = "copy/1.txt"
	again.URL = "https://exemple.fr/copy"
	r := put(t, s, again)
	if r[0].New || r[0].Reanalysed {
		t.Errorf("duplicate result = %+v, want neither new nor reanalysed", r[0])
	}
	got, err := s.Article(ctx, arts[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Mentions) != 2 || len(got.Events) != 1 || len(got.Times) != 1 || len(got.Sentences) != 1 {
		t.Errorf("plain duplicate lost annotations: %d mentions, %d events", len(got.Mentions), len(got.Events))
	}
	if got.URL != "https://exemple.fr/copy" {
		t.Errorf("URL = %q, want the one the duplicate brought", got.URL)
	}
	// Duplicates within one batch.
	r = put(t, s, corpus()[1], corpus()[1])
	if !r[0].New || r[1].New {
		t.Errorf("in-batch duplicate results = %+v", r)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 {
		t.Errorf("Stats.Articles = %d, want 2", st.Articles)
	}
	hits, err := s.Search(ctx, store.SearchQuery{Text: "Tbilissi"})
	if err != nil || len(hits) != 1 {
		t.Errorf("search after duplicate ingest: %d hits, %v (want one, indexed once)", len(hits), err)
	}
}

func testReanalysis(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := corpus()[0]
	put(t, s, a)
	b := annotated(corpus()[0])
	r := put(t, s, b)
	if r[0].New || !r[0].Reanalysed {
		t.Errorf("re-analysis result = %+v", r[0])
	}
	c := annotated(corpus()[0])
	c.Mentions = c.Mentions[:1]
	c.Events[0].Type = "AGREE"
	put(t, s, c)
	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Mentions) != 1 || len(got.Events) != 1 || got.Events[0].Type != "AGREE" {
		t.Errorf("annotations not replaced: %d mentions, events %+v", len(got.Mentions), got.Events)
	}
	ents, err := s.Entities(ctx, store.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 {
		t.Errorf("entities after re-analysis = %+v, want only Q1", ents)
	}
	evs, err := s.Events(ctx, store.EventFilter{})
	if err != nil || len(evs) != 1 {
		t.Errorf("events after re-analysis = %d (%v), want 1", len(evs), err)
	}
	hits, err := s.Search(ctx, store.SearchQuery{Text: "Tbilissi"})
	if err != nil || len(hits) != 1 {
		t.Errorf("search after re-analysis: %d hits, %v", len(hits), err)
	}
}

func testPaths(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := corpus()[2]
	put(t, s, a)
	b := corpus()[2]
	b.Path = "archive.jsonl#7"
	put(t, s, b)
	for _, p := range []string{"en/1.txt", "archive.jsonl#7"} {
		got, err := s.ArticleByPath(ctx, p)
		if err != nil {
			t.Errorf("ArticleByPath(%q): %v", p, err)
			continue
		}
		if got.ID != a.ID || got.Path != p {
			t.Errorf("ArticleByPath(%q) = %s at %q", p, got.ID, got.Path)
		}
	}
	paths, err := s.ArticlePaths(ctx, a.ID)
	if err != nil || len(paths) != 2 {
		t.Errorf("ArticlePaths = %v, %v; want both paths", paths, err)
	}
	if _, err := s.ArticleByPath(ctx, "missing.txt"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("ArticleByPath(missing) error = %v", err)
	}
}

func testArticles(t *testing.T, s store.Store) {
	ctx := context.Background()
	arts := corpus()
	arts[0] = annotated(arts[0])
	put(t, s, arts...)
	tests := []struct {
		name string
		f    store.ArticleFilter
		want int
	}{
		{"all", store.ArticleFilter{}, 6},
		{"fr", store.ArticleFilter{Lang: "fr"}, 3},
		{"outlet", store.ArticleFilter{Outlet: "example.com"}, 2},
		{"2023", store.ArticleFilter{From: day(2023, 1, 1)}, 2},
		{"summer 2022", store.ArticleFilter{From: month(2022, 7), To: month(2022, 8)}, 2},
		{"august day inside a month", store.ArticleFilter{From: day(2022, 8, 20), To: day(2022, 8, 20)}, 1},
		{"limit", store.ArticleFilter{Limit: 4}, 4},
		{"light", store.ArticleFilter{Light: true}, 6},
	}
	for _, tc := range tests {
		n := 0
		err := s.Articles(ctx, tc.f, func(a *article.Article) error {
			n++
			if tc.f.Light && (a.Raw != nil || len(a.Mentions) > 0 || len(a.Events) > 0) {
				t.Errorf("%s: light article carries raw or annotations", tc.name)
			}
			if !tc.f.Light && a.ID == arts[0].ID && (len(a.Events) != 1 || len(a.Mentions) != 2) {
				t.Errorf("%s: full article lacks annotations", tc.name)
			}
			return nil
		})
		if err != nil || n != tc.want {
			t.Errorf("Articles(%s) = %d, %v; want %d", tc.name, n, err, tc.want)
		}
	}
	stop := errors.New("stop")
	n := 0
	err := s.Articles(ctx, store.ArticleFilter{}, func(*article.Article) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Articles with a failing callback = %d calls, %v", n, err)
	}
}

func ids(hits []store.Hit) map[string]bool {
	m := map[string]bool{}
	for _, h := range hits {
		m[h.ID] = true
	}
	return m
}

func testSearch(t *testing.T, s store.Store) {
	ctx := context.Background()
	arts := corpus()
	put(t, s, arts...)
	id := func(i int) string { return arts[i].ID }
	tests := []struct {
		q        string
		want     []int // articles that must be found
		not      []int // articles that must not be found
		snippets []string
	}{
		{q: "négociations", want: []int{0, 1}, snippets: []string{"[négociations]"}},
		{q: "negociation", want: []int{0, 1}},
		{q: "Bayramov", want: []int{0, 2, 5}, snippets: []string{"[Baïramov]", "[Bayramov]", "[Bairamov]"}},
		{q: "Pashinyan", want: []int{1, 3, 4}, snippets: []string{"[Pachinian]"}},
		{q: "Aliyev", want: []int{1, 3, 4}, snippets: []string{"[Aliev]"}},
		{q: "Poutine", want: []int{3, 4}, snippets: []string{"[Putin]", "[Poutine]"}},
		{q: "Mirzoyan", want: []int{0, 5}},
		{q: "Djeyhoun", want: []int{0}},
		{q: "Jeyhun", want: []int{0}},
		{q: "shelling", want: []int{2}, snippets: []string{"[shelled]"}},
		{q: "meetings", want: []int{5}},
		{q: "l'armée OR", want: nil, not: []int{0, 1, 2, 3, 4, 5}},
		{q: "Putin Sochi", want: []int{3, 4}, not: []int{0, 1, 2, 5}},
		{q: "Aliev -Sotchi", want: []int{1}, not: []int{3, 4}}, // Sochi and Sotchi share a key
		{q: `"Nikol Pashinyan"`, want: []int{1, 3}, not: []int{4}},
		{q: `"président Ilham Aliyev"`, want: []int{1}, not: []int{3, 4}},
		{q: "l’égide", want: []int{0}, snippets: []string{"[égide]"}},
		{q: "ENTRAVER", want: []int{1}},
		{q: "Haut-Karabakh", want: nil},
	}
	for _, tc := range tests {
		hits, err := s.Search(ctx, store.SearchQuery{Text: tc.q})
		if err != nil {
			t.Errorf("Search(%q): %v", tc.q, err)
			continue
		}
		got := ids(hits)
		for _, i := range tc.want {
			if !got[id(i)] {
				t.Errorf("Search(%q) misses article %d (%s)", tc.q, i, arts[i].Path)
			}
		}
		for _, i := range tc.not {
			if got[id(i)] {
				t.Errorf("Search(%q) wrongly finds article %d (%s)", tc.q, i, arts[i].Path)
			}
		}
		all := ""
		for _, h := range hits {
			all += h.Snippet + "\n"
			if h.Score <= 0 {
				t.Errorf("Search(%q): hit %s has score %v, want > 0", tc.q, h.ID, h.Score)
			}
		}
		for _, sn := range tc.snippets {
			if !strings.Contains(all, sn) {
				t.Errorf("Search(%q) snippets lack %q:\n%s", tc.q, sn, all)
			}
		}
	}
	// Ranking: two matches of the query rank above one.
	hits, err := s.Search(ctx, store.SearchQuery{Text: "Pachinian"})
	if err != nil || len(hits) < 2 {
		t.Fatalf("Search(Pachinian) = %d hits, %v", len(hits), err)
	}
	if hits[0].ID != id(1) {
		t.Errorf("Search(Pachinian) ranks %s first, want the article naming him twice", hits[0].ID)
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Errorf("hits not sorted by score: %v after %v", hits[i].Score, hits[i-1].Score)
		}
	}
	// Custom highlight with escaping.
	h := analysis.Highlight{Open: "<mark>", Close: "</mark>", Escape: func(s string) string { return strings.ReplaceAll(s, "'", "&#39;") }}
	hits, err = s.Search(ctx, store.SearchQuery{Text: "égide", Highlight: &h})
	if err != nil || len(hits) != 1 || !strings.Contains(hits[0].Snippet, "l&#39;<mark>égide</mark>") {
		t.Errorf("HTML highlight: %+v, %v", hits, err)
	}
	if hits, _ := s.Search(ctx, store.SearchQuery{Text: "Aliev", Limit: 1, Offset: 1}); len(hits) != 1 {
		t.Errorf("limit/offset: %d hits", len(hits))
	}
}

func testSearchFilters(t *testing.T, s store.Store) {
	ctx := context.Background()
	arts := corpus()
	put(t, s, arts...)
	tests := []struct {
		q    store.SearchQuery
		want int
	}{
		{store.SearchQuery{Text: "Aliyev"}, 3},
		{store.SearchQuery{Text: "Aliyev", Lang: "fr"}, 2},
		{store.SearchQuery{Text: "Aliyev", Outlet: "example.com"}, 1},
		{store.SearchQuery{Text: "Aliyev", From: day(2023, 1, 1)}, 2},
		{store.SearchQuery{Text: "Aliyev", To: month(2022, 12)}, 1},
		{store.SearchQuery{Text: "Aliyev", From: day(2023, 1, 6), To: day(2023, 1, 6), Lang: "fr"}, 1},
		{store.SearchQuery{Text: "Bayramov", Lang: "en"}, 1},
	}
	for _, tc := range tests {
		hits, err := s.Search(ctx, tc.q)
		if err != nil || len(hits) != tc.want {
			t.Errorf("Search(%+v) = %d hits, %v; want %d", tc.q, len(hits), err, tc.want)
		}
	}
}

func testSearchOdd(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, corpus()...)
	for _, q := range []string{"", " ", `"`, `""`, `"unclosed phrase`, "-", "--", "-Aliev", "NEAR(a b)", "a:b", "stems:aliev",
		"{keys}: x", "*", "^Aliev", "(Aliev", "Aliev)", "AND OR NOT", "'", "’", "«", "»", "\x00", "\xff\xfe", "Aliev*", "le la les"} {
		if _, err := s.Search(ctx, store.SearchQuery{Text: q}); err != nil {
			t.Errorf("Search(%q) error: %v", q, err)
		}
	}
}

func testStats(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, corpus()...)
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	find := func(cs []store.Count, k string) int {
		for _, c := range cs {
			if c.Key == k {
				return c.Count
			}
		}
		return -1
	}
	checks := []struct {
		name     string
		got, exp int
	}{
		{"articles", st.Articles, 6},
		{"lang fr", find(st.ByLang, "fr"), 3},
		{"lang unknown", find(st.ByLang, "unknown"), 1},
		{"outlet exemple.fr", find(st.ByOutlet, "exemple.fr"), 2},
		{"outlet unknown", find(st.ByOutlet, "unknown"), 1},
		{"month 2023-01", find(st.ByMonth, "2023-01"), 2},
		{"month 2022-08", find(st.ByMonth, "2022-08"), 1},
		{"month unknown", find(st.ByMonth, "unknown"), 1},
	}
	for _, c := range checks {
		if c.got != c.exp {
			t.Errorf("Stats %s = %d, want %d (%+v)", c.name, c.got, c.exp, st)
		}
	}
}

func mention(text, sub, entity, name string, typ article.EntityType) article.Mention {
	i := strings.Index(text, sub)
	return article.Mention{Span: article.Span{Start: i, End: i + len(sub)}, Text: sub, Type: typ, Kind: article.KindName, Entity: entity, Name: name, Confidence: 1}
}

func withEntities() []*article.Article {
	arts := corpus()
	a1, a3, a4 := arts[1], arts[3], arts[4]
	a1.Mentions = []article.Mention{
		mention(a1.Text, "Pachinian", "Q-pash", "Nikol Pashinyan", article.TypePerson),
		mention(a1.Text, "Nikol Pachinian", "Q-pash", "Nikol Pashinyan", article.TypePerson),
		mention(a1.Text, "Ilham Aliev", "Q-aliyev", "Ilham Aliyev", article.TypePerson),
	}
	a3.Mentions = []article.Mention{
		mention(a3.Text, "Vladimir Putin", "Q-putin", "Vladimir Putin", article.TypePerson),
		mention(a3.Text, "Nikol Pashinyan", "Q-pash", "Nikol Pashinyan", article.TypePerson),
		mention(a3.Text, "Ilham Aliyev", "Q-aliyev", "Ilham Aliyev", article.TypePerson),
		mention(a3.Text, "Sochi", "Q-sochi", "Sochi", article.TypeCity),
	}
	a4.Mentions = []article.Mention{
		mention(a4.Text, "Vladimir Poutine", "Q-putin", "Vladimir Putin", article.TypePerson),
		mention(a4.Text, "Pachinian", "Q-pash", "Nikol Pashinyan", article.TypePerson),
		mention(a4.Text, "Sotchi", "Q-sochi", "Sochi", article.TypeCity),
		{Span: article.Span{Start: 0, End: 7}, Text: "Poutine", Type: article.TypeOther, Kind: article.KindUnknown},
	}
	a3.Events = []article.Event{
		{Type: "CONSULT", Mode: "meet", Date: day(2023, 1, 4), Factuality: article.FactAsserted, Actors: []article.Actor{
			{Name: "Nikol Pashinyan", Entity: "Q-pash", Role: article.RoleSource}, {Name: "Ilham Aliyev", Entity: "Q-aliyev", Role: article.RoleTarget},
			{Name: "Vladimir Putin", Entity: "Q-putin", Role: article.RoleHost}}},
		{Type: "AGREE", Date: month(2023, 1), Factuality: article.FactPlanned, Actors: []article.Actor{
			{Name: "Armenia", Role: article.RoleSource}, {Name: "Azerbaijan", Role: article.RoleTarget}}},
	}
	a4.Events = []article.Event{
		{ID: "ev-fr", Type: "CONSULT", Mode: "meet", Date: day(2023, 1, 4), Factuality: article.FactAsserted, Actors: []article.Actor{
			{Name: "Nikol Pashinyan", Entity: "Q-pash", Role: article.RoleSource}, {Name: "Ilham Aliyev", Entity: "Q-aliyev", Role: article.RoleTarget}}},
	}
	a1.Events = []article.Event{
		{ID: "ev-acc", Type: "ACCUSE", Factuality: article.FactAsserted, Actors: []article.Actor{
			{Name: "Nikol Pashinyan", Entity: "Q-pash", Role: article.RoleSource}, {Name: "Ilham Aliyev", Entity: "Q-aliyev", Role: article.RoleTarget}}},
	}
	return arts
}

func testEntities(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, withEntities()...)
	ents, err := s.Entities(ctx, store.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 4 || ents[0].ID != "Q-pash" || ents[0].Mentions != 4 || ents[0].Articles != 3 || len(ents[0].Outlets) != 3 {
		t.Errorf("Entities = %+v", ents)
	}
	tests := []struct {
		f    store.EntityFilter
		want int
	}{
		{store.EntityFilter{Type: article.TypeCity}, 1},
		{store.EntityFilter{Type: article.TypePerson}, 3},
		{store.EntityFilter{Q: "ALIY"}, 1},
		{store.EntityFilter{Q: "%"}, 0},
		{store.EntityFilter{Limit: 2}, 2},
	}
	for _, tc := range tests {
		got, err := s.Entities(ctx, tc.f)
		if err != nil || len(got) != tc.want {
			t.Errorf("Entities(%+v) = %d, %v; want %d", tc.f, len(got), err, tc.want)
		}
	}
	for _, key := range []string{"Q-putin", "vladimir putin", "Vladimir PUTIN"} {
		d, err := s.EntityDetail(ctx, key)
		if err != nil {
			t.Errorf("EntityDetail(%q): %v", key, err)
			continue
		}
		if d.ID != "Q-putin" || d.Name != "Vladimir Putin" || len(d.Aliases) != 2 || len(d.ArticleRefs) != 2 {
			t.Errorf("EntityDetail(%q) = %+v", key, d)
		}
		co := map[string]int{}
		for _, c := range d.CoOccurring {
			co[c.ID] = c.Count
		}
		if co["Q-pash"] != 2 || co["Q-sochi"] != 2 || co["Q-aliyev"] != 1 || co["Q-putin"] != 0 {
			t.Errorf("EntityDetail(%q).CoOccurring = %+v", key, d.CoOccurring)
		}
	}
	if _, err := s.EntityDetail(ctx, "nobody"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("EntityDetail(missing) error = %v", err)
	}
}

func testEvents(t *testing.T, s store.Store) {
	ctx := context.Background()
	arts := withEntities()
	put(t, s, arts...)
	tests := []struct {
		name string
		f    store.EventFilter
		want int
	}{
		{"asserted", store.EventFilter{}, 3},
		{"all", store.EventFilter{All: true}, 4},
		{"type", store.EventFilter{Type: "consult"}, 2},
		{"actor id", store.EventFilter{Actor: "Q-aliyev"}, 3},
		{"actor name folded", store.EventFilter{Actor: "ilham ALIYEV"}, 3},
		{"host is an actor", store.EventFilter{Actor: "Vladimir Putin"}, 1},
		{"state actor", store.EventFilter{Actor: "azerbaijan", All: true}, 1},
		{"dated", store.EventFilter{From: day(2023, 1, 1), To: day(2023, 1, 31)}, 2},
		{"month event in range", store.EventFilter{From: day(2023, 1, 20), All: true}, 1},
		{"outlet", store.EventFilter{Outlet: "autre.am"}, 1},
		{"limit", store.EventFilter{Limit: 1}, 1},
	}
	for _, tc := range tests {
		got, err := s.Events(ctx, tc.f)
		if err != nil || len(got) != tc.want {
			t.Errorf("Events(%s) = %d, %v; want %d", tc.name, len(got), err, tc.want)
		}
	}
	e, err := s.Event(ctx, "ev-fr")
	if err != nil {
		t.Fatal(err)
	}
	if e.ArticleID != arts[4].ID || e.Path != "fr/3.txt" || e.Outlet != "autre.am" || e.Type != "CONSULT" || len(e.Actors) != 2 {
		t.Errorf("Event = %+v", e)
	}
	all, _ := s.Events(ctx, store.EventFilter{Type: "CONSULT"})
	m := map[string]string{}
	for _, r := range all {
		if r.ID == "" {
			t.Errorf("event without ID: %+v", r)
		}
		m[r.ID] = "story-1"
	}
	if err := s.SetEventStories(ctx, m); err != nil {
		t.Fatal(err)
	}
	got, err := s.Events(ctx, store.EventFilter{Story: "story-1"})
	if err != nil || len(got) != 2 || got[0].Story != "story-1" {
		t.Errorf("Events(story) = %+v, %v", got, err)
	}
	a, err := s.Article(ctx, arts[4].ID)
	if err != nil || len(a.Events) != 1 || a.Events[0].Story != "story-1" {
		t.Errorf("article event story not set: %+v, %v", a, err)
	}
	if _, err := s.Event(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Event(missing) error = %v", err)
	}
}

func testStories(t *testing.T, s store.Store) {
	ctx := context.Background()
	recs := []store.StoryRecord{
		{ID: "s1", Type: "CONSULT", Date: day(2023, 1, 4), Data: json.RawMessage(`{"key":"2023-01-04|A+B"}`), NumArticles: 2, NumSources: 2},
		{ID: "s2", Type: "ACCUSE", Date: month(2022, 8), NumArticles: 1, NumSources: 1},
		{ID: "s3", Type: "CONSULT", NumArticles: 3, NumSources: 1},
	}
	if err := s.PutStories(ctx, recs); err != nil {
		t.Fatal(err)
	}
	recs[1].NumArticles = 5
	if err := s.PutStories(ctx, recs[1:2]); err != nil {
		t.Fatal(err)
	}
	got, err := s.Story(ctx, "s1")
	if err != nil || got.Date != recs[0].Date || string(got.Data) != string(recs[0].Data) || got.NumSources != 2 {
		t.Errorf("Story(s1) = %+v, %v", got, err)
	}
	tests := []struct {
		f    store.StoryFilter
		want int
	}{
		{store.StoryFilter{}, 3},
		{store.StoryFilter{Type: "consult"}, 2},
		{store.StoryFilter{MinArticles: 3}, 2},
		{store.StoryFilter{From: day(2023, 1, 1)}, 1},
		{store.StoryFilter{Limit: 1}, 1},
	}
	for _, tc := range tests {
		got, err := s.Stories(ctx, tc.f)
		if err != nil || len(got) != tc.want {
			t.Errorf("Stories(%+v) = %d, %v; want %d", tc.f, len(got), err, tc.want)
		}
	}
	if err := s.PutStories(ctx, []store.StoryRecord{{ID: "bad", Data: json.RawMessage(`{`)}}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("PutStories(invalid JSON) error = %v", err)
	}
	if _, err := s.Story(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Story(missing) error = %v", err)
	}
}

func testClosed(t *testing.T, s store.Store) {
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Article(context.Background(), "x"); !errors.Is(err, store.ErrClosed) {
		t.Errorf("Article after Close error = %v, want ErrClosed", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}
