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
  /** Context-aggregation cue this word gives to the next one (0: none). */
  cue: number;
  /** Document flags shared by all case variants. */
  form: FormRecord;
  /** Hashes of this word as a neighbour at offsets -2, -1, +1, +2. */
  context: number[];
  /** Gazetteer phrases starting with this word (only for words with an upper-case letter). */
  gaz: readonly GazetteerEntry[] | undefined;
  /** Offset of the memoised score sums (own features, then each neighbour slot) in the
   * featuriser's score table, valid while `scoresGen` is the table's generation. */
  scoresAt: number;
  scoresGen: number;
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
/** Aggregated left-context cues of a form's other occurrences (bits above the case flags). */
const CUE_TITLE = 8;
const CUE_PLACE = 16;
const CUE_SAID = 32;
const AFTER_SAID = 64;
const IN_CAPITAL_RUN = 128;
const CASE_FLAGS = 7;
/** Words that cue what follows them. */
const CUES = new Map<string, number>(Object.entries({
  mr: CUE_TITLE, mrs: CUE_TITLE, ms: CUE_TITLE, dr: CUE_TITLE, president: CUE_TITLE, minister: CUE_TITLE,
  in: CUE_PLACE, at: CUE_PLACE, from: CUE_PLACE, near: CUE_PLACE,
  said: CUE_SAID, says: CUE_SAID, told: CUE_SAID, added: CUE_SAID,
}));

/**
 * Builds the featuriser: `sentence(words, doc)` gives one array of bucket indices per word.
 *
 * @example
 * const f = new NerFeaturizer(lexicon(), 20);
 * const words = ['Kerry', 'met', 'Lavrov'];
 * f.sentence(words, f.documentContext([words]));
 */
