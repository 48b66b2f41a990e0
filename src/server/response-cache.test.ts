import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResponseCache } from './response-cache.js';
import { openStore } from '../corpus/index.js';
import { Pipeline } from '../pipeline.js';
import { createApp } from './app.js';
import { readHtmlDocument } from './readers.js';

test('entries expire, the least recently used goes first, clear empties', () => {
  let now = 0;
  const cache = new ResponseCache(2, 100, () => now);
  cache.set('a', 'A');
  cache.set('b', 'B');
  assert.equal(cache.get('a'), 'A'); // a is now the most recent
  cache.set('c', 'C');
  assert.equal(cache.get('b'), undefined);
  assert.equal(cache.get('a'), 'A');
  now = 150;
  assert.equal(cache.get('a'), undefined);
  cache.set('d', 'D');
  cache.clear();
  assert.equal(cache.size, 0);
  const off = new ResponseCache(0);
  off.set('x', 'X');
  assert.equal(off.get('x'), undefined);
});

test('GET /api/articles/:id serves the same JSON from the cache, and storing an article drops it', async () => {
  const pipeline = await Pipeline.build();
  const store = await openStore(':memory:');
  const articleCache = new ResponseCache();
  const app = createApp({ store, analyze: (d) => pipeline.run(d), stages: [], readHtml: readHtmlDocument, articleCache });
  const post = (text: string) => app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  const { id } = await (await post('The lighthouse keeper retired on Friday after forty years.')).json() as { id: string };
  const first = await app.request(`/api/articles/${id}`);
  assert.match(first.headers.get('content-type') ?? '', /application\/json/);
  const text = await first.text();
  assert.equal(articleCache.size, 1);
  let reads = 0;
  const getArticle = store.getArticle.bind(store);
  store.getArticle = async (x) => (reads++, getArticle(x));
  assert.equal(await (await app.request(`/api/articles/${id}`)).text(), text);
  assert.equal(reads, 0, 'served from the cache');
  await post('A second keeper took over the lamp on Saturday.');
  assert.equal(articleCache.size, 0);
  assert.equal(await (await app.request(`/api/articles/${id}`)).text(), text);
  assert.equal(reads, 1);
  assert.equal((await app.request('/api/articles/nope')).status, 404);
});
