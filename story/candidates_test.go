package story

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/vigie-news/vigie/article"
)

// referenceMergeCandidates is mergeCandidates written plainly.
func referenceMergeCandidates(a, b []*storyState) []*storyState {
	seen := make(map[*storyState]struct{}, len(a))
	for _, st := range a {
		seen[st] = struct{}{}
	}
	out := append([]*storyState(nil), a...)
	for _, st := range b {
		if _, ok := seen[st]; !ok {
			seen[st] = struct{}{}
			out = append(out, st)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].order < out[j].order })
	return out
}

// referenceCandidates is keyGroup.candidates written plainly.
func referenceCandidates(g *keyGroup, rr dayRange, anchored bool) []*storyState {
	if !anchored || len(g.all) <= 8 {
		return g.all
	}
	var out []*storyState
	add := func(st *storyState) {
		for _, x := range out {
			if x == st {
				return
			}
		}
		out = append(out, st)
	}
	for _, st := range g.byMonth[looseBucket] {
		add(st)
	}
	lo, hi := monthOf(rr.lo), monthOf(rr.hi)
	if hi-lo > maxBucketMonths*4 {
		return g.all
	}
	for m := lo; m <= hi; m++ {
		for _, st := range g.byMonth[m] {
			add(st)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].order < out[j].order })
	return out
}

func sameStories(t *testing.T, what string, got, want []*storyState) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d stories, want %d", what, len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%s: story %d is #%d, want #%d", what, i, got[i].order, want[i].order)
		}
	}
}

// TestCandidateLists: mergeCandidates and candidates as their plain
// versions, lists with repeated stories included, the inputs untouched.
func TestCandidateLists(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var pool []*storyState
	for i := range 40 {
		pool = append(pool, &storyState{order: i})
	}
	pick := func(n int) []*storyState {
		var l []*storyState
		for range r.IntN(n) {
			l = append(l, pool[r.IntN(len(pool))])
		}
		return l
	}
	for range 20000 {
		a, b := pick(14), pick(14)
		a0, b0 := append([]*storyState(nil), a...), append([]*storyState(nil), b...)
		sameStories(t, "mergeCandidates", mergeCandidates(a, b), referenceMergeCandidates(a, b))
		sameStories(t, "mergeCandidates input a", a, a0)
		sameStories(t, "mergeCandidates input b", b, b0)

		g := &keyGroup{all: pick(30), byMonth: map[int32][]*storyState{}}
		for _, st := range g.all {
			st.anchor = dayRange{int32(r.IntN(400)), 0}
			st.anchor.hi = st.anchor.lo + int32(r.IntN(100))
			st.hasAnchor = r.IntN(5) > 0
			g.register(st)
		}
		lo := int32(r.IntN(500))
		rr := dayRange{lo, lo + int32(r.IntN(200))}
		anchored := r.IntN(6) > 0
		sameStories(t, "candidates", g.candidates(rr, anchored), referenceCandidates(g, rr, anchored))
	}
}

// TestContextScore: contextScore sums the weights of the shared entities
// in the report's order, as the plain loop does (to the last bit).
func TestContextScore(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	ix := NewIndex(Options{})
	names := make([]string, 120)
	for i := range names {
		names[i] = "Q" + string(rune('A'+i%26)) + string(rune('a'+i/26))
	}
	for range 300 {
		ctx := make([]string, 0, 48)
		for _, i := range r.Perm(len(names))[:r.IntN(48)] {
			ctx = append(ctx, names[i])
		}
		ix.countContext(ctx)
		ix.ndocs++
	}
	for range 3000 {
		st := &storyState{s: &Story{}}
		var sctx []string
		for _, i := range r.Perm(len(names))[:r.IntN(49)] {
			sctx = append(sctx, names[i])
		}
		st.addContext(sctx, ix.contextIDs(sctx))
		f := &articleFacts{}
		for _, i := range r.Perm(len(names))[:r.IntN(maxContext+1)] {
			f.context = append(f.context, names[i])
		}
		var actors []article.Actor
		for range r.IntN(3) {
			if len(f.context) > 0 {
				actors = append(actors, article.Actor{Entity: f.context[r.IntN(len(f.context))]})
			}
		}
		ri := newReportInfo("T|k", "T", actors, nil, f)
		if ri.contextSorted(ix); r.IntN(2) == 0 {
			ri = newReportInfo("T|k", "T", actors, nil, f) // the article's context already interned
		}
		want := 0.0
		in := map[string]bool{}
		for _, e := range st.s.Context {
			in[e] = true
		}
		n := float64(ix.ndocs + 1)
		for _, e := range ri.context {
			if in[e] {
				if w := math.Log(n / (float64(ix.df[e]) + 1)); w > 0 {
					want += w
				}
			}
		}
		if got := ix.contextScore(st, &ri); got != want {
			t.Fatalf("contextScore = %v, want %v", got, want)
		}
	}
}
