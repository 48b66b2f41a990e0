// End-to-end tests in a real browser: playwright-core driving Debian's Chromium against a
// local server with the demo corpus. Skipped (with a message) when Chromium is absent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'vite';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DEFAULT_STAGES, Pipeline } from '../src/pipeline.js';
import { openStore } from '../src/corpus/index.js';
import { readDemoCorpus } from '../src/server/demo.js';
import { startServer, WEB_DIST, type RunningServer } from '../src/server/server.js';
import { needsShared, seedPath } from '../src/testing/shared.js';

const CHROMIUM = '/usr/bin/chromium';
const noBrowser = existsSync(CHROMIUM) ? false : `needs ${CHROMIUM} (apt-get install chromium)`;
/** Screenshots go to test-results/ (ignored); SPINSCOPE_SCREENSHOTS=docs refreshes the README's in docs/screenshots. */
const PRIVATE_SHOTS = join(import.meta.dirname, '..', 'test-results');
const SHOTS = process.env.SPINSCOPE_SCREENSHOTS === 'docs' ? join(import.meta.dirname, '..', 'docs', 'screenshots') : PRIVATE_SHOTS;
const stages = new Set(DEFAULT_STAGES.map((s) => s.name));

let server: RunningServer | undefined;
let context: BrowserContext | undefined;
let profile = '';
const cspViolations: string[] = [];

before(async () => {
  if (noBrowser) return;
  await build({ configFile: join(import.meta.dirname, 'vite.config.ts'), logLevel: 'warn' });
  const store = await openStore(':memory:');
  const pipeline = await Pipeline.build();
  await store.putArticles(readDemoCorpus().map((d) => pipeline.run(d)));
  server = await startServer({ store, pipeline, port: 0, staticDir: WEB_DIST, workers: 1, warmupRuns: 3 });
  profile = mkdtempSync(join(tmpdir(), 'spinscope-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(PRIVATE_SHOTS, { recursive: true });
}, { timeout: 60_000 });

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await context!.newPage();
  await page.setViewportSize(viewport);
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text()); });
  await page.goto(new URL(path, server!.url).href);
  return page;
}

/** The side panel speaks in words: no entity ids ("e7"), no ISO codes ("P2Y", "2016-10-14") as timeline headings. */
async function assertPanelReadable(page: Page): Promise<void> {
  const panel = await page.innerText('.panel');
  assert.doesNotMatch(panel, /\be\d+\b|anon:/, 'no entity or source ids in the panel');
  for (const when of await page.locator('.timeline strong').allInnerTexts()) {
    assert.doesNotMatch(when, /^P(T?\d|X)|^\d{4}-\d{2}|\//, `timeline heading "${when}" is written for people`);
  }
  assert.doesNotMatch(panel, /: ,|value: /, 'no raw attribute dumps');
}

async function analyse(page: Page, text: string): Promise<void> {
  await page.fill('#paste', text);
  await page.click('#analyze');
  await page.waitForSelector('.text', { timeout: 15_000 });
}

test('reader: the seed article annotated, quotes attributed, techniques explained on focus, j/k, axe', { skip: noBrowser || needsShared('seeds') }, async () => {
  const page = await open('/');
  await analyse(page, readFileSync(seedPath('000'), 'utf8'));
  const text = await page.textContent('.text');
  assert.ok(text && text.includes('Preston'), 'the article text is shown');
  assert.ok(await page.locator('fieldset.toggles input[type=checkbox]').count() >= 1, 'layer toggles');
  if (stages.has('quotes')) {
    const sources = await page.textContent('.sources');
    assert.match(sources ?? '', /Keith Preston|Preston/, 'quotes attributed to Keith Preston');
    assert.ok(await page.locator('.text .q').count() >= 3, 'quotes drawn in the text');
  }
  if (stages.has('techniques')) {
    const tech = page.locator('.text mark.tech').first();
    await tech.focus();
    await page.waitForSelector('#tip:not([hidden])');
    assert.match(await page.textContent('#tip') ?? '', /[A-Z][a-z]+/, 'technique name in the tooltip');
  }
  if (await page.locator('.text [tabindex]').count()) {
    await page.locator('body').press('Escape');
    await page.locator('h1').click();
    await page.keyboard.press('j');
    const focused = await page.evaluate(() => document.activeElement?.closest('.text') !== null && document.activeElement !== document.body);
    assert.ok(focused, 'j moves focus to the first finding');
  }
  await assertPanelReadable(page);
  await page.screenshot({ path: join(PRIVATE_SHOTS, 'reader-seed.png'), fullPage: false });
  // Accessibility: axe-core on the reader, no serious or critical violations.
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], `axe: ${JSON.stringify(serious)}`);
  await page.close();
});

