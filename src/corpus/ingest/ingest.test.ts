import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ingest } from './ingest.js';
import { inlineAnalyzer, workerAnalyzer } from './pool.js';
import { openSqliteStore } from '../sqlite/store.js';
import { readSources } from '../../ingest/index.js';

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'spinscope.js');
const PLACES = ['Velmora', 'Brennhavn', 'Oststadt', 'Kallisto', 'Marrow Bay', 'Tessin Ford'];
const TOPICS = ['harbour fees', 'tram fares', 'school meals', 'river flooding', 'grain prices', 'bridge repairs'];

/** Writes n distinct invented articles into a directory. */
function writeArticles(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const place = PLACES[i % PLACES.length];
    const topic = TOPICS[(i * 7) % TOPICS.length];
    const body = Array.from({ length: 6 }, (_, k) => `Council members in ${place} debated ${topic} for the ${k + 1}th time on day ${i}, and officials said a vote on item ${i * 10 + k} would follow.`).join(' ');
    writeFileSync(join(dir, `a${String(i).padStart(4, '0')}.txt`), `${place} council debates ${topic} (${i})\n\n${body}\n`);
  }
}

const count = (db: string, sql: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare(sql).get() as { c: number }).c;
  } finally {
    d.close();
  }
};

test('ingest stores each article once, reports bad items and goes on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-ingest-'));
  try {
    writeArticles(join(dir, 'in'), 12);
    writeFileSync(join(dir, 'in', 'empty.txt'), '   \n');
    writeFileSync(join(dir, 'in', 'copy.txt'), `Velmora council debates harbour fees (0)\n\n${'x'.repeat(5)}\n`);
    const store = openSqliteStore(join(dir, 'c.db'));
    let settled = 0;
    const settle = store.settleStories.bind(store);
    store.settleStories = () => (settled++, settle());
    const problems: string[] = [];
    const analyzer = await inlineAnalyzer();
    const inputs = [join(dir, 'in'), join(dir, 'missing.txt'), join(dir, 'in', 'a0001.txt')];
    const r = await ingest(readSources(inputs), store, { analyzer, batchSize: 4, onProblem: (p) => problems.push(`${p.code} ${p.origin}`) });
    assert.equal(r.stored, 13);
    assert.equal(r.failed, 2);
    assert.equal(r.skipped, 1, 'a0001.txt given twice is analysed once');
    assert.ok(problems.some((p) => p.startsWith('not-found')) && problems.some((p) => p.startsWith('empty')));
    const again = await ingest(readSources([join(dir, 'in')]), store, { analyzer });
    assert.deepEqual([again.stored, again.skipped], [0, 13]);
    assert.equal(settled, 1, 'stories settled once at the end of the run that stored articles, not after a run that stored none');
    assert.equal((await store.info()).articles, 13);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('kill -9 in the middle of an ingest, run again: nothing lost, nothing duplicated', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-kill-'));
  const N = 400;
  try {
    writeArticles(join(dir, 'in'), N);
    const db = join(dir, 'c.db');
    const args = [BIN, 'ingest', join(dir, 'in'), '--db', db, '--workers', '1', '--batch', '5', '--quiet'];
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    let atKill = 0;
    // Up to a minute: on a busy machine the child takes a while to start its worker and store the first batches.
    for (let tries = 0; tries < 2400 && atKill < 20; tries++) {
      await new Promise((r) => setTimeout(r, 25));
      try {
        atKill = count(db, 'SELECT count(*) c FROM articles');
      } catch {
        /* not created yet */
      }
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const afterKill = count(db, 'SELECT count(*) c FROM articles');
    assert.ok(afterKill > 0 && afterKill < N, `killed mid-way (${afterKill} of ${N} stored)`);
    const rerun = spawnSync(process.execPath, [...args.slice(0, -1)], { encoding: 'utf8' });
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.match(rerun.stderr, new RegExp(`skipped ${afterKill} `));
    assert.equal(count(db, 'SELECT count(*) c FROM articles'), N);
    assert.equal(count(db, 'SELECT count(DISTINCT text) c FROM articles'), N);
    assert.equal(count(db, 'SELECT count(*) c FROM articles_fts_docsize'), N, 'full-text index has each article once');
    assert.equal(count(db, 'SELECT count(*) c FROM article_layers'), N, 'layers stored once per article');
    assert.equal(count(db, 'SELECT count(*) c FROM articles a LEFT JOIN article_links l ON l.article = a.n WHERE l.story IS NULL OR l.story NOT IN (SELECT id FROM stories)'), 0);
    assert.equal(count(db, 'SELECT sum(size) c FROM stories'), N, 'story sizes add up after merges');
    assert.equal(count(db, "SELECT count(*) c FROM pragma_integrity_check WHERE integrity_check != 'ok'"), 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('reanalyze re-runs the pipeline on articles from older stage versions, keeping reader layers', async () => {
  const { reanalyze, sourceOf } = await import('./reanalyze.js');
  const analyzer = await inlineAnalyzer();
  const store = openSqliteStore(':memory:');
  const current = await analyzer.analyze({ text: 'Fresh news\n\nThe council met on Monday.', meta: {}, notices: [] });
  const old = await analyzer.analyze({ text: 'Old news\n\nThe council met on Sunday.', meta: { outlet: 'Ledger' }, notices: [], layers: { captions: [{ start: 0, end: 3, label: 'caption' }] } });
  await store.putArticles([current, { ...old, analysis: { ...old.analysis, nlp: '0' }, layers: { ...old.layers, tokens: [] } }]);
  assert.deepEqual(Object.keys(sourceOf(old).layers ?? {}), ['captions']);
  const r = await reanalyze(store, analyzer);
  assert.deepEqual(r, { stale: 1, updated: 1 });
  assert.deepEqual(await store.staleArticles(analyzer.version), []);
  const back = (await store.listArticles({ outlet: 'Ledger' })).items[0];
  const article = (await store.getArticle(back.id))!;
  assert.ok(article.layers.tokens.length > 5, 'tokens recomputed');
  assert.deepEqual(article.layers.captions, [{ start: 0, end: 3, label: 'caption' }]);
  await store.close();
});

test('workers store exactly what in-thread analysis stores (articles, layers, rows, stories), also writing themselves', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-same-'));
  try {
    writeArticles(join(dir, 'in'), 30);
    // In memory the workers cannot write (the main thread does); on a file they write their batches.
    const dump = async (analyzer: Awaited<ReturnType<typeof inlineAnalyzer>>, path = ':memory:') => {
      const store = openSqliteStore(path);
      assert.equal(!!store.split, path !== ':memory:');
      await ingest(readSources([join(dir, 'in')]), store, { analyzer, batchSize: 4 });
      await analyzer.close();
      const tables = ['entities', 'sources', 'quotes', 'techniques', 'persons', 'stories', 'threads', 'fingerprints', 'terms'];
      const rows = Object.fromEntries(tables.map((t) => [t, store.db.prepare(`SELECT * FROM ${t} ORDER BY ${t === 'terms' ? 'term' : 'rowid'}`).raw().all()]));
      const ids = store.db.prepare('SELECT id FROM articles ORDER BY n').pluck().all() as string[];
      const articles = await Promise.all(ids.map((id) => store.getArticle(id)));
      const links = store.db.prepare('SELECT a.id, l.story, l.duplicate_of FROM articles a LEFT JOIN article_links l ON l.article = a.n ORDER BY a.n').raw().all();
      await store.close();
      return { rows, articles, links };
    };
    const inline = await dump(await inlineAnalyzer());
    assert.equal(inline.articles.length, 30);
    assert.deepEqual(await dump(await workerAnalyzer(1)), inline);
    // A tiny nursery (scavenges all the time) changes nothing stored (see POOL.workerYoungGenerationMb).
    assert.deepEqual(await dump(await workerAnalyzer(1, { youngGenerationMb: 1 }), join(dir, 'one.db')), inline, 'one worker writing');
    assert.deepEqual(await dump(await workerAnalyzer(2), join(dir, 'two.db')), inline, 'two workers writing, batches in input order');
    assert.equal(count(join(dir, 'two.db'), 'SELECT count(*) c FROM pending_links'), 0, 'every written article linked');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('articles written by a worker but not linked when a run stopped are linked by the next run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-unlinked-'));
  try {
    writeArticles(join(dir, 'in'), 6);
    const path = join(dir, 'c.db');
    const store = openSqliteStore(path);
    const analyzer = await inlineAnalyzer();
    // A worker's transaction committed, then the process died before linking: rows and pending links only.
    const { openRowWriter } = await import('../sqlite/store.js');
    const writer = openRowWriter(store.split!.target);
    const docs = [];
    for await (const d of readSources([join(dir, 'in')])) if (!('error' in d)) docs.push(await analyzer.prepare(d));
    const written = writer.write(docs.slice(0, 4));
    writer.close();
    assert.deepEqual(written.map((w) => w.created), [true, true, true, true]);
    assert.equal(count(path, 'SELECT count(*) c FROM articles a LEFT JOIN article_links l ON l.article = a.n WHERE l.story IS NULL'), 4);
    assert.deepEqual(await store.split!.unlinked(), written, 'what linking needs is derived again, equal');
    const workers = await workerAnalyzer(1);
    const r = await ingest(readSources([join(dir, 'in')]), store, { analyzer: workers });
    await workers.close();
    assert.deepEqual([r.stored, r.skipped], [2, 4]);
    assert.equal(count(path, 'SELECT count(*) c FROM pending_links'), 0);
    assert.equal(count(path, 'SELECT count(*) c FROM articles a LEFT JOIN article_links l ON l.article = a.n WHERE l.story IS NULL OR l.story NOT IN (SELECT id FROM stories)'), 0);
    assert.equal(count(path, 'SELECT sum(size) c FROM stories'), 6);
    assert.equal(count(path, 'SELECT count(*) c FROM fingerprints'), 6, 'near-duplicate fingerprints of all six');
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('writing workers: a locked database stops the ingest with a clear error and loses nothing committed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-locked-'));
  try {
    writeArticles(join(dir, 'in'), 8);
    const path = join(dir, 'c.db');
    const store = openSqliteStore(path, { busyTimeoutMs: 50 });
    const workers = await workerAnalyzer(2);
    const first = await ingest(readSources([join(dir, 'in', 'a0000.txt'), join(dir, 'in', 'a0001.txt')]), store, { analyzer: workers });
    assert.equal(first.stored, 2);
    const other = new Database(path);
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const { SpinscopeError } = await import('../../model/index.js');
      await assert.rejects(ingest(readSources([join(dir, 'in')]), store, { analyzer: workers, batchSize: 3 }), (e: unknown) => e instanceof SpinscopeError && e.code === 'db-locked' && /locked/.test(e.message));
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    assert.equal(count(path, 'SELECT count(*) c FROM articles'), 2, 'what was committed is kept, nothing half-written');
    const again = await ingest(readSources([join(dir, 'in')]), store, { analyzer: workers, batchSize: 3 });
    assert.deepEqual([again.stored, again.skipped], [6, 2]);
    assert.equal(count(path, 'SELECT count(*) c FROM articles a LEFT JOIN article_links l ON l.article = a.n WHERE l.story IS NULL'), 0);
    await workers.close();
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
