import { DEFAULT_STAGES, type Stage } from '../src/pipeline.js';
import { createArticle, type Article } from '../src/model/index.js';
import { benchArticles } from './corpus.js';
import { withPeakRss, type BenchRow } from './table.js';

/**
 * Each default stage alone, over the same articles (every stage gets the output of the stages
 * before it, computed outside the timing): articles/s per stage, so each stage can be held to
 * its per-article budget. The note gives the mean milliseconds per article.
 */
export async function benchStages(): Promise<BenchRow[]> {
  const { texts, source } = benchArticles();
  let articles: Article[] = texts.map((t) => createArticle(t));
  const rows: BenchRow[] = [];
  for (const stage of DEFAULT_STAGES as readonly Stage<unknown>[]) {
    const resources = stage.load ? await stage.load() : undefined;
    stage.run(articles[0], resources); // warm up
    const { result, peakRssMb } = await withPeakRss(() => {
      const t0 = performance.now();
      const next = articles.map((a) => {
        const out = stage.run(a, resources);
        return { ...a, meta: { ...a.meta, ...out.meta }, layers: { ...a.layers, ...out.layers }, findings: { ...a.findings, ...out.findings } };
      });
      return { seconds: (performance.now() - t0) / 1000, next };
    });
    articles = result.next;
    const msPerArticle = (1000 * result.seconds) / texts.length;
    rows.push({ name: `  stage ${stage.name}`, items: texts.length, unit: 'articles', seconds: result.seconds, peakRssMb, note: `${msPerArticle.toFixed(3)} ms/article, ${source}` });
  }
  return rows;
}
