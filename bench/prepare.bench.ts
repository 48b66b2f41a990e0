// Row preparation and row writing, piece by piece (user CPU ms/article, this thread):
//   SPINSCOPE_BENCH_PREPARE=200 node --import tsx bench/prepare.bench.ts
// The articles are analysed first (not measured); each piece then runs over all of them, REPS times.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { mixedArticles } from './ingest.bench.js';
import { Pipeline } from '../src/pipeline.js';
import { prepareArticle, encodeLayers, jsonColumn } from '../src/corpus/prepare.js';
import { encodeLayerJson } from '../src/corpus/layer-codec.js';
import { deriveRows, packRows } from '../src/corpus/derive.js';
import { fingerprint } from '../src/corpus/minhash.js';
import { contentHash } from '../src/corpus/hash.js';
import { storyTerms, textNames } from '../src/corpus/stories/features.js';
import { openSqliteStore, openRowWriter } from '../src/corpus/sqlite/store.js';
import { linkInputOf } from '../src/corpus/sqlite/rows.js';
import { threadCpuMs } from '../src/corpus/ingest/thread-cpu.js';
import type { Article } from '../src/model/index.js';

const N = Number(process.env.SPINSCOPE_BENCH_PREPARE ?? 200);
const REPS = Number(process.env.SPINSCOPE_BENCH_REPS ?? 5);
const cpu = () => threadCpuMs()?.user ?? process.cpuUsage().user / 1000;

const pipeline = await Pipeline.build();
const texts = mixedArticles(N);
const articles: Article[] = [];
for (let i = 0; i < texts.length; i += 16) articles.push(...pipeline.runMany(texts.slice(i, i + 16).map((text) => ({ text, meta: { format: 'text' as const }, notices: [] }))));

const results: Array<[string, number]> = [];
function measure(name: string, fn: (a: Article, i: number) => unknown): void {
  articles.forEach((a, i) => fn(a, i)); // warm up
  const c0 = cpu();
  for (let r = 0; r < REPS; r++) articles.forEach((a, i) => fn(a, i));
  const ms = (cpu() - c0) / (REPS * articles.length);
  results.push([name, ms]);
  console.log(`${name.padEnd(44)} ${ms.toFixed(3)} ms/article`);
}

const rows = articles.map(deriveRows);
measure('prepareArticle (all)', (a) => prepareArticle(a));
measure('  contentHash', (a) => contentHash(a.text));
measure('  deriveRows', (a) => deriveRows(a));
measure('  packRows', (_, i) => packRows(rows[i]));
measure('  meta/notices/analysis JSON', (a) => [JSON.stringify(a.meta), JSON.stringify(a.notices), JSON.stringify(a.analysis)]);
measure('  findings JSON', (a) => JSON.stringify(a.findings));
measure('  findings JSON + deflate (jsonColumn)', (a) => jsonColumn(JSON.stringify(a.findings)));
measure('  storyTerms', (a, i) => storyTerms({ id: '', title: a.meta.title as string | undefined, text: a.text, entities: rows[i].entities.length ? rows[i].entities.map((e) => e.name) : textNames(a.text) }));
measure('  encodeLayers (all)', (a) => encodeLayers(a.layers));
const layerJson = articles.map((a) => `[${Object.entries(a.layers).map(([n, l]) => `[${JSON.stringify(n)},${encodeLayerJson(l)}]`).join(',')}]`);
measure('    layer JSON only', (a) => Object.entries(a.layers).map(([n, l]) => `[${JSON.stringify(n)},${encodeLayerJson(l)}]`).join(','));
measure('    deflate only', (_, i) => deflateRawSync(layerJson[i], { level: 1 }));
measure('  fingerprint', (a) => fingerprint(a.text));
const prepared = articles.map(prepareArticle);
measure('linkInputOf', (_, i) => linkInputOf(prepared[i]));
measure('structuredClone(prepared)', (_, i) => structuredClone(prepared[i]));
measure('structuredClone(linkInput)', (_, i) => structuredClone(linkInputOf(prepared[i])));
console.log(`layer JSON ${(layerJson.reduce((s, j) => s + j.length, 0) / N / 1024).toFixed(1)} KB/article, blob ${(prepared.reduce((s, p) => s + p.layers.length, 0) / N / 1024).toFixed(1)} KB; text ${(articles.reduce((s, a) => s + a.text.length, 0) / N / 1024).toFixed(1)} KB`);

// Writing the article's own rows (as an ingest worker does), one transaction per 64, fresh DB per rep.
for (const variant of ['all', 'no FTS'] as const) {
  let total = 0;
  for (let r = 0; r < REPS; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'spinscope-prep-'));
    const store = openSqliteStore(join(dir, 'p.db'));
    if (variant === 'no FTS') store.db.exec('DROP TABLE articles_fts; CREATE TABLE articles_fts(rowid INTEGER PRIMARY KEY, title, text)');
    const writer = openRowWriter(store.split!.target);
    const c0 = cpu();
    for (let i = 0; i < prepared.length; i += 64) writer.write(prepared.slice(i, i + 64));
    total += cpu() - c0;
    writer.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const ms = total / (REPS * prepared.length);
  console.log(`${`row writer (${variant})`.padEnd(44)} ${ms.toFixed(3)} ms/article`);
}
