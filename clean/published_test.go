package clean

import "testing"

// stampLines hold dates in the shapes of the stamp patterns, and near misses.
var stampLines = []string{
	"12/05/2023", "1.5.1999", "Publié le 2021-03-04 à 10:00", "2020-13-45", "3 mai 2022", "1er janvier 2021",
	"25 DÉCEMBRE 2020", "7 oct. 2020", "May 21, 2023", "Sept. 1st, 2022", "December 3rd 2019", "août 2020",
	"since February 2023", "le 12 2023", "May 123, 2023", "East 2023", "x,\t2020", "2019-", "ab20", "",
}

// TestStampCandidates: a stamp pattern that matches is among the candidates.
func TestStampCandidates(t *testing.T) {
	for _, s := range stampLines {
		checkStampCandidates(t, s)
	}
}

func checkStampCandidates(t *testing.T, s string) {
	t.Helper()
	may := stampCandidates(s)
	for i, re := range stampPatterns {
		if re.MatchString(s) && may&(1<<i) == 0 {
			t.Errorf("stampPatterns[%d] matches %q, not a candidate (%04b)", i, s, may)
		}
	}
}

func FuzzStampCandidates(f *testing.F) {
	for _, s := range stampLines {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 200 {
			return
		}
		checkStampCandidates(t, s)
	})
}
