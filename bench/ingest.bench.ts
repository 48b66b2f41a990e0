import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchArticles } from './corpus.js';
import { withPeakRss, type BenchRow } from './table.js';
import { openSqliteStore } from '../src/corpus/sqlite/store.js';
import { ingest, INGEST } from '../src/corpus/ingest/ingest.js';
import { workerAnalyzer } from '../src/corpus/ingest/pool.js';
import { threadCpuMs } from '../src/corpus/ingest/thread-cpu.js';
import { StoryClusterer, STORY_PARAMS, type DocFrequencies } from '../src/corpus/stories/clusterer.js';
import type { SourceDocument } from '../src/ingest/types.js';

/** Articles ingested per run (SPINSCOPE_BENCH_INGEST overrides; the full bench uses 10,000). */
const N = Number(process.env.SPINSCOPE_BENCH_INGEST ?? 10_000);
/** Worker counts to run (SPINSCOPE_BENCH_WORKERS, comma-separated, overrides). */
const WORKERS = (process.env.SPINSCOPE_BENCH_WORKERS ?? '1,2').split(',').map(Number).filter((n) => n > 0);
/**
 * Articles of the writer-only measurement (analysed beforehand; 0: skip it). More than the
 * clusterer's re-clustering window (`STORY_PARAMS.reclusterItems`, 2,000): the writer's cost
 * grows until that window is full, so rows also give the steady state, after the window.
 */
const WRITER_SAMPLE = Math.min(Number(process.env.SPINSCOPE_BENCH_WRITER ?? 3000), N);
/** Articles after which the writer is in its steady state (the re-clustering window is full). */
const STEADY_AFTER = STORY_PARAMS.reclusterItems;
/** Documents in flight per worker (SPINSCOPE_BENCH_INFLIGHT overrides, for A/B runs). */
const IN_FLIGHT = Number(process.env.SPINSCOPE_BENCH_INFLIGHT ?? INGEST.inFlightPerWorker);
/** Workers' young-generation MB (SPINSCOPE_BENCH_YOUNG_MB overrides `POOL.workerYoungGenerationMb`, for A/B runs). */
const YOUNG_MB = process.env.SPINSCOPE_BENCH_YOUNG_MB ? Number(process.env.SPINSCOPE_BENCH_YOUNG_MB) : undefined;
/** Cores the throughput target is stated for (issue 8: >= 150 articles/s on 2 cores). */
const CORES = 2;

/**
 * N distinct articles of realistic size: each takes the title of one PTC (or generated) article
 * and body lines drawn from three others, seeded, so texts differ (no hash hits) and are not
 * near-duplicates of each other.
 */
export function mixedArticles(n: number): string[] {
  const { texts } = benchArticles();
  const lines = texts.map((t) => t.split('\n').filter((l) => l.trim()));
  let s = 7;
  const rnd = (k: number) => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) % k;
  return Array.from({ length: n }, (_, i) => {
    const base = lines[i % lines.length];
    const donors = [rnd(lines.length), rnd(lines.length), rnd(lines.length)].map((d) => lines[d].slice(1));
    const body = Array.from({ length: Math.max(8, base.length - 1) }, () => { const d = donors[rnd(3)]; return d.length ? d[rnd(d.length)] : ''; });
    return `${base[0]} (${i})\n\n${body.join('\n')}\n`;
  });
}

async function* docs(texts: readonly string[]): AsyncGenerator<SourceDocument> {
  for (const text of texts) yield { text, meta: { format: 'text' }, notices: [] };
}

function fileSize(path: string): number {
  return [path, path + '-wal'].reduce((sum, p) => sum + (existsSync(p) ? statSync(p).size : 0), 0);
}

/** User CPU ms of this thread (Linux), else of the whole process. */
const mainCpu = () => threadCpuMs()?.user ?? process.cpuUsage().user / 1000;
const sumUser = (xs: readonly { user: number }[]) => xs.reduce((s, x) => s + x.user, 0);

/**
 * Ingest throughput into a fresh SQLite corpus with 1 and 2 analysis workers, and DB size per
 * article. Wall time is noisy on a shared machine, so each row also gives the user CPU ms per
 * article of the analysis workers (summed; on a file database they also write each article's
 * own rows, see `SplitWrites`) and of the main thread (the writer: linking — persons,
 * near-duplicates, story clustering — and dispatch), and the articles/s two cores would give
 * from those: 2000 / (worker + writer ms).
 */
