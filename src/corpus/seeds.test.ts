import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { needsShared, seedPath } from '../testing/shared.js';
import { openSqliteStore } from './sqlite/store.js';
import { Pipeline } from '../pipeline.js';

test('the two seeds: one thread (US–Russia talks on Syria), two stories (Geneva, Lausanne); re-render exactly', { skip: needsShared('seeds') }, async () => {
  const pipeline = await Pipeline.build();
  const store = openSqliteStore(':memory:');
  const articles = ['000', '002'].map((p) => pipeline.run({ text: readFileSync(seedPath(p), 'utf8'), meta: { origin: p }, notices: [] }));
  const [a, b] = await store.putArticles(articles);
  assert.notEqual(a.story, b.story);
  assert.equal((await store.getStory(a.story!))!.thread, (await store.getStory(b.story!))!.thread);
  assert.deepEqual(JSON.parse(JSON.stringify(await store.getArticle(a.id))), JSON.parse(JSON.stringify({ id: a.id, ...articles[0] })));
  assert.equal((await store.search('Lausanne')).items[0]?.id, b.id);
  await store.close();
});
