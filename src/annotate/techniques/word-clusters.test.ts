import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../learn/index.js';
import { decodeWordClusters, encodeWordClusters, trainWordClusters } from './word-clusters.js';

/** Made-up sentences: animals and vehicles in their own frames, so the two groups differ in context. */
function corpus(): string[][] {
  const random = seededRandom(9);
  const pick = (xs: string[]) => xs[Math.floor(random() * xs.length)];
  const animals = ['cat', 'dog', 'horse', 'goat'];
  const vehicles = ['truck', 'bus', 'tram', 'train'];
  const out: string[][] = [];
  for (let i = 0; i < 400; i++) {
    out.push(['the', pick(animals), 'ate', 'grass', 'and', 'slept', 'in', 'the', 'barn']);
    out.push(['the', pick(vehicles), 'left', 'the', 'station', 'on', 'time', 'with', 'passengers']);
  }
  return out;
}

test('word clusters nest (each level refines the one above) and survive encoding', () => {
  const clusters = trainWordClusters(corpus());
  const cat = clusters.get('cat')!;
  assert.equal(cat.length, 3);
  for (const ids of clusters.values()) {
    assert.equal(ids[1] >> 4, ids[0]);
    assert.equal(ids[2] >> 2, ids[1]);
  }
  const decoded = decodeWordClusters(encodeWordClusters(clusters));
  assert.deepEqual(decoded.of('cat'), cat);
  assert.equal(decoded.of('unseen-word'), undefined);
  // Words that share every context end up in the same top-level cluster.
  assert.equal(clusters.get('dog')![0], cat[0]);
  assert.equal(clusters.get('bus')![0], clusters.get('truck')![0]);
});

test('word clusters are deterministic', () => {
  assert.deepEqual([...trainWordClusters(corpus())], [...trainWordClusters(corpus())]);
});
