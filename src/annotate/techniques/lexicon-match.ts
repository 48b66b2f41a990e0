import { LEXICON_CATEGORIES, type LexiconCategory } from './lexicons.js';

/** One lexicon hit over a token range [first, last] of a sentence. */
export interface LexiconHit {
  category: string;
  first: number;
  last: number;
  /** The lexicon entry that matched. */
  entry: string;
}

interface Phrase {
  words: string[];
  category: string;
  entry: string;
}

/** Splits an entry the way the tokenizer splits contractions ("don't" → "do n't"). */
export function entryWords(entry: string): string[] {
  return entry
    .replace(/n't\b/g, " n't")
    .replace(/'(s|re|ve|ll|d|m)\b/g, " '$1")
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * Finds lexicon entries in token sequences: single words by a map lookup, phrases by their
 * first word. Built once per process.
 */
export class LexiconIndex {
  private readonly single = new Map<string, string[]>();
  /** Multi-word entries by their first and second words (one or two map lookups per token). */
  private readonly phrases = new Map<string, Map<string, Phrase[]>>();
  readonly describe = new Map<string, string>();

  constructor(categories: readonly LexiconCategory[] = LEXICON_CATEGORIES) {
    for (const cat of categories) {
      this.describe.set(cat.name, cat.describe);
      for (const entry of cat.entries) {
        const ws = entryWords(entry.toLowerCase());
        if (ws.length === 1) {
          const list = this.single.get(ws[0]) ?? [];
          if (!list.includes(cat.name)) list.push(cat.name);
          this.single.set(ws[0], list);
        } else {
          const bySecond = this.phrases.get(ws[0]) ?? new Map<string, Phrase[]>();
          const list = bySecond.get(ws[1]) ?? [];
          list.push({ words: ws, category: cat.name, entry });
          bySecond.set(ws[1], list);
          this.phrases.set(ws[0], bySecond);
        }
      }
    }
  }

  /** Categories of a single lower-case word (empty when none). */
  categoriesOf(lower: string): readonly string[] {
    return this.single.get(lower) ?? NONE;
  }

  /** True when some multi-word entry starts with this lower-case word. */
  startsPhrase(lower: string): boolean {
    return this.phrases.has(lower);
  }

  /** Multi-word entries found in a sequence of lower-case words. */
  phraseHits(lowers: readonly string[]): LexiconHit[] {
    const hits: LexiconHit[] = [];
    for (let i = 0; i < lowers.length; i++) this.phrasesAt(lowers, i, hits);
    return hits;
  }

  /** Adds the multi-word entries that start at word i to `hits`. */
  phrasesAt(lowers: readonly string[], i: number, hits: LexiconHit[]): void {
    if (i + 1 >= lowers.length) return;
    const candidates = this.phrases.get(lowers[i])?.get(lowers[i + 1]);
    if (!candidates) return;
    for (const p of candidates) {
      let k = 2;
      while (k < p.words.length && lowers[i + k] === p.words[k]) k++;
      if (k === p.words.length) hits.push({ category: p.category, first: i, last: i + k - 1, entry: p.entry });
    }
  }

  /** All hits, single words and phrases, in a sequence of lower-case words. */
  hits(lowers: readonly string[]): LexiconHit[] {
    const hits = this.phraseHits(lowers);
    lowers.forEach((w, i) => {
      for (const category of this.categoriesOf(w)) hits.push({ category, first: i, last: i, entry: w });
    });
    return hits;
  }
}

const NONE: readonly string[] = [];
