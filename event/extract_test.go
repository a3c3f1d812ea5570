package event

import (
	"bytes"
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/vigie-news/vigie/article"
)

// ent is a hand-built entity for test mentions.
type ent struct {
	surface string
	typ     article.EntityType
	kind    article.MentionKind
	name    string
	country string
}

var testEnts = []ent{
	{"Ararat Mirzoyan", article.TypePerson, article.KindName, "Ararat Mirzoyan", "ARM"},
	{"Mirzoyan", article.TypePerson, article.KindSurname, "Ararat Mirzoyan", "ARM"},
	{"Jeyhun Bayramov", article.TypePerson, article.KindName, "Jeyhun Bayramov", "AZE"},
	{"Bayramov", article.TypePerson, article.KindSurname, "Jeyhun Bayramov", "AZE"},
	{"Sergueï Lavrov", article.TypePerson, article.KindName, "Sergey Lavrov", "RUS"},
	{"Sergey Lavrov", article.TypePerson, article.KindName, "Sergey Lavrov", "RUS"},
	{"Antony Blinken", article.TypePerson, article.KindName, "Antony Blinken", "USA"},
	{"Nikol Pachinian", article.TypePerson, article.KindName, "Nikol Pashinyan", "ARM"},
	{"Ilham Aliev", article.TypePerson, article.KindName, "Ilham Aliyev", "AZE"},
	{"l'Azerbaïdjan", article.TypeState, article.KindName, "Azerbaijan", "AZE"},
	{"Azerbaijan", article.TypeState, article.KindName, "Azerbaijan", "AZE"},
	{"Armenia", article.TypeState, article.KindName, "Armenia", "ARM"},
	{"l'Arménie", article.TypeState, article.KindName, "Armenia", "ARM"},
	{"Arménie", article.TypeState, article.KindName, "Armenia", "ARM"},
	{"Azerbaïdjan", article.TypeState, article.KindName, "Azerbaijan", "AZE"},
	{"arménien", article.TypeState, article.KindDemonym, "Armenia", "ARM"},
	{"azerbaïdjanais", article.TypeState, article.KindDemonym, "Azerbaijan", "AZE"},
	{"Tbilissi", article.TypeCity, article.KindName, "Tbilisi", "GEO"},
	{"Geneva", article.TypeCity, article.KindName, "Geneva", "CHE"},
	{"Moscou", article.TypeCity, article.KindName, "Moscow", "RUS"},
	{"Erevan", article.TypeCity, article.KindName, "Yerevan", "ARM"},
	{"Bakou", article.TypeCity, article.KindName, "Baku", "AZE"},
	{"turque", article.TypeState, article.KindDemonym, "Turkey", "TUR"},
	{"azerbaïdjanaise", article.TypeState, article.KindDemonym, "Azerbaijan", "AZE"},
}

