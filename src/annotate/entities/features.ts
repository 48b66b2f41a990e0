import { fnv1a } from '../../learn/index.js';
import type { Lexicon } from './lexicon.js';

/**
 * Token features for the recogniser, in the spirit of Ratinov & Roth (2009): the word, its
 * lowercase form, shape, affixes, neighbours within ±2, gazetteer matches, and document-level
 * capitalisation evidence. Features are hashed straight to bucket indices; everything that
 * depends on the word alone is computed once per distinct word and memoised.
 */
export const FEATURES = {
  /** Affix lengths used as features. */
  prefixes: [1, 2, 3, 4],
  suffixes: [1, 2, 3, 4],
  /** Long shapes are cut to this length ("Xxxxxxxx" for long names). */
  maxShape: 6,
  /** Context window for neighbour words. */
  window: 2,
  /** Memo size cap: past it the cache is cleared (bounded memory on huge inputs). */
  maxCached: 200_000,
} as const;

/** Maps typographic quotes and dashes to the ASCII forms the training data uses. */
export function normalizeWord(word: string): string {
  if (/^[\x20-\x7e]*$/.test(word)) return word;
  return word
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/\u2026/g, '...');
}

/** Word shape: X for upper, x for lower, d for digit, other characters kept; cut to a length. */
export function wordShape(word: string, max: number = FEATURES.maxShape): string {
  let out = '';
  for (let i = 0; i < word.length && out.length < max; i++) out += shapeChar(word[i]);
  return out;
}

/** Short shape: runs of the same shape character collapsed ("Xx-Xx" for "al-Assad" → "x-Xx"). */
export function shortShape(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = shapeChar(word[i]);
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}

function shapeChar(c: string): string {
  if (c >= '0' && c <= '9') return 'd';
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  if (lower === upper) return c;
  return c === upper ? 'X' : 'x';
}

/** Mixes two 32-bit hashes into one (for conjunctions of memoised parts). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** What is known about one distinct word, computed once. */
interface WordInfo {
  /** Hashes of the word's own features. */
  self: number[];
  lower: string;
  /** Hash of the lowercase form (for neighbour and bigram features). */
  lowerHash: number;
  shortShapeHash: number;
  /** Starts with an upper-case letter. */
  capital: boolean;
  /** Has letters and all of them are upper case. */
  allCaps: boolean;
  alpha: boolean;
  /** Has an upper-case letter anywhere ("al-Nusra"). */
  hasUpper: boolean;
}

const CAPITAL = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
const HAS_UPPER = /\p{Lu}/u;

/** Per-document capitalisation evidence: for each lowercase form, how it was seen. */
export type DocContext = Map<string, number>;
const SEEN_CAPITAL_INSIDE = 1;
const SEEN_LOWER = 2;
const SEEN_ALLCAPS = 4;

/**
 * Builds the featuriser: `sentence(words, doc)` gives one array of bucket indices per word.
 *
 * @example
 * const f = new NerFeaturizer(lexicon(), 20);
 * const words = ['Kerry', 'met', 'Lavrov'];
 * f.sentence(words, f.documentContext([words]));
 */
export class NerFeaturizer {
  private readonly cache = new Map<string, WordInfo>();
  private readonly mask: number;
  private readonly salts: number[];

  constructor(
    readonly lexicon: Lexicon,
    readonly bits: number,
  ) {
    this.mask = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
    this.salts = ['w-2', 'w-1', 'w+1', 'w+2', 'big-', 'big+', 'sh3', 'docsh', 'sent', 'gz', 'first', 'sh-1', 'sh+1'].map((s) => fnv1a(s));
  }

  /** Document context: how each word form appears across all sentences of the document. */
  documentContext(sentences: readonly (readonly string[])[]): DocContext {
    const doc: DocContext = new Map();
    for (const words of sentences) {
      const upperSentence = isUpperSentence(words);
      words.forEach((raw, i) => {
        const info = this.info(normalizeWord(raw));
        if (!info.alpha) return;
        let flags = doc.get(info.lower) ?? 0;
        if (info.allCaps) flags |= SEEN_ALLCAPS;
        else if (info.capital) {
          if (i > 0 && !upperSentence) flags |= SEEN_CAPITAL_INSIDE;
        } else flags |= SEEN_LOWER;
        doc.set(info.lower, flags);
      });
    }
    return doc;
  }

