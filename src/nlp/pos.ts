import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModelEntries, SparseRows } from '../learn/index.js';
import { WordTable } from './word-table.js';
import { ROLE, ROLES, SENTENCE_END, SENTENCE_START, TAG_FEATURES, WORD_CLASSES, tagFeatures, wordFeatures } from './pos-features.js';

// Role offsets as plain numbers (hot loop).
const PREV1 = ROLE.prev1;
const PREV2 = ROLE.prev2;
const NEXT1 = ROLE.next1;
const NEXT2 = ROLE.next2;
const FIRST = ROLE.first;

/** Where the committed tagger lives (trained by `npm run train:pos`). */
export const POS_MODEL_PATH = join(import.meta.dirname, '..', '..', 'models', 'pos.spnm');

/**
 * Word types whose role scores are memoised at most; past this the memo starts afresh, so a
 * long-running server's memory stays bounded (news vocabulary mostly fits).
 */
const MAX_MEMO_WORDS = 200_000;
/** Word types the memo has room for at first (it doubles as needed). */
const INITIAL_MEMO_WORDS = 4096;
/**
 * Memoised scores are 16-bit integers in units of (largest weight / UNITS_PER_MAX_WEIGHT): half
 * the memory of floats (tagging is bound by memory reads), and room for sums of up to sixteen
 * largest weights before clamping (a role has at most eleven features). Costs under 0.05 points of agreement (npm run eval:nlp).
 */
const UNITS_PER_MAX_WEIGHT = 2048;
const INT16_MAX = 32767;
/** Roles memoised together per word (all but FIRST, which only sentence-initial words need). */
const MAIN_ROLES = ROLES - 1;
/** `fixed` value of a word the tag dictionary does not have. */
const NO_TAG = 255;

/**
 * A greedy left-to-right part-of-speech tagger: an averaged perceptron over hashed features
 * (pos-features.ts) distilled from wink-nlp's universal POS tags. Each token's score is the sum
 * of memoised per-word role vectors (itself, two neighbours either side, sentence-initial) and
 * two small dense rows (previous two tags; previous tag × word class), so tagging costs about a
 * hundred additions per token once its words have been seen, and touches little memory.
 */
export class PosTagger {
  readonly T: number;
  private readonly rows: SparseRows;
  /** Tag-history rows by the previous two tags ((T + 1)² rows; tag T = sentence start). */
  private readonly history: Int32Array;
  /** Rows by previous tag × word class ((T + 1) × WORD_CLASSES rows). */
  private readonly byClass: Int32Array;
  /** Word type → its slot in `slab` (slot = word id). */
  private readonly memo = new WordTable();
  /** Memoised role vectors but FIRST: slot k holds MAIN_ROLES × T values at k × MAIN_ROLES × T. */
  private slab: Int16Array;
  /** Memoised FIRST role vectors: T values per slot. */
  private firstSlab: Int16Array;
  /** Weight units per memoised integer (see UNITS_PER_MAX_WEIGHT). */
  private readonly unit: number;
  /** Class of the word in each slot (`wordClass`). */
  private classes: Uint8Array;
  /** Tag of the word in each slot when the tag dictionary has it, else NO_TAG. */
  private fixed: Uint8Array;
  private readonly tagdict: ReadonlyMap<string, number>;
  private slots = 0;
  private startSlot = 0;
  private endSlot = 0;
  /** Scores of the token being tagged, in memo units (integer arithmetic throughout). */
  private readonly score: Int32Array;

