import { gunzipSync, gzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fnv1a, seededRandom } from '../../learn/index.js';

/**
 * Word statistics computed by the project from unlabelled text (no labels used): for each
 * lowercase word form, how often it is capitalised away from the start of a sentence (the
 * strongest hint that a sentence-initial or headline word is a name), and a distributional
 * word cluster at two granularities (k-means over left/right neighbour counts), in the spirit
 * of the Brown clusters of Ratinov & Roth. Keys are 32-bit hashes of the word: no text from
 * the data sets is stored.
 */
export const WORD_STATS = {
  /** Words seen fewer times get no statistics. */
  minCount: 3,
  /** Context words: the most frequent forms, left and right. */
  contextWords: 600,
  /** Cluster granularities. */
  clusters: [64, 256] as readonly number[],
  kmeansIterations: 8,
  /** Vocabulary cap for clustering (most frequent first). */
  maxClustered: 30_000,
  seed: 11,
  /** Capitalisation-ratio bucket edges. */
  capEdges: [0.02, 0.2, 0.5, 0.8, 0.98] as readonly number[],
} as const;

const TOKEN = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const SENTENCE_END = new Set(['.', '!', '?', '"', '“', '”', ':', ';', '-', '—']);

/** Packed per-word statistics: cap bucket (bits 0-3), cluster A (4-11), cluster B (12-23). */
export type WordStats = Map<number, number>;

/** Splits unlabelled text into sentences of tokens (one line may hold several sentences). */
export function roughSentences(text: string): string[][] {
  const out: string[][] = [];
  for (const line of text.split(/\n+/)) {
    const tokens = line.match(TOKEN);
    if (tokens?.length) out.push(tokens);
  }
  return out;
}

