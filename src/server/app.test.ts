import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pipeline } from '../pipeline.js';
import { createApp, type ServerDeps } from './app.js';
import { readHtmlDocument } from './readers.js';
import { openStore } from '../corpus/index.js';
import { INPUT_LIMITS } from './schemas.js';
import { readDemoCorpus } from './demo.js';
import { toCsv } from './csv.js';

const pipeline = await Pipeline.build();

async function makeApp(extra: Partial<ServerDeps> = {}) {
  const store = extra.store ?? await openStore(':memory:');
  const app = createApp({ store, analyze: (d) => pipeline.run(d), stages: pipeline.stages.map((s) => s.name), readHtml: readHtmlDocument, ...extra });
  return { app, store };
}

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers },
});

test('analyze returns the article with its layers and a strict CSP', async () => {
  const { app } = await makeApp();
  const res = await app.request('/api/analyze', post({ text: 'Quays fell silent.\n\n“We will not give up,” said Ada Brine, a union leader.' }));
  assert.equal(res.status, 200);
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  const article = await res.json() as { text: string; layers: Record<string, unknown[]> };
  assert.ok(article.text.startsWith('Quays'));
  assert.ok(article.layers.sentences.length >= 2);
});

test('invalid input is a 400 with a one-line message, never a stack', async () => {
  const { app } = await makeApp();
  for (const body of [{}, { text: 'a', html: '<p>b</p>' }, { text: 'a', evil: 1 }, '{not json', { url: 'file:///etc/passwd' }]) {
    const res = await app.request('/api/analyze', post(body));
    assert.equal(res.status, 400, JSON.stringify(body));
    const json = await res.json() as { error: string };
    assert.match(json.error, /^invalid request/);
    assert.doesNotMatch(JSON.stringify(json), /at .*\.ts:\d+|node_modules/);
  }
  const bad = await app.request('/api/articles?limit=-3');
  assert.equal(bad.status, 400);
  // A well-formed but impossible date filtered silently to nothing.
  const date = await app.request('/api/stats?from=2026-13-45');
  assert.equal(date.status, 400);
  assert.match((await date.json() as { error: string }).error, /no month 13/);
  assert.equal((await app.request('/api/stats?from=2024-02-29')).status, 200);
});

test('bodies over the limit are refused with 413', async () => {
  const { app } = await makeApp();
  const res = await app.request('/api/analyze', post({ text: 'x'.repeat(INPUT_LIMITS.maxBodyBytes + 10) }));
  assert.equal(res.status, 413);
});

test('URL analysis without a fetcher is a clear 501; a failing fetch is a 502 without details of the stack', async () => {
  assert.equal((await (await makeApp()).app.request('/api/analyze', post({ url: 'https://example.org/a' }))).status, 501);
  const { app } = await makeApp({ fetchUrl: async () => { throw new Error('blocked private address'); } });
  const res = await app.request('/api/analyze', post({ url: 'http://10.0.0.1/' }));
  assert.equal(res.status, 502);
  assert.match((await res.json() as { error: string }).error, /blocked private address/);
});

test('server errors are a bare 500: no message, no stack', async () => {
  const lines: string[] = [];
  const store = await openStore(':memory:');
  store.listArticles = async () => { throw new Error('secret path /var/db/corpus.db exploded'); };
  const { app } = await makeApp({ store, log: (l) => lines.push(l) });
  const res = await app.request('/api/articles');
  assert.equal(res.status, 500);
  const text = await res.text();
  assert.equal(text, '{"error":"internal error"}');
  assert.equal(lines.length, 1);
});

test('write endpoints need the token when one is set; reads do not', async () => {
  const { app } = await makeApp({ token: 'tok-123' });
  const body = { text: 'The port reopened on Tuesday.', meta: { outlet: 'Test Gazette' } };
  assert.equal((await app.request('/api/articles', post(body))).status, 401);
  assert.equal((await app.request('/api/articles', post(body, { Authorization: 'Bearer wrong' }))).status, 401);
  const ok = await app.request('/api/articles', post(body, { Authorization: 'Bearer tok-123' }));
  assert.equal(ok.status, 201);
  const { id } = await ok.json() as { id: string };
  assert.equal((await app.request(`/api/articles/${id}`)).status, 200);
  assert.equal((await app.request('/api/analyze', post(body))).status, 200);
});