export async function benchIngest(): Promise<BenchRow[]> {
  const texts = mixedArticles(N);
  const rows: BenchRow[] = [];
  // Long runs on a busy machine: each row goes to stderr as soon as it is measured.
  const push = rows.push.bind(rows);
  rows.push = (...rs: BenchRow[]) => {
    for (const r of rs) process.stderr.write(`ingest bench: ${r.name}: ${r.items} ${r.unit} in ${r.seconds.toFixed(1)} s (${(r.items / r.seconds).toFixed(1)}/s); ${r.note ?? ''}\n`);
    return push(...rs);
  };
  for (const workers of WORKERS) {
    const dir = mkdtempSync(join(tmpdir(), 'spinscope-bench-'));
    try {
      const path = join(dir, 'bench.db');
      const store = openSqliteStore(path);
      const analyzer = await workerAnalyzer(workers, { youngGenerationMb: YOUNG_MB });
      const { result, peakRssMb } = await withPeakRss(async () => {
        const before = (await analyzer.threadCpu?.()) ?? [];
        const w0 = sumUser(before);
        const i0 = before.reduce((sum, c) => sum + c.idle, 0);
        const m0 = mainCpu();
        const p0 = process.cpuUsage().user / 1000;
        const t0 = performance.now();
        const r = await ingest(docs(texts), store, { analyzer, inFlight: workers * IN_FLIGHT });
        const seconds = (performance.now() - t0) / 1000;
        const writer = (mainCpu() - m0) / r.stored;
        const after = (await analyzer.threadCpu?.()) ?? [];
        const worker = (sumUser(after) - w0) / r.stored;
        // Share of the run the workers spent waiting for documents (the main thread busy writing).
        const idle = (after.reduce((sum, c) => sum + c.idle, 0) - i0) / (workers * seconds * 1000);
        const all = (process.cpuUsage().user / 1000 - p0) / r.stored;
        return { seconds, stored: r.stored, writer, worker, all, idle };
      });
      await analyzer.close();
      store.db.pragma('wal_checkpoint(TRUNCATE)');
      await store.close();
      const kb = fileSize(path) / result.stored / 1024;
      const capacity = (CORES * 1000) / (result.worker + result.writer);
      rows.push({
        name: `ingest, ${workers} worker${workers > 1 ? 's' : ''} (full pipeline + store)`, items: result.stored, unit: 'articles', seconds: result.seconds, peakRssMb,
        note: `${kb.toFixed(1)} KB/article in the DB; workers waited (for work, or to write) ${(result.idle * 100).toFixed(0)}% of the run (${IN_FLIGHT} in flight each); user CPU ms/article: workers ${result.worker.toFixed(2)}, main thread ${result.writer.toFixed(2)}, whole process ${result.all.toFixed(2)} (other threads, V8's garbage collection and compilation helpers: ${(result.all - result.worker - result.writer).toFixed(2)}) → ${capacity.toFixed(0)} articles/s on ${CORES} cores (${((CORES * 1000) / result.all).toFixed(0)} counting every thread)`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // The writer alone (articles analysed beforehand): the ceiling the main thread sets, split into
  // the SQL (no linking), and the story clustering by itself (in memory, same terms, same order).
  if (WRITER_SAMPLE <= 0) return rows;
  const analyzer = await workerAnalyzer(Math.max(CORES, ...WORKERS));
  const analysed = await Promise.all(texts.slice(0, WRITER_SAMPLE).map((t) => analyzer.prepare({ text: t, meta: { format: 'text' }, notices: [] })));
  await analyzer.close();
  /** CPU ms/article over the whole sample, and over the articles after `STEADY_AFTER` when there are any. */
  const perArticle = (cpuAt: number[]) => {
    const all = (cpuAt[cpuAt.length - 1] - cpuAt[0]) / (cpuAt.length - 1);
    const steady = cpuAt.length - 1 > STEADY_AFTER ? `, ${((cpuAt[cpuAt.length - 1] - cpuAt[STEADY_AFTER]) / (cpuAt.length - 1 - STEADY_AFTER)).toFixed(2)} after the first ${STEADY_AFTER} (steady state)` : '';
    return `${all.toFixed(2)} ms user CPU/article${steady}`;
  };
  for (const skipLinking of [false, true]) {
    const store = openSqliteStore(':memory:');
    const cpuAt = [mainCpu()];
    const t0 = performance.now();
    for (let i = 0; i < analysed.length; i += INGEST.batchSize) {
      const batch = analysed.slice(i, i + INGEST.batchSize);
      await store.putPrepared(batch, { skipLinking });
      const c = mainCpu();
      for (let k = 0; k < batch.length; k++) cpuAt.push(c);
    }
    rows.push({
      name: `writer thread only (putPrepared, batches of ${INGEST.batchSize}${skipLinking ? ', no linking' : ''})`, items: analysed.length, unit: 'articles', seconds: (performance.now() - t0) / 1000,
      peakRssMb: process.memoryUsage().rss / 1048576, note: `in-memory DB; ${perArticle(cpuAt)}${skipLinking ? ' (no near-duplicates, stories)' : ''}`,
    });
    await store.close();
  }
  // The clusterer alone, as the store runs it, then without its periodic re-clustering (its share).
  for (const reclusterEvery of [STORY_PARAMS.reclusterEvery, 0]) {
    const counts = new Map<string, number>();
    const df: DocFrequencies = { docs: 0, df: (t) => counts.get(t) ?? 0 };
    const clusterer = new StoryClusterer(df, { ...STORY_PARAMS, reclusterEvery });
    const cpuAt = [mainCpu()];
    const t0 = performance.now();
    for (const a of analysed) {
      for (const [t] of a.storyTerms) counts.set(t, (counts.get(t) ?? 0) + 1);
      df.docs++;
      clusterer.assign({ id: a.id, title: a.columns.title ?? undefined, published: a.columns.published ?? undefined, text: a.text }, a.storyTerms);
      cpuAt.push(mainCpu());
    }
    rows.push({
      name: `story clustering only (StoryClusterer.assign${reclusterEvery ? '' : ', re-clustering off'})`, items: analysed.length, unit: 'articles', seconds: (performance.now() - t0) / 1000,
      peakRssMb: process.memoryUsage().rss / 1048576, note: `in memory; ${perArticle(cpuAt)} (part of the writer's)`,
    });
  }
  return rows;
}

// Run alone: SPINSCOPE_BENCH_INGEST=1500 node --import tsx bench/ingest.bench.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./table.js');
  printTable(await benchIngest());
}
