import { fnv1a, type SparseRows } from '../../learn/index.js';
import type { GazetteerEntry, Lexicon } from './lexicon.js';
import type { WordStats } from './word-stats.js';
import type { WordTable as NlpWordTable } from '../../nlp/word-table.js';

/**
 * Ids of a document's words in the nlp stage's word table (see nlp/token-words.ts): per
 * sentence, per word, the id when the word is that single token unchanged, else -1.
 */
export interface NlpWordIds {
  table: NlpWordTable;
  generation: number;
  /** One array per sentence of `documentContext`'s input (undefined: look every word up by text). */
  ids: readonly (Int32Array | undefined)[];
}

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
  /** Small-domain score memo: 2^bits slots, cleared when half full (a few thousand keys in practice). */
  smallMemoBits: 16,
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

/** FNV-1a of `str[from, to)` continuing from `seed` (= fnv1a(str.slice(from, to), seed)). */
function fnvRange(str: string, from: number, to: number, seed: number): number {
  let h = seed >>> 0;
  for (let i = from; i < to; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hash states after each feature template's prefix (see `info`). */
const SEEDS = {
  bias: fnv1a('bias'),
  w: fnv1a('w='),
  l: fnv1a('l='),
  sh: fnv1a('sh='),
  ss: fnv1a('ss='),
  prefix: Object.fromEntries(FEATURES.prefixes.map((k) => [k, fnv1a(`p${k}=`)])) as Record<number, number>,
  suffix: Object.fromEntries(FEATURES.suffixes.map((k) => [k, fnv1a(`s${k}=`)])) as Record<number, number>,
  fn: fnv1a('fn'),
  ow: fnv1a('ow'),
  dem: fnv1a('dem'),
  unseen: fnv1a('ws=unseen'),
  unseenShape: fnv1a('ws=unseen|'),
  hp: fnv1a('hp='),
} as const;

/** `shapeChar` of `word[i]` as a character code. */
function shapeCode(word: string, i: number): number {
  const code = word.charCodeAt(i);
  if (code < 128) {
    if (code >= 48 && code <= 57) return 100; // d
    if (code >= 65 && code <= 90) return 88; // X
    if (code >= 97 && code <= 122) return 120; // x
    return code;
  }
  return shapeChar(word[i]).charCodeAt(0);
}

function shapeChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 128) {
    // ASCII without case conversions: digits, upper, lower; anything else is kept.
    if (code >= 48 && code <= 57) return 'd';
    if (code >= 65 && code <= 90) return 'X';
    if (code >= 97 && code <= 122) return 'x';
    return c;
  }
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

/** Slot of a neighbour offset: -2 → 0, -1 → 1, +1 → 2, +2 → 3. */
function offsetSlot(o: number): number {
  return o < 0 ? o + FEATURES.window : o + FEATURES.window - 1;
}

const CAPITAL = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
const HAS_UPPER = /\p{Lu}/u;

/** Letter classes of a word (bit flags): a letter, an upper-case and a lower-case one anywhere, an upper-case first character. */
const LETTER = 1;
const UPPER = 2;
const LOWER = 4;
const FIRST_UPPER = 8;

/** The letter classes of a word: a character loop for ASCII words, the Unicode classes otherwise. */
function letterClasses(word: string): number {
  let out = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c > 127) {
      return (HAS_LETTER.test(word) ? LETTER : 0) | (HAS_UPPER.test(word) ? UPPER : 0) | (HAS_LOWER.test(word) ? LOWER : 0) | (CAPITAL.test(word) ? FIRST_UPPER : 0);
    }
    if (c >= 65 && c <= 90) out |= i === 0 ? LETTER | UPPER | FIRST_UPPER : LETTER | UPPER;
    else if (c >= 97 && c <= 122) out |= LETTER | LOWER;
  }
  return out;
}

