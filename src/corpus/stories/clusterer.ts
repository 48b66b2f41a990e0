import { storyTerms, type StoryItem } from './features.js';
import { consensusLouvain, graphOf, louvain, moveToStrongestLinks, normaliseByDegree, splitLooseParts, type Pair } from './graph.js';
import { backgroundFrequencies } from './background.js';

/**
 * Online story clustering: each arriving article joins the most similar recent story (cosine of
 * tf-idf vectors against the story centroid) when the similarity clears `story`, else starts a
 * new story. Stories are grouped the same way, at a lower threshold, into threads (one ongoing
 * topic: the Geneva and the Lausanne rounds of talks on Syria). Candidates come from an inverted
 * index over centroid terms, so cost grows with the terms shared, not with the corpus. Every
 * `reclusterEvery` arrivals the recent articles are re-clustered with the batch method (Louvain) and
 * moved to match, so the online result stays close to what `spinscope cluster` gives; `takeMoves()`
 * lists the moved articles and emptied stories for the store.
 */
export const STORY_PARAMS = {
  /** Cosine at or above which an article joins a story (tuned on half the UCI stories). */
  story: 0.06,
  /**
   * The same for articles with body text (title + lead give longer, flatter vectors). Not tuned
   * on labelled data (no full-text story groupings here): set so PTC articles, which are mostly
   * separate events, are rarely merged while the fixture reports of one event are.
   */
  storyText: 0.3,
  /** Cosine at or above which a new story joins a thread. */
  thread: 0.1,
  /** Stories whose last article is older than this many days are not joined (events end). */
  windowDays: 4,
  /** Threads span longer. */
  threadWindowDays: 45,
  /** Terms kept in a centroid (the heaviest): bounds memory and candidate lists. */
  centroidTerms: 80,
  /**
   * Online only (the store): a story that grows merges with another whose centroid cosine is at
   * or above this (0: off). Chosen with the consensus re-clustering on, by the mean over 40 random
   * halves of the UCI stories (`npm run eval:stories -- --cv`): 0 / 0.1 / 0.2 gave BCubed F1
   * 0.839 / 0.826 / 0.845 (BCubed precision 0.822 / 0.760 / 0.816: 0.1 joins distinct stories).
   */
  onlineMerge: 0.2,
  /** The same for articles with body text: not tuned (no labelled full-text stories); scaled as `storyText / story`. */
  onlineMergeText: 0.5,
  /** Heaviest terms of an article used to find candidate stories (bounds the postings walked). */
  queryTerms: 40,
  /**
   * Batch only (`spinscope cluster`): modularity resolution of the Louvain communities over the
   * item similarity graph. 1 is modularity's own scale (not tuned; over repeated random halves of
   * the UCI stories 0.8–1.2 scored alike, see `npm run eval:stories -- --cv`).
   */
  resolution: 1,
  /** Batch only: item pairs below this cosine are left out of the graph (sparsity; 0 scored the same). */
  pairFloor: 0.02,
  /**
   * Batch only: items published more than this many days apart are not linked (when both dates
   * are known). Not tuned (the UCI file has no usable times): wider than `windowDays`, since a
   * batch sees the whole story at once. `published` is read with `Date.parse` (ISO dates): epoch
   * numbers such as the UCI TIMESTAMP column count as unknown, so no veto cuts a story whose
   * reports span weeks (one UCI story's URLs carry dates 14 days apart). With dates taken from the
   * UCI URLs (358 of 999 carry one, 298 of them 10 March 2014) 7 / 3 / 1 days / no veto scored alike.
   */
  pairWindowDays: 7,
  /**
   * Online only: every this many arrivals, the recent articles (within `windowDays` of the newest)
   * are re-clustered with the batch method (Louvain over their similarity graph) and moved to
   * match it, story ids kept by largest overlap (0: off). Tuned on UCI half A (25, 50, 100:
   * F1 0.880, 0.879, 0.891; off: 0.854). Then, with 100 pairs per article, 100 vs 200 over 40
   * random halves (`--cv`): 0.845 vs 0.841, all 18 stories 0.752 vs 0.757, clustering CPU per
   * article at a full window on generated full text 7.0 vs 3.9 ms: 200 kept, for the writer.
   */
  reclusterEvery: 200,
  /**
   * Batch only: Louvain runs per resolution in the consensus (0: one plain Louvain run, then
   * `splitConductance`, as the store's re-clustering does). Chosen on UCI half A when pairs were not
   * normalised: consensus 0.893 vs plain 0.884 BCubed F1. With `degreeNormalise`, over 50 random
   * splits of the UCI stories into sets of 6 / 9 / 12 / 15 stories, consensus 0.831 / 0.867 / 0.855
   * / 0.838, plain 0.892 / 0.875 / 0.859 / 0.840 (the finer consensus resolutions split small sets).
   */
  consensusRuns: 0,
  /** Share of the consensus runs that must keep a pair together (tried 0.4/0.5/0.6 on half A: 0.887/0.893/0.893). */
  consensusAgreement: 0.5,
  /** Online only: most recent articles kept for re-clustering (bounds its cost). */
  reclusterItems: 2000,
  /**
   * Online only: the cosine floor of the pairs kept for re-clustering (the batch's `pairFloor`
   * is 0.02). Full-text articles share many weak terms, so at 0.02 a full window holds hundreds of
   * pairs per article and re-clustering cost the writer ~12 ms per article (3,000 generated
   * articles, `npm run bench` ingest rows); see `npm run eval:stories -- --cv` for its effect.
   */
  reclusterPairFloor: 0.02,
  /**
   * Online only: most pairs an arriving article keeps for re-clustering (its most similar earlier
   * articles; 0: all), which bounds the graph Louvain walks. Over 40 random halves of the UCI
   * stories (`npm run eval:stories -- --cv`) 0 / 60 / 100 / 150 gave F1 0.845 / 0.842 / 0.845 /
   * 0.845 (half B 0.832 / 0.805 / 0.828 / 0.828); clustering CPU per article at a full window on
   * 3,000 generated full-text articles 14.8 / 4.5 / 8.5 / 10.5 ms.
   */
  reclusterPairsPerArticle: 100,
  /**
   * Online only: seeded Louvain runs per resolution when re-clustering (0: one plain Louvain run,
   * then `splitConductance`). Before the split step, a light consensus (1: one run at each of
   * `CONSENSUS_RESOLUTIONS` plus the final pass) kept distinct stories apart on larger sets (all 18
   * UCI stories 0.678 -> 0.749). With background idf and the split, plain Louvain scores the same
   * at a fraction of the cost: over 40 random halves 0.859 both, all 18 stories 0.820 vs 0.818;
   * CPU per article at a full window, headlines (`--cost`) 0.82 vs 1.40 ms, generated full text
   * 2.8 vs 4.4 ms.
   */
  reclusterConsensusRuns: 0,
  /**
   * Share of the background idf (models/story-df.md) in the term weights: idf = own^(1-x) ×
   * background^x (0: the input's own frequencies only). Over 40 random halves of the UCI stories
   * (`npm run eval:stories -- --cv`), batch / online BCubed F1: 0 0.845 / 0.841, 0.3 0.854 / 0.853,
   * 0.5 0.857 / 0.856, 0.7 0.854 / 0.860, 1 0.850 / 0.863; all 18 stories at once 0.762 / 0.757
   * (0), 0.803 / 0.791 (0.5), 0.807 / 0.794 (1). With `degreeNormalise`, over 50 random splits into
   * sets of 6 / 9 / 12 / 15 stories (paired against 0.5), batch: 0.3 -0.004 / -0.002 / -0.003 /
   * -0.005, 0.7 -0.000 / +0.002 / +0.004 / +0.004, 1 -0.008 / +0.001 / +0.004 / +0.005; online: 0.7
   * +0.003 / +0.003 / +0.003 / +0.004. Not taken: at 0.7 the two seed articles (Geneva and Lausanne
   * rounds of talks, full text) join one story in a young store (seeds.test.ts), and the full-text
   * threshold `storyText` is not tuned on labelled data.
   */
  backgroundIdf: 0.5,
  /**
   * Batch and re-clustering: a part of a story community (found by Louvain on the community's own
   * subgraph) is split off when its outside links weigh less than this share of its volume (0:
   * off). Wrong merges of a small story into a big one measured 0.12–0.13 on the 18 UCI stories,
   * parts of one story 0.30 and up. 0.15 / 0.2 / 0.25 over 40 random halves (with background idf
   * 0.5), batch / online: 0.861 / 0.857, 0.858 / 0.859, 0.859 / 0.862 (off: 0.857 / 0.856); all 18
   * stories 0.832 / 0.797, 0.832 / 0.818, 0.832 / 0.818 (off: 0.803 / 0.791).
   */
  splitConductance: 0.2,
  /**
   * Batch and re-clustering: pair cosines are divided by (degree_i × degree_j)^x before the
   * communities are found (`normaliseByDegree`; 0: off; 0.5 is the symmetric normalisation of
   * spectral clustering, not a tuned value). Generic headlines link weakly to hundreds of items and
   * glue stories together; normalised, their links weigh little. Over 50 random story splits of
   * the UCI stories into sets of 6, 9 (both halves), 12 and 15 stories, batch with plain Louvain /
   * online BCubed F1 went 0.868 / 0.862 -> 0.875 / 0.869 (9), 0.880 / 0.881 -> 0.892 / 0.886 (6),
   * 0.853 / 0.847 -> 0.859 / 0.854 (12), 0.834 / 0.832 -> 0.840 / 0.835 (15).
   */
  degreeNormalise: 0.5,
  /**
   * Term weights use idf to this power (1: plain tf-idf), so rare terms (names, products) count
   * more against common news words ("stocks", "China", "data") that link distinct stories. Over
   * 100 random splits of the UCI stories into halves (`npm run eval:stories -- --cv 100`), batch /
   * online BCubed F1: 1 0.876 / 0.870, 1.3 0.880 / 0.873, 1.5 0.879 / 0.872, 1.6 0.879 / 0.872, 2
   * (40 halves) -0.000 / +0.002 against 1, 2.5 -0.015 / -0.010, 3 -0.029 / -0.024: 1.5 is the
   * middle of the flat 1.3–1.6 top.
   */
  idfPower: 1.5,
  /**
   * Batch and re-clustering: after the split, synchronous passes (at most this many, until
   * nothing moves; 0: off) move each item to the community its normalised links weigh most toward
   * (`moveToStrongestLinks`). Paired on the same random sets of UCI stories, batch BCubed F1 with
   * 0 / 1 / 3 / 10 passes: `npm run eval:stories -- --cv` 0.876 / 0.877 / 0.878 / 0.879, half B
   * 0.851 / 0.850 / 0.854 / 0.868, all 18 stories 0.836 / 0.836 / 0.837 / 0.842; 0 / 1 / 10:
   * `--cv 100` 0.880 / 0.881 / 0.883, `--sizes` (6 / 12 / 15 stories) 0.892 / 0.855 / 0.851,
   * 0.897 / 0.857 / 0.853, 0.905 / 0.860 / 0.853. Passes stop early (10 and 30 score the same).
   * Setting apart items held by under 25–45% of their link weight changed nothing at 10 passes.
   */
  strongestLinkPasses: 10,
  /**
   * Batch only (`spinscope cluster`): before the loose-part split, a community's own links are
   * normalised again by the items' degrees inside it, to this power (0: off; 0.5 as
   * `degreeNormalise`, not tuned beyond 0.25 / 0.5 / 0.75 / 1). Paired on the same story sets, batch
   * BCubed F1 off → 0.5: `npm run eval:stories -- --cv` 0.879 → 0.880, `--cv 100` 0.883 → 0.884,
   * `--sizes` (6 / 12 / 15 stories) 0.905 / 0.860 / 0.853 → 0.904 / 0.861 / 0.854 (50 sets each:
   * 0.892 / 0.866 / 0.850 → 0.892 / 0.867 / 0.852), all 18 stories 0.842 → 0.846. The store's
   * re-clustering keeps 0 (`reclusterSplitNormalise`): there it cost 0.003 (`--cv` online 0.873 → 0.870).
   */
  splitNormalise: 0.5,
  /** Online only: `splitNormalise` of the store's re-clustering (see there). */
  reclusterSplitNormalise: 0,
  /**
   * Online only: memory bounds of the in-memory candidate index (the stories stay in the store).
   * Without them every story and thread ever made stayed indexed (centroid, postings) and undated
   * stories stayed candidates forever: ~35 KB of retained heap per article in bulk ingest, tens of
   * GB at a million articles. Every `evictEvery` arrivals, stories whose last article is more than
   * `evictDays` older than the newest date seen are dropped (they cannot be joined by an article
   * within `windowDays` of it: 2 × `windowDays` leaves room for articles arriving up to 4 days
   * late), threads likewise after `threadEvictDays` (> `threadWindowDays`); then undated stories
   * beyond `maxUndatedStories`, and stories / threads beyond `maxStories` / `maxThreads`, least
   * recently updated first. Stories of articles kept for re-clustering, and threads of stories in
   * memory, are never dropped. `maxStories` / `maxThreads` are also what a reopened store loads
   * (most recent first), so a resumed ingest starts from the same kind of index. None of them
   * bites on the ~1k-article evaluation sets (`npm run eval:stories -- --cv` unchanged). The cost:
   * in a long running ingest, an article dated more than `evictDays - windowDays` before the
   * newest (a late backfill) no longer finds its old story and starts a new one. So the day
   * limits only apply once more than `evictDatedAbove` stories (threads) are indexed: a corpus
   * ingested out of date order (a folder of one outlet's interviews over years) keeps every
   * candidate up to that size, as before, and only bulk streams pay the backfill cost.
   */
  evictEvery: 200,
  evictDatedAbove: 5_000,
  evictDays: 8,
  threadEvictDays: 60,
  maxUndatedStories: 10_000,
  maxStories: 50_000,
  maxThreads: 20_000,
} as const;

