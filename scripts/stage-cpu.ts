// CPU time of one or more pipeline stages over the PTC train articles (or the generated bench
// corpus), each stage given the outputs of the stages before it (made outside the timing).
// Usage: [LIMIT=n] [SYS=1] node --import tsx scripts/stage-cpu.ts [passes=5] [stage,...]
// (for a profile of one stage: node --cpu-prof --import tsx scripts/stage-cpu.ts 20 <stage>)
// Prints user CPU ms/article per timed stage (best of passes; SYS=1 adds system time). The stages
// before the last one named run once, untimed, to make its inputs; passes=0 runs only that setup.
import { DEFAULT_STAGES, type Stage } from '../src/pipeline.js';
import { createArticle, type Article } from '../src/model/index.js';
import { benchArticles } from '../bench/corpus.js';

const passes = Number(process.argv[2] ?? 5);
const only = process.argv[3]?.split(',');
const limit = Number(process.env.LIMIT ?? Infinity);
const { texts } = benchArticles();
let articles: Article[] = texts.slice(0, limit).map((t) => createArticle(t));
const stages = DEFAULT_STAGES as readonly Stage<unknown>[];
const last = only ? Math.max(...only.map((s) => stages.findIndex((x) => x.name === s))) : stages.length - 1;
const results: string[] = [];
for (const stage of stages.slice(0, last + 1)) {
  const resources = stage.load ? await stage.load() : undefined;
  const timed = !only || only.includes(stage.name);
  let outs = articles.map((a) => stage.run(a, resources));
  if (timed && passes > 0) {
    let best = Infinity;
    for (let pass = 0; pass < passes; pass++) {
      const c0 = process.cpuUsage();
      outs = articles.map((a) => stage.run(a, resources));
      const c = process.cpuUsage(c0);
      best = Math.min(best, (c.user + (process.env.SYS ? c.system : 0)) / 1000);
    }
    results.push(`${stage.name} ${(best / articles.length).toFixed(3)}`);
  }
  articles = articles.map((a, i) => ({ ...a, meta: { ...a.meta, ...outs[i].meta }, layers: { ...a.layers, ...outs[i].layers }, findings: { ...a.findings, ...outs[i].findings } }));
}
console.log(results.join('  '));
