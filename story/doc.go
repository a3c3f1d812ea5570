// Package story groups news reports across articles: it finds
// near-duplicate articles (wire copies, republications, lightly edited
// rewrites) and merges the events different articles report about one
// real-world occurrence into story events.
//
// # Near-duplicates
//
// Each article's text is cut into word shingles (Options.ShingleWords
// consecutive words, lower-cased). The shingle set is summarised by a
// one-permutation MinHash sketch of Options.SketchSize bins (one 64-bit hash
// per shingle, the bin chosen by its high bits, empty bins densified by
// rotation), so the cost is linear in the text. Locality-sensitive hashing
// splits the sketch into bands of Options.BandRows values; articles that
// agree on a whole band become candidates, and a candidate is a duplicate
// when the share of equal sketch values (an estimate of the Jaccard
// similarity of the shingle sets) reaches Options.DupThreshold.
//
// With the defaults (4-word shingles, 60 bins, 20 bands of 3 rows,
// threshold 0.5) a pair with Jaccard similarity J becomes a candidate with
// probability 1-(1-J³)²⁰: 0.93 at J=0.5, 0.994 at J=0.6, 0.9999 at J=0.7,
// and 0.02 at J=0.1. Wire copies score J≈1; a copy with one word in twenty
// replaced scores J≈0.65 with 4-word shingles. Independent reports of the
// same event by different outlets usually score J<0.15. RunScaleBench
// measures precision and recall on planted duplicates: on 1,000,000
// synthetic articles (100,743 planted copies: verbatim, one word in 25
// replaced, truncated with a boilerplate tail, or with a new lead) it flagged
// 100,739, all correctly (precision 1.0000, recall 0.99996), at 34,500
// articles/s wall time on a shared 2-core machine (20,500 per CPU-second),
// peak RSS 1,201 MiB under the bench's 1.2 GiB soft memory limit; story
// merging there scored pairwise precision 0.999, recall 0.976.
//
// The index is built to hold millions of articles (670 MiB live for
// that million, 1.5 million reports): per article it keeps the low 16 bits
// of every sketch value, the LSH bands in a table of 5-byte slots that
// stores no keys (a fingerprint byte and the article index; a hit is
// confirmed from the stored signature), and its id in a table of packed
// (hash, index) slots; per report a compact record (article and story
// indexes, interned outlets and rule names, packed dates) that Index.Story
// expands back into a Report.
//
// Each article points to its canonical copy: the first article seen in its
// duplicate cluster. Duplicates keep their events (they stay searchable)
// but all copies of one canonical article count once in NumArticles and
// NumSources.
//
// # Story events
//
// An event (factuality asserted or unset) is a report. Reports merge into a
// story event when they have the same type, the same set of participants
// (hosts excluded; each actor keyed by entity id, or by its folded
// canonical name when it has none), compatible dates and compatible places.
// Merging is incremental: an index keyed by type and actor set finds the
// candidate stories of a new report without revisiting the corpus.
//
// Dates are compared as day intervals, granularity-aware: "2022-07" covers
// every day of July 2022 and is compatible with "2022-07-16"; two day dates
// are compatible when at most Options.DateSlackDays apart (one night
// reported as the 9th by one outlet and the 10th by another). A report
// without an event date borrows a window from its article's publication
// date: the Options.UndatedWindowDays days before publication up to the
// publication date itself (the whole month for a month-precision
// publication date). A report with neither an event date nor a publication
// date has no time anchor at all; it merges only with a story whose place
// it shares and whose participants it names identically or, failing that,
// on shared context (below); likewise a story with no time anchor (a
// state-level report never joins a ministers' story on place alone).
// Places are compatible when equal (by entity id, else by folded name),
// when one is the whole country the other lies in (Sochi and Russia, from
// the articles' mention types and countries) or when either is unknown; a
// place that is a participant's own country ("Armenia" for a meeting of
// Pashinyan and Aliyev, often read off "the Armenian prime minister") is
// weak: it neither matches nor opposes a venue elsewhere, and a real venue
// replaces it. Two different known places never merge otherwise. Among several
// compatible stories the best scored wins (closest date agreement, then
// place agreement, then identical actors, then shared context, then the
// most reported story, then the oldest).
//
// A report that names a state may merge with one that names the person or
// body representing it: every participant is mapped to the country it
// stands for (Actor.Country, else its mention's country; a participant is
// the state itself when its entity is a state or when it has no entity id
// but a country, as the event layer names a state read off a demonym or an
// undated role), and two actor
// sets agree when their countries are equal (and distinct) and, country by
// country, both name the same actor or one names the state itself. The
// story keeps the named actors (Story.States lists the countries still
// represented by the state alone). Two different persons of one country
// never merge, so the foreign ministers' and the leaders' meetings of one
// day stay apart.
//
// A report with no time anchor may join a story on shared context: the
// linked entities both articles mention besides the participants, each
// weighted by its inverse document frequency over the index (a third
// party, a venue or an organisation counts; the conflict's two states,
// mentioned everywhere, do not). Two event-level signals add to it: each
// host the report shares with the story counts again (its inverse document
// frequency, at least 1: one host receiving the same parties), and a
// sibling story adds half the threshold: another event of the report's
// article already joined a story that holds a report of one of the
// candidate's articles, with participants of every country the report
// names (two articles found to describe one meeting; the agreement each
// reports was most likely reached there). The sum must reach
// Options.ContextThreshold (default 8) and only one story may pass;
// otherwise the report starts its own story. An article's reports that
// find no story are retried once its other reports are placed, so the
// order of events inside an article does not decide sibling links.
//
// A story keeps its reports, the most precise date and the best place any
// report gives, the first-seen time, NumArticles and NumSources (distinct
// outlets among the canonical copies, as GDELT counts them) and, for every
// report, the decision that attached it (Report.Why). Story ids are the
// hash of the first report's event id, so rebuilding an index from the same
// input in the same order gives the same ids.
package story