export class NerFeaturizer {
  private readonly cache = new WordTable<WordInfo>();
  private readonly forms = new Map<string, FormRecord>();
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
    this.salts = ['w-2', 'w-1', 'w+1', 'w+2', 'big-', 'big+', 'sh3', 'docsh', 'sent', 'gz', 'first', 'sh-1', 'sh+1'].map((s) => fnv1a(s));
    this.edge = [0, 1, 2, 3].map((slot) => [mix(this.salts[slot], 1), mix(this.salts[slot], 2)] as [number, number]);
  }

  /**
   * Document context: how each word form appears across all sentences of the document. With
   * `nlp`, words that have an id in the nlp word table are looked up by it (no hashing).
   */
  documentContext(sentences: readonly (readonly string[])[], nlp?: NlpWordIds): DocContext {
    const stamp = ++this.stamp;
    const infos = nlp ? this.infosByIds(sentences, nlp) : sentences.map((words) => words.map((w) => this.info(w)));
    for (const sentence of infos) {
      // Capitals in headlines (all caps or title case) say nothing about a word.
      const upperSentence = sentenceCase(sentence) !== ORDINARY_CASE;
      for (let i = 0; i < sentence.length; i++) {
        const info = sentence[i];
        if (!info.alpha) continue;
        const form = info.form;
        if (form.stamp !== stamp) {
          form.stamp = stamp;
          form.flags = 0;
        }
        if (info.capital && i > 0) {
          // Context aggregation (Ratinov & Roth): how other occurrences are introduced.
          const prev = sentence[i - 1];
          if (prev.cue) form.flags |= prev.cue;
          const next = sentence[i + 1];
          if (next && next.cue & CUE_SAID) form.flags |= AFTER_SAID;
          if ((next && next.capital) || prev.capital) form.flags |= IN_CAPITAL_RUN;
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
    // Sentences are usually featurised in order: try the one after the last first.
    let k = this.lastSentence + 1;
    if (doc.words[k] !== rawWords) k = doc.words.indexOf(rawWords);
    if (k < 0) throw new Error('the sentence is not one of the document context\'s sentences');
    this.lastSentence = k;
    return doc.sentences[k];
  }

  private lastSentence = -1;

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
    const infos = this.infosOf(rawWords, doc);
    const n = infos.length;
    const gaz = this.gazetteerTags(infos);
    const caseClass = sentenceCase(infos);
    const memo = this.smallMemoFor(weights);
    const wide = this.scratch;
    // Each word's memoised sums, looked up once (not once per neighbour): offsets into one table.
    if (this.rowScratch.length < n) this.rowScratch = new Int32Array(2 * n);
    const rows = this.rowScratch;
    for (let i = 0; i < n; i++) rows[i] = this.wordScores(infos[i], weights);
    // Neighbour rows past either end of the sentence (after the words: the table may have grown).
    const edges = this.edgeRows(weights);
    const table = this.table;
    const S = this.salts;
    const mask = this.mask;
    const hits = this.hitScratch;
    // Hash of the (previous, current) lowercase pair: word i's "big-" and word i-1's "big+" share it.
    let pair = mix(1, n ? infos[0].lowerHash : 0);
    for (let i = 0; i < n; i++) {
      const base = i * T;
      const me = infos[i];
      // Own sums, then the word seen at offsets -2, -1, +1, +2 (slots 0..3 of its block).
      const own = rows[i];
      const m2 = i >= 2 ? rows[i - 2] + T : edges[0];
      const m1 = i >= 1 ? rows[i - 1] + 2 * T : edges[1];
      const p1 = i + 1 < n ? rows[i + 1] + 3 * T : edges[2];
      const p2 = i + 2 < n ? rows[i + 2] + 4 * T : edges[3];
      // Wide-domain conjunctions (as `wideHashes`): word bigrams, then gazetteer tags.
      let hitCount = 0;
      const nextPair = i + 1 < n ? mix(me.lowerHash, infos[i + 1].lowerHash) : mix(me.lowerHash, 2);
      let at = weights.offset(mix(S[4], pair) & mask);
      if (at >= 0) hits[hitCount++] = at;
      at = weights.offset(mix(S[5], nextPair) & mask);
      if (at >= 0) hits[hitCount++] = at;
      pair = nextPair;
      const g = gaz[i];
      if (g) {
        at = weights.offset(mix(S[9], g) & mask);
        if (at >= 0) hits[hitCount++] = at;
        at = weights.offset(mix(S[9], mix(g, me.shortShapeHash)) & mask);
        if (at >= 0) hits[hitCount++] = at;
      }
      // The small-domain features depend only on these: memoise their summed scores by them.
      const flags = docFlags(me, doc);
      const prevShape = i > 0 ? infos[i - 1].shortShapeHash : 1;
      const nextShape = i + 1 < n ? infos[i + 1].shortShapeHash : 2;
      const small = ((flags + 1) << 3) | (caseClass << 1) | (i === 0 ? 1 : 0);
      let memoAt = memo.find(prevShape, me.shortShapeHash, nextShape, small);
      if (memoAt < 0) {
        wide.length = 0;
        this.smallHashes(infos, i, caseClass, flags, wide);
        memoAt = memo.add(prevShape, me.shortShapeHash, nextShape, small);
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
  private wordScores(info: WordInfo, weights: SparseRows): number {
    if (this.tableFor !== weights) this.resetTable(weights);
    if (info.scoresGen === this.tableGen) return info.scoresAt;
    const T = weights.classes;
    const values = weights.values;
    const slots = 2 * FEATURES.window;
    const size = (1 + slots) * T;
    const row = this.allocate(size);
    const scores = this.table;
    // Float32 sums in the same order as ever, so scores are bit-identical.
    for (const h of info.self) {
      const at = weights.offset(h & this.mask);
      if (at >= 0) for (let t = 0; t < T; t++) scores[row + t] += values[at + t];
    }
    for (let s = 0; s < slots; s++) {
      const at = weights.offset(info.context[s] & this.mask);
      if (at >= 0) for (let t = 0; t < T; t++) scores[row + (1 + s) * T + t] = values[at + t];
    }
    info.scoresAt = row;
    info.scoresGen = this.tableGen;
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
  private conjunctions(infos: readonly WordInfo[], doc: DocContext): { hashes: number[]; starts: Int32Array; mids: Int32Array } {
    const n = infos.length;
    const gaz = this.gazetteerTags(infos);
    const caseClass = sentenceCase(infos);
    const hashes: number[] = [];
    const starts = new Int32Array(n + 1);
    const mids = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      starts[i] = hashes.length;
      this.wideHashes(infos, i, gaz, hashes);
      mids[i] = hashes.length;
      this.smallHashes(infos, i, caseClass, docFlags(infos[i], doc), hashes);
    }
    starts[n] = hashes.length;
    return { hashes, starts, mids };
  }

  /** Wide-domain conjunctions of word i: word bigrams and gazetteer tags. */
  private wideHashes(infos: readonly WordInfo[], i: number, gaz: readonly number[], out: number[]): void {
    const S = this.salts;
    const me = infos[i];
    const prev = i > 0 ? infos[i - 1] : undefined;
    const next = i + 1 < infos.length ? infos[i + 1] : undefined;
    out.push(mix(S[4], mix(prev ? prev.lowerHash : 1, me.lowerHash)), mix(S[5], mix(me.lowerHash, next ? next.lowerHash : 2)));
    if (gaz[i]) out.push(mix(S[9], gaz[i]), mix(S[9], mix(gaz[i], me.shortShapeHash)));
  }

  /** Small-domain conjunctions of word i: neighbour shapes, sentence case, document flags (from `docFlags`). */
  private smallHashes(infos: readonly WordInfo[], i: number, caseClass: number, flags: number, out: number[]): void {
    const S = this.salts;
    const me = infos[i];
    const prevShape = i > 0 ? infos[i - 1].shortShapeHash : 1;
    const nextShape = i + 1 < infos.length ? infos[i + 1].shortShapeHash : 2;
    out.push(
      mix(S[6], mix(mix(prevShape, me.shortShapeHash), nextShape)),
      mix(S[11], prevShape),
      mix(S[12], nextShape),
      mix(S[8], mix(caseClass, me.shortShapeHash)),
    );
    if (me.alpha) {
      out.push(mix(S[7], mix(flags & CASE_FLAGS, me.shortShapeHash)));
      if (flags > CASE_FLAGS) out.push(mix(S[7], mix(flags >> 3, 0x5eed)));
    }
    if (i === 0) out.push(mix(S[10], me.shortShapeHash));
  }

  /** Word infos by nlp word id (a dense array; entries undefined until first seen). */
  private byNlp: (WordInfo | undefined)[] = [];
  private byNlpTable?: NlpWordTable;
  private byNlpGeneration = -1;

  /** The infos of a document's words, by nlp word id where there is one. */
  private infosByIds(sentences: readonly (readonly string[])[], nlp: NlpWordIds): WordInfo[][] {
    if (nlp.table !== this.byNlpTable || nlp.generation !== this.byNlpGeneration) {
      this.byNlp = [];
      this.byNlpTable = nlp.table;
      this.byNlpGeneration = nlp.generation;
    }
    const out: WordInfo[][] = new Array(sentences.length);
    for (let s = 0; s < sentences.length; s++) {
      const words = sentences[s];
      const ids = nlp.ids[s];
      const infos: WordInfo[] = new Array(words.length);
      for (let i = 0; i < words.length; i++) {
        const id = ids ? ids[i] : -1;
        if (id < 0) {
          infos[i] = this.info(words[i]);
          continue;
        }
        let info = id < this.byNlp.length ? this.byNlp[id] : undefined;
        if (info === undefined) {
          // (`info` may clear the memo, and with it `byNlp`: index the array afresh after it.)
          info = this.info(words[i]);
          const byNlp = this.byNlp;
          while (byNlp.length <= id) byNlp.push(undefined);
          byNlp[id] = info;
        }
        infos[i] = info;
      }
      out[s] = infos;
    }
    return out;
  }

  /** Features that depend on the word alone, memoised. */
  private info(raw: string): WordInfo {
    const key = fnv1a(raw);
    let info = this.cache.get(raw, key);
    if (info) return info;
    if (this.cache.size >= FEATURES.maxCached) {
      this.cache.clear();
      this.byNlp = [];
      // Infos of the current document may still hold offsets: a new generation makes them recompute.
      this.resetTable(this.tableFor);
    }
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
    const hasUpper = (letters & UPPER) !== 0;
    info = {
      self,
      lower,
      lowerHash,
      shortShapeHash: fnvCodes(short, shortLength, FNV_OFFSET),
      capital: (letters & FIRST_UPPER) !== 0,
      allCaps: (letters & LETTER) !== 0 && (letters & LOWER) === 0,
      alpha: (letters & LETTER) !== 0,
      hasUpper,
      scoresAt: 0,
      scoresGen: 0,
      form: this.formOf(lower),
      cue: CUES.get(lower.endsWith('.') ? lower.slice(0, -1) : lower) ?? 0,
      context: [mix(this.salts[0], lowerHash), mix(this.salts[1], lowerHash), mix(this.salts[2], lowerHash), mix(this.salts[3], lowerHash)],
      gaz: hasUpper ? this.lexicon.gazetteer.get(lower) : undefined,
    };
    this.cache.add(raw, key, info);
    return info;
  }

  /** Scratch short-shape codes of the word being described. */
  private shapeScratch = new Int32Array(64);

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
    const tags = this.gazScratch;
    tags.length = 0;
    for (let i = 0; i < infos.length; i++) tags.push(0);
    for (let i = 0; i < infos.length; i++) {
      const candidates = infos[i].gaz;
      if (!candidates) continue;
      let bestLength = 0;
      let bestList = '';
      for (const entry of candidates) {
        const len = entry.tokens.length;
        if (i + len > infos.length || bestLength >= len) continue;
        let ok = true;
        for (let k = 1; k < len && ok; k++) ok = infos[i + k].lower === entry.tokens[k];
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

  /** Scratch for gazetteer tags, reused across sentences. */
  private readonly gazScratch: number[] = [];
  private readonly listHashCache = new Map<string, [number, number]>();

  /** Hashes of "B-<list>" and "I-<list>", memoised. */
  private listHashes(list: string): [number, number] {
    let h = this.listHashCache.get(list);
    if (!h) this.listHashCache.set(list, (h = [fnv1a(`B-${list}`), fnv1a(`I-${list}`)]));
    return h;
  }
}

/**
 * Document flags of a word as its small-domain features see them: -1 for words without
 * letters; the case flags; and the context cues too for capitalised words that have them.
 */
function docFlags(me: WordInfo, doc: DocContext): number {
  if (!me.alpha) return -1;
  const flags = me.form.stamp === doc.stamp ? me.form.flags : 0;
  return me.capital && flags > CASE_FLAGS ? flags : flags & CASE_FLAGS;
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
