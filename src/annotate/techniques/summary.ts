import type { Span } from '../../model/index.js';
import { SUMMARY } from './constants.js';
import type { SentenceView } from './view.js';

/** The article-level summary of techniques (`findings.techniqueSummary`). */
export interface TechniqueSummary {
  /** Spans per technique. */
  counts: Record<string, number>;
  total: number;
  /** Word tokens in the article. */
  words: number;
  /** Technique spans per 1,000 words. */
  densityPer1000Words: number;
  /** The sentences with the most technique spans, most first. */
  topSentences: { start: number; end: number; count: number; techniques: string[] }[];
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/** True for a token with a letter or digit (ASCII fast path before the Unicode test). */
function isWordLike(token: string): boolean {
  const c = token.charCodeAt(0);
  const l = c | 32;
  if ((c >= 48 && c <= 57) || (c >= 65 && l >= 97 && l <= 122)) return true;
  return WORDLIKE.test(token);
}

/** Counts, density and top sentences of a techniques layer. */
export function summarize(spans: readonly Span[], views: readonly SentenceView[]): TechniqueSummary {
  // Tallied in a Map: keyed stores of new labels on a plain object give it a new hidden class
  // per label order, which kept deoptimising this function long into a run (--trace-deopt).
  const tally = new Map<string, number>();
  for (const s of spans) tally.set(s.label, (tally.get(s.label) ?? 0) + 1);
  const counts: Record<string, number> = Object.fromEntries(tally);
  let words = 0;
  for (const v of views) for (const r of v.raws) if (isWordLike(r)) words++;
  // Spans per sentence by a sweep (views and spans are sorted by start), then details for
  // the top sentences only.
  const perView = new Int32Array(views.length);
  let first = 0;
  for (const s of spans) {
    while (first < views.length && views[first].end <= s.start) first++;
    for (let k = first; k < views.length && views[k].start < s.end; k++) if (s.start < views[k].end) perView[k]++;
  }
  const top: number[] = [];
  for (let k = 0; k < views.length; k++) {
    if (!perView[k]) continue;
    let at = top.length;
    while (at > 0 && perView[top[at - 1]] < perView[k]) at--;
    if (at < SUMMARY.topSentences) {
      top.splice(at, 0, k);
      if (top.length > SUMMARY.topSentences) top.pop();
    }
  }
  const perSentence = top.map((k) => {
    const v = views[k];
    const inside = spans.filter((s) => s.start < v.end && v.start < s.end);
    return { start: v.start, end: v.end, count: perView[k], techniques: [...new Set(inside.map((s) => s.label))].sort() };
  });
  return {
    counts,
    total: spans.length,
    words,
    densityPer1000Words: words ? Math.round((spans.length / words) * 1000 * 100) / 100 : 0,
    topSentences: perSentence,
  };
}
