import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseFeed, readFeed, stripDoctype } from './feed.js';
import { isReadFailure, type ReadResult } from './types.js';

const ARTICLE = '<html><head><title>Orchard fire contained</title></head><body><nav><a href="/">Home</a></nav><article><p>Firefighters contained a blaze in the Kessel orchards late on Sunday, after wind pushed the flames towards the river road.</p><p>No one was hurt, the valley fire service said, though two barns and a tractor shed were lost.</p></article></body></html>';
const server = http.createServer((req, res) => {
  if (req.url === '/story') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(ARTICLE);
  } else {
    res.writeHead(404);
    res.end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(() => server.close());

const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Valley News</title>${items}</channel></rss>`;

test('parses RSS 2.0, Atom and JSON Feed items', () => {
  const r = parseFeed(rss(`<item><title>Orchard fire &amp; wind</title><link>https://v.example/1</link><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate><dc:creator>Ana Veld</dc:creator><description><![CDATA[<p>Short <b>summary</b>.</p>]]></description></item><item><title>Second</title><link>https://v.example/2</link></item>`));
  assert.equal(r.length, 2);
  assert.equal(r[0].title, 'Orchard fire & wind');
  assert.equal(r[0].link, 'https://v.example/1');
  assert.equal(r[0].published, '2024-05-06');
  assert.equal(r[0].author, 'Ana Veld');
  assert.equal(r[0].content, '<p>Short <b>summary</b>.</p>');
  const atom = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="text">Atom story</title><link rel="alternate" href="https://v.example/a"/><id>urn:1</id><published>2024-05-07T08:00:00Z</published><author><name>Bo Hart</name></author><content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>`);
  assert.deepEqual([atom[0].title, atom[0].link, atom[0].published, atom[0].author, atom[0].content], ['Atom story', 'https://v.example/a', '2024-05-07T08:00:00Z', 'Bo Hart', '<p>Body</p>']);
  const json = parseFeed(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '9', url: 'https://v.example/j', title: 'JSON story', content_text: 'Plain body.', date_published: '2024-05-08T09:00:00+02:00' }] }));
  assert.deepEqual([json[0].id, json[0].title, json[0].content, json[0].contentIsHtml], ['9', 'JSON story', 'Plain body.', false]);
});

test('entity-expansion bombs and external entities are not expanded', () => {
  const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><item><title>&h;</title><description>&x;</description><link>https://v.example/b</link></item></channel></rss>`;
  const start = Date.now();
  const items = parseFeed(bomb);
  assert.ok(Date.now() - start < 1000);
  assert.equal(items.length, 1);
  assert.ok((items[0].title ?? '').length < 20, 'entity left unexpanded');
  assert.ok(!(items[0].content ?? '').includes('root:'), 'no external entity');
});

test('readFeed fetches item pages, falls back to item content, reports empty items', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-feed-'));
  const path = join(dir, 'feed.xml');
  writeFileSync(path, rss(`<item><title>Orchard fire</title><link>${base}/story</link><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate></item><item><title>Gone page</title><link>${base}/gone</link><content:encoded><![CDATA[<p>The ferry timetable changes on the first of June, the harbour office announced in a short statement.</p>]]></content:encoded></item><item><title>Nothing</title><link>${base}/gone</link></item>`));
  const results: ReadResult[] = [];
  for await (const r of readFeed(path, { allowPrivate: true })) results.push(r);
  assert.equal(results.length, 3);
  const [a, b, c] = results;
  assert.ok(!isReadFailure(a) && a.text.includes('Kessel orchards') && !a.text.includes('Home'));
  assert.ok(!isReadFailure(a) && a.meta.format === 'feed' && a.meta.published === '2024-05-06');
  assert.ok(!isReadFailure(b) && b.text.includes('ferry timetable') && b.notices.some((n) => n.code === 'page-unavailable'));
  assert.ok(isReadFailure(c));
  // Without allowPrivate the SSRF guard refuses the item pages: content is used instead.
  const guarded: ReadResult[] = [];
  for await (const r of readFeed(path)) guarded.push(r);
  assert.ok(isReadFailure(guarded[0]));
  assert.ok(!isReadFailure(guarded[1]) && guarded[1].text.includes('ferry timetable'));
});

test('a file that is not a feed is a failure, not a crash', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-feed-'));
  const path = join(dir, 'x.xml');
  writeFileSync(path, '<html><body>not a feed</body></html>');
  const results: ReadResult[] = [];
  for await (const r of readFeed(path)) results.push(r);
  assert.equal(results.length, 1);
  assert.ok(isReadFailure(results[0]) && /not an RSS, Atom or JSON feed/.test(results[0].error));
});

test('stripDoctype: one pass over many unclosed "<!DOCTYPE[" (was quadratic); the first DOCTYPE still goes', () => {
  const started = performance.now();
  const open = '<!DOCTYPE['.repeat(30000);
  assert.equal(stripDoctype(open), open, 'nothing closed: nothing removed');
  assert.ok(performance.now() - started < 1000, `took ${Math.round(performance.now() - started)} ms`);
  assert.equal(stripDoctype('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss/>'), '<?xml version="1.0"?><rss/>');
  assert.equal(stripDoctype('<!doctype rss><rss/>'), '<rss/>');
  assert.equal(stripDoctype('<!DOCTYPE[ x <!DOCTYPE y> <rss/>'), '<!DOCTYPE[ x  <rss/>', 'an unclosed subset is left; a later DOCTYPE goes');
  assert.equal(stripDoctype('<!DOCTYPE a [ x ]] >y ]>z'), 'y ]>z', 'the subset ends at the first "]>"');
});

test('JSON Feed items of the wrong types are items without content, not a crash of the whole feed', () => {
  const items = parseFeed(JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    items: [null, 5, 'x', { title: 5, url: {}, content_html: 7, authors: [null] }, { content_text: 'The ferry is back.', authors: 'x' }],
  }));
  assert.equal(items.length, 5);
  assert.deepEqual(items.slice(0, 4).map((i) => i.content), [undefined, undefined, undefined, undefined]);
  assert.equal(items[4].content, 'The ferry is back.');
});
