// The article context of technique labels measured on the tagger's own spans (as the stage
// labels them) rather than on gold spans (models/techniques.md, History, pass tech-tc6).
//   node --import tsx scripts/tc-context-found.ts [--seed 11] [--weights 0,0.1,0.2,0.25,0.3,0.4,0.5]
// 5-fold CV by article (the folds of eval:techniques): per fold the tagger, widening model,
// classifier and network are trained on the other folds; the held-out articles' spans are found
// and labelled with each context weight (the share from the article's other found spans).
// A found span overlapping a gold fragment counts right when its label is one of the
// overlapping gold spans' labels (spans overlapping none are left out of the score, but they
// are in every other span's context, as in the stage). Also printed: TC on gold spans with the
// context taken from the found spans instead of the other gold spans.
import { join } from 'node:path';
import { kFolds, softmaxInPlace } from '../src/learn/index.js';
import { DATA_DIR, needsShared } from '../src/testing/shared.js';
import { readPtc } from '../src/annotate/techniques/ptc.js';
import { prepare, trainClassifier, trainNetwork, trainTagger, trainWidening } from '../src/annotate/techniques/train.js';
import { TechniqueModel } from '../src/annotate/techniques/detector.js';
import { LexiconIndex } from '../src/annotate/techniques/lexicon-match.js';
import { spanFeatures } from '../src/annotate/techniques/span-features.js';
import { loadWordClusters } from '../src/annotate/techniques/word-clusters.js';
import { tcScore } from '../src/annotate/techniques/scorer.js';
import { CLASSIFIER, CONTEXT, NETWORK } from '../src/annotate/techniques/constants.js';
import type { Range } from '../src/annotate/techniques/decode.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const missing = needsShared('data/ptc');
if (missing) {
  console.error(`tc-context-found: ${missing}`);
  process.exit(1);
}
const seed = Number(opt('seed', String(CLASSIFIER.seed)));
const weights = opt('weights', '0,0.1,0.2,0.25,0.3,0.4,0.5').split(',').map(Number);
const K = 5;
const docs = readPtc(join(DATA_DIR, 'ptc')).map(prepare);
const lexicon = new LexiconIndex();
const clusters = loadWordClusters();

interface Row extends Range { p: Float64Array }
const overlaps = (a: Range, b: Range): boolean => a.start < b.end && b.start < a.end;
let labels: readonly string[] = [];
/** Row p times ((mean of the context rows' p + s) / (prior + s))^w, renormalised. */
function reweight(p: Float64Array, context: readonly Row[], w: number): Float64Array {
  if (!context.length || w === 0) return p;
  const share = new Float64Array(p.length);
  for (const r of context) for (let c = 0; c < p.length; c++) share[c] += r.p[c] / context.length;
  const out = p.map((x, c) => x * Math.exp(w * (Math.log(share[c] + CONTEXT.smoothing) - Math.log((CONTEXT.prior[labels[c]] ?? 0) + CONTEXT.smoothing))));
  const z = out.reduce((a, b) => a + b, 0);
  return out.map((x) => x / z);
}
const ranked = (p: Float64Array): number[] => [...p.keys()].sort((a, b) => p[b] - p[a]);

/** Per weight and fold: [found spans scored, right]. */
const found = weights.map(() => Array.from({ length: K }, () => [0, 0]));
const goldItems = weights.map(() => [] as { key: string; gold: string; predicted: string }[]);
kFolds(docs.length, K).forEach((held, f) => {
  const heldSet = new Set(held);
  const train = docs.filter((_, i) => !heldSet.has(i));
  const tagger = trainTagger(train, lexicon, { clusters });
  const classifier = trainClassifier(train, lexicon, { seed });
  const network = trainNetwork(train, lexicon, classifier.bits, seed);
  labels = classifier.labels;
  const model = new TechniqueModel(tagger, classifier, lexicon).withNetwork(network).withWidening(trainWidening(train, tagger, lexicon));
  for (const i of held) {
    const d = docs[i];
    // The stage's probabilities: classifier, averaged with the network unless its lead is large.
    const probs = (r: Range): Float64Array => {
      const { features, networkFeatures } = spanFeatures(d.ctx, r, lexicon);
      const p = softmaxInPlace(Float64Array.from(classifier.score(features)));
      const [p1, p2] = [...p].sort((a, b) => b - a);
      if (p1 - p2 > NETWORK.skipLead) return p;
      const q = network.probabilities([...features, ...networkFeatures]);
      return p.map((x, c) => NETWORK.logisticWeight * x + (1 - NETWORK.logisticWeight) * q[c]);
    };
    const spans: Row[] = model.findSpans(d.views).map((r) => ({ start: r.start, end: r.end, p: probs(r.core ?? r) }));
    for (const s of spans) {
      const golds = new Set(d.article.labelled.filter((g) => overlaps(g, s)).map((g) => g.label));
      if (!golds.size) continue;
      const others = spans.filter((o) => o !== s);
      weights.forEach((w, k) => {
        found[k][f][0]++;
        if (golds.has(labels[ranked(reweight(s.p, others, w))[0]])) found[k][f][1]++;
      });
    }
    const seen = new Map<string, number>();
    for (const g of d.article.labelled) {
      const key = `${g.start}:${g.end}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      const p = probs(g);
      weights.forEach((w, k) => goldItems[k].push({ key: `${d.article.id}:${key}`, gold: g.label, predicted: labels[ranked(reweight(p, spans, w))[Math.min(n, 5)]] }));
    }
  }
  console.error(`fold ${f + 1}/${K} done`);
});
const rate = (xs: number[][]): number => xs.reduce((s, x) => s + x[1], 0) / xs.reduce((s, x) => s + x[0], 0);
console.log(`seed ${seed}: found spans overlapping a fragment ${found[0].reduce((s, x) => s + x[0], 0)}`);
weights.forEach((w, k) => console.log(`  weight ${w}: found spans ${rate(found[k]).toFixed(4)} (folds ${found[k].map((x) => (x[1] / x[0]).toFixed(4)).join(' ')}); gold spans with the found spans' context ${tcScore(goldItems[k]).f1.toFixed(4)}`));
const chosen = found[0].map((_, f) => {
  const other = (k: number) => rate(found[k].filter((_, g) => g !== f));
  return weights.reduce((best, _, k) => (other(k) > other(best) ? k : best), 0);
});
const nested = chosen.map((k, f) => found[k][f]);
console.log(`  chosen on the other folds: ${rate(nested).toFixed(4)} (weights ${chosen.map((k) => weights[k]).join(', ')})`);