test('corpus routes: list, filter, story, search, stats, export (demo corpus)', async () => {
  const { app, store } = await makeApp();
  await store.putArticles(readDemoCorpus().map((d) => pipeline.run(d)));
  const list = await (await app.request('/api/articles?outlet=Meridian%20Wire&limit=3')).json() as { total: number; items: Array<{ outlet: string }> };
  assert.ok(list.total >= 5);
  assert.equal(list.items.length, 3);
  assert.ok(list.items.every((a) => a.outlet === 'Meridian Wire'));
  const stories = await (await app.request('/api/stories')).json() as { items: Array<{ id: string; size: number }> };
  assert.ok(stories.items[0].size >= 3);
  const story = await (await app.request(`/api/stories/${stories.items[0].id}`)).json() as { articles: unknown[] };
  assert.equal(story.articles.length, stories.items[0].size);
  const first = (story.articles[0] as { id: string }).id;
  const whole = await (await app.request(`/api/articles/${first}`)).json() as { text: string; layers: Record<string, unknown[]>; findings: object };
  const some = await (await app.request(`/api/articles/${first}?layers=quotes,techniques,nosuch`)).json() as typeof whole;
  assert.deepEqual(Object.keys(some.layers).sort(), ['quotes', 'techniques'], 'only the named layers (an unknown name is left out)');
  assert.deepEqual(some.layers.quotes, whole.layers.quotes);
  assert.equal(some.text, whole.text);
  assert.deepEqual(some.findings, whole.findings);
  assert.ok(JSON.stringify(some).length < JSON.stringify(whole).length / 2, 'without tokens and sentences the answer is much smaller');
  assert.equal((await app.request(`/api/articles/${first}?layers=quotes;drop`)).status, 400);
  const search = await (await app.request('/api/search?q=crowns')).json() as { total: number; facets: { outlet: unknown[] }; items: Array<{ snippet: string }> };
  assert.ok(search.total > 0 && search.facets.outlet.length > 0);
  assert.match(search.items[0].snippet, /\[crowns\]/i);
  const speakers = await (await app.request('/api/speakers?limit=200')).json() as { items: Array<{ name: string }> };
  const names = speakers.items.map((s) => s.name);
  assert.ok(names.includes('Miriam Okafor'));
  assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), [], 'each demo speaker is listed once');
  // Unnamed sources ("analysts said") are marked and can be left out or listed alone.
  const named = await (await app.request('/api/speakers?generic=false&limit=200')).json() as { items: Array<{ name: string; generic: boolean }> };
  const unnamed = await (await app.request('/api/speakers?generic=true&limit=200')).json() as { items: Array<{ name: string; generic: boolean }> };
  assert.ok(named.items.every((s) => !s.generic) && unnamed.items.every((s) => s.generic) && unnamed.items.some((s) => s.name === 'analysts'));
  assert.equal(named.items.length + unnamed.items.length, speakers.items.length);
  assert.equal((await app.request('/api/speakers?generic=yes')).status, 400);
  const search2 = await (await app.request('/api/search?q=crowns')).json() as { facets: { story: Array<{ value: string; label?: string }> } };
  assert.ok(search2.facets.story.every((f) => /^s\d+$/.test(f.value) && f.label && !/^s\d+$/.test(f.label)), 'story facets carry the story label');
  const stats = await (await app.request('/api/stats')).json() as { articles: number; perDay: unknown[] };
  assert.ok(stats.articles >= 20 && stats.perDay.length > 5);
  const csv = await app.request('/api/export/articles?format=csv');
  assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
  assert.match(await csv.text(), /^id,title,outlet/);
  assert.equal((await app.request('/api/export/passwords')).status, 404);
  assert.equal((await app.request('/api/stories/nope')).status, 404);
  // A story's articles come a page at a time.
  const firstTwo = await (await app.request(`/api/stories/${stories.items[0].id}?limit=2`)).json() as { articles: Array<{ id: string }>; offset: number };
  const rest = await (await app.request(`/api/stories/${stories.items[0].id}?limit=100&offset=2`)).json() as { articles: Array<{ id: string }>; offset: number };
  assert.equal(firstTwo.articles.length, 2);
  assert.equal(rest.offset, 2);
  assert.deepEqual([...firstTwo.articles, ...rest.articles].map((a) => a.id), (story.articles as Array<{ id: string }>).map((a) => a.id));
  // Exports stream the same bytes the whole table would make, in every format.
  for (const kind of ['articles', 'quotes', 'speakers', 'stories'] as const) {
    const records: Record<string, unknown>[] = [];
    for await (const r of store.exportRecords(kind)) records.push(r);
    assert.ok(records.length > 0, kind);
    assert.equal(await (await app.request(`/api/export/${kind}?format=csv`)).text(), toCsv(records), `${kind} csv`);
    assert.equal(await (await app.request(`/api/export/${kind}?format=jsonl`)).text(), records.map((r) => JSON.stringify(r)).join('\n') + '\n', `${kind} jsonl`);
    assert.deepEqual(await (await app.request(`/api/export/${kind}?format=json`)).json(), records, `${kind} json`);
  }
});

