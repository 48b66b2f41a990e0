import { fnv1a, type SparseRows } from '../../learn/index.js';
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
  /** Document flags shared by all case variants. */
  form: FormRecord;
  /** Hashes of this word as a neighbour at offsets -2, -1, +1, +2. */
  context: number[];
  /** Memoised score sums (own features, then each neighbour slot) for one weight array. */
  scores?: Float32Array;
  scoresFor?: SparseRows;
}

/** Slot of a neighbour offset: -2 → 0, -1 → 1, +1 → 2, +2 → 3. */
function offsetSlot(o: number): number {
  return o < 0 ? o + FEATURES.window : o + FEATURES.window - 1;
}

const CAPITAL = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
const HAS_UPPER = /\p{Lu}/u;

/**
 * Per-document capitalisation evidence: for each lowercase form, how it was seen. The flags
 * live on shared per-form records stamped with the document, so lookups need no hashing; a
 * context is valid until the featuriser's next `documentContext` call.
 */
export interface DocContext {
  readonly stamp: number;
  /** Word infos of the document's sentences, computed once. */
  readonly sentences: WordInfo[][];
  readonly words: readonly (readonly string[])[];
}

/** Shared by every case variant of a word: its document flags. */
interface FormRecord {
  stamp: number;
  flags: number;
}
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
  private readonly forms = new Map<string, FormRecord>();
  private stamp = 0;
  private readonly mask: number;
  private readonly salts: number[];
  /** Hashes standing for "no word" before the start and after the end, per slot. */
  private readonly edge: [number, number][];

  constructor(
    readonly lexicon: Lexicon,
    readonly bits: number,
  ) {
    this.mask = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
    this.salts = ['w-2', 'w-1', 'w+1', 'w+2', 'big-', 'big+', 'sh3', 'docsh', 'sent', 'gz', 'first', 'sh-1', 'sh+1'].map((s) => fnv1a(s));
    this.edge = [0, 1, 2, 3].map((slot) => [mix(this.salts[slot], 1), mix(this.salts[slot], 2)] as [number, number]);
  }

  /** Document context: how each word form appears across all sentences of the document. */
  documentContext(sentences: readonly (readonly string[])[]): DocContext {
    const stamp = ++this.stamp;
    const infos = sentences.map((words) => words.map((w) => this.info(w)));
    for (const sentence of infos) {
      const upperSentence = isUpperSentence(sentence);
      for (let i = 0; i < sentence.length; i++) {
        const info = sentence[i];
        if (!info.alpha) continue;
        const form = info.form;
        if (form.stamp !== stamp) {
          form.stamp = stamp;
          form.flags = 0;
        }
        if (info.allCaps) form.flags |= SEEN_ALLCAPS;
        else if (info.capital) {
          if (i > 0 && !upperSentence) form.flags |= SEEN_CAPITAL_INSIDE;
        } else form.flags |= SEEN_LOWER;
      }
    }
    return { stamp, sentences: infos, words: sentences };
  }

  /** The memoised infos of a sentence: from the document context when it is one of its own. */
  private infosOf(rawWords: readonly string[], doc: DocContext): WordInfo[] {
    if (doc.stamp !== this.stamp) throw new Error('stale document context: featurise one document at a time');
    const k = doc.words.indexOf(rawWords);
    return k >= 0 ? doc.sentences[k] : this.infosOf(rawWords, doc);
  }

  /** Bucket indices of every word's features in one sentence (for training). */
  sentence(rawWords: readonly string[], doc: DocContext): Uint32Array[] {
    const infos = this.infosOf(rawWords, doc);
    const conj = this.conjunctions(infos, doc);
    const n = infos.length;
    const out: Uint32Array[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const me = infos[i];
      const from = conj.starts[i];
      const to = conj.starts[i + 1];
      const hashed = new Uint32Array(me.self.length + 2 * FEATURES.window + to - from);
      let k = 0;
      for (const h of me.self) hashed[k++] = h & this.mask;
      for (let o = -FEATURES.window; o <= FEATURES.window; o++) {
        if (o === 0) continue;
        const j = i + o;
        hashed[k++] = (j < 0 || j >= n ? this.edge[offsetSlot(o)][j < 0 ? 0 : 1] : infos[j].context[offsetSlot(o)]) & this.mask;
      }
      for (let c = from; c < to; c++) hashed[k++] = conj.hashes[c] & this.mask;
      out[i] = hashed;
    }
    return out;
  }

  /**
   * Emission scores (n × tags) of one sentence, equal to summing the weight rows of
   * `sentence()`'s buckets but fast: each distinct word's own and neighbour-position
   * contributions are summed once and memoised, and weights come from a compact table.
   */
  emissionScores(rawWords: readonly string[], doc: DocContext, weights: SparseRows): Float64Array {
    const T = weights.classes;
    const values = weights.values;
    const infos = this.infosOf(rawWords, doc);
    const n = infos.length;
    const conj = this.conjunctions(infos, doc);
    const out = new Float64Array(n * T);
    for (let i = 0; i < n; i++) {
      const base = i * T;
      const mine = this.wordScores(infos[i], weights);
      for (let t = 0; t < T; t++) out[base + t] = mine[t];
      for (let o = -FEATURES.window; o <= FEATURES.window; o++) {
        if (o === 0) continue;
        const j = i + o;
        const slot = offsetSlot(o);
        if (j < 0 || j >= n) {
          const at = weights.offset(this.edge[slot][j < 0 ? 0 : 1] & this.mask);
          if (at >= 0) for (let t = 0; t < T; t++) out[base + t] += values[at + t];
        } else {
          const theirs = this.wordScores(infos[j], weights);
          const at = (1 + slot) * T;
          for (let t = 0; t < T; t++) out[base + t] += theirs[at + t];
        }
      }
      for (let k = conj.starts[i]; k < conj.starts[i + 1]; k++) {
        const at = weights.offset(conj.hashes[k] & this.mask);
        if (at >= 0) for (let t = 0; t < T; t++) out[base + t] += values[at + t];
      }
    }
    return out;
  }

  /** Memoised per-word sums: own features, then the word seen at each neighbour offset. */
  private wordScores(info: WordInfo, weights: SparseRows): Float32Array {
    if (info.scores && info.scoresFor === weights) return info.scores;
    const T = weights.classes;
    const values = weights.values;
    const slots = 2 * FEATURES.window;
    const scores = new Float32Array((1 + slots) * T);
    for (const h of info.self) {
      const at = weights.offset(h & this.mask);
      if (at >= 0) for (let t = 0; t < T; t++) scores[t] += values[at + t];
    }
    for (let s = 0; s < slots; s++) {
      const at = weights.offset(info.context[s] & this.mask);
      if (at >= 0) for (let t = 0; t < T; t++) scores[(1 + s) * T + t] = values[at + t];
    }
    info.scores = scores;
    info.scoresFor = weights;
    return scores;
  }

  /** Features that combine a word with its neighbours, its sentence or its document. */
  private conjunctions(infos: readonly WordInfo[], doc: DocContext): { hashes: number[]; starts: Int32Array } {
    const n = infos.length;
    const gaz = this.gazetteerTags(infos);
    const caseClass = sentenceCase(infos);
    const S = this.salts;
    const hashes: number[] = [];
    const starts = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      starts[i] = hashes.length;
      const me = infos[i];
      const prev = i > 0 ? infos[i - 1] : undefined;
      const next = i + 1 < n ? infos[i + 1] : undefined;
      hashes.push(
        mix(S[4], mix(prev ? prev.lowerHash : 1, me.lowerHash)),
        mix(S[5], mix(me.lowerHash, next ? next.lowerHash : 2)),
        mix(S[6], mix(mix(prev ? prev.shortShapeHash : 1, me.shortShapeHash), next ? next.shortShapeHash : 2)),
        mix(S[11], prev ? prev.shortShapeHash : 1),
        mix(S[12], next ? next.shortShapeHash : 2),
        mix(S[8], mix(caseClass, me.shortShapeHash)),
      );
      if (me.alpha) hashes.push(mix(S[7], mix(me.form.stamp === doc.stamp ? me.form.flags : 0, me.shortShapeHash)));
      if (i === 0) hashes.push(mix(S[10], me.shortShapeHash));
      if (gaz[i]) hashes.push(mix(S[9], gaz[i]), mix(S[9], mix(gaz[i], me.shortShapeHash)));
    }
    starts[n] = hashes.length;
    return { hashes, starts };
  }

  /** Features that depend on the word alone, memoised. */
  private info(raw: string): WordInfo {
    let info = this.cache.get(raw);
    if (info) return info;
    if (this.cache.size >= FEATURES.maxCached) this.cache.clear();
    const word = normalizeWord(raw);
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
      form: this.formOf(lower),
      context: [0, 1, 2, 3].map((slot) => mix(this.salts[slot], fnv1a(lower))),
    };
    this.cache.set(raw, info);
    return info;
  }

  private formOf(lower: string): FormRecord {
    let form = this.forms.get(lower);
    if (!form) {
      if (this.forms.size >= FEATURES.maxCached) this.forms.clear();
      this.forms.set(lower, (form = { stamp: 0, flags: 0 }));
    }
    return form;
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

/** A sentence in capitals (a CoNLL-style headline) changes what capitals mean. */
function isUpperSentence(infos: readonly WordInfo[]): boolean {
  let letters = 0;
  let upper = 0;
  for (const info of infos) {
    if (!info.alpha) continue;
    letters++;
    if (info.allCaps) upper++;
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
