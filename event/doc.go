// Package event extracts PLOVER-coded political events from annotated
// articles: who did what to whom, when, where and how, each tied to the
// byte offsets of its trigger and evidence sentence.
//
// The extractor works on the layers earlier stages attach to an
// article.Article: sentences, entity mentions (persons, states,
// organisations, places) and resolved time expressions. It finds trigger
// predicates and nominalisations through lemma lexicons (package
// event/lexicon), fills the source, target and host roles from the clause
// around the trigger, reads factuality cues (future, conditional, negation,
// modal verbs), attaches the clause's date and place, and merges repeated
// reports of one event within an article.
//
// The ontology (ontology.go) lists the 16 PLOVER event types with their
// modes, contexts and CAMEO root codes; WritePOLECAT and WriteGDELTCSV
// export events in POLECAT-style JSON and GDELT-style CSV.
package event
