// Span-identification study: out-of-fold tagger candidates (taggers cached per fold under
// /tmp), where the SI credit is lost, and a span re-scorer cross-validated over them.
//   node --import tsx scripts/si-study.ts [--folds 5] [--retrain] [--cache NAME] [--loss] [--rescore]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Classifier, kFolds, probabilities, SequenceTagger, trainLogistic, type Example } from '../src/learn/index.js';
import { DATA_DIR } from '../src/testing/shared.js';
import { readPtc } from '../src/annotate/techniques/ptc.js';
import { prepare, trainClassifier, trainTagger, type SpanTagger } from '../src/annotate/techniques/train.js';
import { mergeFound, TechniqueModel, type Candidate, type FoundSpan } from '../src/annotate/techniques/detector.js';
import { LexiconIndex } from '../src/annotate/techniques/lexicon-match.js';
import { addSiArticle, emptySiTotals, siScore, sumSiTotals, type SiTotals } from '../src/annotate/techniques/scorer.js';
import type { SentenceView } from '../src/annotate/techniques/view.js';
import type { FeatureSink } from '../src/annotate/techniques/sinks.js';
import { StringSink } from '../src/annotate/techniques/sinks.js';
import { loadWordClusters } from '../src/annotate/techniques/word-clusters.js';
import { TAGGER } from '../src/annotate/techniques/constants.js';
import type { Range } from '../src/annotate/techniques/decode.js';

/** What the span re-scorer sees of one article besides its candidates. */
interface RescoreContext {
  views: readonly SentenceView[];
  /** Tagger emissions per sentence (token × B/I/O). */
  emissions: readonly Float64Array[];
  /** Inside-vs-outside emission margin of token i (tagger units). */
  margin: (emit: Float64Array, i: number) => number;
  lexicon: LexiconIndex;
}

/** Bucket of a value by thresholds: the index of the first threshold it stays below. */
function bucket(x: number, limits: readonly number[]): string {
  let k = 0;
  while (k < limits.length && x >= limits[k]) k++;
  return String(k);
}

const LENGTHS = [2, 3, 4, 6, 9, 13, 20, 30];
const MARGINS = [-3, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3];
const PLACES = [1, 2, 4, 8, 16, 32];

/**
 * Features of candidate k of an article for the span re-scorer (keep it or not): the tagger's
 * confidence over the run and its widening, lengths, the sentence and the candidate's place.
 */
function candidateFeatures(ctx: RescoreContext, cands: readonly Candidate[], k: number, sink: FeatureSink): void {
  const c = cands[k];
  const v = ctx.views[c.sentence];
  const emit = ctx.emissions[c.sentence];
  const n = v.raws.length;
  let sum = 0;
  let max = -Infinity;
  let min = Infinity;
  for (let i = c.first; i <= c.last; i++) {
    const m = ctx.margin(emit, i);
    sum += m;
    max = Math.max(max, m);
    min = Math.min(min, m);
  }
  const coreLen = c.last - c.first + 1;
  const wideLen = c.to - c.from + 1;
  let wide = 0;
  for (let i = c.from; i <= c.to; i++) if (i < c.first || i > c.last) wide += ctx.margin(emit, i);
  sink.add('b', '1');
  if (c.backstop) sink.add('bs', '1');
  sink.add('mean', bucket(sum / coreLen, MARGINS));
  sink.add('max', bucket(max, MARGINS));
  sink.add('min', bucket(min, MARGINS));
  if (wideLen > coreLen) sink.add('wmean', bucket(wide / (wideLen - coreLen), MARGINS));
  sink.add('cl', bucket(coreLen, LENGTHS));
  sink.add('wl', bucket(wideLen, LENGTHS));
  sink.add('sl', bucket(n, LENGTHS));
  sink.add('cov', bucket(wideLen / n, [0.25, 0.5, 0.75, 0.99]));
  sink.add('s0', c.from === 0 ? '1' : '0');
  sink.add('s1', c.to === n - 1 || (c.to === n - 2 && v.lowers[n - 1].length === 1) ? '1' : '0');
  sink.add('si', bucket(c.sentence, PLACES));
  let inSentence = 0;
  for (const o of cands) if (o.sentence === c.sentence) inSentence++;
  sink.add('ns', bucket(inSentence, [2, 3]));
  sink.add('dens', bucket(cands.length / Math.max(1, ctx.views.length), [0.2, 0.4, 0.7, 1, 1.5]));
  let quoted = 0;
  for (let i = c.first; i <= c.last; i++) quoted += v.quoted[i];
  sink.add('q', quoted === 0 ? '0' : quoted === coreLen ? 'all' : 'some');
  if (v.lowers.includes('?')) sink.add('s?', '1');
  if (v.lowers.includes('!')) sink.add('s!', '1');
  sink.add('p0', v.pos[c.first]);
  sink.add('p1', v.pos[c.last]);
  for (let i = c.first; i <= c.last; i++) for (const cat of ctx.lexicon.categoriesOf(v.lowers[i])) sink.add('lx', cat);
}

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const K = Number(opt('folds', '5'));
const cacheTag = opt('cache', 'base');
const docs = readPtc(join(DATA_DIR, 'ptc')).map(prepare);
const lexicon = new LexiconIndex();
const folds = kFolds(docs.length, K);
const foldOf = new Int32Array(docs.length);
folds.forEach((held, f) => held.forEach((i) => (foldOf[i] = f)));
const dummy = trainClassifier(docs.slice(0, 5), lexicon, { epochs: 1 });

