import { Pipeline } from '../src/pipeline.js';
import { benchArticles } from './corpus.js';
import { withPeakRss, type BenchRow } from './table.js';

/** Warm passes of the pipeline row; the least user CPU time is kept (other jobs only add). */
const WARM_PASSES = Number(process.env.BENCH_PASSES ?? 3);
/** Articles per `runMany` call in the batch row (what bulk analysis and ingest workers use). */
export const BENCH_BATCH = 16;

/**
 * Whole-pipeline throughput on one core, `Pipeline.run` per article (stage overhead included):
 * a cold first pass (every new word pays its cache misses once, as a fresh process does), then
 * warm passes timed in user CPU, one article at a time (`run`) and in batches (`runMany`, stage
 * by stage): the figures behind the 200 articles/s/core target.
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
  const runBatches = () => {
    let tokens = 0;
    for (let i = 0; i < texts.length; i += BENCH_BATCH) {
      for (const a of pipeline.runMany(texts.slice(i, i + BENCH_BATCH))) tokens += a.layers.tokens?.length ?? 0;
    }
    return tokens;
  };
  const { result: cold, peakRssMb } = await withPeakRss(() => {
    const t0 = performance.now();
    const tokens = runAll();
    return { seconds: (performance.now() - t0) / 1000, tokens };
  });
  const warm = (runOnce: () => number) => {
    let best = { cpu: Infinity, wall: Infinity, tokens: 0 };
    for (let pass = 0; pass < WARM_PASSES; pass++) {
      const c0 = process.cpuUsage().user;
      const t0 = performance.now();
      const tokens = runOnce();
      const cpu = (process.cpuUsage().user - c0) / 1e6;
      if (cpu < best.cpu) best = { cpu, wall: (performance.now() - t0) / 1000, tokens };
    }
    return best;
  };
  const row = (label: string, best: ReturnType<typeof warm>): BenchRow => ({
    name: `${name}, ${label}`,
    items: texts.length,
    unit: 'articles',
    seconds: best.cpu,
    tokens: best.tokens,
    peakRssMb,
    note: `${source}; ${((best.cpu * 1000) / texts.length).toFixed(3)} ms user CPU/article (best of ${WARM_PASSES}), ${((best.wall * 1000) / texts.length).toFixed(3)} ms wall; items/s from CPU time`,
  });
  runBatches(); // compile the batch path too
  const single = warm(runAll);
  const batched = warm(runBatches);
  return [
    { name: `${name}, cold pass`, items: texts.length, unit: 'articles', seconds: cold.seconds, tokens: cold.tokens, peakRssMb, note: `${source}; wall time, one pass` },
    row('warm, one at a time', single),
    row(`warm, batches of ${BENCH_BATCH}`, batched),
  ];
}
