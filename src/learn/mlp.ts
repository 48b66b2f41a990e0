import { softmaxInPlace, type Example } from './classifier.js';
import { gunzipSync, gzipSync } from 'node:zlib';
import { hashFeatures, seededRandom, shuffledIndices } from './hash.js';
import { SparseRows } from './sparse-rows.js';

export interface MlpOptions {
  /** log2 of the number of hash buckets of the input layer. */
  bits?: number;
  /** Hidden units (ReLU). */
  hidden?: number;
  epochs?: number;
  seed?: number;
  /** AdaGrad base learning rate (all layers). */
  rate?: number;
  /** L2 penalty per update on the weights an example touches. */
  l2?: number;
  /** Share of hidden units dropped per training example (inverted dropout). */
  dropout?: number;
  /** Share of input features dropped per training example. */
  inputDropout?: number;
  /** Scale of the random initial input rows (0: rows start at zero). */
  inputInit?: number;
  /** Optional weight per example (scales its gradient; default 1). */
  weights?: readonly number[];
}

const DEFAULTS = { bits: 17, hidden: 128, epochs: 12, seed: 1, rate: 0.05, l2: 1e-6, dropout: 0.3, inputDropout: 0.1, inputInit: 0.1 } as const;
/** Initial hidden bias: positive so ReLU units pass gradient while the input rows are still zero. */
const HIDDEN_BIAS_INIT = 0.1;
/** Scale of the random output-layer initialisation (breaks the symmetry of the hidden units). */
const OUTPUT_INIT = 0.1;

/**
 * A one-hidden-layer network over hashed sparse features: hidden = ReLU(b1 + Σ v_f · W1[f]),
 * scores = b2 + W2 · hidden, softmax. Nonlinear: it can learn feature conjunctions a linear
 * model cannot. Only the input rows of buckets seen in training are kept (a sparse row table).
 *
 * @example
 * const net = trainMlp([{ features: ['a', 'b'], label: 'x' }, ...], { hidden: 16 });
 * net.probabilities(['a']); // per label, in `net.labels` order
 */
export class Mlp {
  private readonly h: Float64Array;
  private readonly out: Float64Array;
  private readonly table: SparseRows;

  constructor(
    readonly labels: readonly string[],
    readonly bits: number,
    readonly hidden: number,
    /** Buckets of the kept input rows, ascending. */
    readonly buckets: Uint32Array,
    /**
     * Their rows, quantised: row r is `rows[r × hidden ..] × scales[r]` (8-bit rows are one
     * cache line at 64 hidden units; the row reads are most of the scoring time).
     */
    readonly rows: Int8Array,
    readonly scales: Float32Array,
    readonly b1: Float32Array,
    /** Output weights: label × hidden. */
    readonly w2: Float32Array,
    readonly b2: Float32Array,
    readonly card: Record<string, unknown> = {},
  ) {
    this.h = new Float64Array(hidden);
    this.out = new Float64Array(labels.length);
    // Used for its bucket → row-index lookup only (one "class", no values).
    this.table = SparseRows.fromRows(buckets, new Float32Array(0), 1 << bits, 1);
  }

  /** Label scores (log-probabilities up to a constant) of pre-hashed buckets; reused buffer. */
  scoreBuckets(buckets: ArrayLike<number>, values?: ArrayLike<number>): Float64Array {
    const H = this.hidden;
    const h = this.h;
    const rows = this.rows;
    for (let j = 0; j < H; j++) h[j] = this.b1[j];
    for (let f = 0; f < buckets.length; f++) {
      const r = this.table.offset(buckets[f]);
      if (r < 0) continue;
      const v = (values ? values[f] : 1) * this.scales[r];
      addScaledRow(h, rows, r * H, v);
    }
    for (let j = 0; j < H; j++) if (h[j] < 0) h[j] = 0;
    outputInto(this.w2, this.b2, h, this.out);
    return this.out;
  }

  score(features: readonly string[], values?: readonly number[]): Float64Array {
    return this.scoreBuckets(hashFeatures(features, this.bits), values);
  }

  /** Softmax of the scores (a new array). */
  probabilities(features: readonly string[], values?: readonly number[]): Float64Array {
    return softmaxInPlace(Float64Array.from(this.score(features, values)));
  }

  /**
   * Gzipped: "SPNN" | u32 header length | header JSON | u32 rows | u32 buckets | f32 row scales |
   * i8 rows (each row quantised by its own scale) | f32 b1, W2, b2.
   */
  encode(card: Record<string, unknown> = this.card): Buffer {
    const H = this.hidden;
    const n = this.buckets.length;
    const header = Buffer.from(JSON.stringify({ kind: 'mlp', bits: this.bits, hidden: H, labels: this.labels, card }), 'utf8');
    const dense = this.b1.length + this.w2.length + this.b2.length;
    const body = Buffer.alloc(4 + 4 + header.length + 4 + n * 8 + n * H + dense * 4);
    let o = body.write(MLP_MAGIC, 0, 'latin1');
    o = body.writeUInt32LE(header.length, o);
    o += header.copy(body, o);
    o = body.writeUInt32LE(n, o);
    for (let r = 0; r < n; r++) o = body.writeUInt32LE(this.buckets[r], o);
    for (let r = 0; r < n; r++) o = body.writeFloatLE(this.scales[r], o);
    for (let k = 0; k < n * H; k++) o = body.writeInt8(this.rows[k], o);
    for (const a of [this.b1, this.w2, this.b2]) for (const x of a) o = body.writeFloatLE(x, o);
    return gzipSync(body, { level: 9 });
  }