export type StoryParams = { [K in keyof typeof STORY_PARAMS]: number };

/** Document frequencies for idf: a fixed table (batch) or one updated as articles arrive. */
export interface DocFrequencies {
  docs: number;
  df(term: string): number;
}

/** A cluster (story or thread) as the clusterer keeps and persists it. */
export interface Cluster {
  id: string;
  /** Thread id for stories; '' for threads. */
  thread: string;
  size: number;
  /** Summed member vectors, pruned to the heaviest terms. */
  centroid: Map<string, number>;
  /** Latest publication time of a member (ms since epoch), NaN when unknown. */
  last: number;
}

export interface Assignment {
  story: string;
  thread: string;
  newStory: boolean;
  similarity: number;
}

const DAY_MS = 86_400_000;

/** An article kept for re-clustering: its vector, time, story, arrival number and similar pairs. */
interface RecentArticle {
  id: string;
  v: Map<string, number>;
  time: number;
  story: string;
  seq: number;
  /**
   * Arrival numbers of earlier recent articles with cosines at or above `reclusterPairFloor`, and
   * those cosines, pair by pair. Flat typed arrays, not [number, number] tuples: kept for the
   * whole window (2,000 arrivals), ~100 tuples an article were most of what the scavenger copied.
   */
  others: Int32Array;
  sims: Float64Array;
}