test('the OpenAPI document lists every route', async () => {
  const { app } = await makeApp();
  const doc = await (await app.request('/api/openapi.json')).json() as { openapi: string; paths: Record<string, unknown> };
  assert.equal(doc.openapi, '3.1.0');
  for (const p of ['/api/analyze', '/api/articles', '/api/articles/{id}', '/api/stories', '/api/speakers', '/api/entities', '/api/search', '/api/stats', '/api/export/{kind}']) assert.ok(doc.paths[p], p);
});

test('static files are served from the build only, never outside it', async () => {
  const root = mkdtempSync(join(tmpdir(), 'spinscope-web-'));
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(root, 'secret.txt'), 'secret');
  const { app } = await makeApp({ staticDir: join(root, 'dist') });
  const page = await app.request('/');
  assert.equal(page.status, 200);
  assert.ok(page.headers.get('content-security-policy'));
  assert.equal((await app.request('/..%2fsecret.txt')).status, 404);
  assert.equal((await app.request('/%2e%2e/secret.txt')).status, 404);
});

test('HTML input: scripts and handlers never reach the text', async () => {
  const doc = readHtmlDocument('<html><head><title>T</title><script>alert(1)</script></head><body><p>Hello <b>there</b></p><img src=x onerror="alert(2)"><p>Bye</p></body></html>');
  assert.equal(doc.text, 'Hello there\n\nBye');
  assert.equal(doc.meta.title, 'T');
});

test('CSV cells are quoted and formula-looking text is defused', () => {
  assert.equal(toCsv([{ a: 'x,y', b: '=SUM(A1)', c: 3 }]), 'a,b,c\r\n"x,y",\'=SUM(A1),3\r\n');
});

test('text the CLI would refuse is refused here too: empty, white space only, binary (400, said in words)', async () => {
  const { app } = await makeApp();
  const cases: Array<[unknown, RegExp]> = [
    [{ text: '' }, /^invalid request: text: is empty$/],
    [{ text: '  \n\t ' }, /^invalid request: text: has no text \(only white space\)$/],
    [{ text: 'ELF\u0000\u0001\u0002 binary' }, /^invalid request: text: looks like binary data, not text$/],
    [{ html: '\u0003\u0004'.repeat(50) }, /^invalid request: html: looks like binary data, not text$/],
  ];
  for (const [body, message] of cases) {
    const res = await app.request('/api/analyze', post(body));
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.match((await res.json() as { error: string }).error, message);
  }
  // Tabs, form feeds and newlines are text.
  assert.equal((await app.request('/api/analyze', post({ text: 'Port reopens\f\n\n\tThe port reopened on Tuesday.' }))).status, 200);
});

