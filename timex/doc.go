// Package timex finds date and duration expressions in French and English
// news text and resolves them to calendar dates.
//
// Tag scans a text and returns its time expressions (article.TimeExpr) with
// UTF-8 byte offsets, sorted and non-overlapping. Annotate does the same for
// an article.Article, and ClauseDate picks the expression that dates a
// given position inside a sentence, for the event layer.
//
// # What is recognised
//
// Absolute dates ("le 9 novembre 2020", "November 9, 2020", "09/11/2020",
// "2020-11-09"), day and month ("le 1er mars", "1er/2 octobre"), month and
// year ("juillet 2022", "fin septembre 2020", "late September"), years with
// a cue ("en 1994", "the 2020 war", "mi-2021"), decades ("les années
// 1990", "the 1990s") and centuries ("XXe siècle", "20th century");
// relative dates ("hier", "lundi soir", "plus tôt cette semaine", "il y a
// deux jours", "last month", "on Friday", "dans la nuit de dimanche à
// lundi"), anaphoric ones ("le lendemain", "deux jours plus tard", "cette
// année-là") and durations ("44 jours", "plus de cinq mois", "two years",
// "44-day"), which are kept apart as Kind duration with an ISO 8601 value.
//
// Numbers that are not dates ("résolution 2334", "article 9", "1 000
// soldats", "Su-25", phone numbers) are not tagged: a bare number is a
// year only after a cue word (en, in, depuis, since, de, the, ...) and in
// 1800–2099, and a day only next to a month name.
//
// # Resolution policy
//
// The reference date is the publication date (ref). Expressions relative to
// the moment of writing ("hier", "lundi", "la semaine dernière") are resolved
// against ref only, never against a date mentioned in the text; when ref is
// unknown they stay unresolved (Resolved false), and when ref has only month
// precision, expressions that would need the day resolve to ref's month
// (Mod "approx"). A weekday needs at least month precision.
//
// Anaphoric expressions ("le lendemain", "la veille", "deux jours plus
// tard", "the next day", "ce jour-là") are resolved against the anchor: the
// most recent date resolved at day precision earlier in the text (a written
// day and month, or a resolved "hier"/weekday). "Cette année-là"/"that year" take the most recent explicit year.
// Without an anchor they stay unresolved.
//
// A day and month without a year ("le 24 mai") takes its year from an
// explicit year given in the same or the previous sentence when there is one
// (unless the clause is future and that would put the date before ref),
// otherwise from ref by tense (or, without ref, from the nearest explicit
// year of the text, preferring one before): a past clause takes the year that puts the
// date on or before ref, a future clause on or after ref, and a present or
// undetermined clause the closest. With a month-precision ref the comparison
// is by month (ref 2022-07, "le 16 juillet" gives 2022-07-16). A bare month
// ("en juillet") follows the same rule at month precision.
//
// A weekday is the most recent such day on or before ref in a past clause,
// the next one on or after ref in a future clause, and the closest one in a
// present clause ("se rencontrent lundi"; ties go to the past). An explicit
// "dernier"/"last" or "prochain"/"next" forces a strictly earlier or later
// day. A clause with no recognisable tense counts as past, as news mostly
// reports what happened.
//
// Tense is read from the clause around the expression (bounded by sentence
// ends and ; : and dashes): French auxiliary + past participle, passé simple,
// imparfait and plus-que-parfait for the past; futur and conditionnel
// endings, "va/vont + infinitive", "doit/devrait" for the future; English
// did/was/has + -ed/irregular past forms versus will/shall/"is going to"/
// "is due to". The signal nearest to the expression wins.
//
// A sentence opening with a bare day ("Le 13, ...", "On the 14th, ...")
// takes the month of the last explicit date within eight sentences, as in
// chronologies. Hours after "à"/"at" are times of day, not durations.
//
// Weeks have no precision of their own: "cette semaine"/"this week" resolve
// to the month of ref, "la semaine dernière"/"last week" to the month of the
// day seven days before ref. A night spanning two days ("dans la nuit de
// dimanche à lundi", "dans la nuit du 9 au 10 novembre") has the first day
// as Value, the second as End and Mod "night". Ranges ("du 2 au 4
// octobre") have the first day as Value and the last as End. Centuries have
// the precision PrecCentury and the century's first year (1900 for the 20th).
package timex
