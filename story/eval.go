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
	var items []pairItem[string, string, string]
	for _, r := range reports {
		if r.Story == "" || r.Key == "" || strings.HasPrefix(r.Key, "null|") {
			continue
		}
		items = append(items, pairItem[string, string, string]{r.Story, strings.ToUpper(r.Type) + "\x00" + r.Key, r.ArticleID})
	}
	return pairScore(items)
}

// pairItem is one report: its system group, gold group and article.
type pairItem[S, G, A comparable] struct {
	sys  S
	gold G
	art  A
}

// pairScore counts cross-article pairs per system group, gold group and
// both, in linear time.
func pairScore[S, G, A comparable](items []pairItem[S, G, A]) Score {
	type both struct {
		s S
		g G
	}
	sys := map[S]map[A]int{}
	gold := map[G]map[A]int{}
	bg := map[both]map[A]int{}
	for _, it := range items {
		if sys[it.sys] == nil {
			sys[it.sys] = map[A]int{}
		}
		sys[it.sys][it.art]++
		if gold[it.gold] == nil {
			gold[it.gold] = map[A]int{}
		}
		gold[it.gold][it.art]++
		k := both{it.sys, it.gold}
		if bg[k] == nil {
			bg[k] = map[A]int{}
		}
		bg[k][it.art]++
	}
	var s Score
	for _, m := range sys {
		s.SysPairs += crossPairs(m)
	}
	for _, m := range gold {
		s.GoldPairs += crossPairs(m)
	}
	for _, m := range bg {
		s.TP += crossPairs(m)
	}
	s.Precision, s.Recall = ratio(s.TP, s.SysPairs), ratio(s.TP, s.GoldPairs)
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// crossPairs counts pairs of items in different articles, given per-article counts.
func crossPairs[A comparable](perArticle map[A]int) int64 {
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