/** Postings of one term over the recent articles: arrival numbers and weights from `head` on, oldest first. */
class RecentPostings {
  seqs: number[] = [];
  /** Each entry's arrival number modulo the window (its slot in `remember`'s accumulator). */
  slots: number[] = [];
  weights: number[] = [];
  head = 0;

  /** Skips entries older than `oldest`; the arrays are compacted once half of them are skipped. */
  dropBefore(oldest: number): void {
    while (this.head < this.seqs.length && this.seqs[this.head] < oldest) this.head++;
    if (this.head > 32 && this.head * 2 > this.seqs.length) {
      this.seqs = this.seqs.slice(this.head);
      this.slots = this.slots.slice(this.head);
      this.weights = this.weights.slice(this.head);
      this.head = 0;
    }
  }
}

/**
 * Sublinear tf × idf^`idfPower`, L2-normalised. The idf is the geometric mean (weight `backgroundShare` on
 * the background) of the input's own idf and the background idf of news at large (models/story-df.md).
 */
export function weigh(bag: Map<string, number>, df: DocFrequencies, backgroundShare: number = STORY_PARAMS.backgroundIdf, bg = backgroundFrequencies(), idfPower: number = STORY_PARAMS.idfPower): Map<string, number> {
  const v = new Map<string, number>();
  let norm = 0;
  for (const [term, tf] of bag) {
    let idf = Math.log((df.docs + 1) / (df.df(term) + 1) + 1);
    if (bg && backgroundShare > 0) idf = idf ** (1 - backgroundShare) * Math.log((bg.docs + 1) / ((bg.counts.get(term) ?? 0) + 1) + 1) ** backgroundShare;
    const w = (1 + Math.log(tf)) * (idfPower === 1 ? idf : idf ** idfPower);
    if (w > 0) {
      v.set(term, w);
      norm += w * w;
    }
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/**
 * The `k` heaviest entries of a map, in map order (at a tie for the last places, the earlier
 * entries). The order only changes float summation order, not which terms are kept; a stable sort
 * of all entries by weight cost ~4× more.
 */
export function heaviest(m: Map<string, number>, k: number): Array<[string, number]> {
  if (m.size <= k) return [...m];
  let { floor, ties } = cutoff(m, k);
  const out: Array<[string, number]> = [];
  for (const [t, w] of m) {
    if (w > floor) out.push([t, w]);
    else if (w === floor && ties > 0) out.push([t, w]), ties--;
  }
  return out;
}

let scratch = new Float64Array(256);

/** The weight of the `k`-th heaviest entry (m.size > k), and how many of the `k` weigh exactly that. */
function cutoff(m: Map<string, number>, k: number): { floor: number; ties: number } {
  if (scratch.length < m.size) scratch = new Float64Array(2 * m.size);
  let n = 0;
  for (const w of m.values()) scratch[n++] = w;
  return cutoffOf(scratch, n, k);
}

/** `cutoff` of the weights a[0..n) (n > k; reorders them). */
function cutoffOf(a: Float64Array, n: number, k: number): { floor: number; ties: number } {
  // The (n-k)-th smallest by selection, not a sort (this runs at every centroid update).
  const floor = select(a, n, n - k);
  let above = 0;
  for (let i = 0; i < n; i++) if (a[i] > floor) above++;
  return { floor, ties: k - above };
}

/** The `r`-th smallest (0-based) of a[0..n) (Hoare selection, in place; no NaN). */
function select(a: Float64Array, n: number, r: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j], a[j] = t;
        i++, j--;
      }
    }
    if (r <= j) hi = j;
    else if (r >= i) lo = i;
    else return a[r];
  }
  return a[r];
}

