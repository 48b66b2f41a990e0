import { Pipeline } from '../src/pipeline.js';
import { cleanStage } from '../src/clean/index.js';
import { nlpStage } from '../src/nlp/index.js';
import { entitiesStage } from '../src/annotate/entities/index.js';
import { benchArticles } from './corpus.js';
import { withPeakRss, type BenchRow } from './table.js';

/**
 * The entities stage alone on one core: articles are cleaned and tokenised first (untimed),
 * then only the stage's run is timed. The note gives model load time, the resident memory the
 * loaded model adds, and the mean time per article (budget: 1.0 ms CPU).
 */
export async function benchEntities(): Promise<BenchRow[]> {
  const { texts, source } = benchArticles();
  const base = await Pipeline.build([cleanStage, nlpStage]);
  const articles = texts.map((t) => base.run(t));
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const resources = await entitiesStage.load!();
  const loadMs = performance.now() - t0;
  const modelMb = (process.memoryUsage().rss - rssBefore) / 1048576;
  entitiesStage.run(articles[0], resources); // warm up
  const cpuStart = process.cpuUsage();
  const { result, peakRssMb } = await withPeakRss(() => {
    const start = performance.now();
    let tokens = 0;
    for (let round = 0; round < 3; round++) {
      for (const article of articles) {
        entitiesStage.run(article, resources);
        tokens += article.layers.tokens?.length ?? 0;
      }
    }
    return { seconds: (performance.now() - start) / 1000, tokens };
  });
  const cpu = process.cpuUsage(cpuStart);
  const perArticleMs = (result.seconds * 1000) / (articles.length * 3);
  // CPU time is steadier than wall time on a shared machine.
  const cpuPerArticleMs = (cpu.user + cpu.system) / 1000 / (articles.length * 3);
  return [
    {
      name: 'entities stage',
      items: articles.length * 3,
      unit: 'articles',
      seconds: result.seconds,
      tokens: result.tokens,
      peakRssMb,
      note: `${source}; ${perArticleMs.toFixed(2)} ms/article wall, ${cpuPerArticleMs.toFixed(2)} ms CPU; model load ${loadMs.toFixed(0)} ms, +${modelMb.toFixed(0)} MB RSS`,
    },
  ];
}
