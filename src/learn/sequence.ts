import { hashFeatures, seededRandom, shuffledIndices } from './hash.js';
import { AveragedWeights, scoreInto } from './weights.js';
import { decodeModel, encodeModel, type ModelHeader } from './model-file.js';
import type { TrainOptions } from './classifier.js';

/** A training sequence: per-token feature strings and the gold tag of each token. */
export interface Sequence {
  features: readonly (readonly string[])[];
  tags: readonly string[];
}

const DEFAULTS = { epochs: 10, bits: 20, seed: 1 } as const;

/**
 * A first-order structured perceptron (Collins 2002) with averaged weights: hashed emission
 * features per token plus a tag-transition matrix, decoded with Viterbi. Task code builds the
 * features and the tag set (BIO, IOB, ...); this class knows nothing of the task.
 *
 * @example
 * const tagger = SequenceTagger.train([{ features: [['w=Paris'], ['w=is']], tags: ['B-LOC', 'O'] }]);
 * tagger.tag([['w=Paris'], ['w=is']]); // ['B-LOC', 'O']
 */
export class SequenceTagger {
  constructor(
    readonly tags: readonly string[],
    readonly bits: number,
    /** Emission weights: buckets × tags. */
    readonly emissions: Float32Array,
    /** Transition weights: (tags + 1) × tags; row `tags.length` is the start state. */
    readonly transitions: Float32Array,
    readonly card: Record<string, unknown> = {},
  ) {}

  static train(sequences: readonly Sequence[], options: TrainOptions = {}): SequenceTagger {
    const { bits } = { ...DEFAULTS, ...options };
    const tags = [...new Set(sequences.flatMap((s) => s.tags))].sort();
    const hashed = sequences.map((s) => s.features.map((f) => hashFeatures(f, bits)));
    return SequenceTagger.trainHashed(hashed, sequences.map((s) => s.tags), { ...options, tags });
  }

  /**
   * Trains on features already hashed to bucket indices (each `< 2^bits`): for task code that
   * memoises its feature hashes. `tags` fixes the tag set and order (default: sorted, as seen).
   * `onModel` is called after each epoch with the averaged model so far (for dev-set tuning).
   */
  static trainHashed(
    hashed: readonly (readonly Uint32Array[])[],
    tagSequences: readonly (readonly string[])[],
    options: TrainOptions & { tags?: readonly string[]; onModel?: (epoch: number, model: SequenceTagger) => void } = {},
  ): SequenceTagger {
    const { epochs, bits, seed } = { ...DEFAULTS, ...options };
    const tags = options.tags ? [...options.tags] : [...new Set(tagSequences.flat())].sort();
    const tagIndex = new Map(tags.map((t, i) => [t, i]));
    const T = tags.length;
    const emissions = new AveragedWeights(1 << bits, T);
    const transitions = new AveragedWeights(T + 1, T);
    const golds = tagSequences.map((s) => s.map((t) => tagIndex.get(t)!));
    const random = seededRandom(seed);
    for (let epoch = 0; epoch < epochs; epoch++) {
      let mistakes = 0;
      for (const i of shuffledIndices(hashed.length, random)) {
        emissions.clock++;
        transitions.clock++;
        const gold = golds[i];
        const guess = viterbi(hashed[i], emissions.w, transitions.w, T);
        let differs = false;
        for (let k = 0; k < gold.length; k++) {
          const prevGold = k === 0 ? T : gold[k - 1];
          const prevGuess = k === 0 ? T : guess[k - 1];
          if (gold[k] === guess[k] && prevGold === prevGuess) continue;
          differs = true;
          if (gold[k] !== guess[k]) {
            for (const b of hashed[i][k]) {
              emissions.update(b, gold[k], 1);
              emissions.update(b, guess[k], -1);
            }
          }
          transitions.update(prevGold, gold[k], 1);
          transitions.update(prevGuess, guess[k], -1);
        }
        if (differs) mistakes++;
      }
      options.onEpoch?.(epoch, mistakes);
      if (options.onModel) options.onModel(epoch, new SequenceTagger(tags, bits, emissions.averaged(), transitions.averaged()));
    }
    return new SequenceTagger(tags, bits, emissions.averaged(), transitions.averaged());
  }

  /** Tags one sequence of per-token features. */
  tag(features: readonly (readonly string[])[]): string[] {
    const hashed = features.map((f) => hashFeatures(f, this.bits));
    return viterbi(hashed, this.emissions, this.transitions, this.tags.length).map((t) => this.tags[t]);
  }