function norm(m: Map<string, number>): number {
  let s = 0;
  for (const w of m.values()) s += w * w;
  return Math.sqrt(s) || 1;
}

/** A cluster's entry in a term's postings: its slot in the index's flat arrays and its centroid weight for the term. */
interface Posting {
  slot: number;
  w: number;
}

/** A set of clusters with an inverted index over their centroid terms. */
export class ClusterIndex {
  readonly clusters = new Map<string, Cluster>();
  /**
   * Clusters by centroid term, with the term's centroid weight kept beside each (looking each
   * cluster or its weight up again cost as much as the dot products): insertion-ordered as a set.
   */
  private readonly postings = new Map<string, Map<Cluster, Posting>>();
  /** Flat per-cluster state by slot (free slots reused): the cluster, its centroid norm, `best`'s dot products. */
  private readonly slotOf = new Map<Cluster, number>();
  private slotCluster: Array<Cluster | undefined> = [];
  private slotNorm = new Float64Array(64);
  /** When each slot's cluster was last updated (`clock` at its last `add`/`restore`): eviction order. */
  private slotTouch = new Float64Array(64);
  private clock = 0;
  private dots = new Float64Array(64);
  private mark = new Int32Array(64);
  private stamp = 0;
  private readonly free: number[] = [];
  private readonly touchedSlots: number[] = [];

  constructor(private readonly prefix: string, private next = 1, private readonly keep: number) {}

