import { Classifier, SequenceTagger, trainLogistic, trainMlp, trainSoftLogistic, type Example, type Mlp } from '../../learn/index.js';
import { tokenize } from '../../nlp/index.js';
import { CLASSIFIER, NETWORK, TAG_BEGIN, TAG_INSIDE, TAG_OUTSIDE, TAGGER, WIDENING_MODEL } from './constants.js';
import { TechniqueModel } from './detector.js';
import { HashSink } from './sinks.js';
import { sideTarget, wideningFeatures, wideningSides } from './widening.js';
import { tagsFromSpans } from './decode.js';
import { LexiconIndex } from './lexicon-match.js';
import { spanFeatures, type SpanContext } from './span-features.js';
import { crossFitSentenceProbs, trainSentenceModel } from './sentence-model.js';
import { TokenFeaturizer } from './token-features.js';
import { buildViews, type SentenceView } from './view.js';
import type { PtcArticle } from './ptc.js';
import type { WordClusters } from './word-clusters.js';

/** An article tokenised once and reused by training, cross-validation and scoring. */
export interface PreparedArticle {
  article: PtcArticle;
  views: SentenceView[];
  ctx: SpanContext;
}

/** Tokenises an article with the pipeline's nlp stage. */
export function prepare(article: PtcArticle): PreparedArticle {
  const { tokens, sentences } = tokenize(article.text);
  const views = buildViews(article.text, tokens, sentences);
  return { article, views, ctx: { text: article.text, lowerText: article.text.toLowerCase(), views } };
}

const TAGS = [TAG_BEGIN, TAG_INSIDE, TAG_OUTSIDE];

export interface TaggerOptions {
  bits?: number;
  epochs?: number;
  seed?: number;
  /** Several seeds: one tagger per visiting order, weights averaged. */
  seeds?: number[];
  /** The article's strong-cue density as a token feature (default: TAGGER.articleDensity). */
  density?: boolean;
  /** The sentence model's out-of-fold probability as a token feature (default: TAGGER.sentenceModel). */
  sentences?: boolean;
  /** The neighbour sentences' probabilities as token features (default: TAGGER.sentenceNeighbours). */
  neighbours?: number;
  /** Word clusters for the tagger's features (none: no cluster features). */
  clusters?: WordClusters;
  /** Called after each epoch with the number of mis-tagged tokens. */
  onEpoch?: (epoch: number, mistakes: number) => void;
}

/**
 * Trains the span tagger: a first-order structured averaged perceptron (the same algorithm as
 * `SequenceTagger.train`, fed pre-hashed features so a corpus of a million tokens fits in memory),
 * returned as a `SequenceTagger`.
 */
export function trainTagger(docs: readonly PreparedArticle[], lexicon: LexiconIndex, options: TaggerOptions = {}): SpanTagger {
  const bits = options.bits ?? TAGGER.bits;
  const epochs = options.epochs ?? TAGGER.epochs;
  const density = options.density ?? TAGGER.articleDensity;
  const sentences = options.sentences ?? TAGGER.sentenceModel;
  const neighbours = sentences ? (options.neighbours ?? TAGGER.sentenceNeighbours) : 0;
  const featurizer = new TokenFeaturizer(lexicon, bits, options.clusters, density, undefined, neighbours);
  // The tagger trains on out-of-fold sentence probabilities (as it will see on new articles);
  // the sentence model it keeps is trained on every article.
  const oof = sentences ? crossFitSentenceProbs(docs, lexicon, options.clusters) : undefined;
  const sentenceModel = sentences ? trainSentenceModel(docs, lexicon, options.clusters) : undefined;
  const hashed: Uint32Array[][] = [];
  const golds: number[][] = [];
  for (const [k, d] of docs.entries()) {
    const h = featurizer.hashed(d.views, featurizer.counts(d.views, oof?.[k]));
    d.views.forEach((v, s) => {
      const inside = d.article.spans.filter((r) => r.start < v.end && v.start < r.end);
      hashed.push(h[s]);
      golds.push(tagsFromSpans(v, inside).map((t) => TAGS.indexOf(t)));
    });
  }
  // The learner's own trainer, on features this module has already hashed (memory: the string
  // features of the whole corpus would not fit).
  const tagSequences = golds.map((g) => g.map((t) => TAGS[t]));
  const seeds = options.seeds ?? (options.seed !== undefined ? [options.seed] : TAGGER.seeds);
  const runs = seeds.map((seed) => SequenceTagger.trainHashed(hashed, tagSequences, { bits, epochs, seed, tags: TAGS, onEpoch: options.onEpoch }));
  const t = runs.length === 1 ? runs[0] : averageTaggers(runs);
  const out: SpanTagger = new SequenceTagger(t.tags, t.bits, t.emissions, t.transitions, { wordClusters: !!options.clusters, articleDensity: density, sentenceModel: sentences, sentenceNeighbours: neighbours });
  out.sentences = sentenceModel;
  return out;
}

