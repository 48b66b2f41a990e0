import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { SpinscopeError } from '../model/index.js';
import { dbPath, workerCount } from './corpus-options.js';
import { openStore } from '../corpus/index.js';
import { reanalyze } from '../corpus/ingest/reanalyze.js';
import { defaultWorkerCount, inlineAnalyzer, workerAnalyzer } from '../corpus/ingest/pool.js';

/** `spinscope reanalyze --db <file> [--workers n]`: re-runs the current pipeline on articles analysed by older stage versions. */
export function reanalyzeCommand(): Command {
  return new Command('reanalyze')
    .description('re-analyse stored articles whose stage versions are older than this pipeline')
    .addOption(new Option('--db <file>', 'corpus database').makeOptionMandatory().argParser(dbPath))
    .addOption(new Option('-w, --workers <n>', 'analysis worker threads (0: in this thread)').default(String(defaultWorkerCount())).argParser(workerCount))
    .action(async (o: { db: string; workers: string }) => {
      // Like the reading commands: a path with a typo is an error, not a new empty corpus.
      if (!existsSync(o.db)) throw new SpinscopeError('db-missing', `no corpus database at ${o.db} (make one with: spinscope ingest <inputs> --db ${o.db})`);
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
