// The ingest main thread's work alone: linking (persons, near-duplicates, stories) of articles
// whose own rows a row writer already wrote, in batches, on a file database (user CPU ms/article
// of this thread; the row writing is not counted). Prepared articles are cached in the temp dir
// (v8 serialised) so paired runs of two checkouts link the very same input:
//   SPINSCOPE_BENCH_LINK=3000 node --import tsx bench/linking.bench.ts
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize, deserialize } from 'node:v8';
import { createHash } from 'node:crypto';
import { mixedArticles } from './ingest.bench.js';
import { Pipeline } from '../src/pipeline.js';
import { prepareArticle, type PreparedArticle } from '../src/corpus/prepare.js';
import { openSqliteStore, openRowWriter } from '../src/corpus/sqlite/store.js';
import { threadCpuMs } from '../src/corpus/ingest/thread-cpu.js';
import type { StoredArticle } from '../src/corpus/store.js';

const N = Number(process.env.SPINSCOPE_BENCH_LINK ?? 3000);
const BATCH = 64;
const cpu = () => threadCpuMs()?.user ?? process.cpuUsage().user / 1000;

const cache = join(tmpdir(), `spinscope-linking-${N}.v8`);
let prepared: PreparedArticle[];
if (existsSync(cache)) prepared = deserialize(readFileSync(cache));
else {
  const pipeline = await Pipeline.build();
  const texts = mixedArticles(N);
  prepared = [];
  for (let i = 0; i < texts.length; i += 16) {
    for (const a of pipeline.runMany(texts.slice(i, i + 16).map((text) => ({ text, meta: { format: 'text' as const }, notices: [] })))) prepared.push(prepareArticle(a));
  }
  writeFileSync(cache, serialize(prepared));
}

const dir = mkdtempSync(join(tmpdir(), 'spinscope-link-'));
try {
  const path = join(dir, 'l.db');
  const store = openSqliteStore(path);
  const writer = openRowWriter(store.split!.target);
  let linking = 0;
  let system = 0;
  const results = [];
  for (let i = 0; i < prepared.length; i += BATCH) {
    const stored = writer.write(prepared.slice(i, i + BATCH)).filter((s): s is StoredArticle => s.created);
    const c0 = cpu();
    const s0 = threadCpuMs()?.system ?? 0;
    results.push(...(await store.split!.link(stored)));
    linking += cpu() - c0;
    system += (threadCpuMs()?.system ?? 0) - s0;
  }
  writer.close();
  // What linking decided, as the store answers it (stories after re-clustering moves and merges).
  const { items } = await store.listArticles({ limit: 1000 });
  const all = [];
  for (let off = 0; ; off += 1000) {
    const page = await store.listArticles({ limit: 1000, offset: off });
    all.push(...page.items.map((a) => [a.id, a.story ?? null, a.duplicateOf ?? null]));
    if (page.items.length < 1000) break;
  }
  const persons = store.db.prepare('SELECT id, name, roles, affiliations, variants FROM persons ORDER BY id').raw().all();
  const sources = store.db.prepare('SELECT a.id, s.seq, s.person FROM sources s JOIN articles a ON a.n = s.article ORDER BY a.id, s.seq').raw().all();
  const quotes = store.db.prepare('SELECT a.id, q.seq, q.person FROM quotes q JOIN articles a ON a.n = q.article ORDER BY a.id, q.seq').raw().all();
  const stories = store.db.prepare('SELECT id, thread, label, size, first, last FROM stories ORDER BY id').raw().all();
  const digest = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 12);
  all.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  void items;
  const walBytes = statSync(path + '-wal').size;
  console.log(`linking: ${(linking / prepared.length).toFixed(3)} ms user CPU/article (system ${(system / prepared.length).toFixed(3)}) over ${prepared.length} articles (batches of ${BATCH}); WAL ${(walBytes / 1048576).toFixed(1)} MB before checkpoint`);
  console.log(`digests: links ${digest(all)} persons ${digest(persons)} sources ${digest(sources)} quotes ${digest(quotes)} stories ${digest(stories)} results ${digest(results)}`);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