test('a search the index cannot read is a 400 with the reason, not a 500', async () => {
  const lines: string[] = [];
  const { app, store } = await makeApp({ log: (l) => lines.push(l) });
  await store.putArticle(pipeline.run({ text: 'Harbour talks\n\nThe harbour board met the pilots on Friday.', meta: {}, notices: [] }));
  for (const q of ['AND', '"unbalanced', 'NOT OR']) {
    const res = await app.request(`/api/search?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 400, q);
    assert.match((await res.json() as { error: string }).error, /^cannot read the search ".*": .+ \(quote phrases in pairs/);
  }
  const blank = await app.request('/api/search?q=%20%20');
  assert.equal(blank.status, 400);
  assert.equal((await blank.json() as { error: string }).error, 'invalid request: q: give some words to search for');
  assert.equal((await app.request('/api/search?q=harbour')).status, 200);
  assert.deepEqual(lines, [], 'client errors are not logged as server errors');
});

test('a busy port or a foreign address is a one-line error, not an unhandled event', async () => {
  const { startServer } = await import('./server.js');
  const { SpinscopeError } = await import('../model/index.js');
  const store = await openStore(':memory:');
  const first = await startServer({ store, pipeline, workers: 0, port: 0 });
  try {
    await assert.rejects(startServer({ store, pipeline, workers: 0, port: first.port }), (e: unknown) =>
      e instanceof SpinscopeError && e.code === 'port-in-use' && e.message.startsWith(`port ${first.port} on 127.0.0.1 is already in use`));
    await assert.rejects(startServer({ store, pipeline, workers: 0, port: 0, host: '192.0.2.7' }), (e: unknown) => e instanceof SpinscopeError && e.code === 'bad-host');
  } finally {
    await first.close();
  }
});

test('a refused URL tells the web user the switch is the server\'s (422)', async () => {
  const { SpinscopeError } = await import('../model/index.js');
  const { app } = await makeApp({ fetchUrl: async () => { throw new SpinscopeError('private-address', 'intranet.local resolves to a private, loopback or link-local address (10.0.0.5); use --allow-private to fetch it'); } });
  const res = await app.request('/api/analyze', post({ url: 'http://intranet.local/' }));
  assert.equal(res.status, 422);
  assert.match((await res.json() as { error: string }).error, /^URL refused: .*\(10\.0\.0\.5\); the server must be started with --allow-private to fetch it$/);
});

test('a corpus that cannot take writes is a 503 that says so; reads go on', async () => {
  const { SpinscopeError } = await import('../model/index.js');
  const lines: string[] = [];
  const store = await openStore(':memory:');
  store.putArticle = async () => { throw new SpinscopeError('db-readonly', 'database /srv/secret/corpus.db is read-only'); };
  const { app } = await makeApp({ store, log: (l) => lines.push(l) });
  const res = await app.request('/api/articles', post({ text: 'Mill to close\n\nThe mill will close in May, the union said.' }));
  assert.equal(res.status, 503);
  const { error } = await res.json() as { error: string };
  assert.match(error, /^the corpus is read-only/);
  assert.doesNotMatch(error, /secret/, 'no server path for the client');
  assert.equal(lines.length, 1, 'logged for the operator');
  assert.equal((await app.request('/api/articles')).status, 200);
});

test('without a built web app, / says how to build it (API still served)', async () => {
  const { app } = await makeApp();
  const res = await app.request('/');
  assert.equal(res.status, 404);
  assert.match(await res.text(), /web app is not built: run `npm run build:web`/);
  assert.equal((await app.request('/api/openapi.json')).status, 200);
});

test('meta.published is stored as an ISO date, and a non-date is refused (it would sort after every real date)', async () => {
  const { app } = await makeApp();
  const text = 'Mill to close\n\nThe mill will close in May, the union said.';
  const bad = await app.request('/api/articles', post({ text, meta: { published: 'not a date' } }));
  assert.equal(bad.status, 400);
  assert.match((await bad.json() as { error: string }).error, /^invalid request: meta\.published: "not a date" is not a date/);
  const ok = await app.request('/api/articles', post({ text, meta: { published: '10 March 2026' } }));
  assert.equal(ok.status, 201);
  assert.equal((await ok.json() as { article: { meta: { published: string } } }).article.meta.published, '2026-03-10');
  const list = await (await app.request('/api/articles?from=2026-03-01')).json() as { total: number };
  assert.equal(list.total, 1);
});
