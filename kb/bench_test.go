package kb

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/vigie-news/vigie/article"
)

var (
	synthOnce sync.Once
	synthKB   *KB
)

// syntheticKB builds a KB of 500,000 persons with two aliases each
// (1,000,000 aliases) from generated syllable names.
func syntheticKB(tb testing.TB) *KB {
	synthOnce.Do(func() {
		syl := []string{"ka", "ra", "mi", "zo", "yan", "lev", "tor", "ba", "shi", "nu", "gar", "del", "vi", "os", "te", "pan"}
		name := func(i, n int) string {
			var b strings.Builder
			for j := 0; j < n; j++ {
				b.WriteString(syl[i%len(syl)])
				i /= len(syl)
			}
			s := b.String()
			return strings.ToUpper(s[:1]) + s[1:]
		}
		es := make([]*Entity, 0, 500000)
		for i := 0; i < 500000; i++ {
			first, last := name(i, 2), name(i/7+13, 4)
			es = append(es, &Entity{ID: fmt.Sprintf("vigie:s%d", i), Type: article.TypePerson,
				Name:    first + " " + last + fmt.Sprint(i),
				Aliases: map[string][]string{"fr": {first + " " + last + "ian" + fmt.Sprint(i)}}})
		}
		k, err := FromEntities(es)
		if err != nil {
			panic(err)
		}
		k.Matcher()
		synthKB = k
	})
	return synthKB
}

func benchText() string {
	s := "Le ministre arménien des Affaires étrangères Ararat Mirzoyan a rencontré à Tbilissi son homologue " +
		"azerbaïdjanais Djeyhoun Baïramov ; les deux diplomates ont parlé de la frontière et du corridor. "
	return strings.Repeat(s, 200)
}

func BenchmarkDefaultLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sub := mustSub()
		if _, err := loadFS(sub, true); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuildMatcher1M(b *testing.B) {
	k := syntheticKB(b)
	for i := 0; i < b.N; i++ {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		m := NewMatcher()
		n := 0
		for _, e := range k.entities {
			for _, a := range e.AllNames() {
				m.Add(a, e, false)
				n++
			}
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-heap")
		b.ReportMetric(float64(n), "aliases")
		runtime.KeepAlive(m)
	}
}

func BenchmarkMatch1M(b *testing.B) {
	m := syntheticKB(b).Matcher()
	text := benchText()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.FindAll(text)
	}
}

func BenchmarkMatchDefault(b *testing.B) {
	k, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	m := k.Matcher()
	text := benchText()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.FindAll(text)
	}
}
