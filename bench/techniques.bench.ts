import { techniquesStage, TechniqueModel } from '../src/annotate/techniques/index.js';
import { benchArticlesWithNlp } from './corpus.js';
import { withPeakRss, type BenchRow } from './table.js';

/** The techniques stage alone (tokens and sentences made beforehand), per article. */
export async function benchTechniques(): Promise<BenchRow[]> {
  const { articles, source } = await benchArticlesWithNlp();
  const model = TechniqueModel.load();
  for (const a of articles.slice(0, 20)) techniquesStage.run(a, model); // warm up
  const { result, peakRssMb } = await withPeakRss(() => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let tokens = 0;
    let spans = 0;
    for (const a of articles) {
      spans += (techniquesStage.run(a, model).layers?.techniques ?? []).length;
      tokens += a.layers.tokens.length;
    }
    const cpu = process.cpuUsage(c0);
    return { seconds: (performance.now() - t0) / 1000, cpuMs: (cpu.user + cpu.system) / 1000, tokens, spans };
  });
  const msPerArticle = (result.seconds * 1000) / articles.length;
  return [{ name: 'techniques stage', items: articles.length, unit: 'articles', seconds: result.seconds, tokens: result.tokens, peakRssMb, note: `${source}; ${msPerArticle.toFixed(2)} ms/article wall, ${(result.cpuMs / articles.length).toFixed(2)} ms/article CPU; ${result.spans} spans` }];
}
