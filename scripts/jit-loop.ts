// Runs the default pipeline over N mixed bench articles (as the ingest workers do: runMany in
// batches of 16), for `node --trace-deopt --trace-opt` studies of recompilation in long runs.
// Usage: node --trace-deopt --trace-opt --import tsx scripts/jit-loop.ts [n=1500]
import { Pipeline } from '../src/pipeline.js';
import { mixedArticles } from '../bench/ingest.bench.js';

const n = Number(process.argv[2] ?? 1500);
const texts = mixedArticles(n);
const pipeline = await Pipeline.build();
const c0 = process.cpuUsage();
for (let i = 0; i < texts.length; i += 16) {
  if (i % 256 === 0) console.log(`@@ article ${i}`);
  pipeline.runMany(texts.slice(i, i + 16));
}
const cpu = process.cpuUsage(c0);
console.log(`@@ done ${n} articles, ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms CPU/article`);