  static decode(buffer: Buffer): Mlp {
    const body = gunzipSync(buffer);
    if (body.toString('latin1', 0, 4) !== MLP_MAGIC) throw new Error('not a spinscope network file');
    let o = 4;
    const length = body.readUInt32LE(o);
    o += 4;
    const header = JSON.parse(body.toString('utf8', o, o + length)) as { bits: number; hidden: number; labels: string[]; card?: Record<string, unknown> };
    o += length;
    const H = header.hidden;
    const L = header.labels.length;
    const n = body.readUInt32LE(o);
    o += 4;
    const buckets = new Uint32Array(n);
    for (let r = 0; r < n; r++, o += 4) buckets[r] = body.readUInt32LE(o);
    const scales = new Float32Array(n);
    for (let r = 0; r < n; r++, o += 4) scales[r] = body.readFloatLE(o);
    const rows = new Int8Array(n * H);
    for (let k = 0; k < n * H; k++, o++) rows[k] = body.readInt8(o);
    const floats = (k: number) => {
      const a = new Float32Array(k);
      for (let i = 0; i < k; i++, o += 4) a[i] = body.readFloatLE(o);
      return a;
    };
    const b1 = floats(H);
    const w2 = floats(L * H);
    const b2 = floats(L);
    return new Mlp(header.labels, header.bits, H, buckets, rows, scales, b1, w2, b2, header.card ?? {});
  }
}

const MLP_MAGIC = 'SPNN';
const INT8_MAX = 127;

/** Pre-activation of the hidden layer: b1 + Σ v_f · W1[bucket_f]. */
function hiddenInto(w1: Float32Array, b1: Float32Array, H: number, buckets: ArrayLike<number>, values: ArrayLike<number> | undefined, h: Float64Array, keep?: Uint8Array): void {
  for (let j = 0; j < H; j++) h[j] = b1[j];
  for (let f = 0; f < buckets.length; f++) {
    if (keep && !keep[f]) continue;
    const v = values ? values[f] : 1;
    const base = buckets[f] * H;
    for (let j = 0; j < H; j++) h[j] += w1[base + j] * v;
  }
}

/**
 * h += v × the hidden-layer row starting at `at`. Four units per iteration (same per-unit
 * operations, so the same sums): fewer loop and bounds checks in the hottest loop of span labelling.
 */
export function addScaledRow(h: Float64Array, rows: Int8Array, at: number, v: number): void {
  const H = h.length;
  let j = 0;
  for (; j + 3 < H; j += 4) {
    h[j] += rows[at + j] * v;
    h[j + 1] += rows[at + j + 1] * v;
    h[j + 2] += rows[at + j + 2] * v;
    h[j + 3] += rows[at + j + 3] * v;
  }
  for (; j < H; j++) h[j] += rows[at + j] * v;
}

/** out = b2 + w2 · h, one sum per label. */
export function outputInto(w2: Float32Array, b2: Float32Array, h: Float64Array, out: Float64Array): void {
  const H = h.length;
  for (let c = 0; c < out.length; c++) {
    let s = b2[c];
    const base = c * H;
    let j = 0;
    // Unrolled, adding in the same order (the same sum).
    for (; j + 3 < H; j += 4) {
      s += w2[base + j] * h[j];
      s += w2[base + j + 1] * h[j + 1];
      s += w2[base + j + 2] * h[j + 2];
      s += w2[base + j + 3] * h[j + 3];
    }
    for (; j < H; j++) s += w2[base + j] * h[j];
    out[c] = s;
  }
}


/** One AdaGrad step on weight k (with L2), in place. */
function step(w: Float32Array, g2: Float32Array, k: number, grad: number, rate: number, l2: number): void {
  const g = grad + l2 * w[k];
  if (g === 0) return;
  g2[k] += g * g;
  w[k] -= (rate * g) / Math.sqrt(g2[k]);
}

/**
 * Trains an `Mlp` with AdaGrad on the softmax cross-entropy, examples in a seeded order,
 * seeded dropout on the inputs and hidden units (deterministic for a seed).
 */
export function trainMlp(examples: readonly Example[], options: MlpOptions = {}): Mlp {
  const bits = options.bits ?? DEFAULTS.bits;
  return trainMlpHashed(
    examples.map((e) => hashFeatures(e.features, bits)),
    examples.map((e) => e.label),
    options,
    examples.map((e) => e.values),
  );
}

