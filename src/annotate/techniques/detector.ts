import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Classifier, Mlp, SequenceTagger, softmaxInPlace } from '../../learn/index.js';
import { CLAUSE_STOPS, CONFIDENCE_SHARPNESS, CONTEXT, EVIDENCE, FEATURES, MODEL_FILES, NETWORK, TAG_BEGIN, TAG_OUTSIDE, TAGGER, TOKEN_MODEL } from './constants.js';
import type { Range } from './decode.js';
import { evidenceFor, wordsOf, type LabelledWording } from './evidence.js';
import { LexiconIndex } from './lexicon-match.js';
import { networkFeaturesInto, spanFeaturesInto, type SpanContext, type SpanFacts } from './span-features.js';
import { ExplainingSink, HashSink } from './sinks.js';
import { TokenFeaturizer } from './token-features.js';
import { EmissionScorer } from './emissions.js';
import type { SentenceView } from './view.js';
import { loadWordClusters, type WordClusters } from './word-clusters.js';
import type { SpanTagger } from './train.js';
import { probBucket } from './sentence-model.js';
import { wideningFeatures, wideningLogOdds, wideningSides, type WideningInput } from './widening.js';
import { TokenModelScorer, type TokenModel } from './token-model.js';
import { CompactRows } from './compact-rows.js';
import { NetworkScorer } from './network-scorer.js';

/** A technique judgement over a range. */
export interface LabelledSpan extends Range {
  label: string;
  score: number;
  evidence: string[];
  facts: SpanFacts;
  /** Labels ranked by probability (best first). */
  ranking: { label: string; score: number }[];
}

/**
 * A detected fragment; when it was widened to its clause, `core` is the run the tagger marked
 * (labelled in its place: its words are the telling ones, and labelling costs per token).
 */
export interface FoundSpan extends Range {
  core?: Range;
}

/**
 * The first token of the hyphenated word token i belongs to ("al-Qaeda-affiliated" is five
 * tokens): a span never starts or ends inside such a word.
 */
export function wordStart(v: SentenceView, i: number): number {
  while (i >= 2 && v.raws[i - 1] === '-' && v.ends[i - 2] === v.starts[i - 1] && v.ends[i - 1] === v.starts[i]) i -= 2;
  return i;
}

/** The last token of the hyphenated word token i belongs to (see `wordStart`). */
export function wordEnd(v: SentenceView, i: number): number {
  const n = v.raws.length;
  while (i + 2 < n && v.raws[i + 1] === '-' && v.ends[i] === v.starts[i + 1] && v.ends[i + 1] === v.starts[i + 2]) i += 2;
  return i;
}

/** The words the classifier labelled, for evidence (and the fragment itself when the span is widened past it). */
function labelledWording(text: string, r: FoundSpan): LabelledWording {
  const core = r.core ?? r;
  const fragment = text.slice(core.start, core.end);
  const widened = core.start !== r.start || core.end !== r.end;
  return new LazyWording(fragment, widened ? fragment : undefined);
}

/** A `LabelledWording` whose words are split out only when evidence asks for them (few spans do). */
class LazyWording implements LabelledWording {
  private split?: string[];
  constructor(
    private readonly fragment: string,
    readonly core: string | undefined,
  ) {}
  get words(): readonly string[] {
    return (this.split ??= wordsOf(this.fragment));
  }
}

/** Sorts spans and merges overlapping or touching ones (their cores are joined too). */
export function mergeFound(spans: FoundSpan[]): FoundSpan[] {
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: FoundSpan[] = [];
  for (const r of spans) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
      const a = last.core ?? last;
      const b = r.core ?? r;
      last.core = { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
    } else out.push(r);
  }
  return out;
}

/**
 * A candidate fragment of one sentence: the tagger's (or the backstop's) token run
 * [first, last] and its widening [from, to].
 */
export interface Candidate {
  sentence: number;
  first: number;
  last: number;
  from: number;
  to: number;
  /** From a backstop (lexicon words, or a whole sentence the sentence model is sure of) rather than the tagger's path. */
  backstop: boolean;
}

/** The run-time weight table of each classifier (shared by a model's copies). */
const compactOf = new WeakMap<Classifier, CompactRows>();

