import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Pipeline, checkStages, analyze } from './pipeline.js';
import type { Stage } from './pipeline-types.js';
import { assertArticleConforms } from './model/conformance.js';

const words: Stage = {
  name: 'words', version: '1', requires: ['text'], assigns: ['words'],
  run: (a) => ({ layers: { words: [...a.text.matchAll(/\w+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, label: 'w' })) } }),
};
const broken: Stage = { name: 'broken', version: '1', requires: ['words'], assigns: ['x'], run: () => { throw new Error('boom'); } };
const needsX: Stage = { name: 'needsX', version: '1', requires: ['x'], assigns: ['y'], run: () => ({}) };

test('pipeline checks requires against earlier assigns', () => {
  assert.throws(() => checkStages([needsX]), /requires "x"/);
  assert.throws(() => checkStages([words, words]), /twice/);
  checkStages([words, broken, needsX]);
});

test('a failing stage becomes a notice and its dependants are skipped', async () => {
  const pipeline = await Pipeline.build([words, broken, needsX]);
  const article = pipeline.run('two words');
  assert.equal(article.layers.words.length, 2);
  assert.equal(article.notices[0].code, 'stage-failed');
  assert.equal(article.analysis.needsX, undefined);
});

test('default pipeline analyses text into conforming layers', async () => {
  const article = await analyze('Title line\n\n“It is obvious,” Preston said. He added more.\n\nSHARE THIS ARTICLE');
  assertArticleConforms(article);
  assert.equal(article.meta.title, 'Title line');
  assert.equal(article.layers.sentences.length, 4); // title, two body sentences, share line
  assert.equal(article.layers.boilerplate[0].label, 'share');
});

test('a stage is skipped with a notice on text over its size limit, and its dependants too', async () => {
  const small: Stage = { ...words, maxChars: 5 };
  const after: Stage = { name: 'after', version: '1', requires: ['words'], assigns: ['z'], run: () => ({}) };
  const article = (await Pipeline.build([small, after])).run('longer than five');
  assert.equal(article.layers.words, undefined);
  assert.equal(article.notices[0].code, 'stage-skipped');
  assert.equal(article.analysis.after, undefined);
});

test('analyze with a stage subset runs only those stages, the same way on every call', async () => {
  const text = 'Kerry met Lavrov in Geneva on Monday.';
  const first = await analyze(text, { stages: ['clean', 'nlp'] });
  const second = await analyze(text, { stages: ['nlp', 'clean'] });
  assert.deepEqual(Object.keys(first.analysis).sort(), ['clean', 'nlp']);
  assert.equal(first.layers.entities, undefined);
  assert.deepEqual(second, first);
});

test('runMany gives each document the article run gives it, failures and skips included', async () => {
  const texts = ['Kerry met Lavrov in Geneva on Friday.', '“We will win,” the minister said. Critics called it a shameful surrender.', '', 'x'.repeat(12)];
  const full = await Pipeline.build();
  assert.deepEqual(full.runMany(texts), texts.map((t) => full.run(t)));
  const small: Stage = { ...words, maxChars: 5 };
  const partial = await Pipeline.build([small, broken, needsX]);
  const docs = ['ab', 'longer than five'];
  assert.deepEqual(partial.runMany(docs), docs.map((t) => partial.run(t)));
  assert.deepEqual(partial.runMany(docs).map((a) => a.notices.map((n) => n.code)), [['stage-failed'], ['stage-skipped']]);
});
