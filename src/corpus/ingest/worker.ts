import { parentPort, workerData } from 'node:worker_threads';
import { Pipeline } from '../../pipeline.js';
import { errorMessage, type Article } from '../../model/index.js';
import type { SourceDocument } from '../../ingest/types.js';
import { prepareArticle, type PreparedArticle } from '../prepare.js';
import { openRowWriter } from '../sqlite/store.js';
import type { RowWriter, RowWriterTarget } from '../store.js';
import { lowerThreadPriority, threadCpuMs } from './thread-cpu.js';
import { SESSION, setTurn, tryLock, unlock } from './write-lock.js';

/**
 * Documents waiting in the queue are analysed together, up to this many, stage by stage
 * (`Pipeline.runMany`: about a fifth less CPU than one at a time; `npm run bench` pipeline rows).
 */
const WORKER_BATCH = 16;
/** Longest sleep (ms) waiting for a write turn or the lock before looking for new work. */
const BLOCK_MS = 50;

interface DocMessage { seq: number; doc: SourceDocument; prepare?: boolean }
/** A batch to analyse, prepare and write (a store session's, see `StoreSession` in pool.ts). */
interface StoreMessage { seq: number; store: { docs: SourceDocument[]; batch: number; target: RowWriterTarget; words: SharedArrayBuffer } }
interface StoreJob {
  seq: number;
  batch: number;
  docs: SourceDocument[];
  target: RowWriterTarget;
  words: Int32Array;
  /** Prepared article or error message per document, filled in chunks. */
  done: Array<PreparedArticle | string>;
}

if (workerData?.nice > 0) lowerThreadPriority(workerData.nice);
const pipeline = await Pipeline.build();
const queue: Array<DocMessage | StoreJob> = [];
/** Store batches analysed and waiting for their turn to be written, oldest first. */
const ready: StoreJob[] = [];
const writers = new Map<string, RowWriter>();
let draining = false;
/**
 * Milliseconds between finishing the queue and the next document arriving, summed: the time
 * spent waiting for the main thread to send work; and, when writing, for the write turn or lock.
 */
let idle = 0;
let doneAt: number | undefined;

parentPort!.on('message', (msg: DocMessage & Partial<StoreMessage> & { cpu?: boolean }) => {
  if (msg.cpu) {
    const cpu = threadCpuMs();
    return parentPort!.postMessage({ seq: msg.seq, cpu: cpu ? { ...cpu, idle } : null });
  }
  if (doneAt !== undefined) idle += performance.now() - doneAt;
  doneAt = undefined;
  if (msg.store) queue.push({ seq: msg.seq, ...msg.store, words: new Int32Array(msg.store.words), done: [] });
  else queue.push(msg);
  // Drained after the messages already delivered are queued, so waiting documents batch up.
  if (!draining) {
    draining = true;
    setImmediate(drain);
  }
});

/** Analyses the next chunk of queued work; writes the batches whose turn it is; goes on while any wait. */
function drain(): void {
  const head = queue[0];
  if (head && 'batch' in head) analyseStoreChunk(head);
  else if (head) analyseDocs();
  writeReady(queue.length === 0);
  if (queue.length || ready.length) {
    setImmediate(drain);
    return;
  }
  draining = false;
  doneAt = performance.now();
}

/** Runs the pipeline on documents, together when it can, else one by one (so one bad document names its own error). */
function analyse(docs: SourceDocument[]): Array<Article | Error> {
  try {
    return pipeline.runMany(docs);
  } catch {
    return docs.map((doc) => {
      try {
        return pipeline.run(doc);
      } catch (err) {
        return err instanceof Error ? err : new Error(String(err));
      }
    });
  }
}

/** Up to WORKER_BATCH queued single documents (analyse / prepare requests), answered each. */
function analyseDocs(): void {
  let k = 0;
  while (k < queue.length && k < WORKER_BATCH && !('batch' in queue[k])) k++;
  const batch = queue.splice(0, k) as DocMessage[];
  const articles = analyse(batch.map((m) => m.doc));
  batch.forEach((m, i) => {
    const a = articles[i];
    try {
      if (a instanceof Error) throw a;
      parentPort!.postMessage({ seq: m.seq, article: m.prepare ? prepareArticle(a) : a });
    } catch (err) {
      parentPort!.postMessage({ seq: m.seq, error: errorMessage(err) });
    }
  });
}

/** The next WORKER_BATCH documents of a store batch; when all are done, the batch waits its turn. */
function analyseStoreChunk(job: StoreJob): void {
  const chunk = job.docs.slice(job.done.length, job.done.length + WORKER_BATCH);
  for (const a of analyse(chunk)) {
    try {
      if (a instanceof Error) throw a;
      job.done.push(prepareArticle(a));
    } catch (err) {
      job.done.push(errorMessage(err));
    }
  }
  if (job.done.length < job.docs.length) return;
  queue.shift();
  ready.push(job);
}

/**
 * Writes the ready batches whose turn has come, each in one transaction, then passes the turn on.
 * When the lock or the turn is not ours, other work goes first; with none left (`mayBlock`), the
 * thread sleeps until the turn or the lock changes (or `BLOCK_MS`).
 */
function writeReady(mayBlock: boolean): void {
  while (ready.length) {
    const job = ready[0];
    const turn = Atomics.load(job.words, SESSION.TURN);
    if (turn === SESSION.stopped) {
      ready.shift();
      parentPort!.postMessage({ seq: job.seq, storeError: { code: 'stopped', message: 'the ingest stopped after a store failure' } });
      continue;
    }
    if (turn !== job.batch) {
      // Woken when the turn moves; back to the event loop now and then, for new work.
      if (mayBlock) block(job.words, SESSION.TURN, turn);
      return;
    }
    if (!tryLock(job.words)) {
      if (mayBlock) block(job.words, SESSION.LOCK, 1);
      return;
    }
    ready.shift();
    let message: object;
    try {
      const prepared = job.done.filter((d): d is PreparedArticle => typeof d !== 'string');
      const written = writerFor(job.target).write(prepared);
      let w = 0;
      const outcomes = job.done.map((d) => (typeof d === 'string' ? { error: d } : written[w++]));
      message = { seq: job.seq, outcomes };
      setTurn(job.words, job.batch + 1);
    } catch (err) {
      setTurn(job.words, SESSION.stopped);
      message = { seq: job.seq, storeError: { code: (err as { code?: string }).code ?? 'store-failed', message: errorMessage(err) } };
    } finally {
      unlock(job.words);
    }
    parentPort!.postMessage(message);
  }
}

/** Sleeps while `words[index]` is `value` (at most `BLOCK_MS`); counted as idle: this thread waits for others. */
function block(words: Int32Array, index: number, value: number): void {
  const t0 = performance.now();
  Atomics.wait(words, index, value, BLOCK_MS);
  idle += performance.now() - t0;
}

function writerFor(target: RowWriterTarget): RowWriter {
  const key = JSON.stringify(target);
  let w = writers.get(key);
  if (!w) writers.set(key, (w = openRowWriter(target)));
  return w;
}

parentPort!.postMessage({ ready: true });
