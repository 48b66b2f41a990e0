/*
 * Flattens overlapping spans into consecutive, non-overlapping segments, each knowing which
 * spans cover it; the reader renders one element per segment, so any number of layers can be
 * shown at once over the same text without nesting problems.
 */

export interface Mark {
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Indices into the marks array of every mark covering this segment. */
  marks: number[];
}

/**
 * Cuts `[0, length)` at every mark boundary. Marks outside the text are clipped; empty ones skipped.
 *
 * @example
 * segment(10, [{ start: 2, end: 6 }, { start: 4, end: 8 }]);
 * // [0,2) [], [2,4) [0], [4,6) [0,1], [6,8) [1], [8,10) []
 */
export function segment(length: number, marks: readonly Mark[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  const opens = new Map<number, number[]>();
  marks.forEach((m, i) => {
    const s = Math.max(0, Math.min(length, m.start));
    const e = Math.max(0, Math.min(length, m.end));
    if (e <= s) return;
    cuts.add(s);
    cuts.add(e);
    (opens.get(s) ?? opens.set(s, []).get(s)!).push(i);
  });
  const points = [...cuts].sort((a, b) => a - b);
  const active = new Set<number>();
  const out: Segment[] = [];
  for (let k = 0; k < points.length - 1; k++) {
    const start = points[k];
    const end = points[k + 1];
    for (const i of active) if (Math.min(length, marks[i].end) <= start) active.delete(i);
    for (const i of opens.get(start) ?? []) active.add(i);
    out.push({ start, end, marks: [...active].sort((a, b) => a - b) });
  }
  return out;
}
