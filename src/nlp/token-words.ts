import type { Span } from '../model/index.js';
import type { WordTable } from './word-table.js';

/**
 * Word ids of the tokens the nlp stage made: each token's id in one shared word table (the
 * part-of-speech tagger's, which hashes every token anyway), so later stages can key their
 * per-word memos by a small integer instead of slicing, hashing and comparing the token text
 * again. Ids are dense and stable while the table's generation stays the same.
 *
 * @example
 * const { tokens } = tokenize(text);
 * const words = tokenWords(text, tokens);
 * if (words) words.table.word(words.ids[0]); // the first token's text, as one shared string
 */
export interface TokenWords {
  /** Per token: its id in `table`, or -1 (an overlong run the tagger did not see). */
  readonly ids: Int32Array;
  /** Per token: its start and end offsets (the same as the spans', as columns). */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly table: WordTable;
  /** The table generation the ids belong to. */
  readonly generation: number;
}

interface Entry extends TokenWords {
  readonly text: string;
}

/** Keyed by the token layer itself: the ids live as long as the tokens and are never serialised. */
const byTokens = new WeakMap<readonly Span[], Entry>();

/** Records the word ids of a token layer made from `text` (called by `tokenize`). */
export function recordTokenWords(text: string, tokens: readonly Span[], ids: Int32Array, starts: Int32Array, ends: Int32Array, table: WordTable, generation: number): void {
  byTokens.set(tokens, { text, ids, starts, ends, table, generation });
}

/**
 * The word ids of `tokens` when this process's nlp stage made them from `text` and the word
 * table has not started afresh since; undefined otherwise (tokens read back from a store, made
 * by hand, or with wink): callers then fall back to the token text.
 */
export function tokenWords(text: string, tokens: readonly Span[]): TokenWords | undefined {
  const entry = byTokens.get(tokens);
  if (!entry || entry.ids.length !== tokens.length || entry.table.generation !== entry.generation || entry.text !== text) return undefined;
  return entry;
}