/** FNV-1a's offset basis (the seed of `fnv1a`). */
const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a of the first `length` character codes (= fnv1a of the string they spell). */
function fnvCodes(codes: Int32Array, length: number, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < length; i++) {
    h ^= codes[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Per-document capitalisation evidence: for each lowercase form, how it was seen. The flags
 * live in per-form slots stamped with the document, so lookups need no hashing; a context is
 * valid until the featuriser's next `documentContext` call.
 */
export interface DocContext {
  readonly stamp: number;
  /** Word ids (see `NerFeaturizer`) of the document's sentences, looked up once. */
  readonly sentences: Int32Array[];
  readonly words: readonly (readonly string[])[];
  /** Case class of each sentence (see `sentenceCase`), computed once for the context and every scoring pass. */
  readonly cases: Uint8Array;
}

const SEEN_CAPITAL_INSIDE = 1;
const SEEN_LOWER = 2;
const SEEN_ALLCAPS = 4;
/** Aggregated left-context cues of a form's other occurrences (bits above the case flags). */
const CUE_TITLE = 8;
const CUE_PLACE = 16;
const CUE_SAID = 32;
const AFTER_SAID = 64;
const IN_CAPITAL_RUN = 128;
const CASE_FLAGS = 7;
/** The context-cue bits (CUE_TITLE .. IN_CAPITAL_RUN). */
const CUE_FLAGS = 0xf8;
/**
 * Prediction aggregation (Ratinov & Roth's two-stage model): the first-pass types of the
 * form's capitalised occurrences in the document (bits PRED_SHIFT and up: PER, ORG, LOC,
 * MISC, O), set only when `documentContext` is given first-pass tags.
 */
const PRED_SHIFT = 8;
const PRED_BITS: Record<string, number> = { PER: 1 << PRED_SHIFT, ORG: 2 << PRED_SHIFT, LOC: 4 << PRED_SHIFT, MISC: 8 << PRED_SHIFT, O: 16 << PRED_SHIFT };
/** `PRED_BITS` of a BIO tag's type, memoised by tag (a handful of shared strings: no slice per word). */
function predBits(tag: string): number {
  let bits = PRED_BITS_OF_TAG.get(tag);
  if (bits === undefined) PRED_BITS_OF_TAG.set(tag, (bits = PRED_BITS[tag === 'O' ? 'O' : tag.slice(2)] ?? 0));
  return bits;
}

const PRED_BITS_OF_TAG = new Map<string, number>();

/** Words that cue what follows them. */
const CUES = new Map<string, number>(Object.entries({
  mr: CUE_TITLE, mrs: CUE_TITLE, ms: CUE_TITLE, dr: CUE_TITLE, president: CUE_TITLE, minister: CUE_TITLE,
  in: CUE_PLACE, at: CUE_PLACE, from: CUE_PLACE, near: CUE_PLACE,
  said: CUE_SAID, says: CUE_SAID, told: CUE_SAID, added: CUE_SAID,
}));

/**
 * Each distinct word has an id and a record of HOT int32 slots in one typed array: what every
 * token reads (hashes, letter-class bits, form, memoised score offset) sits in half a cache
 * line, not spread over objects. Slot indices:
 */
const HOT = 8;
/** Hash of the lowercase form (neighbour and bigram features). */
const H_LOWER = 0;
/** Hash of the short shape. */
const H_SHORT = 1;
/** W_* bits, and the context cue this word gives the next one (bits CUE_SHIFT and up). */
const H_BITS = 2;
/** Id of the lowercase form (its document flags are shared by all case variants). */
const H_FORM = 3;
/** Offset of the memoised score sums in the score table, valid while H_SCORES_GEN is the table's generation. */
const H_SCORES_AT = 4;
const H_SCORES_GEN = 5;
/** Has letters. */
const W_ALPHA = 1;
/** Starts with an upper-case letter. */
const W_CAPITAL = 2;
/** Has letters and all of them are upper case. */
const W_ALLCAPS = 4;
/** Has gazetteer phrases starting with it (only words with an upper-case letter). */
const W_GAZ = 8;
const CUE_SHIFT = 8;

/**
 * Builds the featuriser: `sentence(words, doc)` gives one array of bucket indices per word.
 *
 * @example
 * const f = new NerFeaturizer(lexicon(), 20);
 * const words = ['Kerry', 'met', 'Lavrov'];
 * f.sentence(words, f.documentContext([words]));
 */
export class NerFeaturizer {
  /** Word → id (ids are dense: 0, 1, 2, ...). */
  private readonly cache = new WordTable<number>();
  /** Per word id: HOT slots (see H_*). */
  private hot = new Int32Array(HOT * 1024);
  /** Per word id: hashes of the word's own features (read when its scores are first summed). */
  private selfOf: number[][] = [];
  /** Per word id: the lowercase form (gazetteer matching). */
  private lowerOf: string[] = [];
  /** Per word id: gazetteer phrases starting with the word (only where W_GAZ is set). */
  private gazOf: (readonly GazetteerEntry[] | undefined)[] = [];
  /** Lowercase form → form id; per form id the document stamp and flags. */
  private readonly forms = new Map<string, number>();
  private formStamp = new Int32Array(1024);
  private formFlags = new Int32Array(1024);
  private stamp = 0;
  private smallMemo?: ScoreMemo;
  private smallFor?: SparseRows;
  private readonly mask: number;
  private readonly salts: number[];
  /** Hashes standing for "no word" before the start and after the end, per slot. */
  private readonly edge: [number, number][];

  constructor(
    readonly lexicon: Lexicon,
    readonly bits: number,
    /** Capitalisation ratios and word clusters from unlabelled text (optional). */
    readonly wordStats?: WordStats,
  ) {
    this.mask = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
    this.salts = ['w-2', 'w-1', 'w+1', 'w+2', 'big-', 'big+', 'sh3', 'docsh', 'sent', 'gz', 'first', 'sh-1', 'sh+1', 'pred'].map((s) => fnv1a(s));
    this.edge = [0, 1, 2, 3].map((slot) => [mix(this.salts[slot], 1), mix(this.salts[slot], 2)] as [number, number]);
  }

  /**
   * Document context: how each word form appears across all sentences of the document. With
   * `nlp`, words that have an id in the nlp word table are looked up by it (no hashing).
   */
  documentContext(sentences: readonly (readonly string[])[], nlp?: NlpWordIds, predicted?: readonly (readonly string[] | undefined)[]): DocContext {
    const stamp = ++this.stamp;
    this.makeRoom(sentences);
    const ids = nlp ? this.idsByNlp(sentences, nlp) : this.idsByText(sentences);
    const hot = this.hot;
    const formStamp = this.formStamp;
    const formFlags = this.formFlags;
    const cases = new Uint8Array(ids.length);
    for (let s = 0; s < ids.length; s++) {
      const sentence = ids[s];
      const tags = predicted?.[s];
      cases[s] = sentenceCase(hot, sentence);
      // Capitals in headlines (all caps or title case) say nothing about a word.
      const upperSentence = cases[s] !== ORDINARY_CASE;
      const n = sentence.length;
      for (let i = 0; i < n; i++) {
        const at = sentence[i] * HOT;
        const bits = hot[at + H_BITS];
        if ((bits & W_ALPHA) === 0) continue;
        const form = hot[at + H_FORM];
        let flags = formStamp[form] === stamp ? formFlags[form] : 0;
        formStamp[form] = stamp;
        if (bits & W_CAPITAL && i > 0) {
          // Context aggregation (Ratinov & Roth): how other occurrences are introduced.
          const prev = hot[sentence[i - 1] * HOT + H_BITS];
          flags |= prev >> CUE_SHIFT;
          const next = i + 1 < n ? hot[sentence[i + 1] * HOT + H_BITS] : 0;
          if ((next >> CUE_SHIFT) & CUE_SAID) flags |= AFTER_SAID;
          if (next & W_CAPITAL || prev & W_CAPITAL) flags |= IN_CAPITAL_RUN;
        }
        if (tags && bits & W_CAPITAL) flags |= predBits(tags[i]);
        if (bits & W_ALLCAPS) flags |= SEEN_ALLCAPS;
        else if (bits & W_CAPITAL) {
          if (i > 0 && !upperSentence) flags |= SEEN_CAPITAL_INSIDE;
        } else flags |= SEEN_LOWER;
        formFlags[form] = flags;
      }
    }
    return { stamp, sentences: ids, words: sentences, cases };
  }

  /**
   * Starts the word memo afresh when this document could take it past its cap (between
   * documents only, so a document's word and form ids stay valid while it is featurised).
   */
  private makeRoom(sentences: readonly (readonly string[])[]): void {
    if (this.cache.size === 0 || this.cache.size + wordCount(sentences) <= FEATURES.maxCached) return;
    this.cache.clear();
    this.selfOf = [];
    this.lowerOf = [];
    this.gazOf = [];
    this.forms.clear();
    this.formStamp.fill(0);
    this.nlpMap.fill(0);
    // Memoised score offsets of the old ids are stale: a new generation makes them recompute.
    this.resetTable(this.tableFor);
  }

  /** Word ids of a document's sentences, by text. */
  private idsByText(sentences: readonly (readonly string[])[]): Int32Array[] {
    const out: Int32Array[] = new Array(sentences.length);
    // One array for the document, a view per sentence (one allocation, not one per sentence).
    const flat = new Int32Array(wordCount(sentences));
    let at = 0;
    for (let s = 0; s < sentences.length; s++) {
      const words = sentences[s];
      const ids = flat.subarray(at, (at += words.length));
      for (let i = 0; i < words.length; i++) ids[i] = this.wordId(words[i]);
      out[s] = ids;
    }
    return out;
  }

  /** Per nlp word id: this featuriser's word id + 1 (0: not seen yet). */
  private nlpMap = new Int32Array(0);
  private nlpTable?: NlpWordTable;
  private nlpGeneration = -1;

  /** Word ids of a document's sentences, by nlp word id where there is one. */
  private idsByNlp(sentences: readonly (readonly string[])[], nlp: NlpWordIds): Int32Array[] {
    if (nlp.table !== this.nlpTable || nlp.generation !== this.nlpGeneration) {
      this.nlpMap.fill(0);
      this.nlpTable = nlp.table;
      this.nlpGeneration = nlp.generation;
    }
    if (this.nlpMap.length < nlp.table.size) {
      const grown = new Int32Array(Math.max(2 * this.nlpMap.length, nlp.table.size, 4096));
      grown.set(this.nlpMap);
      this.nlpMap = grown;
    }
    const map = this.nlpMap;
    const out: Int32Array[] = new Array(sentences.length);
    const flat = new Int32Array(wordCount(sentences));
    let at = 0;
    for (let s = 0; s < sentences.length; s++) {
      const words = sentences[s];
      const nlpIds = nlp.ids[s];
      const ids = flat.subarray(at, (at += words.length));
      for (let i = 0; i < words.length; i++) {
        const nlpId = nlpIds ? nlpIds[i] : -1;
        if (nlpId < 0 || nlpId >= map.length) {
          ids[i] = this.wordId(words[i]);
          continue;
        }
        let id = map[nlpId] - 1;
        if (id < 0) map[nlpId] = (id = this.wordId(words[i])) + 1;
        ids[i] = id;
      }
      out[s] = ids;
    }
    return out;
  }

  /**
   * Whether a capitalised word of the sentence has first-pass tags of more than one kind among
   * its form's occurrences in the document (needs a context made with first-pass tags).
   */
  hasConflict(rawWords: readonly string[], doc: DocContext): boolean {
    const ids = this.idsOf(rawWords, doc);
    const hot = this.hot;
    for (let i = 0; i < ids.length; i++) {
      const at = ids[i] * HOT;
      if ((hot[at + H_BITS] & W_CAPITAL) === 0) continue;
      const form = hot[at + H_FORM];
      if (this.formStamp[form] !== doc.stamp) continue;
      const pred = this.formFlags[form] >> PRED_SHIFT;
      if (pred & (pred - 1)) return true;
    }
    return false;
  }

  /** The word ids of a sentence: from the document context when it is one of its own. */
  private idsOf(rawWords: readonly string[], doc: DocContext): Int32Array {
    if (doc.stamp !== this.stamp) throw new Error('stale document context: featurise one document at a time');
    // Sentences are usually featurised in order: try the one after the last first.
    let k = this.lastSentence + 1;
    if (doc.words[k] !== rawWords) k = doc.words.indexOf(rawWords);
    if (k < 0) throw new Error('the sentence is not one of the document context\'s sentences');
    this.lastSentence = k;
    return doc.sentences[k];
  }

  private lastSentence = -1;

  /** Hash of word `id` seen as a neighbour in slot s (offsets -2, -1, +1, +2 → 0..3). */
  private contextHash(id: number, slot: number): number {
    return mix(this.salts[slot], this.hot[id * HOT + H_LOWER]);
  }

  /** Bucket indices of every word's features in one sentence (for training). */
  sentence(rawWords: readonly string[], doc: DocContext): Uint32Array[] {
    const ids = this.idsOf(rawWords, doc);
    const conj = this.conjunctions(ids, doc);
    const n = ids.length;
    const out: Uint32Array[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const self = this.selfOf[ids[i]];
      const from = conj.starts[i];
      const to = conj.starts[i + 1];
      const hashed = new Uint32Array(self.length + 2 * FEATURES.window + to - from);
      let k = 0;
      for (const h of self) hashed[k++] = h & this.mask;
      for (let o = -FEATURES.window; o <= FEATURES.window; o++) {
        if (o === 0) continue;
        const j = i + o;
        hashed[k++] = (j < 0 || j >= n ? this.edge[offsetSlot(o)][j < 0 ? 0 : 1] : this.contextHash(ids[j], offsetSlot(o))) & this.mask;
      }
      for (let c = from; c < to; c++) hashed[k++] = conj.hashes[c] & this.mask;
      out[i] = hashed;
    }
    return out;
  }

  /**
   * Emission scores (n × tags) of one sentence, equal to summing the weight rows of
   * `sentence()`'s buckets but fast: each distinct word's own and neighbour-position
   * contributions are summed once and memoised, the small-domain conjunctions are summed once
   * per key (their hashes are only built on a memo miss), and weights come from a compact
   * table. The additions happen in the same order as before, so scores are bit-identical.
   */
  emissionScores(rawWords: readonly string[], doc: DocContext, weights: SparseRows): Float64Array {
    return this.emissionScoresInto(rawWords, doc, weights, new Float64Array(rawWords.length * weights.classes));
  }

  /** `emissionScores` into a caller's buffer (at least n × tags long, reused across sentences); returns it. */
  emissionScoresInto(rawWords: readonly string[], doc: DocContext, weights: SparseRows, out: Float64Array): Float64Array {
    const T = weights.classes;
    const values = weights.values;
    const ids = this.idsOf(rawWords, doc);
    const n = ids.length;
    const gaz = this.gazetteerTags(ids);
    const hot = this.hot;
    // `idsOf` has just found the sentence: its case class was computed with the context.
    const caseClass = doc.cases[this.lastSentence];
    const memo = this.smallMemoFor(weights);
    const wide = this.scratch;
    // Each word's memoised sums, looked up once (not once per neighbour): offsets into one table.
    if (this.rowScratch.length < n) this.rowScratch = new Int32Array(2 * n);
    const rows = this.rowScratch;
    for (let i = 0; i < n; i++) rows[i] = this.wordScores(ids[i], weights);
    // Neighbour rows past either end of the sentence (after the words: the table may have grown).
    const edges = this.edgeRows(weights);
    const table = this.table;
    const S = this.salts;
    const mask = this.mask;
    const hits = this.hitScratch;
    const formStamp = this.formStamp;
    const formFlags = this.formFlags;
    const stamp = doc.stamp;
    // Hash of the (previous, current) lowercase pair: word i's "big-" and word i-1's "big+" share it.
    let pair = mix(1, n ? hot[ids[0] * HOT + H_LOWER] : 0);
    let prevShape = 1;
    let meAt = n ? ids[0] * HOT : 0;
    for (let i = 0; i < n; i++) {
      const base = i * T;
      const nextAt = i + 1 < n ? ids[i + 1] * HOT : -1;
      const lower = hot[meAt + H_LOWER];
      const shape = hot[meAt + H_SHORT];
      const bits = hot[meAt + H_BITS];
      // Own sums, then the word seen at offsets -2, -1, +1, +2 (slots 0..3 of its block).
      const own = rows[i];
      const m2 = i >= 2 ? rows[i - 2] + T : edges[0];
      const m1 = i >= 1 ? rows[i - 1] + 2 * T : edges[1];
      const p1 = i + 1 < n ? rows[i + 1] + 3 * T : edges[2];
      const p2 = i + 2 < n ? rows[i + 2] + 4 * T : edges[3];
      // Wide-domain conjunctions (as `wideHashes`): word bigrams, then gazetteer tags.
      let hitCount = 0;
      const nextPair = nextAt >= 0 ? mix(lower, hot[nextAt + H_LOWER]) : mix(lower, 2);
      let at = weights.offset(mix(S[4], pair) & mask);
      if (at >= 0) hits[hitCount++] = at;
      at = weights.offset(mix(S[5], nextPair) & mask);
      if (at >= 0) hits[hitCount++] = at;
      pair = nextPair;
      const g = gaz[i];
      if (g) {
        at = weights.offset(mix(S[9], g) & mask);
        if (at >= 0) hits[hitCount++] = at;
        at = weights.offset(mix(S[9], mix(g, shape)) & mask);
        if (at >= 0) hits[hitCount++] = at;
      }
      // The small-domain features depend only on these: memoise their summed scores by them.
      let flags = -1;
      if (bits & W_ALPHA) {
        const form = hot[meAt + H_FORM];
        const f = formStamp[form] === stamp ? formFlags[form] : 0;
        flags = bits & W_CAPITAL && f > CASE_FLAGS ? f : f & CASE_FLAGS;
      }
      const nextShape = nextAt >= 0 ? hot[nextAt + H_SHORT] : 2;
      const small = ((flags + 1) << 3) | (caseClass << 1) | (i === 0 ? 1 : 0);
      let memoAt = memo.find(prevShape, shape, nextShape, small);
      if (memoAt < 0) {
        wide.length = 0;
        this.smallHashes(ids, i, caseClass, flags, wide);
        memoAt = memo.add(prevShape, shape, nextShape, small);
        const sums = memo.values;
        for (let k = 0; k < wide.length; k++) {
          const w = weights.offset(wide[k] & mask);
          if (w >= 0) for (let t = 0; t < T; t++) sums[memoAt + t] += values[w + t];
        }
      }
      const sums = memo.values;
      // One pass per class, adding in the same order as one loop per row would (own, the four
      // neighbours, the wide rows, the small-domain sum): float64 sums, so bit-identical.
      if (hitCount === 0) {
        for (let t = 0; t < T; t++) out[base + t] = table[own + t] + table[m2 + t] + table[m1 + t] + table[p1 + t] + table[p2 + t] + sums[memoAt + t];
      } else {
        for (let t = 0; t < T; t++) out[base + t] = table[own + t] + table[m2 + t] + table[m1 + t] + table[p1 + t] + table[p2 + t];
        for (let k = 0; k < hitCount; k++) {
          const w = hits[k];
          for (let t = 0; t < T; t++) out[base + t] += values[w + t];
        }
        for (let t = 0; t < T; t++) out[base + t] += sums[memoAt + t];
      }
      prevShape = shape;
      meAt = nextAt;
    }
    return out;
  }

  /** Scratch weight-row offsets of one word's wide-domain features (at most four). */
  private readonly hitScratch = new Int32Array(4);
  private edgesGen = 0;
  private readonly edgeAt = new Int32Array(4);

  /**
   * Table offsets of the rows for "no word" at offsets -2, -1 (before the start) and +1, +2
   * (after the end): the weights of the edge features, or zeros where a feature has no weights
   * (adding +0 changes no sum). Made once per table generation.
   */
  private edgeRows(weights: SparseRows): Int32Array {
    if (this.edgesGen === this.tableGen) return this.edgeAt;
    const T = weights.classes;
    const sides = [0, 0, 1, 1];
    const at = this.allocate(4 * T);
    for (let slot = 0; slot < 4; slot++) {
      const row = at + slot * T;
      const w = weights.offset(this.edge[slot][sides[slot]] & this.mask);
      if (w >= 0) for (let t = 0; t < T; t++) this.table[row + t] = weights.values[w + t];
      this.edgeAt[slot] = row;
    }
    this.edgesGen = this.tableGen;
    return this.edgeAt;
  }

  /** Scratch per-word offsets into the score table, reused across sentences. */
  private rowScratch = new Int32Array(0);
  /**
   * Every memoised word's score sums in one typed array (contiguous, no per-word objects):
   * `(1 + 2 * window) * classes` floats per word. A new weight table or a cleared word cache
   * starts a new generation (older offsets are stale).
   */
  private table = new Float32Array(0);
  private tableUsed = 0;
  private tableGen = 1;
  private tableFor?: SparseRows;

  /** Scratch list of hashes, reused across words (no per-word allocation). */
  private readonly scratch: number[] = [];

  /** The small-domain score memo for one weight table (cleared when the table changes). */
  private smallMemoFor(weights: SparseRows): ScoreMemo {
    if (this.smallFor !== weights || !this.smallMemo || this.smallMemo.classes !== weights.classes) {
      this.smallMemo = new ScoreMemo(weights.classes, FEATURES.smallMemoBits);
      this.smallFor = weights;
    }
    return this.smallMemo;
  }

  /** Memoised per-word sums (own features, then the word seen at each neighbour offset): their offset in the score table. */
  private wordScores(id: number, weights: SparseRows): number {
    if (this.tableFor !== weights) this.resetTable(weights);
    const at = id * HOT;
    if (this.hot[at + H_SCORES_GEN] === this.tableGen) return this.hot[at + H_SCORES_AT];
    const T = weights.classes;
    const values = weights.values;
    const slots = 2 * FEATURES.window;
    const size = (1 + slots) * T;
    const row = this.allocate(size);
    const scores = this.table;
    // Float32 sums in the same order as ever, so scores are bit-identical.
    for (const h of this.selfOf[id]) {
      const w = weights.offset(h & this.mask);
      if (w >= 0) for (let t = 0; t < T; t++) scores[row + t] += values[w + t];
    }
    for (let s = 0; s < slots; s++) {
      const w = weights.offset(this.contextHash(id, s) & this.mask);
      if (w >= 0) for (let t = 0; t < T; t++) scores[row + (1 + s) * T + t] = values[w + t];
    }
    this.hot[at + H_SCORES_AT] = row;
    this.hot[at + H_SCORES_GEN] = this.tableGen;
    return row;
  }

  /** Reserves `size` zeroed floats at the end of the score table (growing it); returns their offset. */
  private allocate(size: number): number {
    if (this.tableUsed + size > this.table.length) {
      const grown = new Float32Array(Math.max(2 * this.table.length, 1024 * size, this.tableUsed + size));
      grown.set(this.table.subarray(0, this.tableUsed));
      this.table = grown;
    }
    const row = this.tableUsed;
    this.tableUsed += size;
    return row;
  }

  /** Starts a new score-table generation (empty, zeroed) for `weights`. */
  private resetTable(weights: SparseRows | undefined): void {
    this.table.fill(0, 0, this.tableUsed);
    this.tableUsed = 0;
    this.tableGen++;
    this.tableFor = weights;
  }

  /**
   * Features that combine a word with its neighbours, its sentence or its document. Per word:
   * `hashes[starts[i] .. mids[i])` are wide-domain (word bigrams, gazetteer), and
   * `hashes[mids[i] .. starts[i+1])` depend only on shapes, case class and document flags, a
   * small domain (so their summed scores can be memoised by those inputs).
   */
  private conjunctions(ids: Int32Array, doc: DocContext): { hashes: number[]; starts: Int32Array; mids: Int32Array } {
    const n = ids.length;
    const gaz = this.gazetteerTags(ids);
    const caseClass = sentenceCase(this.hot, ids);
    const hashes: number[] = [];
    const starts = new Int32Array(n + 1);
    const mids = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      starts[i] = hashes.length;
      this.wideHashes(ids, i, gaz, hashes);
      mids[i] = hashes.length;
      this.smallHashes(ids, i, caseClass, this.docFlags(ids[i], doc), hashes);
    }
    starts[n] = hashes.length;
    return { hashes, starts, mids };
  }

  /**
   * Document flags of a word as its small-domain features see them: -1 for words without
   * letters; the case flags; and the context cues too for capitalised words that have them.
   */
  private docFlags(id: number, doc: DocContext): number {
    const bits = this.hot[id * HOT + H_BITS];
    if ((bits & W_ALPHA) === 0) return -1;
    const form = this.hot[id * HOT + H_FORM];
    const flags = this.formStamp[form] === doc.stamp ? this.formFlags[form] : 0;
    return bits & W_CAPITAL && flags > CASE_FLAGS ? flags : flags & CASE_FLAGS;
  }

  /** Wide-domain conjunctions of word i: word bigrams and gazetteer tags. */
  private wideHashes(ids: Int32Array, i: number, gaz: Int32Array, out: number[]): void {
    const S = this.salts;
    const hot = this.hot;
    const me = hot[ids[i] * HOT + H_LOWER];
    const prev = i > 0 ? hot[ids[i - 1] * HOT + H_LOWER] : 1;
    const next = i + 1 < ids.length ? hot[ids[i + 1] * HOT + H_LOWER] : 2;
    out.push(mix(S[4], mix(prev, me)), mix(S[5], mix(me, next)));
    if (gaz[i]) out.push(mix(S[9], gaz[i]), mix(S[9], mix(gaz[i], hot[ids[i] * HOT + H_SHORT])));
  }

  /** Small-domain conjunctions of word i: neighbour shapes, sentence case, document flags (from `docFlags`). */
  private smallHashes(ids: Int32Array, i: number, caseClass: number, flags: number, out: number[]): void {
    const S = this.salts;
    const hot = this.hot;
    const shape = hot[ids[i] * HOT + H_SHORT];
    const prevShape = i > 0 ? hot[ids[i - 1] * HOT + H_SHORT] : 1;
    const nextShape = i + 1 < ids.length ? hot[ids[i + 1] * HOT + H_SHORT] : 2;
    out.push(
      mix(S[6], mix(mix(prevShape, shape), nextShape)),
      mix(S[11], prevShape),
      mix(S[12], nextShape),
      mix(S[8], mix(caseClass, shape)),
    );
    if (hot[ids[i] * HOT + H_BITS] & W_ALPHA) {
      out.push(mix(S[7], mix(flags & CASE_FLAGS, shape)));
      const cues = flags & CUE_FLAGS;
      if (cues) out.push(mix(S[7], mix(cues >> 3, 0x5eed)));
      const pred = flags >> PRED_SHIFT;
      if (pred) out.push(mix(S[13], pred), mix(S[13], mix(pred, shape)));
    }
    if (i === 0) out.push(mix(S[10], shape));
  }

  /** The id of a word, its features (those that depend on the word alone) computed on first sight. */
  private wordId(raw: string): number {
    const key = fnv1a(raw);
    const known = this.cache.get(raw, key);
    if (known !== undefined) return known;
    const word = normalizeWord(raw);
    const lower = word.toLowerCase();
    // Shape and short shape as character codes (`wordShape`, `shortShape`), hashed without building strings.
    if (this.shapeScratch.length < word.length) this.shapeScratch = new Int32Array(2 * word.length);
    const short = this.shapeScratch;
    let shortLength = 0;
    let shapeHash = SEEDS.sh;
    for (let i = 0; i < word.length; i++) {
      const code = shapeCode(word, i);
      if (i < FEATURES.maxShape) shapeHash = Math.imul(shapeHash ^ code, 0x01000193) >>> 0;
      if (shortLength === 0 || short[shortLength - 1] !== code) short[shortLength++] = code;
    }
    // FNV-1a continues from a seed, so hash("p2=" + x) = hash(x, seed of "p2="): the feature
    // strings are never built.
    const seed = SEEDS;
    const lowerHash = fnv1a(lower);
    const self = [seed.bias, fnv1a(word, seed.w), fnv1a(lower, seed.l), shapeHash, fnvCodes(short, shortLength, seed.ss)];
    for (const k of FEATURES.prefixes) if (word.length > k) self.push(fnvRange(word, 0, k, seed.prefix[k]));
    for (const k of FEATURES.suffixes) if (lower.length > k) self.push(fnvRange(lower, lower.length - k, lower.length, seed.suffix[k]));
    const lex = this.lexicon;
    if (lex.firstNames.has(word)) self.push(seed.fn);
    if (lex.orgWords.has(word)) self.push(seed.ow);
    if (lex.demonyms.has(word)) self.push(seed.dem);
    if (this.wordStats) {
      const packed = this.wordStats.get(lowerHash);
      if (packed === undefined) self.push(seed.unseen, fnvCodes(short, shortLength, seed.unseenShape));
      else {
        const cap = packed & 15;
        self.push(fnv1a(`cap=${cap}`), fnvCodes(short, shortLength, fnv1a(`cap=${cap}|`)), fnv1a(`ca=${(packed >> 4) & 255}`), fnv1a(`cb=${packed >>> 12}`));
      }
    }
    if (word.includes('-')) for (const part of word.split('-')) if (part) self.push(fnv1a(part.toLowerCase(), seed.hp));
    const letters = letterClasses(word);
    const gaz = (letters & UPPER) !== 0 ? this.lexicon.gazetteer.get(lower) : undefined;
    const cue = CUES.get(lower.endsWith('.') ? lower.slice(0, -1) : lower) ?? 0;
    const id = this.cache.size;
    if ((id + 1) * HOT > this.hot.length) {
      const grown = new Int32Array(2 * this.hot.length);
      grown.set(this.hot);
      this.hot = grown;
    }
    const at = id * HOT;
    const hot = this.hot;
    hot[at + H_LOWER] = lowerHash;
    hot[at + H_SHORT] = fnvCodes(short, shortLength, FNV_OFFSET);
    hot[at + H_BITS] =
      ((letters & FIRST_UPPER) !== 0 ? W_CAPITAL : 0) |
      ((letters & LETTER) !== 0 && (letters & LOWER) === 0 ? W_ALLCAPS : 0) |
      ((letters & LETTER) !== 0 ? W_ALPHA : 0) |
      (gaz ? W_GAZ : 0) |
      (cue << CUE_SHIFT);
    hot[at + H_FORM] = this.formOf(lower);
    hot[at + H_SCORES_AT] = 0;
    hot[at + H_SCORES_GEN] = 0;
    this.selfOf[id] = self;
    this.lowerOf[id] = lower;
    this.gazOf[id] = gaz;
    this.cache.add(raw, key, id);
    return id;
  }

  /** Scratch short-shape codes of the word being described. */
  private shapeScratch = new Int32Array(64);

  /** The id of a lowercase form (its flag slots grown as needed). */
  private formOf(lower: string): number {
    let form = this.forms.get(lower);
    if (form === undefined) {
      form = this.forms.size;
      this.forms.set(lower, form);
      if (form >= this.formStamp.length) {
        const stamps = new Int32Array(2 * this.formStamp.length);
        const flags = new Int32Array(stamps.length);
        stamps.set(this.formStamp);
        flags.set(this.formFlags);
        this.formStamp = stamps;
        this.formFlags = flags;
      }
    }
    return form;
  }

  /**
   * Longest gazetteer match starting at each word; each covered word gets a hash of
   * "B-"/"I-" plus the list name (0 where nothing matched). A match must start capitalised.
   */
  private gazetteerTags(ids: Int32Array): Int32Array {
    const n = ids.length;
    if (this.gazScratch.length < n) this.gazScratch = new Int32Array(2 * n);
    const tags = this.gazScratch;
    tags.fill(0, 0, n);
    const hot = this.hot;
    for (let i = 0; i < n; i++) {
      if ((hot[ids[i] * HOT + H_BITS] & W_GAZ) === 0) continue;
      const candidates = this.gazOf[ids[i]]!;
      let bestLength = 0;
      let bestList = '';
      for (const entry of candidates) {
        const len = entry.tokens.length;
        if (i + len > n || bestLength >= len) continue;
        let ok = true;
        for (let k = 1; k < len && ok; k++) ok = this.lowerOf[ids[i + k]] === entry.tokens[k];
        if (ok) {
          bestLength = len;
          bestList = entry.list;
        }
      }
      if (!bestLength) continue;
      const [b, inside] = this.listHashes(bestList);
      tags[i] = b;
      for (let k = 1; k < bestLength; k++) tags[i + k] = inside;
      i += bestLength - 1;
    }
    return tags;
  }

  /** Scratch for gazetteer tags (hashes as int32; 0: none), reused across sentences. */
  private gazScratch = new Int32Array(256);
  private readonly listHashCache = new Map<string, [number, number]>();

  /** Hashes of "B-<list>" and "I-<list>", memoised. */
  private listHashes(list: string): [number, number] {
    let h = this.listHashCache.get(list);
    if (!h) this.listHashCache.set(list, (h = [fnv1a(`B-${list}`), fnv1a(`I-${list}`)]));
    return h;
  }
}

/**
 * A map from strings to values for the featuriser's word memo, faster than a `Map` for the
 * fresh (sliced, unhashed) strings it is asked about once per token: the caller's 32-bit hash
 * and the entry index sit side by side in one typed array, so a lookup touches one slot and
 * compares one key string, and only when the hashes agree.
 */
class WordTable<V> {
  /** Slot pairs: key hash, then entry index + 1 (0: empty). */
  private slots = new Int32Array(2 * 1024);
  private keys: string[] = [];
  private values: V[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** The value stored under `key` (whose hash is `hash`), or undefined. */
  get(key: string, hash: number): V | undefined {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot + 1];
      if (entry === 0) return undefined;
      if (slots[2 * slot] === (hash | 0) && this.keys[entry - 1] === key) return this.values[entry - 1];
    }
  }

  /** Adds a key that is not present. */
  add(key: string, hash: number, value: V): void {
    if (2 * (this.keys.length + 1) > this.slots.length >> 1) this.grow();
    this.keys.push(key);
    this.values.push(value);
    this.place(hash, this.keys.length);
  }

  clear(): void {
    this.slots = new Int32Array(2 * 1024);
    this.keys = [];
    this.values = [];
  }

  private place(hash: number, entry: number): void {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = spread(hash) & mask;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = entry;
  }

  /** Doubles the slots (load stays at most one half). */
  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length);
    for (let s = 0; s < old.length; s += 2) if (old[s + 1] !== 0) this.place(old[s], old[s + 1]);
  }
}

