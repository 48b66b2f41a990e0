import { edgeBucket, type Classifier } from '../../learn/index.js';
import type { LexiconIndex } from './lexicon-match.js';
import type { FeatureSink } from './sinks.js';
import type { SentenceView } from './view.js';

/**
 * The widening model: widening a tagger run to its clause (`extendToClause`) buys recall for
 * long fragments but costs precision around short ones (a loaded word inside a long clause).
 * A soft-target logistic model judges each side of the widening on its own (the share of the
 * added tokens that lie in a fragment); a side below the threshold is not widened.
 */

/** Bucket edges of run lengths (tokens) and of inside-vs-outside emission margins. */
const LENGTHS: readonly number[] = [2, 3, 4, 6, 9, 13, 20, 30];
const MARGINS: readonly number[] = [-3, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3];
const PLACES: readonly number[] = [1, 2, 4, 8, 16, 32];
const STRONG_COUNTS: readonly number[] = [1, 2, 3];
const STRONG_SHARES: readonly number[] = [0.01, 0.34, 0.67, 0.99];


/** What the widening model sees of one tagger run. */
export interface WideningInput {
  view: SentenceView;
  /** Index of the sentence in the article. */
  sentence: number;
  /** The run [first, last] the tagger marked (token indices of the sentence). */
  first: number;
  last: number;
  /** Inside-vs-outside emission margin of each token of the sentence (tagger units). */
  margins: ArrayLike<number>;
  /** Sentence-model bucket of every sentence of the article (empty: no sentence model). */
  buckets: readonly number[];
  lexicon: LexiconIndex;
}

/** A side of a widening: the added tokens [from, to]; `left` when they precede the run. */
export interface WideningSide {
  from: number;
  to: number;
  left: boolean;
}

/** The feature templates of one side ('L' or 'R' before each name), made once (not per span). */
function sideTemplates(tag: string): Record<(typeof TEMPLATE_NAMES)[number], string> {
  return Object.fromEntries(TEMPLATE_NAMES.map((name) => [name, tag + name])) as Record<(typeof TEMPLATE_NAMES)[number], string>;
}
const TEMPLATE_NAMES = ['b', 'cl', 'em', 'len', 'lencl', 'lx', 'max', 'mean', 'min', 'near', 'nearp', 'p0', 'p1', 'q', 'si', 'sl', 'sp', 'spm', 'spp', 'st', 'stc', 'stop', 'w1'] as const;
const LEFT_TEMPLATES = sideTemplates('L');
const RIGHT_TEMPLATES = sideTemplates('R');
/** `String(k)` of small bucket numbers, made once. */
const SMALL_NUMBERS = Array.from({ length: 64 }, (_, k) => String(k));
function small(k: number): string {
  return k >= 0 && k < SMALL_NUMBERS.length && Number.isInteger(k) ? SMALL_NUMBERS[k] : String(k);
}

/**
 * Features of the run, written once per side under the side's prefix (L / R) with the side's
 * own: how sure the tagger is of the run and of the added tokens, their lengths, the word next
 * to the run and the clause stop beyond, the sentence model's buckets, lexicon hits.
 */
export function wideningFeatures(x: WideningInput, side: WideningSide, sink: FeatureSink): void {
  const v = x.view;
  const t = side.left ? LEFT_TEMPLATES : RIGHT_TEMPLATES;
  const coreLength = x.last - x.first + 1;
  let sum = 0;
  let max = -Infinity;
  let min = Infinity;
  let strong = 0;
  let quoted = 0;
  for (let i = x.first; i <= x.last; i++) {
    const m = x.margins[i];
    sum += m;
    max = Math.max(max, m);
    min = Math.min(min, m);
    quoted += v.quoted[i];
    for (const cat of x.lexicon.categoriesOf(v.lowers[i])) {
      sink.add(t.lx, cat);
      if (cat === 'loaded' || cat === 'label') strong++;
    }
  }
  const n = v.lowers.length;
  const b = x.buckets;
  const s = x.sentence;
  sink.add(t.b, '1');
  sink.add(t.mean, small(edgeBucket(sum / coreLength, MARGINS)));
  sink.add(t.max, small(edgeBucket(max, MARGINS)));
  sink.add(t.min, small(edgeBucket(min, MARGINS)));
  sink.add(t.cl, small(edgeBucket(coreLength, LENGTHS)));
  sink.add(t.sl, small(edgeBucket(n, LENGTHS)));
  sink.add(t.sp, b.length ? small(b[s]) : 'x');
  sink.add(t.spm, s > 0 && b.length ? small(b[s - 1]) : 'x');
  sink.add(t.spp, s + 1 < b.length ? small(b[s + 1]) : 'x');
  sink.add(t.si, small(edgeBucket(s, PLACES)));
  sink.add(t.p0, v.pos[x.first]);
  sink.add(t.p1, v.pos[x.last]);
  sink.add(t.st, small(edgeBucket(strong, STRONG_COUNTS)));
  sink.add(t.stc, small(edgeBucket(strong / coreLength, STRONG_SHARES)));
  sink.add(t.q, quoted === 0 ? '0' : quoted === coreLength ? 'all' : 'some');
  if (coreLength === 1) sink.add(t.w1, v.lowers[x.first]);
  const length = side.to - side.from + 1;
  let added = 0;
  for (let i = side.from; i <= side.to; i++) added += x.margins[i];
  const near = side.left ? side.to : side.from;
  const far = side.left ? side.from - 1 : side.to + 1;
  const lengthBucket = small(edgeBucket(length, LENGTHS));
  sink.add(t.len, lengthBucket);
  sink.add(t.em, small(edgeBucket(added / length, MARGINS)));
  sink.add(t.near, v.lowers[near]);
  sink.add(t.nearp, v.pos[near]);
  sink.add(t.stop, far >= 0 && far < n ? v.lowers[far] : '^');
  sink.pair(t.lencl, lengthBucket, small(edgeBucket(coreLength, LENGTHS)));
}

/** Share of the side's tokens that overlap a gold fragment (the training target). */
export function sideTarget(v: SentenceView, side: WideningSide, gold: readonly { start: number; end: number }[]): number {
  let inside = 0;
  for (let i = side.from; i <= side.to; i++) if (gold.some((g) => g.start < v.ends[i] && v.starts[i] < g.end)) inside++;
  return inside / (side.to - side.from + 1);
}

/** The sides of widening run [a, b] to [x, y] (none when it was not widened). */
export function wideningSides(a: number, b: number, x: number, y: number): WideningSide[] {
  const out: WideningSide[] = [];
  if (x < a) out.push({ from: x, to: a - 1, left: true });
  if (y > b) out.push({ from: b + 1, to: y, left: false });
  return out;
}

/** The model's log-odds weight per bucket (label 1 minus label 0). */
export function wideningLogOdds(model: Classifier): Float32Array {
  const out = new Float32Array(1 << model.bits);
  const yes = model.labels.indexOf('1');
  for (let k = 0; k < out.length; k++) out[k] = model.weights[k * 2 + yes] - model.weights[k * 2 + 1 - yes];
  return out;
}
