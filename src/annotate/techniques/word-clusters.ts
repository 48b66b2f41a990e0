import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fnv1a, seededRandom } from '../../learn/index.js';
import { decodeWordStats, encodeWordStats, roughSentences, unlabelledSentences } from '../entities/word-stats.js';

/** Distributional word classes from unlabelled text, at a few granularities (coarse first). */
export interface WordClusters {
  /** Cluster ids of a lower-case word, or undefined when the word was too rare to cluster. */
  of(lower: string): readonly number[] | undefined;
}

/** Settings of the word clusters (models/word-clusters.bin, `npm run train:word-clusters`). */
export const WORD_CLUSTERS = {
  file: 'word-clusters.bin',
  /** Words seen fewer times are not clustered. */
  minCount: 10,
  maxWords: 30_000,
  /** Context words: the most frequent forms, counted within ±window tokens. */
  contextWords: 3000,
  window: 4,
  /** Random projection of the PPMI rows (Johnson–Lindenstrauss) before k-means. */
  dims: 384,
  /** Clusters per parent at each level: 16, 16×16 = 256, 256×4 = 1024 leaves. */
  branching: [16, 16, 4] as readonly number[],
  iterations: 10,
  seed: 5,
} as const;

/** Bits per level id in the packed value (level k's id is global: parent × branching + child). */
const LEVEL_BITS = [4, 8, 10];

/**
 * Hierarchical k-means clusters of words (cosine over randomly projected PPMI rows of ±4-word
 * context counts): a word's ids at each level share prefixes, like Brown clusters, so the
 * tagger can learn at the grain the data supports. Deterministic for a given input order.
 */
export function trainWordClusters(sentences: readonly (readonly string[])[]): Map<string, number[]> {
  const cfg = WORD_CLUSTERS;
  const count = new Map<string, number>();
  for (const s of sentences) for (const t of s) count.set(t.toLowerCase(), (count.get(t.toLowerCase()) ?? 0) + 1);
  const vocab = [...count.entries()]
    .filter(([w, c]) => c >= cfg.minCount && /\p{L}/u.test(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, cfg.maxWords)
    .map(([w]) => w);
  const byCount = [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const row = new Map(vocab.map((w, i) => [w, i]));
  const col = new Map(byCount.slice(0, cfg.contextWords).map(([w], i) => [w, i]));
  const C = cfg.contextWords;
  const pairs = new Map<number, number>();
  const colTotals = new Float64Array(C);
  let total = 0;
  for (const s of sentences) {
    const r = s.map((t) => row.get(t.toLowerCase()) ?? -1);
    const c = s.map((t) => col.get(t.toLowerCase()) ?? -1);
    for (let i = 0; i < s.length; i++) {
      if (r[i] < 0) continue;
      for (let j = Math.max(0, i - cfg.window); j <= Math.min(s.length - 1, i + cfg.window); j++) {
        if (j === i || c[j] < 0) continue;
        const key = r[i] * C + c[j];
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
        colTotals[c[j]]++;
        total++;
      }
    }
  }
  const rowTotals = new Float64Array(vocab.length);
  for (const [key, n] of pairs) rowTotals[Math.floor(key / C)] += n;
  // Context-distribution smoothing (alpha 0.75) as in Levy & Goldberg's PPMI.
  const smoothed = Float64Array.from(colTotals, (x) => x ** 0.75);
  const smoothedSum = smoothed.reduce((a, b) => a + b, 0);
  const D = cfg.dims;
  const random = seededRandom(cfg.seed);
  const projection = Float32Array.from({ length: C * D }, () => (random() < 0.5 ? -1 : 1));
  const vectors = new Float32Array(vocab.length * D);
  for (const [key, n] of pairs) {
    const r = Math.floor(key / C);
    const c = key % C;
    const pmi = Math.log((n * smoothedSum) / (rowTotals[r] * smoothed[c]));
    if (pmi <= 0) continue;
    for (let d = 0; d < D; d++) vectors[r * D + d] += pmi * projection[c * D + d];
  }
  for (let r = 0; r < vocab.length; r++) normalize(vectors, r * D, D);
  void total;
  lastVectors = { vocab, vectors };
  const ids = vocab.map(() => [] as number[]);
  let groups: number[][] = [vocab.map((_, i) => i)];
  for (const k of cfg.branching) {
    const next: number[][] = [];
    groups.forEach((members, g) => {
      const assign = kMeans(vectors, D, members, k, seededRandom(cfg.seed + 31 * g + k), cfg.iterations);
      for (let c = 0; c < k; c++) next.push([]);
      members.forEach((m, j) => {
        ids[m].push(g * k + assign[j]);
        next[g * k + assign[j]].push(m);
      });
    });
    groups = next;
  }
  return new Map(vocab.map((w, i) => [w, ids[i]]));
}

/** The vectors of the last `trainWordClusters` call (for inspection). */
export let lastVectors: { vocab: string[]; vectors: Float32Array } | undefined;

function normalize(v: Float32Array, at: number, n: number): void {
  let norm = 0;
  for (let d = 0; d < n; d++) norm += v[at + d] ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < n; d++) v[at + d] /= norm;
}

/** Spherical k-means of the given rows; returns each member's cluster (0..k-1). */
function kMeans(vectors: Float32Array, D: number, members: readonly number[], k: number, random: () => number, iterations: number): Int32Array {
  const assign = new Int32Array(members.length);
  if (members.length <= k) {
    members.forEach((_, j) => (assign[j] = j));
    return assign;
  }
  const centroids = new Float32Array(k * D);
  for (let c = 0; c < k; c++) {
    const m = members[Math.floor(random() * members.length)];
    centroids.set(vectors.subarray(m * D, m * D + D), c * D);
  }
  for (let iter = 0; iter < iterations; iter++) {
    members.forEach((m, j) => {
      let best = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let d = 0; d < D; d++) dot += vectors[m * D + d] * centroids[c * D + d];
        if (dot > bestDot) (bestDot = dot), (best = c);
      }
      assign[j] = best;
    });
    centroids.fill(0);
    members.forEach((m, j) => {
      for (let d = 0; d < D; d++) centroids[assign[j] * D + d] += vectors[m * D + d];
    });
    for (let c = 0; c < k; c++) normalize(centroids, c * D, D);
  }
  return assign;
}

