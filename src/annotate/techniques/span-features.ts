import { FEATURES } from './constants.js';
import type { LexiconHit, LexiconIndex } from './lexicon-match.js';
import type { Range } from './decode.js';
import type { SentenceView } from './view.js';
import { StringSink, type FeatureSink } from './sinks.js';
import type { ArticleWordCounts } from './emissions.js';

/** What the classifier and the evidence writer know about one span. */
export interface SpanFacts {
  /** Times the fragment occurs in the article (case-insensitive), at least 1. */
  repeats: number;
  /** Of those, how many start before the span and how many after it. */
  repeatsBefore: number;
  repeatsAfter: number;
  /** Lexicon hits inside the span, with the words that matched. */
  hits: LexiconHit[];
  /** Superlative words in the span. */
  superlatives: string[];
  words: number;
  quoted: boolean;
}

/** Per-article inputs shared by all spans. */
export interface SpanContext {
  text: string;
  lowerText: string;
  views: readonly SentenceView[];
  /** Content-word counts over the article (filled on first use). */
  wordCounts?: ArticleWordCounts;
  /** Trigram index of `lowerText` (built on first use, for fragment repetition). */
  textIndex?: TextIndex;
  /** Entity mentions, if an entities layer is present. */
  entities?: readonly { start: number; end: number; label: string }[];
}

const SUPERLATIVE_WORDS = new Set(['most', 'least', 'best', 'worst', 'ever', 'never']);
/** Adjectives ending in -est that are not superlatives. */
const NOT_SUPERLATIVE = new Set(['honest', 'modest', 'interest', 'protest', 'request', 'forest', 'west', 'rest', 'test', 'nest', 'latest', 'earnest', 'manifest', 'arrest', 'suggest', 'contest', 'quest', 'guest', 'invest']);
const QUOTE_MARKS = new Set(['"', '“', '”', '«', '»', "'", '‘', '’']);

/** Counts content words (long enough to be telling) over the article's tokens. */
function countWords(views: readonly SentenceView[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of views) for (const w of v.lowers) if (w.length >= FEATURES.minRepeatWordLength) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

function lengthBucket(n: number): string {
  for (const b of FEATURES.lengthBuckets) if (n <= b) return String(b);
  return 'more';
}

/** The neighbour word of a span at the start or end of its sentence. */
const SENTENCE_EDGE = '<s>';

function repeatBucket(n: number): string {
  for (const b of FEATURES.repeatBuckets) if (n <= b) return String(b);
  return 'more';
}

/** Buckets of the trigram index (a power of two). */
const TRIGRAM_BUCKETS = 1 << 12;

/**
 * Positions of the article's (lower-case) text by the hash of the three characters starting
 * there, for counting a fragment's occurrences without scanning the whole text per span.
 */
export interface TextIndex {
  text: string;
  /** Bucket b's positions are `positions[heads[b] .. heads[b + 1])`, ascending. */
  heads: Int32Array;
  positions: Int32Array;
}

function trigramKey(t: string, i: number): number {
  return (((t.charCodeAt(i) * 31 + t.charCodeAt(i + 1)) * 31 + t.charCodeAt(i + 2)) >>> 0) & (TRIGRAM_BUCKETS - 1);
}

/** Builds the trigram index of a text (a counting sort of its positions). */
export function textIndex(text: string): TextIndex {
  const n = Math.max(0, text.length - 2);
  const heads = new Int32Array(TRIGRAM_BUCKETS + 1);
  // Each position's key once (as trigramKey, the characters carried along), kept for the fill.
  const keys = new Uint16Array(n);
  let a = text.charCodeAt(0);
  let b = text.charCodeAt(1);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i + 2);
    const key = (((a * 31 + b) * 31 + c) >>> 0) & (TRIGRAM_BUCKETS - 1);
    keys[i] = key;
    heads[key + 1]++;
    a = b;
    b = c;
  }
  for (let k = 0; k < TRIGRAM_BUCKETS; k++) heads[k + 1] += heads[k];
  const fill = heads.slice(0, TRIGRAM_BUCKETS);
  const positions = new Int32Array(n);
  for (let i = 0; i < n; i++) positions[fill[keys[i]]++] = i;
  return { text, heads, positions };
}

/** As `countOccurrences(index.text, needle)`, visiting only the positions of its first trigram. */
export function countIndexed(index: TextIndex, needle: string): number {
  return countIndexedAround(index, needle, 0).total;
}

/**
 * Non-overlapping occurrences of `needle` in the indexed text (as `countOccurrences`), and how
 * many of them start before / after the position `at`.
 */
