import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { SpinscopeError } from '../model/index.js';
import { gunzipLimited } from './gzip.js';

/** Fetch limits and identity. */
export const FETCH_DEFAULTS = {
  maxRedirects: 5,
  /** Whole request (connect, headers, body) must finish within this. */
  timeoutMs: 20_000,
  maxBytes: 16 * 1024 * 1024,
  userAgent: 'spinscope/0.1 (news analysis for research; +https://github.com/spinscope/spinscope)',
};

export interface FetchOptions {
  allowPrivate?: boolean;
  maxRedirects?: number;
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
}

export interface Fetched {
  url: string;
  status: number;
  contentType: string;
  body: Buffer;
  redirects: string[];
}

/** Address ranges refused unless allowPrivate: loopback, private, link-local, CGNAT, unspecified, ULA, multicast. */
const BLOCKED = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['192.0.0.0', 24], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

/** True when the address is loopback, private, link-local or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return BLOCKED.check(mapped[1], 'ipv4');
    return BLOCKED.check(address, 'ipv6');
  }
  return true;
}

/** Node's network error codes in words (the rest keep Node's message). */
const NETWORK_ERRORS: Record<string, string> = {
  ENOTFOUND: 'could not find the host',
  EAI_AGAIN: 'could not look up the host (is the network down?)',
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the server closed the connection',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
};

/** A network failure as a one-line SpinscopeError naming the host (DNS, refused, reset, TLS). */
export function networkError(err: unknown, host: string): unknown {
  if (err instanceof SpinscopeError) return err;
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return err;
  if (NETWORK_ERRORS[code]) return new SpinscopeError('network', `${NETWORK_ERRORS[code]} ${host}`);
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return new SpinscopeError('network', `the secure connection to ${host} failed (${code})`);
  return err;
}

/** Resolves a host and checks every address; returns the one to connect to. */
async function resolveChecked(hostname: string, allowPrivate: boolean): Promise<{ address: string; family: number }> {
  const host = hostname.replace(/^\[|\]$/g, '');
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true });
  } catch (err) {
    throw networkError(err, host);
  }
  if (addresses.length === 0) throw new SpinscopeError('dns', `${hostname}: no address`);
  if (!allowPrivate) {
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad) throw new SpinscopeError('private-address', `${hostname} resolves to a private, loopback or link-local address (${bad.address}); use --allow-private to fetch it`);
  }
  return addresses[0];
}

function requestOnce(url: URL, pinned: { address: string; family: number }, options: Required<FetchOptions>, deadline: number): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    // Connect to the address we checked (no second DNS answer can sneak in).
    const pinnedLookup: LookupFunction = (_host, opts, cb) => {
      if ((opts as { all?: boolean }).all) (cb as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
      else cb(null, pinned.address, pinned.family);
    };
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.request(url, {
      method: 'GET',
      lookup: pinnedLookup,
      headers: { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5', 'accept-encoding': 'gzip' },
    });
    const remaining = deadline - Date.now();
    const timer = setTimeout(() => req.destroy(new SpinscopeError('timeout', `${url.href}: no complete answer within ${options.timeoutMs} ms`)), Math.max(1, remaining));
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(networkError(err, url.host));
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        res.resume();
        clearTimeout(timer);
        resolve({ status, headers: res.headers, body: Buffer.alloc(0) });
        return;
      }
      const declared = Number(res.headers['content-length'] ?? 0);
      if (declared > options.maxBytes) {
        clearTimeout(timer);
        req.destroy();
        reject(new SpinscopeError('too-large', `${url.href}: ${declared} bytes is over the ${options.maxBytes}-byte limit`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          clearTimeout(timer);
          req.destroy(new SpinscopeError('too-large', `${url.href}: body over the ${options.maxBytes}-byte limit`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status, headers: res.headers, body: Buffer.concat(chunks) });
      });
      res.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    req.end();
  });
}

/**
 * Fetches a web page with a clear User-Agent, bounded redirects, a total timeout and a size
 * limit. Every hop's host is resolved and every address checked: private, loopback and
 * link-local targets are refused unless `allowPrivate` (SSRF guard).
 *
 * @example
 * const page = await fetchUrl('https://example.org/news/1');
 */
export async function fetchUrl(input: string, options: FetchOptions = {}): Promise<Fetched> {
  const opts: Required<FetchOptions> = { allowPrivate: false, ...FETCH_DEFAULTS, ...options };
  const deadline = Date.now() + opts.timeoutMs;
  const redirects: string[] = [];
  let url = new URL(input);
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SpinscopeError('bad-url', `${url.href}: only http and https URLs are fetched`);
    const pinned = await resolveChecked(url.hostname, opts.allowPrivate);
    const res = await requestOnce(url, pinned, opts, deadline);
    if (res.status >= 300 && res.status < 400 && res.headers.location) {
      if (hop >= opts.maxRedirects) throw new SpinscopeError('too-many-redirects', `${input}: more than ${opts.maxRedirects} redirects`);
      url = new URL(res.headers.location, url);
      redirects.push(url.href);
      continue;
    }
    if (res.status >= 400) throw new SpinscopeError('http-status', `${url.href}: HTTP ${res.status}`);
    let body = res.body;
    if (/gzip/i.test(String(res.headers['content-encoding'] ?? ''))) body = await gunzipLimited(body, opts.maxBytes);
    return { url: url.href, status: res.status, contentType: String(res.headers['content-type'] ?? ''), body, redirects };
  }
}

/** True for inputs that are web addresses. */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}
