// Prints one SHA-256 over the JSON of every article the default pipeline makes from the PTC
// train articles, and one per stage output, so a speed change can be checked to leave every
// output byte-identical (run it before and after; the hashes must match).
// Usage: node --import tsx scripts/pipeline-hash.ts [limit]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pipeline, DEFAULT_STAGES } from '../src/pipeline.js';
import { DATA_DIR } from '../src/testing/shared.js';

const dir = join(DATA_DIR, 'ptc', 'train-articles');
if (!existsSync(dir)) {
  console.log(`skipped: needs ${dir} (absent in a fresh clone)`);
  process.exit(0);
}
const limit = Number(process.argv[2] ?? Infinity);
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, limit);
const pipeline = await Pipeline.build();
const all = createHash('sha256');
const byStage = new Map(DEFAULT_STAGES.map((s) => [s.name, createHash('sha256')]));
const c0 = process.cpuUsage();
for (const f of files) {
  const article = pipeline.run(readFileSync(join(dir, f), 'utf8'));
  all.update(JSON.stringify(article));
  for (const stage of DEFAULT_STAGES) {
    const h = byStage.get(stage.name)!;
    for (const name of stage.assigns) {
      const value = article.layers[name] ?? article.findings[name] ?? article.meta[name];
      h.update(`${name}\0${JSON.stringify(value) ?? ''}\0`);
    }
  }
}
const cpu = process.cpuUsage(c0);
for (const [name, h] of byStage) console.log(`${name.padEnd(12)} ${h.digest('hex').slice(0, 16)}`);
console.log(`all          ${all.digest('hex')}  (${files.length} articles, ${((cpu.user + cpu.system) / 1000 / files.length).toFixed(2)} ms CPU/article incl. JSON)`);
