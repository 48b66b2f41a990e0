import { fnv1a, type SequenceTagger } from '../../learn/index.js';
import type { LexiconHit, LexiconIndex } from './lexicon-match.js';
import { AFTER, NO_SENTENCE, SENTENCE_AFTER, SENTENCE_BEFORE, BEFORE, countBucket, DENSITY_EDGES, densityBucket, NEAR_WINDOW, NEIGHBOURS, sentenceFacts, type TokenFeaturizer } from './token-features.js';
import { FEATURES, SENTENCE_MODEL } from './constants.js';
import { probBucket } from './sentence-model.js';
import { BagScorer, type PhraseAt } from './bag-scorer.js';
import type { SentenceView } from './view.js';
import type { TokenWords } from '../../nlp/token-words.js';

/**
 * An article's content-word counts: by word, and by token (sentence s, token i of the views the
 * counts were made from; undefined for other views).
 */
export interface ArticleWordCounts {
  get(word: string): number | undefined;
  at?(views: readonly SentenceView[], s: number, i: number): number | undefined;
}

/** The tagger's tag count this scorer is written for (B, I, O). */
const T = 3;
/** Neighbour rows per word: one per NEIGHBOURS entry. */
const NB = NEIGHBOURS.length;
/**
 * Floats per word record: own row (T) then one row per neighbour slot (NB × T), padded to 16
 * so a record fills one 64-byte cache line (float32, as the weights are); a token's own and
 * neighbour rows come from the records of a sliding window of five words, which stay in cache
 * from token to token.
 */
const REC = 16;
if (T + NB * T > REC) throw new Error('word record too small');
/** More POS tags than any tagger uses (sizes the POS-pair table). */
const MAX_POS = 64;
const SENTENCE_LENGTHS = ['short', 'mid', 'long', 'vlong'];
const NONE: readonly number[] = [];
const NO_HITS: LexiconHit[] = [];
const NO_PHRASES: PhraseAt[] = [];
const INITIAL_WORDS = 1 << 15;
/** Ints per word in `meta`, and their places. */
const META = 4;
const FLAGS = 0;
const LOWER = 1;
const BG_LEFT = 2;
const BGP_LEFT = 3;
/** Flag bit (in `meta` FLAGS and `tokenFlags`): the word has lexicon categories of its own. */
const HAS_CATS = 8;
/** Seed of the second word hash (any odd constant other than FNV's offset basis). */
const SECOND_SEED = 0x9747b28c | 0;
/** Ints per slot of the article's bigram-count table, and their places. */
const BIGRAM_SHIFT = 2;
const BIGRAM = 1 << BIGRAM_SHIFT;
const BG_KEY = 0;
const BG_STAMP = 1;
const BG_COUNT = 2;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Scratch result of `fnvTwo` (second hash). */
let twoSecond = 0;
/**
 * FNV-1a of one string continued from two seeds at once (equal to `fnv1a(str, a) | 0` and
 * `fnv1a(str, b) | 0`): the first hash is returned, the second left in `twoSecond`.
 */
function fnvTwo(str: string, a: number, b: number): number {
  let h1 = a | 0;
  let h2 = b | 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, FNV_PRIME);
    h2 = Math.imul(h2 ^ c, FNV_PRIME);
  }
  twoSecond = h2;
  return h1;
}

/**
 * The tagger's emission scores computed straight from memoised per-word weight sums (run time).
 * Equal to summing the weights of `TokenFeaturizer.hashedSentence`'s buckets, but a word's own
 * and neighbour features cost one lookup per token instead of a dozen hashes and weight reads,
 * and small-vocabulary features (POS, counts, positions, sentence facts) come from tables.
 * Per-word data lives in flat typed arrays indexed by a word id (struct of arrays: compact and
 * cache-friendly).
 */
