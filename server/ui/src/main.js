// vigie web UI: a hash-routed single page over the /api/v1 JSON API.
import { h, clear, fmtDate, byteIndex } from './dom.js';
import { t, lang, toggleLang } from './i18n.js';
import { renderTimeline } from './timeline.js';
import { renderNetwork } from './network.js';

const app = () => document.getElementById('app');

async function api(path, params) {
  const qs = params ? new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v != null)).toString() : '';
  const res = await fetch('/api/v1/' + path + (qs ? '?' + qs : ''), { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = new Error((body.error && body.error.message) || res.statusText);
    e.status = res.status;
    throw e;
  }
  return body;
}

function link(hash, text, cls) { return h('a', { href: '#' + hash, class: cls }, text); }
function qs(params) {
  const s = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v != null)).toString();
  return s ? '?' + s : '';
}
function entityLink(id, name) { return id ? link('/entity/' + encodeURIComponent(id), name || id) : (name || '—'); }
function articleLink(id, title) { return link('/article/' + encodeURIComponent(id), title || id); }
function typeTag(tp) { return link('/events' + qs({ type: tp }), tp, 'tag'); }

function actorsOf(ev) {
  const bits = [];
  for (const a of ev.actors || []) {
    if (bits.length) bits.push(', ');
    bits.push(entityLink(a.entity, a.name), h('span', { class: 'muted' }, ' (' + a.role + ')'));
  }
  return bits;
}

function errorBox(err) {
  return h('div', { class: 'error' }, err.status === 404 ? t('notFound') + ': ' : '', err.message);
}

function nav(active) {
  const n = clear(document.getElementById('nav'));
  for (const [route, key] of [['/', 'search'], ['/events', 'events'], ['/entities', 'entities'], ['/timeline', 'timeline'], ['/network', 'network'], ['/stories', 'stories']]) {
    n.appendChild(link(route, t(key), active === key ? 'active' : ''));
  }
  document.getElementById('lang').textContent = lang() === 'fr' ? 'EN' : 'FR';
}

// ---- search -------------------------------------------------------------

async function viewSearch(params) {
  nav('search');
  const root = clear(app());
  const input = h('input', { type: 'search', name: 'q', value: params.q || '', placeholder: t('query'), 'aria-label': t('search'), autofocus: true });
  root.appendChild(h('form', { class: 'search', id: 'search-form', onsubmit: (e) => {
    e.preventDefault();
    location.hash = '/' + qs({ q: input.value.trim() });
  } }, input, h('button', { class: 'primary', type: 'submit' }, t('go'))));
  if (!params.q) {
    root.appendChild(h('p', { class: 'muted' }, t('welcome')));
    try {
      const st = await api('stats');
      root.appendChild(h('div', { class: 'card' }, h('h2', {}, t('stats')),
        h('p', {}, `${st.articles} ${t('articles').toLowerCase()} · ${st.events} ${t('events').toLowerCase()} · ${st.mentions} ${t('mentions').toLowerCase()}`),
        h('p', { class: 'muted' }, (st.by_outlet || []).map((c) => `${c.key} (${c.count})`).join(' · '))));
    } catch (e) { root.appendChild(errorBox(e)); }
    return;
  }
  const out = h('div', {}, t('loading'));
  root.appendChild(out);
  let res;
  try {
    res = await api('search', params);
  } catch (e) { clear(out).appendChild(errorBox(e)); return; }
  clear(out);
  const side = h('aside', { class: 'facets' });
  const main = h('section', { id: 'hits' });
  out.appendChild(h('div', { class: 'layout' }, side, main));
  const f = res.facets || {};
  const facet = (title, param, counts, label) => {
    if (!counts || !counts.length) return;
    side.appendChild(h('div', { class: 'facet' }, h('h3', {}, title), h('ul', {}, counts.slice(0, 12).map((c) => {
      const on = params[param] === c.key;
      const next = { ...params, cursor: '' };
      next[param] = on ? '' : c.key;
      return h('li', { class: on ? 'on' : '' }, link('/' + qs(next), label ? label(c.key) : c.key), h('span', { class: 'muted' }, c.count));
    }))));
  };
  facet(t('outlet'), 'outlet', f.outlet);
  facet(t('lang'), 'lang', f.lang);
  facet(t('month'), 'month', f.month);
  facet(t('entity'), 'entity', f.entity, (k) => (f.entity_names && f.entity_names[k]) || k);
  facet(t('type'), 'type', f.type);
  if (['outlet', 'lang', 'month', 'entity', 'type'].some((k) => params[k])) side.appendChild(link('/' + qs({ q: params.q }), t('clear')));
  main.appendChild(h('p', { class: 'muted', id: 'hit-count' }, `${res.capped ? t('more') + ' ' : ''}${res.total} ${t('results')}`));
  if (!res.hits.length) main.appendChild(h('p', {}, t('noResults')));
  for (const hit of res.hits) {
    main.appendChild(h('article', { class: 'card hit' },
      h('h2', {}, articleLink(hit.id, hit.title)),
      h('div', { class: 'muted' }, [hit.outlet, fmtDate(hit.published), hit.lang].filter(Boolean).join(' · ')),
      h('p', { class: 'snippet' }, hit.snippet.map((p) => (p.match ? h('mark', {}, p.text) : p.text)))));
  }
  pager(main, '/', params, res.next_cursor);
}