/** Computes the statistics from sentences of tokens. Deterministic for a given input order. */
export function computeWordStats(sentences: readonly (readonly string[])[]): WordStats {
  const count = new Map<string, number>();
  const capInside = new Map<string, number>();
  const seenInside = new Map<string, number>();
  for (const s of sentences) {
    s.forEach((tok, i) => {
      const lower = tok.toLowerCase();
      count.set(lower, (count.get(lower) ?? 0) + 1);
      const initial = i === 0 || SENTENCE_END.has(s[i - 1]);
      if (initial || !/\p{L}/u.test(tok) || (tok === tok.toUpperCase() && tok.length > 1)) return;
      seenInside.set(lower, (seenInside.get(lower) ?? 0) + 1);
      if (/^\p{Lu}/u.test(tok)) capInside.set(lower, (capInside.get(lower) ?? 0) + 1);
    });
  }
  const vocab = [...count.entries()].filter(([, c]) => c >= WORD_STATS.minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const clusters = clusterWords(sentences, vocab.slice(0, WORD_STATS.maxClustered).map(([w]) => w), vocab.slice(0, WORD_STATS.contextWords).map(([w]) => w));
  const stats: WordStats = new Map();
  for (const [word] of vocab) {
    const inside = seenInside.get(word) ?? 0;
    const cap = inside ? 1 + WORD_STATS.capEdges.filter((e) => (capInside.get(word) ?? 0) / inside >= e).length : 0;
    const [a, b] = clusters.get(word) ?? [255, 4095];
    stats.set(fnv1a(word), cap | (a << 4) | (b << 12));
  }
  return stats;
}

/** k-means (cosine) over sqrt-scaled left/right neighbour counts; one assignment per k. */
function clusterWords(sentences: readonly (readonly string[])[], words: string[], context: string[]): Map<string, number[]> {
  const row = new Map(words.map((w, i) => [w, i]));
  const col = new Map(context.map((w, i) => [w, i]));
  const D = context.length * 2;
  const counts: Map<number, number>[] = words.map(() => new Map());
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const r = row.get(s[i].toLowerCase());
      if (r === undefined) continue;
      const left = i > 0 ? col.get(s[i - 1].toLowerCase()) : undefined;
      const right = i + 1 < s.length ? col.get(s[i + 1].toLowerCase()) : undefined;
      if (left !== undefined) counts[r].set(left, (counts[r].get(left) ?? 0) + 1);
      if (right !== undefined) counts[r].set(context.length + right, (counts[r].get(context.length + right) ?? 0) + 1);
    }
  }
  // Sparse unit vectors.
  const vectors = counts.map((m) => {
    const idx = Int32Array.from([...m.keys()].sort((a, b) => a - b));
    const val = Float32Array.from(idx, (k) => Math.sqrt(m.get(k)!));
    let norm = 0;
    for (const v of val) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < val.length; k++) val[k] /= norm;
    return { idx, val };
  });
  const result = new Map<string, number[]>(words.map((w) => [w, []]));
  for (const k of WORD_STATS.clusters) {
    const random = seededRandom(WORD_STATS.seed + k);
    const centroids = new Float32Array(k * D);
    const live = vectors.map((v, i) => i).filter((i) => vectors[i].idx.length > 0);
    for (let c = 0; c < k; c++) {
      const v = vectors[live[Math.floor(random() * live.length)]];
      for (let j = 0; j < v.idx.length; j++) centroids[c * D + v.idx[j]] = v.val[j];
    }
    const assign = new Int32Array(words.length).fill(-1);
    for (let iter = 0; iter < WORD_STATS.kmeansIterations; iter++) {
      for (const i of live) {
        const v = vectors[i];
        let best = 0;
        let bestScore = -Infinity;
        for (let c = 0; c < k; c++) {
          let dot = 0;
          const base = c * D;
          for (let j = 0; j < v.idx.length; j++) dot += centroids[base + v.idx[j]] * v.val[j];
          if (dot > bestScore) (bestScore = dot), (best = c);
        }
        assign[i] = best;
      }
      centroids.fill(0);
      for (const i of live) {
        const v = vectors[i];
        const base = assign[i] * D;
        for (let j = 0; j < v.idx.length; j++) centroids[base + v.idx[j]] += v.val[j];
      }
      for (let c = 0; c < k; c++) {
        let norm = 0;
        for (let d = 0; d < D; d++) norm += centroids[c * D + d] ** 2;
        norm = Math.sqrt(norm) || 1;
        for (let d = 0; d < D; d++) centroids[c * D + d] /= norm;
      }
    }
    words.forEach((w, i) => result.get(w)!.push(assign[i] < 0 ? (k > 255 ? 4095 : 255) : assign[i]));
  }
  return result;
}

/** Reads every unlabelled text the project trains on: PTC and PolNeAR articles, CoNLL words. */
export function unlabelledSentences(dataDir: string): string[][] {
  const sentences: string[][] = [];
  const readDir = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) sentences.push(...roughSentences(readFileSync(join(dir, f), 'utf8')));
  };
  readDir(join(dataDir, 'ptc', 'train-articles'));
  readDir(join(dataDir, 'polnear', 'train', 'text'));
  readDir(join(dataDir, 'polnear', 'dev', 'text'));
  return sentences;
}

/** Serialises as gzipped pairs of u32 (key hash, packed value), sorted by key. */
export function encodeWordStats(stats: WordStats): Buffer {
  const keys = [...stats.keys()].sort((a, b) => a - b);
  const body = Buffer.alloc(keys.length * 8);
  keys.forEach((k, i) => {
    body.writeUInt32LE(k, i * 8);
    body.writeUInt32LE(stats.get(k)!, i * 8 + 4);
  });
  return gzipSync(body, { level: 9 });
}

export function decodeWordStats(buffer: Buffer): WordStats {
  const body = gunzipSync(buffer);
  const stats: WordStats = new Map();
  for (let o = 0; o + 8 <= body.length; o += 8) stats.set(body.readUInt32LE(o), body.readUInt32LE(o + 4));
  return stats;
}
