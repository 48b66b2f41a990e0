import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { serve, type ServerType } from '@hono/node-server';
import { DEFAULT_STAGES, Pipeline } from '../pipeline.js';
import { startAnalysisPool, type AnalysisPool } from './analysis-pool.js';
import { createApp, type ServerDeps } from './app.js';
import { readHtmlDocument, urlReader } from './readers.js';
import { isLoopback } from './security.js';
import { SpinscopeError } from '../model/index.js';
import type { ServerStore } from './store.js';

/** Where `npm run build:web` puts the web app. */
export const WEB_DIST = join(import.meta.dirname, '..', '..', 'web', 'dist');

export interface StartOptions {
  store: ServerStore;
  port?: number;
  host?: string;
  /** Token for write endpoints; generated when the host is not loopback and none is given. */
  token?: string;
  /** The pipeline for in-thread analysis (`workers: 0`); worker threads build the default one. */
  pipeline?: Pipeline;
  /** Analysis worker threads (default POOL_DEFAULTS.workers); 0 analyses on the request thread. */
  workers?: number;
  /** Analyses admitted at once before 503 (default 32 per worker). */
  maxQueue?: number;
  /** Per-request analysis deadline in ms before 503 (default 30 s). */
  analysisTimeoutMs?: number;
  /** Warm-up analyses per worker before listening (default 30; tests use fewer). */
  warmupRuns?: number;
  staticDir?: string;
  fetchUrl?: ServerDeps['fetchUrl'];
  /** Let analyze-by-URL fetch loopback, private and link-local addresses (SSRF guard off; default false). */
  allowPrivate?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  token?: string;
  /** Analysis worker threads (0: analyses run on the request thread). */
  workers: number;
  close(): Promise<void>;
}

/** Why the server could not listen, in words: a busy port or an address this machine does not have. */
function listenError(err: unknown, host: string, port: number): unknown {
  const code = (err as { code?: unknown })?.code;
  if (code === 'EADDRINUSE') return new SpinscopeError('port-in-use', `port ${port} on ${host} is already in use (another spinscope?); choose another with --port, or --port 0 for a free one`);
  if (code === 'EADDRNOTAVAIL') return new SpinscopeError('bad-host', `cannot listen on ${host}: this machine has no such address`);
  if (code === 'EACCES') return new SpinscopeError('port-denied', `not allowed to listen on port ${port} (ports below 1024 need privileges)`);
  return err;
}

/** Builds the dependencies (pipeline, readers) and listens. Port 0 picks a free port. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? (isLoopback(host) ? undefined : randomBytes(18).toString('base64url'));
  let pool: AnalysisPool | undefined;
  let analyze: ServerDeps['analyze'];
  let stages: string[];
  if (options.workers === 0) {
    const pipeline = options.pipeline ?? (await Pipeline.build());
    analyze = (doc) => pipeline.run(doc);
    stages = pipeline.stages.map((s) => s.name);
  } else {
    const started = await startAnalysisPool({ workers: options.workers, maxQueue: options.maxQueue, timeoutMs: options.analysisTimeoutMs, warmupRuns: options.warmupRuns });
    pool = started;
    analyze = (doc) => started.analyze(doc);
    stages = DEFAULT_STAGES.map((s) => s.name);
  }
  const staticDir = options.staticDir ?? (existsSync(join(WEB_DIST, 'index.html')) ? WEB_DIST : undefined);
  const app = createApp({
    store: options.store,
    analyze,
    stages,
    readHtml: readHtmlDocument,
    fetchUrl: options.fetchUrl ?? urlReader({ allowPrivate: options.allowPrivate }),
    token,
    staticDir,
  });
  let server: ServerType;
  try {
    server = await new Promise((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, () => resolve(s));
      s.once('error', reject);
    });
  } catch (err) {
    await pool?.close(); // worker threads would keep the process alive after the error
    throw listenError(err, host, options.port ?? 8787);
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port ?? 8787;
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? 'localhost' : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    token,
    workers: pool?.workers ?? 0,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool?.close();
    },
  };
}