  /** The slot of a cluster (given one on first sight). */
  private slot(c: Cluster): number {
    let s = this.slotOf.get(c);
    if (s !== undefined) return s;
    s = this.free.pop() ?? this.slotCluster.length;
    if (s >= this.slotNorm.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T): T => { const b = new (a.constructor as any)(2 * a.length) as T; b.set(a); return b; };
      this.slotNorm = grow(this.slotNorm);
      this.slotTouch = grow(this.slotTouch);
      this.dots = grow(this.dots);
      this.mark = grow(this.mark);
    }
    this.slotOf.set(c, s);
    this.slotCluster[s] = c;
    this.mark[s] = 0;
    return s;
  }

  /** The best cluster for a vector among those within the time window, with its cosine. */
  best(v: Map<string, number>, time: number, windowMs: number, queryTerms = Infinity, exclude?: string): { cluster?: Cluster; sim: number } {
    // Dot products in flat arrays by slot, clusters listed in order of first touch (as a map of
    // them would iterate), summed term by term in the vector's order: the same floats as before.
    const stamp = ++this.stamp;
    const { dots, mark, touchedSlots: touched } = this;
    const terms = v.size > queryTerms ? heaviest(v, queryTerms) : v;
    for (const [t, w] of terms) {
      const list = this.postings.get(t);
      if (!list) continue;
      for (const p of list.values()) {
        const s = p.slot;
        if (mark[s] !== stamp) {
          mark[s] = stamp;
          dots[s] = w * p.w;
          touched.push(s);
        } else dots[s] += w * p.w;
      }
    }
    let best: Cluster | undefined;
    let bestSim = 0;
    const dated = Number.isFinite(time);
    for (let k = 0; k < touched.length; k++) {
      const s = touched[k];
      const c = this.slotCluster[s]!;
      if (c.id === exclude) continue;
      if (dated && Number.isFinite(c.last) && Math.abs(time - c.last) > windowMs) continue;
      const sim = dots[s] / this.slotNorm[s];
      if (sim > bestSim) [best, bestSim] = [c, sim];
    }
    touched.length = 0;
    return { cluster: best, sim: bestSim };
  }

  create(thread: string, id?: string): Cluster {
    const c: Cluster = { id: id ?? `${this.prefix}${this.next++}`, thread, size: 0, centroid: new Map(), last: NaN };
    this.clusters.set(c.id, c);
    return c;
  }

  /** Adds a member vector (weight `size`) to the cluster's centroid and re-indexes it. */
  add(c: Cluster, v: Map<string, number>, time: number, size = 1): void {
    const slot = this.slot(c);
    const centroid = c.centroid;
    // Terms already in the centroid are updated in place; new ones wait until the cutoff is known,
    // so those cut at once never enter the map (they would enter after the centroid's own terms,
    // in the vector's order, and the same ones would be cut: the centroid ends the same).
    const fresh = this.fresh;
    const freshW = this.freshW;
    fresh.length = freshW.length = 0;
    for (const [t, w] of v) {
      const old = centroid.get(t);
      if (old === undefined) {
        fresh.push(t);
        freshW.push(0 + w * size);
        continue;
      }
      const now = old + w * size;
      centroid.set(t, now);
      this.postings.get(t)!.get(c)!.w = now;
    }
    const n = centroid.size + fresh.length;
    let floor = -Infinity;
    let ties = 0;
    if (n > this.keep) {
      if (scratch.length < n) scratch = new Float64Array(2 * n);
      let k = 0;
      for (const w of centroid.values()) scratch[k++] = w;
      for (const w of freshW) scratch[k++] = w;
      ({ floor, ties } = cutoffOf(scratch, n, this.keep));
      for (const [t, w] of centroid) {
        if (w > floor || (w === floor && ties-- > 0)) continue;
        centroid.delete(t);
        this.postings.get(t)?.delete(c);
      }
    }
    for (let k = 0; k < fresh.length; k++) {
      const t = fresh[k];
      const w = freshW[k];
      if (!(w > floor || (w === floor && ties-- > 0))) continue;
      centroid.set(t, w);
      let list = this.postings.get(t);
      if (!list) this.postings.set(t, (list = new Map()));
      list.set(c, { slot, w });
    }
    c.size += size;
    if (Number.isFinite(time)) c.last = Number.isFinite(c.last) ? Math.max(c.last, time) : time;
    this.clusters.set(c.id, c);
    this.slotNorm[slot] = norm(centroid);
    this.slotTouch[slot] = ++this.clock;
  }
  private readonly fresh: string[] = [];
  private readonly freshW: number[] = [];

  /** Folds `drop` into `keep` (summed centroids and sizes) and forgets `drop`. */
  absorb(keep: Cluster, drop: Cluster): void {
    this.remove(drop);
    this.add(keep, drop.centroid, drop.last, 1);
    keep.size += drop.size - 1;
  }

  /**
   * Takes a member vector out of a cluster's centroid (terms left at ~0 go, with their postings).
   * In place: the cluster keeps its postings for the other terms (re-indexing every term of the
   * centroid was the cost of re-clustering's moves).
   */
  subtract(c: Cluster, v: Map<string, number>): void {
    for (const [t, w] of v) {
      const old = c.centroid.get(t);
      if (old === undefined) continue;
      const left = old - w;
      if (left > 1e-9) {
        c.centroid.set(t, left);
        this.postings.get(t)!.get(c)!.w = left;
      } else {
        c.centroid.delete(t);
        this.postings.get(t)?.delete(c);
      }
    }
    this.slotNorm[this.slot(c)] = norm(c.centroid);
  }

  /** Forgets a cluster. */
  remove(c: Cluster): void {
    for (const t of c.centroid.keys()) {
      const list = this.postings.get(t);
      // Emptied lists go too (evicted clusters would otherwise leave one per term ever seen).
      if (list?.delete(c) && list.size === 0) this.postings.delete(t);
    }
    this.clusters.delete(c.id);
    const s = this.slotOf.get(c);
    if (s !== undefined) {
      this.slotOf.delete(c);
      this.slotCluster[s] = undefined;
      this.free.push(s);
    }
  }

  /** The norm of a cluster's centroid. */
  normOf(c: Cluster): number {
    const s = this.slotOf.get(c);
    return s !== undefined ? this.slotNorm[s] : norm(c.centroid);
  }

  /**
   * Forgets clusters (not `kept`): those last dated before `before`, then undated ones beyond
   * `maxUndated` and any beyond `max`, least recently updated first. Returns the forgotten.
   * A cap, once passed, is met with a tenth to spare, so the sort by age runs once per that many
   * new clusters, not at every call (at 50,000 stories it cost ~0.2 ms per arriving article).
   */
  evict(kept: (c: Cluster) => boolean, before: number, maxUndated: number, max: number): Cluster[] {
    const out: Cluster[] = [];
    const undated: Cluster[] = [];
    for (const c of this.clusters.values()) {
      if (kept(c)) continue;
      if (Number.isFinite(c.last)) {
        if (c.last < before) out.push(c);
      } else undated.push(c);
    }
    for (const c of out) this.remove(c);
    const touch = (c: Cluster) => this.slotTouch[this.slotOf.get(c) ?? 0];
    const byAge = (a: Cluster, b: Cluster) => touch(a) - touch(b);
    const spare = (cap: number) => cap - Math.floor(cap / 10);
    if (undated.length > maxUndated) {
      const drop = undated.sort(byAge).slice(0, undated.length - spare(maxUndated));
      for (const c of drop) this.remove(c), out.push(c);
    }
    if (this.clusters.size > max) {
      const free = [...this.clusters.values()].filter((c) => !kept(c)).sort(byAge);
      const drop = free.slice(0, Math.min(free.length, this.clusters.size - spare(max)));
      for (const c of drop) this.remove(c), out.push(c);
    }
    return out;
  }

  /** Makes new ids start after `n` (ids of clusters not loaded). */
  reserve(n: number): void {
    if (n >= this.next) this.next = n + 1;
  }

  /** Indexes a cluster loaded from storage (`touch`: its eviction order among the loaded, higher is kept longer). */
  restore(c: Cluster, touch = 0): void {
    this.clusters.set(c.id, c);
    const slot = this.slot(c);
    this.slotTouch[slot] = touch;
    for (const [t, w] of c.centroid) {
      let list = this.postings.get(t);
      if (!list) this.postings.set(t, (list = new Map()));
      list.set(c, { slot, w });
    }
    this.slotNorm[slot] = norm(c.centroid);
    const n = Number(c.id.slice(this.prefix.length));
    if (Number.isInteger(n) && n >= this.next) this.next = n + 1;
  }
}

