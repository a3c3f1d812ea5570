package event

// stateNames maps ISO 3166-1 alpha-3 codes (and NKR) to the canonical
// English short names the gold and the KB use for states.
var stateNames = map[string]string{
	"ARM": "Armenia", "AZE": "Azerbaijan", "RUS": "Russia", "USA": "United States", "TUR": "Turkey",
	"FRA": "France", "GEO": "Georgia", "IRN": "Iran", "DEU": "Germany", "GBR": "United Kingdom",
	"KAZ": "Kazakhstan", "NKR": "Republic of Artsakh", "UKR": "Ukraine", "CHN": "China", "ISR": "Israel",
	"HUN": "Hungary", "BEL": "Belgium", "CHE": "Switzerland", "ITA": "Italy", "ESP": "Spain", "POL": "Poland",
	"CZE": "Czech Republic", "IND": "India", "PAK": "Pakistan", "BLR": "Belarus", "KGZ": "Kyrgyzstan",
	"UZB": "Uzbekistan", "TKM": "Turkmenistan", "TJK": "Tajikistan", "IRQ": "Iraq", "SYR": "Syria",
	"GRC": "Greece", "CYP": "Cyprus", "NLD": "Netherlands", "SWE": "Sweden", "CAN": "Canada", "JPN": "Japan",
	"QAT": "Qatar", "SAU": "Saudi Arabia", "ARE": "United Arab Emirates", "EGY": "Egypt", "MDA": "Moldova",
	"ROU": "Romania", "BGR": "Bulgaria", "AUT": "Austria", "LTU": "Lithuania", "LVA": "Latvia", "EST": "Estonia",
}

// capitals are capital cities that stand for their state when used as a
// subject or object rather than as a location.
var capitals = map[string]bool{
	"Yerevan": true, "Baku": true, "Moscow": true, "Washington": true, "Ankara": true, "Paris": true,
	"Tbilisi": true, "Tehran": true, "Berlin": true, "London": true, "Stepanakert": true, "Kyiv": true,
	"Beijing": true, "Astana": true, "Washington, D.C.": true,
}

func stateName(code string) string { return stateNames[code] }

func isCapital(name string) bool { return capitals[name] }