/** The classifier's weights without their all-zero rows (made once per classifier). */
function compactRows(classifier: Classifier): CompactRows {
  let rows = compactOf.get(classifier);
  if (!rows) compactOf.set(classifier, (rows = new CompactRows(classifier.weights, classifier.labels.length)));
  return rows;
}

/** The run-time scorer of each technique network (shared by a model's copies). */
const networkScorers = new WeakMap<Mlp, NetworkScorer>();

/** The network's run-time scorer (made once per network). */
function networkScorer(net: Mlp): NetworkScorer {
  let scorer = networkScorers.get(net);
  if (!scorer) networkScorers.set(net, (scorer = new NetworkScorer(net)));
  return scorer;
}

let clustersOnce: WordClusters | undefined;
/** The committed word clusters, read once per process. */
function sharedClusters(): WordClusters {
  clustersOnce ??= loadWordClusters();
  if (!clustersOnce) throw new Error('word clusters missing (models/word-clusters.bin: npm run train:word-clusters)');
  return clustersOnce;
}

/**
 * Tagger features measured and left out (`TAGGER`; models/techniques.md, History): their code
 * is gone, so a tagger whose card turns one on cannot be run.
 */
const RETIRED_TAGGER_FEATURES = ['articleStyle', 'articlePrior', 'clauseModel', 'tokenModel'] as const;

