// Measures the techniques stage's CPU time per PTC article (process.cpuUsage: the machine may be
// shared, so wall time is noisy), with a breakdown by step.
// Usage: node --import tsx scripts/cpu-techniques.ts [rounds]
import { tokenize } from '../src/nlp/index.js';
import { techniquesStage, TechniqueModel, sentenceViews, spanContext, summarize } from '../src/annotate/techniques/index.js';
import { benchArticlesWithNlp } from '../bench/corpus.js';

const { articles, source } = await benchArticlesWithNlp();
const model = TechniqueModel.load();
const rounds = Number(process.argv[2] ?? '3');

/** Best-of-rounds CPU and wall ms per article of `fn` over all articles. */
function measure(fn: (i: number) => number): { cpu: number; wall: number; total: number } {
  let cpu = Infinity;
  let wall = Infinity;
  let total = 0;
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    total = 0;
    for (let i = 0; i < articles.length; i++) total += fn(i);
    const w = performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1000 / articles.length);
    wall = Math.min(wall, w / articles.length);
  }
  return { cpu, wall, total };
}
for (const a of articles.slice(0, 40)) techniquesStage.run(a, model);
const views = articles.map((a) => sentenceViews(a));
const ranges = views.map((v) => model.findSpans(v));
const ctxs = articles.map((a, i) => spanContext(a, views[i]));
const spansOf = articles.map((a) => techniquesStage.run(a, model).layers?.techniques ?? []);
const rows: [string, ReturnType<typeof measure>][] = [
  ['stage', measure((i) => (techniquesStage.run(articles[i], model).layers?.techniques ?? []).length)],
  ['  views', measure((i) => sentenceViews(articles[i]).length)],
  ['  findSpans', measure((i) => model.findSpans(views[i]).length)],
  ['  label', measure((i) => model.label({ ...ctxs[i] }, ranges[i]).length)],
  ['  nestedCues', measure((i) => model.nestedCues(views[i], ranges[i]).length)],
  ['  summarize', measure((i) => summarize(spansOf[i], views[i]).total)],
  ['(nlp tokenize, for scale)', measure((i) => tokenize(articles[i].text).tokens.length)],
];
console.log(`${source}: ${articles.length} articles (best of ${rounds} rounds)`);
for (const [name, m] of rows) console.log(`${name.padEnd(27)} CPU ${m.cpu.toFixed(3)} ms/article  wall ${m.wall.toFixed(3)} ms/article  (${(m.total / articles.length).toFixed(1)} per article)`);
