import { type Classifier, fnv1a } from '../../learn/index.js';
import { FEATURES } from './constants.js';
import type { LexiconIndex } from './lexicon-match.js';
import { sentenceLogOdds } from './sentence-model.js';
import type { SentenceView } from './view.js';
import type { WordClusters } from './word-clusters.js';

/** FNV states after the bag features' templates (as `sentenceFeatures` writes them). */
const WORD_PREFIX = fnv1a('w=');
const LX_PREFIX = fnv1a('lx=');
const CLUSTER_PREFIX = fnv1a('c1=');
const SUFFIX_PREFIX = fnv1a('s3=');
const POS_PREFIX = fnv1a('t=');
const SENTENCE_LENGTHS = ['short', 'mid', 'long', 'vlong'];
const NOT_YET = NaN;

/** A phrase hit of a sentence: its tokens and the index of its lexicon category. */
export interface PhraseAt {
  first: number;
  last: number;
  category: number;
}

/**
 * The run-time form of a sentence or clause model (`sentenceFeatures` over a token range):
 * one log-odds weight per bucket, a word's own features summed once per word id, bigrams read
 * through the tagger's `bg` hash of the pair (the same feature string), POS tags per POS id.
 */
export class BagScorer {
  private readonly w: Float32Array;
  private readonly mask: number;
  /** Log-odds of b=1, sl=short/mid/long/vlong, s?, s!, sq, ti. */
  private readonly fixed: Float64Array;
  /** Log-odds of a phrase hit, per lexicon category. */
  private readonly phrase: Float64Array;
  /** Log-odds per POS id (NaN: not looked up yet). */
  private readonly posLogits: Float64Array;
  /** A word's own log-odds, by word id. */
  private words = new Float32Array(1 << 12);

  constructor(
    model: Classifier,
    categories: readonly string[],
    maxPos: number,
    private readonly lexicon: LexiconIndex,
    private readonly clusters: WordClusters | undefined,
  ) {
    const w = (this.w = sentenceLogOdds(model));
    const mask = (this.mask = (1 << model.bits) - 1);
    this.fixed = Float64Array.from(['b=1', ...SENTENCE_LENGTHS.map((l) => `sl=${l}`), 's?=1', 's!=1', 'sq=1', 'ti=1'], (f) => w[fnv1a(f) & mask]);
    this.phrase = Float64Array.from(categories, (c) => w[fnv1a(`ph=${c}`) & mask]);
    this.posLogits = new Float64Array(maxPos).fill(NOT_YET);
  }

  /** Log-odds of one more feature string (for features the caller adds). */
  feature(f: string): number {
    return this.w[fnv1a(f) & this.mask];
  }

  /** Memoises the word's own log-odds under its id. */
  setWord(id: number, lower: string): void {
    if (id >= this.words.length) {
      let size = this.words.length;
      while (id >= size) size *= 2;
      const more = new Float32Array(size);
      more.set(this.words);
      this.words = more;
    }
    const w = this.w;
    const m = this.mask;
    let x = w[fnv1a(lower, WORD_PREFIX) & m];
    if (lower.length > FEATURES.minSuffixWordLength) x += w[fnv1a(lower.slice(-FEATURES.suffixLength), SUFFIX_PREFIX) & m];
    for (const cat of this.lexicon.categoriesOf(lower)) x += w[fnv1a(cat, LX_PREFIX) & m];
    const ids = this.clusters?.of(lower);
    if (ids) x += w[fnv1a(String(ids[1]), CLUSTER_PREFIX) & m];
    this.words[id] = x;
  }

  /**
   * Log-odds of tokens a..b of sentence s (word ids, POS ids and names, `bg` hashes of pair
   * (i-1, i), phrase hits of the sentence).
   */
  logit(v: SentenceView, s: number, a: number, b: number, ids: Int32Array, pos: Int32Array, posNames: readonly string[], ph: Int32Array, phrases: readonly PhraseAt[]): number {
    const w = this.w;
    const m = this.mask;
    const fixed = this.fixed;
    const words = this.words;
    const pl = this.posLogits;
    let x = fixed[0];
    let question = false;
    let exclaim = false;
    let quote = false;
    for (let i = a; i <= b; i++) {
      x += words[ids[i]];
      let p = pl[pos[i]];
      if (p !== p) p = pl[pos[i]] = w[fnv1a(posNames[pos[i]], POS_PREFIX) & m];
      x += p;
      if (i > a) x += w[ph[i] & m];
      const r = v.raws[i];
      if (r === '?') question = true;
      else if (r === '!') exclaim = true;
      if (v.quoted[i]) quote = true;
    }
    for (const hit of phrases) if (hit.first >= a && hit.last <= b) x += this.phrase[hit.category];
    const n = b - a + 1;
    x += fixed[1 + (n < 8 ? 0 : n < 20 ? 1 : n < 40 ? 2 : 3)];
    if (question) x += fixed[5];
    if (exclaim) x += fixed[6];
    if (quote) x += fixed[7];
    if (s === 0) x += fixed[8];
    return x;
  }
}