/**
 * The online clusterer. `assign` places one article and updates the clusters it touched;
 * `touched()` lists the clusters changed since the last call (for persistence).
 *
 * @example
 * const c = new StoryClusterer(countFrequencies(items));
 * for (const item of items) console.log(item.id, c.assign(item).story);
 */
export class StoryClusterer {
  readonly stories: ClusterIndex;
  readonly threads: ClusterIndex;
  private changed = new Set<Cluster>();

  constructor(
    readonly df: DocFrequencies,
    readonly params: StoryParams = STORY_PARAMS,
    loaded: { stories?: Cluster[]; threads?: Cluster[] } = {},
  ) {
    this.stories = new ClusterIndex('s', 1, params.centroidTerms);
    this.threads = new ClusterIndex('t', 1, params.centroidTerms);
    // Loaded most recent first: the first loaded are the last evicted, after anything new.
    (loaded.stories ?? []).forEach((c, k) => this.stories.restore(c, -1 - k));
    (loaded.threads ?? []).forEach((c, k) => this.threads.restore(c, -1 - k));
    for (const c of loaded.stories ?? []) if (c.last > this.newest) this.newest = c.last;
  }

  /** Newest publication time seen (ms), -Infinity before any: eviction counts days back from it. */
  private newest = -Infinity;
  /** Arrivals since the clusterer was made (eviction runs every `evictEvery`). */
  private seen = 0;

  /**
   * Bounds the in-memory index (`evictDays`, `maxStories`, ...; see STORY_PARAMS): forgets stories
   * and threads no arriving article can join (or, beyond the caps, the least recently updated).
   * Their rows in the store stay; only the candidates shrink. Stories of the articles kept for
   * re-clustering stay (it moves articles between them), and so do the threads of stories kept.
   */
  evict(): void {
    const p = this.params;
    const recentStories = new Set<string>();
    for (const r of this.recent) recentStories.add(this.resolve(r.story));
    const dated = (days: number, size: number) => (size > p.evictDatedAbove ? this.newest - days * DAY_MS : -Infinity);
    const stories = this.stories.evict((c) => recentStories.has(c.id), dated(p.evictDays, this.stories.clusters.size), p.maxUndatedStories, p.maxStories);
    const threadsInUse = new Set<string>();
    for (const c of this.stories.clusters.values()) threadsInUse.add(c.thread);
    const threads = this.threads.evict((c) => threadsInUse.has(c.id), dated(p.threadEvictDays, this.threads.clusters.size), p.maxThreads, p.maxThreads);
    this.evicted += stories.length + threads.length;
  }
  /** Clusters evicted so far (stories and threads). */
  evicted = 0;

  /** The story a (possibly merged) story id now is. */
  private resolve(s: string): string {
    while (!this.stories.clusters.has(s) && this.mergedInto.has(s)) s = this.mergedInto.get(s)!;
    return s;
  }

  /** Places an item in a story (and its story in a thread); `terms` when computed already. */
  assign(item: StoryItem, terms: Map<string, number> = storyTerms(item)): Assignment {
    const v = weigh(terms, this.df, this.params.backgroundIdf, undefined, this.params.idfPower);
    const time = item.published ? Date.parse(item.published) : NaN;
    if (time > this.newest) this.newest = time;
    const { cluster, sim } = this.stories.best(v, time, this.params.windowDays * DAY_MS, this.params.queryTerms);
    let story = cluster && sim >= (item.text ? this.params.storyText : this.params.story) ? cluster : undefined;
    const newStory = !story;
    if (!story) {
      const t = this.threads.best(v, time, this.params.threadWindowDays * DAY_MS, this.params.queryTerms);
      const thread = t.cluster && t.sim >= this.params.thread ? t.cluster : this.threads.create('');
      story = this.stories.create(thread.id);
    }
    this.stories.add(story, v, time);
    const thread = this.threads.clusters.get(story.thread)!;
    this.threads.add(thread, v, time);
    this.changed.add(story).add(thread);
    const mergeAt = item.text ? this.params.onlineMergeText : this.params.onlineMerge;
    if (mergeAt > 0) this.mergeInto(story, time, mergeAt);
    let final = this.stories.clusters.has(story.id) ? story : this.stories.clusters.get(this.mergedInto.get(story.id)!)!;
    if (this.params.reclusterEvery > 0) {
      this.remember(item.id, v, time, final.id);
      if (++this.arrivals % this.params.reclusterEvery === 0) {
        this.recluster();
        final = this.stories.clusters.get(this.recent[this.recent.length - 1].story)!;
      }
    }
    if (this.params.evictEvery > 0 && ++this.seen % this.params.evictEvery === 0) this.evict();
    return { story: final.id, thread: final.thread, newStory, similarity: newStory ? 0 : sim };
  }

