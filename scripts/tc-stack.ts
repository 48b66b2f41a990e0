// Experiment: stacked technique classification (TC on gold spans, 5-fold CV by article).
// A second-pass classifier adds, as features of each span, the first-pass labels of the
// article's other spans; the first-pass predictions that the second pass trains on are
// out-of-fold within the training set (inner cross-fitting).
//   node --import tsx scripts/tc-stack.ts [--inner 3] [--seed 11] [--variants 'a,b;c,d']
// Variant flags (comma-joined, variants separated by ';'): share (bucketed share of each
// first-pass label among the article's other spans, by argmax), soft (the same from summed
// probabilities), val (the soft share as a real value instead of buckets), overlap (first-pass
// label of spans nested in / holding / crossing the span), same (of other spans with the same
// text), near (of spans starting within 300 characters), self (the span's own first-pass label),
// tiny (second pass over the span's own first-pass log-probabilities and the stack features only).
// Result (models/techniques.md, tech-tc2): no variant beats the seed noise; not wired in.
import { join } from 'node:path';
import { kFolds, trainLogistic, type Classifier, type Example } from '../src/learn/index.js';
import { DATA_DIR, needsShared } from '../src/testing/shared.js';
import { readPtc } from '../src/annotate/techniques/ptc.js';
import { prepare, type PreparedArticle } from '../src/annotate/techniques/train.js';
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
const INNER = Number(opt('inner', '3'));
const SEED = Number(opt('seed', String(CLASSIFIER.seed)));
const variants = opt('variants', 'share,overlap,same').split(';').map((v) => new Set(v.split(',')));
if (needsShared('data/ptc')) process.exit(1);
const docs = readPtc(join(DATA_DIR, 'ptc')).map(prepare);
const lexicon = new LexiconIndex();

/** Base features per article, per distinct range. */
interface Art {
  d: PreparedArticle;
  ranges: { start: number; end: number; text: string; features: string[]; golds: string[] }[];
}
const arts: Art[] = docs.map((d) => {
  const byKey = new Map<string, Art['ranges'][number]>();
  for (const r of d.article.labelled) {
    const key = `${r.start}:${r.end}`;
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = { start: r.start, end: r.end, text: d.ctx.lowerText.slice(r.start, r.end).trim(), features: spanFeatures(d.ctx, r, lexicon).features, golds: [] }));
    e.golds.push(r.label);
  }
  return { d, ranges: [...byKey.values()] };
});
console.error('features ready');

const train = (examples: Example[]) => trainLogistic(examples, { bits: CLASSIFIER.bits, epochs: CLASSIFIER.epochs, seed: SEED, rate: CLASSIFIER.rate, l2: CLASSIFIER.l2 });

