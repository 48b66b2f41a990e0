// Analysis worker: builds the default pipeline once, then analyses the documents it is sent.
// Messages in: { seq, doc, prepare? } (a SourceDocument); out: { seq, article } (an Article, or a
// PreparedArticle when `prepare` is set) or { seq, error }. { seq, cpu: true } asks for this thread's
// CPU time so far and the time it waited for work (benchmarks): out { seq, cpu: { user, system, idle } } in ms.
import { parentPort, workerData } from 'node:worker_threads';
import { Pipeline } from '../../pipeline.js';
import { errorMessage, type Article } from '../../model/index.js';
import type { SourceDocument } from '../../ingest/types.js';
import { prepareArticle } from '../prepare.js';
import { lowerThreadPriority, threadCpuMs } from './thread-cpu.js';

/**
 * Documents waiting in the queue are analysed together, up to this many, stage by stage
 * (`Pipeline.runMany`: about a fifth less CPU than one at a time; `npm run bench` pipeline rows).
 */
const WORKER_BATCH = 16;

interface DocMessage { seq: number; doc: SourceDocument; prepare?: boolean }

if (workerData?.nice > 0) lowerThreadPriority(workerData.nice);
const pipeline = await Pipeline.build();
const queue: DocMessage[] = [];
let draining = false;
/**
 * Milliseconds between finishing the queue and the next document arriving, summed: the time
 * spent waiting for the main thread to send work.
 */
let idle = 0;
let doneAt: number | undefined;

parentPort!.on('message', (msg: DocMessage & { cpu?: boolean }) => {
  if (msg.cpu) {
    const cpu = threadCpuMs();
    return parentPort!.postMessage({ seq: msg.seq, cpu: cpu ? { ...cpu, idle } : null });
  }
  if (doneAt !== undefined) idle += performance.now() - doneAt;
  doneAt = undefined;
  queue.push(msg);
  // Drained after the messages already delivered are queued, so waiting documents batch up.
  if (!draining) {
    draining = true;
    setImmediate(drain);
  }
});

/** Analyses up to WORKER_BATCH queued documents and answers each; goes on while any wait. */
function drain(): void {
  const batch = queue.splice(0, WORKER_BATCH);
  let articles: Article[] | undefined;
  try {
    articles = pipeline.runMany(batch.map((m) => m.doc));
  } catch {
    articles = undefined; // answered one by one below, so one bad document names its own error
  }
  for (let k = 0; k < batch.length; k++) {
    const m = batch[k];
    try {
      const article = articles ? articles[k] : pipeline.run(m.doc);
      parentPort!.postMessage({ seq: m.seq, article: m.prepare ? prepareArticle(article) : article });
    } catch (err) {
      parentPort!.postMessage({ seq: m.seq, error: errorMessage(err) });
    }
  }
  if (queue.length) {
    setImmediate(drain);
    return;
  }
  draining = false;
  doneAt = performance.now();
}

parentPort!.postMessage({ ready: true });