function pager(el, route, params, next) {
  const p = h('div', { class: 'pager' });
  if (params.cursor) p.appendChild(link(route + qs({ ...params, cursor: '' }), t('prev')));
  if (next) p.appendChild(link(route + qs({ ...params, cursor: next }), t('next')));
  el.appendChild(p);
}

// ---- article -------------------------------------------------------------

function mentionClass(type) {
  if (type === 'person') return 'person';
  if (type === 'state') return 'state';
  if (type === 'city' || type === 'region' || type === 'place') return 'place';
  return 'org';
}

/** annotatedText renders text with non-overlapping annotations as DOM nodes. */
export function annotatedText(text, anns) {
  const idx = byteIndex(new TextDecoder().decode(new TextEncoder().encode(text)));
  const at = (b) => (b >= 0 && b < idx.length ? idx[b] : -1);
  const sorted = anns.filter((a) => at(a.start) >= 0 && at(a.end) >= 0 && a.end > a.start)
    .sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const out = h('div', { class: 'text', id: 'article-text' });
  let pos = 0;
  for (const a of sorted) {
    const s = at(a.start), e = at(a.end);
    if (s < pos) continue; // overlaps the previous annotation
    if (s > pos) out.appendChild(document.createTextNode(text.slice(pos, s)));
    const el = a.href ? h('a', { href: a.href, class: 'ann ' + a.cls, title: a.title }) : h('span', { class: 'ann ' + a.cls, title: a.title });
    el.textContent = text.slice(s, e);
    out.appendChild(el);
    pos = e;
  }
  if (pos < text.length) out.appendChild(document.createTextNode(text.slice(pos)));
  return out;
}

