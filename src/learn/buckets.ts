/**
 * The bucket of a number among sorted edges: the count of edges it reaches, so a value below
 * the first edge is bucket 0 and one at or above the last is bucket `edges.length`. Turns a
 * probability, margin, share or count into a small categorical feature value.
 *
 * @example
 * edgeBucket(0.35, [0.1, 0.2, 0.3, 0.4]); // 3
 */
export function edgeBucket(x: number, edges: readonly number[]): number {
  let k = 0;
  while (k < edges.length && x >= edges[k]) k++;
  return k;
}
