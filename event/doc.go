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
// Mechanisms, in order:
//   - Word analysis: lemmas from the lexicon; "à" is never a form of avoir;
//     after a determiner a noun reading beats a verb reading ("le
//     président", "service de presse").
//   - Arguments: subject and object groups of coordinated mentions within
//     the clause; "entre A et B"; host markers ("sous l'égide de", "hosted
//     by"); a longer reach after "avec"/"with". A nominal meeting trigger
//     governed by the clause ("lors de sa rencontre avec Y", "leurs
//     pourparlers", "qu'il ait tenu des conversations avec Y") takes the
//     clause's subject, or for a bare subject pronoun the person last named.
//   - Requests and claims: a dir pattern without a gap ("call on",
//     "demander à") looks for its addressee after the whole pattern; "à"
//     after a dative verb ("demander à l'Arménie") marks an addressee, not
//     a place. An attack reported in a speaker's words ("X a affirmé que
//     les forces Y avaient attaqué", "X said Y attacked") is an ACCUSE by
//     X against Y.
//   - Roles: a state standing for a role ("le ministre arménien", "les
//     ministres des Affaires étrangères d'Arménie et d'Azerbaïdjan", "les
//     dirigeants arménien et azerbaïdjanais") becomes the person of that
//     country and role the article names, when exactly one; never a KB
//     guess, since the guideline names a state when no person is named.
//     "Les deux parties" / "both sides" without a dyad refer to the pair
//     of the last two-party meeting.
//   - Hosts: in a meeting of three or more including both conflict sides
//     (Armenia or Artsakh, and Azerbaijan) the third parties are hosts.
//     Separate calls ("séparément", phone series) are split pairwise first.
//   - Levels: institutions of a country whose person takes part are
//     dropped; ministries and armed forces stand for their state in
//     ACCUSE, REQUEST and ASSAULT.
//   - Factuality: negation, modality and tense near the trigger; the
//     clause verb of a nominal trigger ("les discussions ... devraient se
//     dérouler"); the complement of a request verb ("urged them to
//     continue talks"); a date after the publication day means planned.
//   - Article passes: repeated reports merge (accusations and requests
//     only with the same source; a letter or call never with a meeting);
//     one-party verbal acceptances of both sides in adjacent sentences join
//     into one agreement; state parties of an agreement become the persons
//     of that country who met in the article, or its one named leader; a
//     state-level report merges into the report naming persons for those
//     states.
//   - The dyad (dyad.go): the pair of states the article is about, from
//     two-member coordinations and compound demonyms. "Les deux pays",
//     "aux deux parties", "both sides", "the two leaders" become one actor
//     per side (role phrases then resolve to the named role holders, with
//     the KB's dated roles through Options.Roles); a bare "les parties" of
//     a talk are its participants; "dénonce une agression", "accuse son
//     voisin" target the other side.
//   - More arguments: parties named after the clause verb ("des
//     négociations ont débuté à X entre A et B", "des affrontements
//     opposent A et B", "à laquelle ont participé A et B"), agents of
//     "tenus par" and of passives after être/be, visits to states and
//     capitals (one per country), one request or accusation per addressee,
//     reciprocal ones both ways, topics are no parties ("discuter de"),
//     "contre X" and attacked places give the target (a region or a city
//     of it stands for the polity governing it, Options.Polity), subject
//     pronouns and possessives take the subject named before, coordinated
//     verbs share a subject, a parenthesis bounds a clause, "selon X," /
//     "according to X," and "X a affirmé que Y devait ..." are X's
//     accusation or request.
//   - More dates: an undated event takes the date of the previous sentence
//     of its paragraph, of a later reference to the meetings ("les
//     réunions ont eu lieu le 10 mai") or of the nearest earlier dated
//     event sharing a participant; a date after "du"/"of" a noun dates
//     that noun; a later month than the publication means planned.
//   - Debugging: with a debug logger, every rejected trigger is logged
//     with the reason (`vigie --log-level debug ingest FILE`).
//
// The ontology (ontology.go) lists the 16 PLOVER event types with their
// modes, contexts and CAMEO root codes; WritePOLECAT and WriteGDELTCSV
// export events in POLECAT-style JSON and GDELT-style CSV.
package event