/**
 * Trains the widening model on the tagger's own runs over its training articles (decoded with
 * the committed decoding settings): one row per side of each run's widening to its clause,
 * target = the share of that side's tokens inside a gold fragment. In-sample runs are surer
 * than on new articles, but 5-fold CV found this as good as out-of-fold runs (which would cost
 * five more taggers); see models/techniques.md.
 */
export function trainWidening(docs: readonly PreparedArticle[], tagger: SpanTagger, lexicon: LexiconIndex): Classifier {
  const placeholder = new Classifier(['none'], 1, new Float32Array(2));
  const model = new TechniqueModel(tagger, placeholder, lexicon);
  const sink = new HashSink((1 << WIDENING_MODEL.bits) - 1);
  const rows: number[][] = [];
  const targets: number[] = [];
  for (const d of docs) {
    const cands = model.candidates(d.views);
    const buckets = [...model.scorer.sentenceBuckets];
    for (const c of cands) {
      if (c.backstop) continue;
      const v = d.views[c.sentence];
      const emit = model.lastEmissions[c.sentence];
      const margins = new Float64Array(v.lowers.length);
      for (let i = c.from; i <= c.to; i++) margins[i] = model.insideMargin(emit, i);
      for (const side of wideningSides(c.first, c.last, c.from, c.to)) {
        sink.out = [];
        wideningFeatures({ view: v, sentence: c.sentence, first: c.first, last: c.last, margins, buckets, lexicon }, side, sink);
        rows.push(sink.out);
        targets.push(sideTarget(v, side, d.article.spans));
      }
    }
  }
  const { bits, epochs, rate, l2, seed } = WIDENING_MODEL;
  return trainSoftLogistic(rows, targets, { bits, epochs, rate, l2, seed });
}

/** The span tagger with the sentence model whose probabilities it reads (when it does). */
export type SpanTagger = SequenceTagger & { sentences?: Classifier };

/** The mean of taggers trained on the same features in different orders (one model, same cost). */
export function averageTaggers(runs: readonly SequenceTagger[]): SequenceTagger {
  const emissions = new Float32Array(runs[0].emissions.length);
  const transitions = new Float32Array(runs[0].transitions.length);
  for (const r of runs) {
    for (let k = 0; k < emissions.length; k++) emissions[k] += r.emissions[k] / runs.length;
    for (let k = 0; k < transitions.length; k++) transitions[k] += r.transitions[k] / runs.length;
  }
  return new SequenceTagger(runs[0].tags, runs[0].bits, emissions, transitions, runs[0].card);
}

/** Classifier examples: one per gold technique span (with the network-only features apart). */
export function classifierExamples(docs: readonly PreparedArticle[], lexicon: LexiconIndex): (Example & { networkFeatures: string[] })[] {
  return docs.flatMap((d) =>
    d.article.labelled.map((r) => {
      const { features, networkFeatures } = spanFeatures(d.ctx, r, lexicon);
      return { features, networkFeatures, label: r.label };
    }),
  );
}

/** Options of the technique classifier (defaults: `CLASSIFIER`). */
export interface ClassifierOptions {
  bits?: number;
  epochs?: number;
  seed?: number;
  learner?: 'perceptron' | 'logistic';
  rate?: number;
  l2?: number;
}

/** Trains the technique classifier on gold spans. */
export function trainClassifier(docs: readonly PreparedArticle[], lexicon: LexiconIndex, options: ClassifierOptions = {}): Classifier {
  const examples = classifierExamples(docs, lexicon);
  const bits = options.bits ?? CLASSIFIER.bits;
  const epochs = options.epochs ?? CLASSIFIER.epochs;
  const seed = options.seed ?? CLASSIFIER.seed;
  if ((options.learner ?? CLASSIFIER.learner) === 'logistic') return trainLogistic(examples, { bits, epochs, seed, rate: options.rate ?? CLASSIFIER.rate, l2: options.l2 ?? CLASSIFIER.l2 });
  return Classifier.train(examples, { bits, epochs, seed });
}

/** Trains the technique network (averaged with the classifier) on gold spans, same features and buckets. */
export function trainNetwork(docs: readonly PreparedArticle[], lexicon: LexiconIndex, bits: number = CLASSIFIER.bits, seed: number = NETWORK.seed): Mlp {
  const { enabled, logisticWeight, ...options } = NETWORK;
  void enabled;
  const examples = classifierExamples(docs, lexicon).map((e) => ({ features: [...e.features, ...e.networkFeatures], label: e.label }));
  return trainMlp(examples, { ...options, bits, seed });
}
