// Tests for the title rules (small pages written here; see test-pages.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml, MAX_META_CHARS } from './index.js';
import { slugWords } from './metadata.js';
import { prose, wrap } from './test-pages.js';

const source = (page: ReturnType<typeof extractHtml>) => (page.doc.meta.extraction as { sources: Record<string, string> }).sources.title;

test('slugWords: words of the last path segment joined by hyphens or underscores', () => {
  assert.deepEqual(slugWords('https://lorn.example/guides/how-to-book-a-ferry-cabin/'), ['how', 'to', 'book', 'a', 'ferry', 'cabin']);
  assert.deepEqual(slugWords('https://lorn.example/news/whats_new_on_the_pier.html?ref=x'), ['whats', 'new', 'on', 'the', 'pier']);
  assert.deepEqual(slugWords('https://lorn.example/p/123456'), [], 'an id is no slug');
  assert.deepEqual(slugWords(undefined), []);
});

test('titles: an h1 without the URL slug\'s words loses to a head title that has them all', () => {
  const url = 'https://lorn.example/guides/how-to-book-a-ferry-cabin';
  const head = '<title>How to Book a Ferry Cabin | Lorn Gazette</title><meta property="og:site_name" content="Lorn Gazette">';
  const page = (h1: string, u = url, extra = '') => extractHtml(wrap(head + extra, `<article><h1>${h1}</h1><p>By Ann Lee, 4 May 2024</p>${prose()}</article>`), { url: u });
  const promo = page('Reserve your crossing today');
  assert.equal(promo.doc.meta.title, 'How to Book a Ferry Cabin');
  assert.equal(source(promo), 'slug-head');
  assert.ok(!promo.body.startsWith('Reserve your crossing'), 'the displayed h1 is still left out of the body');
  assert.equal(page('How I booked a cabin on the Skarvik ferry').doc.meta.title, 'How I booked a cabin on the Skarvik ferry', 'the h1 has more than half the slug words: it stays');
  assert.equal(page('Reserve your crossing today', 'https://lorn.example/guides/12345').doc.meta.title, 'Reserve your crossing today', 'no slug: the h1 stays');
  const confirmed = page('Reserve your crossing today', url, '<meta property="og:title" content="Reserve your crossing today">');
  assert.equal(confirmed.doc.meta.title, 'Reserve your crossing today', 'a head title with the h1\'s words confirms it');
});

test('titles: an h1 holding a kicker element and the first part of the head title is that part', () => {
  const head = '<title>Harbour Roasters | Lorn App Market</title>';
  const page = (h1: string) => extractHtml(wrap(head, `<article><h1>${h1}</h1><p>By Ann Lee, 4 May 2024</p>${prose()}</article>`), { url: 'https://apps.lorn.example/stories/7' });
  assert.equal(page('<div class="kicker">Meet the makers</div> <span>Harbour Roasters</span>').doc.meta.title, 'Harbour Roasters');
  assert.equal(page('<span>Roasting coffee by the sea</span> <span>at Harbour Roasters</span>').doc.meta.title, 'Roasting coffee by the sea at Harbour Roasters', 'no part is the head title: the whole h1');
});

test('titles: a head title ending in a separator with nothing after it loses the separator', () => {
  const page = (t: string) => extractHtml(wrap(`<title>${t}</title>`, `<article><p>By Ann Lee, 4 May 2024</p>${prose()}</article>`));
  assert.equal(page('Ten Ferry Routes Worth Taking |').doc.meta.title, 'Ten Ferry Routes Worth Taking');
  assert.equal(page('| Ten Ferry Routes Worth Taking').doc.meta.title, 'Ten Ferry Routes Worth Taking');
  assert.equal(page('Ferries A-Z').doc.meta.title, 'Ferries A-Z', 'a hyphen inside a word stays');
});

test('a title or byline a broken page makes thousands of characters long is cut at a word, with a notice', () => {
  const words = Array.from({ length: 900 }, (_, i) => `word${i}`).join(' ');
  const html = `<html><head><title>${words}</title></head><body><article><h1>${words}</h1><p class="byline">By ${words}</p><p>The ferry to Holm will run twice a day from Monday, the harbour office said.</p></article></body></html>`;
  const { doc } = extractHtml(html, { url: 'https://example.test/a' });
  const title = doc.meta.title as string;
  assert.ok(title.length <= MAX_META_CHARS.title && title.endsWith('…'), title.slice(-40));
  assert.ok(/word\d+…$/.test(title), 'cut between words');
  assert.ok(doc.notices.some((n) => n.code === 'truncated' && /^title of \d+ characters cut to 300$/.test(n.message)));
  if (doc.meta.author) assert.ok((doc.meta.author as string).length <= MAX_META_CHARS.author);
  // A normal title is left alone.
  const short = extractHtml('<html><head><title>Ferry to Holm runs twice a day</title></head><body><p>The ferry to Holm will run twice a day.</p></body></html>').doc;
  assert.equal(short.meta.title, 'Ferry to Holm runs twice a day');
  assert.ok(!short.notices.some((n) => n.code === 'truncated'));
});
