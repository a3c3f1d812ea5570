// French and English labels. The choice is kept in localStorage.
const dict = {
  fr: {
    search: 'Recherche', events: 'Événements', entities: 'Entités', timeline: 'Chronologie', network: 'Réseau', stories: 'Récits',
    query: 'Rechercher dans les articles…', go: 'Chercher', results: 'résultats', more: 'au moins', noResults: 'Aucun résultat.',
    outlet: 'Média', lang: 'Langue', month: 'Mois', entity: 'Entité', type: 'Type d’événement', clear: 'effacer les filtres',
    next: 'Suivant →', prev: '← Début', article: 'Article', published: 'Publié', mentions: 'Mentions', dates: 'Dates',
    aliases: 'Formes rencontrées', roles: 'Fonctions (base de connaissances)', articles: 'Articles', cooc: 'Entités associées',
    actor: 'Acteur', from: 'Du', to: 'Au', filter: 'Filtrer', date: 'Date', actors: 'Acteurs', source: 'Source',
    evidence: 'Preuve', context: 'Phrases du texte', reportedBy: 'Rapporté par', factuality: 'Factualité', interval: 'Intervalle',
    by: 'Par', day: 'jour', week: 'semaine', month_: 'mois', byType: 'type', byActor: 'acteur', minWeight: 'Poids min.',
    export: 'Exporter', loading: 'Chargement…', notFound: 'Introuvable', stats: 'Corpus', place: 'Lieu', story: 'Récit',
    undated: 'événements sans date assez précise', welcome: 'Cherchez un nom, un lieu, un thème — en français ou en anglais.',
    nodes: 'acteurs', edges: 'liens', all: 'tous', openEntity: 'Cliquez sur un acteur pour ouvrir sa fiche.', paths: 'Fichiers',
    person: 'personne', state: 'État', org: 'organisation', placeK: 'lieu', time: 'date', trigger: 'événement', kbNone: 'Absent de la base.',
    count: 'nombre', sources: 'sources', numArticles: 'articles',
  },
  en: {
    search: 'Search', events: 'Events', entities: 'Entities', timeline: 'Timeline', network: 'Network', stories: 'Stories',
    query: 'Search the articles…', go: 'Search', results: 'results', more: 'at least', noResults: 'No results.',
    outlet: 'Outlet', lang: 'Language', month: 'Month', entity: 'Entity', type: 'Event type', clear: 'clear filters',
    next: 'Next →', prev: '← First', article: 'Article', published: 'Published', mentions: 'Mentions', dates: 'Dates',
    aliases: 'Aliases seen', roles: 'Roles (knowledge base)', articles: 'Articles', cooc: 'Co-occurring entities',
    actor: 'Actor', from: 'From', to: 'To', filter: 'Filter', date: 'Date', actors: 'Actors', source: 'Source',
    evidence: 'Evidence', context: 'Sentences in the text', reportedBy: 'Reported by', factuality: 'Factuality', interval: 'Interval',
    by: 'By', day: 'day', week: 'week', month_: 'month', byType: 'type', byActor: 'actor', minWeight: 'Min. weight',
    export: 'Export', loading: 'Loading…', notFound: 'Not found', stats: 'Corpus', place: 'Place', story: 'Story',
    undated: 'events without a precise enough date', welcome: 'Search for a name, a place, a topic — in French or English.',
    nodes: 'actors', edges: 'links', all: 'all', openEntity: 'Click an actor to open its page.', paths: 'Files',
    person: 'person', state: 'state', org: 'organisation', placeK: 'place', time: 'date', trigger: 'event', kbNone: 'Not in the knowledge base.',
    count: 'count', sources: 'sources', numArticles: 'articles',
  },
};

let current = localStorage.getItem('vigie.lang') || ((navigator.language || 'fr').startsWith('fr') ? 'fr' : 'en');

/** t returns the label for key in the current language. */
export function t(key) { return (dict[current] && dict[current][key]) || dict.en[key] || key; }
/** lang returns the current UI language. */
export function lang() { return current; }
/** toggleLang switches between French and English. */
export function toggleLang() {
  current = current === 'fr' ? 'en' : 'fr';
  localStorage.setItem('vigie.lang', current);
  document.documentElement.lang = current;
}
