import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Handler } from 'hono';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Hashed build assets never change; the page itself is revalidated. */
const CACHE_ASSETS = 'public, max-age=31536000, immutable';
const CACHE_PAGE = 'no-cache';

/**
 * Serves the built web app from `root`: files by path (never outside `root`), and `index.html`
 * for `/`. Unknown paths fall through to a 404.
 */
export function serveStatic(root: string): Handler {
  const base = resolve(root);
  return async (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    const file = resolve(join(base, path === '/' ? 'index.html' : path));
    if (!file.startsWith(base + sep) || path.includes('\0')) return c.json({ error: 'not found' }, 404);
    const type = MIME[extname(file)];
    if (!type) return c.json({ error: 'not found' }, 404);
    try {
      const body = await readFile(file);
      return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': path.startsWith('/assets/') ? CACHE_ASSETS : CACHE_PAGE });
    } catch {
      return c.json({ error: 'not found' }, 404);
    }
  };
}
