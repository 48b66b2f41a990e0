import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Classifier, probabilities, SequenceTagger } from '../../learn/index.js';
import { CONFIDENCE_SHARPNESS, EVIDENCE, MODEL_FILES, TAG_OUTSIDE, TAGGER } from './constants.js';
import { spansFromTags, type Range } from './decode.js';
import { evidenceFor } from './evidence.js';
import { LexiconIndex } from './lexicon-match.js';
import { spanFeaturesInto, type SpanContext, type SpanFacts } from './span-features.js';
import { ExplainingSink } from './sinks.js';
import { TokenFeaturizer } from './token-features.js';
import { EmissionScorer } from './emissions.js';
import type { SentenceView } from './view.js';

/** A technique judgement over a range. */
export interface LabelledSpan extends Range {
  label: string;
  score: number;
  evidence: string[];
  facts: SpanFacts;
  /** Labels ranked by probability (best first). */
  ranking: { label: string; score: number }[];
}

/** The folder of committed models, beside src/. */
export const MODELS_DIR = join(import.meta.dirname, '..', '..', '..', 'models');

/**
 * The trained techniques model: a BIO span tagger (which fragments persuade) and a technique
 * classifier (how), with lexicons for features and evidence.
 *
 * @example
 * const model = TechniqueModel.load();
 * const ranges = model.findSpans(views);
 * const labelled = model.label(ctx, ranges);
 */
export class TechniqueModel {
  readonly featurizer: TokenFeaturizer;
  readonly scorer: EmissionScorer;
  private readonly spanSink: ExplainingSink;
  private readonly transitions: Float32Array;
  private readonly T: number;
  private readonly scale: number;
  private readonly outside: number;

  constructor(
    readonly tagger: SequenceTagger,
    readonly classifier: Classifier,
    readonly lexicon: LexiconIndex = new LexiconIndex(),
    readonly outsideBias: number = TAGGER.outsideBias,
    readonly backstopMargin: number = TAGGER.backstopMargin,
  ) {
    this.featurizer = new TokenFeaturizer(lexicon, tagger.bits);
    this.scorer = new EmissionScorer(tagger, lexicon, this.featurizer);
    this.spanSink = new ExplainingSink((1 << classifier.bits) - 1);
    this.T = tagger.tags.length;
    // The outside bias rides on every transition into O (including from the start state), in
    // units of the mean absolute transition weight so it does not depend on the weight scale
    // (which grows with the size of the training set).
    this.transitions = Float32Array.from(tagger.transitions);
    let scale = 0;
    for (const w of tagger.transitions) scale += Math.abs(w);
    scale /= Math.max(1, tagger.transitions.length);
    const o = tagger.tags.indexOf(TAG_OUTSIDE);
    for (let row = 0; row <= this.T; row++) this.transitions[row * this.T + o] += outsideBias * scale;
    this.scale = scale;
    this.outside = o;
  }

  /** Loads the committed models (throws when they are missing). */
  static load(dir = MODELS_DIR): TechniqueModel {
    const taggerPath = join(dir, MODEL_FILES.tagger);
    const classifierPath = join(dir, MODEL_FILES.classifier);
    if (!existsSync(taggerPath) || !existsSync(classifierPath)) throw new Error(`techniques model missing in ${dir} (run npm run train:techniques)`);
    const tagger = SequenceTagger.decode(readFileSync(taggerPath));
    const bias = typeof tagger.card.outsideBias === 'number' ? tagger.card.outsideBias : TAGGER.outsideBias;
    const margin = typeof tagger.card.backstopMargin === 'number' ? tagger.card.backstopMargin : TAGGER.backstopMargin;
    return new TechniqueModel(tagger, Classifier.decode(readFileSync(classifierPath)), new LexiconIndex(), bias, margin);
  }

  /** A copy with another decoding bias (for tuning). */
  withBias(outsideBias: number, backstopMargin = this.backstopMargin): TechniqueModel {
    return new TechniqueModel(this.tagger, this.classifier, this.lexicon, outsideBias, backstopMargin);
  }

  /** How much the tagger's emissions prefer "inside a span" over "outside" for token i. */
  private insideMargin(emit: Float64Array, i: number): number {
    let inside = -Infinity;
    for (let t = 0; t < this.T; t++) if (t !== this.outside) inside = Math.max(inside, emit[i * this.T + t]);
    return (inside - emit[i * this.T + this.outside]) / this.scale;
  }

  /**
   * The lexicon backstop: runs of emotive or labelling words the tagger left outside every
   * span become spans when the tagger's emissions lean toward "inside" by at least the margin.
   */
  private backstop(v: SentenceView, emit: Float64Array, path: readonly number[], out: Range[]): void {
    let k = 0;
    while (k < v.lowers.length) {
      if (path[k] !== this.outside || !this.isStrongCue(v.lowers[k])) {
        k++;
        continue;
      }
      let end = k;
      while (end + 1 < v.lowers.length && path[end + 1] === this.outside && (this.isStrongCue(v.lowers[end + 1]) || v.lowers[end + 1] === '-')) end++;
      while (end > k && v.lowers[end] === '-') end--;
      let margin = 0;
      for (let i = k; i <= end; i++) margin += this.insideMargin(emit, i);
      if (margin / (end - k + 1) >= this.backstopMargin) out.push({ start: v.starts[k], end: v.ends[end] });
      k = end + 1;
    }
  }

