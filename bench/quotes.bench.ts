import { Pipeline, DEFAULT_STAGES } from '../src/pipeline.js';
import { quotesStage } from '../src/annotate/quotes/index.js';
import { benchArticles } from './corpus.js';
import { withPeakRss, type BenchRow } from './table.js';

const PASSES = 3;

/** The quotes stage alone, over articles already through the stages before it. */
export async function benchQuotes(): Promise<BenchRow[]> {
  const { texts, source } = benchArticles();
  const before = DEFAULT_STAGES.slice(0, DEFAULT_STAGES.findIndex((s) => s.name === 'quotes'));
  const pipeline = await Pipeline.build(before.length ? before : DEFAULT_STAGES);
  const articles = texts.map((t) => pipeline.run(t));
  for (const a of articles.slice(0, 20)) quotesStage.run(a, undefined); // warm up
  // Best of a few passes: the stage is sub-millisecond, so one pass mostly measures the JIT and noise.
  const { result, peakRssMb } = await withPeakRss(() => {
    let best = { seconds: Infinity, quotes: 0 };
    for (let pass = 0; pass < PASSES; pass++) {
      const t0 = performance.now();
      let quotes = 0;
      for (const a of articles) quotes += quotesStage.run(a, undefined).layers?.quotes?.length ?? 0;
      const seconds = (performance.now() - t0) / 1000;
      if (seconds < best.seconds) best = { seconds, quotes };
    }
    return best;
  });
  const tokens = articles.reduce((n, a) => n + (a.layers.tokens?.length ?? 0), 0);
  const ms = (1000 * result.seconds) / articles.length;
  return [{ name: 'quotes stage', items: articles.length, unit: 'articles', seconds: result.seconds, tokens, peakRssMb, note: `${source}; best of ${PASSES}; ${ms.toFixed(3)} ms/article; ${result.quotes} quote spans` }];
}
