import { createGunzip } from 'node:zlib';
import { SpinscopeError } from '../model/index.js';

/** Largest decompressed size accepted from a .gz input (guards against gzip bombs). */
export const MAX_GUNZIP_BYTES = 64 * 1024 * 1024;

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses gzip bytes, stopping with a `too-large` error as soon as the output passes
 * `limit` (so a bomb never fills memory). Truncated input yields what could be decompressed.
 *
 * @example
 * const html = await gunzipLimited(readFileSync('page.html.gz'));
 */
export function gunzipLimited(bytes: Uint8Array, limit = MAX_GUNZIP_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const gunzip = createGunzip();
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    gunzip.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        gunzip.destroy();
        reject(new SpinscopeError('too-large', `decompressed size exceeds ${Math.round(limit / 1048576)} MB (gzip bomb?)`));
        return;
      }
      chunks.push(chunk);
    });
    gunzip.on('end', () => {
      if (!done) {
        done = true;
        resolve(Buffer.concat(chunks));
      }
    });
    gunzip.on('error', (err) => {
      if (done) return;
      done = true;
      // A truncated stream still gives its decompressed prefix (best effort); garbage gives an error.
      if (size > 0) resolve(Buffer.concat(chunks));
      else reject(new SpinscopeError('bad-gzip', `not a valid gzip stream (${err.message})`));
    });
    gunzip.end(Buffer.from(bytes));
  });
}
