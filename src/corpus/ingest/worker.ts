// Analysis worker: builds the default pipeline once, then analyses each document it is sent.
// Messages in: { seq, doc, prepare? } (a SourceDocument); out: { seq, article } (an Article, or a
// PreparedArticle when `prepare` is set) or { seq, error }. { seq, cpu: true } asks for this thread's
// CPU time so far and the time it waited for work (benchmarks): out { seq, cpu: { user, system, idle } } in ms.
import { parentPort } from 'node:worker_threads';
import { Pipeline } from '../../pipeline.js';
import { errorMessage } from '../../model/index.js';
import type { SourceDocument } from '../../ingest/types.js';
import { prepareArticle } from '../prepare.js';
import { threadCpuMs } from './thread-cpu.js';

const pipeline = await Pipeline.build();
/**
 * Milliseconds between finishing one document and starting the next, summed: queued documents
 * start at once, so this is the time spent waiting for the main thread to send work.
 */
let idle = 0;
let doneAt: number | undefined;
parentPort!.on('message', (msg: { seq: number; doc: SourceDocument; prepare?: boolean; cpu?: boolean }) => {
  if (msg.cpu) {
    const cpu = threadCpuMs();
    return parentPort!.postMessage({ seq: msg.seq, cpu: cpu ? { ...cpu, idle } : null });
  }
  if (doneAt !== undefined) idle += performance.now() - doneAt;
  try {
    const article = pipeline.run(msg.doc);
    parentPort!.postMessage({ seq: msg.seq, article: msg.prepare ? prepareArticle(article) : article });
  } catch (err) {
    parentPort!.postMessage({ seq: msg.seq, error: errorMessage(err) });
  }
  doneAt = performance.now();
});
parentPort!.postMessage({ ready: true });