  /** Bucket indices of every word's features in one sentence. */
  sentence(rawWords: readonly string[], doc: DocContext): Uint32Array[] {
    const n = rawWords.length;
    const infos = rawWords.map((w) => this.info(normalizeWord(w)));
    const gaz = this.gazetteerTags(infos);
    const caseClass = sentenceCase(infos);
    const S = this.salts;
    const out: Uint32Array[] = new Array(n);
    const buf: number[] = [];
    for (let i = 0; i < n; i++) {
      const me = infos[i];
      buf.length = 0;
      for (const h of me.self) buf.push(h);
      for (let o = -FEATURES.window; o <= FEATURES.window; o++) {
        if (o === 0) continue;
        const j = i + o;
        const salt = S[o < 0 ? o + 2 : o + 1];
        buf.push(mix(salt, j < 0 ? 1 : j >= n ? 2 : infos[j].lowerHash));
      }
      const prev = i > 0 ? infos[i - 1] : undefined;
      const next = i + 1 < n ? infos[i + 1] : undefined;
      buf.push(mix(S[4], mix(prev ? prev.lowerHash : 1, me.lowerHash)));
      buf.push(mix(S[5], mix(me.lowerHash, next ? next.lowerHash : 2)));
      buf.push(mix(S[6], mix(mix(prev ? prev.shortShapeHash : 1, me.shortShapeHash), next ? next.shortShapeHash : 2)));
      buf.push(mix(S[11], prev ? prev.shortShapeHash : 1));
      buf.push(mix(S[12], next ? next.shortShapeHash : 2));
      if (me.alpha) buf.push(mix(S[7], mix(doc.get(me.lower) ?? 0, me.shortShapeHash)));
      buf.push(mix(S[8], mix(caseClass, me.shortShapeHash)));
      if (i === 0) buf.push(mix(S[10], me.shortShapeHash));
      if (gaz[i]) {
        buf.push(mix(S[9], gaz[i]));
        buf.push(mix(S[9], mix(gaz[i], me.shortShapeHash)));
      }
      const hashed = new Uint32Array(buf.length);
      for (let k = 0; k < buf.length; k++) hashed[k] = buf[k] & this.mask;
      out[i] = hashed;
    }
    return out;
  }

  /** Features that depend on the word alone, memoised. */
  private info(word: string): WordInfo {
    let info = this.cache.get(word);
    if (info) return info;
    if (this.cache.size >= FEATURES.maxCached) this.cache.clear();
    const lower = word.toLowerCase();
    const shape = wordShape(word);
    const short = shortShape(word);
    const self = ['bias', `w=${word}`, `l=${lower}`, `sh=${shape}`, `ss=${short}`];
    for (const k of FEATURES.prefixes) if (word.length > k) self.push(`p${k}=${word.slice(0, k)}`);
    for (const k of FEATURES.suffixes) if (lower.length > k) self.push(`s${k}=${lower.slice(-k)}`);
    const lex = this.lexicon;
    if (lex.firstNames.has(word)) self.push('fn');
    if (lex.orgWords.has(word)) self.push('ow');
    if (lex.demonyms.has(word)) self.push('dem');
    if (word.includes('-')) for (const part of word.split('-')) if (part) self.push(`hp=${part.toLowerCase()}`);
    info = {
      self: self.map((f) => fnv1a(f)),
      lower,
      lowerHash: fnv1a(lower),
      shortShapeHash: fnv1a(short),
      capital: CAPITAL.test(word),
      allCaps: HAS_LETTER.test(word) && !HAS_LOWER.test(word),
      alpha: HAS_LETTER.test(word),
      hasUpper: HAS_UPPER.test(word),
    };
    this.cache.set(word, info);
    return info;
  }

  /**
   * Longest gazetteer match starting at each word; each covered word gets a hash of
   * "B-"/"I-" plus the list name (0 where nothing matched). A match must start capitalised.
   */
  private gazetteerTags(infos: readonly WordInfo[]): number[] {
    const tags = new Array<number>(infos.length).fill(0);
    for (let i = 0; i < infos.length; i++) {
      if (!infos[i].hasUpper) continue;
      const candidates = this.lexicon.gazetteer.get(infos[i].lower);
      if (!candidates) continue;
      let best: { length: number; list: string } | undefined;
      for (const entry of candidates) {
        const len = entry.tokens.length;
        if (i + len > infos.length || (best && best.length >= len)) continue;
        let ok = true;
        for (let k = 1; k < len && ok; k++) ok = infos[i + k].lower === entry.tokens[k];
        if (ok) best = { length: len, list: entry.list };
      }
      if (!best) continue;
      tags[i] = fnv1a(`B-${best.list}`);
      for (let k = 1; k < best.length; k++) tags[i + k] = fnv1a(`I-${best.list}`);
      i += best.length - 1;
    }
    return tags;
  }
}

/** A sentence in capitals (a CoNLL-style headline) or title case changes what capitals mean. */
function isUpperSentence(words: readonly string[]): boolean {
  let letters = 0;
  let upper = 0;
  for (const w of words) {
    if (!HAS_LETTER.test(w)) continue;
    letters++;
    if (!HAS_LOWER.test(w)) upper++;
  }
  return letters >= 2 && upper / letters > 0.6;
}

/** 1: mostly all-caps words; 2: mostly capitalised (title case); 3: ordinary. */
function sentenceCase(infos: readonly WordInfo[]): number {
  let letters = 0;
  let allCaps = 0;
  let capital = 0;
  for (const info of infos) {
    if (!info.alpha) continue;
    letters++;
    if (info.allCaps) allCaps++;
    else if (info.capital) capital++;
  }
  if (letters >= 2 && allCaps / letters > 0.6) return 1;
  if (letters >= 3 && (capital + allCaps) / letters > 0.7) return 2;
  return 3;
}
