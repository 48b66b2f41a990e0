import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchUrl, isPrivateAddress, FETCH_DEFAULTS, networkError } from './url.js';
import { readSources } from './read.js';
import { isReadFailure } from './types.js';

const BODY = '<html><head><title>Tide tables</title></head><body><article><p>The spring tide reached the harbour steps at dawn, two hours earlier than the almanac promised, and the fishing boats waited.</p><p>Harbour master Ode Lind said the gauge would be recalibrated before the autumn storms arrive on the coast.</p></article></body></html>';
const sockets = new Set<import('node:net').Socket>();
const server = http.createServer((req, res) => {
  const url = req.url ?? '/';
  if (url === '/page') {
    assert.match(req.headers['user-agent'] ?? '', /^spinscope\//);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(BODY);
  } else if (url === '/latin') {
    res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
    res.end(Buffer.from('<html><head><title>Caf\u00e9</title></head><body><p>x</p></body></html>', 'latin1'));
  } else if (url === '/hop') {
    res.writeHead(302, { location: '/page' });
    res.end();
  } else if (url.startsWith('/loop')) {
    res.writeHead(302, { location: `/loop${Math.random()}` });
    res.end();
  } else if (url === '/big') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(Buffer.alloc(3 * 1024 * 1024, 0x61));
  } else if (url === '/silent') {
    // never answers
  } else {
    res.writeHead(404);
    res.end();
  }
});
server.on('connection', (s) => {
  sockets.add(s);
  s.on('close', () => sockets.delete(s));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(() => {
  for (const s of sockets) s.destroy();
  server.close();
});

test('private, loopback and link-local addresses are recognised', () => {
  for (const a of ['127.0.0.1', '10.1.2.3', '192.168.0.1', '172.16.5.5', '169.254.169.254', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '0.0.0.0', '100.64.0.1']) assert.ok(isPrivateAddress(a), a);
  for (const a of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '8.8.8.8']) assert.ok(!isPrivateAddress(a), a);
});

test('SSRF guard refuses loopback without allowPrivate, including localhost names', async () => {
  await assert.rejects(fetchUrl(`${base}/page`), /private, loopback or link-local/);
  await assert.rejects(fetchUrl(`http://localhost:${(server.address() as AddressInfo).port}/page`), /private, loopback or link-local/);
});

test('fetches with allowPrivate, follows a redirect, honours the charset header', async () => {
  const page = await fetchUrl(`${base}/hop`, { allowPrivate: true });
  assert.equal(page.status, 200);
  assert.equal(page.url, `${base}/page`);
  assert.deepEqual(page.redirects, [`${base}/page`]);
  const results = [];
  for await (const r of readSources([`${base}/page`, `${base}/latin`], { allowPrivate: true })) results.push(r);
  assert.ok(!isReadFailure(results[0]) && results[0].text.includes('spring tide'));
  assert.ok(!isReadFailure(results[1]) && results[1].meta.title === 'Café');
});

test('redirect loop, size limit, silent server and 404 give clear errors', async () => {
  await assert.rejects(fetchUrl(`${base}/loop`, { allowPrivate: true }), new RegExp(`more than ${FETCH_DEFAULTS.maxRedirects} redirects`));
  await assert.rejects(fetchUrl(`${base}/big`, { allowPrivate: true, maxBytes: 1024 * 1024 }), /limit/);
  const start = Date.now();
  await assert.rejects(fetchUrl(`${base}/silent`, { allowPrivate: true, timeoutMs: 300 }), /no complete answer within 300 ms/);
  assert.ok(Date.now() - start < 3000);
  await assert.rejects(fetchUrl(`${base}/missing`, { allowPrivate: true }), /HTTP 404/);
  await assert.rejects(fetchUrl('file:///etc/passwd'), /only http and https/);
});

test('readSources reports a refused URL as a failure, not a crash', async () => {
  const results = [];
  for await (const r of readSources([`${base}/page`])) results.push(r);
  assert.equal(results.length, 1);
  assert.ok(isReadFailure(results[0]) && /--allow-private/.test(results[0].error));
});

test('network failures read as words naming the host, not as Node error codes', async () => {
  const sys = (code: string) => Object.assign(new Error(`getaddrinfo ${code} news.example`), { code });
  assert.equal((networkError(sys('ENOTFOUND'), 'news.example') as Error).message, 'could not find the host news.example');
  assert.equal((networkError(sys('ECONNREFUSED'), 'news.example:81') as Error).message, 'the server refused the connection news.example:81');
  assert.match((networkError(sys('CERT_HAS_EXPIRED'), 'news.example') as Error).message, /^the secure connection to news\.example failed \(CERT_HAS_EXPIRED\)$/);
  const plain = new Error('other');
  assert.equal(networkError(plain, 'x'), plain);
  // A closed port on loopback, end to end (allowPrivate so the guard lets it through).
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((r) => closed.close(() => r()));
  await assert.rejects(fetchUrl(`http://127.0.0.1:${port}/`, { allowPrivate: true }), new RegExp(`^SpinscopeError: the server refused the connection 127\\.0\\.0\\.1:${port}$`));
});
