/**
 * Weights of a linear model over hashed features: one row of `classes` weights per bucket,
 * trained with lazy averaging (the averaged perceptron trick: totals updated only when a
 * weight changes, so an update costs O(features), not O(model)).
 */
export class AveragedWeights {
    buckets;
    classes;
    w;
    totals;
    stamps;
    clock = 0;
    constructor(buckets, classes) {
        this.buckets = buckets;
        this.classes = classes;
        const size = buckets * classes;
        this.w = new Float32Array(size);
        this.totals = new Float64Array(size);
        this.stamps = new Int32Array(size);
    }
    /** Adds `delta` to the weight of (bucket, cls), keeping the running total for averaging. */
    update(bucket, cls, delta) {
        const i = bucket * this.classes + cls;
        this.totals[i] += (this.clock - this.stamps[i]) * this.w[i];
        this.stamps[i] = this.clock;
        this.w[i] += delta;
    }
    /** Returns the averaged weights (the model to keep); training state is left as it was. */
    averaged() {
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
export function scoreInto(w, classes, buckets, scores, values) {
    scores.fill(0);
    for (let f = 0; f < buckets.length; f++) {
        const base = buckets[f] * classes;
        const v = values ? values[f] : 1;
        for (let c = 0; c < classes; c++)
            scores[c] += w[base + c] * v;
    }
}