/** FNV-1a's low bits are weak for short keys: scramble before masking. */
function spread(hash: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> 16 ^ Math.imul(hash, 0x85ebca6b);
}

/**
 * Open-addressing memo from an exact key (three 32-bit shape hashes and a small packed integer)
 * to a row of `classes` float32 sums: no per-entry objects, no boxed keys, no collisions. Each
 * slot is one 64-byte line holding its key and its sums (one cache miss per lookup). Cleared
 * when half full.
 */
class ScoreMemo {
  /** Slot words: key a, b, c, packed d + 1 (0 marks an empty slot), then the sums. */
  private readonly ints: Int32Array;
  /** The same memory as float32: `values[find(...) + t]` is the sum for class t. */
  readonly values: Float32Array;
  private readonly stride: number;
  private size = 0;
  private readonly slots: number;
  /** Multiplicative hashing takes the top bits of the product. */
  private readonly shift: number;

  constructor(
    readonly classes: number,
    bits: number,
  ) {
    this.slots = 1 << bits;
    this.stride = 16 * Math.ceil((4 + classes) / 16);
    const buffer = new ArrayBuffer(this.slots * this.stride * 4);
    this.ints = new Int32Array(buffer);
    this.values = new Float32Array(buffer);
    this.shift = 32 - bits;
  }

