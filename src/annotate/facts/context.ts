import type { Span } from '../../model/index.js';

/**
 * Fast lookups over the sorted `tokens` layer by character offset (binary search, no copies).
 *
 * @example
 * const index = new TokenIndex(article.layers.tokens ?? []);
 * index.firstAtOrAfter(120); // index of the first token starting at or after offset 120
 */
export class TokenIndex {
  constructor(readonly tokens: readonly Span[]) {}

  /** Index of the first token whose start is >= offset (tokens.length when none). */
  firstAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the last token whose end is <= offset (-1 when none). */
  lastEndingBy(offset: number): number {
    let i = this.firstAtOrAfter(offset) - 1;
    while (i >= 0 && this.tokens[i].end > offset) i--;
    return i;
  }

  /** Tokens lying within [start, end), as an index range [from, to). */
  within(start: number, end: number): [number, number] {
    const from = this.firstAtOrAfter(start);
    let to = from;
    while (to < this.tokens.length && this.tokens[to].end <= end) to++;
    return [from, to];
  }
}

/** The span among sorted, disjoint `spans` that contains offset, or undefined. */
export function spanAt<S extends Pick<Span, 'start' | 'end'>>(spans: readonly S[], offset: number): S | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else if (spans[mid].start > offset) hi = mid - 1;
    else return spans[mid];
  }
  return undefined;
}

/** The lowercase word just before `offset` (skipping spaces and a hyphen), or ''. */
export function wordBefore(text: string, offset: number): string {
  let end = offset;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '-' || text[end - 1] === '\u00a0')) end--;
  let start = end;
  while (start > 0 && /[A-Za-z]/.test(text[start - 1])) start--;
  return text.slice(start, end).toLowerCase();
}
