/** The shingle metric of ../shared/README.md: word 4-gram sets of predicted vs. true body. */

/** Lower-cased words (letters and digits) of a text. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The set of word n-gram shingles (a text shorter than n words is one shingle). */
export function shingles(text: string, n = 4): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length === 0) return out;
  if (w.length < n) {
    out.add(w.join(' '));
    return out;
  }
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

/** Precision and recall of predicted shingles against true ones (empty prediction: P = R = 0). */
export function shingleScores(predicted: string, truth: string): { p: number; r: number } {
  const a = shingles(predicted);
  const b = shingles(truth);
  if (a.size === 0 || b.size === 0) return { p: a.size === b.size ? 1 : 0, r: a.size === b.size ? 1 : 0 };
  let common = 0;
  for (const s of a) if (b.has(s)) common++;
  return { p: common / a.size, r: common / b.size };
}
