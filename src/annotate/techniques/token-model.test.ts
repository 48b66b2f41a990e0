import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../nlp/index.js';
import { LexiconIndex } from './lexicon-match.js';
import { buildViews } from './view.js';
import { tokenRows, trainTokenModel, TokenModelScorer } from './token-model.js';
import type { PreparedArticle } from './train.js';

const lexicon = new LexiconIndex();

/** A tiny hand-made training set: "vile" and "crush" sit inside fragments. */
function article(id: string, text: string, fragments: string[]): PreparedArticle {
  const { tokens, sentences } = tokenize(text);
  const views = buildViews(text, tokens, sentences);
  const spans = fragments.map((f) => ({ start: text.indexOf(f), end: text.indexOf(f) + f.length }));
  return { article: { id, text, spans, labelled: [] }, views, ctx: { text, lowerText: text.toLowerCase(), views } };
}

const docs = [
  article('1', 'The vile invaders will crush our town.\n\nThe mayor spoke on Monday.', ['vile invaders will crush']),
  article('2', 'A report came out on Tuesday.\n\nThose vile thugs crush every hope.', ['vile thugs crush every hope']),
  article('3', 'Officials met in the capital.\n\nThey talked about the budget.', []),
];

test('token model: the memoised run-time scorer equals the model over the training rows', () => {
  const model = trainTokenModel(docs, lexicon, undefined, { bits: 12, epochs: 20, rate: 0.1 });
  const scorer = new TokenModelScorer(model, lexicon, undefined);
  for (const d of docs)
    for (const v of d.views) {
      const z = scorer.sentence(v, new Float64Array(v.raws.length));
      // Keyed by word ids (as in the detector): the same numbers.
      const idOf = new Map<string, number>();
      const ids = Int32Array.from(v.raws, (r) => idOf.get(r) ?? (idOf.set(r, idOf.size + 100 * d.views.indexOf(v)), idOf.get(r)!));
      const byId = scorer.sentence(v, new Float64Array(v.raws.length), ids, idOf, 0);
      assert.deepEqual([...byId], [...z]);
      const rows = tokenRows(v, lexicon, undefined, 12, scorer.window);
      rows.forEach((row, i) => {
        let expected = 0;
        for (const b of row) expected += model.weights[b * 2 + 1];
        assert.ok(Math.abs(z[i] - expected) < 1e-4, `token ${v.raws[i]}: ${z[i]} vs ${expected}`);
      });
    }
  // It learned the loaded words.
  const v = docs[0].views[0];
  const z = scorer.sentence(v, new Float64Array(v.raws.length));
  assert.ok(z[v.lowers.indexOf('vile')] > z[v.lowers.indexOf('the')]);
});

test('the token model is a logistic regression: asking for hidden units is refused', () => {
  assert.throws(() => trainTokenModel(docs, lexicon, undefined, { bits: 12, epochs: 1, hidden: 8 }), /network variant was removed/);
});