  private slot(a: number, b: number, c: number, d: number): number {
    return Math.imul(Math.imul(a ^ 0x27d4eb2f, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35) ^ d, 0x9e3779b1) >>> this.shift;
  }

  /** Offset of the key's sums in `values`, or -1. */
  find(a: number, b: number, c: number, d: number): number {
    const ints = this.ints;
    const mask = this.slots - 1;
    for (let slot = this.slot(a, b, c, d); ; slot = (slot + 1) & mask) {
      const at = slot * this.stride;
      const kd = ints[at + 3];
      if (kd === 0) return -1;
      if (kd === d + 1 && ints[at] === (a | 0) && ints[at + 1] === (b | 0) && ints[at + 2] === (c | 0)) return at + 4;
    }
  }

  /** Adds a key (not present) with zeroed sums; returns their offset. */
  add(a: number, b: number, c: number, d: number): number {
    if (2 * (this.size + 1) > this.slots) {
      this.ints.fill(0);
      this.size = 0;
    }
    const mask = this.slots - 1;
    let slot = this.slot(a, b, c, d);
    while (this.ints[slot * this.stride + 3] !== 0) slot = (slot + 1) & mask;
    const at = slot * this.stride;
    this.ints[at] = a;
    this.ints[at + 1] = b;
    this.ints[at + 2] = c;
    this.ints[at + 3] = d + 1;
    this.size++;
    return at + 4;
  }
}

const ORDINARY_CASE = 3;

/** Number of words in all the sentences. */
function wordCount(sentences: readonly (readonly string[])[]): number {
  let n = 0;
  for (let s = 0; s < sentences.length; s++) n += sentences[s].length;
  return n;
}

/** 1: mostly all-caps words; 2: mostly capitalised (title case); 3: ordinary. */
function sentenceCase(hot: Int32Array, ids: Int32Array): number {
  let letters = 0;
  let allCaps = 0;
  let capital = 0;
  for (let i = 0; i < ids.length; i++) {
    const bits = hot[ids[i] * HOT + H_BITS];
    if ((bits & W_ALPHA) === 0) continue;
    letters++;
    if (bits & W_ALLCAPS) allCaps++;
    else if (bits & W_CAPITAL) capital++;
  }
  if (letters >= 2 && allCaps / letters > 0.6) return 1;
  if (letters >= 3 && (capital + allCaps) / letters > 0.7) return 2;
  return 3;
}