  constructor(
    readonly tags: readonly string[],
    readonly bits: number,
    /** Weights, buckets × tags: dense, or their non-zero rows. */
    weights: Float32Array | SparseRows,
    readonly card: Record<string, unknown> = {},
    /** Frequent unambiguous word forms and their tag index (see train-pos.ts `tagDictionary`). */
    tagdict: Record<string, number> = {},
  ) {
    const T = (this.T = tags.length);
    this.tagdict = new Map(Object.entries(tagdict));
    this.rows = weights instanceof SparseRows ? weights : SparseRows.fromDense(weights, T);
    let maxAbs = 0;
    for (const v of this.rows.values) maxAbs = Math.max(maxAbs, Math.abs(v));
    this.unit = maxAbs > 0 ? maxAbs / UNITS_PER_MAX_WEIGHT : 1;
    this.score = new Int32Array(T);
    const S = T + 1;
    const history = new Float32Array(S * S * T);
    const byClass = new Float32Array(S * WORD_CLASSES * T);
    const f = new Uint32Array(TAG_FEATURES);
    for (let p1 = 0; p1 < S; p1++) {
      for (let p2 = 0; p2 < S; p2++) {
        tagFeatures(p1, p2, 0, bits, f);
        for (let k = 0; k < 3; k++) this.addRow(f[k], history, (p1 * S + p2) * T);
      }
      for (let cls = 0; cls < WORD_CLASSES; cls++) {
        tagFeatures(p1, 0, cls, bits, f);
        this.addRow(f[3], byClass, (p1 * WORD_CLASSES + cls) * T);
      }
    }
    // Tag rows in the same units as the memoised word scores.
    this.history = Int32Array.from(history, (v) => Math.round(v / this.unit));
    this.byClass = Int32Array.from(byClass, (v) => Math.round(v / this.unit));
    this.slab = new Int16Array(INITIAL_MEMO_WORDS * MAIN_ROLES * T);
    this.firstSlab = new Int16Array(INITIAL_MEMO_WORDS * T);
    this.classes = new Uint8Array(INITIAL_MEMO_WORDS);
    this.fixed = new Uint8Array(INITIAL_MEMO_WORDS);
    this.resetMemo();
  }

  /** Loads the committed model (or the one at `path`). */
  static load(path = POS_MODEL_PATH): PosTagger {
    if (!existsSync(path)) throw new Error(`POS model not found at ${path}; run npm run train:pos`);
    const { header, indices, values } = decodeModelEntries(readFileSync(path));
    if (header.kind !== 'pos') throw new Error(`${path} is not a POS model (kind ${header.kind})`);
    const rows = SparseRows.fromEntries(indices, values, header.size, header.labels.length);
    return new PosTagger(header.labels, header.bits, rows, (header.card as Record<string, unknown>) ?? {}, (header.tagdict as Record<string, number>) ?? {});
  }

  private addRow(bucket: number, into: Float32Array, at: number): void {
    const o = this.rows.offset(bucket);
    if (o < 0) return;
    const v = this.rows.values;
    for (let c = 0; c < this.T; c++) into[at + c] += v[o + c];
  }

  private resetMemo(): void {
    this.memo.clear();
    this.slots = 0;
    this.startSlot = this.slot(SENTENCE_START);
    this.endSlot = this.slot(SENTENCE_END);
  }

  /** The memo slot of the word `text[start, end)`, filled on first sight. */
  private slotAt(text: string, start: number, end: number): number {
    const known = this.memo.find(text, start, end);
    return known >= 0 ? known : this.fill(text.slice(start, end));
  }

  private slot(word: string): number {
    const known = this.memo.find(word, 0, word.length);
    return known >= 0 ? known : this.fill(word);
  }

  /** Computes the role vectors of a word not in the memo; returns its slot. */
  private fill(word: string): number {
    const T = this.T;
    if (this.slots === this.classes.length) {
      this.slab = doubled(this.slab, new Int16Array(this.slab.length * 2));
      this.firstSlab = doubled(this.firstSlab, new Int16Array(this.firstSlab.length * 2));
      this.classes = doubled(this.classes, new Uint8Array(this.classes.length * 2));
      this.fixed = doubled(this.fixed, new Uint8Array(this.fixed.length * 2));
    }
    const k = this.memo.add(word);
    this.slots = k + 1;
    const f = wordFeatures(word, this.bits);
    const sums = new Float32Array(ROLES * T);
    for (let r = 0; r < ROLES; r++) for (const b of f.roles[r]) this.addRow(b, sums, r * T);
    const unit = this.unit;
    for (let j = 0; j < MAIN_ROLES * T; j++) this.slab[k * MAIN_ROLES * T + j] = quantize(sums[j], unit);
    for (let j = 0; j < T; j++) this.firstSlab[k * T + j] = quantize(sums[FIRST * T + j], unit);
    this.classes[k] = f.cls;
    this.fixed[k] = this.tagdict.get(word) ?? NO_TAG;
    return k;
  }

  /**
   * The tagger's word table: `tagRange` can report each token's id in it, so later stages can
   * look words up by id (see token-words.ts) instead of hashing the text again.
   */
  get words(): WordTable {
    return this.memo;
  }

