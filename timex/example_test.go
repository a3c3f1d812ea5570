package timex_test

import (
	"fmt"

	"github.com/vigie-news/vigie/article"
	"github.com/vigie-news/vigie/timex"
)

func ExampleTag() {
	ref := article.Date{Year: 2022, Month: 9, Day: 14, Precision: article.PrecDay}
	text := "Les ministres ont discuté lundi de la déclaration du 9 novembre 2020 ; ils se reverront vendredi."
	for _, te := range timex.Tag(text, "fr", ref) {
		fmt.Println(te.Text, te.Value, te.Relative)
	}
	// Output:
	// lundi 2022-09-12 true
	// 9 novembre 2020 2020-11-09 false
	// vendredi 2022-09-16 true
}
