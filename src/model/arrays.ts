/**
 * `xs.map(fn)` that always makes a packed array. An `Array.prototype.map` that the optimising
 * compiler inlined makes a *holey* array, the builtin a packed one: an array passed from one
 * stage function to another then changes elements kind with the tier its maker runs in, and
 * each change deoptimises the optimised code that reads it (long into a run: `node
 * --trace-deopt`, issue 8). A loop of pushes makes the same (packed) array in every tier.
 */
export function mapPacked<T, U>(xs: readonly T[], fn: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(fn(xs[i], i));
  return out;
}