/** How many neighbour sentences on each side a tagger card says the tagger reads. */
function neighbourWindow(x: unknown): number {
  return typeof x === 'number' ? x : x === true ? 1 : 0;
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
  /** The classifier's weights as scored at run time (`compact-rows.ts`). */
  private readonly classifierRows: CompactRows;
  private readonly spanSink: ExplainingSink;
  /** The network's input buckets of the current span (reused). */
  private readonly networkBuckets: number[] = [];
  private readonly strongCues = new Map<string, boolean>();
  private viterbiScore = new Float64Array(0);
  private viterbiBack = new Int32Array(0);
  private readonly transitions: Float32Array;
  /** Optional network averaged with the classifier (`withNetwork`). */
  private network?: Mlp;
  private logisticWeight: number = NETWORK.logisticWeight;
  private skipLead: number = NETWORK.skipLead;
  /** Exponent of the article-context factor (`CONTEXT`; 0: off). */
  private contextWeight: number = CONTEXT.weight;
  /** The same for the tagger's own spans (`CONTEXT.foundWeight`; `label(…, 'found')`). */
  private foundContextWeight: number = CONTEXT.foundWeight;
  /** Per label (classifier order): log(prior + smoothing), NaN where `CONTEXT.prior` has no value. */
  private readonly contextPrior: Float64Array;
  /** Optional widening model (`withWidening`): log-odds per bucket, and its threshold. */
  private widening?: { model: Classifier; weights: Float32Array; sink: HashSink };
  private wideningThreshold: number = TAGGER.wideningThreshold;
  /** Optional token model (`withTokenModel`) whose log-odds are added to the inside emissions × weight. */
  private tokenModel?: TokenModelScorer;
  private tokenWeight: number = TOKEN_MODEL.weight;
  /** Scratch: token-model log-odds and the mixed emissions of one sentence. */
  private tokenOdds = new Float64Array(64);
  private mixed = new Float64Array(192);
  /** Sentence-model bucket from which a sentence without any run becomes a span (`TAGGER.sentenceBackstop`). */
  private sentenceBackstopBucket: number = backstopBucket(TAGGER.sentenceBackstop);
  private readonly T: number;
  private readonly scale: number;
  private readonly outside: number;
  private readonly begin: number;

  constructor(
    readonly tagger: SpanTagger,
    readonly classifier: Classifier,
    readonly lexicon: LexiconIndex = new LexiconIndex(),
    readonly outsideBias: number = TAGGER.outsideBias,
    readonly backstopMargin: number = TAGGER.backstopMargin,
    readonly spanMargin: number = TAGGER.spanMargin,
    readonly mergeGap: number = TAGGER.mergeGap,
    readonly extendTokens: number = TAGGER.extendTokens,
  ) {
    if (tagger.card.sentenceModel === true && !tagger.sentences) throw new Error('the span tagger reads a sentence model, none given');
    const sentences = tagger.card.sentenceModel === true ? tagger.sentences : undefined;
    for (const feature of RETIRED_TAGGER_FEATURES) if (tagger.card[feature] === true) throw new Error(`the span tagger reads ${feature}, which this version no longer computes (retrain: npm run train:techniques)`);
    const clusters = tagger.card.wordClusters ? sharedClusters() : undefined;
    this.featurizer = new TokenFeaturizer(lexicon, tagger.bits, clusters, tagger.card.articleDensity === true, sentences, neighbourWindow(tagger.card.sentenceNeighbours));
    this.scorer = new EmissionScorer(tagger, lexicon, this.featurizer, (w) => this.isStrongCue(w));
    this.spanSink = new ExplainingSink((1 << classifier.bits) - 1);
    this.classifierRows = compactRows(classifier);
    this.contextPrior = Float64Array.from(classifier.labels, (l) => (l in CONTEXT.prior ? Math.log(CONTEXT.prior[l] + CONTEXT.smoothing) : NaN));
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
    this.begin = tagger.tags.indexOf(TAG_BEGIN);
  }

  /** Loads the committed models (throws when they are missing). */
  static load(dir = MODELS_DIR): TechniqueModel {
    const taggerPath = join(dir, MODEL_FILES.tagger);
    const classifierPath = join(dir, MODEL_FILES.classifier);
    if (!existsSync(taggerPath) || !existsSync(classifierPath)) throw new Error(`techniques model missing in ${dir} (run npm run train:techniques)`);
    const tagger: SpanTagger = SequenceTagger.decode(readFileSync(taggerPath));
    if (tagger.card.sentenceModel === true) tagger.sentences = Classifier.decode(readFileSync(join(dir, MODEL_FILES.sentences)));
    const bias = typeof tagger.card.outsideBias === 'number' ? tagger.card.outsideBias : TAGGER.outsideBias;
    const margin = typeof tagger.card.backstopMargin === 'number' ? tagger.card.backstopMargin : TAGGER.backstopMargin;
    // The span margin is a decoding setting: the committed constant wins over the card.
    const spanMargin = TAGGER.spanMargin;
    const model = new TechniqueModel(tagger, Classifier.decode(readFileSync(classifierPath)), new LexiconIndex(), bias, margin, spanMargin);
    const networkPath = join(dir, MODEL_FILES.network);
    const wideningPath = join(dir, MODEL_FILES.widening);
    const widened = existsSync(wideningPath) ? model.withWidening(Classifier.decode(readFileSync(wideningPath))) : model;
    const labelled = existsSync(networkPath) ? widened.withNetwork(Mlp.decode(readFileSync(networkPath))) : widened;
    // The token model comes with its own outside bias (tuned with it by 5-fold CV).
    const tokens = loadTokenModel(dir);
    return tokens ? labelled.withBias(TOKEN_MODEL.outsideBias).withTokenModel(tokens, TOKEN_MODEL.weight) : labelled;
  }

  /**
   * A copy whose technique probabilities average the classifier's with a network's (trained
   * on the same span features; `logisticWeight` is the classifier's share).
   */
  withNetwork(network: Mlp | undefined, logisticWeight: number = NETWORK.logisticWeight, skipLead: number = NETWORK.skipLead): TechniqueModel {
    if (network && (network.bits !== this.classifier.bits || network.labels.join() !== this.classifier.labels.join())) throw new Error('technique network does not match the classifier');
    const copy = this.withBias(this.outsideBias);
    copy.network = network;
    copy.logisticWeight = logisticWeight;
    copy.skipLead = skipLead;
    return copy;
  }

  /**
   * A copy with other article-context weights (`CONTEXT.weight` for given spans,
   * `CONTEXT.foundWeight` for the tagger's spans; 0 switches the context off).
   */
  withContext(weight: number, foundWeight: number = this.foundContextWeight): TechniqueModel {
    const copy = this.withBias(this.outsideBias);
    copy.contextWeight = weight;
    copy.foundContextWeight = foundWeight;
    return copy;
  }

  /**
   * A copy that widens a tagger run on a side only when the widening model (`widening.ts`)
   * gives that side's tokens a probability of at least `threshold` of lying in a fragment
   * (undefined model: every run is widened to its clause).
   */
  withWidening(model: Classifier | undefined, threshold: number = this.wideningThreshold): TechniqueModel {
    const copy = this.withBias(this.outsideBias);
    copy.widening = model && { model, weights: wideningLogOdds(model), sink: new HashSink((1 << model.bits) - 1) };
    copy.wideningThreshold = threshold;
    return copy;
  }

  /**
   * A copy whose decoding adds the token model's log-odds (minus its base rate's) × `weight`
   * to the tagger's inside emissions (undefined model or weight 0: the tagger alone).
   */
  withTokenModel(model: TokenModel | TokenModelScorer | undefined, weight: number = TOKEN_MODEL.weight): TechniqueModel {
    const copy = this.withBias(this.outsideBias);
    copy.tokenModel = model instanceof Classifier ? new TokenModelScorer(model, this.lexicon, this.featurizer.clusters) : model?.fresh();
    copy.tokenWeight = weight;
    return copy;
  }

  /** The tagger's emissions of sentence s with the token model mixed in (scratch buffer), or `emit` itself. */
  private mixedEmissions(v: SentenceView, s: number, emit: Float64Array): Float64Array {
    if (!this.tokenModel || this.tokenWeight === 0) return emit;
    const n = v.raws.length;
    const T = this.T;
    if (this.tokenOdds.length < n) this.tokenOdds = new Float64Array(2 * n);
    if (this.mixed.length < n * T) this.mixed = new Float64Array(2 * n * T);
    const last = this.scorer.last;
    const z = this.tokenModel.sentence(v, this.tokenOdds, last.ids[s], this.scorer, this.scorer.generation, last.pos[s], this.scorer.posTags);
    const out = this.mixed;
    const k = this.tokenWeight * this.scale;
    const base = this.tokenModel.baseLogit;
    for (let i = 0; i < n; i++) {
      const add = k * (z[i] - base);
      for (let t = 0; t < T; t++) out[i * T + t] = t === this.outside ? emit[i * T + t] : emit[i * T + t] + add;
    }
    return out;
  }

  /** A copy with another decoding bias (for tuning). */
  withBias(outsideBias: number, backstopMargin = this.backstopMargin, spanMargin = this.spanMargin, mergeGap = this.mergeGap, extendTokens = this.extendTokens, wideningThreshold = this.wideningThreshold, sentenceBackstop?: number): TechniqueModel {
    const copy = new TechniqueModel(this.tagger, this.classifier, this.lexicon, outsideBias, backstopMargin, spanMargin, mergeGap, extendTokens);
    copy.network = this.network;
    copy.logisticWeight = this.logisticWeight;
    copy.skipLead = this.skipLead;
    copy.contextWeight = this.contextWeight;
    copy.foundContextWeight = this.foundContextWeight;
    copy.widening = this.widening && { ...this.widening, sink: new HashSink(this.widening.sink.mask) };
    copy.wideningThreshold = wideningThreshold;
    // Its own memo: the copy has its own emission scorer, whose word ids key the memo.
    copy.tokenModel = this.tokenModel?.fresh();
    copy.tokenWeight = this.tokenWeight;
    copy.sentenceBackstopBucket = sentenceBackstop === undefined ? this.sentenceBackstopBucket : backstopBucket(sentenceBackstop);
    return copy;
  }

  /** How much the tagger's emissions prefer "inside a span" over "outside" for token i. */
  insideMargin(emit: Float64Array, i: number): number {
    let inside = -Infinity;
    for (let t = 0; t < this.T; t++) if (t !== this.outside) inside = Math.max(inside, emit[i * this.T + t]);
    return (inside - emit[i * this.T + this.outside]) / this.scale;
  }

  /**
   * The lexicon backstop: runs of emotive or labelling words the tagger left outside every
   * span become spans when the tagger's emissions lean toward "inside" by at least the margin.
   */
  private backstop(v: SentenceView, s: number, ids: Int32Array, emit: Float64Array, path: readonly number[], out: Candidate[]): void {
    let k = 0;
    const scorer = this.scorer;
    while (k < v.lowers.length) {
      if (path[k] !== this.outside || !scorer.isStrong(ids[k])) {
        k++;
        continue;
      }
      let end = k;
      while (end + 1 < v.lowers.length && path[end + 1] === this.outside && (scorer.isStrong(ids[end + 1]) || v.lowers[end + 1] === '-')) end++;
      while (end > k && v.lowers[end] === '-') end--;
      let margin = 0;
      for (let i = k; i <= end; i++) margin += this.insideMargin(emit, i);
      if (margin / (end - k + 1) >= this.backstopMargin) out.push({ sentence: s, first: k, last: end, from: k, to: end, backstop: true });
      k = end + 1;
    }
  }

  /**
   * Runs of emotive or labelling words inside longer predicted spans: PTC marks such words as
   * Loaded_Language or Name_Calling even inside a fragment of another technique.
   */
  nestedCues(views: readonly SentenceView[], spans: readonly Range[]): Range[] {
    const out: Range[] = [];
    const known = this.scorer.last.views === views ? this.scorer.last.ids : undefined;
    // Only sentences that some span overlaps can hold a nested cue.
    const sorted = [...spans].sort((x, y) => x.start - y.start);
    let first = 0;
    views.forEach((v, s) => {
      while (first < sorted.length && sorted[first].end <= v.start) first++;
      let touched = false;
      for (let k = first; k < sorted.length && sorted[k].start < v.end; k++) if (sorted[k].end > v.start) touched = true;
      if (!touched) return;
      const ids = known?.[s];
      let k = 0;
      while (k < v.lowers.length) {
        if (!this.strongAt(v, ids, k)) {
          k++;
          continue;
        }
        let end = k;
        while (end + 1 < v.lowers.length && (this.strongAt(v, ids, end + 1) || v.lowers[end + 1] === '-')) end++;
        while (end > k && v.lowers[end] === '-') end--;
        const r = { start: v.starts[k], end: v.ends[end] };
        if (spans.some((x) => x.start <= r.start && r.end <= x.end && (x.start < r.start || r.end < x.end))) out.push(r);
        k = end + 1;
      }
    });
    return out;
  }

  /** True when token i of the sentence is a strong cue (by word id when the ids are known). */
  private strongAt(v: SentenceView, ids: Int32Array | undefined, i: number): boolean {
    return ids ? this.scorer.isStrong(ids[i]) : this.isStrongCue(v.lowers[i]);
  }

  private isStrongCue(lower: string): boolean {
    let strong = this.strongCues.get(lower);
    if (strong === undefined) {
      const cats = this.lexicon.categoriesOf(lower);
      strong = cats.includes('loaded') || cats.includes('label');
      if (this.strongCues.size >= FEATURES.maxCachedWords) this.strongCues.clear();
      this.strongCues.set(lower, strong);
    }
    return strong;
  }

  /** Persuasive fragments of an article (span identification). */
  findSpans(views: readonly SentenceView[]): FoundSpan[] {
    const cands = this.candidates(views);
    const out: FoundSpan[] = [];
    for (const c of cands) {
      const v = views[c.sentence];
      const first = wordStart(v, c.first);
      const last = wordEnd(v, c.last);
      const from = Math.min(c.from, first);
      const to = Math.max(c.to, last);
      const core = { start: v.starts[first], end: v.ends[last] };
      out.push(from === first && to === last ? core : { start: v.starts[from], end: v.ends[to], core });
    }
    if (this.extendTokens > 0) return mergeFound(out);
    return out.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /**
   * Candidate fragments before merging: tagger runs (widened to the clause) and lexicon
   * backstop runs, as token indices of their sentence, in sentence order. Their emissions stay
   * in `lastEmissions` (for span features).
   */
  candidates(views: readonly SentenceView[]): Candidate[] {
    const out: Candidate[] = [];
    const emissions = this.scorer.article(views);
    this.lastEmissions = emissions;
    const buckets = this.scorer.sentenceBuckets;
    for (let s = 0; s < views.length; s++) {
      const v = views[s];
      const emit = emissions[s];
      const path = this.decode(this.mixedEmissions(v, s, emit), v.raws.length);
      let runs = 0;
      for (const [a, b] of mergeRuns(this.runsOf(path), this.mergeGap)) {
        if (v.ends[b] - v.starts[a] < EVIDENCE.minSpanChars) continue;
        if (this.spanMargin > -Infinity) {
          let margin = 0;
          for (let i = a; i <= b; i++) margin += this.insideMargin(emit, i);
          if (margin / (b - a + 1) < this.spanMargin) continue;
        }
        let [x, y] = this.extendTokens > 0 ? extendToClause(v.lowers, a, b, this.extendTokens) : [a, b];
        if (this.widening && (x < a || y > b)) [x, y] = this.judgeWidening({ view: v, sentence: s, first: a, last: b, margins: this.marginsOf(emit, x, y), buckets, lexicon: this.lexicon }, x, y);
        out.push({ sentence: s, first: a, last: b, from: x, to: y, backstop: false });
        runs++;
      }
      if (Number.isFinite(this.backstopMargin)) this.backstop(v, s, this.scorer.last.ids[s], emit, path, out);
      // The sentence backstop: a sentence the sentence model is fairly sure of but where the
      // tagger marked nothing (long fragments, e.g. doubt or oversimplification, spread their
      // evidence too thinly for a token window) becomes a span as a whole, also when the lexicon
      // backstop marked a cue word in it (5-fold CV 0.4180 → 0.4188, every fold up).
      if (runs === 0 && buckets.length > s && buckets[s] >= this.sentenceBackstopBucket && v.raws.length > 0) out.push({ sentence: s, first: 0, last: v.raws.length - 1, from: 0, to: v.raws.length - 1, backstop: true });
    }
    return out;
  }

  /** Scratch inside-vs-outside margins of a sentence's tokens (filled over [x, y] only). */
  private margins = new Float64Array(64);

  /** The inside-vs-outside margin of tokens x..y (entries outside stay stale). */
  private marginsOf(emit: Float64Array, x: number, y: number): Float64Array {
    if (this.margins.length <= y) this.margins = new Float64Array(2 * (y + 1));
    for (let i = x; i <= y; i++) this.margins[i] = this.insideMargin(emit, i);
    return this.margins;
  }

  /** The widening [x, y] of a run with each side kept only when the widening model is sure enough of it. */
  private judgeWidening(input: WideningInput, x: number, y: number): [number, number] {
    const { weights, sink } = this.widening!;
    for (const side of wideningSides(input.first, input.last, x, y)) {
      sink.out.length = 0;
      wideningFeatures(input, side, sink);
      let z = 0;
      for (const k of sink.out) z += weights[k];
      if (1 / (1 + Math.exp(-z)) >= this.wideningThreshold) continue;
      if (side.left) x = input.first;
      else y = input.last;
    }
    return [x, y];
  }

  /** Emissions of the article last passed to `candidates`, per sentence. */
  lastEmissions: Float64Array[] = [];

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

  /** Token runs [first, last] of a tag-index path (as `tokenRuns` on the tag names). */
  private runsOf(path: readonly number[]): [number, number][] {
    const runs: [number, number][] = [];
    let open = -1;
    for (let i = 0; i < path.length; i++) {
      const t = path[i];
      if (t === this.begin || (t !== this.outside && open < 0)) {
        if (open >= 0) runs.push([open, i - 1]);
        open = i;
      } else if (t === this.outside && open >= 0) {
        runs.push([open, i - 1]);
        open = -1;
      }
    }
    if (open >= 0) runs.push([open, path.length - 1]);
    return runs;
  }

  /** First-order Viterbi over precomputed emissions and the biased transitions. */
  private decode(emit: Float64Array, n: number): number[] {
    const T = this.T;
    if (n === 0) return [];
    const tr = this.transitions;
    // Scratch tables reused across sentences (grown when a sentence is longer).
    if (this.viterbiScore.length < n * T) {
      this.viterbiScore = new Float64Array(n * T * 2);
      this.viterbiBack = new Int32Array(n * T * 2);
    }
    const score = this.viterbiScore;
    const back = this.viterbiBack;
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

  /**
   * The classifier's and the network's probabilities of the span features in the span sink,
   * averaged (classifier's buffer); the network also reads its own features of the range.
   */
  private averaged(ctx: SpanContext, range: Range): Float64Array {
    const sink = this.spanSink;
    const p = softmaxInPlace(this.classifierRows.scoreBuckets(sink.out));
    const w = this.logisticWeight;
    // The network costs more than the classifier: skip it when the classifier's lead is more
    // than the network's share could overturn (NETWORK.skipLead).
    let p1 = 0;
    let p2 = 0;
    for (let c = 0; c < p.length; c++) {
      if (p[c] > p1) [p1, p2] = [p[c], p1];
      else if (p[c] > p2) p2 = p[c];
    }
    if (p1 - p2 > this.skipLead) return p;
    sink.networkOut.length = 0;
    networkFeaturesInto(ctx, range, sink);
    const all = this.networkBuckets;
    all.length = 0;
    for (const b of sink.out) all.push(b);
    for (const b of sink.networkOut) all.push(b);
    const q = softmaxInPlace(networkScorer(this.network!).scoreBuckets(all));
    for (let c = 0; c < p.length; c++) p[c] = w * p[c] + (1 - w) * q[c];
    return p;
  }

  /**
   * The technique of each range, with a score, a ranking and evidence; with `only`, ranges
   * whose best label is not in the set are left out. The ranges are labelled together: unless
   * `context` is false, each span's probabilities are reweighted by the label mix of the others
   * (`CONTEXT`), so pass all of an article's spans in one call. `'found'`: the ranges are the
   * tagger's spans (over half of them hold no fragment), whose mix is a noisier context than
   * given spans': the weight is then `CONTEXT.foundWeight`.
   */
  label(ctx: SpanContext, ranges: readonly FoundSpan[], only?: ReadonlySet<string>, context: boolean | 'found' = true): LabelledSpan[] {
    const sink = this.spanSink;
    const labels = this.classifier.labels;
    const L = labels.length;
    const n = ranges.length;
    let probs: Float64Array<ArrayBufferLike> = new Float64Array(n * L);
    const facts: SpanFacts[] = new Array(n);
    const firstBest = new Int32Array(n);
    const explained: ({ feature: string }[] | undefined)[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const r = ranges[k];
      sink.clear();
      facts[k] = spanFeaturesInto(ctx, r.core ?? r, this.lexicon, sink);
      const p = this.network ? this.averaged(ctx, r.core ?? r) : softmaxInPlace(standardized(this.classifierRows.scoreBuckets(sink.out), CONFIDENCE_SHARPNESS));
      probs.set(p, k * L);
      // Evidence for the best label while the span's features are in the sink (spelled out
      // again below only when the article context changes the label).
      let best = 0;
      for (let c = 1; c < L; c++) if (p[c] > p[best]) best = c;
      firstBest[k] = best;
      if (!only || only.has(labels[best])) explained[k] = this.explain(best);
    }
    const weight = context === 'found' ? this.foundContextWeight : context ? this.contextWeight : 0;
    if (weight > 0 && n > 1) probs = this.inContext(ranges, probs, weight);
    const out: LabelledSpan[] = [];
    for (let k = 0; k < n; k++) {
      const r = ranges[k];
      const p = probs.subarray(k * L, (k + 1) * L);
      const top = topRanked(p, RANKED_LABELS);
      // Spans whose label is not wanted are dropped before any ranking or evidence is spelled out.
      if (only && !only.has(labels[top[0]])) continue;
      let why = explained[k];
      if (!why || top[0] !== firstBest[k]) {
        sink.clear();
        spanFeaturesInto(ctx, r.core ?? r, this.lexicon, sink);
        why = this.explain(top[0]);
      }
      const ranking = top.map((i) => ({ label: labels[i], score: p[i] }));
      const best = ranking[0];
      out.push({ start: r.start, end: r.end, label: best.label, score: best.score, ranking, facts: facts[k], evidence: evidenceFor(best.label, why, facts[k], this.lexicon, labelledWording(ctx.text, r)) });
    }
    return out;
  }

  /** The top classifier features of the span in the sink for label `cls` (evidence). */
  private explain(cls: number): { feature: string }[] {
    const sink = this.spanSink;
    return this.classifierRows.explainBuckets(sink.out, cls, EXPLAINED_FEATURES).map((k) => ({ feature: sink.feature(k) }));
  }

  /**
   * The spans' probabilities (rows of `probs`) reweighted by the article context: row k times
   * ((share_c + s) / (prior_c + s))^weight, renormalised, where share_c is the mean probability
   * of label c over the other distinct ranges (same start and end count once).
   */
  private inContext(ranges: readonly FoundSpan[], probs: Float64Array, w: number): Float64Array {
    const L = this.classifier.labels.length;
    const n = ranges.length;
    const rowOf = new Int32Array(n);
    const firstRow = new Map<number, number>();
    const sum = new Float64Array(L);
    for (let k = 0; k < n; k++) {
      const key = ranges[k].start * 2 ** 26 + ranges[k].end;
      const at = firstRow.get(key);
      if (at !== undefined) {
        rowOf[k] = at;
        continue;
      }
      firstRow.set(key, k);
      rowOf[k] = k;
      for (let c = 0; c < L; c++) sum[c] += probs[k * L + c];
    }
    const others = firstRow.size - 1;
    if (others < 1) return probs;
    const out = new Float64Array(n * L);
    const s = CONTEXT.smoothing;
    for (let k = 0; k < n; k++) {
      const own = rowOf[k] * L;
      let z = 0;
      for (let c = 0; c < L; c++) {
        const prior = this.contextPrior[c];
        const share = (sum[c] - probs[own + c]) / others;
        const x = Number.isNaN(prior) ? probs[k * L + c] : probs[k * L + c] * Math.exp(w * (Math.log(Math.max(0, share) + s) - prior));
        out[k * L + c] = x;
        z += x;
      }
      for (let c = 0; c < L; c++) out[k * L + c] /= z;
    }
    return out;
  }
}

/**
 * Widens a token run [a, b] by up to `max` tokens on each side without crossing a clause
 * boundary (punctuation in CLAUSE_STOPS): PTC fragments are whole phrases or clauses, while the
 * tagger is sure only of their most telling words, and the SI measure credits the overlap.
 */
export function extendToClause(lowers: readonly string[], a: number, b: number, max: number): [number, number] {
  for (let k = 0; k < max && a > 0 && !CLAUSE_STOPS.has(lowers[a - 1]); k++) a--;
  for (let k = 0; k < max && b + 1 < lowers.length && !CLAUSE_STOPS.has(lowers[b + 1]); k++) b++;
  return [a, b];
}

/** The committed token model (`MODEL_FILES.tokens`), if any. */
export function loadTokenModel(dir = MODELS_DIR): TokenModel | undefined {
  const path = join(dir, MODEL_FILES.tokens);
  return existsSync(path) ? Classifier.decode(readFileSync(path)) : undefined;
}

/** The sentence-model bucket a probability threshold starts at (Infinity: none). */
function backstopBucket(p: number): number {
  return Number.isFinite(p) ? probBucket(p) : Infinity;
}

/** Joins token runs separated by at most `gap` tokens (0: runs are kept as they are). */
export function mergeRuns(runs: [number, number][], gap: number): [number, number][] {
  if (gap <= 0 || runs.length < 2) return runs;
  const out: [number, number][] = [[...runs[0]]];
  for (let k = 1; k < runs.length; k++) {
    const last = out[out.length - 1];
    if (runs[k][0] - last[1] - 1 <= gap) last[1] = runs[k][1];
    else out.push([...runs[k]]);
  }
  return out;
}


/** How many labels a span's ranking keeps (a span listed k times in PTC takes its k best). */
const RANKED_LABELS = 6;

/** Indices of the `k` largest values, largest first (ties: lower index first). */
function topRanked(values: ArrayLike<number>, k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    let at = out.length;
    while (at > 0 && values[out[at - 1]] < values[i]) at--;
    if (at < k) {
      out.splice(at, 0, i);
      if (out.length > k) out.pop();
    }
  }
  return out;
}

/** How many top classifier features are considered for a span's evidence. */
const EXPLAINED_FEATURES = 8;

/**
 * Perceptron margins have no fixed scale; dividing by their spread (per span) before the
 * softmax gives scores that say how far the best label stands out from the others.
 */
function standardized(scores: Float64Array, sharpness: number): Float64Array {
  const n = scores.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += scores[i];
  mean /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (scores[i] - mean) ** 2;
  const sd = Math.sqrt(v / n) || 1;
  for (let i = 0; i < n; i++) scores[i] = ((scores[i] - mean) / sd) * sharpness;
  return scores;
}
