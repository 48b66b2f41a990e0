import { countFrequencies, weigh, STORY_PARAMS, type StoryParams } from './clusterer.js';
import { storyTerms, type StoryItem } from './features.js';
import { consensusOf } from './clusterer.js';
import { similarPairs } from './graph.js';

/** One line of `spinscope cluster` output. */
export interface ClusterLine {
  id: string;
  story: string;
  thread: string;
}

type Vec = Map<string, number>;

const DAY_MS = 86_400_000;

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
 * Clusters a batch of items into stories and threads. Each item is a tf-idf vector (document
 * frequencies counted over the batch itself, so the weights fit the input); items are linked by
 * their cosine (pairs published more than `pairWindowDays` apart are not linked), and stories are
 * the (consensus) Louvain communities of that graph: the cut is set by modularity, relative to the input's own
 * similarities, rather than by an absolute cosine that would not transfer between data sets.
 * Items are processed in `published` order when given, else input order (deterministic).
 *
 * @example
 * clusterItems([{ id: '1', title: 'Fed holds rates' }, { id: '2', title: 'Fed keeps rates on hold' }]);
 */
export function clusterItems(items: readonly StoryItem[], params: StoryParams = STORY_PARAMS): ClusterLine[] {
  const order = items.map((item, i) => ({ item, i, t: item.published ? Date.parse(item.published) : NaN }));
  order.sort((a, b) => (Number.isFinite(a.t) && Number.isFinite(b.t) ? a.t - b.t : 0) || a.i - b.i);
  const sorted = order.map((o) => o.item);
  const df = countFrequencies(items);
  const vectors = new Map(items.map((it) => [it.id, weigh(storyTerms(it), df, params.backgroundIdf, undefined, params.idfPower)]));
  const times = order.map((o) => o.t);
  const windowMs = params.pairWindowDays * DAY_MS;
  const near = (i: number, j: number) => !(Number.isFinite(times[i]) && Number.isFinite(times[j])) || Math.abs(times[i] - times[j]) <= windowMs;
  const pairs = similarPairs(sorted.map((it) => vectors.get(it.id)!), params.pairFloor, near);
  const labels = consensusOf(sorted.length, pairs, params);
  const story = new Map(sorted.map((it, k) => [it.id, String(labels[k])]));
  return threadsOf(items, story, vectors, params);
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