test('reader: the second seed with every stage, panel in words', { skip: noBrowser || needsShared('seeds') }, async () => {
  const page = await open('/');
  await analyse(page, readFileSync(seedPath('002'), 'utf8'));
  if (stages.has('quotes')) assert.ok(await page.locator('.sources li').count() >= 1, 'who speaks');
  if (stages.has('facts')) assert.ok(await page.locator('.timeline li').count() >= 1, 'a timeline');
  await assertPanelReadable(page);
  await page.screenshot({ path: join(PRIVATE_SHOTS, 'reader-seed-002.png'), fullPage: true });
  await page.close();
});

test('crafted article with <script> and onerror= payloads renders inert (text and title)', { skip: noBrowser }, async () => {
  const payload = 'Harbour news <script>window.__pwned = 1</script>\n\nThe mayor said <img src=x onerror="window.__pwned = 2"> it was <b onmouseover="window.__pwned=3">fine</b>.';
  const page = await open('/');
  await analyse(page, payload);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  assert.equal(await page.locator('.text img, .text script, .text b').count(), 0);
  assert.match(await page.textContent('.text') ?? '', /<img src=x onerror="window.__pwned = 2">/);
  // Stored through the API with a hostile title, then opened from the corpus.
  const res = await page.evaluate(async (text) => (await fetch('/api/articles', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text, meta: { title: '<img src=x onerror="window.__pwned=4">', outlet: '<script>window.__pwned=5</script>' } }) })).json(), payload);
  await page.goto(new URL(`/#/article/${(res as { id: string }).id}`, server!.url).href);
  await page.waitForSelector('.text');
  const marked = page.locator('.text span, .text mark');
  if (await marked.count()) await marked.first().hover({ timeout: 2000 });
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  assert.equal(await page.locator('main img, main script').count(), 0);
  assert.match(await page.textContent('h1') ?? '', /<img src=x/);
  await page.close();
});

test('stories: open a story and compare its outlets side by side', { skip: noBrowser }, async () => {
  const page = await open('/#/stories');
  await page.waitForSelector('table a[href^="#/story/"]');
  await page.locator('table a[href^="#/story/"]').first().click();
  await page.waitForSelector('.compare .outlet-col');
  assert.ok(await page.locator('.compare .outlet-col').count() >= 2, 'two or more outlets side by side');
  assert.ok(await page.locator('.compare .card h4').count() >= 3, 'sources, techniques and figures per article');
  await page.screenshot({ path: join(SHOTS, 'story.png'), fullPage: true });
  // The README's reader screenshot: a demo article (written for the project) from this story.
  // The card with the most techniques flagged, so the screenshot shows every kind of highlight.
  const richest = await page.evaluate(() => {
    const cards = [...document.querySelectorAll('.compare .card')];
    const techs = cards.map((c) => [...c.querySelectorAll('h4')].find((h) => /techniques/i.test(h.textContent ?? ''))?.nextElementSibling?.querySelectorAll('li').length ?? 0);
    return techs.indexOf(Math.max(...techs));
  });
  await page.locator('.compare .card h3 a').nth(Math.max(0, richest)).click();
  await page.waitForSelector('.text');
  await page.mouse.move(1, 1);
  await page.evaluate(() => document.getElementById('tip')?.setAttribute('hidden', ''));
  await assertPanelReadable(page);
  await page.screenshot({ path: join(SHOTS, 'reader.png'), fullPage: true });
  await page.close();
});

