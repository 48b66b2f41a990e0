import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Classifier, SequenceTagger, crossFit, edgeBucket, prf } from './index.js';

// A toy tagging task: capitalised words after "in" are places, after "Mr" are persons.
function toySequences() {
  const sentences = [
    'Mr Smith lives in Paris', 'Mr Jones went to Rome', 'we met Mr Brown in Oslo', 'Mr Grey works in Lima',
    'people in Berlin like Mr White', 'Mr Black flew to Madrid', 'in Vienna Mr Green spoke',
  ];
  return sentences.map((s) => {
    const words = s.split(' ');
    const tags = words.map((w, i) => (i > 0 && /^[A-Z]/.test(w) ? (words[i - 1] === 'Mr' ? 'PER' : 'LOC') : 'O'));
    return { features: words.map((w, i) => featuresOf(words, i)), tags };
  });
}

function featuresOf(words: string[], i: number): string[] {
  const w = words[i];
  return [`w=${w.toLowerCase()}`, `cap=${/^[A-Z]/.test(w)}`, `prev=${words[i - 1] ?? '<s>'}`, 'bias'];
}

test('sequence tagger learns a toy task', () => {
  const tagger = SequenceTagger.train(toySequences(), { epochs: 8, bits: 12 });
  const words = 'Mr Adams stayed in Quito'.split(' ');
  assert.deepEqual(tagger.tag(words.map((_, i) => featuresOf(words, i))), ['O', 'PER', 'O', 'O', 'LOC']);
});

test('sequence model save/load round-trips and training is deterministic', () => {
  const a = SequenceTagger.train(toySequences(), { epochs: 5, bits: 12, seed: 7 });
  const b = SequenceTagger.train(toySequences(), { epochs: 5, bits: 12, seed: 7 });
  assert.deepEqual(a.encode(), b.encode());
  const again = SequenceTagger.decode(a.encode());
  assert.deepEqual(again.encode(), a.encode());
  const words = 'Mr Adams stayed in Quito'.split(' ');
  const feats = words.map((_, i) => featuresOf(words, i));
  assert.deepEqual(again.tag(feats), a.tag(feats));
});

test('classifier learns, explains, and round-trips', () => {
  const examples = [
    ...['great', 'fine', 'superb', 'good'].map((w) => ({ features: [`w=${w}`, 'bias'], label: 'pos' })),
    ...['awful', 'bad', 'poor', 'vile'].map((w) => ({ features: [`w=${w}`, 'bias'], label: 'neg' })),
  ];
  const clf = Classifier.train(examples, { epochs: 5, bits: 10 });
  assert.equal(clf.predict(['w=superb', 'bias']).label, 'pos');
  assert.equal(clf.predict(['w=vile', 'bias']).label, 'neg');
  assert.equal(clf.explain(['w=vile', 'bias'], 'neg')[0].feature, 'w=vile');
  const again = Classifier.decode(clf.encode());
  assert.deepEqual(again.labels, clf.labels);
  assert.equal(again.predict(['w=good']).label, 'pos');
});

test('prf computes precision, recall and F1', () => {
  assert.deepEqual(prf(1, 2, 4), { precision: 0.5, recall: 0.25, f1: 1 / 3 });
  assert.equal(prf(0, 0, 3).f1, 0);
});

test('sparse rows keep exactly the non-zero rows of a dense matrix', async () => {
  const { SparseRows } = await import('./index.js');
  const dense = new Float32Array(64 * 3);
  dense.set([1, 0, -2], 5 * 3);
  dense.set([0, 0.5, 0], 40 * 3);
  const rows = SparseRows.fromDense(dense, 3);
  assert.equal(rows.rows, 2);
  for (let b = 0; b < 64; b++) {
    const at = rows.offset(b);
    if (b === 5 || b === 40) assert.deepEqual([...rows.values.subarray(at, at + 3)], [...dense.subarray(b * 3, b * 3 + 3)]);
    else assert.equal(at, -1);
  }
});