export function countIndexedAround(index: TextIndex, needle: string, at: number): RepeatCounts {
  const counts = { total: 0, before: 0, after: 0 };
  if (!needle) return counts;
  const short = needle.length < 3;
  const k = short ? 0 : trigramKey(needle, 0);
  // Short needles scan the text; longer ones visit the positions of their first trigram.
  let j = short ? 0 : index.heads[k];
  let next = 0;
  for (;;) {
    let p: number;
    if (short) p = index.text.indexOf(needle, next);
    else if (j < index.heads[k + 1]) p = index.positions[j++];
    else break;
    if (p < 0) break;
    if (p < next || !index.text.startsWith(needle, p)) continue;
    counts.total++;
    if (p < at) counts.before++;
    else if (p > at) counts.after++;
    next = p + needle.length;
  }
  return counts;
}

/** How often a fragment occurs in its article, and where relative to the span. */
export interface RepeatCounts {
  total: number;
  before: number;
  after: number;
}

/** Counts non-overlapping occurrences of `needle` in `hay`. */
export function countOccurrences(hay: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** The tokens of the article that overlap a range: (view, token index, view index) triples. */
function tokensIn(views: readonly SentenceView[], r: Range): { v: SentenceView; i: number; s: number }[] {
  const out: { v: SentenceView; i: number; s: number }[] = [];
  let lo = 0;
  let hi = views.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (views[mid].start <= r.start) lo = mid;
    else hi = mid - 1;
  }
  for (let s = Math.max(0, lo - 1); s < views.length && views[s].start < r.end; s++) {
    const v = views[s];
    for (let i = 0; i < v.starts.length; i++) if (v.ends[i] > r.start && v.starts[i] < r.end) out.push({ v, i, s });
  }
  return out;
}

/**
 * The features only the technique network reads: character n-grams of `<word>` for each span
 * word of n letters or more. Apart from `spanFeaturesInto` because the run time needs them only
 * for the spans where the network is consulted.
 */
export function networkFeaturesInto(ctx: SpanContext, r: Range, f: FeatureSink): void {
  const n = FEATURES.networkCharGrams;
  if (!n) return;
  for (const { v, i } of tokensIn(ctx.views, r)) {
    const word = v.lowers[i];
    if (word.length < n) continue;
    const marked = `<${word}>`;
    for (let c = 0; c + n <= marked.length; c++) f.network('ch', marked.slice(c, c + n));
  }
}

/**
 * `raw === raw.toUpperCase() && /[A-Z]/.test(raw)`, without making the upper-case copy for an
 * ASCII word (no a-z, some A-Z); other words take the expression itself.
 */
function isAllCaps(raw: string): boolean {
  let upper = false;
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c > 127) return raw === raw.toUpperCase() && /[A-Z]/.test(raw);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper;
}

/** True for an -est superlative or a superlative word. */
export function isSuperlative(lower: string, pos: string): boolean {
  if (SUPERLATIVE_WORDS.has(lower)) return true;
  return pos === 'ADJ' && lower.length > 4 && lower.endsWith('est') && !NOT_SUPERLATIVE.has(lower);
}

/**
 * Feature strings of a span for the technique classifier, and the facts behind them (for
 * evidence). Features: span words, word endings, POS and bigrams, first/last words, the word
 * just before and just after the span, length, how often the fragment recurs in the article
 * (and whether before or after the span), ?, !, superlatives, capitals, numbers, lexicon hits,
 * quotation context, sentence facts (title, ?, !, quotes) and named entities. (The words of the
 * whole surrounding sentence were tried and dropped: they cost 2 points of CV micro-F1; see
 * models/techniques.md for every variant measured.) `networkFeatures`: those of
 * `networkFeaturesInto`, for the technique network only.
 */
export function spanFeatures(ctx: SpanContext, r: Range, lexicon: LexiconIndex): { features: string[]; networkFeatures: string[]; facts: SpanFacts } {
  const sink = new StringSink();
  const facts = spanFeaturesInto(ctx, r, lexicon, sink);
  networkFeaturesInto(ctx, r, sink);
  return { features: sink.out, networkFeatures: sink.networkOut, facts };
}

