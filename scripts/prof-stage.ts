// Runs one pipeline stage over the bench articles many times (its inputs made once, untimed), for
// `node --cpu-prof --import tsx scripts/prof-stage.ts <stage> [passes]`.
import { DEFAULT_STAGES, type Stage } from '../src/pipeline.js';
import { createArticle, type Article } from '../src/model/index.js';
import { benchArticles } from '../bench/corpus.js';

const name = process.argv[2];
const passes = Number(process.argv[3] ?? 20);
const { texts } = benchArticles();
let articles: Article[] = texts.map((t) => createArticle(t));
for (const stage of DEFAULT_STAGES as readonly Stage<unknown>[]) {
  const resources = stage.load ? await stage.load() : undefined;
  if (stage.name === name) {
    const c0 = process.cpuUsage();
    for (let p = 0; p < passes; p++) for (const a of articles) stage.run(a, resources);
    const c = process.cpuUsage(c0);
    console.log(`${name} ${(c.user / 1000 / passes / articles.length).toFixed(3)} ms/article`);
    break;
  }
  const outs = articles.map((a) => stage.run(a, resources));
  articles = articles.map((a, i) => ({ ...a, meta: { ...a.meta, ...outs[i].meta }, layers: { ...a.layers, ...outs[i].layers }, findings: { ...a.findings, ...outs[i].findings } }));
}
