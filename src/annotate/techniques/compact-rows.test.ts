import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Classifier, Mlp, seededRandom } from '../../learn/index.js';
import { CompactRows } from './compact-rows.js';
import { NetworkScorer } from './network-scorer.js';
import { MODELS_DIR } from './detector.js';
import { MODEL_FILES } from './constants.js';

/** A random weight table (10 bits × 5 classes) where about 2 rows in 3 are all zero. */
function sparseClassifier(): Classifier {
  const random = seededRandom(3);
  const L = 5;
  const weights = new Float32Array((1 << 10) * L);
  for (let b = 0; b < 1 << 10; b++) if (random() < 0.35) for (let c = 0; c < L; c++) weights[b * L + c] = random() < 0.2 ? 0 : random() * 2 - 1;
  return new Classifier(['a', 'b', 'c', 'd', 'e'], 10, weights);
}

test('compact rows score and explain exactly as the full weight table', () => {
  const classifier = sparseClassifier();
  const rows = new CompactRows(classifier.weights, classifier.labels.length);
  const random = seededRandom(9);
  let live = 0;
  for (let trial = 0; trial < 200; trial++) {
    const buckets = Array.from({ length: 1 + Math.floor(random() * 60) }, () => Math.floor(random() * (1 << 10)));
    for (const b of buckets) if (rows.weight(b, 0) !== 0) live++;
    assert.deepEqual([...rows.scoreBuckets(buckets)], [...classifier.scoreBuckets(buckets)]);
    for (let c = 0; c < 5; c++) assert.deepEqual(rows.explainBuckets(buckets, c, 8), classifier.explainBuckets(buckets, c, 8));
  }
  assert.ok(live > 100, 'the trials read non-zero rows');
  // A bucket never seen in training weighs nothing.
  const dead = [...Array(1 << 10).keys()].find((b) => classifier.weights.subarray(b * 5, b * 5 + 5).every((w) => w === 0))!;
  assert.equal(rows.weight(dead, 2), 0);
  assert.deepEqual([...rows.scoreBuckets([dead])], [0, 0, 0, 0, 0]);
});

test('the network scorer gives exactly the network\'s scores', () => {
  const net = Mlp.decode(readFileSync(join(MODELS_DIR, MODEL_FILES.network)));
  const scorer = new NetworkScorer(net);
  const random = seededRandom(4);
  const kept = net.buckets;
  for (let trial = 0; trial < 100; trial++) {
    // Half the buckets have an input row, half (most likely) not.
    const buckets = Array.from({ length: 1 + Math.floor(random() * 80) }, (_, k) => (k % 2 ? kept[Math.floor(random() * kept.length)] : Math.floor(random() * (1 << net.bits))));
    assert.deepEqual([...scorer.scoreBuckets(buckets)], [...net.scoreBuckets(buckets)]);
  }
  assert.deepEqual([...scorer.scoreBuckets([])], [...net.scoreBuckets([])]);
});
