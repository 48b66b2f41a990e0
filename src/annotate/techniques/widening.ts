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

/**
 * Features of the run, written once per side under the side's prefix (L / R) with the side's
 * own: how sure the tagger is of the run and of the added tokens, their lengths, the word next
 * to the run and the clause stop beyond, the sentence model's buckets, lexicon hits.
 */
export function wideningFeatures(x: WideningInput, side: WideningSide, sink: FeatureSink): void {
  const v = x.view;
  const tag = side.left ? 'L' : 'R';
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
      sink.add(`${tag}lx`, cat);
      if (cat === 'loaded' || cat === 'label') strong++;
    }
  }
  const n = v.lowers.length;
  const b = x.buckets;
  const s = x.sentence;
  sink.add(`${tag}b`, '1');
  sink.add(`${tag}mean`, String(edgeBucket(sum / coreLength, MARGINS)));
  sink.add(`${tag}max`, String(edgeBucket(max, MARGINS)));
  sink.add(`${tag}min`, String(edgeBucket(min, MARGINS)));
  sink.add(`${tag}cl`, String(edgeBucket(coreLength, LENGTHS)));
  sink.add(`${tag}sl`, String(edgeBucket(n, LENGTHS)));
  sink.add(`${tag}sp`, b.length ? String(b[s]) : 'x');
  sink.add(`${tag}spm`, s > 0 && b.length ? String(b[s - 1]) : 'x');
  sink.add(`${tag}spp`, s + 1 < b.length ? String(b[s + 1]) : 'x');
  sink.add(`${tag}si`, String(edgeBucket(s, PLACES)));
  sink.add(`${tag}p0`, v.pos[x.first]);
  sink.add(`${tag}p1`, v.pos[x.last]);
  sink.add(`${tag}st`, String(edgeBucket(strong, STRONG_COUNTS)));
  sink.add(`${tag}stc`, String(edgeBucket(strong / coreLength, STRONG_SHARES)));
  sink.add(`${tag}q`, quoted === 0 ? '0' : quoted === coreLength ? 'all' : 'some');
  if (coreLength === 1) sink.add(`${tag}w1`, v.lowers[x.first]);
  const length = side.to - side.from + 1;
  let added = 0;
  for (let i = side.from; i <= side.to; i++) added += x.margins[i];
  const near = side.left ? side.to : side.from;
  const far = side.left ? side.from - 1 : side.to + 1;
  const lengthBucket = String(edgeBucket(length, LENGTHS));
  sink.add(`${tag}len`, lengthBucket);
  sink.add(`${tag}em`, String(edgeBucket(added / length, MARGINS)));
  sink.add(`${tag}near`, v.lowers[near]);
  sink.add(`${tag}nearp`, v.pos[near]);
  sink.add(`${tag}stop`, far >= 0 && far < n ? v.lowers[far] : '^');
  sink.pair(`${tag}lencl`, lengthBucket, String(edgeBucket(coreLength, LENGTHS)));
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
