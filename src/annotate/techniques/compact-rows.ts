/**
 * A hashed linear model's weight table (buckets × classes, float32) without its all-zero rows,
 * for scoring at run time. The technique classifier has 2^17 buckets × 14 labels (7.3 MB), of
 * which only the ~37,000 buckets seen in training are non-zero (2.1 MB here): a span's feature
 * reads then touch a table that mostly stays in cache, and a bucket never seen in training costs
 * one bit test instead of a row read. Scores are the same numbers as the full table's in the
 * same order (a skipped row would only have added zeros).
 */
export class CompactRows {
  /** One bit per bucket: the row is non-zero. */
  private readonly live: Int32Array;
  /** Non-zero rows before each 32-bucket word of `live`. */
  private readonly rank: Int32Array;
  /** The non-zero rows, in bucket order. */
  private readonly rows: Float32Array;
  /** Score buffer (reused: read it before the next call). */
  private readonly scores: Float64Array;

  constructor(
    weights: Float32Array,
    readonly classes: number,
  ) {
    const buckets = Math.floor(weights.length / classes);
    const words = (buckets + 31) >>> 5;
    this.live = new Int32Array(words);
    this.rank = new Int32Array(words);
    let count = 0;
    for (let b = 0; b < buckets; b++) {
      if ((b & 31) === 0) this.rank[b >>> 5] = count;
      if (!zeroRow(weights, b * classes, classes)) {
        this.live[b >>> 5] |= 1 << (b & 31);
        count++;
      }
    }
    this.rows = new Float32Array(count * classes);
    let r = 0;
    for (let b = 0; b < buckets; b++) {
      if (this.row(b) < 0) continue;
      this.rows.set(weights.subarray(b * classes, (b + 1) * classes), r * classes);
      r++;
    }
    this.scores = new Float64Array(classes);
  }

  /** Start of the bucket's row in `rows`, or -1 for an all-zero row. */
  private row(bucket: number): number {
    const word = this.live[bucket >>> 5];
    const bit = 1 << (bucket & 31);
    if ((word & bit) === 0) return -1;
    return (this.rank[bucket >>> 5] + popcount(word & (bit - 1))) * this.classes;
  }

  /** Class scores of pre-hashed buckets (as `Classifier.scoreBuckets`; the buffer is reused). */
  scoreBuckets(buckets: ArrayLike<number>): Float64Array {
    const scores = this.scores;
    const rows = this.rows;
    const L = this.classes;
    scores.fill(0);
    for (let f = 0; f < buckets.length; f++) {
      const at = this.row(buckets[f]);
      if (at < 0) continue;
      for (let c = 0; c < L; c++) scores[c] += rows[at + c];
    }
    return scores;
  }

  /** The weight of a bucket for class `cls` (0 for a bucket not seen in training). */
  weight(bucket: number, cls: number): number {
    const at = this.row(bucket);
    return at < 0 ? 0 : this.rows[at + cls];
  }

  /**
   * Indices (into `buckets`) of the features that pushed toward class `cls` most, best first
   * (as `Classifier.explainBuckets`).
   */
  explainBuckets(buckets: ArrayLike<number>, cls: number, top = 3): number[] {
    const picked: number[] = [];
    for (let f = 0; f < buckets.length; f++) {
      const wt = this.weight(buckets[f], cls);
      if (!(wt > 0)) continue;
      // Insertion into a short sorted list (top is small).
      let at = picked.length;
      while (at > 0 && this.weight(buckets[picked[at - 1]], cls) < wt) at--;
      if (at < top) {
        picked.splice(at, 0, f);
        if (picked.length > top) picked.pop();
      }
    }
    return picked;
  }
}

/** True when weights[at .. at + n) are all zero. */
function zeroRow(weights: Float32Array, at: number, n: number): boolean {
  for (let c = 0; c < n; c++) if (weights[at + c] !== 0) return false;
  return true;
}

/** Number of set bits of a 32-bit integer. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