/** As `spanFeatures`, writing the features to a sink (hashed at run time, strings in training). */
export function spanFeaturesInto(ctx: SpanContext, r: Range, lexicon: LexiconIndex, f: FeatureSink): SpanFacts {
  f.flag('b');
  const toks = tokensIn(ctx.views, r);
  const lowers = toks.map((t) => t.v.lowers[t.i]);
  const spanText = ctx.lowerText.slice(r.start, r.end);
  const fragment = spanText.trim();
  const index = ctx.textIndex ?? (ctx.textIndex = textIndex(ctx.lowerText));
  const counts = countIndexedAround(index, fragment, r.start + spanText.indexOf(fragment));
  const repeats = Math.max(1, counts.total);
  const hits = lexicon.hits(lowers);
  const superlatives: string[] = [];
  let quoted = false;
  if (toks.length) {
    const n = toks.length;
    f.add('len', lengthBucket(n));
    f.add('first', lowers[0]);
    f.add('last', lowers[n - 1]);
    let propn = 0;
    for (let k = 0; k < n; k++) {
      const { v, i } = toks[k];
      const w = lowers[k];
      const raw = v.raws[i];
      f.add('u', w);
      f.add('tp', v.pos[i]);
      // Word endings generalise over forms the training spans do not hold (-ist, -ism, -ous, -ing).
      if (w.length > FEATURES.minSuffixWordLength) f.add('sfx', w.slice(-FEATURES.suffixLength));
      if (k > 0) f.pair('bi', lowers[k - 1], w);
      if (isSuperlative(w, v.pos[i])) superlatives.push(raw);
      if (w === '?') f.flag('has?');
      if (w === '!') f.flag('has!');
      if (raw.length > 2 && raw !== w && isAllCaps(raw)) f.flag('caps');
      if (v.pos[i] === 'NUM') f.flag('num');
      else if (v.pos[i] === 'PROPN') propn++;
      if (w.charCodeAt(0) === 35) f.flag('hashtag');
    }
    f.add('propn', propn === 0 ? '0' : propn * 2 >= n ? 'most' : 'some');
    // Part of speech at the edges: name calling tends to end on a noun, loaded language on
    // an adjective or noun, doubt and slogans start with other words.
    f.add('ftp', toks[0].v.pos[toks[0].i]);
    f.add('ltp', toks[n - 1].v.pos[toks[n - 1].i]);
    const first = toks[0];
    const last = toks[n - 1];
    quoted = first.v.quoted[first.i] === 1;
    if (quoted) f.flag('inq');
    const before = first.i > 0 ? first.v.raws[first.i - 1] : '';
    const after = last.i + 1 < last.v.raws.length ? last.v.raws[last.i + 1] : '';
    // The words just outside the span ("so-called …", "… said"): cues of how it is used.
    f.add('pre1', first.i > 0 ? first.v.lowers[first.i - 1] : SENTENCE_EDGE);
    f.add('post1', last.i + 1 < last.v.lowers.length ? last.v.lowers[last.i + 1] : SENTENCE_EDGE);
    if (QUOTE_MARKS.has(before) || QUOTE_MARKS.has(after)) f.flag('qwrap');
    if (first.i === 0 && last.i === last.v.lowers.length - 1) f.flag('whole');
    else if (first.i === 0) f.flag('atstart');
    if (first.v === ctx.views[0]) f.flag('title');
    if (first.v.raws.includes('?')) f.flag('sent?');
    if (first.v.raws.includes('!')) f.flag('sent!');
    if (first.v.quoted.includes(1)) f.flag('sentq');
  }
  f.add('rep', repeats >= 4 ? '4+' : String(repeats));
  if (repeats > 1) f.add('rep>1&len', lengthBucket(toks.length));
  // Repetition marks the fragment said again: whether it came earlier or comes back later.
  f.add('repb', repeatBucket(counts.before));
  f.add('repa', repeatBucket(counts.after));
  const wordCounts: ArticleWordCounts = ctx.wordCounts ?? (ctx.wordCounts = countWords(ctx.views));
  let repeatedWords = 0;
  if (wordCounts.at) {
    for (const { s, i } of toks) if ((wordCounts.at(ctx.views, s, i) ?? 0) > 2) repeatedWords++;
  } else for (const w of lowers) if ((wordCounts.get(w) ?? 0) > 2) repeatedWords++;
  if (repeatedWords) f.add('wrep', repeatedWords * 2 >= toks.length ? 'most' : 'some');
  for (const h of hits) f.add('lx', h.category);
  if (superlatives.length) f.flag('sup');
  for (const e of ctx.entities ?? []) if (e.start < r.end && r.start < e.end) f.add('ent', e.label);
  return { repeats, repeatsBefore: counts.before, repeatsAfter: counts.after, hits, superlatives, words: toks.length, quoted };
}
