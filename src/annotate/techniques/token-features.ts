import { type Classifier, edgeBucket, fnv1a } from '../../learn/index.js';
import { probBucket, sentenceProbs } from './sentence-model.js';
import { FEATURES } from './constants.js';
import type { LexiconIndex } from './lexicon-match.js';
import { HashSink, StringSink, type FeatureSink } from './sinks.js';
import type { SentenceView } from './view.js';
import type { WordClusters } from './word-clusters.js';

/** Article-wide counts used by repetition features. */
export interface ArticleCounts {
  words: Map<string, number>;
  bigrams: Map<number, number>;
  /** Bucket of the article's share of emotive/labelling words (when the tagger uses it). */
  density?: string;
  /** Bucket of each sentence's sentence-model probability (when the tagger uses it). */
  sentence?: string[];
}

/** Strong cues (loaded or labelling lexicon words) per 100 tokens: bucket edges. */
export const DENSITY_EDGES: readonly number[] = [0.5, 1, 1.5, 2.5, 4];

/** The bucket name of an article's strong-cue share. */
export function densityBucket(strong: number, tokens: number): string {
  return String(edgeBucket((100 * strong) / Math.max(1, tokens), DENSITY_EDGES));
}

/** Neighbour offsets whose word features a token sees, with their template names. */
export const NEIGHBOURS = [
  { d: -2, w: 'w-2', lx: 'lx-2', sh: 'sh-2' },
  { d: -1, w: 'w-1', lx: 'lx-1', sh: 'sh-1' },
  { d: 1, w: 'w+1', lx: 'lx+1', sh: 'sh+1' },
  { d: 2, w: 'w+2', lx: 'lx+2', sh: 'sh+2' },
] as const;
/** Templates of a word's own cluster ids, coarse first. */
const CLUSTER_OWN = ['c0', 'c1', 'c2', 'c3'];
/**
 * Templates of the ±1 neighbours' coarse cluster ids (5-fold CV: 0.3793 without, 0.3818 with;
 * adding their 256-cluster ids too: 0.3808).
 */
const CLUSTER_PREV = 'c-1';
const CLUSTER_NEXT = 'c+1';
export const BEFORE = '<s>';
/** The sentence-bucket value of a missing neighbour sentence (article start or end). */
export const NO_SENTENCE = 'x';
/** Templates of the buckets of the sentences 1 and 2 before / after. */
export const SENTENCE_BEFORE = ['sp-', 'sp-2'];
export const SENTENCE_AFTER = ['sp+', 'sp+2'];
export const AFTER = '</s>';
/** Lexicon hits this many tokens away still count as "near" (spans extend around cue words). */
export const NEAR_WINDOW = 3;

/** A word's shape: Xxxx, xxxx, XXXX, dd, punctuation kept ("U.S." → X.X.). */
export function wordShape(raw: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < raw.length && out.length < 6; i++) {
    const c = raw[i];
    const k = c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x' : c >= '0' && c <= '9' ? 'd' : c;
    if (k !== last) out += k;
    last = k;
  }
  return out;
}

/** Bucket name of a count: 1, 2, 3, 4+ . */
export function countBucket(n: number): string {
  return n >= 4 ? '4+' : String(n);
}

/** Counts content words and word bigrams over the whole article. */
export function articleCounts(views: readonly SentenceView[]): ArticleCounts {
  const words = new Map<string, number>();
  const bigrams = new Map<number, number>();
  for (const v of views) {
    for (let i = 0; i < v.lowers.length; i++) {
      const w = v.lowers[i];
      if (w.length >= FEATURES.minRepeatWordLength) words.set(w, (words.get(w) ?? 0) + 1);
      if (i > 0) {
        const h = bigramKey(v.lowers[i - 1], w);
        bigrams.set(h, (bigrams.get(h) ?? 0) + 1);
      }
    }
  }
  return { words, bigrams };
}

function bigramKey(a: string, b: string): number {
  return fnv1a(b, fnv1a(' ', fnv1a(a)));
}

export interface WordBundle {
  own: number[];
  /** Features seen from each neighbour offset, in NEIGHBOURS order. */
  ctx: number[][];
}

/**
 * Token features for the span tagger. `strings` gives feature strings (training,
 * explanations); `hashed` gives the same features as buckets with per-word hashes memoised
 * (the run-time path, a few hundred nanoseconds per token).
 */
export class TokenFeaturizer {
  private readonly bundles = new Map<string, WordBundle>();
  private readonly mask: number;
  private readonly sink: HashSink;