  /** Recent articles (for re-clustering): id, vector, time and current story. */
  private recent: RecentArticle[] = [];
  private arrivals = 0;
  /** Postings of the recent articles' terms, oldest first. */
  private recentPostings = new Map<string, RecentPostings>();
  /** Dot products of the arriving article with the recent ones, by arrival number modulo the window. */
  private dots = new Float64Array(0);
  /** Scratch: the arriving article's pairs (arrival number, cosine) before the most similar are kept. */
  private pairOther = new Int32Array(0);
  private pairSim = new Float64Array(0);

  /**
   * Keeps an article for re-clustering with its similar pairs among the recent ones (cosine at or
   * above `reclusterPairFloor`), found once on arrival: its vector never changes afterwards, so the pairs
   * are those `similarPairs` would find again at every re-clustering. (The walk over the postings
   * is the writer's largest clustering cost: flat arrays and a dense accumulator, no maps.)
   */
  private remember(id: string, v: Map<string, number>, time: number, story: string): void {
    const seq = this.arrivals;
    const window = this.params.reclusterItems;
    const oldest = seq - window + 1;
    if (this.dots.length !== window) this.dots = new Float64Array(window);
    const dots = this.dots;
    // Recent arrival numbers in order of first touch (as a map would list them).
    const touched: number[] = [];
    for (const [t, w] of v) {
      const list = this.recentPostings.get(t);
      if (!list) continue;
      list.dropBefore(oldest);
      const { seqs, slots, weights } = list;
      for (let k = list.head; k < seqs.length; k++) {
        const slot = slots[k];
        if (dots[slot] === 0) touched.push(seqs[k]);
        dots[slot] += w * weights[k];
      }
    }
    // Pairs in order of first touch, in scratch arrays (at most one per recent article).
    if (this.pairOther.length < window) [this.pairOther, this.pairSim] = [new Int32Array(window), new Float64Array(window)];
    const { pairOther, pairSim } = this;
    let found = 0;
    for (const other of touched) {
      const sim = dots[other % window];
      dots[other % window] = 0;
      if (sim >= this.params.reclusterPairFloor) pairOther[found] = other, pairSim[found++] = sim;
    }
    const most = this.params.reclusterPairsPerArticle;
    let others: Int32Array;
    let sims: Float64Array;
    if (most > 0 && found > most) {
      // The `most` most similar (a full sort of the hundreds found cost more than the walk).
      // (The `most`-th largest by selection: the same value a sort would put there.) Most similar
      // first, ties by arrival number: a total order, so the same list as a sort of the pairs.
      const floor = select(pairSim.slice(0, found), found, found - most);
      const top: number[] = [];
      for (let k = 0; k < found; k++) if (pairSim[k] >= floor) top.push(k);
      top.sort((a, b) => pairSim[b] - pairSim[a] || pairOther[a] - pairOther[b]);
      top.length = most;
      others = Int32Array.from(top, (k) => pairOther[k]);
      sims = Float64Array.from(top, (k) => pairSim[k]);
    } else {
      others = pairOther.slice(0, found);
      sims = pairSim.slice(0, found);
    }
    for (const [t, w] of v) {
      let list = this.recentPostings.get(t);
      if (!list) this.recentPostings.set(t, (list = new RecentPostings()));
      list.seqs.push(seq);
      list.slots.push(seq % window);
      list.weights.push(w);
    }
    this.recent.push({ id, v, time, story, seq, others, sims });
    if (this.recent.length > window) this.recent.shift();
  }
  private moves: Array<[string, string]> = [];

  /** Arrival count at the last re-clustering (`settle` skips when nothing arrived since). */
  private settledAt = 0;

  /**
   * Re-clusters now if any article arrived since the last re-clustering: for the end of an ingest
   * run, so its last arrivals (up to `reclusterEvery` - 1 of them, placed only by the greedy
   * centroid match) are placed as the batch method would place them. Then `takeMoves()` as after
   * any re-clustering. Over 40 random halves of the UCI stories (`npm run eval:stories -- --cv
   * --settle`), online BCubed F1 0.873 -> 0.879; sets of 6 / 12 / 15 stories (`--sizes --settle`)
   * 0.8945 / 0.8548 / 0.8489 -> 0.9008 / 0.8583 / 0.8515; all 18 stories 0.830 -> 0.834.
   */
  settle(): void {
    if (this.params.reclusterEvery > 0 && this.arrivals > this.settledAt) this.recluster();
  }

