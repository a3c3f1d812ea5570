package text_test

import (
	"fmt"

	"github.com/vigie-news/vigie/text"
)

func ExampleTokenize() {
	for _, t := range text.Tokenize("L’envoyé a-t-il vu M. Aliev ?", "fr") {
		fmt.Printf("%s/%s/%s ", t.Text, t.Kind, t.Norm)
	}
	fmt.Println()
	// Output: L’/word/l' envoyé/word/envoye a/word/a -t-il/word/il vu/word/vu M./abbrev/m. Aliev/word/aliev ?/punct/?
}

func ExampleSentences() {
	s := "Accord signé\n« Nous avons conclu. » Le texte, a-t-il dit, est public ; il sera publié."
	for _, sp := range text.Sentences(s, "fr") {
		fmt.Printf("[%s]\n", s[sp.Start:sp.End])
	}
	// Output:
	// [Accord signé]
	// [« Nous avons conclu. »]
	// [Le texte, a-t-il dit, est public ;]
	// [il sera publié.]
}