  /**
   * Runs of emotive or labelling words inside longer predicted spans: PTC marks such words as
   * Loaded_Language or Name_Calling even inside a fragment of another technique.
   */
  nestedCues(views: readonly SentenceView[], spans: readonly Range[]): Range[] {
    const out: Range[] = [];
    for (const v of views) {
      let k = 0;
      while (k < v.lowers.length) {
        if (!this.isStrongCue(v.lowers[k])) {
          k++;
          continue;
        }
        let end = k;
        while (end + 1 < v.lowers.length && (this.isStrongCue(v.lowers[end + 1]) || v.lowers[end + 1] === '-')) end++;
        while (end > k && v.lowers[end] === '-') end--;
        const r = { start: v.starts[k], end: v.ends[end] };
        if (spans.some((s) => s.start <= r.start && r.end <= s.end && (s.start < r.start || r.end < s.end))) out.push(r);
        k = end + 1;
      }
    }
    return out;
  }

  private isStrongCue(lower: string): boolean {
    const cats = this.lexicon.categoriesOf(lower);
    return cats.includes('loaded') || cats.includes('label');
  }

  /** Persuasive fragments of an article (span identification). */
  findSpans(views: readonly SentenceView[]): Range[] {
    const out: Range[] = [];
    const emissions = this.scorer.article(views);
    views.forEach((v, s) => {
      const emit = emissions[s];
      const path = this.decode(emit, v.raws.length);
      for (const r of spansFromTags(v, path.map((t) => this.tagger.tags[t]))) if (r.end - r.start >= EVIDENCE.minSpanChars) out.push(r);
      if (Number.isFinite(this.backstopMargin)) this.backstop(v, emit, path, out);
    });
    return out.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** Emission scores, token × tag, from flat buckets (the reference for `EmissionScorer`). */
  emissionsOf(buckets: readonly number[], offsets: readonly number[]): Float64Array {
    const T = this.T;
    const n = offsets.length - 1;
    const w = this.tagger.emissions;
    const emit = new Float64Array(n * T);
    for (let i = 0; i < n; i++) {
      for (let f = offsets[i]; f < offsets[i + 1]; f++) {
        const base = buckets[f] * T;
        for (let t = 0; t < T; t++) emit[i * T + t] += w[base + t];
      }
    }
    return emit;
  }

  /** First-order Viterbi over precomputed emissions and the biased transitions. */
  private decode(emit: Float64Array, n: number): number[] {
    const T = this.T;
    if (n === 0) return [];
    const tr = this.transitions;
    const score = new Float64Array(n * T);
    const back = new Int32Array(n * T);
    for (let t = 0; t < T; t++) score[t] = emit[t] + tr[T * T + t];
    for (let k = 1; k < n; k++) {
      for (let t = 0; t < T; t++) {
        let best = -Infinity;
        let arg = 0;
        for (let p = 0; p < T; p++) {
          const x = score[(k - 1) * T + p] + tr[p * T + t];
          if (x > best) {
            best = x;
            arg = p;
          }
        }
        score[k * T + t] = best + emit[k * T + t];
        back[k * T + t] = arg;
      }
    }
    const path = new Array<number>(n);
    let last = 0;
    for (let t = 1; t < T; t++) if (score[(n - 1) * T + t] > score[(n - 1) * T + last]) last = t;
    path[n - 1] = last;
    for (let k = n - 1; k > 0; k--) path[k - 1] = back[k * T + path[k]];
    return path;
  }

  /** The technique of each range, with a score, a ranking and evidence. */
  label(ctx: SpanContext, ranges: readonly Range[]): LabelledSpan[] {
    const sink = this.spanSink;
    const labels = this.classifier.labels;
    return ranges.map((r) => {
      sink.clear();
      const facts = spanFeaturesInto(ctx, r, this.lexicon, sink);
      const probs = probabilities(standardized(this.classifier.scoreBuckets(sink.out), CONFIDENCE_SHARPNESS));
      const ranking = [...probs].map((score, i) => ({ label: labels[i], score })).sort((a, b) => b.score - a.score);
      const best = ranking[0];
      // Evidence: only the top features are spelled out as strings.
      const explained = this.classifier.explainBuckets(sink.out, labels.indexOf(best.label), EXPLAINED_FEATURES).map((k) => ({ feature: sink.feature(k) }));
      return { start: r.start, end: r.end, label: best.label, score: best.score, ranking, facts, evidence: evidenceFor(best.label, explained, facts, this.lexicon) };
    });
  }
}

/** How many top classifier features are considered for a span's evidence. */
const EXPLAINED_FEATURES = 8;

/**
 * Perceptron margins have no fixed scale; dividing by their spread (per span) before the
 * softmax gives scores that say how far the best label stands out from the others.
 */
function standardized(scores: Float64Array, sharpness: number): Float64Array {
  let mean = 0;
  for (const x of scores) mean += x;
  mean /= scores.length;
  let v = 0;
  for (const x of scores) v += (x - mean) ** 2;
  const sd = Math.sqrt(v / scores.length) || 1;
  return scores.map((x) => ((x - mean) / sd) * sharpness);
}
