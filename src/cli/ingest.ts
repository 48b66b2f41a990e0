import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { readSources, DEFAULT_MAX_BYTES, formatBytes } from '../ingest/index.js';
import { parseSize } from './analyze.js';
import { countInputs, formatEta } from './progress.js';
import { batchSize, dbPath, workerCount } from './corpus-options.js';
import { openStore } from '../corpus/index.js';
import { ingest, INGEST } from '../corpus/ingest/ingest.js';
import { defaultWorkerCount, inlineAnalyzer, workerAnalyzer } from '../corpus/ingest/pool.js';

/** `spinscope ingest <inputs...> --db <file> [--workers n] [--batch n]` */
export function ingestCommand(): Command {
  return new Command('ingest')
    .description('analyse articles and store them in a corpus database (idempotent, resumable)')
    .argument('<inputs...>', 'files, directories, JSONL, WARC, feeds, URLs')
    .addOption(new Option('--db <file>', 'corpus database (created if missing)').makeOptionMandatory().argParser(dbPath))
    .addOption(new Option('-w, --workers <n>', 'analysis worker threads (0: in this thread)').default(String(defaultWorkerCount())).argParser(workerCount))
    .addOption(new Option('--batch <n>', 'articles per transaction').default(String(INGEST.batchSize)).argParser(batchSize))
    .addOption(new Option('--max-bytes <size>', 'refuse inputs larger than this (e.g. 50MB)').argParser(parseSize).default(DEFAULT_MAX_BYTES, formatBytes(DEFAULT_MAX_BYTES)))
    .option('-q, --quiet', 'no progress bar or summary')
    .action(async (inputs: string[], options: { db: string; workers: string; batch: string; maxBytes: number; quiet?: boolean }) => {
      const workers = Number(options.workers);
      const store = await openStore(options.db);
      const analyzer = workers > 0 ? await workerAnalyzer(workers) : await inlineAnalyzer();
      const total = countInputs(inputs);
      // A crawl's size is unknown until read: then a running count instead of a bar and an ETA.
      const format = total === undefined
        ? '{value} articles | {rate} articles/s | stored {stored} skipped {skipped} failed {failed}'
        : '{bar} {value}/{total} articles | {rate} articles/s | ETA {eta} | stored {stored} skipped {skipped} failed {failed}';
      const bar = !options.quiet && process.stderr.isTTY
        ? new cliProgress.SingleBar({ stream: process.stderr, format, etaBuffer: 200, hideCursor: true }, cliProgress.Presets.shades_classic)
        : undefined;
      bar?.start(total ?? Number.MAX_SAFE_INTEGER, 0, { rate: '0', eta: formatEta(0, 0), stored: 0, skipped: 0, failed: 0 });
      const t0 = performance.now();
      // Ctrl-C: what is committed stays (each batch is one transaction) and a re-run skips it; say so.
      let storedSoFar = 0;
      const onInterrupt = () => {
        bar?.stop();
        process.stderr.write(`\nspinscope: interrupted; the ${storedSoFar} articles stored so far are kept in ${options.db}. Run the same command again to go on (stored articles are skipped).\n`);
        process.exit(130);
      };
      process.once('SIGINT', onInterrupt);
      try {
        const result = await ingest(readSources(inputs, { maxBytes: options.maxBytes }), store, {
          analyzer,
          inFlight: Math.max(1, workers) * INGEST.inFlightPerWorker,
          batchSize: Number(options.batch),
          onProblem: (p) => {
            const line = `spinscope: ${p.origin}: ${p.message}\n`;
            if (bar) process.stderr.write('\r\x1b[2K' + line), bar.render();
            else process.stderr.write(line);
          },
          onProgress: (p) => {
            storedSoFar = p.stored;
            const done = p.stored + p.skipped + p.failed;
            // Our own ETA from the overall rate: cli-progress's read "NFs" (Infinity) until the first batch came back.
            const rate = done / ((performance.now() - t0) / 1000);
            bar?.update(done, { rate: (p.stored / ((performance.now() - t0) / 1000)).toFixed(1), eta: formatEta((total ?? done) - done, rate), stored: p.stored, skipped: p.skipped, failed: p.failed });
            if (bar && total !== undefined && done > total) bar.setTotal(done);
          },
        });
        bar?.stop();
        const seconds = (performance.now() - t0) / 1000;
        if (!options.quiet) process.stderr.write(`spinscope: stored ${result.stored}, skipped ${result.skipped} (already stored), failed ${result.failed} in ${seconds.toFixed(1)} s (${(result.stored / seconds).toFixed(1)} articles/s)\n`);
        if (result.stored + result.skipped === 0) process.exitCode = 1;
      } finally {
        process.removeListener('SIGINT', onInterrupt);
        bar?.stop();
        await analyzer.close();
        await store.close();
      }
    });
}
