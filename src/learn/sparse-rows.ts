/**
 * The non-zero rows of a dense weight matrix (buckets × classes) in a small open-addressing
 * table. Hashed-feature models are sparse (a perceptron touches only features it erred on), so
 * lookups hit a table of a few MB that stays in cache instead of a mostly-zero array of tens
 * of MB. `offset(bucket)` gives the start of the bucket's row in `values`, or -1 when all zero.
 *
 * @example
 * const rows = SparseRows.fromDense(weights, 9);
 * const at = rows.offset(bucket); if (at >= 0) score += rows.values[at + cls];
 */
export class SparseRows {
  private constructor(
    /** Slot pairs: bucket (-1: empty), then the row's offset in `values` (one cache line per probe). */
    private readonly slots: Int32Array,
    readonly values: Float32Array,
    readonly classes: number,
    readonly rows: number,
    /** One bit per bucket, set for live rows: most lookups are of absent buckets, and this
     * bitset (2^bits / 8 bytes, 128 KB at 20 bits) answers them from cache without a probe. */
    private readonly live: Int32Array,
  ) {}

  static fromDense(weights: Float32Array, classes: number): SparseRows {
    const buckets = weights.length / classes;
    const live: number[] = [];
    for (let b = 0; b < buckets; b++) {
      for (let c = 0; c < classes; c++) {
        if (weights[b * classes + c] !== 0) {
          live.push(b);
          break;
        }
      }
    }
    const { slots, bits } = layout(live, buckets, classes);
    const values = new Float32Array(live.length * classes);
    live.forEach((b, r) => values.set(weights.subarray(b * classes, (b + 1) * classes), r * classes));
    return new SparseRows(slots, values, classes, live.length, bits);
  }

  /**
   * The same table from the non-zero entries of a dense buckets × classes matrix of `size`
   * weights (`indices` ascending, as `decodeModelEntries` returns them), without the dense array.
   */
  static fromEntries(indices: Uint32Array, entries: Float32Array, size: number, classes: number): SparseRows {
    const buckets = size / classes;
    const live: number[] = [];
    for (let k = 0; k < indices.length; k++) {
      const b = Math.floor(indices[k] / classes);
      if (live[live.length - 1] !== b) live.push(b);
    }
    const { slots, bits } = layout(live, buckets, classes);
    const values = new Float32Array(live.length * classes);
    for (let k = 0, r = -1, last = -1; k < indices.length; k++) {
      const b = Math.floor(indices[k] / classes);
      if (b !== last) {
        r++;
        last = b;
      }
      values[r * classes + (indices[k] - b * classes)] = entries[k];
    }
    return new SparseRows(slots, values, classes, live.length, bits);
  }

  /** The table of given rows: `buckets` ascending, row r at `values[r × classes ..]` (kept, not copied). */
  static fromRows(buckets: ArrayLike<number>, values: Float32Array, bucketCount: number, classes: number): SparseRows {
    const live = Array.from(buckets);
    const { slots, bits } = layout(live, bucketCount, classes);
    return new SparseRows(slots, values, classes, live.length, bits);
  }

  /** Start of the bucket's row in `values`, or -1 for an all-zero row. */
  offset(bucket: number): number {
    if (bucket >>> 5 >= this.live.length || (this.live[bucket >>> 5] & (1 << (bucket & 31))) === 0) return -1;
    const slots = this.slots;
    const capacity = slots.length >> 1;
    const mask = capacity - 1;
    let slot = slotOf(bucket, capacity);
    for (;;) {
      const key = slots[2 * slot];
      if (key === bucket) return slots[2 * slot + 1];
      if (key === -1) return -1;
      slot = (slot + 1) & mask;
    }
  }
}

/** Buckets are feature hashes already, but low bits of small models repeat: scramble once. */
function slotOf(bucket: number, capacity: number): number {
  return (Math.imul(bucket, 0x9e3779b1) >>> 0) & (capacity - 1);
}

/** The slot table (row r of bucket live[r] at offset r × classes) and live-bucket bitset of a table. */
function layout(live: readonly number[], buckets: number, classes: number): { slots: Int32Array; bits: Int32Array } {
  let capacity = 16;
  while (capacity < live.length * 2) capacity *= 2;
  const slots = new Int32Array(2 * capacity).fill(-1);
  const bits = new Int32Array((buckets + 31) >>> 5);
  live.forEach((b, r) => {
    bits[b >>> 5] |= 1 << (b & 31);
    let slot = slotOf(b, capacity);
    while (slots[2 * slot] !== -1) slot = (slot + 1) & (capacity - 1);
    slots[2 * slot] = b;
    slots[2 * slot + 1] = r * classes;
  });
  return { slots, bits };
}
