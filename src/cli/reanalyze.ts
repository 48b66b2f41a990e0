import { Command } from 'commander';
import { openStore } from '../corpus/index.js';
import { reanalyze } from '../corpus/ingest/reanalyze.js';
import { defaultWorkerCount, inlineAnalyzer, workerAnalyzer } from '../corpus/ingest/pool.js';

/** `spinscope reanalyze --db <file> [--workers n]`: re-runs the current pipeline on articles analysed by older stage versions. */
export function reanalyzeCommand(): Command {
  return new Command('reanalyze')
    .description('re-analyse stored articles whose stage versions are older than this pipeline')
    .requiredOption('--db <file>', 'corpus database')
    .option('-w, --workers <n>', 'analysis worker threads (0: in this thread)', String(defaultWorkerCount()))
    .action(async (o: { db: string; workers: string }) => {
      const store = await openStore(o.db);
      const analyzer = Number(o.workers) > 0 ? await workerAnalyzer(Number(o.workers)) : await inlineAnalyzer();
      try {
        const r = await reanalyze(store, analyzer, (p) => process.stderr.write(`spinscope: ${p.origin}: ${p.message}\n`));
        process.stderr.write(`spinscope: re-analysed ${r.updated} of ${r.stale} stale articles\n`);
      } finally {
        await analyzer.close();
        await store.close();
      }
    });
}