test('logistic regression learns a three-way task, gives calibrated-looking probabilities, and is deterministic', async () => {
  const { trainLogistic } = await import('./index.js');
  const words: Record<string, string[]> = { pos: ['great', 'fine', 'superb', 'good'], neg: ['awful', 'bad', 'poor', 'vile'], neu: ['table', 'chair', 'door', 'wall'] };
  const examples = Object.entries(words).flatMap(([label, ws]) => ws.map((w) => ({ features: [`w=${w}`, 'bias'], label })));
  const a = trainLogistic(examples, { epochs: 20, bits: 10, seed: 3, rate: 0.3, l2: 1e-4 });
  const b = trainLogistic(examples, { epochs: 20, bits: 10, seed: 3, rate: 0.3, l2: 1e-4 });
  assert.deepEqual(a.encode(), b.encode());
  for (const [label, ws] of Object.entries(words)) for (const w of ws) assert.equal(a.predict([`w=${w}`, 'bias']).label, label, w);
  assert.ok(a.predict(['w=superb', 'bias']).score > 0.5);
  // An unseen word leaves only the bias: no label stands out.
  const unseen = a.predict(['w=zzz', 'bias']).score;
  assert.ok(unseen < 0.5, `unseen word probability ${unseen}`);
  assert.equal(Classifier.decode(a.encode()).predict(['w=vile', 'bias']).label, 'neg');
});

test('soft-target logistic regression learns the share behind each feature and is deterministic', async () => {
  const { trainSoftLogistic } = await import('./index.js');
  // Bucket 1 is mostly right (target 0.9), bucket 2 mostly wrong (0.1); bucket 0 is a shared bias.
  const rows = [[0, 1], [0, 2], [0, 1], [0, 2]];
  const targets = [0.9, 0.1, 0.9, 0.1];
  const a = trainSoftLogistic(rows, targets, { epochs: 200, bits: 4, seed: 3, rate: 0.3, l2: 0 });
  const b = trainSoftLogistic(rows, targets, { epochs: 200, bits: 4, seed: 3, rate: 0.3, l2: 0 });
  assert.deepEqual(a.encode(), b.encode());
  const p = (row: number[]) => 1 / (1 + Math.exp(-row.reduce((z, k) => z + a.weights[k * 2 + 1] - a.weights[k * 2], 0)));
  assert.ok(Math.abs(p([0, 1]) - 0.9) < 0.05, `p(right) ${p([0, 1])}`);
  assert.ok(Math.abs(p([0, 2]) - 0.1) < 0.05, `p(wrong) ${p([0, 2])}`);
});

test('pruned Viterbi over emission scores finds the exact path of the plain one', async () => {
  const { viterbi, viterbiScores, seededRandom } = await import('./index.js');
  const random = seededRandom(7);
  for (let round = 0; round < 200; round++) {
    const T = 2 + Math.floor(random() * 9);
    const n = 1 + Math.floor(random() * 30);
    // Wide emissions make one tag dominate most positions (one live predecessor), narrow ones keep many alive.
    const spread = round % 2 ? 20 : 0.5;
    const emissions = Float32Array.from({ length: n * T }, () => (random() - 0.5) * spread);
    const transitions = Float32Array.from({ length: (T + 1) * T }, () => random() - 0.5);
    const hashed = Array.from({ length: n }, (_, k) => Uint32Array.of(k));
    const emit = Float64Array.from(emissions);
    assert.deepEqual(viterbiScores(emit, n, transitions, T), viterbi(hashed, emissions, transitions, T), `round ${round}`);
  }
});

test('crossFit predicts each item with a model that never saw it', () => {
  const items = [10, 20, 30, 40, 50];
  // The "model" is the set of items it was trained on; the prediction says whether it saw the item.
  const seen = crossFit(items, 2, (training) => new Set(training), (model, item) => model.has(item));
  assert.deepEqual(seen, [false, false, false, false, false]);
  const sizes = crossFit(items, 2, (training) => training.length, (n) => n);
  assert.deepEqual(sizes, [2, 3, 2, 3, 2]); // folds {0,2,4} and {1,3}
});

test('edgeBucket counts the edges a value reaches (an edge itself opens the next bucket)', () => {
  const edges = [0.1, 0.2, 0.3];
  assert.deepEqual([-1, 0.05, 0.1, 0.15, 0.3, 7].map((x) => edgeBucket(x, edges)), [0, 0, 1, 1, 3, 3]);
  assert.equal(edgeBucket(5, []), 0);
});
