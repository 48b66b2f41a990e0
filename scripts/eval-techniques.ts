// npm run eval:techniques — k-fold cross-validation by article on PTC train (SemEval-2020 Task 11
// measures): SI precision/recall/F1 with partial-overlap credit, TC micro-F1 on gold spans.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Classifier, SequenceTagger } from '../src/learn/index.js';
import { TokenModelScorer, trainTokenModel } from '../src/annotate/techniques/token-model.js';
import { kFolds } from '../src/learn/index.js';
import { DATA_DIR, needsShared } from '../src/testing/shared.js';
import { readPtc } from '../src/annotate/techniques/ptc.js';
import { prepare, trainClassifier, trainNetwork, trainTagger, trainWidening, type SpanTagger, type TaggerOptions } from '../src/annotate/techniques/train.js';
import { TechniqueModel } from '../src/annotate/techniques/detector.js';
import { LexiconIndex } from '../src/annotate/techniques/lexicon-match.js';
import { classifySpans } from '../src/annotate/techniques/classify.js';
import { addSiArticle, emptySiTotals, siScore, sumSiTotals, tcScore, type SiTotals } from '../src/annotate/techniques/scorer.js';
import { CLASSIFIER, CONTEXT, NETWORK, TAGGER, TOKEN_MODEL } from '../src/annotate/techniques/constants.js';
import { detectTechniques } from '../src/annotate/techniques/stage.js';
import { mergeRanges } from '../src/annotate/techniques/decode.js';
import { loadWordClusters } from '../src/annotate/techniques/word-clusters.js';
import { createArticle } from '../src/model/index.js';
import { tokenize } from '../src/nlp/index.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const K = Number(opt('folds', '5'));
const biases = opt('biases', String(Number(opt('token-weights', String(TOKEN_MODEL.weight))) !== 0 ? TOKEN_MODEL.outsideBias : TAGGER.outsideBias)).split(',').map(Number);
const margins = opt('margins', String(TAGGER.backstopMargin)).split(',').map((m) => (m === 'off' ? Infinity : Number(m)));
const spanMargins = opt('span-margins', String(TAGGER.spanMargin)).split(',').map((m) => (m === 'off' ? -Infinity : Number(m)));
const only = opt('task', 'both');
const gaps = opt('merge-gaps', String(TAGGER.mergeGap)).split(',').map(Number);
const extends_ = opt('extends', String(TAGGER.extendTokens)).split(',').map((x) => (x === 'inf' ? Infinity : Number(x)));
/** --si-widening on|off: the widening model (trained per fold on the tagger's own runs; default: on, as committed). */
const widening = opt('si-widening', 'on') === 'on';
const widenThresholds = opt('widen-thresholds', String(TAGGER.wideningThreshold)).split(',').map(Number);
/** --sentence-backstops 0.3,0.4,off: sentence-model probabilities from which a sentence without a run becomes a span. */
const sentenceBackstops = opt('sentence-backstops', String(TAGGER.sentenceBackstop)).split(',').map((x) => (x === 'off' ? Infinity : Number(x)));
/**
 * --token-weights 0,0.5,1: weights of the token model (token-model.ts) mixed into the tagger's
 * inside emissions (0: the tagger alone). The token model is trained per fold on the fold's
 * training articles only; --tm-window, --tm-epochs, --tm-rate, --tm-l2, --tm-bits set its options.
 */
const tokenWeights = opt('token-weights', String(TOKEN_MODEL.weight)).split(',').map(Number);
const tmOptions = { window: Number(opt('tm-window', String(TOKEN_MODEL.window))), epochs: Number(opt('tm-epochs', String(TOKEN_MODEL.epochs))), rate: Number(opt('tm-rate', String(TOKEN_MODEL.rate))), l2: Number(opt('tm-l2', String(TOKEN_MODEL.l2))), bits: Number(opt('tm-bits', String(TOKEN_MODEL.bits))), seed: Number(opt('tm-seed', String(TOKEN_MODEL.seed))) };
/** --cache DIR: keep each fold's tagger and widening model there (reused by later runs with the same tagger settings). */
const cacheDir = args.includes('--cache') ? opt('cache', '') : undefined;
const grid = biases.flatMap((b) => margins.flatMap((m) => spanMargins.flatMap((k) => gaps.flatMap((g) => extends_.flatMap((x) => widenThresholds.flatMap((w) => sentenceBackstops.flatMap((z) => tokenWeights.map((tw) => [b, m, k, g, x, w, z, tw] as const))))))));
const gridKey = ([b, m, k, g, x, w, z, tw]: readonly [number, number, number, number, number, number, number, number]) => `outsideBias=${b} backstopMargin=${m} spanMargin=${k} mergeGap=${g} extend=${x}${widening ? ` widen>=${w}` : ''} sentenceBackstop=${z}${tokenWeights.length > 1 || tw !== 0 ? ` tokenWeight=${tw}` : ''}`;

