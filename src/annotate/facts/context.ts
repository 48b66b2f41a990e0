import type { Span } from '../../model/index.js';
import { classifyWords, type WordClasses } from './word-classes.js';
import { lowersAlone, tokenText } from '../token-text.js';

/**
 * Fast lookups over the sorted `tokens` layer by character offset (binary search, no copies).
 *
 * @example
 * const index = new TokenIndex(article.layers.tokens ?? [], article.text);
 * index.firstAtOrAfter(120); // index of the first token starting at or after offset 120
 */
export class TokenIndex {
  private lowered?: string[];
  private offsets?: Int32Array;
  private flags?: WordClasses;

  constructor(
    readonly tokens: readonly Span[],
    readonly text = '',
  ) {}

  /** Token start offsets (computed once). */
  get starts(): ArrayLike<number> {
    if (!this.offsets) {
      const offsets = (this.offsets = new Int32Array(this.tokens.length));
      for (let i = 0; i < offsets.length; i++) offsets[i] = this.tokens[i].start;
    }
    return this.offsets;
  }

  /** Lowercased token strings (computed once, on first use). */
  get lower(): readonly string[] {
    if (!this.lowered && lowersAlone(this.text)) this.lowered = tokenText(this.text, this.tokens).lower as string[];
    if (!this.lowered) {
      // one lowercasing of the whole text; per-token when lowercasing changes lengths (rare scripts)
      const lower = this.text.toLowerCase();
      this.lowered = lower.length === this.text.length ? this.tokens.map((t) => lower.slice(t.start, t.end)) : this.tokens.map((t) => this.text.slice(t.start, t.end).toLowerCase());
    }
    return this.lowered;
  }

  /** Word-list flags of each lowercased token (see word-classes.ts; computed once, on first use). */
  get classes(): WordClasses {
    this.flags ??= classifyWords(this.lower);
    return this.flags;
  }

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

/** Index of the span among sorted, disjoint `spans` that contains offset, or -1. */
export function indexAt(spans: readonly Pick<Span, 'start' | 'end'>[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else if (spans[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** The span among sorted, disjoint `spans` that contains offset, or undefined. */
export function spanAt<S extends Pick<Span, 'start' | 'end'>>(spans: readonly S[], offset: number): S | undefined {
  const i = indexAt(spans, offset);
  return i < 0 ? undefined : spans[i];
}

/** The lowercase word just before `offset` (skipping spaces and a hyphen), or ''. */
export function wordBefore(text: string, offset: number): string {
  let end = offset;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '-' || text[end - 1] === '\u00a0')) end--;
  let start = end;
  while (start > 0 && /[A-Za-z]/.test(text[start - 1])) start--;
  return text.slice(start, end).toLowerCase();
}

const WORD_START = /[A-Za-z0-9'’$£€]+/g;

/**
 * Word starts, their lowercased words and the words' flags, from the tokens when there are any, else from a
 * simple word scan (short texts in tests, caption attributes).
 */
export function wordStarts(text: string, index?: TokenIndex): { starts: ArrayLike<number>; words: readonly string[]; classes: WordClasses } {
  if (index && index.tokens.length && index.text === text) return { starts: index.starts, words: index.lower, classes: index.classes };
  const starts: number[] = [];
  const words: string[] = [];
  for (const m of text.matchAll(WORD_START)) {
    starts.push(m.index!);
    words.push(m[0].toLowerCase());
  }
  return { starts, words, classes: classifyWords(words) };
}
