// CPU time of the whole default pipeline per article, each article run through every stage in
// order (as `Pipeline.run` does, so per-article work one stage memoises for a later one counts
// once, where it is made), with each stage's share. Unlike stage-cpu.ts no stage is run twice on
// the same article layers. Usage: node --import tsx scripts/pipeline-cpu.ts [passes=5]
// Prints user CPU ms/article per stage and in total (best pass of each).
import { Pipeline, DEFAULT_STAGES, type Stage } from '../src/pipeline.js';
import { benchArticles } from '../bench/corpus.js';

const passes = Number(process.argv[2] ?? 5);
const { texts } = benchArticles();
const spent = new Map<string, number>();
const timed: Stage<any>[] = DEFAULT_STAGES.map((s) => ({
  ...s,
  run(article, resources) {
    const c0 = process.cpuUsage().user;
    const out = s.run(article, resources);
    spent.set(s.name, (spent.get(s.name) ?? 0) + process.cpuUsage().user - c0);
    return out;
  },
}));
const pipeline = await Pipeline.build(timed);
for (const t of texts.slice(0, 30)) pipeline.run(t); // warm up the JIT
const best = new Map<string, number>();
let bestTotal = Infinity;
for (let p = 0; p < passes; p++) {
  spent.clear();
  const c0 = process.cpuUsage().user;
  for (const t of texts) pipeline.run(t);
  bestTotal = Math.min(bestTotal, process.cpuUsage().user - c0);
  for (const [name, us] of spent) best.set(name, Math.min(best.get(name) ?? Infinity, us));
}
const ms = (us: number) => (us / 1000 / texts.length).toFixed(3);
console.log([...best].map(([name, us]) => `${name} ${ms(us)}`).join('  ') + `  | total ${ms(bestTotal)}`);
