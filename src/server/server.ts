import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { serve, type ServerType } from '@hono/node-server';
import { Pipeline } from '../pipeline.js';
import { createApp, type ServerDeps } from './app.js';
import { htmlToDocument } from './html-fallback.js';
import { isLoopback } from './security.js';
import type { ServerStore } from './store.js';

/** Where `npm run build:web` puts the web app. */
export const WEB_DIST = join(import.meta.dirname, '..', '..', 'web', 'dist');

export interface StartOptions {
  store: ServerStore;
  port?: number;
  host?: string;
  /** Token for write endpoints; generated when the host is not loopback and none is given. */
  token?: string;
  pipeline?: Pipeline;
  staticDir?: string;
  fetchUrl?: ServerDeps['fetchUrl'];
}

export interface RunningServer {
  url: string;
  port: number;
  token?: string;
  close(): Promise<void>;
}

/** Builds the dependencies (pipeline, readers) and listens. Port 0 picks a free port. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? (isLoopback(host) ? undefined : randomBytes(18).toString('base64url'));
  const pipeline = options.pipeline ?? (await Pipeline.build());
  const staticDir = options.staticDir ?? (existsSync(join(WEB_DIST, 'index.html')) ? WEB_DIST : undefined);
  const app = createApp({
    store: options.store,
    analyze: (doc) => pipeline.run(doc),
    stages: pipeline.stages.map((s) => s.name),
    readHtml: htmlToDocument,
    fetchUrl: options.fetchUrl,
    token,
    staticDir,
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port ?? 8787;
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? 'localhost' : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    token,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