export class EmissionScorer {
  private readonly w: Float32Array;
  private readonly mask: number;
  /** Word id table: (hash 1, hash 2, id, used) per slot. */
  private slots = new Int32Array(INITIAL_WORDS * 2 * 4);
  private readonly lowerIds = new Map<string, number>();
  private size = 0;
  private lowerSize = 0;
  private lowers: string[] = [];
  /** Per-word weight sums: own row then neighbour rows (REC doubles per word). */
  private rec = new Float32Array(INITIAL_WORDS * REC);
  private cats: (readonly number[])[] = [];
  /**
   * Per-word facts in one record of META ints (flags, lower-case id, `bg=`/`bg+=` hash prefixes),
   * so a token's facts cost one cache line instead of four.
   */
  private meta = new Int32Array(INITIAL_WORDS * META);
  private counts = new Int32Array(INITIAL_WORDS);
  private stamps = new Int32Array(INITIAL_WORDS);
  private stamp = 0;
  private readonly catIndex = new Map<string, number>();
  private readonly posIndex = new Map<string, number>();
  private readonly posNames: string[] = [];
  private readonly pairRows = new Float64Array(3 * MAX_POS * MAX_POS * T);
  private readonly pairDone = new Uint8Array(3 * MAX_POS * MAX_POS);
  private readonly tables: Record<'b' | 'sl' | 'sq' | 'q' | 'ix' | 'rw' | 'rb' | 'rbm' | 'ph' | 'nrm' | 'nrp' | 'ad' | 'sp', Float64Array>;
  /** Rows of the neighbour sentences' buckets, per distance (1, 2) before and after; the last row is "no such sentence". */
  private readonly beforeTables: Float64Array[];
  private readonly afterTables: Float64Array[];
  /** Row of the current article's density bucket in `tables.ad` (-1: not a feature). */
  private densityRow = -1;
  /** Rows of the current article's sentence-model buckets in `tables.sp` (empty: not a feature). */
  private sentenceRows: number[] = [];
  /** The sentence model's run-time form (when the tagger reads it). */
  private readonly sentenceBag?: BagScorer;
  /**
   * Per-article bigram counts: open addressing on the bigram hash, one record of BIGRAM ints
   * per slot (key, stamp, count) so a probe reads one cache line, not three.
   */
  private bigrams = new Int32Array((1 << 12) * BIGRAM);
  /** Scratch row of the sentence-wide features' weights. */
  private readonly sentenceRow = new Float64Array(T);
  private readonly before: number;
  private readonly after: number;

  constructor(
    tagger: SequenceTagger,
    private readonly lexicon: LexiconIndex,
    private readonly featurizer: TokenFeaturizer,
    /** Words that make a "strong cue" (flagged per word id, for the span decoder). */
    private readonly strong: (lower: string) => boolean = () => false,
  ) {
    if (tagger.tags.length !== T) throw new Error(`EmissionScorer expects ${T} tags, got ${tagger.tags.length}`);
    this.w = tagger.emissions;
    this.mask = (1 << tagger.bits) - 1;
    const catNames = [...lexicon.describe.keys()];
    catNames.forEach((c, i) => this.catIndex.set(c, i));
    const t = (pairs: [string, string][]) => this.table(pairs);
    this.tables = {
      b: t([['b', '1']]),
      sl: t(SENTENCE_LENGTHS.map((v) => ['sl', v])),
      sq: t([['s?', '1'], ['s!', '1'], ['sq', '1'], ['ti', '1']]),
      q: t([['q', '0'], ['q', '1']]),
      ix: t(['first', 'last', 'a', 'm', 'z'].map((v) => ['ix', v])),
      rw: t([2, 3, 4].map((n) => ['rw', countBucket(n)])),
      rb: t([2, 3, 4].map((n) => ['rb', countBucket(n)])),
      rbm: t([2, 3, 4].map((n) => ['rb-', countBucket(n)])),
      ph: t(catNames.map((c) => ['ph', c])),
      nrm: t(catNames.map((c) => ['nr-', c])),
      nrp: t(catNames.map((c) => ['nr+', c])),
      ad: t([0, ...DENSITY_EDGES].map((_, k) => ['ad', String(k)])),
      sp: t([0, ...SENTENCE_MODEL.edges].map((_, k) => ['sp', String(k)])),
    };
    const values = [...[0, ...SENTENCE_MODEL.edges].map((_, k) => String(k)), NO_SENTENCE];
    this.beforeTables = SENTENCE_BEFORE.map((tpl) => t(values.map((b) => [tpl, b])));
    this.afterTables = SENTENCE_AFTER.map((tpl) => t(values.map((b) => [tpl, b])));
    const sm = featurizer.sentenceModel;
    if (sm) this.sentenceBag = new BagScorer(sm, catNames, MAX_POS, lexicon, featurizer.clusters);
    this.before = this.id(BEFORE);
    this.after = this.id(AFTER);
  }

