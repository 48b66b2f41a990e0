// Where an ingest worker's CPU goes, in one thread: the worker's loop (Pipeline.runMany on 16
// documents, prepareArticle, RowWriter.write per 50 into a fresh file corpus) over N mixed bench
// articles, user CPU ms/article of this thread split into pipeline / prepare / write, the first
// 400 articles (JIT warm-up) apart, and after them the CPU of the whole process (this thread plus
// V8's helper threads: parallel scavenging, concurrent marking, background compilation); then
// prepare's parts, re-run over the same articles (warm).
// Usage: node --import tsx scripts/worker-cpu.ts [n=2000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { Pipeline } from '../src/pipeline.js';
import type { Article } from '../src/model/index.js';
import type { SourceDocument } from '../src/ingest/types.js';
import { mixedArticles } from '../bench/ingest.bench.js';
import { prepareArticle, encodeLayers, type PreparedArticle } from '../src/corpus/prepare.js';
import { encodeLayerJson } from '../src/corpus/layer-codec.js';
import { deriveRows, packRows } from '../src/corpus/derive.js';
import { fingerprint } from '../src/corpus/minhash.js';
import { contentHash } from '../src/corpus/hash.js';
import { storyTerms, textNames } from '../src/corpus/stories/features.js';
import { openSqliteStore, openRowWriter } from '../src/corpus/sqlite/store.js';
import { threadCpuMs } from '../src/corpus/ingest/thread-cpu.js';

const n = Number(process.argv[2] ?? 2000);
const WARM = 400;
const cpu = () => threadCpuMs()?.user ?? process.cpuUsage().user / 1000;
/** User + system CPU ms of every thread of the process. */
const processCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const docs: SourceDocument[] = mixedArticles(n).map((text) => ({ text, meta: { format: 'text' }, notices: [] }));
const pipeline = await Pipeline.build();
const dir = mkdtempSync(join(tmpdir(), 'spinscope-worker-cpu-'));
const store = openSqliteStore(join(dir, 'w.db'));
const writer = openRowWriter(store.split!.target);
const spent = { pipeline: 0, prepare: 0, write: 0 };
const sample: Article[] = [];
let pending: PreparedArticle[] = [];
let warm = 0;
let warmProcess = 0;
const c0 = cpu();
for (let i = 0; i < n; i += 16) {
  if (i === WARM) (warm = cpu() - c0), (warmProcess = processCpu());
  let t = cpu();
  const articles = pipeline.runMany(docs.slice(i, i + 16));
  spent.pipeline += cpu() - t;
  t = cpu();
  for (const a of articles) pending.push(prepareArticle(a));
  spent.prepare += cpu() - t;
  t = cpu();
  if (pending.length >= 50 || i + 16 >= n) (writer.write(pending), (pending = []));
  spent.write += cpu() - t;
  if (sample.length < 400) sample.push(...articles);
}
const total = cpu() - c0;
const afterProcess = processCpu() - warmProcess;
const ms = (x: number, k = n) => (x / k).toFixed(2);
console.log(`${n} articles, user CPU ms/article: total ${ms(total)} = pipeline ${ms(spent.pipeline)} + prepare ${ms(spent.prepare)} + write ${ms(spent.write)}; first ${WARM} ${ms(warm, WARM)}, after ${ms(total - warm, n - WARM)} (whole process after them, V8 helper threads included: ${ms(afterProcess, n - WARM)} user + system)`);
writer.close();
await store.close();
rmSync(dir, { recursive: true, force: true });

// prepareArticle's parts (overlapping: 'layers' = 'layer JSON' + 'deflate'), best of 5 warm passes.
const layerJson = (a: Article) => `[${Object.entries(a.layers).map(([k, l]) => `[${JSON.stringify(k)},${encodeLayerJson(l)}]`).join(',')}]`;
const jsons = sample.map(layerJson);
const parts: [string, (a: Article, i: number) => unknown][] = [
  ['prepareArticle', (a) => prepareArticle(a)],
  ['layers', (a) => encodeLayers(a.layers)],
  ['  layer JSON', (a) => layerJson(a)],
  ['  deflate', (_, i) => deflateRawSync(jsons[i], { level: 1 })],
  ['findings JSON + deflate', (a) => deflateRawSync(JSON.stringify(a.findings), { level: 1 })],
  ['deriveRows + packRows', (a) => packRows(deriveRows(a))],
  ['storyTerms', (a) => { const e = deriveRows(a).entities; return storyTerms({ id: '', title: a.meta.title as string | undefined, text: a.text, entities: e.length ? e.map((x) => x.name) : textNames(a.text) }); }],
  ['fingerprint', (a) => fingerprint(a.text)],
  ['contentHash', (a) => contentHash(a.text)],
];
for (const [name, f] of parts) {
  let best = Infinity;
  for (let pass = 0; pass < 5; pass++) {
    const t = cpu();
    sample.forEach(f);
    best = Math.min(best, cpu() - t);
  }
  console.log(`  ${name.padEnd(24)} ${ms(best, sample.length)} ms/article`);
}
