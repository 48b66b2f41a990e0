// npm run eval:quotes [-- --split train|dev] [--errors N] [--rules-only]: quote F1 at 30% / 80% gold coverage and
// speaker accuracy on PolNeAR (dev by default), for attributions with a speech cue. --rules-only
// runs the stage without the learned cue model: on train, where the model is fitted, that checks
// the rules alone.
import { join } from 'node:path';
import { Pipeline, DEFAULT_STAGES } from '../src/pipeline.js';
import { quotesStage } from '../src/annotate/quotes/index.js';
import { readPolnear } from '../src/annotate/quotes/brat.js';
import { addCounts, isSpeechCue, matchQuotes, predictedAttributions, scores, type QuoteCounts } from '../src/annotate/quotes/evaluate.js';
import { DATA_DIR, needsShared } from '../src/testing/shared.js';

const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'dev';
const showErrors = args.includes('--errors') ? Number(args[args.indexOf('--errors') + 1]) : 0;
const missing = needsShared(`data/polnear/${split}`);
if (missing) { console.error(missing); process.exit(1); }

const rulesOnly = args.includes('--rules-only');
const quotes = rulesOnly ? { ...quotesStage, load: () => undefined } : quotesStage;
const base = DEFAULT_STAGES.some((s) => s.name === 'quotes') ? DEFAULT_STAGES : [...DEFAULT_STAGES, quotesStage];
const stages = base.map((s) => (s.name === 'quotes' ? quotes : s));
const pipeline = await Pipeline.build(stages);
const articles = readPolnear(join(DATA_DIR, 'polnear', split));
const zero: QuoteCounts = { gold: 0, predicted: 0, matched: 0, speakerJudged: 0, speakerCorrect: 0 };
let at30 = zero;
let at80 = zero;
let shown = 0;
const t0 = performance.now();
for (const art of articles) {
  const a = pipeline.run(art.text);
  const gold = art.attributions.filter((g) => isSpeechCue(g.cueText));
  const pred = predictedAttributions(a.layers.quotes ?? []);
  at30 = addCounts(at30, matchQuotes(gold, pred, 0.3));
  at80 = addCounts(at80, matchQuotes(gold, pred, 0.8));
  if (shown < showErrors) {
    for (const g of gold) {
      const hit = pred.some((p) => matchQuotes([g], [p], 0.8).matched);
      if (!hit && shown++ < showErrors) {
        const all = [...g.content, ...(g.cue ?? []), ...(g.source ?? [])];
        const from = Math.min(...all.map((r) => r[0]));
        const to = Math.max(...all.map((r) => r[1]));
        const near = pred.filter((p) => p.content.some(([x, y]) => x < to && from < y)).map((p) => p.content.map(([x, y]) => art.text.slice(x, y)).join(' … ').slice(0, 80));
        console.log('MISS', JSON.stringify(g.cueText), '|', art.text.slice(from, to).replace(/\s+/g, ' ').slice(0, 220), near.length ? `\n   PRED: ${near.join(' || ')}` : '');
      }
    }
    for (const p of pred) {
      const hit = gold.some((g) => matchQuotes([g], [p], 0.3).matched);
      if (!hit && shown++ < showErrors) console.log('FP  ', art.name, p.verb, '|', p.content.map(([x, y]) => art.text.slice(x, y)).join(' … ').slice(0, 160));
    }
  }
}
const s30 = scores(at30);
const s80 = scores(at80);
const pct = (x: number) => (100 * x).toFixed(1);
console.log(`PolNeAR ${split}${rulesOnly ? ' (rules only)' : ''}: ${articles.length} articles, ${at30.gold} gold speech-cue attributions, ${at30.predicted} predicted (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
console.log(`F1@0.3 ${pct(s30.f1)} (P ${pct(s30.p)} R ${pct(s30.r)})`);
console.log(`F1@0.8 ${pct(s80.f1)} (P ${pct(s80.p)} R ${pct(s80.r)})`);
console.log(`speaker accuracy on matched@0.3 ${pct(s30.speaker)} (${at30.speakerCorrect}/${at30.speakerJudged})`);
