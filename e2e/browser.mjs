// Drives the system chromium through vigie's web UI: search, open an
// article, follow a mention to its entity, open the timeline and the
// network; checks what is on screen and saves screenshots to artifacts/.
// Usage: VIGIE_URL=http://127.0.0.1:PORT node browser.mjs
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.VIGIE_URL;
if (!base) throw new Error('VIGIE_URL is not set');
const artifacts = process.env.VIGIE_ARTIFACTS || 'artifacts';
mkdirSync(artifacts, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'vigie-chromium-'));
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';

const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: browserPath,
  headless: true,
  viewport: { width: 1366, height: 860 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
});
const problems = [];
let failed = false;
try {
  const page = ctx.pages()[0] || (await ctx.newPage());
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  // Nothing may be loaded from outside the server.
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(base) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    problems.push('external request: ' + u);
    return route.abort();
  });
  const shot = (name) => page.screenshot({ path: join(artifacts, name + '.png'), fullPage: false });
  const step = (msg) => console.log('e2e: ' + msg);

  // Pick a well-mentioned person to search for.
  const ents = await (await fetch(base + '/api/v1/entities?type=person&limit=5')).json();
  if (!ents.entities.length) throw new Error('no person entity in the demo data');
  const who = ents.entities[0];
  const term = who.name.split(' ').slice(-1)[0];

  step('search ' + term);
  await page.goto(base + '/');
  await page.fill('#search-form input[name=q]', term);
  await page.click('#search-form button');
  await page.waitForSelector('.hit h2 a', { timeout: 15000 });
  const hits = await page.locator('.hit').count();
  if (hits < 1) throw new Error('no hits for ' + term);
  if ((await page.locator('.snippet mark').count()) < 1) throw new Error('no highlighted snippet');
  if ((await page.locator('.facet').count()) < 2) throw new Error('facets missing');
  await shot('1-search');

  step('open an article');
  await page.locator('.hit h2 a').first().click();
  await page.waitForSelector('#article-text', { timeout: 15000 });
  const title = (await page.textContent('#article-title')).trim();
  if (!title) throw new Error('article without title');
  const anns = await page.locator('#article-text .ann').count();
  if (anns < 1) throw new Error('no annotations highlighted in the article');
  if ((await page.locator('#article-text script').count()) > 0) throw new Error('script element inside article text');
  await shot('2-article');

  step('follow a mention to its entity');
  const mention = page.locator('#article-text a.ann').first();
  const mentionText = (await mention.textContent()).trim();
  await mention.click();
  await page.waitForSelector('#entity-name', { timeout: 15000 });
  const entityName = (await page.textContent('#entity-name')).trim();
  if (!entityName) throw new Error('empty entity page');
  if ((await page.locator('#entity-articles li').count()) < 1) throw new Error('entity page lists no article');
  step(`mention "${mentionText}" → entity "${entityName}"`);
  await shot('3-entity');

  step('timeline');
  await page.goto(base + '/#/timeline?interval=month');
  await page.waitForSelector('#chart canvas, #chart p', { timeout: 15000 });
  if ((await page.locator('#chart canvas').count()) < 1) throw new Error('timeline chart not drawn');
  await shot('4-timeline');

  step('network');
  await page.goto(base + '/#/network');
  await page.waitForSelector('#graph canvas', { timeout: 15000 });
  const nodes = await page.evaluate(() => (window.vigieGraph ? window.vigieGraph.nodes().length : 0));
  if (nodes < 2) throw new Error('network graph has ' + nodes + ' nodes');
  await page.waitForTimeout(300);
  await shot('5-network');

  step('language toggle');
  const before = await page.textContent('#nav');
  await page.click('#lang');
  const after = await page.textContent('#nav');
  if (before === after) throw new Error('language toggle changed nothing');

  if (problems.length) throw new Error('browser problems:\n' + problems.join('\n'));
  step('all checks passed');
} catch (e) {
  failed = true;
  console.error('e2e: FAIL: ' + e.message);
  if (problems.length) console.error(problems.join('\n'));
} finally {
  await ctx.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
