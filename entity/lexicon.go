package entity

import "github.com/vigie-news/vigie/translit"

// Word lists used by the recogniser. All entries are folded (lower case,
// no accents), as produced by translit.Fold.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// firstNames are common given names across the languages the news covers
// (French, English, Armenian, Azerbaijani, Russian, Turkish, Georgian,
// Persian, Arabic, German, Italian, Spanish). A capitalised sequence that
// starts with one is typed person.
var firstNames = set(
	// French
	"jean", "pierre", "paul", "jacques", "michel", "philippe", "alain", "patrick", "nicolas", "christophe",
	"francois", "frederic", "laurent", "olivier", "eric", "stephane", "pascal", "sebastien", "julien", "thomas",
	"antoine", "vincent", "guillaume", "emmanuel", "gerard", "bernard", "claude", "daniel", "denis", "didier",
	"dominique", "francis", "gilles", "herve", "hugues", "jeremy", "jerome", "joel", "lionel", "luc", "marc",
	"mathieu", "maxime", "remi", "richard", "robert", "roger", "serge", "sylvain", "thierry", "yves", "bruno",
	"benoit", "charles", "arnaud", "cedric", "fabien", "florian", "gabriel", "henri", "hubert", "louis", "marcel",
	"raymond", "rene", "xavier", "yann", "zinedine", "edouard", "georges", "andre", "clement", "damien",
	"marie", "sophie", "nathalie", "isabelle", "catherine", "christine", "sylvie", "valerie", "anne", "julie",
	"celine", "sandrine", "veronique", "helene", "claire", "camille", "ségolene", "segolene", "elisabeth",
	"brigitte", "martine", "monique", "agnes", "aurelie", "caroline", "chantal", "florence", "francoise",
	"laure", "manon", "marine", "pauline", "rachida", "simone", "virginie", "juliette", "chloe", "lea",
	// English, German, Italian, Spanish, Dutch, Nordic
	"john", "james", "william", "david", "michael", "joseph", "george", "peter", "mark", "andrew", "anthony",
	"antony", "joe", "jake", "donald", "barack", "hillary", "kamala", "mike", "matthew", "stephen", "steven",
	"christopher", "edward", "henry", "jack", "kevin", "brian", "ronald", "timothy", "jason", "jeffrey",
	"ryan", "gary", "larry", "frank", "scott", "eric", "benjamin", "samuel", "patrick", "alexander", "rod",
	"pete", "andy", "arthur", "roger", "billy", "martin", "quentin", "francis", "ben",
	"tom", "tim", "bill", "bob", "dick", "harry", "jim", "ted", "tony", "will", "nick", "sam", "chris",
	"mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
	"nancy", "lisa", "margaret", "sandra", "ashley", "emily", "donna", "michelle", "carol", "amanda",
	"melissa", "deborah", "laura", "rebecca", "sharon", "cynthia", "kathleen", "helen", "amy", "alice",
	"julia", "diana", "robin", "carla", "anna", "annalena", "angela", "ursula", "olaf", "frank",
	"walter", "heiko", "wolfgang", "gerhard", "helmut", "friedrich", "hans", "klaus", "jurgen", "karl",
	"markus", "stefan", "andreas", "christian", "matthias", "thorsten", "josep", "josé", "jose", "juan",
	"carlos", "pedro", "pablo", "miguel", "luis", "antonio", "manuel", "francisco", "javier",
	"giuseppe", "giorgia", "mario", "matteo", "sergio", "luigi", "federico", "leonardo",
	"roberto", "alessandro", "paolo", "marco", "silvio", "romano", "enrico", "jens", "anders", "lars",
	"mette", "sanna", "mark", "rutte", "josep", "charles", "boris", "rishi", "keir", "theresa", "liz",
	"lucas", "lucas", "mateus", "mohamed", "mohammed", "muhammad", "ahmed", "ahmad", "ali",
	"hassan", "hussein", "omar", "khalid", "abdullah", "youssef", "karim", "amir",
	"andrew", "robert", "luka", "novak", "rafael", "roger",
	// Armenian
	"nikol", "ararat", "ara", "armen", "arayik", "arthur", "artur", "aram", "arman", "arsen", "ashot",
	"davit", "david", "gagik", "garegin", "grigor", "hakob", "hayk", "hovhannes", "karen", "kocharyan",
	"levon", "mher", "robert", "ruben", "samvel", "sargis", "serzh", "seyran", "sergey", "tigran", "vahan",
	"vahe", "vardan", "zohrab", "artak", "arpi", "anna", "lilit", "gayane", "mane", "siranush",
	"krikor", "vazgen", "varuzhan", "edmon", "andranik", "alen", "ani", "arsen", "avet", "eduard",
	"gurgen", "harutyun", "hrant", "kristine", "narine", "sona", "tatevik", "shushan", "vagharshak",
	// Azerbaijani, Turkish, Central Asian
	"ilham", "heydar", "mehriban", "jeyhun", "ceyhun", "djeyhoun", "elmar", "hikmet", "zakir", "ramiz",
	"elchin", "vugar", "sahiba", "sabina", "farid", "ali", "mukhtar", "novruz", "hafiz", "leyla",
	"aydin", "anar", "azer", "elnur", "emin", "fuad", "kamran", "rashad", "samir", "tural", "ulvi",
	"recep", "mevlut", "hakan", "ibrahim", "kemal", "ahmet", "mehmet", "mustafa", "murat", "omer",
	"kassym", "nursultan", "shavkat", "emomali", "sadyr", "baghdad", "bagdat", "serdar",
	// Russian, Ukrainian, Belarusian
	"vladimir", "dmitri", "dmitry", "sergei", "sergey", "serguei", "alexei", "alexey", "alexander",
	"aleksandr", "alexandre", "andrei", "andrey", "mikhail", "nikolai", "nikolay", "ivan", "igor", "oleg",
	"yuri", "youri", "viktor", "victor", "boris", "maria", "margarita", "natalia", "olga", "tatiana",
	"irina", "elena", "svetlana", "valentina", "ekaterina", "anastasia", "ksenia", "oksana", "volodymyr",
	"petro", "dmytro", "alexander", "evgeny", "yevgeny", "konstantin", "pavel", "maxim", "anton", "denis",
	"grigory", "stanislav", "vyacheslav", "leonid", "roman", "arkady", "gennady", "valery", "pyotr",
	"alexandr", "ramzan", "rustam", "timur", "yulia", "lyudmila", "galina",
	// Georgian
	"irakli", "ilia", "giorgi", "mikheil", "salome", "bidzina", "davit", "levan", "zurab", "tamar",
	"nino", "eka", "ketevan", "gela", "grigol", "kakha", "otar", "shalva", "tengiz", "vakhtang",
	// Persian, Arab
	"hassan", "ebrahim", "hossein", "mahmoud", "javad", "abbas", "mohammad", "ayatollah", "masoud",
	"bashar", "recep", "emmanuel",
	// More given names of the region and of the international news
	"anahit", "armine", "astghik", "hasmik", "hripsime", "karine", "lusine", "mariam", "nvard", "ruzanna",
	"satenik", "zaruhi", "gohar", "suren", "vahagn", "arshak", "babken", "edgar", "gevorg", "hovik", "hrayr",
	"khachatur", "mikael", "narek", "razmik", "sevak", "smbat", "vache", "zaven", "avetik", "hamlet", "jirair",
	"manvel", "movses", "petros", "rouben", "spartak", "stepan", "taron", "tatul", "vigen", "yervand",
	"zhirayr", "hovsep", "mamikon", "lernik", "artsvik", "araik", "arayik", "alen", "tigran", "hayarpi",
	"elnur", "elshad", "hikmat", "javid", "kamal", "mammad", "orkhan", "ramil", "rovshan", "rufat", "samad",
	"shahin", "togrul", "vusal", "zaur", "aydan", "gunel", "nargiz", "sevinj", "aynur", "ulviyya", "mubariz",
	"fariz", "ilgar", "khalaf", "mahir", "nazim", "rauf", "ramin", "tofig", "vagif", "yashar", "bahruz",
	"eldar", "elmir", "nijat", "polad", "sahib", "ziya", "ogtay", "mikayil", "ilqar", "xalaf", "jeyhoun",
	"ekaterine", "mamuka", "nika", "tinatin", "zviad", "nodar", "shota", "tornike", "archil", "badri",
	"binali", "bekir", "cem", "devlet", "emine", "ekrem", "fatih", "hulusi", "ismail", "nurettin", "suleyman",
	"yasar", "numan", "bulent", "kazem", "nasser", "saeed", "reza", "hamid", "mehdi", "hamed",
	"sergei", "anatoly", "artem", "kirill", "mikhail", "nikita", "ruslan", "vadim", "vasily", "yaroslav",
	"zakhar", "aleksey", "aleksei", "dmitriy", "gennadi", "gennadiy", "matvei", "valentin", "vitaly", "yury",
	"adam", "alan", "albert", "alex", "barry", "bernie", "bruce", "carl", "charlotte", "craig", "dan",
	"dave", "dennis", "doug", "douglas", "emma", "fred", "gordon", "graham", "greg", "hannah", "harold",
	"howard", "ian", "jane", "janet", "jeff", "jeremy", "jerry", "jonathan", "josh", "joshua", "judy",
	"justin", "katherine", "keith", "ken", "kenneth", "kyle", "lloyd", "lucy", "luke", "matt", "megan",
	"mitch", "nathan", "neil", "oliver", "olivia", "phil", "philip", "rachel", "ralph", "randy", "rick",
	"russell", "sean", "simon", "stuart", "terry", "todd", "wayne", "andy", "gus", "orson", "luchino",
	"antonin", "aurelien", "bastien", "baptiste", "benjamin", "corentin", "dorian", "etienne", "fabrice",
	"gaetan", "gregoire", "gregory", "kevin", "loic", "ludovic", "mickael", "nathan", "raphael",
	"romain", "valentin", "yannick", "anne-marie", "beatrice", "corinne", "delphine", "emilie", "fabienne",
	"genevieve", "josiane", "lucie", "mathilde", "muriel", "nadine", "odile", "patricia", "solene", "yael",
	"annalena", "kaja", "josep", "volker", "toivo", "olof", "magdalena", "tarja", "heiko",
	"kassym", "jomart", "ursula", "dmytro", "volodymyr", "andriy", "antonio", "ahmed", "ibrahim", "recep",
)

