// Experiment: technique classification (TC on gold spans, 5-fold CV by article, the folds of
// eval:techniques): a one-hidden-layer network beside the logistic model (alone and with the
// probabilities averaged), extra feature kinds, and per-label bias calibration.
//   node --import tsx scripts/tc-mlp.ts [--seed 11] [--mlp 'hidden=128,epochs=12;hidden=64'] [--mix 0.5,0.7]
//     [--extra 'mem;dense'] [--calib] [--geo] [--no-base]
// Each ';'-separated MLP setting is one variant (keys of MlpOptions); --mix is the logistic
// model's weight in the average (--geo: also the weighted geometric mean). --extra: logistic variants with extra span features
// (comma-joined kinds per variant): mem (cross-article fragment memory, out-of-fold inside the
// training fold), nbw (per-label naive-Bayes log-count ratios of the span's words, own article left out), dense / dsent (mean distributional vector of the span's / sentence's words, from
// .tmp/vectors.bin: word hash → 384-d PPMI random projection, written by scripts/tc-word-vectors.ts).
// Results: models/techniques.md, pass tech-tc3. With --extra-mlp the first MLP setting is trained on the extra features too.
// --calib: each variant also scored with per-label biases tuned on the other folds.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fnv1a, kFolds, trainLogistic, type Example } from '../src/learn/index.js';
import { trainMlp, type MlpOptions } from '../src/learn/mlp.js';
import { softmaxInPlace } from '../src/learn/classifier.js';
import { DATA_DIR, needsShared } from '../src/testing/shared.js';
import { readPtc } from '../src/annotate/techniques/ptc.js';
import { prepare } from '../src/annotate/techniques/train.js';
import { LexiconIndex } from '../src/annotate/techniques/lexicon-match.js';
import { spanFeatures } from '../src/annotate/techniques/span-features.js';
import { tcScore } from '../src/annotate/techniques/scorer.js';
import { CLASSIFIER } from '../src/annotate/techniques/constants.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const K = 5;
const SEED = Number(opt('seed', String(CLASSIFIER.seed)));
const mlpSettings: MlpOptions[] = args.includes('--mlp')
  ? opt('mlp', '').split(';').map((s) => Object.fromEntries(s.split(',').filter(Boolean).map((kv) => { const [k, v] = kv.split('='); return [k, Number(v)]; })))
  : [];
const mixes = opt('mix', '0.5').split(',').map(Number);
const extras = args.includes('--extra') ? opt('extra', '').split(';').map((v) => new Set(v.split(','))) : [];
const skipBase = args.includes('--no-base');
const DENSE_SCALE = Number(opt('dense-scale', '4'));
if (needsShared('data/ptc')) process.exit(1);
const docs = readPtc(join(DATA_DIR, 'ptc')).map(prepare);
const lexicon = new LexiconIndex();

/** Word vectors by word hash (from .tmp/vectors.bin, dumped from the word-cluster trainer). */
const vectors = new Map<number, Float32Array>();
let D = 0;
if (existsSync('.tmp/vectors.bin') && extras.some((v) => v.has('dense') || v.has('dsent'))) {
  const b = readFileSync('.tmp/vectors.bin');
  const n = b.readUInt32LE(0);
  D = b.readUInt32LE(4);
  const all = new Float32Array(b.buffer.slice(b.byteOffset + 8 + n * 4, b.byteOffset + 8 + n * 4 + n * D * 4));
  for (let i = 0; i < n; i++) vectors.set(b.readUInt32LE(8 + i * 4), all.subarray(i * D, (i + 1) * D));
}

