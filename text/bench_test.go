package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchArticle is a news-like text written for the benchmark.
const benchArticle = ` date 2023-05
Rencontre des chefs de la diplomatie à Moscou

Le 19 mai, M. Ararat Mirzoyan s’est entretenu avec son homologue d’Azerbaïdjan, Jeyhun Bayramov, à l’invitation de Sergueï Lavrov. « Les discussions ont été franches et utiles », a-t-il déclaré à l’issue de la rencontre, qui a duré près de 4 h 30.
Selon le communiqué publié sur www.example.am, les parties ont évoqué le tracé de la frontière (1 000 km environ), le déblocage des communications, etc. Elles se reverront avant le 1er janv. 2024 ; aucune date n’a été fixée.
The U.S. State Department said on Friday that Washington welcomed the talks. "We encourage both sides to keep going," a spokesman told reporters. Azerbaijan's foreign ministry didn't comment.
`

func benchText(b *testing.B) string {
	root := filepath.Join("..", "..", "shared", "corpus")
	files, _ := filepath.Glob(filepath.Join(root, "dev", "*.txt"))
	var sb strings.Builder
	for _, f := range files {
		if data, err := os.ReadFile(f); err == nil {
			sb.Write(data)
			sb.WriteString("\n\n")
		}
	}
	for sb.Len() < 64<<10 {
		sb.WriteString(benchArticle)
	}
	return sb.String()
}

func BenchmarkTokenize(b *testing.B) {
	s := benchText(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(s, "fr")
	}
}

func BenchmarkAnalyze(b *testing.B) {
	s := benchText(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(s, "fr")
	}
}

func BenchmarkSentences(b *testing.B) {
	s := benchText(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Sentences(s, "fr")
	}
}