  /**
   * Tags one sentence, tokens `[from, to)` of `text` with bounds `starts`/`ends`, writing tag
   * indices into `out[from, to)`. Greedy, left to right; each decision sees the two tags before it.
   * With `ids`, each token's id in `words` goes to `ids[from, to)` (valid for the table's
   * current generation: the table may start afresh, before the sentence, but never during it).
   */
  tagRange(text: string, starts: Int32Array, ends: Int32Array, from: number, to: number, out: Uint8Array, ids?: Int32Array): void {
    const T = this.T;
    // The memo starts afresh only between sentences (slots below must stay valid).
    if (this.memo.size + (to - from) > MAX_MEMO_WORDS) this.resetMemo();
    // Slots of the window: two words before, the word, two after (sentinels past the ends).
    let m2 = this.startSlot;
    let m1 = m2;
    let c0 = from < to ? this.slotAt(text, starts[from], ends[from]) : this.endSlot;
    let p1 = from + 1 < to ? this.slotAt(text, starts[from + 1], ends[from + 1]) : this.endSlot;
    let p2 = from + 2 < to ? this.slotAt(text, starts[from + 2], ends[from + 2]) : this.endSlot;
    let t1 = T; // previous tag: sentence start
    let t2 = T;
    for (let i = from; i < to; i++) {
      // (Arrays are read afresh each time: a lookup may grow, i.e. replace, them.)
      let best = this.fixed[c0];
      if (best === NO_TAG) best = this.score1(c0, m1, m2, p1, p2, t1, t2, i === from);
      out[i] = best;
      if (ids) ids[i] = c0;
      t2 = t1;
      t1 = best;
      m2 = m1;
      m1 = c0;
      c0 = p1;
      p1 = p2;
      p2 = i + 3 < to ? this.slotAt(text, starts[i + 3], ends[i + 3]) : this.endSlot;
    }
  }

  /** The best tag of the word in slot c0, given its window's slots and the previous two tags. */
  private score1(c0: number, m1: number, m2: number, p1: number, p2: number, t1: number, t2: number, first: boolean): number {
    const T = this.T;
    const S = T + 1;
    const width = MAIN_ROLES * T;
    const score = this.score;
    const history = this.history;
    const byClass = this.byClass;
    const slab = this.slab;
    const a = c0 * width;
    const b = m1 * width + PREV1 * T;
    const c = m2 * width + PREV2 * T;
    const d = p1 * width + NEXT1 * T;
    const e = p2 * width + NEXT2 * T;
    const h = (t1 * S + t2) * T;
    const g = (t1 * WORD_CLASSES + this.classes[c0]) * T;
    for (let k = 0; k < T; k++) score[k] = (slab[a + k] + slab[b + k] + slab[c + k] + slab[d + k] + slab[e + k] + history[h + k] + byClass[g + k]) | 0;
    if (first) {
      const firsts = this.firstSlab;
      const f = c0 * T;
      for (let k = 0; k < T; k++) score[k] += firsts[f + k];
    }
    let best = 0;
    let top = score[0];
    for (let k = 1; k < T; k++) {
      if (score[k] > top) {
        top = score[k];
        best = k;
      }
    }
    return best;
  }

  /** Tags one sentence of words, `words[from, to)`, writing tag indices into `out[from, to)`. */
  tagInto(words: readonly string[], from: number, to: number, out: Uint8Array): void {
    const starts = new Int32Array(words.length);
    const ends = new Int32Array(words.length);
    let at = 0;
    for (let i = from; i < to; i++) {
      starts[i] = at;
      ends[i] = at += words[i].length;
      at++;
    }
    this.tagRange(words.slice(from, to).join(' '), starts, ends, from, to, out);
  }

  /** Tags one sentence of words; returns the tag names. */
  tag(words: readonly string[]): string[] {
    const out = new Uint8Array(words.length);
    this.tagInto(words, 0, words.length, out);
    return Array.from(out, (t) => this.tags[t]);
  }
}

// Module functions rather than closures in `fill`: run through tsx (esbuild keepNames), a closure
// pays a defineProperty of its name each time it is made.

/** `into` (twice as long) holding `a`'s values first. */
function doubled<A extends Int16Array | Uint8Array>(a: A, into: A): A {
  into.set(a);
  return into;
}

/** A score sum in memo units, clamped to int16. */
function quantize(v: number, unit: number): number {
  return Math.max(-INT16_MAX, Math.min(INT16_MAX, Math.round(v / unit)));
}

let loaded: PosTagger | undefined;

/** The committed tagger, loaded once per process. */
export function posTagger(): PosTagger {
  loaded ??= PosTagger.load();
  return loaded;
}
