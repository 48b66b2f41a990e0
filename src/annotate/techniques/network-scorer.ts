import { addScaledRow, outputInto, type Mlp } from '../../learn/index.js';
import { popcount } from './compact-rows.js';

/**
 * The technique network's scoring (`Mlp.scoreBuckets`, the same numbers in the same order) with
 * the bucket → input-row lookup done by rank in a bitset of the kept buckets (they are stored in
 * ascending order, so a bucket's row index is the number of kept buckets below it): one bit test
 * and a popcount instead of a probe of a hash table per span feature.
 */
export class NetworkScorer {
  /** One bit per bucket: the bucket has an input row. */
  private readonly live: Int32Array;
  /** Kept buckets before each 32-bucket word of `live`. */
  private readonly rank: Int32Array;
  private readonly h: Float64Array;
  private readonly out: Float64Array;

  constructor(readonly net: Mlp) {
    const words = ((1 << net.bits) + 31) >>> 5;
    this.live = new Int32Array(words);
    this.rank = new Int32Array(words);
    let last = -1;
    for (const b of net.buckets) {
      if (b <= last) throw new Error('network input buckets are not strictly ascending');
      this.live[b >>> 5] |= 1 << (b & 31);
      last = b;
    }
    let count = 0;
    for (let k = 0; k < words; k++) {
      this.rank[k] = count;
      count += popcount(this.live[k]);
    }
    this.h = new Float64Array(net.hidden);
    this.out = new Float64Array(net.labels.length);
  }

  /** Label scores of pre-hashed buckets (as `Mlp.scoreBuckets`; the buffer is reused). */
  scoreBuckets(buckets: ArrayLike<number>): Float64Array {
    const net = this.net;
    const H = net.hidden;
    const h = this.h;
    const rows = net.rows;
    const scales = net.scales;
    const live = this.live;
    for (let j = 0; j < H; j++) h[j] = net.b1[j];
    for (let f = 0; f < buckets.length; f++) {
      const bucket = buckets[f];
      const word = live[bucket >>> 5];
      const bit = 1 << (bucket & 31);
      if ((word & bit) === 0) continue;
      const r = this.rank[bucket >>> 5] + popcount(word & (bit - 1));
      addScaledRow(h, rows, r * H, scales[r]);
    }
    for (let j = 0; j < H; j++) if (h[j] < 0) h[j] = 0;
    outputInto(net.w2, net.b2, h, this.out);
    return this.out;
  }
}