interface Cand {
  doc: number;
  range: FoundSpan;
  features: string[];
  /** Precision credit of the candidate alone against gold. */
  credit: number;
}
const cands: Cand[] = [];
for (let f = 0; f < K; f++) {
  const file = `/tmp/si-${cacheTag}-fold${f}of${K}.spnm`;
  let tagger: SpanTagger;
  if (existsSync(file) && !args.includes('--retrain')) {
    tagger = SequenceTagger.decode(readFileSync(file));
    // The sentence model the tagger reads is cached beside it.
    if (existsSync(`${file}.sentences`)) tagger.sentences = Classifier.decode(readFileSync(`${file}.sentences`));
  } else {
    const heldSet = new Set(folds[f]);
    tagger = trainTagger(
      docs.filter((_, i) => !heldSet.has(i)),
      lexicon,
      // As committed unless --clusters off / --epochs-tagger N say otherwise.
      { clusters: opt('clusters', TAGGER.wordClusters ? 'on' : 'off') === 'on' ? loadWordClusters() : undefined, epochs: Number(opt('epochs-tagger', String(TAGGER.epochs))) },
    );
    writeFileSync(file, tagger.encode());
    if (tagger.sentences) writeFileSync(`${file}.sentences`, tagger.sentences.encode());
  }
  const model = new TechniqueModel(tagger, dummy, lexicon);
  for (const i of folds[f]) {
    const d = docs[i];
    const cs: Candidate[] = model.candidates(d.views);
    const ctx = { views: d.views, emissions: model.lastEmissions, margin: (e: Float64Array, k: number) => model.insideMargin(e, k), lexicon };
    cs.forEach((c, k) => {
      const v = d.views[c.sentence];
      const core = { start: v.starts[c.first], end: v.ends[c.last] };
      const range: FoundSpan = { start: v.starts[c.from], end: v.ends[c.to], core };
      const sink = new StringSink();
      candidateFeatures(ctx, cs, k, sink);
      let credit = 0;
      for (const g of d.article.spans) credit += Math.max(0, Math.min(g.end, range.end) - Math.max(g.start, range.start)) / (range.end - range.start);
      cands.push({ doc: i, range, features: sink.out, credit });
    });
  }
  console.error(`fold ${f + 1}/${K} candidates ready`);
}