  constructor(
    readonly lexicon: LexiconIndex,
    readonly bits: number,
    /** Distributional word classes (features of the word and its ±1 neighbours) when given. */
    readonly clusters?: WordClusters,
    /** Whether the article's strong-cue density is a feature of every token. */
    readonly density = false,
    /** The sentence model whose probabilities (bucketed) are features of every token. */
    readonly sentenceModel?: Classifier,
    /** How many sentences before and after give their buckets as features of every token. */
    readonly neighbourSentences = 0,
  ) {
    this.mask = (1 << bits) - 1;
    this.sink = new HashSink(this.mask);
  }

  /** Features of the word itself (depend only on its text). */
  private wordOwn(raw: string, lower: string, sink: FeatureSink): void {
    sink.add('w', lower);
    sink.add('sh', wordShape(raw));
    sink.add('s3', lower.slice(-3));
    sink.add('p3', lower.slice(0, 3));
    for (const cat of this.lexicon.categoriesOf(lower)) sink.add('lx', cat);
    const ids = this.clusters?.of(lower);
    if (ids) for (let k = 0; k < ids.length; k++) sink.add(CLUSTER_OWN[k], String(ids[k]));
  }

  /** Features a neighbour contributes. */
  private wordCtx(raw: string, lower: string, n: (typeof NEIGHBOURS)[number], sink: FeatureSink): void {
    sink.add(n.w, lower);
    sink.add(n.sh, wordShape(raw));
    for (const cat of this.lexicon.categoriesOf(lower)) sink.add(n.lx, cat);
    if (n.d === -1 || n.d === 1) {
      const ids = this.clusters?.of(lower);
      if (ids) sink.add(n.d < 0 ? CLUSTER_PREV : CLUSTER_NEXT, String(ids[0]));
    }
  }

  /** The memoised buckets a word contributes as itself and as each neighbour. */
  bundle(raw: string): WordBundle {
    let b = this.bundles.get(raw);
    if (b) return b;
    if (this.bundles.size >= FEATURES.maxCachedWords) this.bundles.clear();
    const lower = raw.toLowerCase();
    const own = new HashSink(this.mask);
    this.wordOwn(raw, lower, own);
    const ctx = NEIGHBOURS.map((n) => {
      const s = new HashSink(this.mask);
      this.wordCtx(raw, lower, n, s);
      return s.out;
    });
    b = { own: own.out, ctx };
    this.bundles.set(raw, b);
    return b;
  }

  /** Per-token lexicon categories (single words and phrases) of a sentence. */
  private tokenCategories(v: SentenceView): string[][] {
    const cats: string[][] = v.lowers.map((w) => [...this.lexicon.categoriesOf(w)]);
    for (const hit of this.lexicon.phraseHits(v.lowers)) for (let k = hit.first; k <= hit.last; k++) cats[k].push(hit.category);
    return cats;
  }

  /** Features that depend on the token's place (not cacheable per word). */
  private contextual(v: SentenceView, i: number, sIndex: number, counts: ArticleCounts, cats: string[][], sent: SentenceFacts, sink: FeatureSink): void {
    const n = v.lowers.length;
    sink.add('b', '1');
    sink.add('t', v.pos[i]);
    sink.pair('tt', i > 0 ? v.pos[i - 1] : BEFORE, v.pos[i]);
    sink.pair('tt+', v.pos[i], i + 1 < n ? v.pos[i + 1] : AFTER);
    sink.pair('bg', i > 0 ? v.lowers[i - 1] : BEFORE, v.lowers[i]);
    sink.pair('bg+', v.lowers[i], i + 1 < n ? v.lowers[i + 1] : AFTER);
    for (const cat of cats[i]) if (!this.lexicon.categoriesOf(v.lowers[i]).includes(cat)) sink.add('ph', cat);
    for (let d = -NEAR_WINDOW; d <= NEAR_WINDOW; d++) {
      const k = i + d;
      if (d === 0 || k < 0 || k >= n) continue;
      for (const cat of cats[k]) sink.add(d < 0 ? 'nr-' : 'nr+', cat);
    }
    sink.add('q', v.quoted[i] ? '1' : '0');
    const wc = counts.words.get(v.lowers[i]);
    if (wc && wc > 1) sink.add('rw', countBucket(wc));
    if (i + 1 < n) {
      const bc = counts.bigrams.get(bigramKey(v.lowers[i], v.lowers[i + 1])) ?? 0;
      if (bc > 1) sink.add('rb', countBucket(bc));
    }
    if (i > 0) {
      const bc = counts.bigrams.get(bigramKey(v.lowers[i - 1], v.lowers[i])) ?? 0;
      if (bc > 1) sink.add('rb-', countBucket(bc));
    }
    sink.add('ix', i === 0 ? 'first' : i === n - 1 ? 'last' : i * 3 < n ? 'a' : i * 3 < 2 * n ? 'm' : 'z');
    sink.add('sl', sent.length);
    if (sent.question) sink.add('s?', '1');
    if (sent.exclaim) sink.add('s!', '1');
    if (sent.quote) sink.add('sq', '1');
    if (sIndex === 0) sink.add('ti', '1');
    if (counts.density) sink.add('ad', counts.density);
    if (counts.sentence) {
      sink.add('sp', counts.sentence[sIndex]);
      for (let d = 1; d <= this.neighbourSentences; d++) {
        sink.add(SENTENCE_BEFORE[d - 1], sIndex - d >= 0 ? counts.sentence[sIndex - d] : NO_SENTENCE);
        sink.add(SENTENCE_AFTER[d - 1], sIndex + d < counts.sentence.length ? counts.sentence[sIndex + d] : NO_SENTENCE);
      }
    }
  }