// titleWords precede a person's name ("M. X", "le président X",
// "Foreign Minister X"). A name right after one is typed person.
var titleWords = set(
	"m", "mme", "mlle", "mr", "mrs", "ms", "dr", "me", "pr", "sir", "lord", "lady",
	"president", "presidente", "ministre", "minister", "secretaire", "secretary", "premier", "prime",
	"chancelier", "chanceliere", "chancellor", "vice", "porte", "parole", "spokesman", "spokeswoman",
	"spokesperson", "ambassadeur", "ambassadrice", "ambassador", "envoye", "envoy", "general", "generale",
	"colonel", "commandant", "capitaine", "lieutenant", "marechal", "amiral", "admiral", "senateur", "senator",
	"depute", "deputee", "chef", "roi", "reine", "king", "queen", "prince", "princesse", "pape", "pope",
	"patriarche", "patriarch", "archeveque", "eveque", "catholicos", "maire", "mayor", "gouverneur", "governor",
	"juge", "judge", "procureur", "prosecutor", "conseiller", "conseillere", "adviser", "advisor", "journaliste",
	"journalist", "ecrivain", "writer", "auteur", "author", "professeur", "professor", "docteur", "doctor",
	"homologue", "counterpart", "diplomate", "diplomat", "representant", "representative", "speaker",
	"mediateur", "ombudsman", "foreign", "defence", "defense", "interior", "state", "affaires", "etrangeres",
	"entraineur", "coach", "realisateur", "director", "cineaste", "acteur", "actrice", "actor", "actress",
	"joueur", "player", "attaquant", "milieu", "defenseur", "gardien", "striker", "midfielder", "ceo",
	"deputy", "adjoint", "adjointe", "vice-ministre", "commissaire", "commissioner", "haut", "high",
	"sergent", "soldat", "militant", "activist", "opposant", "leader", "dirigeant", "candidat", "candidate",
	"co", "presidents", "ministres", "ministers",
)

