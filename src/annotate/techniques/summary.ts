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
  const counts: Record<string, number> = {};
  for (const s of spans) counts[s.label] = (counts[s.label] ?? 0) + 1;
  let words = 0;
  for (const v of views) for (const r of v.raws) if (isWordLike(r)) words++;
  const perSentence = views
    .map((v) => {
      const inside = spans.filter((s) => s.start < v.end && v.start < s.end);
      return { start: v.start, end: v.end, count: inside.length, techniques: [...new Set(inside.map((s) => s.label))].sort() };
    })
    .filter((s) => s.count > 0)
    .sort((a, b) => b.count - a.count || a.start - b.start)
    .slice(0, SUMMARY.topSentences);
  return {
    counts,
    total: spans.length,
    words,
    densityPer1000Words: words ? Math.round((spans.length / words) * 1000 * 100) / 100 : 0,
    topSentences: perSentence,
  };
}
