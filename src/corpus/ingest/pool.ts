import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article } from '../../model/index.js';
import type { SourceDocument } from '../../ingest/types.js';
import { Pipeline, DEFAULT_STAGES } from '../../pipeline.js';
import { errorMessage, SpinscopeError } from '../../model/index.js';
import { prepareArticle, type PreparedArticle } from '../prepare.js';
import type { RowWriterTarget, StoredArticle } from '../store.js';
import { lock, SESSION, setTurn, unlock } from './write-lock.js';

/**
 * Analysis workers to start by default: one per core, at most `POOL.maxDefaultWorkers`. On a file
 * database the workers also write their articles' own rows, and this thread only links them
 * (persons, near-duplicates, stories: ~3 ms of CPU per article, 2.8–3.1 in `bench/ingest.bench.ts`), so with one worker per core
 * the cores are shared out between them (workers niced, `POOL.oversubscribedNice`). With one
 * worker on 2 cores the worker analyses and writes (~7.8 ms CPU per article, ~128 articles/s at
 * best) while this thread idles half the time. Measured (10,000 articles, `bench/ingest.bench.ts`,
 * on a machine loaded ~10× over its 2 cores, so CPU per article rather than wall time): this
 * thread 5.1 → 4.1 ms/article, workers 7.0 → 7.8, whole process 13.5 → 13.3 (1 worker).
 */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism(), POOL.maxDefaultWorkers));
}

/** Worker pool settings. */
export const POOL = {
  /**
   * Scheduling priority (nice, 0–19) of the analysis threads when they and the main thread
   * outnumber the cores (the default count does). The main thread links (and, on an in-memory
   * store, writes) and is the ingest's serial part; a worker at nice 0 then takes an equal share
   * of its core and it falls behind (when it wrote everything, 2 workers on 2 cores were slower
   * than 1). Niced, workers use the CPU it leaves. Not when each thread has a core: niced threads
   * also yield to every other process on a busy machine. Linux only.
   */
  oversubscribedNice: 10,
  /**
   * Most workers started by default. Linking is serial (this thread, ~3 ms CPU per article: a
   * ceiling near 330 articles/s) and a worker analyses and writes ~135 articles/s, so a third
   * worker adds little and a fourth nothing but memory.
   */
  maxDefaultWorkers: 3,
  /**
   * Young-generation heap (MB) of each analysis worker (V8 `resourceLimits.maxYoungGenerationSizeMb`;
   * V8's default is smaller). The pipeline allocates several MB of short-lived objects per
   * article; a larger nursery means fewer scavenges for the same survivors. Measured paired
   * (`bench/ingest.bench.ts`, 1,500 articles, 2 workers, 2×2 runs on swapped cores of a loaded
   * machine): worker CPU −2.3% (−0.7 to −3.6%, every pair lower), peak RSS +130–190 MB.
   */
  workerYoungGenerationMb: 192,
} as const;

/** CPU and idle milliseconds of one analysis thread so far (see `Analyzer.threadCpu`). */
export interface ThreadCpu {
  user: number;
  system: number;
  idle: number;
}

/** Analyses documents: in worker threads, or in this thread when `workers` is 0. */
export interface Analyzer {
  /** Resolves to the article, or rejects with a one-line reason (the document is then skipped). */
  analyze(doc: SourceDocument): Promise<Article>;
  /** Analyses and prepares for storage in the worker (see `PreparedArticle`). */
  prepare(doc: SourceDocument): Promise<PreparedArticle>;
  /** Stage versions of the pipeline the analyzer runs. */
  readonly version: Record<string, string>;
  /**
   * CPU ms (user, system) used so far by each analysis thread (see `threadCpuMs`), and ms it
   * waited for work (idle), for benchmarks; an empty list when unknown (not Linux) or when
   * analysis runs in the caller's thread.
   */
  threadCpu?(): Promise<ThreadCpu[]>;
  /**
   * Optional: a session in which the workers also write what they analyse, each on its own
   * connection to the store (see `SplitWrites`).
   */
  storeSession?(target: RowWriterTarget): StoreSession;
  close(): Promise<void>;
}

/** What became of one document of a stored batch. */
export type BatchOutcome = StoredArticle | { id: string; created: false } | { error: string };

/**
 * Batches analysed, prepared and written by the workers (one transaction per batch, in the order
 * `store` was called), while the caller links them (`exclusive`).
 */
export interface StoreSession {
  /** Analysis threads writing. */
  readonly workers: number;
  /**
   * Analyses, prepares and writes a batch after every earlier batch of the session; resolves
   * per document, or rejects with the store's error (nothing of the batch written).
   */
  store(docs: SourceDocument[]): Promise<BatchOutcome[]>;
  /** Runs `fn` holding the session's write lock (the caller's own transactions). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Stops the session: batches not yet written reject. */
  stop(): void;
}