// weakTitles are stripped with titles ("Foreign Minister X", "Haut-Karabakh")
// but are no evidence of a person by themselves.
var weakTitles = set("haut", "high", "vice", "co", "state", "affaires", "etrangeres", "foreign", "defence",
	"defense", "interior", "premier", "prime", "deputy", "adjoint", "adjointe", "general", "generale", "porte", "parole")

// honorifics are titles that are abbreviations or forms of address, so
// that the next capitalised word is a person even when alone.
var honorifics = set("m", "mme", "mlle", "mr", "mrs", "ms", "dr", "sir", "lady", "lord")

// nameParticles may occur inside a person's name ("Jean-Yves Le Drian",
// "Gus Van Sant", "Ursula von der Leyen").
var nameParticles = set("de", "del", "della", "van", "von", "der", "den", "da", "di", "du", "le", "la", "al", "el", "bin", "ibn", "ben", "y", "dos", "das")

// orgHeads make a capitalised sequence an organisation.
var orgHeads = set(
	"ministere", "ministry", "conseil", "council", "agence", "agency", "union", "organisation", "organization",
	"assemblee", "assembly", "parlement", "parliament", "cour", "court", "tribunal", "comite", "committee",
	"commission", "banque", "bank", "fondation", "foundation", "institut", "institute", "universite",
	"university", "groupe", "group", "parti", "party", "front", "armee", "army", "forces", "service",
	"services", "department", "departement", "office", "bureau", "centre", "center", "association", "federation",
	"ligue", "league", "club", "fc", "press", "presse", "news", "tv", "radio", "times", "post", "journal",
	"gazette", "agency", "corporation", "company", "societe", "compagnie", "airlines", "nations", "unies",
	"united", "etats", "unis", "republique", "republic", "kingdom", "royaume", "eglise", "church",
	"academie", "academy", "ecole", "school", "festival", "prix", "prize", "award", "cup", "coupe",
	"championnat", "championship", "mouvement", "movement", "alliance", "coalition", "sommet", "summit",
	"declaration", "accord", "agreement", "traite", "treaty", "plan", "programme", "program", "projet",
	"project", "operation", "corridor", "route", "rue", "avenue", "boulevard", "place", "pont", "bridge",
	"lac", "lake", "mont", "mount", "riviere", "river", "region", "province", "oblast", "district",
)

