import { errorMessage } from '../../model/index.js';
import type { PreparedArticle } from '../prepare.js';
import { isReadFailure, type ReadResult, type SourceDocument } from '../../ingest/types.js';
import { contentHash } from '../hash.js';
import type { CorpusStore, SplitWrites, StoredArticle } from '../store.js';
import type { Analyzer, BatchOutcome, StoreSession } from './pool.js';

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
  /**
   * When the workers write (see `SplitWrites`): batches sent and not yet linked, per worker. More
   * than one, so a worker whose batch waits for its turn (or the write lock) analyses the next.
   * (`inFlight` and `windowBatches` are for the path where this thread writes.)
   */
  splitBatchesPerWorker: 3,
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
  const session = store.split && options.analyzer.storeSession?.(store.split.target);
  if (store.split && session) return ingestSplit(sources, store, store.split, session, options);
  const batchSize = options.batchSize ?? INGEST.batchSize;
  const inFlight = options.inFlight ?? INGEST.inFlightPerWorker;
  const progress: IngestProgress = { seen: 0, stored: 0, skipped: 0, failed: 0 };
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
  const { notify, sleep } = waker();

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

  await readNew(sources, store, progress, report, async (doc) => {
    while (nextSeq - nextToWrite >= window && !failure) await sleep();
    if (failure) throw failure.error;
    start(nextSeq++, doc);
  }, options.onProgress);
  inputDone = true;
  scheduleWrite();
  while ((nextToWrite < nextSeq || writing) && !failure) await sleep();
  if (failure) throw failure.error;
  // The run's last arrivals were placed one by one: place them as the batch method would.
  if (progress.stored > 0) await store.settleStories?.();
  return progress;
}

/** Reads the input; hands each document not stored yet (by content hash) to `take`, in input order. */
async function readNew(sources: AsyncIterable<ReadResult>, store: CorpusStore, progress: IngestProgress, report: (origin: string, code: string, message: string) => void, take: (doc: SourceDocument) => Promise<void>, onProgress?: (p: IngestProgress) => void): Promise<void> {
  const seenHashes = new Set<string>();
  const pendingDocs: SourceDocument[] = [];
  const dispatch = async () => {
    if (!pendingDocs.length) return;
    const docs = pendingDocs.splice(0);
    const hashes = docs.map((d) => contentHash(d.text));
    const stored = await store.hasHashes(hashes);
    for (let k = 0; k < docs.length; k++) {
      progress.seen++;
      if (stored.has(hashes[k]) || seenHashes.has(hashes[k])) {
        progress.skipped++;
        continue;
      }
      seenHashes.add(hashes[k]);
      await take(docs[k]);
    }
    onProgress?.({ ...progress });
  };
  for await (const item of sources) {
    if (isReadFailure(item)) {
      progress.seen++;
      // A read failure's message already starts with its origin; the report adds it again.
      report(item.origin, item.code, item.error.startsWith(`${item.origin}: `) ? item.error.slice(item.origin.length + 2) : item.error);
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
}

/**
 * `ingest` when the store can split its writes and the analyzer's workers can write (see
 * `SplitWrites`): documents go to the workers in batches of `batchSize`, in input order; each worker
 * analyses its batch and writes the articles' own rows in one transaction, batches committed in
 * input order (so rows get the same keys whatever the worker count); this thread then links each
 * batch (persons, near-duplicates, stories) in input order, so story ids and links are those of
 * the single-writer path for the same batches. Articles written and not linked when a run stops
 * (kill -9 between the two transactions) are linked first by the next run.
 */
async function ingestSplit(sources: AsyncIterable<ReadResult>, store: CorpusStore, split: SplitWrites, session: StoreSession, options: IngestOptions): Promise<IngestProgress> {
  const batchSize = options.batchSize ?? INGEST.batchSize;
  const progress: IngestProgress = { seen: 0, stored: 0, skipped: 0, failed: 0 };
  const report = (origin: string, code: string, message: string) => {
    progress.failed++;
    options.onProblem?.({ origin, code, message });
  };
  const link = (items: readonly StoredArticle[]) => session.exclusive(() => split.link(items));
  const left = await split.unlinked();
  for (let i = 0; i < left.length; i += batchSize) await link(left.slice(i, i + batchSize));

  /** Outcomes of the batches written and not yet linked, by batch number; their documents. */
  const outcomes = new Map<number, BatchOutcome[]>();
  const batchDocs = new Map<number, SourceDocument[]>();
  let sent = 0;
  let nextToLink = 0;
  let linking = false;
  let failure: { error: unknown } | undefined;
  const window = session.workers * INGEST.splitBatchesPerWorker;
  const { notify, sleep } = waker();
  const fail = (error: unknown) => {
    // A worker that found the session stopped: the error that stopped it comes on its own.
    if ((error as { code?: string }).code === 'stopped') return;
    failure ??= { error };
    session.stop();
    notify();
  };

  /** Links the written batches next in input order, one transaction each. */
  const linkReady = async () => {
    if (linking || failure) return;
    linking = true;
    try {
      while (outcomes.has(nextToLink) && !failure) {
        const done = outcomes.get(nextToLink)!;
        const docs = batchDocs.get(nextToLink)!;
        outcomes.delete(nextToLink);
        batchDocs.delete(nextToLink);
        nextToLink++;
        notify();
        const created: StoredArticle[] = [];
        done.forEach((o, k) => {
          if ('error' in o) report(docs[k].meta.origin ?? `item ${progress.seen}`, 'analysis-failed', o.error);
          else if (o.created) created.push(o);
          else progress.skipped++; // stored meanwhile by another process
        });
        if (created.length) {
          const results = await link(created);
          progress.stored += results.length;
        }
        options.onProgress?.({ ...progress });
      }
    } catch (error) {
      fail(error);
    } finally {
      linking = false;
      notify();
    }
  };

  let current: SourceDocument[] = [];
  const send = async () => {
    if (!current.length) return;
    while (sent - nextToLink >= window && !failure) await sleep();
    if (failure) throw failure.error;
    const [b, docs] = [sent++, current];
    current = [];
    batchDocs.set(b, docs);
    session.store(docs).then((o) => {
      outcomes.set(b, o);
      setImmediate(linkReady);
    }, fail);
  };
  await readNew(sources, store, progress, report, async (doc) => {
    current.push(doc);
    if (current.length >= batchSize) await send();
  }, options.onProgress);
  await send();
  while ((nextToLink < sent || linking) && !failure) await sleep();
  if (failure) throw failure.error;
  if (progress.stored > 0 && store.settleStories) await session.exclusive(() => store.settleStories!());
  return progress;
}

/** A loop's pause and its wake-up: `sleep()` resolves at the next `notify()` (one sleeper at a time). */
function waker(): { notify: () => void; sleep: () => Promise<void> } {
  let wake: (() => void) | undefined;
  return {
    notify: () => {
      const w = wake;
      wake = undefined;
      w?.();
    },
    sleep: () => new Promise<void>((r) => (wake = r)),
  };
}
