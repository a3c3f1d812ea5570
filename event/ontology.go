package event

// TypeInfo describes one PLOVER event type.
type TypeInfo struct {
	// Name is the PLOVER type ("CONSULT").
	Name string
	// Description says what the type covers.
	Description string
	// Modes are the PLOVER modes of the type.
	Modes []string
	// CAMEO is the CAMEO root code used for GDELT-style export.
	CAMEO string
	// QuadClass is the GDELT quad class: 1 verbal cooperation, 2 material
	// cooperation, 3 verbal conflict, 4 material conflict.
	QuadClass int
}

// Ontology lists the 16 PLOVER event types in PLOVER order.
var Ontology = []TypeInfo{
	{"AGREE", "Agree to, sign or accept an agreement, proposal or invitation", []string{"sign", "accept", "settle", "ceasefire", "promise"}, "05", 1},
	{"CONSULT", "Meet, talk, phone, visit or exchange letters", []string{"meet", "phone", "visit", "host", "third-party", "multilateral", "correspondence"}, "04", 1},
	{"SUPPORT", "Express support, praise or endorse", []string{"praise", "endorse", "defend", "apologize"}, "05", 1},
	{"CONCEDE", "Yield, ease restrictions, release or return", []string{"release", "ease", "return", "disarm", "allow"}, "08", 2},
	{"COOPERATE", "Cooperate materially: economic, military, judicial", []string{"economic", "military", "judicial", "intelligence"}, "06", 2},
	{"AID", "Provide economic, military or humanitarian aid", []string{"economic", "military", "humanitarian", "asylum"}, "07", 2},
	{"RETREAT", "Withdraw forces, release, demobilise", []string{"withdraw", "release", "return", "disarm", "demobilize"}, "08", 2},
	{"REQUEST", "Demand, call on or appeal to another actor", []string{"demand", "appeal", "assistance", "change", "mediation"}, "10", 3},
	{"ACCUSE", "Accuse, blame, condemn or denounce", []string{"accuse", "condemn", "investigate", "allege"}, "11", 3},
	{"REJECT", "Reject, refuse or veto a proposal or demand", []string{"proposal", "demand", "veto", "defy"}, "12", 3},
	{"THREATEN", "Threaten with force, sanctions or other action", []string{"force", "sanction", "ultimatum", "cut-ties"}, "13", 3},
	{"PROTEST", "Demonstrate, strike, boycott", []string{"demonstrate", "hunger-strike", "boycott", "riot"}, "14", 3},
	{"SANCTION", "Impose sanctions, embargo, expel, cut ties", []string{"embargo", "expel", "cut-ties", "suspend"}, "16", 4},
	{"MOBILIZE", "Mobilise, deploy or put forces on alert", []string{"troops", "alert", "police", "weapons"}, "15", 4},
	{"COERCE", "Arrest, seize, block, expel or repress", []string{"arrest", "seize", "block", "censor", "deport"}, "17", 4},
	{"ASSAULT", "Armed attack, shelling, clash or violence", []string{"firearms", "heavy-weapons", "aerial", "explosives", "beat", "kill", "drone"}, "19", 4},
}

// Contexts are the PLOVER-style contexts an event may carry.
var Contexts = []string{"diplomatic", "military", "humanitarian", "historical", "territory", "ceasefire", "peace-process", "economic", "political"}

// GuidelineTypes are the event types the vigie gold annotation covers and
// the extractor emits by default.
var GuidelineTypes = []string{"CONSULT", "AGREE", "REQUEST", "ACCUSE", "ASSAULT"}

// LookupType returns the ontology entry of a type name.
func LookupType(name string) (TypeInfo, bool) {
	for _, t := range Ontology {
		if t.Name == name {
			return t, true
		}
	}
	return TypeInfo{}, false
}

// defaultContext is the context each type gets unless cues say otherwise.
var defaultContext = map[string]string{
	"AGREE": "diplomatic", "CONSULT": "diplomatic", "SUPPORT": "diplomatic", "CONCEDE": "political",
	"COOPERATE": "diplomatic", "AID": "humanitarian", "RETREAT": "military", "REQUEST": "diplomatic",
	"ACCUSE": "diplomatic", "REJECT": "diplomatic", "THREATEN": "military", "PROTEST": "political",
	"SANCTION": "economic", "MOBILIZE": "military", "COERCE": "military", "ASSAULT": "military",
}