const pct = (x: number) => x.toFixed(4);

/** A fold's tagger (with its sentence model) as written by --cache. */
function loadCachedTagger(dir: string, f: number): SpanTagger {
  const t: SpanTagger = SequenceTagger.decode(readFileSync(join(dir, `fold${f}.tagger`)));
  if (existsSync(join(dir, `fold${f}.sentences`))) t.sentences = Classifier.decode(readFileSync(join(dir, `fold${f}.sentences`)));
  return t;
}

const missing = needsShared('data/ptc');
if (missing) {
  console.error(`eval:techniques: ${missing}`);
  process.exit(1);
}
const t0 = performance.now();
const docs = readPtc(join(DATA_DIR, 'ptc')).map(prepare);
console.error(`prepared ${docs.length} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const lexicon = new LexiconIndex();
/** --clusters on/off: word-cluster features in the tagger (default: as committed). */
const clusters = opt('clusters', TAGGER.wordClusters ? 'on' : 'off') === 'on' ? loadWordClusters() : undefined;
/** The span tagger's training options: --si-bits, --si-epochs, --si-seeds 7,8,9, --si-sentences on|off, --si-neighbours N (defaults: TAGGER). */
const taggerOptions: TaggerOptions = {
  bits: Number(opt('si-bits', String(TAGGER.bits))),
  epochs: Number(opt('si-epochs', String(TAGGER.epochs))),
  clusters,
  seeds: args.includes('--si-seeds') ? opt('si-seeds', '').split(',').map(Number) : undefined,
  sentences: args.includes('--si-sentences') ? opt('si-sentences', 'on') === 'on' : undefined,
  neighbours: args.includes('--si-neighbours') ? Number(opt('si-neighbours', '1')) : undefined,
};
const folds = kFolds(docs.length, K);
const si = new Map<string, SiTotals>(grid.map((g) => [gridKey(g), emptySiTotals()]));
/** SI totals per grid point and fold (for choosing a decoding setting without the scored fold). */
const siFold = new Map<string, SiTotals[]>(grid.map((g) => [gridKey(g), folds.map(() => emptySiTotals())]));
const tcItems: { key: string; gold: string; predicted: string }[] = [];
/**
 * With --stage (and both tasks): SI of everything the stage outputs (tagger spans and nested
 * cues, overlaps merged), decoded with the first grid setting.
 */
const stageSi = args.includes('--stage') && only === 'both' ? emptySiTotals() : undefined;
folds.forEach((held, f) => {
  const heldSet = new Set(held);
  const train = docs.filter((_, i) => !heldSet.has(i));
  const test = held.map((i) => docs[i]);
  const cached = cacheDir && existsSync(join(cacheDir, `fold${f}.tagger`)) ? cacheDir : undefined;
  const tagger = only === 'tc' ? undefined : cached ? loadCachedTagger(cached, f) : trainTagger(train, lexicon, taggerOptions);
  const classifier =
    only === 'si'
      ? undefined
      : trainClassifier(train, lexicon, {
          epochs: Number(opt('tc-epochs', String(CLASSIFIER.epochs))),
          bits: Number(opt('tc-bits', String(CLASSIFIER.bits))),
          learner: opt('tc-learner', CLASSIFIER.learner) as 'perceptron' | 'logistic',
          rate: Number(opt('tc-rate', String(CLASSIFIER.rate))),
          l2: Number(opt('tc-l2', String(CLASSIFIER.l2))),
          seed: Number(opt('tc-seed', String(CLASSIFIER.seed))),
        });
  // --tc-context W: the article-context weight (CONTEXT.weight; 0 = off).
  // --tc-net on|off: average the classifier with the technique network (default: NETWORK.enabled).
  const network = classifier && opt('tc-net', NETWORK.enabled ? 'on' : 'off') === 'on' ? trainNetwork(train, lexicon, classifier.bits, Number(opt('tc-seed', String(NETWORK.seed)))) : undefined;
  const model = new TechniqueModel(tagger ?? trainTagger(train.slice(0, 1), lexicon, { epochs: 1, sentences: false }), classifier ?? trainClassifier(train.slice(0, 5), lexicon, { epochs: 1 }), lexicon).withNetwork(network, NETWORK.logisticWeight, Number(opt('tc-skip', String(NETWORK.skipLead)))).withContext(Number(opt('tc-context', String(CONTEXT.weight))));
  let wideningModel: Classifier | undefined;
  if (tagger && widening) wideningModel = cached ? Classifier.decode(readFileSync(join(cached, `fold${f}.widening`))) : trainWidening(train, tagger, lexicon);
  if (tagger && cacheDir && !cached) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, `fold${f}.tagger`), tagger.encode());
    if (tagger.sentences) writeFileSync(join(cacheDir, `fold${f}.sentences`), tagger.sentences.encode());
    if (wideningModel) writeFileSync(join(cacheDir, `fold${f}.widening`), wideningModel.encode());
  }
  const widened = wideningModel ? model.withWidening(wideningModel) : model;
  const t1 = performance.now();
  const tokenModel = tagger && tokenWeights.some((w) => w !== 0) ? new TokenModelScorer(trainTokenModel(train, lexicon, loadWordClusters(), tmOptions), lexicon, loadWordClusters()) : undefined;
  if (tokenModel) console.error(`  token model trained in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  const variants = grid.map((g) => ({ key: gridKey(g), model: widened.withBias(g[0], g[1], g[2], g[3], g[4], g[5], g[6]).withTokenModel(tokenModel, g[7]) }));
  for (const d of test) {
    if (tagger)
      for (const { key, model: m } of variants) {
        const found = m.findSpans(d.views);
        addSiArticle(si.get(key)!, found, d.article.spans);
        addSiArticle(siFold.get(key)![f], found, d.article.spans);
      }
    if (stageSi && tagger && classifier) {
      const article = createArticle(d.article.text);
      const { tokens, sentences } = tokenize(d.article.text);
      article.layers = { tokens, sentences };
      // Nested cues lie inside other spans: unmerged, the same gold characters would earn recall
      // twice (the official scorer rejects or merges overlapping predictions), so merge first.
      addSiArticle(stageSi, mergeRanges(detectTechniques(article, variants[0].model).spans), d.article.spans);
    }
    if (classifier) {
      const labelled = classifySpans(model, d.ctx, d.article.labelled);
      labelled.forEach((l, k) => tcItems.push({ key: `${d.article.id}:${l.start}:${l.end}`, gold: d.article.labelled[k].label, predicted: l.label }));
    }
  }
  console.error(`fold ${f + 1}/${K} done (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
});
if (only !== 'tc') {
  for (const [b, totals] of si) {
    const s = siScore(totals);
    console.log(`SI  ${b}  P=${pct(s.precision)} R=${pct(s.recall)} F1=${pct(s.f1)}  (${totals.predicted} predicted, ${totals.gold} gold spans; ${K}-fold CV by article)  folds: ${siFold.get(b)!.map((t) => pct(siScore(t).f1)).join(' ')}`);
  }
  if (grid.length > 1) {
    // Honest grid search: each fold is scored with the setting that is best on the other folds.
    const chosenPerFold = folds.map((_, f) => {
      let best = '';
      let bestF1 = -1;
      for (const [key, perFold] of siFold) {
        const f1 = siScore(sumSiTotals(perFold, f)).f1;
        if (f1 > bestF1) [best, bestF1] = [key, f1];
      }
      console.log(`    fold ${f + 1}: setting chosen on the other folds: ${best}  (this fold: F1=${pct(siScore(siFold.get(best)![f]).f1)})`);
      return siFold.get(best)![f];
    });
    const s = siScore(sumSiTotals(chosenPerFold));
    console.log(`SI  chosen-on-other-folds  P=${pct(s.precision)} R=${pct(s.recall)} F1=${pct(s.f1)}  (no fold scored with a setting tuned on it)`);
  }
}
if (stageSi) {
  const s = siScore(stageSi);
  console.log(`SI  stage output, overlapping spans merged  P=${pct(s.precision)} R=${pct(s.recall)} F1=${pct(s.f1)}  (${stageSi.predicted} predicted; ${K}-fold CV by article)`);
}
if (only !== 'si') {
  const tc = tcScore(tcItems);
  console.log(`TC  micro-F1=${pct(tc.f1)}  (${tcItems.length} gold spans; ${K}-fold CV by article)`);
  for (const [label, s] of Object.entries(tc.perLabel)) console.log(`    ${label.padEnd(36)} P=${pct(s.precision)} R=${pct(s.recall)} F1=${pct(s.f1)}`);
}