// mentionsFor finds the test entities in text (longest surface first).
func mentionsFor(text string) []article.Mention {
	sorted := append([]ent(nil), testEnts...)
	sort.Slice(sorted, func(i, j int) bool { return len(sorted[i].surface) > len(sorted[j].surface) })
	taken := make([]bool, len(text))
	var out []article.Mention
	for _, e := range sorted {
		for off := 0; ; {
			i := strings.Index(text[off:], e.surface)
			if i < 0 {
				break
			}
			s, en := off+i, off+i+len(e.surface)
			off = en
			if taken[s] || taken[en-1] {
				continue
			}
			for k := s; k < en; k++ {
				taken[k] = true
			}
			out = append(out, article.Mention{Span: article.Span{Start: s, End: en}, Text: e.surface, Type: e.typ,
				Kind: e.kind, Entity: "test:" + e.name, Name: e.name, Country: e.country})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func participants(ev article.Event) string {
	var ns []string
	for _, a := range ev.Participants() {
		ns = append(ns, a.Name)
	}
	sort.Strings(ns)
	return strings.Join(ns, "+")
}

func hostsOf(ev article.Event) string {
	var ns []string
	for _, a := range ev.Actors {
		if a.Role == article.RoleHost {
			ns = append(ns, a.Name)
		}
	}
	return strings.Join(ns, "+")
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name, lang, text string
		published        string
		want             []string // "TYPE mode actors [host] date factuality"
		keepAll          bool
	}{
		{"reflexive meeting fr", "fr", "Samedi, Ararat Mirzoyan et Jeyhun Bayramov se sont rencontrés à Tbilissi.", "2022-07-18",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov [] 2022-07-16 asserted"}, false},
		{"phone fr", "fr", "Le 3 mars, Nikol Pachinian a eu un entretien téléphonique avec Ilham Aliev.", "2023-03-04",
			[]string{"CONSULT phone Ilham Aliyev+Nikol Pashinyan [] 2023-03-03 asserted"}, false},
		{"host fr", "fr", "Antony Blinken a organisé des pourparlers entre Ararat Mirzoyan et Jeyhun Bayramov à Moscou.", "",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov [Antony Blinken]  asserted"}, false},
		{"planned fr", "fr", "Ararat Mirzoyan rencontrera Jeyhun Bayramov la semaine prochaine.", "",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov []  planned"}, true},
		{"negated fr", "fr", "Ararat Mirzoyan et Jeyhun Bayramov n'ont pas signé le document.", "",
			[]string{"AGREE sign Ararat Mirzoyan+Jeyhun Bayramov []  negated"}, true},
		{"accuse fr", "fr", "Ararat Mirzoyan a accusé l'Azerbaïdjan de violer la trêve.", "",
			[]string{"ACCUSE  Ararat Mirzoyan+Azerbaijan []  asserted"}, false},
		{"request fr", "fr", "Nikol Pachinian a appelé l'Azerbaïdjan à retirer ses troupes.", "",
			[]string{"REQUEST  Azerbaijan+Nikol Pashinyan []  asserted"}, false},
		{"en hosted", "en", "Sergey Lavrov hosted Ararat Mirzoyan and Jeyhun Bayramov on Friday.", "2023-05-20",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov [Sergey Lavrov] 2023-05-19 asserted"}, false},
		{"en signed", "en", "Armenia and Azerbaijan signed a memorandum on March 3, 2021.", "",
			[]string{"AGREE sign Armenia+Azerbaijan [] 2021-03-03 asserted"}, false},
		{"en will meet", "en", "Ararat Mirzoyan will meet Jeyhun Bayramov in Geneva.", "",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov []  planned"}, true},
		{"merge", "fr", "Mirzoyan et Bayramov se rencontrent à Tbilissi\n\nArarat Mirzoyan s'est entretenu avec Jeyhun Bayramov à Tbilissi.", "",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov []  asserted"}, false},
		{"third-party host", "fr", "Antony Blinken, Ararat Mirzoyan et Jeyhun Bayramov se sont rencontrés à Genève.", "",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov [Antony Blinken]  asserted"}, false},
		{"plural role phrase", "fr", "Le ministre arménien des Affaires étrangères Ararat Mirzoyan et le ministre azerbaïdjanais des Affaires étrangères Jeyhun Bayramov sont à Genève.\n\nLa réunion des ministres des Affaires étrangères de l'Arménie et de l'Azerbaïdjan a commencé.", "",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov []  asserted"}, false},
		{"state report merged into person report", "en", "Armenia and Azerbaijan held talks in Geneva.\n\nAntony Blinken said Ararat Mirzoyan and Jeyhun Bayramov held talks.", "",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov []  asserted"}, false},
		{"preposition à is no verb", "fr", "Nikol Pachinian a envoyé une lettre à Ilham Aliev.", "",
			[]string{"CONSULT correspondence Ilham Aliyev+Nikol Pashinyan []  asserted"}, false},
		{"separate calls keep the caller", "fr", "Sergueï Lavrov a eu des entretiens téléphoniques séparément avec Ararat Mirzoyan et Jeyhun Bayramov.", "",
			[]string{"CONSULT phone Ararat Mirzoyan+Sergey Lavrov []  asserted", "CONSULT phone Jeyhun Bayramov+Sergey Lavrov []  asserted"}, false},
		{"governing subject of a nominal meeting", "fr", "Sergueï Lavrov a parlé de la frontière lors de sa rencontre avec Jeyhun Bayramov.", "",
			[]string{"CONSULT meet Jeyhun Bayramov+Sergey Lavrov []  asserted"}, false},
		{"pronoun subject takes the last named person", "fr", "Nikol Pachinian est arrivé à Moscou.\n\nIl a déclaré lors d'une rencontre avec Sergueï Lavrov que tout allait bien.", "",
			[]string{"CONSULT meet Nikol Pashinyan+Sergey Lavrov []  asserted"}, false},
		{"collective subject agrees", "fr", "Ararat Mirzoyan et Jeyhun Bayramov se sont rencontrés à Genève.\n\nLes deux parties ont convenu de poursuivre le dialogue.", "",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov []  asserted", "AGREE  Ararat Mirzoyan+Jeyhun Bayramov []  asserted"}, false},
		{"two acceptances join", "fr", "Mardi, l'Arménie a accepté la mission, tandis que l'Azerbaïdjan a accepté de coopérer.", "",
			[]string{"AGREE accept Armenia+Azerbaijan []  asserted"}, false},
		{"clause verb conditional", "fr", "Les discussions entre Ararat Mirzoyan et Jeyhun Bayramov devraient se dérouler à Genève.", "",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov []  planned"}, true},
		{"request complement is no meeting", "en", "Antony Blinken urged Armenia and Azerbaijan to continue talks.", "",
			[]string{"REQUEST  Antony Blinken+Armenia []  asserted", "REQUEST  Antony Blinken+Azerbaijan []  asserted"}, false},
		{"the two sides are the article's dyad", "fr", "Selon Paris, l'Arménie et l'Azerbaïdjan sont en conflit.\n\nAntony Blinken a demandé aux deux parties de reprendre le dialogue.", "",
			[]string{"REQUEST  Antony Blinken+Armenia []  asserted", "REQUEST  Antony Blinken+Azerbaijan []  asserted"}, false},
		{"role phrase of the two countries", "fr", "Ararat Mirzoyan, ministre des Affaires étrangères, et Jeyhun Bayramov, ministre des Affaires étrangères, sont à Genève. Selon eux, l'Arménie et l'Azerbaïdjan négocient.\n\nLes ministres des deux pays se sont rencontrés lundi.", "",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov []  asserted"}, false},
		{"parties named after the clause verb", "fr", "Des négociations ont débuté lundi à Genève entre Ararat Mirzoyan et Jeyhun Bayramov.", "",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov []  asserted"}, false},
		{"agent of a held meeting", "fr", "Trois jours de pourparlers tenus à Genève par Ararat Mirzoyan et Jeyhun Bayramov ont pris fin.", "",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov []  asserted"}, false},
		{"denounced aggression accuses the other side", "fr", "L'Arménie et l'Azerbaïdjan s'opposent.\n\nErevan dénonce une « agression ».", "",
			[]string{"ACCUSE  Armenia+Azerbaijan []  asserted"}, false},
		{"clashes opposing two sides", "fr", "Le 13 mai 2022, des combats violents depuis la veille opposent l'Arménie et l'Azerbaïdjan.", "",
			[]string{"ASSAULT  Armenia+Azerbaijan [] 2022-05-13 asserted"}, false},
		{"adjectives are the authors", "fr", "Ils dénoncent la crise née de l'agression azerbaïdjanaise et turque.", "", nil, false},
		{"pronoun inside a parenthesis", "fr", "Sergueï Lavrov a vu Jeyhun Bayramov (il avait rencontré Ararat Mirzoyan la veille).", "",
			[]string{"CONSULT meet Ararat Mirzoyan+Sergey Lavrov []  asserted"}, false},
		{"a later reference dates the meetings", "fr", "Ararat Mirzoyan et Jeyhun Bayramov se sont entretenus.\n\nLes entretiens ont eu lieu à Moscou le 10 mai 2023.", "",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov [] 2023-05-10 asserted"}, false},
		{"statement adopted at the summit", "fr", "Le 26 novembre 2021, Sergueï Lavrov a reçu Ararat Mirzoyan et Jeyhun Bayramov à Moscou.\n\nÀ l'issue de la réunion, une déclaration commune a été adoptée.", "",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov [Sergey Lavrov] 2021-11-26 asserted", "AGREE sign Ararat Mirzoyan+Jeyhun Bayramov+Sergey Lavrov [] 2021-11-26 asserted"}, false},
		{"an undated statement takes the day of its author's letter", "fr", "Le 24 mai 2023, Ararat Mirzoyan a envoyé une lettre à Sergueï Lavrov.\n\nArarat Mirzoyan a accusé l'Azerbaïdjan de violer le cessez-le-feu.", "",
			[]string{"CONSULT correspondence Ararat Mirzoyan+Sergey Lavrov [] 2023-05-24 asserted", "ACCUSE  Ararat Mirzoyan+Azerbaijan [] 2023-05-24 asserted"}, false},
		{"a counterpart has the role of the one it is the counterpart of", "fr", "Le Premier ministre Nikol Pachinian était à Moscou.\n\nLe ministre des Affaires étrangères Sergueï Lavrov a reçu son homologue arménien.", "",
			[]string{"CONSULT meet Armenia+Sergey Lavrov []  asserted"}, false},
		{"shelling on a state's territory targets it", "fr", "Hier, l'Arménie a bombardé des positions en Azerbaïdjan.", "",
			[]string{"ASSAULT  Armenia+Azerbaijan []  asserted"}, false},
		{"calling the other side's words provocative accuses it", "fr", "Sergueï Lavrov a qualifié de « provocantes » les déclarations d'Ararat Mirzoyan.", "",
			[]string{"ACCUSE  Ararat Mirzoyan+Sergey Lavrov []  asserted"}, false},
		{"a demand that X do something addresses X", "fr", "Ilham Aliev exige depuis longtemps que l'Arménie modifie sa Constitution.", "",
			[]string{"REQUEST  Armenia+Ilham Aliyev []  asserted"}, false},
		{"a partner inside a gapped pattern", "en", "Sergey Lavrov spoke with Jeyhun Bayramov by phone.", "",
			[]string{"CONSULT phone Jeyhun Bayramov+Sergey Lavrov []  asserted"}, false},
		{"reciprocal accusations are two", "en", "Armenia and Azerbaijan accused each other of violating the truce.", "",
			[]string{"ACCUSE  Armenia+Azerbaijan []  asserted", "ACCUSE  Armenia+Azerbaijan []  asserted"}, false},
		{"saying another party must act is a request to it", "fr", "Sergueï Lavrov a affirmé à Ararat Mirzoyan que l'Azerbaïdjan devait retirer ses troupes.", "",
			[]string{"REQUEST  Azerbaijan+Sergey Lavrov []  asserted"}, false},
		{"a wish about a party is no request", "fr", "Sergueï Lavrov a déclaré que l'Azerbaïdjan devait être associé aux pourparlers.", "", nil, false},
		{"bare 'les parties' are the last meeting's", "fr", "Sergueï Lavrov a eu un entretien téléphonique avec Jeyhun Bayramov.\n\nL'Arménie et l'Azerbaïdjan sont en conflit. Au cours de l'entretien, les parties ont discuté de la frontière.", "",
			[]string{"CONSULT phone Jeyhun Bayramov+Sergey Lavrov []  asserted"}, false},
		{"killed by the other side's fire", "fr", "Hier, des soldats arméniens ont été tués par des tirs azerbaïdjanais.", "",
			[]string{"ASSAULT  Armenia+Azerbaijan []  asserted"}, false},
		{"a meeting during a visit has the visit mode", "fr", "Lors d'une visite de travail à Moscou, Ararat Mirzoyan s'est entretenu avec Sergueï Lavrov.", "",
			[]string{"CONSULT visit Ararat Mirzoyan+Sergey Lavrov []  asserted"}, false},
		{"'I' in a quote is its speaker", "en", "Sergey Lavrov met reporters on Monday, he said.\n\nSergey Lavrov spoke. \"Jeyhun Bayramov and I agreed on this,\" he said.", "",
			[]string{"AGREE  Jeyhun Bayramov+Sergey Lavrov []  asserted"}, false},
		{"meetings in a series of dates", "en", "Armenia and Azerbaijan held talks in Geneva in January 2022 and in Vienna in March 2022.", "",
			[]string{"CONSULT meet Armenia+Azerbaijan [] 2022-01 asserted", "CONSULT meet Armenia+Azerbaijan [] 2022-03 asserted"}, false},
		{"two days of one meeting stay one", "fr", "Ararat Mirzoyan et Jeyhun Bayramov se sont rencontrés les 2 et 3 mai 2023 à Genève.", "",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov [] 2023-05-03 asserted"}, false},
		{"a ruled-out meeting is none", "fr", "Ararat Mirzoyan a exclu toute rencontre avec Jeyhun Bayramov.", "", nil, false},
		{"a participle clause shares the subject", "fr", "Nikol Pachinian a parlé aux journalistes, dénonçant l'agression de l'Azerbaïdjan.", "",
			[]string{"ACCUSE  Azerbaijan+Nikol Pashinyan []  asserted"}, false},
		{"a reported provocation is the speaker's accusation", "fr", "L'Arménie et l'Azerbaïdjan s'opposent.\n\nIlham Aliev déclare avoir repoussé les « provocations » de l'Arménie.", "",
			[]string{"ACCUSE  Armenia+Ilham Aliyev []  asserted"}, false},
		{"a border attack targets the neighbour", "en", "Armenia and Azerbaijan are at odds. Azerbaijan carried out provocations along the border.", "",
			[]string{"ASSAULT  Armenia+Azerbaijan []  asserted"}, false},
		{"an attack as a topic is no report", "fr", "Ilham Aliev a parlé au sujet de la récente provocation de l'Arménie à la frontière.", "", nil, false},
		{"an attack inside an accusation is no attested attack", "en", "Armenia accused Azerbaijan of shelling villages near the border.", "",
			[]string{"ACCUSE  Armenia+Azerbaijan []  asserted"}, false},
		{"a phone call is no request", "en", "Sergey Lavrov and Jeyhun Bayramov held a phone call on Saturday.", "",
			[]string{"CONSULT phone Jeyhun Bayramov+Sergey Lavrov []  asserted"}, false},
		{"a delegation's leader is the party", "fr", "Ilham Aliev a reçu la délégation conduite par Sergueï Lavrov.", "",
			[]string{"CONSULT meet Ilham Aliyev+Sergey Lavrov []  asserted"}, false},
		{"a visit to two countries is two visits", "fr", "Sergueï Lavrov s'est rendu en Arménie et en Azerbaïdjan.", "",
			[]string{"CONSULT visit Armenia+Sergey Lavrov []  asserted", "CONSULT visit Azerbaijan+Sergey Lavrov []  asserted"}, false},
		{"dated after publication", "fr", "Ararat Mirzoyan et Jeyhun Bayramov se rencontrent le 20 mai 2023 à Genève.", "2023-05-10",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov [] 2023-05-20 planned"}, true},
		{"request with auxiliary en", "en", "Antony Blinken has called on Nikol Pachinian to resume negotiations with Azerbaijan.", "",
			[]string{"REQUEST  Antony Blinken+Nikol Pashinyan []  asserted"}, false},
		{"request demander à", "fr", "Ilham Aliev a demandé à l'Arménie de cesser ses provocations.", "",
			[]string{"REQUEST  Armenia+Ilham Aliyev []  asserted"}, false},
		{"reported attack is an accusation fr", "fr", "Le ministère arménien a affirmé que les forces azerbaïdjanaises avaient attaqué des positions.", "",
			[]string{"ACCUSE  Armenia+Azerbaijan []  asserted"}, false},
		{"reported attack is an accusation en", "en", "Armenia said that Azerbaijan attacked its border posts overnight.", "",
			[]string{"ACCUSE  Armenia+Azerbaijan []  asserted"}, false},
		{"blaming a party in reported speech is an accusation fr", "fr", "Sergueï Lavrov a déclaré samedi que l'Azerbaïdjan entravait ouvertement le dialogue.", "",
			[]string{"ACCUSE  Azerbaijan+Sergey Lavrov []  asserted"}, false},
		{"blaming a party in reported speech is an accusation en", "en", "Ilham Aliev said Armenia was to blame for the lack of a deal.", "2023-06-12",
			[]string{"ACCUSE  Armenia+Ilham Aliyev [] 2023-06 asserted"}, false},
		{"a falsehood spread in a quotation accuses", "en", "\"Azerbaijan has deliberately spread false information,\" Nikol Pachinian wrote.", "2023-06-12",
			[]string{"ACCUSE  Azerbaijan+Nikol Pashinyan [] 2023-06 asserted"}, false},
		{"a negated blame is none", "fr", "Ararat Mirzoyan a affirmé que l'Azerbaïdjan n'entravait pas le dialogue.", "", nil, false},
		{"spreading news is no blame", "en", "Jeyhun Bayramov said Armenia spread the news quickly.", "", nil, false},
		{"preparing talks is planned", "en", "Ilham Aliev said Azerbaijan was preparing a new round of talks with Armenia.", "",
			[]string{"CONSULT meet Armenia+Azerbaijan []  planned"}, true},
		{"an appeal with words inside", "fr", "Nikol Pachinian a fait une nouvelle fois appel à l'Azerbaïdjan.", "",
			[]string{"REQUEST  Azerbaijan+Nikol Pashinyan []  asserted"}, false},
		{"soldiers of both sides killed are a clash", "fr", "L'incident a provoqué la mort de six soldats arméniens et de sept militaires azerbaïdjanais.", "2023-04-12",
			[]string{"ASSAULT  Armenia+Azerbaijan [] 2023-04 asserted"}, false},
		{"soldiers killed on one side: the other side of the conflict", "fr", "L'Arménie et l'Azerbaïdjan s'opposent. Le dernier incident a fait trois morts parmi les soldats arméniens.", "2023-04-12",
			[]string{"ASSAULT  Armenia+Azerbaijan [] 2023-04 asserted"}, false},
		{"deaths with no soldiers named are no clash", "fr", "L'épidémie a fait trois morts en Arménie.", "2023-04-12", nil, false},
		{"an agreement told again is one", "fr", "Nikol Pachinian, Ilham Aliev et Sergueï Lavrov ont convenu de rouvrir les routes. Nikol Pachinian et Ilham Aliev ont aussi convenu de libérer les prisonniers.", "2021-11-27",
			[]string{"AGREE  Ilham Aliyev+Nikol Pashinyan+Sergey Lavrov [] 2021-11 asserted"}, false},
		{"accepting a ceasefire binds the other side", "en", "Armenia and Azerbaijan fought for two days. On Tuesday, Armenia agreed to accept a ceasefire.", "2023-09-20",
			[]string{"AGREE accept Armenia+Azerbaijan [] 2023-09-19 asserted"}, false},
		{"a recalled agreement is not signed by today's ministers", "fr", "Ararat Mirzoyan et Jeyhun Bayramov se sont rencontrés le 5 mai 2023 à Genève. Le 9 novembre 2020, l'Arménie et l'Azerbaïdjan avaient signé une déclaration.", "2023-05-06",
			[]string{"CONSULT meet Ararat Mirzoyan+Jeyhun Bayramov [] 2023-05-05 asserted", "AGREE sign Armenia+Azerbaijan [] 2020-11-09 asserted"}, false},
		{"other language", "de", "Ararat Mirzoyan traf Jeyhun Bayramov.", "", nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x, err := New(Options{KeepNonFactual: tc.keepAll})
			if err != nil {
				t.Fatal(err)
			}
			a := &article.Article{ID: "t", Lang: tc.lang, Text: tc.text, Mentions: mentionsFor(tc.text)}
			if tc.published != "" {
				a.Published, _ = article.ParseDate(tc.published)
			}
			if err := x.Extract(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ev := range a.Events {
				got = append(got, strings.TrimSpace(ev.Type+" "+ev.Mode+" "+participants(ev)+" ["+hostsOf(ev)+"] "+ev.Date.String()+" "+ev.Factuality))
				for _, e := range ev.Evidence {
					if e.Start < 0 || e.End > len(a.Text) || a.Text[e.Start:e.End] != e.Text {
						t.Errorf("bad evidence span %+v", e.Span)
					}
				}
			}
			want := make([]string, len(tc.want))
			for i, w := range tc.want {
				want[i] = strings.Join(strings.Fields(w), " ")
			}
			for i := range got {
				got[i] = strings.Join(strings.Fields(got[i]), " ")
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func TestExporters(t *testing.T) {
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Ararat Mirzoyan et Jeyhun Bayramov ont signé un accord le 2 mai 2023."
	a := &article.Article{ID: "a1", Lang: "fr", Text: text, URL: "https://example.org/x", Mentions: mentionsFor(text)}
	if err := x.Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Events) != 1 {
		t.Fatalf("want 1 event, got %d", len(a.Events))
	}
	arts := map[string]*article.Article{"a1": a}
	var pj, gc bytes.Buffer
	if err := WritePOLECAT(&pj, a.Events, arts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(pj.String(), `"event_type":"AGREE"`) || !strings.Contains(pj.String(), `"event_date":"2023-05-02"`) {
		t.Errorf("POLECAT output: %s", pj.String())
	}
	if err := WriteGDELTCSV(&gc, a.Events, arts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(gc.String(), ",20230502,") || !strings.Contains(gc.String(), ",05,05,1,") {
		t.Errorf("GDELT output: %s", gc.String())
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Ararat Mirzoyan et Jeyhun Bayramov se sont rencontrés à Tbilissi le 16 juillet.", "fr")
	f.Add("Sergey Lavrov hosted Ararat Mirzoyan and Jeyhun Bayramov on Friday.", "en")
	f.Add("l'Azerbaïdjan a attaqué ' ’ « » 1er mai", "fr")
	x, err := New(Options{KeepNonFactual: true, KeepBackground: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		a := &article.Article{ID: "f", Lang: lang, Text: text, Mentions: mentionsFor(text)}
		a.Published = article.Date{Year: 2022, Month: 7, Day: 18, Precision: article.PrecDay}
		if err := x.Extract(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for _, ev := range a.Events {
			if ev.Trigger.Start < 0 || ev.Trigger.End > len(text) || ev.Trigger.Start > ev.Trigger.End {
				t.Fatalf("bad trigger %+v", ev.Trigger)
			}
			for _, e := range ev.Evidence {
				if e.Start < 0 || e.End > len(text) || e.Start > e.End {
					t.Fatalf("bad evidence %+v", e.Span)
				}
			}
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	para := "Le 16 juillet, le ministre arménien des Affaires étrangères Ararat Mirzoyan et Jeyhun Bayramov se sont rencontrés à Tbilissi. " +
		"Antony Blinken a organisé des pourparlers entre Ararat Mirzoyan et Jeyhun Bayramov. " +
		"Nikol Pachinian a accusé l'Azerbaïdjan d'avoir attaqué des positions arméniennes, et a appelé la communauté internationale à réagir. " +
		"Les discussions ont porté sur la délimitation des frontières et le traité de paix.\n"
	text := strings.Repeat(para, 40)
	ments := mentionsFor(text)
	x, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := &article.Article{ID: "b", Lang: "fr", Text: text, Mentions: ments}
		if err := x.Extract(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPolities checks that a region or a city of it named as a party (not
// a location) stands for the polity governing it.
func TestPolities(t *testing.T) {
	polity := func(id string) (article.Actor, bool) {
		if id == "test:region" || id == "test:city" {
			return article.Actor{Name: "Republic of Artsakh", Entity: "test:nkr", Country: "NKR"}, true
		}
		return article.Actor{}, false
	}
	x, err := New(Options{Polity: polity})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, text, want string }{
		{"offensive against the region", "L'Azerbaïdjan a lancé une offensive contre le Haut-Karabakh.", "ASSAULT Azerbaijan>Republic of Artsakh"},
		{"shelling a city of the region", "L'Azerbaïdjan a bombardé Stepanakert.", "ASSAULT Azerbaijan>Republic of Artsakh"},
		{"a location is no party", "L'Azerbaïdjan et l'Arménie ont discuté au Haut-Karabakh.", "CONSULT Armenia+Azerbaijan"},
		{"an attack after a place takes it as target", "La situation dans le Haut-Karabakh après l'attaque de l'Azerbaïdjan reste grave.", "ASSAULT Azerbaijan>Republic of Artsakh"},
		{"a city before the attack names no target", "La situation à Stepanakert après l'attaque de l'Azerbaïdjan reste grave.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := mentionsFor(tc.text)
			for _, p := range []struct{ surface, id string }{{"Haut-Karabakh", "test:region"}, {"Stepanakert", "test:city"}} {
				if i := strings.Index(tc.text, p.surface); i >= 0 {
					typ := article.TypeRegion
					if p.id == "test:city" {
						typ = article.TypeCity
					}
					ms = append(ms, article.Mention{Span: article.Span{Start: i, End: i + len(p.surface)}, Text: p.surface, Type: typ, Kind: article.KindName, Entity: p.id, Name: p.surface})
				}
			}
			a := &article.Article{ID: "p", Lang: "fr", Text: tc.text, Mentions: ms}
			if err := x.Extract(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ev := range a.Events {
				var src, tgt []string
				for _, ac := range ev.Participants() {
					if ac.Role == article.RoleTarget {
						tgt = append(tgt, ac.Name)
					} else {
						src = append(src, ac.Name)
					}
				}
				sort.Strings(src)
				if ev.Type == "ASSAULT" {
					got = append(got, ev.Type+" "+strings.Join(src, "+")+">"+strings.Join(tgt, "+"))
				} else {
					all := append(src, tgt...)
					sort.Strings(all)
					got = append(got, ev.Type+" "+strings.Join(all, "+"))
				}
			}
			if strings.Join(got, "\n") != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
