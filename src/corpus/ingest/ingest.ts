import { errorMessage } from '../../model/index.js';
import type { PreparedArticle } from '../prepare.js';
import { isReadFailure, type ReadResult, type SourceDocument } from '../../ingest/types.js';
import { contentHash } from '../hash.js';
import type { CorpusStore } from '../store.js';
import type { Analyzer } from './pool.js';

/** Ingest tuning. */
export const INGEST = {
  /** Articles per write transaction: big enough to amortise the commit, small enough that a crash loses little work. */
  batchSize: 50,
  /**
   * Documents in flight per worker. A batch's transaction holds the main thread (no new documents
   * are sent meanwhile) for batchSize × 5–20 ms of writing, so each worker needs that much work
   * queued or it idles: with 8 (~90 ms of analysis) a worker sat idle through most of each write
   * (1 worker: 61 articles/s measured where its ~11 ms CPU/article allows ~90). Memory is small (a
   * document and its result each).
   */
  inFlightPerWorker: 64,
  /**
   * Documents dispatched and not yet written, at least this many batches' worth: when the writer
   * finishes a transaction the next batch is ready (it never waits on the workers) and the
   * workers still have documents queued.
   */
  windowBatches: 3,
  /** Hashes checked against the store in one query. */
  checkBatch: 200,
} as const;

/** What happened to one input item that was not stored. */
export interface ItemProblem {
  origin: string;
  code: string;
  message: string;
}

export interface IngestProgress {
  /** Items read so far (stored + skipped + failed). */
  seen: number;
  stored: number;
  /** Already in the store or repeated in this run. */
  skipped: number;
  failed: number;
}

export interface IngestOptions {
  analyzer: Analyzer;
  /** Parallel documents (usually workers × `INGEST.inFlightPerWorker`). */
  inFlight?: number;
  batchSize?: number;
  onProgress?: (p: IngestProgress) => void;
  /** Called for each item that could not be read or analysed; ingest goes on. */
  onProblem?: (p: ItemProblem) => void;
}

/**
 * Reads, analyses and stores articles. Idempotent and resumable: each text's content hash is
 * checked against the store before analysis, so a re-run (after success, or after `kill -9`)
 * skips what is stored and does the rest; batches are written in one transaction each, so a crash
 * loses at most the batch in progress, never a half-written article. Bad items are reported
 * through `onProblem` and never stop the run; a store failure (locked database, full disk)
 * stops it with the store's clear error, after everything written before it was committed.
 *
 * @example
 * const report = await ingest(readSources(['articles/']), store, { analyzer: await workerAnalyzer(2) });
 */
export async function ingest(sources: AsyncIterable<ReadResult>, store: CorpusStore, options: IngestOptions): Promise<IngestProgress> {
  const batchSize = options.batchSize ?? INGEST.batchSize;
  const inFlight = options.inFlight ?? INGEST.inFlightPerWorker;
  const progress: IngestProgress = { seen: 0, stored: 0, skipped: 0, failed: 0 };
  const seenHashes = new Set<string>();
  const report = (origin: string, code: string, message: string) => {
    progress.failed++;
    options.onProblem?.({ origin, code, message });
  };

  // Results are written in input order, so story ids and near-duplicate links are the same on every run.
  const results = new Map<number, PreparedArticle | null>();
  let nextToWrite = 0;
  let nextSeq = 0;
  /** Dispatched documents not yet written (analysing, or analysed and waiting their turn) at most. */
  const window = Math.max(inFlight, INGEST.windowBatches * batchSize);
  let inputDone = false;
  let writing = false;
  let writeScheduled = false;
  /** The error that stopped the writer (a store failure): ends the run. */
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const sleep = () => new Promise<void>((r) => (wake = r));

  /**
   * Writes the analysed articles next in input order, `batchSize` to a transaction (the rest at the
   * end), as soon as they are ready. Batches are the same on every run: stories' labels depend on
   * which articles share a transaction. Before each transaction the dispatcher refills the window,
   * so the workers have documents to analyse while this thread writes.
   */
  const write = async () => {
    writeScheduled = false;
    if (writing || failure) return;
    writing = true;
    try {
      for (;;) {
        let ready = 0;
        while (ready < batchSize && results.has(nextToWrite + ready)) ready++;
        const rest = inputDone && nextToWrite + ready === nextSeq;
        if (ready === 0 || (ready < batchSize && !rest)) break;
        const batch: PreparedArticle[] = [];
        for (const end = nextToWrite + ready; nextToWrite < end; nextToWrite++) {
          const a = results.get(nextToWrite);
          results.delete(nextToWrite);
          if (a) batch.push(a);
        }
        notify();
        await new Promise<void>((r) => setImmediate(r));
        if (!batch.length) continue;
        const done = await store.putPrepared(batch);
        for (const r of done) r.created ? progress.stored++ : progress.skipped++;
        options.onProgress?.({ ...progress });
      }
    } catch (error) {
      failure = { error };
    } finally {
      writing = false;
      notify();
    }
  };
  const scheduleWrite = () => {
    if (writeScheduled) return;
    writeScheduled = true;
    // After the results already delivered are taken in, so a batch holds all that are ready.
    setImmediate(write);
  };

  const start = (seq: number, doc: SourceDocument) => {
    options.analyzer.prepare(doc).then(
      (article) => results.set(seq, article),
      (err) => {
        report(doc.meta.origin ?? `item ${seq}`, 'analysis-failed', errorMessage(err));
        results.set(seq, null);
      },
    ).finally(scheduleWrite);
  };

  const pendingDocs: SourceDocument[] = [];
  const dispatch = async () => {
    if (!pendingDocs.length) return;
    const docs = pendingDocs.splice(0);
    const hashes = docs.map((d) => contentHash(d.text));
    const stored = await store.hasHashes(hashes);
    for (let k = 0; k < docs.length; k++) {
      const [doc, hash] = [docs[k], hashes[k]];
      progress.seen++;
      if (stored.has(hash) || seenHashes.has(hash)) {
        progress.skipped++;
        continue;
      }
      seenHashes.add(hash);
      while (nextSeq - nextToWrite >= window && !failure) await sleep();
      if (failure) throw failure.error;
      start(nextSeq++, doc);
    }
    options.onProgress?.({ ...progress });
  };

  for await (const item of sources) {
    if (isReadFailure(item)) {
      progress.seen++;
      report(item.origin, item.code, item.error);
      continue;
    }
    if (typeof item.text !== 'string' || !item.text.trim()) {
      progress.seen++;
      report(item.meta?.origin ?? 'input', 'empty', 'no text to analyse');
      continue;
    }
    pendingDocs.push(item);
    if (pendingDocs.length >= INGEST.checkBatch) await dispatch();
  }
  await dispatch();
  inputDone = true;
  scheduleWrite();
  while ((nextToWrite < nextSeq || writing) && !failure) await sleep();
  if (failure) throw failure.error;
  return progress;
}
