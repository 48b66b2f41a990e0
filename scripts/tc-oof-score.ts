// Scores the out-of-fold probabilities cached by scripts/tc-oof.ts (pass tech-tc7): the committed
// skip, mix and article context re-applied, micro-F1 and per fold as eval:techniques -- --task tc.
//   node --import tsx scripts/tc-oof-score.ts A-s11 B-s11+C-s11 ... [--w 0.6] [--skip 0.3] [--ctx 0.5,0.3] [--prior oof|committed] [--nested] [--per-label]
//     [--offset LABEL:b1,b2] [--mix mix-s11 --mixw 0,0.25]
// Each argument is one variant ('+' averages caches: seed ensembles). --nested: per fold, the
// variant × setting best on the other folds. --offset: a log-offset on one label's probability
// after the context. --mix: the article-mix model of `tc-oof.ts --article-mix` as a further
// factor (m_c / mean m_c)^v.
import { readFileSync } from 'node:fs';
import { kFolds } from '../src/learn/index.js';
import { tcScore } from '../src/annotate/techniques/scorer.js';
import { CONTEXT, NETWORK } from '../src/annotate/techniques/constants.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const NOVAL = new Set(['--per-label', '--nested']);
const variants = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--') && !NOVAL.has(args[i - 1])));
const W = Number(opt('w', String(NETWORK.logisticWeight)));
const SKIP = Number(opt('skip', String(NETWORK.skipLead)));
const CTXW = opt('ctx', String(CONTEXT.weight)).split(',').map(Number);
const PRIOR = opt('prior', 'committed');
const perLabel = args.includes('--per-label');
/** --offset LABEL:b1,b2,...: a log-offset on one label after the context (a variant per value). */
const OFF = args.includes('--offset') ? opt('offset', '') : '';
const offLabel = OFF ? OFF.split(':')[0] : '';
const offValues = OFF ? OFF.split(':')[1].split(',').map(Number) : [0];
/** --mix FILE --mixw 0,0.5: the article-mix model's factor (m_c / mean m_c)^v after the context. */
const MIXF = args.includes('--mix') ? JSON.parse(readFileSync(`.tmp/tc-oof/${opt('mix', '')}.json`, 'utf8')) as { labels: string[]; M: number[][] } : undefined;
const MIXW = opt('mixw', '0').split(',').map(Number);

type Cache = { labels: string[]; P: number[][][]; Q: number[][][]; meta: { id: string; ranges: [number, number, string][] }[] };
const loaded = new Map<string, Cache>();
const load = (n: string) => loaded.get(n) ?? loaded.set(n, JSON.parse(readFileSync(`.tmp/tc-oof/${n}.json`, 'utf8'))).get(n)!;
type Item = { key: string; gold: string; predicted: string };

