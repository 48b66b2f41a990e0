import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Pipeline, checkStages, analyze } from './pipeline.js';
import { assertArticleConforms } from './model/conformance.js';
const words = {
    name: 'words', version: '1', requires: ['text'], assigns: ['words'],
    run: (a) => ({ layers: { words: [...a.text.matchAll(/\w+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, label: 'w' })) } }),
};
const broken = { name: 'broken', version: '1', requires: ['words'], assigns: ['x'], run: () => { throw new Error('boom'); } };
const needsX = { name: 'needsX', version: '1', requires: ['x'], assigns: ['y'], run: () => ({}) };
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