  /** Tags one sequence of pre-hashed features (bucket indices `< 2^bits`); returns tag indices. */
  tagHashed(hashed: readonly Uint32Array[]): number[] {
    return viterbi(hashed, this.emissions, this.transitions, this.tags.length);
  }

  /** Tags from precomputed emission scores (`n × tags`); returns tag indices. */
  tagScores(emit: Float64Array, n: number): number[] {
    return viterbiScores(emit, n, this.transitions, this.tags.length);
  }

  /** Per-token scores for every tag (emissions only), for confidence and evidence. */
  emissionScores(features: readonly string[]): Float64Array {
    const scores = new Float64Array(this.tags.length);
    scoreInto(this.emissions, this.tags.length, hashFeatures(features, this.bits), scores);
    return scores;
  }

  encode(card: Record<string, unknown> = this.card): Buffer {
    const T = this.tags.length;
    // Transitions ride in the same weight array, after the emissions.
    const all = new Float32Array(this.emissions.length + this.transitions.length);
    all.set(this.emissions);
    all.set(this.transitions, this.emissions.length);
    const header: ModelHeader = { kind: 'sequence', bits: this.bits, labels: [...this.tags], transitionsSize: (T + 1) * T, card };
    return encodeModel(header, all);
  }

  static decode(buffer: Buffer): SequenceTagger {
    const { header, weights } = decodeModel(buffer);
    const size = (1 << header.bits) * header.labels.length;
    return new SequenceTagger(
      header.labels,
      header.bits,
      weights.subarray(0, size),
      weights.subarray(size),
      (header.card as Record<string, unknown>) ?? {},
    );
  }
}

/** Best tag path under emission + transition scores (first-order Viterbi). */
export function viterbi(hashed: readonly Uint32Array[], emissions: Float32Array, transitions: Float32Array, T: number): number[] {
  const n = hashed.length;
  const emit = new Float64Array(n * T);
  const row = new Float64Array(T);
  for (let k = 0; k < n; k++) {
    scoreInto(emissions, T, hashed[k], row);
    emit.set(row, k * T);
  }
  // Training mutates `transitions` between calls: transpose afresh (T² copies, no cache).
  return decode(emit, n, transitions, transpose(transitions, T), T);
}

/** Viterbi lattices, grown as needed and reused (decoding is synchronous, so one set suffices). */
let scratch = { score: new Float64Array(0), back: new Int32Array(0) };

/** Transition matrices transposed to float64 (`[t * T + p]` = p → t), so Viterbi's inner loop
 * reads contiguous doubles; float32 → float64 is exact, so scores are unchanged. */
function transpose(transitions: Float32Array, T: number): Float64Array {
  const into = new Float64Array(T * T);
  for (let p = 0; p < T; p++) for (let t = 0; t < T; t++) into[t * T + p] = transitions[p * T + t];
  return into;
}

/**
 * Viterbi over precomputed emission scores (`n × T`, row-major): for callers that compute
 * emissions their own, faster way (memoised per-word sums). `transitions` must not change after
 * the first call (its dominance margins are cached): a trained tagger's are fixed.
 */
export function viterbiScores(emit: Float64Array, n: number, transitions: Float32Array, T: number): number[] {
  return decodePruned(emit, n, transitions, dominanceOf(transitions, T), T);
}

/**
 * `[a * T + b]` = the most tag a's outgoing transitions beat tag b's: max over x of
 * (a → x) − (b → x). When a position's score for b beats a's by more than this, no path
 * continues through a (b is better whatever comes next), so the next step need not try a.
 */
const dominanceCache = new WeakMap<Float32Array, Float64Array>();

function dominanceOf(transitions: Float32Array, T: number): Float64Array {
  let margins = dominanceCache.get(transitions);
  if (margins && margins.length === T * T) return margins;
  margins = new Float64Array(T * T);
  for (let a = 0; a < T; a++) {
    for (let b = 0; b < T; b++) {
      let most = -Infinity;
      for (let x = 0; x < T; x++) most = Math.max(most, transitions[a * T + x] - transitions[b * T + x]);
      margins[a * T + b] = most;
    }
  }
  dominanceCache.set(transitions, margins);
  return margins;
}