  /** Weight rows of the given features, one T-row each, in one array. */
  private table(features: [string, string][]): Float64Array {
    const out = new Float64Array(features.length * T);
    features.forEach(([tpl, value], k) => this.addBucket(out, k * T, fnv1a(`${tpl}=${value}`) & this.mask));
    return out;
  }

  private addBucket(out: Float64Array | Float32Array, at: number, bucket: number): void {
    for (let t = 0; t < T; t++) out[at + t] += this.w[bucket * T + t];
  }

  /**
   * The id of a token string, memoising its weight sums on first sight. Looked up in an
   * open-addressing table keyed by two independent 32-bit hashes of the string (one cache line
   * per probe, no string comparison; a double collision among a cache's words is ~1e-10 likely).
   */
  private id(raw: string): number {
    // Both hashes in one pass over the string (FNV-1a from two seeds).
    let h1 = FNV_OFFSET;
    let h2 = SECOND_SEED;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, FNV_PRIME);
      h2 = Math.imul(h2 ^ c, FNV_PRIME);
    }
    const keys = this.slots;
    const mask = (keys.length >> 2) - 1;
    let at = h1 & mask;
    for (;;) {
      const o = at << 2;
      if (keys[o + 3] === 0) break;
      if (keys[o] === h1 && keys[o + 1] === h2) return keys[o + 2];
      at = (at + 1) & mask;
    }
    const id = this.newId(raw);
    this.claim(h1, h2, id);
    return id;
  }

  /**
   * Word id by the nlp stage's word id (-1: not yet seen), for `nlpTable` at `nlpGeneration`:
   * a token whose nlp id is known costs one read of a small array instead of hashing its text
   * and probing the slot table.
   */
  private nlpIds = new Int32Array(0);
  private nlpTable: object | undefined;
  private nlpGeneration = -1;

  /** The nlp-id map for a view's word source, emptied when the source's table is another or started afresh. */
  private nlpMap(src: TokenWords): Int32Array {
    if (src.table !== this.nlpTable || src.generation !== this.nlpGeneration) {
      this.nlpTable = src.table;
      this.nlpGeneration = src.generation;
      this.nlpIds.fill(-1);
    }
    return this.nlpIds;
  }

  /** The id of token text `raw` whose nlp word id is `w` (≥ 0), remembered for that nlp id. */
  private idOfWord(raw: string, w: number): number {
    const id = this.id(raw);
    if (w >= this.nlpIds.length) {
      const more = new Int32Array(Math.max(2 * this.nlpIds.length, w + 4096)).fill(-1);
      more.set(this.nlpIds);
      this.nlpIds = more;
    }
    this.nlpIds[w] = id;
    return id;
  }

  /** Records (h1, h2) → id in the slot table, growing it at half load. */
  private claim(h1: number, h2: number, id: number): void {
    if ((this.size + 1) * 2 > this.slots.length >> 2) {
      const old = this.slots;
      this.slots = new Int32Array(old.length * 2);
      for (let o = 0; o < old.length; o += 4) if (old[o + 3]) this.claim(old[o], old[o + 1], old[o + 2]);
    }
    const keys = this.slots;
    const mask = (keys.length >> 2) - 1;
    let at = h1 & mask;
    while (keys[(at << 2) + 3] !== 0) at = (at + 1) & mask;
    const o = at << 2;
    keys[o] = h1;
    keys[o + 1] = h2;
    keys[o + 2] = id;
    keys[o + 3] = 1;
  }

  private newId(raw: string): number {
    if (this.size >= FEATURES.maxCachedWords) this.reset();
    if (this.size * META === this.meta.length) this.grow();
    const id = this.size++;
    const lower = raw.toLowerCase();
    const bundle = this.featurizer.bundle(raw);
    for (const b of bundle.own) this.addBucket(this.rec, id * REC, b);
    bundle.ctx.forEach((bs, j) => {
      for (const b of bs) this.addBucket(this.rec, id * REC + T + j * T, b);
    });
    this.lowers[id] = lower;
    this.sentenceBag?.setWord(id, lower);
    const cats = this.lexicon.categoriesOf(lower).map((c) => this.catIndex.get(c) ?? -1).filter((c) => c >= 0);
    this.cats[id] = cats.length ? cats : NONE;
    const m = id * META;
    this.meta[m + FLAGS] = (this.lexicon.startsPhrase(lower) ? 1 : 0) | (lower.length >= FEATURES.minRepeatWordLength ? 2 : 0) | (this.strong(lower) ? 4 : 0) | (cats.length ? HAS_CATS : 0);
    this.meta[m + BG_LEFT] = fnv1a('|', fnv1a(lower, fnv1a('bg=')));
    this.meta[m + BGP_LEFT] = fnv1a('|', fnv1a(lower, fnv1a('bg+=')));
    let lid = this.lowerIds.get(lower);
    if (lid === undefined) this.lowerIds.set(lower, (lid = this.lowerSize++));
    this.meta[m + LOWER] = lid;
    return id;
  }

  /** Sentence-model buckets of every sentence, from the word ids and `bg` hashes of pass 1. */
  private sentenceModels(views: readonly SentenceView[], idsOf: readonly Int32Array[], pairsOf: readonly Int32Array[], posOf: readonly Int32Array[]): void {
    const bag = this.sentenceBag!;
    for (let s = 0; s < views.length; s++) {
      const v = views[s];
      const ids = idsOf[s];
      const n = ids.length;
      const pos = posOf[s];
      const hits = this.phraseHits(v, ids);
      this.hitsOf.push(hits);
      let phrases: PhraseAt[] = NO_PHRASES;
      for (const hit of hits) {
        const c = this.catIndex.get(hit.category);
        if (c === undefined) continue;
        if (phrases === NO_PHRASES) phrases = [];
        phrases.push({ first: hit.first, last: hit.last, category: c });
      }
      const p = 1 / (1 + Math.exp(-bag.logit(v, s, 0, n - 1, ids, pos, this.posNames, pairsOf[s], phrases)));
      this.sentenceRows.push(probBucket(p));
    }
  }

  /** Multi-word lexicon hits of a sentence (only words that start an entry are tried). */
  private phraseHits(v: SentenceView, ids: Int32Array): LexiconHit[] {
    let hits: LexiconHit[] = NO_HITS;
    for (let i = 0; i < ids.length; i++) {
      if (!(this.meta[ids[i] * META + FLAGS] & 1)) continue;
      if (hits === NO_HITS) hits = [];
      this.lexicon.phrasesAt(v.lowers, i, hits);
    }
    return hits;
  }

  /** Scratch: each token's word flags (FLAGS of `meta`) for the article in hand, by token index in the article. */
  private tokenFlags = new Uint8Array(1 << 12);
  /** Scratch: category index of each phrase hit of the sentence in hand (-1: not a tagger category). */
  private hitCats = new Int32Array(64);

  /** Phrase hits per sentence of the current article (filled by `sentenceModels`; empty otherwise). */
  private hitsOf: LexiconHit[][] = [];

  /** Bumped whenever the word ids are dropped (`reset`): memos keyed by word id must be dropped too. */
  generation = 0;

  /** Drops every memoised word (memory guard for long-running processes). */
  private reset(): void {
    this.generation++;
    this.slots.fill(0);
    this.nlpIds.fill(-1);
    this.lowerIds.clear();
    this.size = 0;
    this.lowerSize = 0;
    this.rec.fill(0);
    this.stamps.fill(0);
    this.id(BEFORE);
    this.id(AFTER);
  }

  private grow(): void {
    const n = (this.meta.length / META) * 2;
    const more = <A extends Float32Array | Int32Array | Uint8Array>(a: A, per: number): A => {
      const b = new (a.constructor as new (n: number) => A)(n * per);
      b.set(a);
      return b;
    };
    this.rec = more(this.rec, REC);
    this.meta = more(this.meta, META);
    this.counts = more(this.counts, 1);
    this.stamps = more(this.stamps, 1);
  }

  private pos(tag: string): number {
    let p = this.posIndex.get(tag);
    if (p === undefined) {
      p = this.posNames.length;
      this.posNames.push(tag);
      this.posIndex.set(tag, p);
    }
    return p;
  }

  /**
   * Offset into `pairRows` of the weights of `t=a` (kind 2), `tt=a|b` (kind 0) or `tt+=a|b`
   * (kind 1); POS ids, -1 = sentence edge. Filled on first use.
   */
  private posRow(kind: number, a: number, b: number): number {
    const key = (kind * MAX_POS + a + 1) * MAX_POS + b + 1;
    if (!this.pairDone[key]) {
      const an = a < 0 ? BEFORE : this.posNames[a];
      const bn = b < 0 ? AFTER : this.posNames[b];
      const feature = kind === 2 ? `t=${an}` : `${kind === 0 ? 'tt' : 'tt+'}=${an}|${bn}`;
      this.addBucket(this.pairRows, key * T, fnv1a(feature) & this.mask);
      this.pairDone[key] = 1;
    }
    return key * T;
  }

  /**
   * Content-word counts of the article last passed to `article` (the same counts as the span
   * classifier's repetition features use), without building a map.
   */
  wordCounts(): ArticleWordCounts {
    const stamp = this.stamp;
    const { views, ids } = this.last;
    return {
      get: (word: string) => {
        const l = this.lowerIds.get(word);
        return l !== undefined && this.stamps[l] === stamp ? this.counts[l] : undefined;
      },
      // Token i of sentence s by its word id: no string hashing (the same count as `get`).
      at: (sentences: readonly SentenceView[], s: number, i: number) => {
        if (sentences !== views || this.stamp !== stamp) return undefined;
        const m = ids[s][i] * META;
        return this.meta[m + FLAGS] & 2 ? this.counts[this.meta[m + LOWER]] : undefined;
      },
    };
  }

  /** Sentence-model bucket of each sentence of the article last passed to `article` (empty: not a feature). */
  get sentenceBuckets(): readonly number[] {
    return this.sentenceRows;
  }

  /** The views and per-sentence word ids of the article last passed to `article`. */
  last: { views: readonly SentenceView[]; ids: Int32Array[]; pos: Int32Array[] } = { views: [], ids: [], pos: [] };

  /** POS tag names by the POS ids of `last.pos`. */
  get posTags(): readonly string[] {
    return this.posNames;
  }

  /** True when the word id is a strong cue. */
  isStrong(id: number): boolean {
    return (this.meta[id * META + FLAGS] & 4) !== 0;
  }

  /** Emission scores (token × tag, flat) of every sentence of an article. */
  article(views: readonly SentenceView[]): Float64Array[] {
    const stamp = ++this.stamp;
    let tokens = 0;
    for (const v of views) tokens += v.raws.length;
    if (tokens * 2 > this.bigrams.length / BIGRAM) {
      let size = this.bigrams.length / BIGRAM;
      while (tokens * 2 > size) size *= 2;
      this.bigrams = new Int32Array(size * BIGRAM);
    }
    // Pass 1: word ids, article word counts and bigram keys (the unmasked `bg` hash).
    // One buffer per array kind for the whole article, viewed per sentence (typed arrays of a
    // few hundred bytes each cost an allocation and a GC finalizer apiece).
    const idsOf: Int32Array[] = [];
    const pairsOf: Int32Array[] = [];
    const slotsOf: Int32Array[] = [];
    const plusOf: Int32Array[] = [];
    const idBuf = new Int32Array(tokens);
    const posBuf = new Int32Array(tokens);
    const posOf: Int32Array[] = [];
    const pairBuf = new Int32Array(tokens + views.length);
    const slotBuf = new Int32Array(tokens + views.length);
    const plusBuf = new Int32Array(tokens + views.length);
    const emitBuf = new Float64Array(tokens * T);
    if (this.tokenFlags.length < tokens) this.tokenFlags = new Uint8Array(2 * tokens);
    let at = 0;
    let pat = 0;
    let strong = 0;
    for (const v of views) {
      const n = v.raws.length;
      const ids = idBuf.subarray(at, at + n);
      const ph = pairBuf.subarray(pat, pat + n + 1);
      const ps = slotBuf.subarray(pat, pat + n + 1);
      const pp = plusBuf.subarray(pat, pat + n + 1);
      at += n;
      pat += n + 1;
      const src = v.wordSource;
      const words = src?.ids;
      const first = v.firstToken ?? 0;
      if (src) this.nlpMap(src);
      for (let i = 0; i < n; i++) {
        let id: number;
        if (words === undefined) id = this.id(v.raws[i]);
        else {
          const w = words[first + i];
          id = w < 0 ? this.id(v.raws[i]) : w < this.nlpIds.length && this.nlpIds[w] >= 0 ? this.nlpIds[w] : this.idOfWord(v.raws[i], w);
        }
        ids[i] = id;
        const m = id * META;
        this.tokenFlags[at - n + i] = this.meta[m + FLAGS];
        if (this.meta[m + FLAGS] & 4) strong++;
        if (this.meta[m + FLAGS] & 2) {
          const l = this.meta[m + LOWER];
          if (this.stamps[l] !== stamp) {
            this.stamps[l] = stamp;
            this.counts[l] = 0;
          }
          this.counts[l]++;
        }
        if (i > 0) {
          // bg=prev|cur (also the article bigram key) and bg+=prev|cur (prev's right bigram).
          const prev = ids[i - 1];
          const h = fnvTwo(this.lowers[id], this.meta[prev * META + BG_LEFT], this.meta[prev * META + BGP_LEFT]);
          ph[i] = h;
          pp[i - 1] = twoSecond;
          const slot = (ps[i] = this.bigramSlot(h, stamp));
          this.bigrams[slot + BG_COUNT]++;
        }
      }
      idsOf.push(ids);
      const pos = posBuf.subarray(at - n, at);
      for (let i = 0; i < n; i++) pos[i] = this.pos(v.pos[i]);
      posOf.push(pos);
      pairsOf.push(ph);
      slotsOf.push(ps);
      plusOf.push(pp);
    }
    this.last = { views, ids: idsOf, pos: posOf };
    this.densityRow = this.featurizer.density ? Number(densityBucket(strong, tokens)) : -1;
    this.sentenceRows.length = 0;
    this.hitsOf = [];
    if (this.sentenceBag) this.sentenceModels(views, idsOf, pairsOf, posOf);
    const out: Float64Array[] = new Array(views.length);
    let first = 0;
    for (let s = 0; s < views.length; s++) {
      const n = views[s].raws.length;
      const emit = (out[s] = emitBuf.subarray(first * T, (first + n) * T));
      this.sentence(views[s], s, idsOf[s], pairsOf[s], slotsOf[s], plusOf[s], posOf[s], emit, first);
      first += n;
    }
    return out;
  }

  /** The offset in `bigrams` of a bigram hash's record in this article (claimed, with count 0, when new). */
  private bigramSlot(h: number, stamp: number): number {
    const table = this.bigrams;
    const mask = (table.length >> BIGRAM_SHIFT) - 1;
    let at = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    while (table[(at << BIGRAM_SHIFT) + BG_STAMP] === stamp && table[(at << BIGRAM_SHIFT) + BG_KEY] !== h) at = (at + 1) & mask;
    const o = at << BIGRAM_SHIFT;
    if (table[o + BG_STAMP] !== stamp) {
      table[o + BG_STAMP] = stamp;
      table[o + BG_KEY] = h;
      table[o + BG_COUNT] = 0;
    }
    return o;
  }

  /**
   * Emission scores of one sentence; `ph`/`ps`: hash and count-table slot of bigram (i-1, i),
   * `pp[i]`: hash of the right-bigram feature of (i, i+1).
   */
  private sentence(v: SentenceView, s: number, ids: Int32Array, ph: Int32Array, ps: Int32Array, pp: Int32Array, posIds: Int32Array, emit: Float64Array, flagsAt: number): void {
    const n = ids.length;
    const tb = this.tables;
    // Sentence-wide features, summed once.
    const facts = sentenceFacts(v);
    // (No closure here: under tsx every named closure costs a defineProperty per call.)
    const acc = this.sentenceRow;
    acc[0] = tb.b[0];
    acc[1] = tb.b[1];
    acc[2] = tb.b[2];
    addRow(acc, 0, tb.sl, SENTENCE_LENGTHS.indexOf(facts.length));
    if (facts.question) addRow(acc, 0, tb.sq, 0);
    if (facts.exclaim) addRow(acc, 0, tb.sq, 1);
    if (facts.quote) addRow(acc, 0, tb.sq, 2);
    if (s === 0) addRow(acc, 0, tb.sq, 3);
    if (this.densityRow >= 0) addRow(acc, 0, tb.ad, this.densityRow);
    const rows = this.sentenceRows;
    if (rows.length) {
      addRow(acc, 0, tb.sp, rows[s]);
      const none = SENTENCE_MODEL.edges.length + 1;
      for (let d = 1; d <= this.featurizer.neighbourSentences; d++) {
        addRow(acc, 0, this.beforeTables[d - 1], s - d >= 0 ? rows[s - d] : none);
        addRow(acc, 0, this.afterTables[d - 1], s + d < rows.length ? rows[s + d] : none);
      }
    }
    const s0 = acc[0];
    const s1 = acc[1];
    const s2 = acc[2];
    // Lexicon categories per token: single words, plus phrase hits (`ph` when the phrase's
    // category is not one of the word's own).
    // A phrase hit's categories count for each of its tokens after the token's own, in hit
    // order (`hitCats[h]`: hit h's category index, -1 when it is not a tagger category).
    const hits = this.hitsOf.length ? this.hitsOf[s] : this.phraseHits(v, ids);
    if (this.hitCats.length < hits.length) this.hitCats = new Int32Array(2 * hits.length);
    const hitCats = this.hitCats;
    let phrased = 0;
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h];
      const c = this.catIndex.get(hit.category) ?? -1;
      hitCats[h] = c;
      if (c < 0) continue;
      phrased++;
      for (let k = hit.first; k <= hit.last; k++) if (!this.cats[ids[k]].includes(c)) addRow(emit, k * T, tb.ph, c);
    }
    // Nearby lexicon hits: each token with categories feeds the NEAR_WINDOW tokens around it.
    const flags = this.tokenFlags;
    for (let k = 0; k < n; k++) {
      const inPhrase = phrased > 0 && coveredBy(hits, hitCats, k);
      if (!(flags[flagsAt + k] & HAS_CATS) && !inPhrase) continue;
      const own = this.cats[ids[k]];
      const lo = Math.max(0, k - NEAR_WINDOW);
      const hi = Math.min(n - 1, k + NEAR_WINDOW);
      for (let i = lo; i <= hi; i++) {
        if (i === k) continue;
        // Seen from token i, token k lies at d = k - i: "nr-" when k is before i.
        const table = k < i ? tb.nrm : tb.nrp;
        for (const c of own) addRow(emit, i * T, table, c);
        if (!inPhrase) continue;
        for (let h = 0; h < hits.length; h++) if (hitCats[h] >= 0 && hits[h].first <= k && k <= hits[h].last) addRow(emit, i * T, table, hitCats[h]);
      }
    }
    const w = this.w;
    const mask = this.mask;
    const rec = this.rec;
    const before = this.before;
    const after = this.after;
    const quoted = v.quoted;
    const bigrams = this.bigrams;
    let prevPos = -1;
    let pos = n ? posIds[0] : -1;
    let prevCount = 0;
    for (let i = 0; i < n; i++) {
      const at = i * T;
      const id = ids[i];
      const nextPos = i + 1 < n ? posIds[i + 1] : -1;
      let e0 = emit[at] + s0;
      let e1 = emit[at + 1] + s1;
      let e2 = emit[at + 2] + s2;
      let b = id * REC;
      e0 += rec[b];
      e1 += rec[b + 1];
      e2 += rec[b + 2];
      // Neighbours at -2, -1, +1, +2 (NEIGHBOURS order): row j of the neighbour's ctx block.
      b = (i >= 2 ? ids[i - 2] : before) * REC + T;
      e0 += rec[b];
      e1 += rec[b + 1];
      e2 += rec[b + 2];
      b = (i >= 1 ? ids[i - 1] : before) * REC + 2 * T;
      e0 += rec[b];
      e1 += rec[b + 1];
      e2 += rec[b + 2];
      b = (i + 1 < n ? ids[i + 1] : after) * REC + 3 * T;
      e0 += rec[b];
      e1 += rec[b + 1];
      e2 += rec[b + 2];
      b = (i + 2 < n ? ids[i + 2] : after) * REC + 4 * T;
      e0 += rec[b];
      e1 += rec[b + 1];
      e2 += rec[b + 2];
      const pr = this.pairRows;
      let r = this.posRow(2, pos, -1);
      e0 += pr[r];
      e1 += pr[r + 1];
      e2 += pr[r + 2];
      r = this.posRow(0, prevPos, pos);
      e0 += pr[r];
      e1 += pr[r + 1];
      e2 += pr[r + 2];
      r = this.posRow(1, pos, nextPos);
      e0 += pr[r];
      e1 += pr[r + 1];
      e2 += pr[r + 2];
      b = ((i > 0 ? ph[i] : fnv1a(this.lowers[id], this.meta[before * META + BG_LEFT])) & mask) * T;
      e0 += w[b];
      e1 += w[b + 1];
      e2 += w[b + 2];
      b = ((i + 1 < n ? pp[i] : fnv1a(AFTER, this.meta[id * META + BGP_LEFT])) & mask) * T;
      e0 += w[b];
      e1 += w[b + 1];
      e2 += w[b + 2];
      b = quoted[i] ? T : 0;
      e0 += tb.q[b];
      e1 += tb.q[b + 1];
      e2 += tb.q[b + 2];
      b = (i === 0 ? 0 : i === n - 1 ? 1 : i * 3 < n ? 2 : i * 3 < 2 * n ? 3 : 4) * T;
      e0 += tb.ix[b];
      e1 += tb.ix[b + 1];
      e2 += tb.ix[b + 2];
      emit[at] = e0;
      emit[at + 1] = e1;
      emit[at + 2] = e2;
      // Repetition: the word's article count, and the counts of the bigrams it starts and ends.
      const wc = this.meta[id * META + FLAGS] & 2 ? this.counts[this.meta[id * META + LOWER]] : 0;
      if (wc > 1) addRow(emit, at, tb.rw, Math.min(wc, 4) - 2);
      const nextCount = i + 1 < n ? bigrams[ps[i + 1] + BG_COUNT] : 0;
      if (nextCount > 1) addRow(emit, at, tb.rb, Math.min(nextCount, 4) - 2);
      if (i > 0 && prevCount > 1) addRow(emit, at, tb.rbm, Math.min(prevCount, 4) - 2);
      prevCount = nextCount;
      prevPos = pos;
      pos = nextPos;
    }
  }
}

/** True when token k lies in a phrase hit with a tagger category (`cats[h]` ≥ 0). */
function coveredBy(hits: readonly LexiconHit[], cats: Int32Array, k: number): boolean {
  for (let h = 0; h < hits.length; h++) if (cats[h] >= 0 && hits[h].first <= k && k <= hits[h].last) return true;
  return false;
}

/** dst[at .. at+T) += src row `row`. */
function addRow(dst: Float64Array, at: number, src: Float64Array, row: number): void {
  const base = row * T;
  dst[at] += src[base];
  dst[at + 1] += src[base + 1];
  dst[at + 2] += src[base + 2];
}
