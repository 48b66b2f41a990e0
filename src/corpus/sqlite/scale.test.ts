import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore, SQLITE, type SqliteStore } from './store.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { fixtureArticle, fixtureCorpus, type FixtureSpec } from '../fixtures.js';
import { nameKey } from '../derive.js';
import { createArticle } from '../../model/index.js';
import type { Article } from '../../model/index.js';
import type { ArticleFilter } from '../store.js';

/*
 * The query paths made for large corpora (schema 6: covering indexes, kept counts, sets for
 * filters, facets over the best matches) must answer exactly as the plain queries did.
 */

const tmp = () => mkdtempSync(join(tmpdir(), 'spinscope-scale-'));

const OUTLETS = ['The Northern Ledger', 'Coastal Courier', 'Wire Digest', 'Harbour Post'];
const PEOPLE: Array<[string, string, string]> = [['Tomas Ekvall', 'minister', 'Arveland'], ['Ilse Varga', 'negotiator', 'Kostria'], ['Mara Lindqvist', 'engineer', 'Oststadt council'], ['Piet Oranje', 'mayor', 'Brennhavn']];
const PLACES = ['Velmora', 'Arveland', 'Kostria', 'Brennhavn', 'Oststadt'];
const TECHNIQUES = ['Loaded_Language', 'Doubt', 'Flag-Waving'];

/** The fixture corpus and `n` more invented articles with varied outlets, sections, speakers, places and techniques. */
function variedCorpus(n = 36): Article[] {
  const more = Array.from({ length: n }, (_, i): Article => {
    const spec: FixtureSpec = {
      title: `Harbour report ${i}: ${PLACES[i % 5]} council meets over ${['quotas', 'trams', 'bridges'][i % 3]}`,
      outlet: OUTLETS[i % 4], section: ['World', 'City', 'Business'][i % 3],
      published: `2031-0${1 + (i % 4)}-${String(1 + (i % 27)).padStart(2, '0')}T08:00:00Z`,
      body: [`The council of ${PLACES[i % 5]} met on the harbour question for the ${i}th time this year.`, `Delegates from ${PLACES[(i + 2) % 5]} said the ${['quotas', 'trams', 'bridges'][i % 3]} would be settled soon.`],
      speakers: PEOPLE.filter((_, k) => (i + k) % 3 === 0),
      entities: [[PLACES[i % 5], 'LOC'], [PLACES[(i + 2) % 5], 'LOC'], ...(i % 2 ? [[PEOPLE[i % 4][0], 'PER'] as [string, string]] : [])],
      technique: i % 4 === 3 ? undefined : TECHNIQUES[i % 3],
    };
    return fixtureArticle(spec);
  });
  return [...fixtureCorpus(), ...more];
}

/** Everything the store answers that the kept counts feed. */
async function countsSnapshot(store: SqliteStore) {
  const speakers = await store.listSpeakers({ limit: 1000 });
  const exported: Record<string, unknown>[] = [];
  for await (const r of store.exportRecords('speakers')) exported.push(r);
  return {
    stats: await store.stats(),
    statsOutlet: await store.stats({ outlet: 'Coastal Courier' }),
    speakers,
    byOutlet: await store.listSpeakers({ outlet: 'Wire Digest', limit: 1000 }),
    details: await Promise.all(speakers.items.map((s) => store.getSpeaker(s.id))),
    exported,
  };
}

/** The same store read with its kept counts hidden (a read-only connection then counts from the rows). */
async function fromRows(path: string) {
  const raw = new Database(path);
  const upto = raw.prepare("SELECT value FROM kv WHERE key = 'agg_upto'").pluck().get();
  raw.prepare("DELETE FROM kv WHERE key = 'agg_upto'").run();
  raw.close();
  const store = openSqliteStore(path, { readonly: true });
  try {
    return await countsSnapshot(store);
  } finally {
    await store.close();
    const back = new Database(path);
    back.prepare("INSERT INTO kv(key, value) VALUES ('agg_upto', ?)").run(upto);
    back.close();
  }
}

