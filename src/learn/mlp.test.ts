import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trainLogistic } from './logistic.js';
import { Mlp, trainMlp } from './mlp.js';
import type { Example } from './classifier.js';

// XOR over two indicator features: the label says whether exactly one of them is present.
const CASES: [string[], string][] = [
  [['bias'], 'same'],
  [['bias', 'a'], 'diff'],
  [['bias', 'b'], 'diff'],
  [['bias', 'a', 'b'], 'same'],
];
const xor: Example[] = Array.from({ length: 12 }, () => CASES.map(([features, label]) => ({ features, label }))).flat();
const opts = { bits: 10, hidden: 16, epochs: 60, rate: 0.1, dropout: 0, inputDropout: 0, seed: 3, inputInit: 0.5 };

test('mlp learns XOR, which a linear model cannot', () => {
  const net = trainMlp(xor, opts);
  for (const [features, label] of CASES) {
    const p = net.probabilities(features);
    assert.equal(net.labels[p[0] > p[1] ? 0 : 1], label, features.join('+'));
  }
  const lin = trainLogistic(xor, { bits: 10, epochs: 60, rate: 0.1, l2: 0 });
  const linearRight = CASES.filter(([features, label]) => lin.predict(features).label === label).length;
  assert.ok(linearRight < CASES.length, 'a linear model got every XOR case right');
});

test('mlp training is deterministic for a seed, keeps only seen rows and round-trips', () => {
  const a = trainMlp(xor, { ...opts, dropout: 0.2, inputDropout: 0.1 });
  const b = trainMlp(xor, { ...opts, dropout: 0.2, inputDropout: 0.1 });
  assert.deepEqual(a.encode(), b.encode());
  assert.equal(a.buckets.length, 3); // 'bias', 'a', 'b'
  const again = Mlp.decode(a.encode());
  assert.deepEqual(again.labels, a.labels);
  for (const [features] of CASES) {
    const p = a.probabilities(features);
    const q = again.probabilities(features);
    assert.deepEqual([...q], [...p], features.join('+'));
  }
  assert.deepEqual([...again.probabilities(['unseen'])], [...again.probabilities([])]);
});

test('example weights tilt logistic regression and the mlp; weights of 1 change nothing', () => {
  // The same feature with two labels, three examples each: the weighted side wins.
  const tie: Example[] = [
    ...Array.from({ length: 3 }, () => ({ features: ['x'], label: 'a' })),
    ...Array.from({ length: 3 }, () => ({ features: ['x'], label: 'b' })),
  ];
  const toA = tie.map((e) => (e.label === 'a' ? 3 : 1));
  const toB = tie.map((e) => (e.label === 'b' ? 3 : 1));
  const lin = { bits: 8, epochs: 30, rate: 0.1, l2: 0, seed: 2 };
  assert.equal(trainLogistic(tie, { ...lin, weights: toA }).predict(['x']).label, 'a');
  assert.equal(trainLogistic(tie, { ...lin, weights: toB }).predict(['x']).label, 'b');
  assert.deepEqual(trainLogistic(xor, { ...lin, weights: xor.map(() => 1) }).encode(), trainLogistic(xor, lin).encode());
  const net = { ...opts, epochs: 30 };
  const pa = trainMlp(tie, { ...net, weights: toA }).probabilities(['x']);
  const pb = trainMlp(tie, { ...net, weights: toB }).probabilities(['x']);
  assert.ok(pa[0] > pa[1] && pb[1] > pb[0], `a-weighted ${[...pa]}, b-weighted ${[...pb]}`);
  assert.deepEqual(trainMlp(xor, { ...opts, weights: xor.map(() => 1) }).encode(), trainMlp(xor, opts).encode());
});
