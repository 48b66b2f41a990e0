import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { extractHtml, readHtmlFile, parseDate } from './index.js';
import { capNesting } from './dom.js';
import { createArticle } from '../../model/index.js';
import { assertLayerConforms } from '../../model/conformance.js';

const PARAS = [
  'The harbour council of Westmere voted on Tuesday to rebuild the old grain pier, ending a dispute that had lasted, by most counts, nearly a decade.',
  'Councillor Ida Brannock said the new pier would be open to fishing boats, ferries, and, in summer, to the small tour vessels that crowd the bay.',
  'Opponents argued that the money, some four million crowns, would be better spent on the flood wall, which has cracked twice since the spring storms.',
  'The vote passed seven to four. Work is due to start in March, weather permitting, and should take about eighteen months to finish.',
];

function page(extra = ''): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<title>Westmere votes to rebuild grain pier | The Bay Courier</title>
<meta property="og:site_name" content="The Bay Courier">
<meta property="og:title" content="Westmere votes to rebuild grain pier">
<link rel="canonical" href="https://courier.example/news/2024/03/05/pier">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Westmere votes to rebuild grain pier","datePublished":"2024-03-05T09:30:00+01:00","author":{"@type":"Person","name":"Mara Quill"},"articleSection":"Local"}</script>
<script>var tracking = "should never appear in text";</script><style>.x{color:red}</style>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Westmere votes to rebuild grain pier</h1>
<div class="byline">By Mara Quill</div>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet this story</a></div>
<div class="article-body">
<p>${PARAS[0]}</p>
<figure><img src="pier.jpg"><figcaption>The grain pier at low tide, photographed last autumn.</figcaption></figure>
<p>${PARAS[1]}</p>
<h2>Flood wall first?</h2>
<p>${PARAS[2]}</p>
<ul><li>Seven councillors voted in favour of the plan.</li><li>Four councillors voted against the plan.</li></ul>
<p>${PARAS[3]}</p>
${extra}
</div>
<section class="related-posts"><h3>Related</h3><ul><li><a href="/a">Ferry fares rise again this winter</a></li><li><a href="/b">Storm damage along the coast road</a></li></ul></section>
<div id="comments" class="comments"><p>Reader comment: this is a waste of money and everyone in town knows it.</p></div>
</article></main>
<aside class="sidebar"><h3>Most read</h3><ol><li><a href="/c">Lighthouse keeper retires after forty years</a></li></ol></aside>
<footer><p>© 2024 The Bay Courier. All rights reserved. Contact us at the harbour office.</p></footer>
</body></html>`;
}

test('extracts the body without furniture, with paragraph breaks and headings', () => {
  const { doc, body } = extractHtml(page());
  for (const p of PARAS) assert.ok(body.includes(p), `body keeps: ${p.slice(0, 30)}`);
  assert.ok(body.includes('Flood wall first?'));
  assert.ok(body.includes('Seven councillors voted in favour of the plan.'));
  assert.ok(body.includes(`${PARAS[0]}\n\n${PARAS[1]}`), 'blank line between blocks');
  for (const junk of ['cookies', 'Home', 'Share on Facebook', 'Ferry fares', 'waste of money', 'Lighthouse', 'All rights reserved', 'tracking', 'color:red']) {
    assert.ok(!doc.text.includes(junk), `no furniture: ${junk}`);
  }
  assert.ok(!body.startsWith('Westmere votes'), 'title is metadata, not body');
});

test('reads metadata: title, author, date, section, language, canonical URL, outlet', () => {
  const { doc } = extractHtml(page());
  assert.equal(doc.meta.title, 'Westmere votes to rebuild grain pier');
  assert.equal(doc.meta.author, 'Mara Quill');
  assert.equal(doc.meta.published, '2024-03-05T09:30:00+01:00');
  assert.equal(doc.meta.section, 'Local');
  assert.equal(doc.meta.language, 'en-GB');
  assert.equal(doc.meta.canonicalUrl, 'https://courier.example/news/2024/03/05/pier');
  assert.equal(doc.meta.outlet, 'The Bay Courier');
  assert.equal(doc.meta.format, 'html');
});

test('captions are caption spans in layers.structure, and stay out of the body', () => {
  const { doc, body } = extractHtml(page());
  const captions = (doc.layers?.structure ?? []).filter((s) => s.label === 'caption');
  assert.equal(captions.length, 1);
  assert.equal(doc.text.slice(captions[0].start, captions[0].end), 'The grain pier at low tide, photographed last autumn.');
  assert.ok(!body.includes('low tide'));
  const article = { ...createArticle(doc.text), layers: doc.layers ?? {} };
  assertLayerConforms(article, 'structure');
});

test('date falls back to the URL, then visible text', () => {
  const noLd = page().replace(/<script type="application\/ld\+json">.*?<\/script>/s, '');
  assert.equal(extractHtml(noLd).doc.meta.published, '2024-03-05');
  const noUrl = noLd.replace('<link rel="canonical" href="https://courier.example/news/2024/03/05/pier">', '').replace('By Mara Quill', 'By Mara Quill, 6 March 2024');
  assert.equal(extractHtml(noUrl).doc.meta.published, '2024-03-06');
});

test('parseDate normalises common forms to ISO 8601 without shifting the day', () => {
  assert.equal(parseDate('September 4, 2025'), '2025-09-04');
  assert.equal(parseDate('4th Sept 2025'), '2025-09-04');
  assert.equal(parseDate('2025-09-04T23:30:00-0500'), '2025-09-04T23:30:00-05:00');
  assert.equal(parseDate('2025/09/04'), '2025-09-04');
  assert.equal(parseDate('1725408000'), '2024-09-04');
  assert.equal(parseDate('not a date'), undefined);
  assert.equal(parseDate('2025-13-45'), undefined);
});

test('charset: header, meta, BOM; wrong declared UTF-8 falls back with a notice', () => {
  const html = `<html><head><meta charset="windows-1252"><title>Caf\u00e9 na\u00efve</title></head><body><p>${PARAS[0]} Caf\u00e9.</p><p>${PARAS[1]}</p></body></html>`;
  const latin = iconv.encode(html, 'windows-1252');
  assert.equal(extractHtml(latin).doc.meta.title, 'Café naïve');
  const noMeta = iconv.encode(html.replace('<meta charset="windows-1252">', ''), 'windows-1252');
  assert.equal(extractHtml(noMeta, { contentType: 'text/html; charset=ISO-8859-1' }).doc.meta.title, 'Café naïve');
  assert.equal(extractHtml(noMeta).doc.meta.title, 'Café naïve', 'invalid UTF-8 without a label decodes as windows-1252');
  const wrong = iconv.encode(html.replace('windows-1252', 'utf-8'), 'windows-1252');
  const r = extractHtml(wrong);
  assert.equal(r.doc.meta.title, 'Café naïve');
  assert.ok(r.doc.notices.some((n) => n.code === 'charset-mismatch'));
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html.replace('windows-1252', 'iso-8859-5'), 'utf8')]);
  assert.equal(extractHtml(bom).doc.meta.title, 'Café naïve', 'BOM beats a wrong meta');
});

test('.html.gz is read; a gzip bomb is refused by the size limit', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-html-'));
  const gz = join(dir, 'page.html.gz');
  writeFileSync(gz, gzipSync(page()));
  const { doc } = await readHtmlFile(gz);
  assert.equal(doc.meta.title, 'Westmere votes to rebuild grain pier');
  const bomb = join(dir, 'bomb.html.gz');
  writeFileSync(bomb, gzipSync(Buffer.alloc(80 * 1024 * 1024, 0x20)));
  await assert.rejects(readHtmlFile(bomb), /exceeds .* MB/);
});

test('bad input: truncated, deeply nested, all script, binary, huge — bounded and never a crash', () => {
  const truncated = page().slice(0, page().indexOf(PARAS[2]) + 40);
  const t = extractHtml(truncated);
  assert.ok(t.body.includes(PARAS[1]));

  const deep = '<html><body>' + '<div>'.repeat(100_000) + `<p>${PARAS[0]}</p>` + '</div>'.repeat(100_000) + '</body></html>';
  let start = Date.now();
  const d = extractHtml(deep);
  assert.ok(d.doc.text.includes(PARAS[0]));
  assert.ok(Date.now() - start < 5000, 'deep nesting stays fast');

  const script = '<html><head><title>Only scripts</title></head><body>' + '<script>var a = 1;</script>'.repeat(1000) + '</body></html>';
  const s = extractHtml(script);
  assert.equal(s.doc.text, '');
  assert.ok(s.doc.notices.some((n) => n.code === 'empty'));

  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
  assert.throws(() => extractHtml(binary), /binary/);
  let seed = 7;
  const random = Buffer.alloc(3000).map(() => (seed = (seed * 1103515245 + 12345) % 2147483648) >>> 16 & 255);
  assert.throws(() => extractHtml(random), /binary/, 'random bytes are binary too');

  const filler = `<div class="post"><p>${PARAS.join('</p><p>')}</p></div>`;
  const huge = Buffer.from(`<html><body>${filler.repeat(Math.ceil((20 * 1024 * 1024) / filler.length))}</body></html>`);
  start = Date.now();
  const h = extractHtml(huge);
  assert.ok(h.doc.text.length > 1_000_000);
  assert.ok(Date.now() - start < 30_000, '20 MB page in bounded time');
});

test('fallback stages are explicit and recorded', () => {
  const full = extractHtml(page());
  const ex = full.doc.meta.extraction as { stage: string; tries: string[] };
  assert.ok(['selector', 'score'].includes(ex.stage));
  assert.ok(ex.tries.length >= 1);
  const tiny = extractHtml('<html><body><div class="sidebar"><span>Tiny note only.</span></div></body></html>');
  const t = tiny.doc.meta.extraction as { stage: string; tries: string[] };
  assert.ok(['all-blocks', 'raw-text', 'score-lenient'].includes(t.stage), t.stage);
  assert.ok(tiny.doc.notices.some((n) => n.code === 'extraction-fallback'));
  assert.equal(tiny.body, 'Tiny note only.');
});

test('titles: a lone short h1 unrelated to the head titles is a label; a one-case h1 takes the head casing', () => {
  const body = PARAS.map((p) => `<p>${p}</p>`).join('');
  const label = extractHtml(`<html><head><title>Westmere votes to rebuild grain pier | The Bay Courier</title></head><body><h1>Our Blog</h1><article>${body}</article></body></html>`);
  assert.equal(label.doc.meta.title, 'Westmere votes to rebuild grain pier');
  const shouting = extractHtml(`<html><head><title>Westmere Votes To Rebuild Grain Pier | The Bay Courier</title></head><body><article><h1>WESTMERE VOTES TO REBUILD GRAIN PIER</h1>${body}</article></body></html>`);
  assert.equal(shouting.doc.meta.title, 'Westmere Votes To Rebuild Grain Pier');
  const wide = extractHtml(`<html><head><title>Why rebuild the pier？</title></head><body><article><h1>Why rebuild the pier？</h1>${body}</article></body></html>`);
  assert.equal(wide.doc.meta.title, 'Why rebuild the pier?');
  const metaDate = extractHtml(`<html><head><meta name="w-published-date" content="2024-03-05T09:30:00Z"><meta name="w-updated-date" content="2025-01-01"></head><body><article>${body}</article></body></html>`);
  assert.equal(metaDate.doc.meta.published?.slice(0, 10), '2024-03-05');
});

test('capNesting: tags opened with no ">" after them cost one pass (was quadratic), deep nesting is still capped', () => {
  const started = performance.now();
  const open = `<div>${'<a'.repeat(30000)}`;
  assert.equal(capNesting(open), open);
  assert.ok(performance.now() - started < 1000, `took ${Math.round(performance.now() - started)} ms`);
  const deep = `${'<div>'.repeat(3000)}x${'</div>'.repeat(3000)}<a<a`;
  const capped = capNesting(deep);
  assert.ok(capped.length < deep.length && capped.endsWith('</div><a<a'), 'levels past the limit dropped, the tail kept');
  const { doc } = extractHtml(`<html><body><article><p>The port reopened on Monday after talks.</p>${'<a'.repeat(30000)}`);
  assert.match(doc.text, /^The port reopened on Monday after talks\./);
});
