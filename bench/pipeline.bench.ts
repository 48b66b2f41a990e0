import { Pipeline } from '../src/pipeline.js';
import { benchArticles } from './corpus.js';
import { withPeakRss, type BenchRow } from './table.js';

/** Warm passes of the pipeline row; the least user CPU time is kept (other jobs only add). */
const WARM_PASSES = Number(process.env.BENCH_PASSES ?? 3);

/**
 * Whole-pipeline throughput on one core, `Pipeline.run` per article (stage overhead included):
 * a cold first pass (every new word pays its cache misses once, as a fresh process does), then
 * warm passes timed in user CPU, the figure behind the 200 articles/s/core target.
 */
export async function benchPipeline(): Promise<BenchRow[]> {
  const { texts, source } = benchArticles();
  const pipeline = await Pipeline.build();
  const name = `pipeline (${pipeline.stages.map((s) => s.name).join('+')})`;
  pipeline.run(texts[0]); // load and compile
  const runAll = () => {
    let tokens = 0;
    for (const text of texts) tokens += pipeline.run(text).layers.tokens?.length ?? 0;
    return tokens;
  };
  const { result: cold, peakRssMb } = await withPeakRss(() => {
    const t0 = performance.now();
    const tokens = runAll();
    return { seconds: (performance.now() - t0) / 1000, tokens };
  });
  let best = { cpu: Infinity, wall: Infinity, tokens: 0 };
  for (let pass = 0; pass < WARM_PASSES; pass++) {
    const c0 = process.cpuUsage().user;
    const t0 = performance.now();
    const tokens = runAll();
    const cpu = (process.cpuUsage().user - c0) / 1e6;
    if (cpu < best.cpu) best = { cpu, wall: (performance.now() - t0) / 1000, tokens };
  }
  const perArticle = (best.cpu * 1000) / texts.length;
  return [
    { name: `${name}, cold pass`, items: texts.length, unit: 'articles', seconds: cold.seconds, tokens: cold.tokens, peakRssMb, note: `${source}; wall time, one pass` },
    { name: `${name}, warm`, items: texts.length, unit: 'articles', seconds: best.cpu, tokens: best.tokens, peakRssMb, note: `${source}; ${perArticle.toFixed(3)} ms user CPU/article (best of ${WARM_PASSES}), ${((best.wall * 1000) / texts.length).toFixed(3)} ms wall; items/s from CPU time` },
  ];
}