/** Unlabelled text for the clusters: PTC and PolNeAR articles, CoNLL words, WCXB page bodies. */
export function clusterSentences(dataDir: string): string[][] {
  const sentences = unlabelledSentences(dataDir);
  const conll = join(dataDir, 'conll2003', 'eng.train');
  if (existsSync(conll)) {
    let current: string[] = [];
    for (const line of readFileSync(conll, 'utf8').split('\n')) {
      const word = line.split(' ')[0];
      if (!word || word === '-DOCSTART-') {
        if (current.length) sentences.push(current);
        current = [];
      } else current.push(word);
    }
  }
  const wcxb = join(dataDir, 'wcxb-dev', 'ground-truth');
  if (existsSync(wcxb))
    for (const f of readdirSync(wcxb).filter((n) => n.endsWith('.json')).sort()) {
      const body = (JSON.parse(readFileSync(join(wcxb, f), 'utf8')) as { ground_truth?: { main_content?: string } }).ground_truth?.main_content;
      if (body) sentences.push(...roughSentences(body));
    }
  return sentences;
}

/** Serialises as gzipped pairs of u32 (word hash, packed level ids), sorted by hash: no text. */
export function encodeWordClusters(clusters: Map<string, number[]>): Buffer {
  const packed = new Map<number, number>();
  for (const [w, ids] of clusters) {
    let v = 0;
    let shift = 0;
    ids.forEach((id, k) => {
      v |= id << shift;
      shift += LEVEL_BITS[k];
    });
    packed.set(fnv1a(w), v >>> 0);
  }
  // The same file layout as the NER word statistics: gzipped (word hash, packed value) u32 pairs.
  return encodeWordStats(packed);
}

/** Reads `encodeWordClusters` output. */
export function decodeWordClusters(buffer: Buffer): WordClusters {
  const table = decodeWordStats(buffer);
  const cache = new Map<string, readonly number[] | undefined>();
  return {
    of(lower: string) {
      let ids = cache.get(lower);
      if (ids !== undefined || cache.has(lower)) return ids;
      const v = table.get(fnv1a(lower));
      if (v !== undefined) {
        const out: number[] = [];
        let shift = 0;
        for (const bits of LEVEL_BITS) {
          out.push((v >>> shift) & ((1 << bits) - 1));
          shift += bits;
        }
        ids = out;
      }
      if (cache.size >= 200_000) cache.clear();
      cache.set(lower, ids);
      return ids;
    },
  };
}

/** The committed clusters under models/ (undefined when the file is missing). */
export function loadWordClusters(modelsDir = join(import.meta.dirname, '..', '..', '..', 'models')): WordClusters | undefined {
  const path = join(modelsDir, WORD_CLUSTERS.file);
  return existsSync(path) ? decodeWordClusters(readFileSync(path)) : undefined;
}
