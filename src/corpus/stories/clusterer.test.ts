import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StoryClusterer, countFrequencies, STORY_PARAMS } from './clusterer.js';
import { clusterItems } from './batch.js';
import { bcubed } from './bcubed.js';
import { textNames } from './features.js';

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