async function viewArticle(id) {
  nav('');
  const root = clear(app());
  let a;
  try { a = await api('articles/' + encodeURIComponent(id)); } catch (e) { root.appendChild(errorBox(e)); return; }
  document.title = a.title + ' — vigie';
  const anns = [];
  for (const m of a.mentions) {
    anns.push({ start: m.start, end: m.end, cls: mentionClass(m.type), title: (m.name || m.text) + ' · ' + m.type + (m.role ? ' · ' + m.role : ''),
      href: m.entity ? '#/entity/' + encodeURIComponent(m.entity) : null });
  }
  for (const tm of a.times) anns.push({ start: tm.start, end: tm.end, cls: 'time', title: tm.kind + ': ' + (fmtDate(tm.value) || tm.duration || '') });
  for (const ev of a.events) anns.push({ start: ev.trigger.start, end: ev.trigger.end, cls: 'trigger', title: ev.type, href: '#/event/' + encodeURIComponent(ev.id) });
  const legend = h('div', { class: 'legend' }, [['person', t('person')], ['state', t('state')], ['org', t('org')], ['place', t('placeK')], ['time', t('time')], ['trigger', t('trigger')]]
    .map(([c, l]) => h('span', { class: 'ann ' + c }, l)));
  const seen = new Map();
  for (const m of a.mentions) {
    const key = m.entity || 'text:' + m.text;
    const cur = seen.get(key) || { m, n: 0 };
    cur.n++;
    seen.set(key, cur);
  }
  const side = h('aside', {},
    h('div', { class: 'card' }, h('dl', { class: 'kv' },
      h('dt', {}, t('outlet')), h('dd', {}, a.outlet || '—'),
      h('dt', {}, t('published')), h('dd', {}, fmtDate(a.published)),
      h('dt', {}, t('lang')), h('dd', {}, a.lang || '—'),
      a.url ? [h('dt', {}, 'URL'), h('dd', {}, h('a', { href: a.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, a.url))] : null,
      h('dt', {}, t('paths')), h('dd', {}, a.paths.join(', ')))),
    h('div', { class: 'card' }, h('h2', {}, `${t('events')} (${a.events.length})`), h('ul', { class: 'list', id: 'article-events' }, a.events.map((ev) =>
      h('li', {}, link('/event/' + encodeURIComponent(ev.id), ev.type, 'tag'), ' ', fmtDate(ev.date), ' — ', actorsOf(ev))))),
    h('div', { class: 'card' }, h('h2', {}, `${t('mentions')} (${a.mentions.length})`), h('ul', { class: 'list', id: 'article-mentions' }, [...seen.values()].map(({ m, n }) =>
      h('li', {}, entityLink(m.entity, m.name || m.text), h('span', { class: 'muted' }, ` · ${m.type} · ×${n}`))))),
    h('div', { class: 'card' }, h('h2', {}, `${t('dates')} (${a.times.length})`), h('ul', { class: 'list' }, a.times.map((tm) =>
      h('li', {}, tm.text, h('span', { class: 'muted' }, ' → ' + (tm.resolved ? fmtDate(tm.value) : '?') + (tm.duration ? ' ' + tm.duration : '')))))));
  root.appendChild(h('h1', { id: 'article-title' }, a.title));
  root.appendChild(legend);
  root.appendChild(h('div', { class: 'layout wide-side' }, h('section', { class: 'card' }, annotatedText(a.text, anns)), side));
}

// ---- entities ------------------------------------------------------------

async function viewEntities(params) {
  nav('entities');
  const root = clear(app());
  const qIn = h('input', { name: 'q', value: params.q || '', placeholder: t('entity') });
  root.appendChild(h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); location.hash = '/entities' + qs({ q: qIn.value.trim() }); } },
    h('label', {}, t('entity'), qIn), h('button', { class: 'primary' }, t('filter'))));
  let res;
  try { res = await api('entities', { ...params, limit: 50 }); } catch (e) { root.appendChild(errorBox(e)); return; }
  root.appendChild(h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('entity')), h('th', {}, 'type'), h('th', {}, t('mentions')), h('th', {}, t('articles')))),
    h('tbody', {}, res.entities.map((e) => h('tr', {}, h('td', {}, entityLink(e.id, e.name)), h('td', {}, e.type), h('td', {}, e.mentions), h('td', {}, e.articles))))));
  pager(root, '/entities', params, res.next_cursor);
}

