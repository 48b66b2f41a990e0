import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../model/index.js';
import type { SourceDocument } from '../ingest/types.js';
import { openStore } from '../corpus/index.js';
import { BusyError, boundedAnalyzer, startAnalysisPool } from './analysis-pool.js';
import { createApp } from './app.js';
import { readHtmlDocument } from './readers.js';

const doc = (text: string): SourceDocument => ({ text, meta: {}, notices: [] });

/** An analysis that finishes when the test says so. */
function controllable() {
  const waiting: Array<() => void> = [];
  const run = (d: SourceDocument) => new Promise<Article>((resolve) => waiting.push(() => resolve({ text: d.text } as Article)));
  return { run, finishOne: () => waiting.shift()?.() };
}

test('the queue is bounded: over maxQueue a BusyError comes at once', async () => {
  const { run, finishOne } = controllable();
  const pool = boundedAnalyzer(run, 2, 10_000);
  const a = pool.analyze(doc('a'));
  const b = pool.analyze(doc('b'));
  await assert.rejects(pool.analyze(doc('c')), BusyError);
  assert.equal(pool.inFlight, 2);
  finishOne();
  assert.equal((await a).text, 'a');
  assert.equal(pool.inFlight, 1);
  const c = pool.analyze(doc('c'));
  finishOne();
  finishOne();
  assert.deepEqual([(await b).text, (await c).text], ['b', 'c']);
  assert.equal(pool.inFlight, 0);
});

test('a slow analysis is a BusyError at the deadline and keeps its slot until it really ends', async () => {
  const { run, finishOne } = controllable();
  const pool = boundedAnalyzer(run, 1, 50);
  await assert.rejects(pool.analyze(doc('slow')), (err: unknown) => err instanceof BusyError && /longer than/.test(err.message));
  await assert.rejects(pool.analyze(doc('next')), /busy/);
  finishOne();
  await new Promise((r) => setImmediate(r));
  assert.equal(pool.inFlight, 0);
});

test('the app answers 503 with Retry-After when the pool is busy', async () => {
  const app = createApp({
    store: await openStore(':memory:'), stages: [], readHtml: readHtmlDocument,
    analyze: () => Promise.reject(new BusyError('the server is busy', 3)),
  });
  const res = await app.request('/api/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'The ferry left.' }) });
  assert.equal(res.status, 503);
  assert.equal(res.headers.get('retry-after'), '3');
  assert.match((await res.json() as { error: string }).error, /busy/);
});

test('worker threads analyse with the default pipeline, in parallel', { timeout: 60_000 }, async () => {
  const pool = await startAnalysisPool({ workers: 2, warmupRuns: 1 });
  try {
    const texts = ['“We will reopen the quay on Monday,” said Ada Brine, a union leader.', 'The council voted 7 to 2 on Tuesday to close the old ferry pier.'];
    const articles = await Promise.all(texts.map((t) => pool.analyze(doc(t))));
    assert.deepEqual(articles.map((a) => a.text), texts);
    assert.ok(articles.every((a) => (a.layers.tokens?.length ?? 0) > 5));
    assert.equal(pool.inFlight, 0);
  } finally {
    await pool.close();
  }
});
