import { StoryClusterer, countFrequencies, weigh, STORY_PARAMS, type StoryParams } from './clusterer.js';
import { storyTerms, type StoryItem } from './features.js';

/** One line of `spinscope cluster` output. */
export interface ClusterLine {
  id: string;
  story: string;
  thread: string;
}

type Vec = Map<string, number>;

function addTo(sum: Vec, v: Vec, sign = 1): void {
  for (const [t, w] of v) sum.set(t, (sum.get(t) ?? 0) + sign * w);
}

function cosine(v: Vec, c: Vec, cNorm: number): number {
  let dot = 0;
  for (const [t, w] of v) dot += w * (c.get(t) ?? 0);
  return cNorm ? dot / cNorm : 0;
}

function normOf(c: Vec): number {
  let s = 0;
  for (const w of c.values()) s += w * w;
  return Math.sqrt(s);
}

/**
 * Clusters a batch of items into stories and threads: the online pass in arrival order (by
 * `published` when given, else input order), with document frequencies counted over the whole
 * batch, then `refinePasses` passes moving each item to its nearest story centroid (itself left
 * out) — which repairs early mistakes the online pass cannot revisit.
 *
 * @example
 * clusterItems([{ id: '1', title: 'Fed holds rates' }, { id: '2', title: 'Fed keeps rates on hold' }]);
 */
export function clusterItems(items: readonly StoryItem[], params: StoryParams = STORY_PARAMS): ClusterLine[] {
  const order = items.map((item, i) => ({ item, i, t: item.published ? Date.parse(item.published) : NaN }));
  order.sort((a, b) => (Number.isFinite(a.t) && Number.isFinite(b.t) ? a.t - b.t : 0) || a.i - b.i);
  const df = countFrequencies(items);
  // The batch has refine and merge passes of its own (better than merging online; tuned on UCI half A).
  const clusterer = new StoryClusterer(df, { ...params, onlineMerge: 0, onlineMergeText: 0 });
  const story = new Map<string, string>();
  for (const { item } of order) story.set(item.id, clusterer.assign(item).story);

  const vectors = new Map(items.map((it) => [it.id, weigh(storyTerms(it), df)]));
  refine(order.map((o) => o.item), story, vectors, params);
  mergeStories(story, vectors, params);
  refine(order.map((o) => o.item), story, vectors, params);
  if (params.absorbBelow > 0) {
    absorbSmall(story, vectors, params);
    refine(order.map((o) => o.item), story, vectors, params);
  }
  return threadsOf(items, story, vectors, params);
}

/** Sums of member vectors per story. */
function centroids(story: Map<string, string>, vectors: Map<string, Vec>): Map<string, Vec> {
  const sums = new Map<string, Vec>();
  for (const [id, s] of story) addTo(sums.get(s) ?? sums.set(s, new Map()).get(s)!, vectors.get(id)!);
  return sums;
}

/** Agglomerative merging of story centroids, most similar pair first, while above `merge`. */
function mergeStories(story: Map<string, string>, vectors: Map<string, Vec>, params: StoryParams): void {
  const sums = centroids(story, vectors);
  const norms = new Map([...sums].map(([s, c]) => [s, normOf(c)]));
  for (;;) {
    let best: [string, string] | undefined;
    let bestSim = params.merge;
    const ids = [...sums.keys()];
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const sim = cosine(sums.get(ids[i])!, sums.get(ids[j])!, norms.get(ids[j])!) / (norms.get(ids[i]) || 1);
        if (sim >= bestSim) [best, bestSim] = [[ids[i], ids[j]], sim];
      }
    }
    if (!best) return;
    const [keep, drop] = best;
    addTo(sums.get(keep)!, sums.get(drop)!);
    sums.delete(drop);
    norms.set(keep, normOf(sums.get(keep)!));
    for (const [id, s] of story) if (s === drop) story.set(id, keep);
  }
}

/** Stories smaller than `absorbBelow` join the most similar bigger story when it clears `merge × absorbFactor`. */
function absorbSmall(story: Map<string, string>, vectors: Map<string, Vec>, params: StoryParams): void {
  const sums = centroids(story, vectors);
  const size = new Map<string, number>();
  for (const s of story.values()) size.set(s, (size.get(s) ?? 0) + 1);
  const big = [...sums.keys()].filter((s) => size.get(s)! >= params.absorbBelow);
  const target = new Map<string, string>();
  for (const [s, c] of sums) {
    if (size.get(s)! >= params.absorbBelow) continue;
    const n = normOf(c) || 1;
    let best = '';
    let bestSim = params.merge * params.absorbFactor;
    for (const b of big) {
      const sim = cosine(c, sums.get(b)!, normOf(sums.get(b)!)) / n;
      if (sim >= bestSim) [best, bestSim] = [b, sim];
    }
    if (best) target.set(s, best);
  }
  for (const [id, s] of story) if (target.has(s)) story.set(id, target.get(s)!);
}

/** Moves each item to its nearest story centroid (itself left out) when that clears `story`. */
function refine(order: readonly StoryItem[], story: Map<string, string>, vectors: Map<string, Vec>, params: StoryParams): void {
  for (let pass = 0; pass < params.refinePasses; pass++) {
    const sums = centroids(story, vectors);
    let moved = 0;
    for (const item of order) {
      const v = vectors.get(item.id)!;
      const own = story.get(item.id)!;
      addTo(sums.get(own)!, v, -1);
      let best = '';
      let bestSim = 0;
      for (const [s, c] of sums) {
        const sim = cosine(v, c, normOf(c));
        if (sim > bestSim) [best, bestSim] = [s, sim];
      }
      const target = bestSim >= (item.text ? params.storyText : params.story) ? best : own;
      addTo(sums.get(target) ?? sums.set(target, new Map()).get(target)!, v);
      if (target !== own) moved++, story.set(item.id, target);
    }
    if (!moved) break;
  }
}

/** Groups the final stories into threads by their centroids (first-come, greedy). */
function threadsOf(items: readonly StoryItem[], story: Map<string, string>, vectors: Map<string, Vec>, params: StoryParams): ClusterLine[] {
  const sums = new Map<string, Vec>();
  for (const it of items) addTo(sums.get(story.get(it.id)!) ?? sums.set(story.get(it.id)!, new Map()).get(story.get(it.id)!)!, vectors.get(it.id)!);
  const threads: Array<{ id: string; sum: Vec }> = [];
  const threadOf = new Map<string, string>();
  for (const [s, c] of sums) {
    const n = normOf(c);
    let best: { id: string; sum: Vec } | undefined;
    let bestSim = 0;
    for (const t of threads) {
      const sim = cosine(c, t.sum, normOf(t.sum)) / (n || 1);
      if (sim > bestSim) [best, bestSim] = [t, sim];
    }
    if (!best || bestSim < params.thread) threads.push((best = { id: `t${threads.length + 1}`, sum: new Map() }));
    addTo(best.sum, c);
    threadOf.set(s, best.id);
  }
  // Story ids renumbered in order of first appearance, so output is stable and readable.
  const names = new Map<string, string>();
  return items.map((it) => {
    const s = story.get(it.id)!;
    if (!names.has(s)) names.set(s, `s${names.size + 1}`);
    return { id: it.id, story: names.get(s)!, thread: threadOf.get(s)! };
  });
}