/** Slack on the dominance test, relative to the scores, so float rounding cannot turn "strictly worse" into a tie. */
const DOMINANCE_SLACK = 1e-6;

/** Scratch list of the tags still worth extending from the previous position. */
let liveScratch = new Int32Array(0);

/**
 * `decode` with dominated tags pruned (see `dominanceOf`): a pruned tag is strictly worse than
 * the position's best tag for every next tag, so it is never the (first) best predecessor and
 * the path is exactly `decode`'s.
 */
function decodePruned(emit: Float64Array, n: number, transitions: Float32Array, margins: Float64Array, T: number): number[] {
  if (n === 0) return [];
  if (scratch.score.length < n * T) scratch = { score: new Float64Array(2 * n * T), back: new Int32Array(2 * n * T) };
  if (liveScratch.length < T) liveScratch = new Int32Array(T);
  const { score, back } = scratch;
  const live = liveScratch;
  const start = T * T;
  for (let t = 0; t < T; t++) score[t] = emit[t] + transitions[start + t];
  // The best tag of the previous position (the first of equals), found as its row is filled.
  let top = 0;
  for (let p = 1; p < T; p++) if (score[p] > score[top]) top = p;
  for (let k = 1; k < n; k++) {
    const prevRow = (k - 1) * T;
    const row = k * T;
    // The tags the previous position's best tag does not dominate (in order).
    const best = score[prevRow + top];
    const slack = DOMINANCE_SLACK * (1 + Math.abs(best));
    let count = 0;
    for (let p = 0; p < T; p++) if (!(best - score[prevRow + p] > margins[p * T + top] + slack)) live[count++] = p;
    let nextTop = 0;
    if (count === 1) {
      // One live predecessor (the common case: a clear best tag): every tag comes from it, as
      // the general loop below would find (the first score above -Infinity wins).
      const p = live[0];
      const from = score[prevRow + p];
      const out = p * T;
      for (let t = 0; t < T; t++) {
        const s = from + transitions[out + t];
        const alive = s > -Infinity;
        const v = (alive ? s : -Infinity) + emit[row + t];
        score[row + t] = v;
        back[row + t] = alive ? p : 0;
        if (v > score[row + nextTop]) nextTop = t;
      }
    } else {
      // Live predecessors in the outer loop, tags inside (contiguous transition rows): per tag
      // the same comparisons in the same order as a loop over predecessors per tag.
      for (let t = 0; t < T; t++) {
        score[row + t] = -Infinity;
        back[row + t] = 0;
      }
      for (let q = 0; q < count; q++) {
        const p = live[q];
        const from = score[prevRow + p];
        const out = p * T;
        for (let t = 0; t < T; t++) {
          const s = from + transitions[out + t];
          if (s > score[row + t]) {
            score[row + t] = s;
            back[row + t] = p;
          }
        }
      }
      for (let t = 0; t < T; t++) {
        const v = score[row + t] + emit[row + t];
        score[row + t] = v;
        if (v > score[row + nextTop]) nextTop = t;
      }
    }
    top = nextTop;
  }
  return backtrace(score, back, n, T);
}

/** The best path through filled Viterbi tables: the best last tag, then the back pointers. */
function backtrace(score: Float64Array, back: Int32Array, n: number, T: number): number[] {
  const path = new Array<number>(n);
  let last = 0;
  const lastRow = (n - 1) * T;
  for (let t = 1; t < T; t++) if (score[lastRow + t] > score[lastRow + last]) last = t;
  path[n - 1] = last;
  for (let k = n - 1; k > 0; k--) path[k - 1] = back[k * T + path[k]];
  return path;
}

function decode(emit: Float64Array, n: number, transitions: Float32Array, into: Float64Array, T: number): number[] {
  if (n === 0) return [];
  if (scratch.score.length < n * T) scratch = { score: new Float64Array(2 * n * T), back: new Int32Array(2 * n * T) };
  // Scratch buffers reused across calls: every cell read below is written first.
  const { score, back } = scratch;
  const start = T * T;
  for (let t = 0; t < T; t++) score[t] = emit[t] + transitions[start + t];
  for (let k = 1; k < n; k++) {
    const prevRow = (k - 1) * T;
    const row = k * T;
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      const from = t * T;
      for (let p = 0; p < T; p++) {
        const s = score[prevRow + p] + into[from + p];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[row + t] = best + emit[row + t];
      back[row + t] = arg;
    }
  }
  return backtrace(score, back, n, T);
}
