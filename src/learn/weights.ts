/**
 * Weights of a linear model over hashed features: one row of `classes` weights per bucket,
 * trained with lazy averaging (the averaged perceptron trick: totals updated only when a
 * weight changes, so an update costs O(features), not O(model)).
 */
export class AveragedWeights {
  readonly w: Float32Array;
  private readonly totals: Float64Array;
  private readonly stamps: Int32Array;
  clock = 0;

  constructor(
    readonly buckets: number,
    readonly classes: number,
  ) {
    const size = buckets * classes;
    this.w = new Float32Array(size);
    this.totals = new Float64Array(size);
    this.stamps = new Int32Array(size);
  }

  /** Adds `delta` to the weight of (bucket, cls), keeping the running total for averaging. */
  update(bucket: number, cls: number, delta: number): void {
    const i = bucket * this.classes + cls;
    this.totals[i] += (this.clock - this.stamps[i]) * this.w[i];
    this.stamps[i] = this.clock;
    this.w[i] += delta;
  }

  /** Returns the averaged weights (the model to keep); training state is left as it was. */
  averaged(): Float32Array {
    const out = new Float32Array(this.w.length);
    const t = Math.max(1, this.clock);
    for (let i = 0; i < out.length; i++) {
      const total = this.totals[i] + (this.clock - this.stamps[i]) * this.w[i];
      out[i] = total / t;
    }
    return out;
  }
}

/** Adds the weight rows of the given buckets into `scores` (length = classes). */
export function scoreInto(w: Float32Array, classes: number, buckets: ArrayLike<number>, scores: Float64Array, values?: ArrayLike<number>): void {
  scores.fill(0);
  for (let f = 0; f < buckets.length; f++) {
    const base = buckets[f] * classes;
    const v = values ? values[f] : 1;
    for (let c = 0; c < classes; c++) scores[c] += w[base + c] * v;
  }
}
