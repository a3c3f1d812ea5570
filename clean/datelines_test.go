package clean

import "testing"

// datelineLines start with datelines of every pattern, and near misses.
var datelineLines = []string{
	"STEPANAKERT, 25 MAI, ARTSAKHPRESS : Le texte.", "Bakou, 2 août, AZERTAC", "Bakou, 7 oct 2020 (AFP) - Texte",
	"STEPANAKERT, MAY 19, ARTSAKHPRESS-ARMENPRESS: Text", "YEREVAN, November 10. /ARKA/. Text", "MOSCOW (Reuters) - Text",
	"Paris  (AFP) - Texte", "NEW YORK (AP) — Text", "EREVAN, ARKA", "BAKU, Sept. 13 (AZERTAC) - Text", "Nour-Soultan, 3 mars, TASS :",
	"L’Île-Rousse, 1er mai 2021, AFP -", "A B C D E, 1 mai, AFP", "A B C D, 1 mai, AFP", "The talks covered the border.",
	"European Union observers", "Bulletin 1", "É", "X,", "Y (", "Z \t(", "Bakou ,", "", "\xffBakou, 1 mai, AFP",
}

// TestMayStartDateline: a dateline pattern that matches passes the filter.
func TestMayStartDateline(t *testing.T) {
	matched := 0
	for _, s := range datelineLines {
		if checkMayStartDateline(t, s) {
			matched++
		}
	}
	if matched < 10 {
		t.Errorf("only %d lines match a dateline pattern", matched)
	}
	for _, s := range []string{"The talks covered the border.", "European Union observers", "Bulletin 1", ""} {
		if mayStartDateline(s) {
			t.Errorf("mayStartDateline(%q) = true", s)
		}
	}
}

func checkMayStartDateline(t *testing.T, s string) bool {
	t.Helper()
	for i, re := range datelinePatterns {
		if re.MatchString(s) {
			if !mayStartDateline(s) {
				t.Errorf("datelinePatterns[%d] matches %q, mayStartDateline says no", i, s)
			}
			return true
		}
	}
	return false
}

func FuzzMayStartDateline(f *testing.F) {
	for _, s := range datelineLines {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 300 {
			return
		}
		checkMayStartDateline(t, s)
	})
}