  /**
   * Re-clusters the recent articles with the batch method and moves them to match: each batch
   * community keeps the story id most of its members already have (largest overlaps first), the
   * rest get new stories; centroids move with their members.
   */
  recluster(): void {
    this.settledAt = this.arrivals;
    for (const r of this.recent) r.story = this.resolve(r.story);
    // Every id a recent article holds is now a live story's: the merges before now are not needed
    // again (later ones are recorded anew), so the map does not grow with the corpus.
    this.mergedInto.clear();
    // Postings of articles that left the window go (terms not seen since would keep them).
    const oldest = this.recent[0]?.seq ?? this.arrivals;
    for (const [t, list] of this.recentPostings) {
      list.dropBefore(oldest);
      if (list.head === list.seqs.length) this.recentPostings.delete(t);
    }

    const newest = Math.max(...this.recent.map((r) => r.time));
    const windowMs = this.params.windowDays * DAY_MS;
    const live = this.recent.filter((r) => !Number.isFinite(newest) || !Number.isFinite(r.time) || newest - r.time <= windowMs);
    if (live.length < 2) return;
    // Position in `live` by arrival number (flat: a map lookup per pair cost more than the rest).
    const first = live[0].seq;
    const index = new Int32Array(live[live.length - 1].seq - first + 1).fill(-1);
    live.forEach((r, k) => (index[r.seq - first] = k));
    const pairs: Pair[] = [];
    for (let j = 0; j < live.length; j++) {
      const { others, sims } = live[j];
      for (let x = 0; x < others.length; x++) {
        const other = others[x];
        const i = other >= first ? index[other - first] : -1;
        if (i >= 0) pairs.push({ i, j, sim: sims[x] });
      }
    }
    // Plain Louvain and the split of loose parts (`reclusterConsensusRuns`).
    const labels = consensusOf(live.length, pairs, { ...this.params, consensusRuns: this.params.reclusterConsensusRuns, splitNormalise: this.params.reclusterSplitNormalise });
    // Overlaps between batch communities and current stories, matched greedily, largest first.
    const overlap = new Map<string, number>();
    live.forEach((r, k) => overlap.set(`${labels[k]} ${r.story}`, (overlap.get(`${labels[k]} ${r.story}`) ?? 0) + 1));
    const target = new Map<number, string>();
    const used = new Set<string>();
    for (const [key] of [...overlap].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
      const [label, story] = [Number(key.slice(0, key.indexOf(' '))), key.slice(key.indexOf(' ') + 1)];
      if (target.has(label) || used.has(story) || !this.stories.clusters.has(story)) continue;
      target.set(label, story);
      used.add(story);
    }
    live.forEach((r, k) => {
      let into = target.get(labels[k]);
      if (into === r.story) return;
      const from = this.stories.clusters.get(r.story);
      if (!into) {
        into = this.stories.create(from?.thread ?? this.threads.create('').id).id;
        target.set(labels[k], into);
      }
      const to = this.stories.clusters.get(into)!;
      if (from) this.subtract(from, r.v);
      this.stories.add(to, r.v, r.time);
      this.changed.add(to);
      this.moves.push([r.id, into]);
      r.story = into;
    });
  }

  /** Takes a member vector out of a story; an emptied story is forgotten. */
  private subtract(c: Cluster, v: Map<string, number>): void {
    c.size -= 1;
    if (c.size > 0) {
      this.stories.subtract(c, v);
      this.changed.add(c);
    } else {
      this.stories.remove(c);
      this.changed.delete(c);
      this.emptied.push(c.id);
    }
  }

  /** Stories emptied by re-clustering since the last call (for persistence: drop their rows). */
  private emptied: string[] = [];

  /** Articles moved by re-clustering since the last call: [article id, story]; and emptied stories. */
  takeMoves(): { moves: Array<[string, string]>; emptied: string[] } {
    const out = { moves: this.moves, emptied: this.emptied };
    this.moves = [];
    this.emptied = [];
    return out;
  }

  /** Story merges done since the last call: [merged story, story it went into]. */
  private merges: Array<[string, string]> = [];
  private readonly mergedInto = new Map<string, string>();

  /**
   * After a story grows, it may now match another story as well as `merge` says two stories are
   * one (two early reports with little overlap, bridged by a later one): the smaller goes into the larger.
   */
  private mergeInto(story: Cluster, time: number, threshold: number): void {
    const { cluster: other, sim } = this.stories.best(story.centroid, time, this.params.windowDays * DAY_MS, this.params.queryTerms, story.id);
    if (!other || sim / this.stories.normOf(story) < threshold) return;
    const [keep, drop] = other.size >= story.size ? [other, story] : [story, other];
    this.stories.absorb(keep, drop);
    this.changed.delete(drop);
    this.changed.add(keep);
    this.merges.push([drop.id, keep.id]);
    this.mergedInto.set(drop.id, keep.id);
  }

  /** Story merges since the last call (for persistence: re-point the articles of the merged story). */
  takeMerges(): Array<[string, string]> {
    const out = this.merges;
    this.merges = [];
    return out;
  }

  /** Clusters changed since the last call. */
  touched(): Cluster[] {
    const out = [...this.changed];
    this.changed = new Set();
    return out;
  }
}

/**
 * Resolutions of the consensus runs: modularity's own scale and finer ones, which split what
 * generic words join (tried on UCI half A: 1–2 by 0.25: 0.893; 1–2.5 by 0.5: 0.891; 0.8–1.4: 0.887).
 */
export const CONSENSUS_RESOLUTIONS = [1, 1.25, 1.5, 1.75, 2] as const;

/**
 * Story communities of a similarity graph: consensus Louvain per `params` (plain Louvain when off),
 * loose parts split off, then items moved to the community holding most of their links.
 * The pair weights are normalised in place (`degreeNormalise`): pass a fresh array.
 */
export function consensusOf(n: number, pairs: Pair[], params: StoryParams): number[] {
  normaliseByDegree(n, pairs, params.degreeNormalise);
  // One graph of the (normalised) pairs for Louvain and the strongest-link passes.
  const graph = graphOf(n, pairs);
  const labels = params.consensusRuns <= 0 ? louvain(n, pairs, params.resolution, undefined, graph) : consensusLouvain(n, pairs, { runs: params.consensusRuns, resolutions: CONSENSUS_RESOLUTIONS, agreement: params.consensusAgreement, resolution: params.resolution });
  const split = params.splitConductance > 0 ? splitLooseParts(n, pairs, labels, params.splitConductance, params.splitNormalise) : labels;
  return params.strongestLinkPasses > 0 ? moveToStrongestLinks(n, pairs, split, params.strongestLinkPasses, graph) : split;
}

/** Document frequencies counted over a batch of items (for `spinscope cluster`). */
export function countFrequencies(items: readonly StoryItem[]): DocFrequencies {
  const counts = new Map<string, number>();
  for (const item of items) for (const t of storyTerms(item).keys()) counts.set(t, (counts.get(t) ?? 0) + 1);
  return { docs: items.length, df: (t) => counts.get(t) ?? 0 };
}