async function viewEntity(id) {
  nav('entities');
  const root = clear(app());
  let res;
  try { res = await api('entities/' + encodeURIComponent(id)); } catch (e) { root.appendChild(errorBox(e)); return; }
  const e = res.entity;
  document.title = e.name + ' — vigie';
  root.appendChild(h('h1', { id: 'entity-name' }, e.name));
  root.appendChild(h('p', { class: 'muted' }, `${e.type} · ${e.id} · ${e.mentions} ${t('mentions').toLowerCase()} · ${e.articles} ${t('articles').toLowerCase()}`));
  root.appendChild(h('div', { class: 'exports' }, link('/events' + qs({ actor: e.id }), t('events')), link('/timeline' + qs({ actor: e.id, by: 'type' }), t('timeline')),
    link('/network' + qs({ actor: e.id }), t('network'))));
  const kb = res.kb;
  const roles = kb && kb.roles ? kb.roles : [];
  const left = h('section', {},
    h('div', { class: 'card' }, h('h2', {}, t('events')), res.events.length ? h('ul', { class: 'list' }, res.events.map((ev) =>
      h('li', {}, link('/event/' + encodeURIComponent(ev.id), ev.type, 'tag'), ' ', fmtDate(ev.date), ' — ', actorsOf(ev), h('div', { class: 'muted' }, ev.outlet, ' · ', articleLink(ev.article_id, ev.title))))) : h('p', { class: 'muted' }, '—')),
    h('div', { class: 'card' }, h('h2', {}, t('articles')), h('ul', { class: 'list', id: 'entity-articles' }, e.articles.map((a) =>
      h('li', {}, articleLink(a.id, a.title), h('span', { class: 'muted' }, ` · ${a.outlet} · ${fmtDate(a.published)}`))))));
  const right = h('aside', {},
    h('div', { class: 'card' }, h('h2', {}, t('roles')), kb ? (roles.length ? h('ul', { class: 'list' }, roles.map((r) =>
      h('li', {}, r.title || r.key, r.of ? ' — ' : '', r.of ? entityLink(r.of, r.of) : '', h('span', { class: 'muted' }, ` ${r.start || ''}–${r.end || ''}`)))) : h('p', { class: 'muted' }, '—'))
      : h('p', { class: 'muted' }, t('kbNone'))),
    h('div', { class: 'card' }, h('h2', {}, t('aliases')), h('ul', { class: 'list' }, e.aliases.map((a) => h('li', {}, a.key, h('span', { class: 'muted' }, ' ×' + a.count))))),
    h('div', { class: 'card' }, h('h2', {}, t('cooc')), h('ul', { class: 'list' }, e.co_occurring.map((c) => h('li', {}, entityLink(c.id, c.name), h('span', { class: 'muted' }, ` · ${c.type} · ${c.count}`))))));
  root.appendChild(h('div', { class: 'layout wide-side' }, left, right));
}

// ---- events --------------------------------------------------------------

function eventFilters(route, params, extra) {
  const fields = {};
  const inp = (name, label, attrs) => { fields[name] = h('input', { name, value: params[name] || '', ...attrs }); return h('label', {}, label, fields[name]); };
  const form = h('form', { class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    const next = {};
    for (const [k, el] of Object.entries(fields)) next[k] = el.value.trim();
    location.hash = route + qs(next);
  } }, inp('type', t('type'), { placeholder: 'CONSULT' }), inp('actor', t('actor')), inp('outlet', t('outlet')),
  inp('from', t('from'), { placeholder: 'YYYY-MM-DD' }), inp('to', t('to'), { placeholder: 'YYYY-MM-DD' }), extra ? extra(fields) : null,
  h('button', { class: 'primary' }, t('filter')));
  return form;
}

function filterParams(params) {
  const out = {};
  for (const k of ['type', 'actor', 'outlet', 'from', 'to', 'story', 'all']) if (params[k]) out[k] = params[k];
  return out;
}

function exportsBar(params) {
  const p = qs(filterParams(params));
  return h('div', { class: 'exports' }, t('export') + ':', h('a', { href: '/api/v1/export/events.csv' + p, download: '' }, 'CSV'),
    h('a', { href: '/api/v1/export/events.jsonl' + p, download: '' }, 'JSONL'), h('a', { href: '/api/v1/export/network.gexf' + p, download: '' }, 'GEXF (Gephi)'));
}