/** In-thread analysis (tests, `--workers 0`). */
export async function inlineAnalyzer(): Promise<Analyzer> {
  const pipeline = await Pipeline.build();
  return { version: pipeline.version, analyze: async (doc) => pipeline.run(doc), prepare: async (doc) => prepareArticle(pipeline.run(doc)), close: async () => {} };
}

/**
 * A pool of analysis workers. Workers run the TypeScript sources through tsx, registered by
 * `worker-entry.mjs` (on Node 20 `execArgv: ['--import', 'tsx']` does not reach worker threads);
 * no build step is needed. Each worker builds the pipeline once, running at priority `nice`
 * (default: `POOL.oversubscribedNice` when the workers and this thread outnumber the cores, else 0).
 * Work goes to the worker with the fewest documents in flight. `youngGenerationMb`: see
 * `POOL.workerYoungGenerationMb`.
 *
 * @example
 * const pool = await workerAnalyzer(2);
 * const article = await pool.analyze({ text: 'Kerry met Lavrov.', meta: {}, notices: [] });
 * await pool.close();
 */
export async function workerAnalyzer(count: number, options: { nice?: number; youngGenerationMb?: number } = {}): Promise<Analyzer> {
  const youngGenerationMb = options.youngGenerationMb ?? POOL.workerYoungGenerationMb;
  const nice = options.nice ?? (count + 1 > availableParallelism() ? POOL.oversubscribedNice : 0);
  const version = Object.fromEntries(DEFAULT_STAGES.map((s) => [s.name, s.version]));
  const pending = new Map<number, { resolve: (a: any) => void; reject: (e: Error) => void; worker: number; size: number }>();
  const load = new Array<number>(count).fill(0);
  let seq = 0;
  const workers = await Promise.all(
    Array.from({ length: count }, (_, i) => new Promise<Worker>((resolve, reject) => {
      const w = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { nice }, resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb } });
      w.on('message', (msg: { ready?: boolean; seq: number; article?: Article; error?: string; cpu?: ThreadCpu | null; outcomes?: BatchOutcome[]; storeError?: { code: string; message: string } }) => {
        if (msg.ready) return resolve(w);
        const p = pending.get(msg.seq);
        if (!p) return;
        pending.delete(msg.seq);
        load[p.worker] -= p.size;
        if (msg.cpu !== undefined) p.resolve(msg.cpu);
        else if (msg.article) p.resolve(msg.article);
        else if (msg.outcomes) p.resolve(msg.outcomes);
        else if (msg.storeError) p.reject(new SpinscopeError(msg.storeError.code, msg.storeError.message));
        else p.reject(new Error(msg.error ?? 'analysis failed'));
      });
      w.on('error', (err) => {
        reject(err);
        // A crashed worker fails what it held; the ingest reports those items and goes on.
        for (const [k, p] of pending) if (p.worker === i) pending.delete(k), p.reject(new Error(`worker crashed: ${errorMessage(err)}`));
      });
    })),
  );
  /** Posts a request to a worker (the one with the fewest documents in flight by default). */
  const post = <T>(message: object, size: number, to = load.indexOf(Math.min(...load))) => {
    load[to] += size;
    const id = seq++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve, reject, worker: to, size });
      workers[to].postMessage({ seq: id, ...message });
    });
  };
  const send = <T>(doc: SourceDocument | undefined, prepare: boolean, to?: number) => post<T>(doc ? { doc, prepare } : { cpu: true }, doc ? 1 : 0, to);
  return {
    version,
    analyze: (doc) => send<Article>(doc, false),
    prepare: (doc) => send<PreparedArticle>(doc, true),
    async threadCpu() {
      const all = await Promise.all(workers.map((_, i) => send<ThreadCpu | null>(undefined, false, i)));
      return all.every((c) => c) ? (all as ThreadCpu[]) : [];
    },
    storeSession(target) {
      const buffer = new SharedArrayBuffer(SESSION.words * Int32Array.BYTES_PER_ELEMENT);
      const words = new Int32Array(buffer);
      let batch = 0;
      return {
        workers: count,
        store: (docs) => post<BatchOutcome[]>({ store: { docs, batch: batch++, target, words: buffer } }, docs.length),
        async exclusive(fn) {
          await lock(words);
          try {
            return await fn();
          } finally {
            unlock(words);
          }
        },
        stop: () => setTurn(words, SESSION.stopped),
      };
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
