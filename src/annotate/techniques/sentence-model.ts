import { type Classifier, crossFit, edgeBucket, fnv1a, trainLogistic, type Example } from '../../learn/index.js';
import { FEATURES, SENTENCE_MODEL } from './constants.js';
import type { LexiconIndex } from './lexicon-match.js';
import { HashSink, StringSink, type FeatureSink } from './sinks.js';
import type { PreparedArticle } from './train.js';
import type { SentenceView } from './view.js';
import type { WordClusters } from './word-clusters.js';

/** The positive label of the sentence model: the sentence overlaps a propaganda fragment. */
export const HAS_FRAGMENT = '1';
const NO_FRAGMENT = '0';

/**
 * Features of a whole sentence for the sentence model (SemEval-2019 SLC-style): its words, word
 * endings, POS tags, word bigrams, lexicon categories, word clusters and a few sentence facts
 * (sentence-level CV AUC 0.757 without the endings and POS tags, 0.763 with). A bag over the
 * whole sentence sees what the tagger's ±2-token window cannot.
 */
export function sentenceFeatures(v: SentenceView, s: number, lexicon: LexiconIndex, clusters: WordClusters | undefined, sink: FeatureSink): void {
  const n = v.lowers.length;
  sink.add('b', '1');
  for (let i = 0; i < n; i++) {
    const w = v.lowers[i];
    sink.add('w', w);
    if (w.length > FEATURES.minSuffixWordLength) sink.add('s3', w.slice(-FEATURES.suffixLength));
    sink.add('t', v.pos[i]);
    for (const cat of lexicon.categoriesOf(w)) sink.add('lx', cat);
    const ids = clusters?.of(w);
    if (ids) sink.add('c1', String(ids[1]));
    if (i > 0) sink.pair('bg', v.lowers[i - 1], w);
  }
  for (const hit of lexicon.phraseHits(v.lowers)) sink.add('ph', hit.category);
  sink.add('sl', n < 8 ? 'short' : n < 20 ? 'mid' : n < 40 ? 'long' : 'vlong');
  if (v.lowers.includes('?')) sink.add('s?', '1');
  if (v.lowers.includes('!')) sink.add('s!', '1');
  if (v.quoted.includes(1)) sink.add('sq', '1');
  if (s === 0) sink.add('ti', '1');
}

/** Whether a sentence overlaps a gold fragment. */
function sentenceLabel(d: PreparedArticle, v: SentenceView): string {
  return d.article.spans.some((r) => r.start < v.end && v.start < r.end) ? HAS_FRAGMENT : NO_FRAGMENT;
}

/** Trains the sentence model (binary logistic regression) on every sentence of the articles. */
export function trainSentenceModel(docs: readonly PreparedArticle[], lexicon: LexiconIndex, clusters: WordClusters | undefined): Classifier {
  const examples: Example[] = [];
  for (const d of docs) {
    d.views.forEach((v, s) => {
      const sink = new StringSink();
      sentenceFeatures(v, s, lexicon, clusters, sink);
      examples.push({ features: sink.out, label: sentenceLabel(d, v) });
    });
  }
  return trainLogistic(examples, { bits: SENTENCE_MODEL.bits, epochs: SENTENCE_MODEL.epochs, rate: SENTENCE_MODEL.rate, l2: SENTENCE_MODEL.l2, seed: SENTENCE_MODEL.seed });
}

/** Log-odds saying "always" / "never" when the training sentences all had one label. */
const SURE = 20;

/**
 * The sentence model as one log-odds weight per bucket ("holds a fragment" minus "does not");
 * a model trained on one label only becomes a constant (in the `b=1` bucket).
 */
export function sentenceLogOdds(model: Classifier): Float32Array {
  const out = new Float32Array(1 << model.bits);
  const pos = model.labels.indexOf(HAS_FRAGMENT);
  if (model.labels.length === 2) for (let b = 0; b < out.length; b++) out[b] = model.weights[b * 2 + pos] - model.weights[b * 2 + 1 - pos];
  else out[fnv1a('b=1') & (out.length - 1)] = pos >= 0 ? SURE : -SURE;
  return out;
}

/** p(sentence holds a fragment) for every sentence of an article. */
export function sentenceProbs(model: Classifier, views: readonly SentenceView[], lexicon: LexiconIndex, clusters: WordClusters | undefined): number[] {
  const sink = new HashSink((1 << model.bits) - 1);
  const w = sentenceLogOdds(model);
  return views.map((v, s) => {
    sink.out = [];
    sentenceFeatures(v, s, lexicon, clusters, sink);
    let x = 0;
    for (const b of sink.out) x += w[b];
    return 1 / (1 + Math.exp(-x));
  });
}

/**
 * Out-of-fold sentence probabilities of the training articles (inner folds by article), so the
 * tagger learns how much to trust the sentence model on sentences it did not train on.
 */
export function crossFitSentenceProbs(docs: readonly PreparedArticle[], lexicon: LexiconIndex, clusters: WordClusters | undefined, folds = SENTENCE_MODEL.innerFolds): number[][] {
  return crossFit(
    docs,
    folds,
    (training) => trainSentenceModel(training, lexicon, clusters),
    (model, doc) => sentenceProbs(model, doc.views, lexicon, clusters),
  );
}

/** Bucket index of a probability (SENTENCE_MODEL.edges). */
export function probBucket(p: number, edges: readonly number[] = SENTENCE_MODEL.edges): number {
  return edgeBucket(p, edges);
}
