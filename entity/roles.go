package entity

import (
	"strings"

	"github.com/vigie-news/vigie/wordset"
)

// rolePhrase is a role description's head: folded words, the role key it
// denotes and, for a few, the country implied when none is given.
type rolePhrase struct {
	words []string
	key   string
	// defOf is the "of" used when the text names no country ("Secretary of State" → USA).
	defOf string
	// counterpart phrases ("son homologue", "his counterpart") take the
	// role of the previous role description.
	counterpart bool
}

func phrases(list ...string) []rolePhrase {
	var out []rolePhrase
	for _, l := range list {
		parts := strings.SplitN(l, "=", 2)
		rp := rolePhrase{words: strings.Fields(parts[0])}
		v := parts[1]
		if i := strings.IndexByte(v, '@'); i >= 0 {
			rp.defOf = v[i+1:]
			v = v[:i]
		}
		if v == "counterpart" {
			rp.counterpart = true
		}
		rp.key = v
		out = append(out, rp)
	}
	return out
}

// rolePhrases lists role heads per language, longest first where prefixes
// overlap (matching takes the longest).
var rolePhrases = map[string][]rolePhrase{
	"fr": phrases(
		"president=president", "presidente=president", "chef de l etat=president",
		"premier ministre=prime_minister", "chef du gouvernement=prime_minister",
		"vice president=vice_president", "vice premier ministre=deputy_prime_minister",
		"ministre des affaires etrangeres=foreign_minister", "chef de la diplomatie=foreign_minister",
		"haut diplomate=foreign_minister", "ministre des affaires exterieures=foreign_minister",
		"secretaire d etat=foreign_minister@USA",
		"ministre de la defense=defence_minister", "ministre de l interieur=interior_minister",
		"porte parole du ministere des affaires etrangeres=mfa_spokesperson",
		"porte parole de la diplomatie=mfa_spokesperson", "porte parole du mae=mfa_spokesperson",
		"porte parole de la presidence=presidential_spokesperson", "porte parole du president=presidential_spokesperson",
		"porte parole du kremlin=presidential_spokesperson@RUS",
		"secretaire du conseil de securite=security_council_secretary",
		"president du parlement=speaker", "presidente du parlement=speaker",
		"president de l assemblee nationale=speaker", "presidente de l assemblee nationale=speaker",
		"president du milli majlis=speaker@AZE", "presidente du milli majlis=speaker@AZE",
		"envoye special=envoy", "representant special=envoy", "copresident du groupe de minsk=minsk_cochair",
		"secretaire general=secretary_general", "ambassadeur=ambassador", "ambassadrice=ambassador",
		"chef d etat major=chief_of_staff", "chef de l etat major=chief_of_staff",
		"defenseur des droits de l homme=ombudsman", "mediateur=ombudsman",
		"homologue=counterpart",
	),
	"en": phrases(
		"president=president", "head of state=president",
		"prime minister=prime_minister", "premier=prime_minister",
		"vice president=vice_president", "deputy prime minister=deputy_prime_minister",
		"foreign minister=foreign_minister", "minister of foreign affairs=foreign_minister",
		"top diplomat=foreign_minister", "chief diplomat=foreign_minister", "head of diplomacy=foreign_minister",
		"head of the diplomacy=foreign_minister", "chief of diplomacy=foreign_minister", "secretary of state=foreign_minister@USA",
		"foreign secretary=foreign_minister@GBR",
		"defence minister=defence_minister", "defense minister=defence_minister",
		"minister of defence=defence_minister", "minister of defense=defence_minister",
		"defense secretary=defence_minister@USA", "secretary of defense=defence_minister@USA",
		"interior minister=interior_minister", "minister of internal affairs=interior_minister",
		"foreign ministry spokesperson=mfa_spokesperson", "foreign ministry spokesman=mfa_spokesperson",
		"foreign ministry spokeswoman=mfa_spokesperson", "state department spokesperson=mfa_spokesperson@USA",
		"state department spokesman=mfa_spokesperson@USA", "presidential spokesperson=presidential_spokesperson",
		"presidential spokesman=presidential_spokesperson", "kremlin spokesman=presidential_spokesperson@RUS",
		"security council secretary=security_council_secretary",
		"secretary of the security council=security_council_secretary",
		"parliament speaker=speaker", "speaker of parliament=speaker", "speaker=speaker",
		"special envoy=envoy", "special representative=envoy", "minsk group co chair=minsk_cochair",
		"secretary general=secretary_general", "ambassador=ambassador", "chief of general staff=chief_of_staff",
		"chief of staff=chief_of_staff", "ombudsman=ombudsman", "human rights defender=ombudsman",
		"counterpart=counterpart",
	),
}

// roleIndex maps a first word to the phrases starting with it, per language.
var roleIndex = func() map[string]map[string][]rolePhrase {
	idx := map[string]map[string][]rolePhrase{}
	for lang, ps := range rolePhrases {
		m := map[string][]rolePhrase{}
		for _, p := range ps {
			m[p.words[0]] = append(m[p.words[0]], p)
		}
		idx[lang] = m
	}
	return idx
}()

// roleFirstShapes are the shapes of the first words of roleIndex, all
// languages together.
var roleFirstShapes = func() (t wordset.Shapes) {
	for _, m := range roleIndex {
		for w := range m {
			t.Add(w)
		}
	}
	return t
}()

// roleTitles gives readable titles for role keys.
var roleTitles = map[string]string{
	"president": "President", "prime_minister": "Prime Minister", "vice_president": "Vice President",
	"deputy_prime_minister": "Deputy Prime Minister", "foreign_minister": "Minister of Foreign Affairs",
	"defence_minister": "Minister of Defence", "interior_minister": "Minister of Internal Affairs",
	"mfa_spokesperson": "Foreign Ministry Spokesperson", "presidential_spokesperson": "Presidential Spokesperson",
	"security_council_secretary": "Secretary of the Security Council", "speaker": "Speaker of Parliament",
	"envoy": "Special Envoy", "minsk_cochair": "OSCE Minsk Group Co-Chair", "secretary_general": "Secretary General",
	"council_president": "President of the European Council", "commission_president": "President of the European Commission",
	"high_representative": "High Representative", "ambassador": "Ambassador", "chief_of_staff": "Chief of the General Staff",
	"ombudsman": "Ombudsman",
}
