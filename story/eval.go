package story

import "strings"

// LabeledReport is one system report matched to a gold event, for pairwise
// story evaluation.
type LabeledReport struct {
	// ArticleID is the report's article; pairs within one article are not counted.
	ArticleID string
	// Type and Key are the gold event's type and key ("2022-07-16|A+B").
	Type, Key string
	// Story is the system story id of the matched system event ("" when unmatched).
	Story string
}

// Score is a pairwise precision/recall/F1.
type Score struct {
	// TP counts cross-article pairs in one system story and one gold event,
	// SysPairs pairs in one system story, GoldPairs pairs of one gold event.
	TP, SysPairs, GoldPairs int64
	Precision, Recall, F1   float64
}

// PairwiseScore scores story merging: every pair of reports from different
// articles with the same gold type and key should share a story, and pairs
// with a different type or key should not. Reports with an empty Story, an
// empty Key or a key starting with "null|" are ignored. It runs in linear
// time by counting pairs per group. With no pairs at all, precision and
// recall are 1.
func PairwiseScore(reports []LabeledReport) Score {
	type pairKey struct{ a, b string }
	sys := map[string]map[string]int{}
	gold := map[string]map[string]int{}
	both := map[pairKey]map[string]int{}
	add := func(m map[string]map[string]int, k, art string) {
		if m[k] == nil {
			m[k] = map[string]int{}
		}
		m[k][art]++
	}
	for _, r := range reports {
		if r.Story == "" || r.Key == "" || strings.HasPrefix(r.Key, "null|") {
			continue
		}
		g := strings.ToUpper(r.Type) + "\x00" + r.Key
		add(sys, r.Story, r.ArticleID)
		add(gold, g, r.ArticleID)
		pk := pairKey{r.Story, g}
		if both[pk] == nil {
			both[pk] = map[string]int{}
		}
		both[pk][r.ArticleID]++
	}
	var s Score
	for _, m := range sys {
		s.SysPairs += crossPairs(m)
	}
	for _, m := range gold {
		s.GoldPairs += crossPairs(m)
	}
	for _, m := range both {
		s.TP += crossPairs(m)
	}
	s.Precision, s.Recall = ratio(s.TP, s.SysPairs), ratio(s.TP, s.GoldPairs)
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// crossPairs counts pairs of items in different articles, given per-article counts.
func crossPairs(perArticle map[string]int) int64 {
	var n, same int64
	for _, c := range perArticle {
		n += int64(c)
		same += int64(c) * int64(c-1) / 2
	}
	return n*(n-1)/2 - same
}

func ratio(a, b int64) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