// notNames are capitalised words that start sentences or headings and are
// never names by themselves.
var notNames = set(
	"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "mais", "donc", "car", "ni",
	"selon", "pour", "par", "avec", "sans", "sous", "sur", "dans", "en", "a", "au", "aux", "ce", "cet",
	"cette", "ces", "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "lors", "apres", "avant",
	"depuis", "pendant", "alors", "ainsi", "cependant", "toutefois", "neanmoins", "enfin", "puis", "quant",
	"the", "a", "an", "and", "or", "but", "so", "for", "with", "without", "in", "on", "at", "to", "from",
	"by", "of", "this", "that", "these", "those", "he", "she", "it", "they", "we", "you", "i", "his", "her",
	"their", "its", "our", "after", "before", "during", "since", "while", "when", "where", "as", "if",
	"according", "however", "meanwhile", "also", "yet", "then", "there", "here", "what", "who", "which",
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
	"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
	"novembre", "decembre", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "photo", "video", "source", "lire", "read", "afp", "reuters", "ap",
)

// personSuffixes are surname endings (folded) frequent in the region.
var personSuffixes = []string{
	"yan", "ian", "ov", "ev", "ova", "eva", "adze", "shvili", "chvili", "oglu", "enko", "sky", "ski",
	"skaya", "yev", "iev", "zade", "zadeh", "uk", "vich", "ovic", "ovich", "evich", "lu", "li",
}

