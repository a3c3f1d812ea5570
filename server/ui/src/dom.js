// Tiny DOM helpers. Text always goes through textContent: article text is
// untrusted and is never parsed as HTML.

/** h creates an element: h('a', {href: '#/'}, 'text', child...). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

/** clear empties an element. */
export function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }

/** fmtDate formats an article.Date ({year, month, day, precision}). */
export function fmtDate(d) {
  if (!d || !d.year || !d.precision || d.precision === 'unknown') return '—';
  const p2 = (n) => String(n).padStart(2, '0');
  if (d.precision === 'day') return `${d.year}-${p2(d.month)}-${p2(d.day)}`;
  if (d.precision === 'month') return `${d.year}-${p2(d.month)}`;
  return String(d.year);
}

/** byteIndex maps UTF-8 byte offsets of s to UTF-16 indices (-1 inside a character). */
export function byteIndex(s) {
  const idx = [];
  let i = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i);
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    idx.push(i);
    for (let k = 1; k < bytes; k++) idx.push(-1);
    i += cp > 0xffff ? 2 : 1;
  }
  idx.push(s.length);
  return idx;
}
