import { openSqliteStore } from '../src/corpus/sqlite/store.js';
import { ingest } from '../src/corpus/ingest/ingest.js';
import { workerAnalyzer } from '../src/corpus/ingest/pool.js';
import { scaleDocuments } from './scale-corpus.js';

/**
 * Ingests the first `n` articles of the scale corpus (`scaleDocuments`) into a store with the full
 * pipeline, the base that bench/scale-store.ts then grows by copying. Resumable like any ingest.
 *
 * @example
 * node --import tsx bench/scale-ingest.ts .tmp/big.db 4000 [workers]
 */
const [path, count, workersArg] = process.argv.slice(2);
if (!path || !count) {
  process.stderr.write('usage: node --import tsx bench/scale-ingest.ts <corpus.db> <articles> [workers]\n');
  process.exit(2);
}
async function* documents(n: number) {
  yield* scaleDocuments(n);
}
const t0 = performance.now();
const store = openSqliteStore(path);
const analyzer = await workerAnalyzer(Number(workersArg ?? 2));
const r = await ingest(documents(Number(count)), store, { analyzer, inFlight: 16 });
await analyzer.close();
await store.close();
process.stderr.write(`scale-ingest: ${r.stored} stored, ${r.skipped} skipped, ${r.failed} failed in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
