import { Pipeline } from '../src/pipeline.js';
import { cleanStage } from '../src/clean/index.js';
import { nlpStage } from '../src/nlp/index.js';
import { factsStage } from '../src/annotate/facts/index.js';
import type { Article } from '../src/model/index.js';
import { benchArticles } from './corpus.js';
import { withPeakRss, type BenchRow } from './table.js';

/** Timed rounds over the corpus; the best is reported. */
const ROUNDS = 3;

/** CPU milliseconds (user + system) spent by this process in fn: steadier than wall time on a busy machine. */
function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * The facts stage alone (dates, figures, statements, timeline) on articles already cleaned and
 * tokenised; the note gives its CPU time per article and, measured in the same run, that of
 * clean+nlp, so the share holds on a loaded machine.
 */
export async function benchFacts(): Promise<BenchRow[]> {
  const { texts, source } = benchArticles();
  const pipeline = await Pipeline.build([cleanStage, nlpStage]);
  let articles: Article[] = [];
  const baseMs = cpuMs(() => (articles = texts.map((t) => pipeline.run(t))));
  for (const a of articles) factsStage.run(a, undefined); // warm up
  let factsCpu = Infinity;
  const { result, peakRssMb } = await withPeakRss(() => {
    let seconds = Infinity;
    let tokens = 0;
    // best of ROUNDS: other processes on a shared machine only ever add time
    for (let round = 0; round < ROUNDS; round++) {
      const t0 = performance.now();
      tokens = 0;
      factsCpu = Math.min(factsCpu, cpuMs(() => {
        for (const a of articles) {
          factsStage.run(a, undefined);
          tokens += a.layers.tokens?.length ?? 0;
        }
      }));
      seconds = Math.min(seconds, (performance.now() - t0) / 1000);
    }
    return { seconds, tokens };
  });
  const n = articles.length;
  const note = `${source}; CPU ${(factsCpu / n).toFixed(3)} ms/article (budget 0.5), clean+nlp ${(baseMs / n).toFixed(3)} ms (${((100 * factsCpu) / baseMs).toFixed(0)}%)`;
  return [{ name: 'facts stage', items: n, unit: 'articles', seconds: result.seconds, tokens: result.tokens, peakRssMb, note }];
}