  /** Sentence-model buckets of an article's sentences (given probabilities, or the model's). */
  sentenceBuckets(views: readonly SentenceView[], probs?: readonly number[]): Pick<ArticleCounts, 'sentence'> {
    if (!probs && !this.sentenceModel) return {};
    const p = probs ?? sentenceProbs(this.sentenceModel!, views, this.lexicon, this.clusters);
    return { sentence: p.map((x) => String(probBucket(x))) };
  }

  /** Article-wide counts (and the density bucket when the tagger uses it). */
  counts(views: readonly SentenceView[], probs?: readonly number[]): ArticleCounts {
    const counts: ArticleCounts = { ...articleCounts(views), ...this.sentenceBuckets(views, probs) };
    if (!this.density) return counts;
    let strong = 0;
    let tokens = 0;
    for (const v of views) {
      tokens += v.lowers.length;
      for (const w of v.lowers) {
        const cats = this.lexicon.categoriesOf(w);
        if (cats.includes('loaded') || cats.includes('label')) strong++;
      }
    }
    return { ...counts, density: densityBucket(strong, tokens) };
  }

  /** Feature strings of every token, per sentence. */
  strings(views: readonly SentenceView[], counts = this.counts(views)): string[][][] {
    return views.map((v, s) => {
      const cats = this.tokenCategories(v);
      const facts = sentenceFacts(v);
      return v.raws.map((raw, i) => {
        const sink = new StringSink();
        this.wordOwn(raw, v.lowers[i], sink);
        for (const nb of NEIGHBOURS) {
          const k = i + nb.d;
          const r = k < 0 ? BEFORE : k >= v.raws.length ? AFTER : v.raws[k];
          this.wordCtx(r, r.toLowerCase(), nb, sink);
        }
        this.contextual(v, i, s, counts, cats, facts, sink);
        return sink.out;
      });
    });
  }

  /** The same features as bucket indices, per sentence and token (memoised per word). */
  hashed(views: readonly SentenceView[], counts = this.counts(views)): Uint32Array[][] {
    return views.map((v, s) => {
      const { buckets, offsets } = this.hashedSentence(v, s, counts);
      return v.raws.map((_, i) => Uint32Array.from(buckets.slice(offsets[i], offsets[i + 1])));
    });
  }

  /**
   * The run-time form: one sentence's buckets in one flat list, token i's features at
   * `buckets[offsets[i] .. offsets[i + 1])` (no per-token allocation).
   */
  hashedSentence(v: SentenceView, s: number, counts: ArticleCounts): { buckets: number[]; offsets: number[] } {
    const sink = this.sink;
    sink.out = [];
    const out = sink.out;
    const offsets = [0];
    const cats = this.tokenCategories(v);
    const facts = sentenceFacts(v);
    const n = v.raws.length;
    const bundles = v.raws.map((raw) => this.bundle(raw));
    const before = this.bundle(BEFORE);
    const after = this.bundle(AFTER);
    for (let i = 0; i < n; i++) {
      for (const h of bundles[i].own) out.push(h);
      for (let j = 0; j < NEIGHBOURS.length; j++) {
        const k = i + NEIGHBOURS[j].d;
        const b = k < 0 ? before : k >= n ? after : bundles[k];
        for (const h of b.ctx[j]) out.push(h);
      }
      this.contextual(v, i, s, counts, cats, facts, sink);
      offsets.push(out.length);
    }
    return { buckets: out, offsets };
  }
}

export interface SentenceFacts {
  length: string;
  question: boolean;
  exclaim: boolean;
  quote: boolean;
}

export function sentenceFacts(v: SentenceView): SentenceFacts {
  const n = v.raws.length;
  return {
    length: n < 8 ? 'short' : n < 20 ? 'mid' : n < 40 ? 'long' : 'vlong',
    question: v.raws.includes('?'),
    exclaim: v.raws.includes('!'),
    quote: v.quoted.includes(1),
  };
}
