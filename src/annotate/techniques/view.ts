import type { Article, Span } from '../../model/index.js';
import { tokenText } from '../token-text.js';
import { tokenWords, type TokenWords } from '../../nlp/token-words.js';

/** The tokens of one sentence, as parallel arrays (cheap to build, cheap to read). */
export interface SentenceView {
  start: number;
  end: number;
  /** Token offsets (UTF-16) into the article text. */
  starts: number[];
  ends: number[];
  raws: string[];
  lowers: string[];
  pos: string[];
  /** 1 when the token lies inside quotation marks. */
  quoted: Uint8Array;
  /**
   * The nlp stage's word ids of the article's tokens, when this process's nlp stage made them:
   * token i of this sentence has id `wordSource.ids[firstToken + i]` (-1: none) in
   * `wordSource.table`, so per-word memos can be keyed by it instead of hashing the text.
   */
  wordSource?: TokenWords;
  firstToken?: number;
}

const OPEN_QUOTES = new Set(['“', '«', '„']);
const CLOSE_QUOTES = new Set(['”', '»']);
const TOGGLE_QUOTES = new Set(['"']);

/**
 * Groups the article's tokens by sentence and marks tokens inside quotation marks (the quote
 * state is reset at each paragraph break so one stray mark cannot quote a whole article).
 */
export function sentenceViews(article: Article): SentenceView[] {
  const tokens = article.layers.tokens ?? [];
  const sentences = article.layers.sentences ?? [];
  return buildViews(article.text, tokens, sentences);
}

/** As `sentenceViews`, from explicit token and sentence spans. */
export function buildViews(text: string, tokens: readonly Span[], sentences: readonly Span[]): SentenceView[] {
  const views: SentenceView[] = [];
  let t = 0;
  let inQuote = false;
  let lastEnd = 0;
  // Token strings shared with the other stages (the same values as slicing and lowering here).
  const { raw, lower } = tokenText(text, tokens);
  const words = tokenWords(text, tokens);
  for (const s of sentences) {
    while (t < tokens.length && tokens[t].end <= s.start) t++;
    const from = t;
    const starts: number[] = [];
    const ends: number[] = [];
    const pos: string[] = [];
    while (t < tokens.length && tokens[t].start < s.end) {
      const tok = tokens[t++];
      starts.push(tok.start);
      ends.push(tok.end);
      pos.push(tok.label);
    }
    if (t === from) continue;
    const quoted = new Uint8Array(t - from);
    for (let k = from; k < t; k++) {
      if (hasBlankLine(text, lastEnd, tokens[k].start)) inQuote = false;
      lastEnd = tokens[k].end;
      const word = raw[k];
      let flag = inQuote ? 1 : 0;
      // Quote marks are one-character tokens: skip the set lookups for longer ones.
      if (word.length === 1) {
        if (OPEN_QUOTES.has(word)) inQuote = true;
        else if (CLOSE_QUOTES.has(word)) inQuote = false;
        else if (TOGGLE_QUOTES.has(word)) inQuote = !inQuote;
      }
      if (inQuote) flag = 1;
      quoted[k - from] = flag;
    }
    views.push({ start: s.start, end: s.end, starts, ends, raws: raw.slice(from, t), lowers: lower.slice(from, t), pos, quoted, wordSource: words, firstToken: from });
  }
  return views;
}

/** True when a blank line (two newlines, maybe with spaces between) lies in text[from, to). */
function hasBlankLine(text: string, from: number, to: number): boolean {
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (++newlines === 2) return true;
    } else if (c !== 32 && c !== 9 && c !== 13) newlines = 0;
  }
  return false;
}
