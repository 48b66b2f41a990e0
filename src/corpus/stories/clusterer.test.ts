import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StoryClusterer, ClusterIndex, countFrequencies, heaviest, weigh, STORY_PARAMS } from './clusterer.js';
import { backgroundFrequencies, decodeBackground, encodeBackground } from './background.js';
import { clusterItems } from './batch.js';
import { bcubed } from './bcubed.js';
import { storyTerms, textNames } from './features.js';
import { consensusLouvain, louvain, moveToStrongestLinks, normaliseByDegree, similarPairs, splitLooseParts } from './graph.js';

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

test('batch: ISO dates apart beyond pairWindowDays are not linked; epoch numbers count as unknown times', () => {
  const twin = (id: string, published?: string) => ({ id, title: 'Oststadt tram bridge opens to passengers', published });
  const [x, y] = clusterItems([twin('x', '2031-03-01'), twin('y', '2031-06-01')]);
  assert.notEqual(x.story, y.story);
  // Epoch milliseconds (a UCI-style TIMESTAMP column, there rounded to "1.39E+12") do not parse as
  // dates: no window veto, so a story whose reports span weeks is not cut at pairWindowDays.
  const epoch = clusterItems([twin('x', '1394409600000'), twin('y', String(1394409600000 + 60 * 86_400_000)), twin('z', '1.39E+12')]);
  assert.equal(new Set(epoch.map((o) => o.story)).size, 1);
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

test('online re-clustering moves recent articles to the batch communities, keeping story ids', () => {
  const stream = [
    { id: 'h1', title: 'Velmora harbour strike halts ferries' },
    { id: 't1', title: 'Oststadt tram line closed for repairs' },
    { id: 'h2', title: 'Velmora ferries idle as harbour strike spreads' },
    { id: 't2', title: 'Repairs shut Oststadt tram line' },
    { id: 'h3', title: 'Harbour strike in Velmora enters third day' },
    { id: 't3', title: 'Oststadt tram repairs to last a week' },
  ];
  // Nothing joins online (threshold 0.99), so each article starts a story until the re-clustering.
  const params = { ...STORY_PARAMS, story: 0.99, onlineMerge: 0, reclusterEvery: stream.length };
  const c = new StoryClusterer(countFrequencies(stream), params);
  const online = Object.fromEntries(stream.map((i) => [i.id, c.assign(i).story]));
  const { moves, emptied } = c.takeMoves();
  const final = (id: string) => new Map(moves).get(id) ?? online[id];
  assert.equal(final('h1'), final('h2'));
  assert.equal(final('h1'), final('h3'));
  assert.equal(final('t1'), final('t3'));
  assert.notEqual(final('h1'), final('t1'));
  assert.equal(online.h1, final('h1'), 'the first story keeps its id');
  assert.equal(emptied.length, 4, 'the four stories left empty are dropped');
  assert.equal(c.stories.clusters.size, 2);
  assert.equal(c.stories.clusters.get(final('h1'))!.size, 3);
  // Off: no moves.
  const off = new StoryClusterer(countFrequencies(stream), { ...params, reclusterEvery: 0 });
  for (const i of stream) off.assign(i);
  assert.deepEqual(off.takeMoves(), { moves: [], emptied: [] });
});

test('settle re-clusters the arrivals since the last re-clustering, once', () => {
  const stream = [
    { id: 'k1', title: 'Brenwick dam spillway opened after heavy rain' },
    { id: 'q1', title: 'Quillon chess final drawn in 40 moves' },
    { id: 'k2', title: 'Heavy rain forces Brenwick dam spillway open' },
    { id: 'q2', title: 'Chess final in Quillon ends in a draw' },
    { id: 'k3', title: 'Brenwick spillway stays open as rain continues' },
  ];
  // Nothing joins online and the periodic re-clustering never comes: every article is its own story.
  const params = { ...STORY_PARAMS, story: 0.99, onlineMerge: 0, reclusterEvery: 1000 };
  const c = new StoryClusterer(countFrequencies(stream), params);
  const online = Object.fromEntries(stream.map((i) => [i.id, c.assign(i).story]));
  assert.equal(new Set(Object.values(online)).size, 5);
  assert.deepEqual(c.takeMoves().moves, []);
  c.settle();
  const moved = new Map(c.takeMoves().moves);
  const final = (id: string) => moved.get(id) ?? online[id];
  assert.equal(final('k1'), final('k2'));
  assert.equal(final('k1'), final('k3'));
  assert.equal(final('q1'), final('q2'));
  assert.notEqual(final('k1'), final('q1'));
  // Nothing arrived since: a second call does not re-cluster (no work, no moves).
  c.settle();
  assert.deepEqual(c.takeMoves(), { moves: [], emptied: [] });
  // Re-clustering off: settle does nothing.
  const off = new StoryClusterer(countFrequencies(stream), { ...params, reclusterEvery: 0 });
  for (const i of stream) off.assign(i);
  off.settle();
  assert.deepEqual(off.takeMoves(), { moves: [], emptied: [] });
});

test('consensus Louvain keeps what all runs agree on and drops links only some runs keep', () => {
  // Two triangles joined by a bridge of middling weight: plain Louvain at resolution 1 may keep the
  // bridge node with either side; the consensus must still give two groups of three and agree with
  // itself across calls (seeded orders).
  const pairs = [
    { i: 0, j: 1, sim: 0.9 }, { i: 0, j: 2, sim: 0.8 }, { i: 1, j: 2, sim: 0.7 },
    { i: 3, j: 4, sim: 0.9 }, { i: 3, j: 5, sim: 0.8 }, { i: 4, j: 5, sim: 0.7 },
    { i: 2, j: 3, sim: 0.3 },
  ];
  const params = { runs: 3, resolutions: [1, 1.5, 2], agreement: 0.5, resolution: 1 };
  const labels = consensusLouvain(6, pairs, params);
  assert.deepEqual(labels, consensusLouvain(6, pairs, params));
  assert.equal(new Set(labels.slice(0, 3)).size, 1);
  assert.equal(new Set(labels.slice(3)).size, 1);
  assert.notEqual(labels[0], labels[3]);
  // With agreement above 1 nothing is kept: every item alone.
  assert.equal(new Set(consensusLouvain(6, pairs, { ...params, agreement: 1.01 })).size, 6);
});

test('Louvain reads duplicate pairs as one summed link, and folds levels without losing members', () => {
  // Three cliques in a ring joined by weak links: one community each, whatever the pair order.
  const clique = (a: number) => [
    { i: a, j: a + 1, sim: 0.9 }, { i: a, j: a + 2, sim: 0.8 }, { i: a + 1, j: a + 2, sim: 0.85 },
  ];
  const pairs = [...clique(0), ...clique(3), ...clique(6), { i: 2, j: 3, sim: 0.05 }, { i: 5, j: 6, sim: 0.05 }, { i: 8, j: 0, sim: 0.05 }];
  const labels = louvain(9, pairs);
  assert.deepEqual(labels, [0, 0, 0, 1, 1, 1, 2, 2, 2]);
  // The same graph with every link given as two halves.
  const halves = pairs.flatMap((p) => [{ ...p, sim: p.sim / 2 }, { ...p, sim: p.sim / 2 }]);
  assert.deepEqual(louvain(9, halves), labels);
  // Reversed pair order and a seeded node order: same partition (names may differ).
  const again = louvain(9, [...pairs].reverse(), 1, [8, 7, 6, 5, 4, 3, 2, 1, 0]);
  for (let a = 0; a < 9; a++) for (let b = 0; b < 9; b++) assert.equal(again[a] === again[b], labels[a] === labels[b]);
});

test('online re-clustering only moves articles still in its window of recent arrivals', () => {
  const stream = [
    { id: 'f1', title: 'Lindqvist ferry strike halts island crossings' },
    { id: 't1', title: 'Brauner tram depot fire closes northern lines' },
    { id: 'f2', title: 'Island crossings halted by Lindqvist ferry strike' },
    { id: 't2', title: 'Northern tram lines closed after Brauner depot fire' },
    { id: 'f3', title: 'Lindqvist ferry strike halts crossings for a second week' },
    { id: 't3', title: 'Brauner depot fire: northern tram lines stay closed' },
    { id: 'f4', title: 'Crossings halted again as Lindqvist ferry strike drags on' },
    { id: 't4', title: 'Brauner depot fire keeps northern trams idle' },
  ];
  // Nothing joins online; the window holds the last 4 arrivals, re-clustered after arrival 8.
  const params = { ...STORY_PARAMS, story: 0.99, onlineMerge: 0, reclusterEvery: 8, reclusterItems: 4 };
  const c = new StoryClusterer(countFrequencies(stream), params);
  const online = Object.fromEntries(stream.map((i) => [i.id, c.assign(i).story]));
  const moved = new Map(c.takeMoves().moves);
  assert.ok(moved.size > 0, 'the recent reports were joined');
  for (const id of ['f1', 't1', 'f2', 't2']) assert.ok(!moved.has(id), `${id} left the window and stays put`);
  const final = (id: string) => moved.get(id) ?? online[id];
  assert.equal(final('f3'), final('f4'));
  assert.equal(final('t3'), final('t4'));
  assert.notEqual(final('f3'), final('t3'));
});

test('re-clustering keeps at most reclusterPairsPerArticle pairs per arriving article, the most similar', () => {
  const titles = ['Harbour strike halts ferries', 'Harbour strike halts ferries again', 'Ferries halted by harbour strike', 'Harbour strike ends as ferries sail', 'Strike at the harbour halts ferries'];
  const counts = new Map<string, number>();
  const df = { docs: 0, df: (t: string) => counts.get(t) ?? 0 };
  const c = new StoryClusterer(df, { ...STORY_PARAMS, reclusterPairsPerArticle: 2, reclusterEvery: 1000 });
  titles.forEach((title, i) => {
    const terms = storyTerms({ id: String(i), title });
    for (const [t] of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    df.docs++;
    c.assign({ id: String(i), title }, terms);
  });
  const recent = (c as unknown as { recent: RecentPairs[] }).recent;
  assert.deepEqual(recent.map((r) => r.others.length), [0, 1, 2, 2, 2]);
  for (const r of recent) for (let k = 1; k < r.sims.length; k++) assert.ok(r.sims[k - 1] >= r.sims[k]);
});

/** The re-clustering pairs an arriving article keeps (private to the clusterer). */
interface RecentPairs { seq: number; v: Map<string, number>; others: Int32Array; sims: Float64Array }

test('the pairs kept per arriving article are those a sort of all its pairs (most similar first, ties by arrival) puts first', () => {
  const words = ['harbour', 'strike', 'ferries', 'tram', 'bridge', 'quota', 'fishing', 'talks', 'depot', 'fire', 'crossing', 'island'];
  const run = (most: number) => {
    const counts = new Map<string, number>();
    const df = { docs: 0, df: (t: string) => counts.get(t) ?? 0 };
    const c = new StoryClusterer(df, { ...STORY_PARAMS, reclusterItems: 60, reclusterEvery: 10_000, reclusterPairsPerArticle: most });
    let s = 11;
    const pick = () => words[(s = (Math.imul(s, 1103515245) + 12345) >>> 0) % words.length];
    for (let i = 0; i < 120; i++) {
      // Repeated titles give equal cosines: the ties must break by arrival number.
      const item = { id: String(i), title: i % 7 === 0 ? 'harbour strike ferries' : `${pick()} ${pick()} ${pick()}` };
      const terms = storyTerms(item);
      for (const [t] of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      df.docs++;
      c.assign(item, terms);
    }
    return (c as unknown as { recent: RecentPairs[] }).recent;
  };
  const all = run(0);
  const kept = run(5);
  let truncated = 0;
  kept.forEach((r, k) => {
    const every = [...all[k].others].map((seq, x) => [seq, all[k].sims[x]] as [number, number]);
    const want = every.length > 5 ? every.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 5) : every;
    if (every.length > 5) truncated++;
    assert.deepEqual([...r.others].map((seq, x) => [seq, r.sims[x]]), want);
  });
  assert.ok(truncated > 50, 'most articles have more pairs than are kept');
});

test('background idf: a word common in news at large weighs less than a rare one the input counts as often', () => {
  const bg = decodeBackground(encodeBackground({ docs: 1000, counts: new Map([['ameri', 300], ['jetbl', 1]]) }));
  assert.equal(bg.docs, 1000);
  assert.equal(bg.counts.get('ameri'), 300);
  const df = { docs: 10, df: () => 2 };
  const bag = new Map([['ameri', 1], ['jetbl', 1]]);
  const own = weigh(bag, df, 0, bg);
  assert.ok(Math.abs(own.get('ameri')! - own.get('jetbl')!) < 1e-12, 'own frequencies alone: equal weights');
  const mixed = weigh(bag, df, 0.5, bg);
  assert.ok(mixed.get('ameri')! < 0.8 * mixed.get('jetbl')!, JSON.stringify([...mixed]));
  // The committed table, when trained, knows common words.
  const committed = backgroundFrequencies();
  if (committed) assert.ok(committed.docs > 1000 && (committed.counts.get('peopl') ?? 0) > 100);
});

test('splitLooseParts splits a small story loosely merged into a big one, and keeps a well-knit one whole', () => {
  // A clique of 8 and a clique of 4 joined by two weak links, given as one community.
  const pairs: Array<{ i: number; j: number; sim: number }> = [];
  for (let i = 0; i < 8; i++) for (let j = i + 1; j < 8; j++) pairs.push({ i, j, sim: 0.5 });
  for (let i = 8; i < 12; i++) for (let j = i + 1; j < 12; j++) pairs.push({ i, j, sim: 0.5 });
  pairs.push({ i: 0, j: 8, sim: 0.1 }, { i: 1, j: 9, sim: 0.1 });
  const merged = splitLooseParts(12, pairs, new Array(12).fill(0), 0.2);
  assert.equal(new Set(merged.slice(0, 8)).size, 1);
  assert.equal(new Set(merged.slice(8)).size, 1);
  assert.notEqual(merged[0], merged[8]);
  // Strong links between the two: one story, left whole.
  const knit = pairs.map((p) => (p.sim === 0.1 ? { ...p, sim: 0.5 } : p));
  for (let j = 8; j < 12; j++) knit.push({ i: 2, j, sim: 0.5 }, { i: 3, j, sim: 0.5 });
  assert.equal(new Set(splitLooseParts(12, knit, new Array(12).fill(0), 0.2)).size, 1);
  // Off below any conductance.
  assert.deepEqual(splitLooseParts(12, pairs, new Array(12).fill(0), 0), new Array(12).fill(0));
});

test('splitLooseParts with inner normalisation: a hub item binding two parts no longer keeps them together', () => {
  // Two cliques of 5 (items 0–4, 5–9) with no link between them, each item also linked to hub 10.
  const pairs: Array<{ i: number; j: number; sim: number }> = [];
  for (const base of [0, 5]) for (let i = base; i < base + 5; i++) for (let j = i + 1; j < base + 5; j++) pairs.push({ i, j, sim: 0.3 });
  for (let i = 0; i < 10; i++) pairs.push({ i, j: 10, sim: 0.35 });
  const labels = new Array(11).fill(0);
  // Raw weights: the hub's links make each clique's cut heavier than 0.2 of its volume.
  assert.equal(new Set(splitLooseParts(11, pairs, labels, 0.2)).size, 1);
  const split = splitLooseParts(11, pairs, labels, 0.2, 0.5);
  assert.equal(new Set(split.slice(0, 5)).size, 1);
  assert.equal(new Set(split.slice(5, 10)).size, 1);
  assert.notEqual(split[0], split[5]);
  // The input pairs are not changed (the subgraph is a copy).
  assert.ok(pairs.every((p) => p.sim === 0.3 || p.sim === 0.35));
  // One clique with a hub stays whole.
  const one = pairs.filter((p) => p.i < 5 && (p.j < 5 || p.j === 10)).map((p) => ({ ...p, j: p.j === 10 ? 5 : p.j }));
  assert.equal(new Set(splitLooseParts(6, one, new Array(6).fill(0), 0.2, 0.5)).size, 1);
});

test('moveToStrongestLinks puts an item beside the community holding most of its links', () => {
  // Items 0–2 and 3–5 are two communities; item 6 sits in the first but links mostly to the second.
  const pairs = [
    { i: 0, j: 1, sim: 0.5 }, { i: 1, j: 2, sim: 0.5 }, { i: 3, j: 4, sim: 0.5 }, { i: 4, j: 5, sim: 0.5 },
    { i: 0, j: 6, sim: 0.1 }, { i: 3, j: 6, sim: 0.2 }, { i: 4, j: 6, sim: 0.2 },
  ];
  assert.deepEqual(moveToStrongestLinks(7, pairs, [0, 0, 0, 1, 1, 1, 0]), [0, 0, 0, 1, 1, 1, 1]);
  // An item with no links, or equal weight both ways, keeps its own community.
  // (Item 2 links equally to communities 0 and 1; item 3 has no links.)
  const tie = [{ i: 0, j: 2, sim: 0.3 }, { i: 1, j: 2, sim: 0.3 }];
  const moved = moveToStrongestLinks(4, tie, [0, 1, 1, 0]);
  assert.equal(moved[2], 1);
  assert.equal(moved[3], 0);
  // A chain 7–8–9 hanging off the second community: one pass moves 7 (beside 3), a second pass
  // moves 8, which follows 7; the passes stop once nothing moves.
  const chain = [...pairs, { i: 3, j: 7, sim: 0.5 }, { i: 7, j: 8, sim: 0.4 }, { i: 8, j: 9, sim: 0.2 }];
  const start = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2];
  assert.deepEqual(moveToStrongestLinks(10, chain, start, 1).slice(7), [1, 2, 2]);
  assert.deepEqual(moveToStrongestLinks(10, chain, start, 2).slice(7), [1, 1, 2]);
  assert.deepEqual(moveToStrongestLinks(10, chain, start, 50).slice(7), [1, 1, 1]);
});

test('normaliseByDegree weakens the links of a hub linked to many items and keeps an isolated pair whole', () => {
  // Node 0 is a hub with weak links to 1..6; 7 and 8 are linked only to each other.
  const pairs = [1, 2, 3, 4, 5, 6].map((j) => ({ i: 0, j, sim: 0.2 }));
  pairs.push({ i: 7, j: 8, sim: 0.2 });
  normaliseByDegree(9, pairs, 0.5);
  // sim / sqrt(deg_i × deg_j): the isolated pair gets 1, a hub link 0.2 / sqrt(1.2 × 0.2).
  assert.ok(Math.abs(pairs[6].sim - 1) < 1e-12);
  assert.ok(Math.abs(pairs[0].sim - 0.2 / Math.sqrt(1.2 * 0.2)) < 1e-12);
  assert.ok(pairs[0].sim < pairs[6].sim / 2);
  // Off at power 0: weights untouched.
  const same = [{ i: 0, j: 1, sim: 0.3 }];
  normaliseByDegree(2, same, 0);
  assert.equal(same[0].sim, 0.3);
});

test('re-clustering pairs stay exact as old articles leave the window (postings compacted)', () => {
  const words = ['harbour', 'strike', 'ferries', 'tram', 'bridge', 'quota', 'fishing', 'talks', 'depot', 'fire', 'crossing', 'island'];
  const counts = new Map<string, number>();
  const df = { docs: 0, df: (t: string) => counts.get(t) ?? 0 };
  const window = 50;
  const c = new StoryClusterer(df, { ...STORY_PARAMS, reclusterItems: window, reclusterEvery: 10_000, reclusterPairsPerArticle: 0, reclusterPairFloor: 0 });
  let s = 3;
  const pick = () => words[(s = (Math.imul(s, 1103515245) + 12345) >>> 0) % words.length];
  for (let i = 0; i < 300; i++) {
    const item = { id: String(i), title: `${pick()} ${pick()} ${pick()}` };
    const terms = storyTerms(item);
    for (const [t] of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    df.docs++;
    c.assign(item, terms);
  }
  const recent = (c as unknown as { recent: RecentPairs[] }).recent;
  assert.equal(recent.length, window);
  const bySeq = new Map(recent.map((r) => [r.seq, r.v]));
  for (const r of recent.slice(window >> 1)) {
    const want = new Map<number, number>();
    for (const [seq, v] of bySeq) {
      if (seq >= r.seq || seq <= r.seq - window) continue;
      let dot = 0;
      for (const [t, w] of r.v) dot += w * (v.get(t) ?? 0);
      if (dot > 0) want.set(seq, dot);
    }
    // Partners that have left the window since are not in `recent` to check against.
    const pairs = [...r.others].map((seq, x) => [seq, r.sims[x]] as [number, number]);
    const got = pairs.filter(([seq]) => bySeq.has(seq));
    assert.ok(pairs.every(([seq]) => seq < r.seq && seq > r.seq - window), 'only the window');
    assert.equal(got.length, want.size);
    for (const [seq, sim] of got) assert.ok(Math.abs(sim - want.get(seq)!) < 1e-12);
  }
});

test('idf power: a rare term outweighs a common one by more than plain tf-idf does', () => {
  const df = { docs: 100, df: (t: string) => (t === 'rare' ? 1 : 30) };
  const bag = new Map([['rare', 1], ['commo', 1]]);
  const ratio = (p: number) => {
    const v = weigh(bag, df, 0, undefined, p);
    return v.get('rare')! / v.get('commo')!;
  };
  assert.ok(ratio(1) > 1);
  assert.ok(ratio(1.5) > ratio(1) * 1.2, `${ratio(1.5)} vs ${ratio(1)}`);
});

test('story terms split words at hyphens (wire prefixes, compounds)', () => {
  const terms = storyTerms({ id: '1', title: 'WIRE 3-Copper climbs as Smelter-owner restarts' });
  for (const t of ['coppe', 'smelt', 'owner']) assert.ok(terms.has(t), JSON.stringify([...terms.keys()]));
  assert.ok(![...terms.keys()].some((t) => t.includes('-')));
});

test('heaviest keeps the k heaviest entries in map order, ties to the earlier ones', () => {
  const m = new Map([['a', 0.1], ['b', 0.5], ['c', 0.3], ['d', 0.3], ['e', 0.3], ['f', 0.05]]);
  assert.deepEqual(heaviest(m, 3), [['b', 0.5], ['c', 0.3], ['d', 0.3]]);
  assert.deepEqual(heaviest(m, 1), [['b', 0.5]]);
  assert.equal(heaviest(m, 10).length, 6);
});

test('a centroid keeps its heaviest terms; a subtracted member takes its terms out of the postings', () => {
  const index = new ClusterIndex('s', 1, 2);
  const c = index.create('t1');
  index.add(c, new Map([['harbour', 0.6], ['talks', 0.5], ['quota', 0.1]]), NaN);
  assert.deepEqual([...c.centroid.keys()].sort(), ['harbour', 'talks'], 'pruned to the 2 heaviest');
  assert.equal(index.best(new Map([['quota', 1]]), NaN, 0).cluster, undefined, 'a pruned term finds nothing');
  index.add(c, new Map([['talks', 0.4]]), NaN);
  assert.equal(index.best(new Map([['harbour', 1]]), NaN, 0).cluster, c);
  index.subtract(c, new Map([['harbour', 0.6]]));
  assert.equal(index.best(new Map([['harbour', 1]]), NaN, 0).cluster, undefined, 'harbour left the centroid');
  const { cluster, sim } = index.best(new Map([['talks', 1]]), NaN, 0);
  assert.equal(cluster, c);
  assert.ok(Math.abs(sim - 1) < 1e-9, 'the norm follows the subtraction');
});

test('heaviest (selection, not a sort) keeps what a stable sort by weight keeps, ties included', () => {
  let s = 1;
  const rnd = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const bySort = (m: Map<string, number>, k: number) => {
    const sorted = [...m].map(([t, w], at) => ({ t, w, at })).sort((a, b) => b.w - a.w || a.at - b.at).slice(0, k);
    const kept = new Set(sorted.map((e) => e.t));
    return [...m].filter(([t]) => kept.has(t));
  };
  for (let round = 0; round < 2000; round++) {
    const n = 1 + Math.floor(rnd() * 120);
    const levels = 1 + Math.floor(rnd() * 6);
    const m = new Map<string, number>();
    // Half the weights on a few levels, so ties at the cut are common.
    for (let i = 0; i < n; i++) m.set(`t${i}`, rnd() < 0.5 ? Math.floor(rnd() * levels) / levels : rnd());
    const k = 1 + Math.floor(rnd() * n);
    assert.deepEqual(heaviest(m, k), bySort(m, k), `n ${n} k ${k}`);
  }
});

test('a centroid update keeps the same terms, in the same order, as adding all and cutting after', () => {
  const index = new ClusterIndex('s', 1, 4);
  const c = index.create('t1');
  const reference = new Map<string, number>();
  const cut = (m: Map<string, number>, k: number) => {
    const kept = new Set(heaviest(m, k).map(([t]) => t));
    for (const t of [...m.keys()]) if (!kept.has(t)) m.delete(t);
  };
  const vectors = [
    new Map([['a', 0.5], ['b', 0.3], ['c', 0.3]]),
    new Map([['d', 0.4], ['b', 0.1], ['e', 0.3], ['f', 0.3]]),
    new Map([['g', 0.9], ['c', 0.2], ['h', 0.05]]),
    new Map([['a', 0.1], ['i', 0.4], ['j', 0.4]]),
  ];
  for (const v of vectors) {
    index.add(c, v, NaN);
    for (const [t, w] of v) reference.set(t, (reference.get(t) ?? 0) + w);
    cut(reference, 4);
    assert.deepEqual([...c.centroid], [...reference]);
    for (const t of reference.keys()) assert.equal(index.best(new Map([[t, 1]]), NaN, 0).cluster, c, `${t} is indexed`);
  }
});

test('moveToStrongestLinks, re-weighing only items next to a move, matches passes over every item', () => {
  // Every item weighed in every pass (what the passes did before they skipped unchanged items).
  const everyItem = (n: number, pairs: { i: number; j: number; sim: number }[], labels: number[], passes: number) => {
    const links: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
    for (const p of pairs) links[p.i].push([p.j, p.sim]), links[p.j].push([p.i, p.sim]);
    let current = [...labels];
    for (let pass = 0; pass < passes; pass++) {
      const next = current.map((own, i) => {
        const toward = new Map<number, number>();
        for (const [j, w] of links[i]) toward.set(current[j], (toward.get(current[j]) ?? 0) + w);
        let best = own;
        for (const [c, w] of toward) if (w > (toward.get(best) ?? 0)) best = c;
        return best;
      });
      const moved = next.some((l, i) => l !== current[i]);
      current = next;
      if (!moved) break;
    }
    return current;
  };
  let s = 3;
  const rnd = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let round = 0; round < 200; round++) {
    const n = 5 + Math.floor(rnd() * 60);
    const pairs = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rnd() < 0.15) pairs.push({ i, j, sim: Math.ceil(rnd() * 4) / 4 });
    const labels = Array.from({ length: n }, () => Math.floor(rnd() * 6));
    assert.deepEqual(moveToStrongestLinks(n, pairs, labels, 10), everyItem(n, pairs, labels, 10), `round ${round}`);
  }
});

/** Synthetic headlines: `n` articles, a new event every third one, each event its own made-up names. */
function syntheticHeadlines(n: number, options: { minutesApart: number; undatedEvery?: number }): Array<{ id: string; title: string; published?: string }> {
  let seed = 11;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const [consonants, vowels] = ['bcdfghklmnprstvz', 'aeiou'];
  const name = () => {
    let w = '';
    for (let k = 0; k < 3; k++) w += consonants[Math.floor(rnd() * 16)] + vowels[Math.floor(rnd() * 5)];
    return w[0].toUpperCase() + w.slice(1);
  };
  const events: string[][] = [];
  const start = Date.parse('2031-01-01T00:00:00Z');
  const out = [];
  for (let i = 0; i < n; i++) {
    if (i % 3 === 0) {
      events.push(Array.from({ length: 6 }, name));
      if (events.length > 40) events.shift();
    }
    const e = events[Math.floor(rnd() * events.length)];
    const words = e.filter(() => rnd() < 0.7);
    const undated = options.undatedEvery && i % options.undatedEvery === 0;
    out.push({ id: `n${i}`, title: [...words, 'harbour', 'talks'].join(' '), published: undated ? undefined : new Date(start + i * options.minutesApart * 60_000).toISOString() });
  }
  return out;
}

test('eviction bounds the in-memory index and changes no assignment of in-order dated articles', () => {
  // Dated, in order, 30 days: stories older than `evictDays` cannot be joined, so evicting them changes nothing.
  const dated = syntheticHeadlines(1500, { minutesApart: 30 });
  const df = countFrequencies(dated);
  // (Stories of the articles kept for re-clustering are never evicted: fewer of them here.)
  const kept = new StoryClusterer(df, { ...STORY_PARAMS, reclusterItems: 300, evictEvery: 0 });
  const evicting = new StoryClusterer(df, { ...STORY_PARAMS, reclusterItems: 300, evictEvery: 50, evictDatedAbove: 0, evictDays: 5, threadEvictDays: 6 });
  const a = dated.map((i) => kept.assign(i));
  const b = dated.map((i) => evicting.assign(i));
  assert.deepEqual(b.map((x) => x.story), a.map((x) => x.story));
  // And re-clustering and merges moved the same articles the same way.
  assert.deepEqual(evicting.takeMoves(), kept.takeMoves());
  assert.deepEqual(evicting.takeMerges(), kept.takeMerges());
  assert.ok(evicting.evicted > 0);
  assert.ok(evicting.stories.clusters.size < kept.stories.clusters.size / 3, `${evicting.stories.clusters.size} vs ${kept.stories.clusters.size}`);
  assert.ok(evicting.threads.clusters.size < kept.threads.clusters.size / 2, `${evicting.threads.clusters.size} vs ${kept.threads.clusters.size}`);

  // Undated and dated mixed, with small caps: the index stays within them however many arrive.
  const many = syntheticHeadlines(6000, { minutesApart: 1, undatedEvery: 3 });
  // (The stories of the articles kept for re-clustering are never evicted: at most 100 here, the most recently updated.)
  const params = { ...STORY_PARAMS, reclusterItems: 100, evictEvery: 100, maxUndatedStories: 150, maxStories: 300, maxThreads: 400 };
  const c = new StoryClusterer(countFrequencies(many), params);
  let most = 0;
  for (const item of many) {
    const got = c.assign(item);
    assert.ok(c.stories.clusters.has(got.story) && c.threads.clusters.has(got.thread), 'the assigned story and thread are indexed');
    most = Math.max(most, c.stories.clusters.size);
  }
  // Between evictions at most `evictEvery` stories are added (re-clustering's kept stories on top).
  assert.ok(most <= params.maxStories + params.evictEvery, String(most));
  c.evict();
  const undated = [...c.stories.clusters.values()].filter((s) => !Number.isFinite(s.last)).length;
  assert.ok(c.stories.clusters.size <= params.maxStories, String(c.stories.clusters.size));
  assert.ok(undated <= params.maxUndatedStories, String(undated));
  assert.ok(c.threads.clusters.size <= params.maxThreads, String(c.threads.clusters.size));
  for (const s of c.stories.clusters.values()) assert.ok(c.threads.clusters.has(s.thread), `thread of ${s.id} kept`);
});

test('out of date order and under evictDatedAbove, eviction changes no assignment (a late article still finds its story)', () => {
  // Dated over 30 days but arriving shuffled, as a folder of files would: with the day limits
  // applied, stories of early dates would be forgotten before their late-arriving articles.
  const dated = syntheticHeadlines(1200, { minutesApart: 36 });
  const shuffled = dated.map((item, k) => ({ item, key: (k * 7919) % dated.length })).sort((a, b) => a.key - b.key).map((x) => x.item);
  const df = countFrequencies(shuffled);
  const kept = new StoryClusterer(df, { ...STORY_PARAMS, reclusterItems: 300, evictEvery: 0 });
  const evicting = new StoryClusterer(df, { ...STORY_PARAMS, reclusterItems: 300, evictEvery: 50, evictDays: 5, threadEvictDays: 6 });
  assert.ok(STORY_PARAMS.evictDatedAbove > 1200);
  assert.deepEqual(shuffled.map((i) => evicting.assign(i).story), shuffled.map((i) => kept.assign(i).story));
  // With the day limits forced on, the same stream is assigned differently: the guard is what keeps it.
  const forced = new StoryClusterer(df, { ...STORY_PARAMS, reclusterItems: 300, evictEvery: 50, evictDatedAbove: 0, evictDays: 5, threadEvictDays: 6 });
  const again = new StoryClusterer(df, { ...STORY_PARAMS, reclusterItems: 300, evictEvery: 0 });
  assert.notDeepEqual(shuffled.map((i) => forced.assign(i).story), shuffled.map((i) => again.assign(i).story));
});
