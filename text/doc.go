// Package text splits French and English news text into tokens and
// sentences, keeping UTF-8 byte offsets into the input (article.Span) so that
// every token and sentence maps back to the article text.
//
// The tokeniser knows the conventions of both languages: French elisions
// ("l’Arménie" → "l’" + "Arménie", with ’ or '), inverted subject pronouns
// ("a-t-il" → "a" + "-t-il"), English clitics ("Azerbaijan's" → "Azerbaijan"
// + "'s", "don't" → "do" + "n't"), hyphenated and apostrophised names that
// stay whole ("Haut-Karabakh", "N’Djamena", "O'Brien"), numbers with French
// or English grouping ("1 000", "1,5", "3.5", "1er", "XXe"), numeric dates,
// abbreviations and initials kept with their period ("M.", "U.S.", "J."),
// URLs, e-mail addresses, hashtags and handles.
//
// The sentence splitter ends sentences at . ! ? … ; and at paragraph
// breaks, carries closing quotes and brackets with the sentence they close
// (« … », a déclaré X.), and does not split after abbreviations, initials or
// before a lower-case continuation. A line without final punctuation
// followed by a line break (a headline) is its own sentence.
//
// Abbreviation lists are data files per language (abbrev_fr.txt,
// abbrev_en.txt) embedded in the binary.
package text