async function viewEvents(params) {
  nav('events');
  const root = clear(app());
  root.appendChild(h('h1', {}, t('events')));
  root.appendChild(eventFilters('/events', params));
  root.appendChild(exportsBar(params));
  let res;
  try { res = await api('events', { ...params, limit: 50 }); } catch (e) { root.appendChild(errorBox(e)); return; }
  root.appendChild(h('table', { id: 'events-table' }, h('thead', {}, h('tr', {}, [t('date'), 'type', t('actors'), t('reportedBy')].map((c) => h('th', {}, c)))),
    h('tbody', {}, res.events.map((ev) => h('tr', {},
      h('td', {}, link('/event/' + encodeURIComponent(ev.id), fmtDate(ev.date))), h('td', {}, typeTag(ev.type)), h('td', {}, actorsOf(ev)),
      h('td', {}, articleLink(ev.article_id, ev.title), h('div', { class: 'muted' }, ev.outlet || '')))))));
  if (!res.events.length) root.appendChild(h('p', {}, t('noResults')));
  pager(root, '/events', params, res.next_cursor);
}

async function viewEvent(id) {
  nav('events');
  const root = clear(app());
  let res;
  try { res = await api('events/' + encodeURIComponent(id)); } catch (e) { root.appendChild(errorBox(e)); return; }
  const ev = res.event;
  root.appendChild(h('h1', {}, typeTag(ev.type), ' ', fmtDate(ev.date)));
  root.appendChild(h('div', { class: 'card' }, h('dl', { class: 'kv' },
    h('dt', {}, t('actors')), h('dd', {}, actorsOf(ev)),
    h('dt', {}, t('place')), h('dd', {}, ev.place ? entityLink(ev.place.entity, ev.place.name) : '—'),
    h('dt', {}, t('factuality')), h('dd', {}, ev.factuality + (ev.mode ? ' · ' + ev.mode : '')),
    h('dt', {}, t('reportedBy')), h('dd', {}, articleLink(ev.article_id, ev.title), ` · ${ev.outlet || ''} · ${fmtDate(ev.published)}`),
    ev.story ? [h('dt', {}, t('story')), h('dd', {}, link('/story/' + encodeURIComponent(ev.story), ev.story))] : null)));
  root.appendChild(h('h2', {}, t('evidence')));
  for (const e of ev.evidence) root.appendChild(h('blockquote', {}, e.text));
  if (res.sentences.length) {
    root.appendChild(h('h2', {}, t('context')));
    for (const s of res.sentences) {
      const rel = [{ start: ev.trigger.start - s.start, end: ev.trigger.end - s.start, cls: 'trigger', title: ev.type }];
      for (const a of ev.actors) if (a.mention) rel.push({ start: a.mention.start - s.start, end: a.mention.end - s.start, cls: 'person', title: a.role, href: a.entity ? '#/entity/' + encodeURIComponent(a.entity) : null });
      root.appendChild(h('div', { class: 'card' }, annotatedText(s.text, rel)));
    }
  }
}

// ---- timeline, network, stories --------------------------------------------

async function viewTimeline(params) {
  nav('timeline');
  const root = clear(app());
  root.appendChild(h('h1', {}, t('timeline')));
  root.appendChild(eventFilters('/timeline', params, (fields) => {
    fields.interval = h('select', { name: 'interval' }, ['month', 'week', 'day'].map((v) => h('option', { value: v, selected: (params.interval || 'month') === v }, t(v === 'month' ? 'month_' : v))));
    fields.by = h('select', { name: 'by' }, [['type', t('byType')], ['actor', t('byActor')]].map(([v, l]) => h('option', { value: v, selected: (params.by || 'type') === v }, l)));
    return [h('label', {}, t('interval'), fields.interval), h('label', {}, t('by'), fields.by)];
  }));
  const chart = h('div', { id: 'chart' }, t('loading'));
  root.appendChild(chart);
  let res;
  try { res = await api('timeline', params); } catch (e) { clear(chart).appendChild(errorBox(e)); return; }
  clear(chart);
  if (!res.buckets.length) { chart.appendChild(h('p', {}, t('noResults'))); return; }
  renderTimeline(chart, res, (key) => {
    location.hash = '/events' + qs({ ...filterParams(params), [res.by === 'type' ? 'type' : 'actor']: key.startsWith('name:') ? key.slice(5) : key });
  });
  root.appendChild(h('p', { class: 'muted' }, `${res.undated} ${t('undated')}`));
  root.appendChild(h('ul', { class: 'legend', id: 'series-list' }, res.series.map((s) => h('li', {},
    res.by === 'type' ? typeTag(s.key) : entityLink(s.key.startsWith('name:') ? '' : s.key, s.label), h('span', { class: 'muted' }, ' ' + s.total)))));
}