test('overview charts and search facets render without CSP violations; the reader fits a phone', { skip: noBrowser }, async () => {
  const page = await open('/#/overview');
  await page.waitForSelector('canvas');
  await page.goto(new URL('/#/search?q=crowns', server!.url).href);
  await page.waitForSelector('.hits li');
  await page.locator('.facet a').first().click();
  await page.waitForSelector('.facet a.active');
  await page.close();
  const phone = await open('/', { width: 390, height: 844 });
  await analyse(phone, 'Port reopens\n\n“We are back at work,” said Ada Brine, a union leader, on Tuesday.');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no sideways scrolling at phone width (overflow ${overflow}px)`);
  await phone.screenshot({ path: join(SHOTS, 'reader-phone.png') });
  await phone.close();
  assert.deepEqual(cspViolations, []);
});

test('a search the index cannot read keeps the box and says why; tooltips speak in words', { skip: noBrowser }, async () => {
  const page = await open('/#/search?q=%22unbalanced');
  await page.waitForSelector('p.error[role=alert]');
  assert.match(await page.textContent('p.error') ?? '', /cannot read the search .*quote phrases in pairs/);
  assert.equal(await page.inputValue('#search-q'), '"unbalanced', 'the query stays in the box to be fixed');
  await page.goto(new URL('/', server!.url).href);
  await analyse(page, 'Mill to close\n\nThe mill employs about 340 people, the union said on Monday. “It is a sad day,” said Ada Brine.');
  for (const sel of ['.text .fig', '.text .date', '.text .q']) {
    if (!(await page.locator(sel).count())) continue;
    await page.locator(sel).first().hover();
    await page.waitForSelector('#tip:not([hidden])');
    const tip = await page.textContent('#tip') ?? '';
    assert.doesNotMatch(tip, /\be\d+\b|sourceEntity|sourceKind|offsetDays|: 0\b/, `${sel} tooltip: ${tip}`);
  }
  await page.close();
});

test('nothing pasted is lost: leaving the reader and coming back restores the text and its analysis', { skip: noBrowser }, async () => {
  const page = await open('/');
  const text = 'Ferry returns\n\n“The crossing is safe again,” said harbour master Ode Lind on Tuesday.';
  await analyse(page, text);
  await page.click('nav a[href="#/stories"]');
  await page.waitForSelector('table a[href^="#/story/"]');
  await page.goBack();
  await page.waitForSelector('.text', { timeout: 15_000 });
  assert.equal(await page.inputValue('#paste'), text);
  assert.match(await page.textContent('.text') ?? '', /The crossing is safe again/);
  // An edit after the analysis is kept too, but not analysed behind the user's back.
  await page.fill('#paste', text + ' More.');
  await page.reload();
  await page.waitForSelector('#paste');
  assert.equal(await page.inputValue('#paste'), text + ' More.');
  assert.equal(await page.locator('.text').count(), 0);
  await page.close();
});

test('speakers: unnamed sources listed apart and marked; a speaker\'s chart has a bar per day over a fortnight; story facets read as labels', { skip: noBrowser }, async () => {
  const page = await open('/#/speakers');
  await page.waitForSelector('table');
  const headings = await page.locator('main h2').allInnerTexts();
  assert.ok(headings.some((t) => /^Named speakers/.test(t)) && headings.some((t) => /^Unnamed sources/.test(t)), headings.join(' | '));
  const named = await page.locator('table').first().innerText();
  assert.doesNotMatch(named, /\banalysts\b|\bexperts\b/, 'no group of unnamed people among the named speakers');
  const unnamed = await page.locator('table').nth(1).innerText();
  assert.match(unnamed, /analysts/);
  await page.screenshot({ path: join(SHOTS, 'speakers.png'), fullPage: true });
  await page.locator('table').nth(1).locator('a').first().click();
  await page.waitForSelector('h1 .badge');
  assert.equal(await page.textContent('h1 .badge'), 'unnamed source');
  // The demo corpus spans two weeks: a most quoted speaker's chart is per day, not one bar for the month.
  await page.goto(new URL('/#/overview', server!.url).href);
  await page.waitForSelector('canvas[aria-label="Articles per day"]');
  await page.locator('main table').nth(1).locator('a').first().click();
  await page.waitForSelector('table a[href^="#/speaker/"]');
  await page.locator('table a[href^="#/speaker/"]').first().click();
  await page.waitForSelector('canvas[aria-label="Quotes per day"]');
  await page.goto(new URL('/#/search?q=crowns', server!.url).href);
  await page.waitForSelector('.facet');
  const storyFacet = await page.locator('.facet', { hasText: 'story' }).innerText();
  assert.doesNotMatch(storyFacet, /\bs\d+\b/, `story facet shows labels, not ids: ${storyFacet}`);
  await page.goto(new URL('/#/search?q=zebrafish', server!.url).href);
  await page.waitForSelector('p[role=status]');
  assert.match(await page.textContent('p[role=status]') ?? '', /No article matches “zebrafish”/);
  assert.equal(await page.locator('.downloads').count(), 0, 'nothing to download');
  // The reader's entity list: type and count sit together at the right of every row (not floating mid-row).
  await page.goto(new URL('/', server!.url).href);
  await page.getByRole('button', { name: 'Try an example' }).click();
  await page.waitForSelector('.panel-section .counts li .ent');
  const gaps = await page.evaluate(() => [...document.querySelectorAll('.panel-section')].filter((s) => s.querySelector('h2')?.textContent === 'Entities')
    .flatMap((s) => [...s.querySelectorAll('li')].map((li) => li.getBoundingClientRect().right - (li.children[1] as HTMLElement).getBoundingClientRect().right)));
  assert.ok(gaps.length > 2 && gaps.every((g) => g < 40), `entity types at the right edge: ${gaps.join(', ')}`);
  // A one-article story reads "1 article from 1 outlet" and one date, not "1 articles … X – X".
  await page.goto(new URL('/#/stories', server!.url).href);
  await page.waitForSelector('table a[href^="#/story/"]');
  const single = page.locator('tbody tr', { has: page.locator('td:nth-child(2)', { hasText: /^1$/ }) }).first();
  assert.doesNotMatch(await single.locator('td:nth-child(4)').innerText(), /–/);
  await single.locator('a').click();
  await page.waitForSelector('.compare');
  assert.match(await page.locator('main p.muted').first().innerText(), /^1 article from 1 outlet, \w+day \d+ \w+ \d{4}$/);
  await page.close();
  assert.deepEqual(cspViolations, []);
});
