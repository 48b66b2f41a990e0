import { test, after, mock } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openStore } from '../corpus/index.js';
import { Pipeline } from '../pipeline.js';
import { startServer } from './server.js';

// A small site on loopback: an article page, a redirect to it, and a plain-text page. Invented text.
const PAGE = '<html><head><title>Ferry timetable changes</title><script>alert(1)</script></head><body><nav>Home | Weather</nav><article><h1>Ferry timetable changes</h1><p>The island ferry will leave an hour earlier from Monday, the operator Tern Lines said on Friday.</p><p>“Passengers asked for an earlier crossing,” said Mara Quill, the operator’s spokeswoman, adding that fares would not change.</p></article><footer>© Harbour News</footer></body></html>';
const site = http.createServer((req, res) => {
  if (req.url === '/story') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  } else if (req.url === '/moved') {
    res.writeHead(301, { location: '/story' });
    res.end();
  } else {
    res.writeHead(404);
    res.end();
  }
});
await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
const sitePort = (site.address() as AddressInfo).port;

const pipeline = await Pipeline.build();
const store = await openStore(':memory:');
const guarded = await startServer({ store, pipeline, port: 0, workers: 0 });
const open = await startServer({ store, pipeline, port: 0, workers: 0, allowPrivate: true });
after(async () => {
  await guarded.close();
  await open.close();
  site.close();
});

const analyze = (base: string, url: string) => fetch(`${base}api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url }) });

test('analyze by URL: a loopback address is refused without the allow option', async () => {
  const res = await analyze(guarded.url, `http://127.0.0.1:${sitePort}/story`);
  assert.equal(res.status, 422);
  const { error } = await res.json() as { error: string };
  assert.match(error, /private, loopback or link-local/);
});

test('analyze by URL works with the allow option: extracted body, title, scripts dropped', async () => {
  const res = await analyze(open.url, `http://127.0.0.1:${sitePort}/moved`);
  assert.equal(res.status, 200);
  const article = await res.json() as { text: string; meta: { title?: string; url?: string; format?: string }; layers: Record<string, Array<{ attrs?: Record<string, unknown> }>> };
  assert.equal(article.meta.title, 'Ferry timetable changes');
  assert.equal(article.meta.format, 'html');
  assert.match(article.meta.url ?? '', /\/story$/);
  assert.match(article.text, /leave an hour earlier/);
  assert.doesNotMatch(article.text, /alert\(|Home \| Weather/);
  assert.ok(article.layers.quotes.some((q) => String(q.attrs?.speakerText ?? '').includes('Mara Quill')));
});

test('a redirect from a public address to a private one is refused (the guard checks every hop)', async () => {
  // The first hop goes to a public address literal; http.request is redirected to a local
  // server for that hop only, which answers with a redirect to a private address.
  let hits = 0;
  const redirector = http.createServer((_req, res) => {
    hits++;
    res.writeHead(302, { location: 'http://10.20.30.40/story' });
    res.end();
  });
  await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
  const port = (redirector.address() as AddressInfo).port;
  const original = http.request;
  const redirect = mock.method(http, 'request', ((url: URL, options: http.RequestOptions) =>
    url.hostname === '93.184.216.34' ? original(new URL(`http://127.0.0.1:${port}${url.pathname}`), { ...options, lookup: undefined }) : original(url, options)) as typeof http.request);
  try {
    const res = await analyze(guarded.url, 'http://93.184.216.34/start');
    assert.equal(hits, 1, 'the public first hop was fetched');
    assert.equal(res.status, 422);
    assert.match((await res.json() as { error: string }).error, /10\.20\.30\.40.*private/);
  } finally {
    redirect.mock.restore();
    redirector.close();
  }
});