async function fromCounts(path: string) {
  const store = openSqliteStore(path, { readonly: true });
  try {
    assert.ok(Number(store.db.prepare("SELECT value FROM kv WHERE key = 'agg_upto'").pluck().get()) > 0, 'the counts are kept');
    return await countsSnapshot(store);
  } finally {
    await store.close();
  }
}

test('kept counts (top entities and speakers, speakers per outlet, techniques per outlet) answer as the rows do, after puts and re-analysis', async () => {
  const dir = tmp();
  const path = join(dir, 'c.db');
  try {
    let store = openSqliteStore(path);
    const articles = variedCorpus();
    await store.putArticles(articles);
    await store.close();
    const kept = await fromCounts(path);
    assert.ok(kept.stats.topEntities.length > 0 && kept.stats.topSpeakers.length > 0 && Object.keys(kept.stats.techniquesByOutlet).length > 1);
    assert.deepEqual(kept, await fromRows(path));
    // Re-analysis takes an article's old rows out of the counts and puts the new ones in.
    store = openSqliteStore(path);
    const victim = articles[1];
    const id = (await store.listArticles({ outlet: 'Coastal Courier', limit: 1000 })).items.find((a) => a.title === victim.meta.title)!.id;
    const before = (await store.stats()).techniquesByOutlet['Coastal Courier'];
    await store.replaceArticle(id, { ...victim, layers: { ...victim.layers, quotes: [], techniques: [] }, findings: { ...victim.findings, sources: [], entities: [] } });
    const after = (await store.stats()).techniquesByOutlet['Coastal Courier'];
    assert.ok((after.Loaded_Language ?? 0) < before.Loaded_Language, 'the replaced article no longer counts');
    // A write after the counts were folded: a writable store folds it in before answering.
    await store.putArticle(fixtureArticle({ title: 'Brennhavn mayor opens harbour', outlet: 'Harbour Post', published: '2031-05-01', body: ['The mayor of Brennhavn opened the new harbour.'], speakers: [PEOPLE[3]], entities: [['Brennhavn', 'LOC']], technique: 'Doubt' }));
    assert.equal((await store.stats()).techniquesByOutlet['Harbour Post'].Doubt, (await store.stats({ outlet: 'Harbour Post' })).techniquesByOutlet['Harbour Post'].Doubt);
    await store.close();
    assert.deepEqual(await fromCounts(path), await fromRows(path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The filter as the store wrote it before schema 6 (row columns and EXISTS per article): the reference. */
function plainFilter(f: ArticleFilter): { where: string; params: unknown[] } {
  const c: string[] = [];
  const p: unknown[] = [];
  if (f.outlet) c.push('a.outlet = ?'), p.push(f.outlet);
  if (f.section) c.push('a.section = ?'), p.push(f.section);
  if (f.from) c.push('a.published >= ?'), p.push(f.from);
  if (f.to) c.push('a.published <= ?'), p.push(f.to + '\uffff');
  if (f.story) c.push('a.n IN (SELECT article FROM article_links WHERE story = ?)'), p.push(f.story);
  if (f.technique) c.push('EXISTS (SELECT 1 FROM techniques t WHERE t.article = a.n AND t.technique = ?)'), p.push(f.technique);
  if (f.entity) c.push('EXISTS (SELECT 1 FROM entities e WHERE e.article = a.n AND e.key = ?)'), p.push(nameKey(f.entity));
  if (f.speaker) {
    const person = '(SELECT id FROM persons WHERE id = ? OR key = ? OR name = ? COLLATE NOCASE)';
    c.push(`(EXISTS (SELECT 1 FROM sources s WHERE s.article = a.n AND s.person IN ${person}) OR EXISTS (SELECT 1 FROM quotes q WHERE q.article = a.n AND q.person IN ${person}))`);
    p.push(f.speaker, nameKey(f.speaker), f.speaker, f.speaker, nameKey(f.speaker), f.speaker);
  }
  return { where: c.length ? c.join(' AND ') : '1', params: p };
}

/** Search as the store answered before schema 6 (facets over every match). */
function plainSearch(db: Database.Database, query: string, f: ArticleFilter) {
  const { where, params } = plainFilter(f);
  const from = 'articles_fts f JOIN articles a ON a.n = f.rowid';
  const w = `articles_fts MATCH ? AND ${where}`;
  const p = [query, ...params];
  const matched = `SELECT a.n FROM ${from} WHERE ${w}`;
  const facet = (sql: string) => (db.prepare(`${sql} ORDER BY count DESC, value LIMIT ${SQLITE.facetSize}`).all(...p) as any[])
    .map((f) => (f.label === null ? { value: f.value, count: f.count } : f));
  return {
    total: (db.prepare(`SELECT count(*) c FROM ${from} WHERE ${w}`).get(...p) as { c: number }).c,
    ids: db.prepare(`SELECT a.id FROM ${from} WHERE ${w} ORDER BY rank, a.n LIMIT 50`).pluck().all(...p),
    facets: {
      outlet: facet(`SELECT a.outlet value, count(*) count FROM articles a WHERE a.n IN (${matched}) AND a.outlet IS NOT NULL GROUP BY a.outlet`),
      section: facet(`SELECT a.section value, count(*) count FROM articles a WHERE a.n IN (${matched}) AND a.section IS NOT NULL GROUP BY a.section`),
      story: facet(`SELECT l.story value, max(s.label) label, count(*) count FROM article_links l LEFT JOIN stories s ON s.id = l.story WHERE l.article IN (${matched}) AND l.story IS NOT NULL GROUP BY l.story`),
      technique: facet(`SELECT technique value, count(DISTINCT article) count FROM techniques WHERE article IN (${matched}) GROUP BY technique`),
      entity: facet(`SELECT max(name) value, count(DISTINCT article) count FROM entities WHERE article IN (${matched}) GROUP BY key`),
      speaker: facet(`SELECT p.name value, count(DISTINCT s.article) count FROM sources s JOIN persons p ON p.id = s.person WHERE s.article IN (${matched}) AND p.generic = 0 GROUP BY p.id`),
    },
  };
}

test('search, listing and filtered statistics answer as the plain queries, for every filter and combinations', async () => {
  const store = openSqliteStore(':memory:');
  await store.putArticles(variedCorpus());
  const story = (await store.listStories({ limit: 1 })).items[0].id;
  const speaker = (await store.listSpeakers({ limit: 1 })).items[0];
  const filters: ArticleFilter[] = [
    {}, { outlet: 'Coastal Courier' }, { section: 'City' }, { from: '2031-02', to: '2031-03' }, { technique: 'Doubt' }, { entity: 'velmora' },
    { speaker: speaker.id }, { speaker: speaker.name }, { speaker: speaker.name.toUpperCase() }, { story }, { outlet: 'Wire Digest', technique: 'Loaded_Language', from: '2031-01-01' }, { section: 'World', entity: 'Kostria', speaker: 'Ilse Varga' },
    // Most of the corpus (techniques per outlet: the kept counts less the articles left out).
    { from: '2031-01-02' },
  ];
  for (const f of filters) {
    for (const q of ['harbour', 'quotas OR trams', '"fishing quotas"']) {
      const got = await store.search(q, f);
      const want = plainSearch(store.db, q, f);
      assert.equal(got.total, want.total, `${q} ${JSON.stringify(f)}: total`);
      assert.deepEqual(new Set(got.items.map((h) => h.id)), new Set(want.ids), `${q} ${JSON.stringify(f)}: hits`);
      assert.deepEqual(got.facets, want.facets, `${q} ${JSON.stringify(f)}: facets`);
      assert.equal(got.facetsOver, undefined);
      assert.ok(got.items.every((h) => h.snippet.includes('[')), 'snippets mark the matches');
    }
    const { where, params } = plainFilter(f);
    const list = await store.listArticles({ ...f, limit: 1000 });
    assert.equal(list.total, (store.db.prepare(`SELECT count(*) FROM articles a WHERE ${where}`).pluck().get(...params)));
    assert.deepEqual(list.items.map((a) => a.id), store.db.prepare(`SELECT a.id FROM articles a WHERE ${where} ORDER BY a.published DESC, a.n DESC`).pluck().all(...params), JSON.stringify(f));
    const stats = await store.stats(f);
    const sel = `SELECT a.n FROM articles a WHERE ${where}`;
    assert.equal(stats.articles, list.total);
    assert.equal(stats.sampledFrom, undefined);
    assert.deepEqual(stats.topSpeakers, store.db.prepare(`SELECT p.name value, count(*) count FROM quotes q JOIN persons p ON p.id = q.person WHERE q.article IN (${sel}) AND p.generic = 0 GROUP BY p.id ORDER BY count DESC, value LIMIT ${SQLITE.facetSize}`).all(...params), JSON.stringify(f));
    assert.deepEqual(stats.topEntities, store.db.prepare(`SELECT max(e.name) value, max(e.type) type, count(DISTINCT e.article) count FROM entities e WHERE e.article IN (${sel}) GROUP BY e.key ORDER BY count DESC, value LIMIT ${SQLITE.facetSize}`).all(...params), JSON.stringify(f));
    assert.equal(stats.speakers, store.db.prepare(`SELECT count(DISTINCT person) FROM (SELECT person FROM sources WHERE article IN (${sel}) UNION SELECT person FROM quotes WHERE article IN (${sel})) x JOIN persons p ON p.id = x.person WHERE p.generic = 0`).pluck().get(...params, ...params));
    assert.equal(stats.outlets, store.db.prepare(`SELECT count(DISTINCT a.outlet) FROM articles a WHERE ${where}`).pluck().get(...params));
    assert.equal(stats.perDay.reduce((s, d) => s + d.count, 0), list.total);
    const techniques: Record<string, Record<string, number>> = {};
    for (const r of store.db.prepare(`SELECT coalesce(a.outlet, '') outlet, t.technique, sum(t.count) c FROM articles a JOIN techniques t ON t.article = a.n WHERE ${where} GROUP BY 1, 2`).all(...params) as any[]) (techniques[r.outlet] ??= {})[r.technique] = r.c;
    assert.deepEqual(stats.techniquesByOutlet, techniques, `${JSON.stringify(f)}: techniques per outlet`);
    const byOutlet = Object.fromEntries(store.db.prepare(`SELECT coalesce(a.outlet, '') outlet, count(*) c FROM articles a WHERE ${where} GROUP BY 1`).raw().all(...params) as [string, number][]);
    assert.deepEqual(stats.articlesByOutlet, byOutlet, `${JSON.stringify(f)}: articles per outlet`);
    assert.equal(stats.stories, store.db.prepare(`SELECT count(DISTINCT story) FROM article_links WHERE article IN (${sel})`).pluck().get(...params));
  }
  assert.ok((await store.stats({ from: '2031-01-02' })).articles > (await store.info()).articles / 2, 'a filter selecting most of the corpus is tested');
  await store.close();
});

test('facets of a search with more matches than SQLITE.facetMatches count the best-ranked ones and say so; the total stays exact', async () => {
  const store = openSqliteStore(':memory:');
  const n = SQLITE.facetMatches + 37;
  const tiny = Array.from({ length: n }, (_, i) => createArticle(`Tide table ${i}\n\nThe tide at the harbour turns at ${i % 12} o'clock${i % 5 ? '' : ', harbour harbour'}.\n`, { title: `Tide table ${i}`, outlet: OUTLETS[i % 4], published: '2031-01-01' }));
  await store.putArticles(tiny, { skipLinking: true });
  const r = await store.search('harbour');
  assert.equal(r.total, n);
  assert.equal(r.facetsOver, SQLITE.facetMatches);
  assert.equal(r.facets.outlet.reduce((s, f) => s + f.count, 0), SQLITE.facetMatches);
  assert.ok(r.items.slice(0, 5).every((h) => /harbour harbour/.test(h.snippet.replace(/[[\]]/g, ''))), 'the best matches come first');
  const last = await store.search('harbour', { offset: n - 10, limit: 50 });
  assert.equal(last.items.length, 10);
  await store.close();
});

test('a story returns its articles a page at a time, oldest first', async () => {
  const store = openSqliteStore(':memory:');
  await store.putArticles(variedCorpus());
  const big = (await store.listStories({ limit: 1 })).items[0];
  assert.ok(big.size >= 3, 'a story of several articles');
  const all = store.db.prepare('SELECT a.id FROM article_links l JOIN articles a ON a.n = l.article WHERE l.story = ? ORDER BY a.published, a.n').pluck().all(big.id);
  const pages: string[] = [];
  for (let offset = 0; offset < big.size; offset += 2) {
    const page = (await store.getStory(big.id, { limit: 2, offset }))!;
    assert.equal(page.offset, offset);
    assert.equal(page.size, all.length);
    pages.push(...page.articles.map((a) => a.id));
  }
  assert.deepEqual(pages, all);
  assert.equal((await store.getStory(big.id))!.articles.length, Math.min(all.length, SQLITE.storyArticles));
  await store.close();
});

test('a schema 5 corpus migrates to the current schema keeping every article and every answer; its counts are folded in when it is next written', async () => {
  const dir = tmp();
  const path = join(dir, 'v5.db');
  try {
    let store = openSqliteStore(path);
    await store.putArticles(variedCorpus());
    const snapshot = async (s: SqliteStore) => ({
      list: await s.listArticles({ limit: 1000 }),
      search: await s.search('harbour', { outlet: 'Coastal Courier' }),
      stories: await s.listStories({ limit: 100 }),
      counts: await countsSnapshot(s),
    });
    const before = await snapshot(store);
    await store.close();
    // The same file as schema 5 left it: version 6's objects dropped, version 5's indexes back.
    const db = new Database(path);
    const v6 = MIGRATIONS.find((m) => m.version === 6)!.sql;
    for (const [, kind, name] of v6.matchAll(/CREATE (INDEX|TABLE) (\w+)/g)) db.exec(`DROP ${kind} IF EXISTS ${name}`);
    for (const [, name] of v6.matchAll(/DROP INDEX (\w+)/g)) db.exec(`DROP INDEX IF EXISTS ${name}`);
    for (const m of MIGRATIONS.filter((m) => m.version <= 5)) for (const [stmt] of m.sql.matchAll(/CREATE INDEX (\w+) ON (\w+)\([^)]*\)\)?;/g)) {
      const table = /ON (\w+)/.exec(stmt)![1];
      if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = ?").get(table) && !db.prepare("SELECT 1 FROM sqlite_master WHERE name = ?").get(/INDEX (\w+)/.exec(stmt)![1])) {
        try { db.exec(stmt); } catch { /* an index on a column version 4 dropped */ }
      }
    }
    db.prepare("DELETE FROM kv WHERE key = 'agg_upto'").run();
    db.exec('ALTER TABLE persons DROP COLUMN generic'); // version 7's column
    // Version 8's: the index's content back to the article row.
    db.exec(`DROP TABLE articles_fts; DROP VIEW articles_search; ALTER TABLE articles DROP COLUMN body_start;
      CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='n', tokenize='unicode61 remove_diacritics 2');
      INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')`);
    db.pragma('user_version = 5');
    const articles = db.prepare('SELECT count(*) FROM articles').pluck().get();
    assert.equal(db.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'agg_%' OR name = 'articles_facets'").pluck().get(), 0);
    db.close();
    // Read-only, the old schema still answers (from the rows).
    store = openSqliteStore(path, { readonly: true });
    assert.deepEqual(await snapshot(store), before);
    await store.close();
    store = openSqliteStore(path);
    assert.equal(store.db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.equal((await store.info()).articles, articles);
    assert.deepEqual(await snapshot(store), before);
    await store.close();
    assert.deepEqual(await fromCounts(path), before.counts);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
