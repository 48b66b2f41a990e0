import { Pipeline, DEFAULT_STAGES } from '../src/pipeline.js';
import { quotesStage } from '../src/annotate/quotes/index.js';
import { benchArticles } from './corpus.js';
import { withPeakRss, type BenchRow } from './table.js';

const PASSES = 5;

/** The quotes stage alone, over articles already through the stages before it. */
export async function benchQuotes(): Promise<BenchRow[]> {
  const { texts, source } = benchArticles();
  const before = DEFAULT_STAGES.slice(0, DEFAULT_STAGES.findIndex((s) => s.name === 'quotes'));
  const pipeline = await Pipeline.build(before.length ? before : DEFAULT_STAGES);
  const articles = texts.map((t) => pipeline.run(t));
  const model = await quotesStage.load?.();
  for (const a of articles) quotesStage.run(a, model); // warm up (JIT)
  // Best of a few passes: the stage is sub-millisecond, so one pass mostly measures the JIT and noise.
  const { result, peakRssMb } = await withPeakRss(() => {
    let best = { seconds: Infinity, quotes: 0 };
    for (let pass = 0; pass < PASSES; pass++) {
      // CPU time, not wall time: the machine is shared.
      const t0 = process.cpuUsage();
      let quotes = 0;
      for (const a of articles) quotes += quotesStage.run(a, model).layers?.quotes?.length ?? 0;
      const cpu = process.cpuUsage(t0);
      const seconds = (cpu.user + cpu.system) / 1e6;
      if (seconds < best.seconds) best = { seconds, quotes };
    }
    return best;
  });
  const tokens = articles.reduce((n, a) => n + (a.layers.tokens?.length ?? 0), 0);
  const ms = (1000 * result.seconds) / articles.length;
  return [{ name: 'quotes stage', items: articles.length, unit: 'articles', seconds: result.seconds, tokens, peakRssMb, note: `${source}; best of ${PASSES}, CPU time; ${ms.toFixed(3)} ms/article; ${result.quotes} quote spans` }];
}
