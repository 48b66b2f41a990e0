import { TAG_BEGIN, TAG_INSIDE, TAG_OUTSIDE } from './constants.js';
import type { SentenceView } from './view.js';

/** A half-open character range. */
export interface Range {
  start: number;
  end: number;
}

/** Merges overlapping or touching ranges into disjoint sorted ranges. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/**
 * BIO tags of a sentence's tokens from gold character spans: a token overlapping a span is
 * inside it; the first token of each span is B.
 */
export function tagsFromSpans(view: SentenceView, spans: readonly Range[]): string[] {
  const tags = view.starts.map(() => TAG_OUTSIDE);
  for (const span of mergeRanges(spans)) {
    let first = true;
    for (let i = 0; i < tags.length; i++) {
      if (view.ends[i] <= span.start || view.starts[i] >= span.end) continue;
      tags[i] = first ? TAG_BEGIN : TAG_INSIDE;
      first = false;
    }
  }
  return tags;
}

/** Token ranges [first, last] from BIO tags (an I without a B opens a span). */
export function tokenRuns(tags: readonly string[]): [number, number][] {
  const runs: [number, number][] = [];
  let open = -1;
  tags.forEach((tag, i) => {
    if (tag === TAG_BEGIN || (tag === TAG_INSIDE && open < 0)) {
      if (open >= 0) runs.push([open, i - 1]);
      open = i;
    } else if (tag === TAG_OUTSIDE && open >= 0) {
      runs.push([open, i - 1]);
      open = -1;
    }
  });
  if (open >= 0) runs.push([open, tags.length - 1]);
  return runs;
}

/** Character spans of a sentence from BIO tags (span = first token start to last token end). */
export function spansFromTags(view: SentenceView, tags: readonly string[]): Range[] {
  return tokenRuns(tags).map(([a, b]) => ({ start: view.starts[a], end: view.ends[b] }));
}
