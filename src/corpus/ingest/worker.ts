// Analysis worker: builds the default pipeline once, then analyses each document it is sent.
// Messages in: { seq, doc } (a SourceDocument); out: { seq, article } or { seq, error }.
import { parentPort } from 'node:worker_threads';
import { Pipeline } from '../../pipeline.js';
import { errorMessage } from '../../model/index.js';
import type { SourceDocument } from '../../ingest/types.js';

const pipeline = await Pipeline.build();
parentPort!.on('message', (msg: { seq: number; doc: SourceDocument }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, article: pipeline.run(msg.doc) });
  } catch (err) {
    parentPort!.postMessage({ seq: msg.seq, error: errorMessage(err) });
  }
});
parentPort!.postMessage({ ready: true });
