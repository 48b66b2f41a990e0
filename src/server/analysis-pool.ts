import { availableParallelism } from 'node:os';
import type { Article } from '../model/index.js';
import type { SourceDocument } from '../ingest/types.js';
import { workerAnalyzer } from '../corpus/ingest/pool.js';

/** Sizes of the server's analysis pool. */
export const POOL_DEFAULTS = {
  /** Worker threads: one core stays for the HTTP thread (reads, JSON), at most 4 workers. */
  workers: Math.max(1, Math.min(4, availableParallelism() - 1)),
  /** Analyses waiting or running per worker before new ones get a 503 (bounded memory and latency). */
  queuePerWorker: 32,
  /** A request whose analysis has not finished after this gets a 503 (the worker finishes it anyway). */
  timeoutMs: 30_000,
  /** Seconds a refused client is told to wait (Retry-After). */
  retryAfterSeconds: 2,
  /**
   * Analyses each worker runs before the server listens: the first analyses of a fresh thread are
   * several times slower (JIT). What remains slow at first is new vocabulary (memoised per-word
   * features), which no warm-up text can cover.
   */
  warmupRuns: 30,
} as const;

/** Invented text for the warm-up: quotes, names, dates, figures, so every stage's code runs. */
const WARMUP_TEXT = [
  'Harbour reopens after storm',
  'The harbour at Kestrel Bay reopened on Tuesday, three days after the storm, the port authority said in a statement.',
  '“We lost 40 moorings and two cranes,” said Ines Varga, the harbour master. “It was a disaster for the whole town, and the insurers are dragging their feet.”',
  'Mayor Tomas Reed said in March 2025 that repairs would cost 2.5 million euros and take two years. Critics called the plan reckless and a betrayal of every fisherman in the bay.',
  'According to the Coastal Trades Union, about 1,200 jobs depend on the port. Officials, who asked not to be named, said the council would vote on the budget next week.',
  'Analysts at the Northern Ports Institute warned that shipping could fall by 15 percent this year if the cranes are not replaced before the winter.',
].join('\n\n') + '\n';

/** The pool is full or the analysis took too long: the client should retry later (HTTP 503). */
export class BusyError extends Error {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
    this.name = 'BusyError';
  }
}

export interface PoolOptions {
  workers?: number;
  /** Most analyses admitted at once (running and waiting); default workers × queuePerWorker. */
  maxQueue?: number;
  timeoutMs?: number;
  /** Warm-up analyses per worker before the pool is ready (default POOL_DEFAULTS.warmupRuns). */
  warmupRuns?: number;
}

/** Analyses documents off the request thread, with admission control and a deadline. */
export interface AnalysisPool {
  analyze(doc: SourceDocument): Promise<Article>;
  /** Analyses admitted and not yet finished. */
  readonly inFlight: number;
  readonly workers: number;
  close(): Promise<void>;
}

/**
 * Bounds any analysis function: at most `maxQueue` analyses admitted at once (more → BusyError,
 * at once), and each caller waits at most `timeoutMs` (→ BusyError). A timed-out analysis keeps
 * its slot until it really finishes, so the bound holds for the workers' real backlog.
 */
export function boundedAnalyzer(run: (doc: SourceDocument) => Promise<Article>, maxQueue: number, timeoutMs: number): Pick<AnalysisPool, 'analyze' | 'inFlight'> {
  let inFlight = 0;
  const retry = POOL_DEFAULTS.retryAfterSeconds;
  return {
    get inFlight() {
      return inFlight;
    },
    analyze(doc) {
      if (inFlight >= maxQueue) return Promise.reject(new BusyError(`the server is busy (${inFlight} analyses queued); retry in ${retry} s`, retry));
      inFlight++;
      const work = run(doc).finally(() => inFlight--);
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new BusyError(`the analysis took longer than ${timeoutMs / 1000} s; retry later`, retry)), timeoutMs);
      });
      work.catch(() => {}); // a rejection after the deadline is not unhandled
      return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
    },
  };
}

/**
 * Starts the analysis worker threads of the server (the corpus ingest workers: each builds the
 * default pipeline once; tsx is registered inside the worker, so no build step is needed).
 *
 * @example
 * const pool = await startAnalysisPool({ workers: 2 });
 * const article = await pool.analyze({ text: 'The ferry left at dawn.', meta: {}, notices: [] });
 */
export async function startAnalysisPool(options: PoolOptions = {}): Promise<AnalysisPool> {
  const workers = Math.max(1, options.workers ?? POOL_DEFAULTS.workers);
  const analyzer = await workerAnalyzer(workers);
  const warm: SourceDocument = { text: WARMUP_TEXT, meta: {}, notices: [] };
  await Promise.all(Array.from({ length: workers * (options.warmupRuns ?? POOL_DEFAULTS.warmupRuns) }, () => analyzer.analyze(warm)));
  const bounded = boundedAnalyzer((doc) => analyzer.analyze(doc), options.maxQueue ?? workers * POOL_DEFAULTS.queuePerWorker, options.timeoutMs ?? POOL_DEFAULTS.timeoutMs);
  return {
    workers,
    analyze: bounded.analyze,
    get inFlight() {
      return bounded.inFlight;
    },
    close: () => analyzer.close(),
  };
}