interface Range { start: number; end: number; features: string[]; golds: string[]; memKey: number; words: string[]; sentence: string[] }
interface Art { id: string; ranges: Range[] }
/** Lemma-ish normal form of a word: lower case, no possessive, no plural -s. */
const normWord = (w: string) => w.replace(/['’]s$/, '').replace(/(?<=[a-z]{3})s$/, '');
const arts: Art[] = docs.map((d) => {
  const byKey = new Map<string, Range>();
  for (const r of d.article.labelled) {
    const key = `${r.start}:${r.end}`;
    let e = byKey.get(key);
    if (!e) {
      const words: string[] = [];
      let sentence: string[] = [];
      for (const v of d.views) {
        if (v.end <= r.start || v.start >= r.end) continue;
        if (!sentence.length) sentence = [...v.lowers];
        v.lowers.forEach((w, i) => { if (v.ends[i] > r.start && v.starts[i] < r.end) words.push(w); });
      }
      const norm = words.filter((w) => /[\p{L}\p{N}]/u.test(w)).map(normWord).join(' ');
      byKey.set(key, (e = { start: r.start, end: r.end, features: spanFeatures(d.ctx, r, lexicon).features, golds: [], memKey: fnv1a(norm), words, sentence }));
    }
    e.golds.push(r.label);
  }
  return { id: d.article.id, ranges: [...byKey.values()] };
});
console.error('features ready');

/** Fragment memory: normalised-text hash → label counts, per article (to leave one out). */
type Memory = Map<number, Map<string, number>>;
function memoryOf(as: Art[]): Memory {
  const m: Memory = new Map();
  for (const a of as) for (const r of a.ranges) for (const g of r.golds) {
    const c = m.get(r.memKey) ?? m.set(r.memKey, new Map()).get(r.memKey)!;
    c.set(g, (c.get(g) ?? 0) + 1);
  }
  return m;
}
const countBucket = (n: number) => (n === 0 ? '0' : n === 1 ? '1' : n <= 3 ? '2-3' : n <= 7 ? '4-7' : '8+');
/** Memory features of a range; `own` (the range's article's own counts) is subtracted. */
function memFeatures(mem: Memory, r: Range, own?: Memory): [string, number][] {
  const all = mem.get(r.memKey);
  const mine = own?.get(r.memKey);
  const counts = new Map<string, number>();
  let n = 0;
  for (const [l, c] of all ?? []) {
    const k = c - (mine?.get(l) ?? 0);
    if (k > 0) { counts.set(l, k); n += k; }
  }
  const out: [string, number][] = [[`memn=${countBucket(n)}`, 1]];
  for (const [l, k] of counts) out.push([`mem=${l}`, k / n], [`memb=${l}|${countBucket(k)}`, 1]);
  return out;
}
function meanVector(words: readonly string[]): Float64Array | undefined {
  const m = new Float64Array(D);
  let n = 0;
  for (const w of words) {
    const v = vectors.get(fnv1a(w));
    if (!v) continue;
    for (let d = 0; d < D; d++) m[d] += v[d];
    n++;
  }
  if (!n) return undefined;
  let norm = 0;
  for (let d = 0; d < D; d++) norm += m[d] ** 2;
  norm = Math.sqrt(norm);
  for (let d = 0; d < D; d++) m[d] = (m[d] / norm) * DENSE_SCALE;
  return m;
}
/** Word memory: word → label counts (spans holding the word), for naive-Bayes log-count ratios. */
function wordMemoryOf(as: Art[]): Memory {
  const m: Memory = new Map();
  for (const a of as) for (const r of a.ranges) for (const w of new Set(r.words.filter((x) => /\p{L}/u.test(x)).map(normWord))) {
    const k = fnv1a(w);
    const c = m.get(k) ?? m.set(k, new Map()).get(k)!;
    for (const g of r.golds) c.set(g, (c.get(g) ?? 0) + 1);
  }
  return m;
}
let labelTotals = new Map<string, number>();
/** Per label: mean over the span's words of log((n(w, l) + α) / (n(w, ¬l) + α)), own article left out. */
function nbFeatures(mem: Memory, r: Range, own?: Memory): [string, number][] {
  const sums = new Map<string, number>();
  const ws = [...new Set(r.words.filter((x) => /\p{L}/u.test(x)).map(normWord))];
  for (const w of ws) {
    const k = fnv1a(w);
    const all = mem.get(k);
    const mine = own?.get(k);
    let n = 0;
    const counts = new Map<string, number>();
    for (const [l, c] of all ?? []) { const x = c - (mine?.get(l) ?? 0); counts.set(l, x); n += x; }
    if (n === 0) continue;
    for (const l of labelTotals.keys()) {
      const x = counts.get(l) ?? 0;
      sums.set(l, (sums.get(l) ?? 0) + Math.log((x + NB_ALPHA) / (n - x + NB_ALPHA)));
    }
  }
  return [...sums].map(([l, v]) => [`nb=${l}`, v / Math.max(1, ws.length)]);
}
const NB_ALPHA = 1;
function extraFeatures(kinds: Set<string>, r: Range, mem: Memory, own?: Memory, wmem?: Memory, wown?: Memory): [string, number][] {
  const out: [string, number][] = [];
  if (kinds.has('nbw')) out.push(...nbFeatures(wmem!, r, wown));
  if (kinds.has('mem')) out.push(...memFeatures(mem, r, own));
  if (kinds.has('dense')) { const m = meanVector(r.words); if (m) m.forEach((x, d) => out.push([`dv=${d}`, x])); }
  if (kinds.has('dsent')) { const m = meanVector(r.sentence); if (m) m.forEach((x, d) => out.push([`ds=${d}`, x])); }
  return out;
}
function withExtra(r: Range, extra: [string, number][]): { features: string[]; values: number[] } {
  return { features: [...r.features, ...extra.map((e) => e[0])], values: [...r.features.map(() => 1), ...extra.map((e) => e[1])] };
}

const examplesOf = (as: Art[], row: (a: Art, r: Range) => { features: string[]; values?: number[] } = (_, r) => ({ features: r.features })): Example[] =>
  as.flatMap((a) => a.ranges.flatMap((r) => { const x = row(a, r); return r.golds.map((label) => ({ ...x, label })); }));

/** Out-of-fold probabilities of each variant: per fold, per range. */
interface Scored { fold: number; a: Art; r: Range; p: Float64Array }
const out = new Map<string, Scored[]>();
const push = (name: string, s: Scored) => { if (!out.has(name)) out.set(name, []); out.get(name)!.push(s); };
let labels: readonly string[] = [];
const trainLin = (ex: Example[]) => trainLogistic(ex, { bits: CLASSIFIER.bits, epochs: CLASSIFIER.epochs, seed: SEED, rate: CLASSIFIER.rate, l2: CLASSIFIER.l2 });
const t0 = performance.now();
kFolds(arts.length, K).forEach((held, f) => {
  const heldSet = new Set(held);
  const tr = arts.filter((_, i) => !heldSet.has(i));
  const te = held.map((i) => arts[i]);
  const ex = examplesOf(tr);
  const lin = trainLin(ex);
  labels = lin.labels;
  const linProbs = new Map(te.flatMap((a) => a.ranges.map((r) => [r, softmaxInPlace(Float64Array.from(lin.score(r.features)))] as const)));
  if (!skipBase) for (const a of te) for (const r of a.ranges) push('logistic', { fold: f, a, r, p: linProbs.get(r)! });
  mlpSettings.forEach((s) => {
    const name = `mlp ${JSON.stringify(s)}`;
    const t1 = performance.now();
    // nets=k: k networks of seeds SEED, SEED+100, ... with their probabilities averaged.
    const { nets = 1, ...o } = s as MlpOptions & { nets?: number };
    const trained = Array.from({ length: nets }, (_, k) => trainMlp(ex, { seed: SEED + 100 * k, ...o }));
    if (trained[0].labels.join() !== labels.join()) throw new Error('label sets differ');
    for (const a of te) for (const r of a.ranges) {
      const p = new Float64Array(labels.length);
      for (const net of trained) net.probabilities(r.features).forEach((x, c) => (p[c] += x / nets));
      push(name, { fold: f, a, r, p });
      for (const m of mixes) push(`${name} + logistic×${m}`, { fold: f, a, r, p: p.map((x, c) => (1 - m) * x + m * linProbs.get(r)![c]) });
      // Geometric mean (log-linear pool) with the same weights.
      if (args.includes('--geo')) for (const m of mixes) push(`${name} + logistic×${m} (geometric)`, { fold: f, a, r, p: softmaxInPlace(p.map((x, c) => (1 - m) * Math.log(Math.max(x, 1e-12)) + m * Math.log(Math.max(linProbs.get(r)![c], 1e-12)))) });
    }
    console.error(`  ${name}: ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  });
  if (extras.length) {
    const mem = memoryOf(tr);
    const own = new Map(tr.map((a) => [a, memoryOf([a])]));
    const wmem = wordMemoryOf(tr);
    const wown = new Map(tr.map((a) => [a, wordMemoryOf([a])]));
    labelTotals = new Map(labels.map((l) => [l, 0]));
    for (const kinds of extras) {
      const name = `logistic + ${[...kinds].join(',')}`;
      const exX = examplesOf(tr, (a, r) => withExtra(r, extraFeatures(kinds, r, mem, own.get(a), wmem, wown.get(a))));
      const clf = trainLin(exX);
      const rows = new Map(te.flatMap((a) => a.ranges.map((r) => [r, withExtra(r, extraFeatures(kinds, r, mem, undefined, wmem))] as const)));
      for (const a of te) for (const r of a.ranges) { const x = rows.get(r)!; push(name, { fold: f, a, r, p: softmaxInPlace(Float64Array.from(clf.score(x.features, x.values))) }); }
      if (args.includes('--extra-mlp') && mlpSettings.length) {
        const net = trainMlp(exX, { seed: SEED, ...mlpSettings[0] });
        for (const a of te) for (const r of a.ranges) {
          const x = rows.get(r)!;
          const p = softmaxInPlace(Float64Array.from(net.score(x.features, x.values)));
          push(`mlp ${JSON.stringify(mlpSettings[0])} + ${[...kinds].join(',')}`, { fold: f, a, r, p });
          for (const m of mixes) push(`mlp+${[...kinds].join(',')} + logistic+${[...kinds].join(',')}×${m}`, { fold: f, a, r, p: p.map((v, c) => (1 - m) * v + m * softmaxInPlace(Float64Array.from(clf.score(x.features, x.values)))[c]) });
        }
      }
    }
  }
  console.error(`fold ${f + 1}/${K} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
});

const rankOf = (s: ArrayLike<number>) => [...Array(s.length).keys()].sort((x, y) => s[y] - s[x] || x - y);
function itemsOf(xs: Scored[], bias?: Float64Array) {
  return xs.flatMap(({ a, r, p }) => {
    const order = rankOf(bias ? p.map((x, c) => Math.log(Math.max(x, 1e-12)) + bias[c]) : p);
    return r.golds.map((g, n) => ({ key: `${a.id}:${r.start}:${r.end}`, gold: g, predicted: labels[order[Math.min(n, order.length - 1)]] }));
  });
}
/** Correct labels (micro-F1 numerator) of scored ranges under log-probability biases. */
function correctOf(xs: Scored[], bias: Float64Array): number {
  let correct = 0;
  const s = new Float64Array(labels.length);
  for (const { r, p } of xs) {
    for (let c = 0; c < s.length; c++) s[c] = Math.log(Math.max(p[c], 1e-12)) + bias[c];
    if (r.golds.length === 1) {
      let best = 0;
      for (let c = 1; c < s.length; c++) if (s[c] > s[best]) best = c;
      if (labels[best] === r.golds[0]) correct++;
      continue;
    }
    const order = rankOf(s);
    const left = [...r.golds];
    r.golds.forEach((_, n) => { const at = left.indexOf(labels[order[Math.min(n, order.length - 1)]]); if (at >= 0) { left.splice(at, 1); correct++; } });
  }
  return correct;
}
const GRID = Array.from({ length: 21 }, (_, i) => (i - 10) * 0.1);
/** Per-label biases by coordinate ascent on micro-F1 (3 rounds; ties keep the smaller |bias|). */
function tuneBias(xs: Scored[]): Float64Array {
  const bias = new Float64Array(labels.length);
  let best = correctOf(xs, bias);
  for (let round = 0; round < 3; round++)
    for (let c = 0; c < labels.length; c++) {
      const keep = bias[c];
      let bestB = keep;
      for (const b of GRID) {
        bias[c] = b;
        const k = correctOf(xs, bias);
        if (k > best || (k === best && Math.abs(b) < Math.abs(bestB))) [best, bestB] = [k, b];
      }
      bias[c] = bestB;
    }
  return bias;
}
for (const [name, xs] of out) {
  let line = `TC ${name} seed=${SEED} micro-F1=${tcScore(itemsOf(xs)).f1.toFixed(4)}`;
  if (args.includes('--calib')) {
    const items = Array.from({ length: K }, (_, f) => itemsOf(xs.filter((x) => x.fold === f), tuneBias(xs.filter((x) => x.fold !== f)))).flat();
    line += `  calibrated on the other folds: ${tcScore(items).f1.toFixed(4)}`;
  }
  console.log(line);
}