function softmax(s: Float64Array): number[] {
  const m = Math.max(...s);
  const e = [...s].map((x) => Math.exp(x - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}

/** First-pass probabilities of each distinct range of each article. */
function firstPass(clf: Classifier, a: Art): number[][] {
  return a.ranges.map((r) => softmax(clf.score(r.features)));
}

const argmax = (p: number[]) => p.reduce((b, x, i) => (x > p[b] ? i : b), 0);
const shareBucket = (x: number) => (x === 0 ? '0' : x < 0.1 ? '<.1' : x < 0.25 ? '<.25' : x < 0.5 ? '<.5' : '.5+');

/** Stack features of range k of an article from the first-pass probabilities of its ranges. */
function stackFeatures(a: Art, probs: number[][], labels: readonly string[], k: number, v: Set<string>): string[] {
  const out: string[] = [];
  const r = a.ranges[k];
  const n = a.ranges.length;
  const tops = probs.map(argmax);
  if (v.has('self')) out.push(`st_self=${labels[tops[k]]}`);
  if (v.has('share') || v.has('soft')) {
    const counts = new Array<number>(labels.length).fill(0);
    for (let j = 0; j < n; j++) if (j !== k) {
      if (v.has('soft')) probs[j].forEach((p, l) => (counts[l] += p));
      else counts[tops[j]]++;
    }
    const others = n - 1;
    for (let l = 0; l < labels.length; l++) {
      if (v.has('val')) out.push(`st_shv=${labels[l]}\u0001${others === 0 ? 0 : counts[l] / others}`);
      else out.push(`st_sh=${labels[l]}|${others === 0 ? 'none' : shareBucket(counts[l] / others)}`);
    }
  }
  for (let j = 0; j < n; j++) {
    if (j === k) continue;
    const o = a.ranges[j];
    if (v.has('overlap') && o.start < r.end && r.start < o.end) {
      const rel = o.start <= r.start && r.end <= o.end ? 'in' : r.start <= o.start && o.end <= r.end ? 'has' : 'x';
      out.push(`st_ov=${rel}|${labels[tops[j]]}`);
    }
    if (v.has('same') && o.text === r.text) out.push(`st_same=${labels[tops[j]]}`);
    if (v.has('near') && Math.abs(o.start - r.start) < 300 && !(o.start < r.end && r.start < o.end)) out.push(`st_near=${labels[tops[j]]}`);
  }
  return out;
}

/** Feature strings with an optional `@value` suffix → features and values. */
function valued(fs: string[]): { features: string[]; values: number[] } {
  const features: string[] = [];
  const values: number[] = [];
  for (const f of fs) {
    const at = f.indexOf('\u0001');
    features.push(at < 0 ? f : f.slice(0, at));
    values.push(at < 0 ? 1 : Number(f.slice(at + 1)));
  }
  return { features, values };
}
const examplesOf = (as: Art[], extra?: (a: Art, k: number) => string[]): Example[] =>
  as.flatMap((a) => a.ranges.flatMap((r, k) => {
    const x = valued(extra ? [...r.features, ...extra(a, k)] : r.features);
    return r.golds.map((label) => ({ ...x, label }));
  }));

/** TC items of ranked predictions (a range listed k times takes its k best labels). */
function items(a: Art, rank: (k: number) => number[], labels: readonly string[]) {
  return a.ranges.flatMap((r, k) => {
    const order = rank(k);
    return r.golds.map((g, n) => ({ key: `${a.d.article.id}:${r.start}:${r.end}`, gold: g, predicted: labels[order[Math.min(n, order.length - 1)]] }));
  });
}
const rankOf = (s: ArrayLike<number>) => [...Array(s.length).keys()].sort((x, y) => s[y] - s[x] || x - y);

const baseItems: ReturnType<typeof items> = [];
const stackItems = variants.map(() => [] as ReturnType<typeof items>);
const t0 = performance.now();
kFolds(arts.length, K).forEach((held, f) => {
  const heldSet = new Set(held);
  const tr = arts.filter((_, i) => !heldSet.has(i));
  const te = held.map((i) => arts[i]);
  const first = train(examplesOf(tr));
  const labels = first.labels;
  // Out-of-fold first-pass probabilities of the training articles.
  const oof = new Map<Art, number[][]>();
  kFolds(tr.length, INNER).forEach((inner) => {
    const innerSet = new Set(inner);
    const clf = train(examplesOf(tr.filter((_, i) => !innerSet.has(i))));
    if (clf.labels.join() !== labels.join()) throw new Error('label sets differ');
    for (const i of inner) oof.set(tr[i], firstPass(clf, tr[i]));
  });
  const testProbs = new Map(te.map((a) => [a, firstPass(first, a)]));
  for (const a of te) baseItems.push(...items(a, (k) => rankOf(testProbs.get(a)![k]), labels));
  variants.forEach((v, vi) => {
    if (v.has('tiny')) {
      // Second pass over the span's own first-pass log-probabilities and the stack features only.
      const row = (a: Art, probs: number[][], k: number) => {
        const st = stackFeatures(a, probs, labels, k, v);
        return { features: [...labels.map((l) => `fp=${l}`), 'bias', ...st], values: [...probs[k].map((p) => Math.log(Math.max(p, 1e-6))), 1, ...st.map(() => 1)] };
      };
      const second = train(tr.flatMap((a) => a.ranges.flatMap((r, k) => { const x = row(a, oof.get(a)!, k); return r.golds.map((label) => ({ ...x, label })); })));
      for (const a of te) {
        const probs = testProbs.get(a)!;
        stackItems[vi].push(...items(a, (k) => { const x = row(a, probs, k); return rankOf(second.score(x.features, x.values)); }, labels));
      }
      return;
    }
    const second = train(examplesOf(tr, (a, k) => stackFeatures(a, oof.get(a)!, labels, k, v)));
    for (const a of te) {
      const probs = testProbs.get(a)!;
      stackItems[vi].push(...items(a, (k) => { const x = valued([...a.ranges[k].features, ...stackFeatures(a, probs, labels, k, v)]); return rankOf(second.score(x.features, x.values)); }, labels));
    }
  });
  console.error(`fold ${f + 1}/${K} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
});
console.log(`TC base  micro-F1=${tcScore(baseItems).f1.toFixed(4)}`);
variants.forEach((v, vi) => {
  const s = tcScore(stackItems[vi]);
  console.log(`TC stack [${[...v].join(',')}] inner=${INNER} micro-F1=${s.f1.toFixed(4)}`);
  for (const [label, p] of Object.entries(s.perLabel)) console.log(`    ${label.padEnd(36)} F1=${p.f1.toFixed(4)}`);
});