/** SI totals per fold of the kept candidates (merged per article, as findSpans does). */
function scoreKept(keep: (c: Cand, k: number) => boolean): SiTotals[] {
  const byDoc = new Map<number, Range[]>();
  cands.forEach((c, k) => {
    if (!keep(c, k)) return;
    const list = byDoc.get(c.doc) ?? byDoc.set(c.doc, []).get(c.doc)!;
    list.push({ start: c.range.start, end: c.range.end, core: c.range.core ? { ...c.range.core } : undefined } as FoundSpan);
  });
  const totals = folds.map(() => emptySiTotals());
  docs.forEach((d, i) => addSiArticle(totals[foldOf[i]], mergeFound((byDoc.get(i) ?? []) as FoundSpan[]), d.article.spans));
  return totals;
}
const sum = sumSiTotals;
const show = (name: string, t: SiTotals) => {
  const s = siScore(t);
  console.log(`${name.padEnd(48)} P=${s.precision.toFixed(4)} R=${s.recall.toFixed(4)} F1=${s.f1.toFixed(4)} (${t.predicted} spans)`);
};

const base = scoreKept(() => true);
show('all candidates (= findSpans)', sum(base));

if (args.includes('--loss')) {
  // Where the credit goes: predicted spans with no overlap, gold spans never touched.
  let none = 0;
  let partial = 0;
  let predicted = 0;
  let goldMissed = 0;
  let goldTotal = 0;
  let goldCovered = 0;
  const lens: number[] = [];
  docs.forEach((d, i) => {
    const mine = mergeFound(cands.filter((c) => c.doc === i).map((c) => ({ ...c.range })));
    for (const s of mine) {
      predicted++;
      let c = 0;
      for (const g of d.article.spans) c += Math.max(0, Math.min(g.end, s.end) - Math.max(g.start, s.start));
      if (c === 0) none++;
      else if (c < s.end - s.start) partial++;
    }
    for (const g of d.article.spans) {
      goldTotal++;
      lens.push(g.end - g.start);
      let c = 0;
      for (const s of mine) c += Math.max(0, Math.min(g.end, s.end) - Math.max(g.start, s.start));
      if (c === 0) goldMissed++;
      goldCovered += c / (g.end - g.start);
    }
  });
  console.log(`predicted ${predicted}: no overlap ${none} (${((100 * none) / predicted).toFixed(1)}%), partly outside gold ${partial}`);
  console.log(`gold ${goldTotal}: untouched ${goldMissed} (${((100 * goldMissed) / goldTotal).toFixed(1)}%), mean covered share ${(goldCovered / goldTotal).toFixed(3)}`);
}

if (args.includes('--rescore')) {
  const thresholds = opt('thresholds', '0.1,0.15,0.2,0.25,0.3,0.35,0.4,0.45,0.5').split(',').map(Number);
  const epochs = Number(opt('epochs', '10'));
  const rate = Number(opt('rate', '0.1'));
  const l2 = Number(opt('l2', '1e-4'));
  const prob = new Float64Array(cands.length);
  for (let f = 0; f < K; f++) {
    const train: Example[] = [];
    cands.forEach((c) => {
      if (foldOf[c.doc] !== f) train.push({ features: c.features, label: c.credit > 0 ? 'y' : 'n' });
    });
    const clf = trainLogistic(train, { bits: 14, epochs, rate, l2, seed: 3 });
    const yes = clf.labels.indexOf('y');
    cands.forEach((c, k) => {
      if (foldOf[c.doc] !== f) return;
      const p = probabilities(clf.score(c.features));
      prob[k] = p[yes];
    });
  }
  const per = thresholds.map((t) => scoreKept((_, k) => prob[k] >= t));
  thresholds.forEach((t, j) => show(`rescore keep p>=${t}`, sum(per[j])));
  const chosen = folds.map((_, f) => {
    let best = 0;
    per.forEach((p, j) => {
      if (siScore(sum(p, f)).f1 > siScore(sum(per[best], f)).f1) best = j;
    });
    return per[best][f];
  });
  show('rescore, threshold chosen on the other folds', sum(chosen));
}
