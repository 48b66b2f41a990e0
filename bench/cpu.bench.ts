import { DEFAULT_STAGES, type Stage } from '../src/pipeline.js';
import { createArticle, type Article } from '../src/model/index.js';
import { benchArticles } from './corpus.js';
import { withPeakRss, type BenchRow } from './table.js';

/** Timed passes per stage; the least CPU time is kept (other jobs on a shared machine only add). */
const PASSES = Number(process.env.BENCH_PASSES ?? 5);
/** The whole pipeline must run at >= 200 articles/s on one core. */
const BUDGET_MS = 5;

/** User CPU microseconds of this process (steadier than wall time on a loaded machine). */
const userMicros = () => process.cpuUsage().user;

/**
 * CPU milliseconds per article of each default stage, in pipeline order, over the same articles
 * (each stage gets the output of the stages before it, folded in outside the timing); one row
 * per stage plus a total row against the 5 ms/article budget. Each row's note gives user CPU
 * ms/article (best of PASSES) and wall ms/article of that pass.
 */
export async function benchCpu(): Promise<BenchRow[]> {
  const { texts, source } = benchArticles();
  let articles: Article[] = texts.map((t) => createArticle(t));
  const n = articles.length;
  const tokens = () => articles.reduce((s, a) => s + (a.layers.tokens?.length ?? 0), 0);
  const rows: BenchRow[] = [];
  let totalCpu = 0;
  let totalWall = 0;
  let peak = 0;
  for (const stage of DEFAULT_STAGES as readonly Stage<unknown>[]) {
    const resources = stage.load ? await stage.load() : undefined;
    for (const a of articles.slice(0, 30)) stage.run(a, resources); // warm up the JIT
    let best = { cpu: Infinity, wall: Infinity };
    let outs: ReturnType<Stage['run']>[] = [];
    const { peakRssMb } = await withPeakRss(() => {
      for (let pass = 0; pass < PASSES; pass++) {
        const c0 = userMicros();
        const t0 = performance.now();
        outs = articles.map((a) => stage.run(a, resources));
        const wall = performance.now() - t0;
        const cpu = (userMicros() - c0) / 1000;
        if (cpu < best.cpu) best = { cpu, wall };
      }
    });
    peak = Math.max(peak, peakRssMb);
    articles = articles.map((a, i) => ({ ...a, meta: { ...a.meta, ...outs[i].meta }, layers: { ...a.layers, ...outs[i].layers }, findings: { ...a.findings, ...outs[i].findings } }));
    totalCpu += best.cpu;
    totalWall += best.wall;
    rows.push({ name: `  cpu ${stage.name}`, items: n, unit: 'articles', seconds: best.cpu / 1000, tokens: tokens(), peakRssMb, note: `${(best.cpu / n).toFixed(3)} ms CPU/article, ${(best.wall / n).toFixed(3)} ms wall; best of ${PASSES}` });
  }
  const perArticle = totalCpu / n;
  rows.push({
    name: 'cpu total (sum of stages)',
    items: n,
    unit: 'articles',
    seconds: totalCpu / 1000,
    tokens: tokens(),
    peakRssMb: peak,
    note: `${source}; ${perArticle.toFixed(3)} ms CPU/article (budget ${BUDGET_MS}: ${perArticle <= BUDGET_MS ? 'met' : 'OVER'}), ${(totalWall / n).toFixed(3)} ms wall; items/s from CPU time`,
  });
  return rows;
}

// Run alone: node --import tsx bench/cpu.bench.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./table.js');
  printTable(await benchCpu());
}
