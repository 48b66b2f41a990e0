// Analysis worker: builds the default pipeline once, then analyses each document it is sent.
// Messages in: { seq, doc, prepare? } (a SourceDocument); out: { seq, article } (an Article, or a
// PreparedArticle when `prepare` is set) or { seq, error }. { seq, cpu: true } asks for this thread's
// CPU time so far (benchmarks): out { seq, cpu: { user, system } } in ms.
import { parentPort } from 'node:worker_threads';
import { Pipeline } from '../../pipeline.js';
import { errorMessage } from '../../model/index.js';
import type { SourceDocument } from '../../ingest/types.js';
import { prepareArticle } from '../prepare.js';
import { threadCpuMs } from './thread-cpu.js';

const pipeline = await Pipeline.build();
parentPort!.on('message', (msg: { seq: number; doc: SourceDocument; prepare?: boolean; cpu?: boolean }) => {
  if (msg.cpu) return parentPort!.postMessage({ seq: msg.seq, cpu: threadCpuMs() ?? null });
  try {
    const article = pipeline.run(msg.doc);
    parentPort!.postMessage({ seq: msg.seq, article: msg.prepare ? prepareArticle(article) : article });
  } catch (err) {
    parentPort!.postMessage({ seq: msg.seq, error: errorMessage(err) });
  }
});
parentPort!.postMessage({ ready: true });