function run(variant: string, ctxw: number, off = 0, mv = 0): Item[][] {
  const caches = variant.split('+').map(load);
  const { labels, meta } = caches[0];
  const L = labels.length;
  const avg = (get: (c: Cache) => number[]) => {
    const out = new Array(L).fill(0);
    for (const c of caches) { const x = get(c); for (let k = 0; k < L; k++) out[k] += x[k] / caches.length; }
    return out;
  };
  const mixed: number[][][] = meta.map((m, a) =>
    m.ranges.map((_, k) => {
      const p = avg((c) => c.P[a][k]);
      const s = [...p].sort((x, y) => y - x);
      if (s[0] - s[1] > SKIP) return p;
      const q = avg((c) => c.Q[a][k]);
      return p.map((x, c) => W * x + (1 - W) * q[c]);
    }),
  );
  let priorArr: number[];
  if (PRIOR === 'oof') {
    priorArr = new Array(L).fill(0);
    let n = 0;
    meta.forEach((m, a) => m.ranges.forEach((_, k) => { const p = avg((c) => c.P[a][k]); const q = avg((c) => c.Q[a][k]); for (let c = 0; c < L; c++) priorArr[c] += W * p[c] + (1 - W) * q[c]; n++; }));
    priorArr = priorArr.map((x) => x / n);
  } else priorArr = labels.map((l) => CONTEXT.prior[l]);
  const logPrior = priorArr.map((p) => Math.log(p + CONTEXT.smoothing));
  const withContext = (rows: number[][], ranges: [number, number, string][], w: number): number[][] => {
    if (w <= 0 || rows.length < 2) return rows;
    const first = new Map<string, number>();
    const rowOf: number[] = [];
    const sum = new Array(L).fill(0);
    ranges.forEach(([s, e], k) => {
      const key = `${s}:${e}`;
      const at = first.get(key);
      if (at !== undefined) { rowOf.push(at); return; }
      first.set(key, k); rowOf.push(k);
      for (let c = 0; c < L; c++) sum[c] += rows[k][c];
    });
    const others = first.size - 1;
    if (others < 1) return rows;
    return rows.map((p, k) => {
      const own = rows[rowOf[k]];
      const x = p.map((v, c) => v * Math.exp(w * (Math.log(Math.max(0, (sum[c] - own[c]) / others) + CONTEXT.smoothing) - logPrior[c])));
      const z = x.reduce((a, b) => a + b, 0);
      return x.map((v) => v / z);
    });
  };
  const mixMean = new Array(L).fill(0);
  if (MIXF) { for (const mm of MIXF.M) for (let c = 0; c < L; c++) mixMean[c] += mm[c] / MIXF.M.length; if (MIXF.labels.join() !== labels.join()) throw new Error('labels'); }
  const folds = kFolds(meta.length, 5);
  const foldItems: Item[][] = folds.map(() => []);
  const foldOf = new Map<number, number>();
  folds.forEach((held, f) => held.forEach((i) => foldOf.set(i, f)));
  meta.forEach((m, a) => {
    const rows0 = withContext(mixed[a], m.ranges, ctxw);
    const oi = labels.indexOf(offLabel);
    let rows = oi < 0 || off === 0 ? rows0 : rows0.map((r) => r.map((v, c) => (c === oi ? v * Math.exp(off) : v)));
    if (MIXF && mv > 0) {
      const mm = MIXF.M[a];
      rows = rows.map((r) => r.map((v, c) => v * Math.pow((mm[c] + CONTEXT.smoothing) / (mixMean[c] + CONTEXT.smoothing), mv)));
    }
    const seen = new Map<string, number>();
    m.ranges.forEach(([s, e, gold], k) => {
      const key = `${s}:${e}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      const order = rows[k].map((v, c) => [v, c] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
      foldItems[foldOf.get(a)!].push({ key: `${m.id}:${key}`, gold, predicted: labels[order[Math.min(n, 5)][1]] });
    });
  });
  return foldItems;
}

const all: { name: string; folds: Item[][] }[] = [];
for (const v of variants)
  for (const w of CTXW) for (const off of offValues) for (const mv of MIXW) {
    const folds = run(v, w, off, mv);
    const tc = tcScore(folds.flat());
    const name = `${v} ctx=${w}${OFF ? ` off=${off}` : ''}${MIXF ? ` mix=${mv}` : ''}`;
    all.push({ name, folds });
    console.log(`${name.padEnd(40)} w=${W} skip=${SKIP} prior=${PRIOR}: micro-F1 ${tc.f1.toFixed(4)}  folds ${folds.map((x) => tcScore(x).f1.toFixed(4)).join(' ')}`);
    if (perLabel) for (const [l, s] of Object.entries(tc.perLabel)) console.log(`   ${l.padEnd(36)} ${s.f1.toFixed(3)}`);
  }
if (args.includes('--nested')) {
  const chosen: Item[] = [];
  const picks: string[] = [];
  for (let f = 0; f < 5; f++) {
    let best = all[0];
    let bestF1 = -1;
    for (const a of all) {
      const f1 = tcScore(a.folds.filter((_, g) => g !== f).flat()).f1;
      if (f1 > bestF1) [best, bestF1] = [a, f1];
    }
    picks.push(best.name);
    chosen.push(...best.folds[f]);
  }
  console.log(`nested (chosen on the other folds): micro-F1 ${tcScore(chosen).f1.toFixed(4)}  picks: ${picks.join(' | ')}`);
}
