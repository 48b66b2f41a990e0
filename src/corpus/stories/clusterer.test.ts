import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StoryClusterer, countFrequencies, STORY_PARAMS } from './clusterer.js';
import { clusterItems } from './batch.js';
import { bcubed } from './bcubed.js';
import { textNames } from './features.js';
import { louvain, similarPairs } from './graph.js';

const items = [
  { id: 'a1', title: 'Velmora harbour talks collapse' },
  { id: 'b1', title: 'Kostria fishing quota dispute' },
  { id: 'c1', title: 'Tram bridge opens in Oststadt' },
  { id: 'a2', title: 'Velmora harbour talks collapse over Kostria fishing quota dispute' },
  { id: 'c2', title: 'Oststadt tram bridge opens to passengers' },
];

test('online clustering joins reports of one event, and merges stories a later report bridges', () => {
  const c = new StoryClusterer(countFrequencies(items), { ...STORY_PARAMS, story: 0.3, onlineMerge: 0.3 });
  const got = Object.fromEntries(items.map((i) => [i.id, c.assign(i).story]));
  assert.notEqual(got.a1, got.b1, 'separate until bridged');
  assert.equal(got.c1, got.c2);
  const merges = new Map(c.takeMerges());
  const final = (s: string) => merges.get(s) ?? s;
  assert.equal(final(got.a1), final(got.b1), 'the bridging report merged the two stories');
  assert.notEqual(final(got.a1), final(got.c1));
});

test('time windows keep separate events apart', () => {
  const c = new StoryClusterer(countFrequencies(items));
  const x = c.assign({ id: 'x', title: 'Oststadt tram bridge opens', published: '2031-03-01' });
  const y = c.assign({ id: 'y', title: 'Oststadt tram bridge opens', published: '2031-06-01' });
  assert.notEqual(x.story, y.story);
});

test('batch clustering and BCubed', () => {
  const out = clusterItems(items);
  const gold = new Map([['a1', 'A'], ['b1', 'A'], ['a2', 'A'], ['c1', 'C'], ['c2', 'C']]);
  const score = bcubed(new Map(out.map((o) => [o.id, o.story])), gold);
  assert.ok(score.f1 > 0.7, JSON.stringify(score));
  assert.deepEqual(bcubed(new Map([['a', 's1'], ['b', 's1']]), new Map([['a', 'g'], ['b', 'h']])), { precision: 0.5, recall: 1, f1: 2 / 3 });
  assert.deepEqual(textNames('Kerry met Lavrov in Geneva. Kerry left. The talks ended.'), ['Kerry', 'Geneva', 'Lavrov']);
});

test('Louvain finds two cliques joined by one weak link, and similarPairs respects its floor and veto', () => {
  const pairs = [
    { i: 0, j: 1, sim: 0.9 }, { i: 0, j: 2, sim: 0.8 }, { i: 1, j: 2, sim: 0.7 },
    { i: 3, j: 4, sim: 0.9 }, { i: 3, j: 5, sim: 0.8 }, { i: 4, j: 5, sim: 0.7 },
    { i: 2, j: 3, sim: 0.1 },
  ];
  assert.deepEqual(louvain(7, pairs), [0, 0, 0, 1, 1, 1, 2]);
  const v = (o: Record<string, number>) => new Map(Object.entries(o));
  const vs = [v({ a: 1 }), v({ a: 0.6, b: 0.8 }), v({ b: 1 }), v({ c: 1 })];
  assert.deepEqual(similarPairs(vs, 0.5).map((p) => [p.i, p.j]), [[0, 1], [1, 2]]);
  assert.deepEqual(similarPairs(vs, 0.7).map((p) => [p.i, p.j]), [[1, 2]]);
  assert.deepEqual(similarPairs(vs, 0.5, (i) => i !== 0).map((p) => [p.i, p.j]), [[1, 2]]);
});