// actorNouns are nouns a demonym may qualify to stand for its state
// ("les forces arméniennes", "the Azerbaijani side").
var actorNouns = set(
	// French
	"forces", "force", "armee", "armees", "militaires", "militaire", "soldats", "soldat", "troupes",
	"partie", "parties", "cote", "gouvernement", "gouvernements", "autorites", "dirigeants", "dirigeant",
	"diplomatie", "ministere", "ministeres", "delegation", "delegations", "president", "presidence",
	"premier", "ministre", "ministres", "parlement", "deputes", "responsables", "officiels", "positions",
	"position", "unites", "artillerie", "aviation", "drones", "drone", "gardes", "frontaliers", "police",
	"services", "renseignement", "medias", "presse", "opposition", "pouvoir", "regime", "etat", "diaspora",
	"negociateurs", "representants", "ambassade", "ambassadeur", "homologue", "chef", "chefs", "administration",
	"snipers", "tirs", "attaques", "offensive", "bombardements", "agresseur", "agression",
	// English
	"army", "armed", "military", "troops", "soldiers", "side", "sides", "government", "authorities",
	"leaders", "leader", "leadership", "diplomacy", "ministry", "delegation", "president", "presidency",
	"prime", "minister", "ministers", "foreign", "defence", "defense", "parliament", "officials", "official",
	"units", "artillery", "drones", "border", "guards", "police", "services", "intelligence", "media",
	"opposition", "regime", "state", "diaspora", "negotiators", "representatives", "embassy", "ambassador",
	"counterpart", "administration", "positions", "shelling", "attacks", "offensive", "aggression",
)

// facilityHeads are nouns of places and bodies that take a person's name
// ("aéroport Heydar Aliyev", "Centre George Shultz", "rue Jean Jaurès").
var facilityHeads = set(
	"centre", "center", "institut", "institute", "ecole", "school", "lycee", "college", "universite", "university",
	"fondation", "foundation", "stade", "stadium", "aeroport", "airport", "rue", "avenue", "boulevard", "place",
	"pont", "bridge", "gare", "station", "musee", "museum", "hopital", "hospital", "academie", "academy",
	"bibliotheque", "library", "salle", "hall", "palais", "palace", "parc", "park", "square", "quai", "prix", "prize",
	"mosquee", "mosque", "cathedrale", "cathedral", "eglise", "church", "complexe", "complex", "arena",
)

// clauseWords end the look-back for a facility head: verbs and words that
// open a new phrase ("le Centre a invité George Shultz").
var clauseWords = set(
	"a", "ont", "est", "sont", "etait", "avait", "sera", "fut", "has", "have", "had", "is", "was", "were", "will",
	"et", "and", "ou", "or", "que", "qui", "that", "who", "par", "by", "avec", "with", "selon", "pour", "for",
	"invite", "recu", "rencontre", "met", "invited", "received",
)

// listConj join the members of an enumeration ("X et Y", "X ou encore Y").
var listConj = set("et", "and", "ou", "or", "encore")

// firstNameKeys are the transliteration keys of firstNames.
var firstNameKeys = func() map[string]bool {
	m := make(map[string]bool, len(firstNames))
	for f := range firstNames {
		m[translit.Key(f)] = true
	}
	return m
}()