/**
 * As `trainMlp`, over pre-hashed bucket rows (each below 2^bits) with their labels (and
 * optional feature values): for corpora whose feature strings would not fit in memory.
 */
export function trainMlpHashed(hashed: readonly ArrayLike<number>[], labelOf: readonly string[], options: MlpOptions = {}, valuesOf?: readonly (readonly number[] | undefined)[]): Mlp {
  const { bits, hidden: H, epochs, seed, rate, l2, dropout, inputDropout, inputInit } = { ...DEFAULTS, ...options };
  const labels = [...new Set(labelOf)].sort();
  const L = labels.length;
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const random = seededRandom(seed);
  const w1 = new Float32Array((1 << bits) * H);
  const b1 = new Float32Array(H).fill(HIDDEN_BIAS_INIT);
  const w2 = new Float32Array(L * H);
  for (let k = 0; k < w2.length; k++) w2[k] = (random() * 2 - 1) * OUTPUT_INIT;
  const b2 = new Float32Array(L);
  // Rows of the buckets seen in training start random (in order of first use, from the seed);
  // rows never seen stay zero, so the model file keeps only trained rows.
  const seen = new Uint8Array(1 << bits);
  for (const feats of hashed)
    for (let f = 0; f < feats.length; f++) {
      const b = feats[f];
      if (seen[b]) continue;
      seen[b] = 1;
      for (let j = 0; j < H; j++) w1[b * H + j] = (random() * 2 - 1) * inputInit;
    }
  // AdaGrad's running sums of squared gradients (starting above 0 to avoid /0).
  const g1 = new Float32Array(w1.length).fill(1e-8);
  const gb1 = new Float32Array(H).fill(1e-8);
  const g2 = new Float32Array(w2.length).fill(1e-8);
  const gb2 = new Float32Array(L).fill(1e-8);
  const h = new Float64Array(H);
  const mask = new Float64Array(H);
  const scores = new Float64Array(L);
  const dh = new Float64Array(H);
  const maxFeatures = hashed.reduce((m, x) => Math.max(m, x.length), 0);
  const keep = new Uint8Array(maxFeatures);
  const hiddenKeep = 1 - dropout;
  const inputKeep = 1 - inputDropout;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const i of shuffledIndices(hashed.length, random)) {
      const feats = hashed[i];
      const values = valuesOf?.[i];
      const gold = labelIndex.get(labelOf[i])!;
      for (let f = 0; f < feats.length; f++) keep[f] = inputDropout > 0 && random() >= inputKeep ? 0 : 1;
      hiddenInto(w1, b1, H, feats, values, h, keep);
      // ReLU and inverted dropout: mask[j] is the factor of unit j (0 when off or dropped).
      for (let j = 0; j < H; j++) {
        mask[j] = h[j] > 0 && (dropout === 0 || random() < hiddenKeep) ? 1 / hiddenKeep : 0;
        h[j] *= mask[j];
      }
      outputInto(w2, b2, h, scores);
      softmaxInPlace(scores);
      scores[gold] -= 1; // now the gradient of the loss by the scores
      if (options.weights) for (let c = 0; c < L; c++) scores[c] *= options.weights[i];
      dh.fill(0);
      for (let c = 0; c < L; c++) {
        const d = scores[c];
        const base = c * H;
        for (let j = 0; j < H; j++) {
          dh[j] += d * w2[base + j];
          step(w2, g2, base + j, d * h[j], rate, l2);
        }
        step(b2, gb2, c, d, rate, 0);
      }
      for (let j = 0; j < H; j++) {
        dh[j] *= mask[j];
        step(b1, gb1, j, dh[j], rate, 0);
      }
      for (let f = 0; f < feats.length; f++) {
        if (!keep[f]) continue;
        const v = values ? values[f] : 1;
        const base = feats[f] * H;
        for (let j = 0; j < H; j++) if (dh[j] !== 0) step(w1, g1, base + j, dh[j] * v, rate, l2);
      }
    }
  }
  const live: number[] = [];
  for (let b = 0; b < seen.length; b++) if (seen[b]) live.push(b);
  const { rows, scales } = quantisedRows(w1, live, H);
  return new Mlp(labels, bits, H, Uint32Array.from(live), rows, scales, b1, w2, b2, { learner: 'mlp', hidden: H, epochs, rate, l2, dropout, inputDropout, inputInit });
}

/** The given rows of a dense bucket × H matrix as 8-bit integers with one scale per row. */
function quantisedRows(w: Float32Array, live: readonly number[], H: number): { rows: Int8Array; scales: Float32Array } {
  const rows = new Int8Array(live.length * H);
  const scales = new Float32Array(live.length);
  live.forEach((b, r) => {
    let max = 0;
    for (let j = 0; j < H; j++) max = Math.max(max, Math.abs(w[b * H + j]));
    scales[r] = max / INT8_MAX || 1;
    for (let j = 0; j < H; j++) rows[r * H + j] = Math.round(w[b * H + j] / scales[r]);
  });
  return { rows, scales };
}
