// npm run train:quotes: trains the learned cue classifier of the quotes stage on PolNeAR train
// (seeded, deterministic) and writes models/quotes-cues.spnm. Tune on dev with npm run eval:quotes.
// --cv: also prints 2-fold cross-validation over train articles (cue accuracy and cue F1).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Classifier, type Example } from '../src/learn/index.js';
import { Pipeline, DEFAULT_STAGES } from '../src/pipeline.js';
import { readPolnear, type GoldAttribution } from '../src/annotate/quotes/brat.js';
import { isSpeechCue } from '../src/annotate/quotes/evaluate.js';
import { detectQuotes } from '../src/annotate/quotes/detect.js';
import { buildView } from '../src/annotate/quotes/view.js';
import { quoteSegments } from '../src/annotate/quotes/segments.js';
import { LEARNED } from '../src/annotate/quotes/constants.js';
import { CUE_MODEL_FILE, MODELS_DIR, cueCandidates, cueFeatures, type CueSide } from '../src/annotate/quotes/learned.js';
import { DATA_DIR, needsShared } from '../src/testing/shared.js';

const missing = needsShared('data/polnear/train');
if (missing) { console.error(missing); process.exit(1); }
const before = new Set(['quotes', 'facts', 'techniques']);
const pipeline = await Pipeline.build(DEFAULT_STAGES.filter((s) => !before.has(s.name)));
const articles = readPolnear(join(DATA_DIR, 'polnear', 'train'));

/** The side of the cue where most of the gold content lies. */
function side(g: GoldAttribution, cueStart: number): CueSide {
  let left = 0;
  let right = 0;
  for (const [a, b] of g.content) { left += Math.max(0, Math.min(b, cueStart) - a); right += Math.max(0, b - Math.max(a, cueStart)); }
  return right >= left ? 'R' : 'L';
}

const examples: Example[] = [];
/** Fold (article parity) of each example, for --cv. */
const folds: number[] = [];
const t0 = performance.now();
articles.forEach((art, index) => {
  const a = pipeline.run(art.text);
  const v = buildView(a);
  const rules = detectQuotes(v);
  const gold = art.attributions.filter((g) => g.cue?.length && isSpeechCue(g.cueText));
  for (const c of cueCandidates(v, quoteSegments(v), rules)) {
    const from = v.start[c.from];
    const to = v.end[c.to - 1];
    const g = gold.find((x) => x.cue!.some(([p, q]) => p < to && from < q));
    const inRule = rules.some((q) => q.parts.some(([x, y]) => x <= from && from < y));
    examples.push({ features: cueFeatures(v, c, inRule), label: g ? side(g, from) : 'O' });
    folds.push(index % 2);
  }
});
if (process.argv.includes('--cv')) {
  for (const fold of [0, 1]) {
    const model = Classifier.train(examples.filter((_, k) => folds[k] !== fold), { epochs: LEARNED.epochs, bits: LEARNED.bits, seed: LEARNED.seed });
    let right = 0, tp = 0, fp = 0, fn = 0, n = 0;
    examples.forEach((e, k) => {
      if (folds[k] !== fold) return;
      n++;
      const guess = model.predict(e.features).label;
      if (guess === e.label) right++;
      if (guess !== 'O' && guess === e.label) tp++;
      else { if (guess !== 'O') fp++; if (e.label !== 'O') fn++; }
    });
    console.log(`2-fold CV, held-out fold ${fold}: cue accuracy ${(100 * right / n).toFixed(1)}%, cue F1 ${(100 * 2 * tp / (2 * tp + fp + fn)).toFixed(1)}`);
  }
}
const counts = examples.reduce<Record<string, number>>((m, e) => ({ ...m, [e.label]: (m[e.label] ?? 0) + 1 }), {});
const model = Classifier.train(examples, { epochs: LEARNED.epochs, bits: LEARNED.bits, seed: LEARNED.seed });
let right = 0;
for (const e of examples) if (model.predict(e.features).label === e.label) right++;
const card = { data: 'PolNeAR train (840 articles, first annotator per article)', examples: examples.length, labels: counts, trainingFit: right / examples.length, epochs: LEARNED.epochs, bits: LEARNED.bits, seed: LEARNED.seed };
writeFileSync(join(MODELS_DIR, CUE_MODEL_FILE), model.encode(card));
console.log(`${examples.length} candidates ${JSON.stringify(counts)}; training fit ${(100 * right / examples.length).toFixed(1)}% (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