async function viewNetwork(params) {
  nav('network');
  const root = clear(app());
  root.appendChild(h('h1', {}, t('network')));
  root.appendChild(eventFilters('/network', params, (fields) => {
    fields.min_weight = h('input', { name: 'min_weight', type: 'number', min: 1, value: params.min_weight || '' });
    return h('label', {}, t('minWeight'), fields.min_weight);
  }));
  root.appendChild(exportsBar(params));
  const info = h('p', { class: 'muted', id: 'network-info' }, t('loading'));
  const graph = h('div', { id: 'graph' });
  root.appendChild(info);
  root.appendChild(graph);
  let res;
  try { res = await api('network', params); } catch (e) { clear(info).appendChild(errorBox(e)); return; }
  info.textContent = `${res.nodes.length} ${t('nodes')} · ${res.edges.length} ${t('edges')} · ${t('openEntity')}`;
  renderNetwork(graph, res, (node) => {
    if (node.entity) location.hash = '/entity/' + encodeURIComponent(node.entity);
    else location.hash = '/events' + qs({ actor: node.label });
  });
}

async function viewStories(params) {
  nav('stories');
  const root = clear(app());
  root.appendChild(h('h1', {}, t('stories')));
  let res;
  try { res = await api('stories', params); } catch (e) { root.appendChild(errorBox(e)); return; }
  if (!res.stories.length) root.appendChild(h('p', {}, t('noResults')));
  root.appendChild(h('table', {}, h('tbody', {}, res.stories.map((s) => h('tr', {}, h('td', {}, link('/story/' + encodeURIComponent(s.id), fmtDate(s.date))),
    h('td', {}, typeTag(s.type)), h('td', {}, `${s.num_articles} ${t('numArticles')} · ${s.num_sources} ${t('sources')}`))))));
  pager(root, '/stories', params, res.next_cursor);
}

async function viewStory(id) {
  nav('stories');
  const root = clear(app());
  let res;
  try { res = await api('stories/' + encodeURIComponent(id)); } catch (e) { root.appendChild(errorBox(e)); return; }
  const s = res.story;
  root.appendChild(h('h1', {}, typeTag(s.type), ' ', fmtDate(s.date)));
  root.appendChild(h('p', { class: 'muted' }, `${s.num_articles} ${t('numArticles')} · ${s.num_sources} ${t('sources')}`));
  root.appendChild(h('ul', { class: 'list card' }, res.events.map((ev) => h('li', {}, link('/event/' + encodeURIComponent(ev.id), ev.type, 'tag'), ' ',
    actorsOf(ev), h('div', { class: 'muted' }, ev.outlet || '', ' · ', articleLink(ev.article_id, ev.title))))));
}

// ---- router --------------------------------------------------------------

function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  const params = Object.fromEntries(new URLSearchParams(query || ''));
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  document.title = 'vigie';
  window.scrollTo(0, 0);
  switch (parts[0]) {
    case undefined: return viewSearch(params);
    case 'article': return viewArticle(parts[1]);
    case 'entities': return viewEntities(params);
    case 'entity': return viewEntity(parts[1]);
    case 'events': return viewEvents(params);
    case 'event': return viewEvent(parts[1]);
    case 'timeline': return viewTimeline(params);
    case 'network': return viewNetwork(params);
    case 'stories': return viewStories(params);
    case 'story': return viewStory(parts[1]);
    default: clear(app()).appendChild(errorBox({ status: 404, message: hash }));
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.documentElement.lang = lang();
  document.getElementById('lang').addEventListener('click', () => { toggleLang(); route(); });
  window.addEventListener('hashchange', route);
  route();
});
