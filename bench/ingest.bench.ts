import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchArticles } from './corpus.js';
import { withPeakRss, type BenchRow } from './table.js';
import { openSqliteStore } from '../src/corpus/sqlite/store.js';
import { ingest } from '../src/corpus/ingest/ingest.js';
import { workerAnalyzer, inlineAnalyzer } from '../src/corpus/ingest/pool.js';
import type { SourceDocument } from '../src/ingest/types.js';

/** Articles ingested per run (SPINSCOPE_BENCH_INGEST overrides; the full bench uses 10,000). */
const N = Number(process.env.SPINSCOPE_BENCH_INGEST ?? 10_000);

/**
 * N distinct articles of realistic size: each takes the title of one PTC (or generated) article
 * and body lines drawn from three others, seeded, so texts differ (no hash hits) and are not
 * near-duplicates of each other.
 */
function mixedArticles(n: number): string[] {
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

/** Ingest throughput into a fresh SQLite corpus with 1 and 2 analysis workers, and DB size per article. */
export async function benchIngest(): Promise<BenchRow[]> {
  const texts = mixedArticles(N);
  const rows: BenchRow[] = [];
  for (const workers of [1, 2]) {
    const dir = mkdtempSync(join(tmpdir(), 'spinscope-bench-'));
    try {
      const path = join(dir, 'bench.db');
      const store = openSqliteStore(path);
      const analyzer = await workerAnalyzer(workers);
      const { result, peakRssMb } = await withPeakRss(async () => {
        const t0 = performance.now();
        const r = await ingest(docs(texts), store, { analyzer, inFlight: workers * 8 });
        return { seconds: (performance.now() - t0) / 1000, stored: r.stored };
      });
      await analyzer.close();
      store.db.pragma('wal_checkpoint(TRUNCATE)');
      await store.close();
      const kb = fileSize(path) / result.stored / 1024;
      rows.push({ name: `ingest, ${workers} worker${workers > 1 ? 's' : ''} (full pipeline + store)`, items: result.stored, unit: 'articles', seconds: result.seconds, peakRssMb, note: `${kb.toFixed(1)} KB/article in the DB` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // The writer alone (articles analysed beforehand): the ceiling the main thread sets.
  const analyzer = await inlineAnalyzer();
  const sample = texts.slice(0, Math.min(2000, N));
  const analysed = await Promise.all(sample.map((t) => analyzer.prepare({ text: t, meta: {}, notices: [] })));
  const store = openSqliteStore(':memory:');
  const t0 = performance.now();
  for (let i = 0; i < analysed.length; i += 100) await store.putPrepared(analysed.slice(i, i + 100));
  rows.push({ name: 'writer thread only (putPrepared, batches of 100)', items: analysed.length, unit: 'articles', seconds: (performance.now() - t0) / 1000, peakRssMb: process.memoryUsage().rss / 1048576, note: 'in-memory DB' });
  await store.close();
  return rows;
}
