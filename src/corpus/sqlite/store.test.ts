import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { countPrefixTerms, openSqliteStore, QUOTE_TEXT, translateError } from './store.js';
import { MIGRATIONS } from './schema.js';
import { deflateRawSync } from 'node:zlib';
import { encodeLayer } from '../layer-codec.js';
import { prepareArticle } from '../prepare.js';
import { deriveRows, packRows, sourceOfQuote } from '../derive.js';
import { fixtureCorpus, fixtureArticle } from '../fixtures.js';
import { contentHash } from '../hash.js';
import { SpinscopeError } from '../../model/index.js';
import { Pipeline } from '../../pipeline.js';
import { StoryClusterer, STORY_PARAMS, type DocFrequencies } from '../stories/clusterer.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'spinscope-store-'));

test('put then get re-renders an article exactly, and a second put is a no-op', async () => {
  const store = openSqliteStore(':memory:');
  const [a] = fixtureCorpus();
  const put = await store.putArticle(a);
  assert.equal(put.id, contentHash(a.text));
  assert.equal(put.created, true);
  const back = await store.getArticle(put.id);
  assert.deepEqual(back, { ...a, id: put.id });
  assert.deepEqual(Object.keys(back!.layers), Object.keys(a.layers));
  const again = await store.putArticle(a);
  assert.equal(again.created, false);
  assert.equal((await store.info()).articles, 1);
  await store.close();
});

test('a real pipeline article (tokens, sentences, structure) round-trips', async () => {
  const pipeline = await Pipeline.build();
  const article = pipeline.run('Harbour talks\n\nNegotiators met in Velmora on Sunday. “No deal,” said Ilse Varga.\n');
  const store = openSqliteStore(':memory:');
  const long = pipeline.run('Long talks\n\n' + 'Negotiators met again in Velmora, and the talks went on. '.repeat(80));
  const stored = await store.putArticle(long);
  const blob = store.db.prepare('SELECT typeof(data) t, length(data) n FROM article_layers').get() as { t: string; n: number };
  assert.equal(blob.t, 'blob', 'layers are stored as one deflated blob');
  assert.ok(blob.n < JSON.stringify(long.layers).length / 10, `layers blob ${blob.n} bytes is compact`);
  assert.equal(JSON.stringify(await store.getArticle(stored.id)), JSON.stringify({ id: stored.id, ...long }));
  const bigFindings = { ...long, text: long.text + ' ', findings: { ...long.findings, notes: Array.from({ length: 60 }, (_, i) => ({ note: `finding number ${i}`, weight: i / 7 })) } };
  const big = await store.putArticle(bigFindings);
  assert.equal((store.db.prepare('SELECT typeof(findings) t FROM articles WHERE id = ?').get(big.id) as { t: string }).t, 'blob', 'long findings are stored deflated');
  assert.equal(JSON.stringify(await store.getArticle(big.id)), JSON.stringify({ id: big.id, ...bigFindings }));
  const { id } = await store.putArticle(article);
  // Exact as JSON (the wire and export form): keys whose value is undefined are not kept.
  const asJson = (v: unknown) => JSON.parse(JSON.stringify(v));
  assert.deepEqual(await store.getArticle(id), asJson({ ...article, id }));
  assert.equal(JSON.stringify(await store.getArticle(id)), JSON.stringify({ id, ...article }), 'same key order too');
  await store.close();
});

test('list filters by outlet, section, dates, entity, speaker, technique and story', async () => {
  const store = openSqliteStore(':memory:');
  const results = await store.putArticles(fixtureCorpus());
  const all = await store.listArticles();
  assert.equal(all.total, 5);
  assert.equal((await store.listArticles({ outlet: 'Coastal Courier' })).total, 2);
  assert.equal((await store.listArticles({ section: 'City' })).total, 1);
  assert.equal((await store.listArticles({ from: '2031-03-20' })).total, 1);
  assert.equal((await store.listArticles({ to: '2031-03-02' })).total, 3);
  assert.equal((await store.listArticles({ entity: 'brennhavn' })).total, 1);
  assert.equal((await store.listArticles({ technique: 'Doubt' })).total, 1);
  assert.equal((await store.listArticles({ speaker: 'Mara Lindqvist' })).total, 1);
  assert.equal((await store.listArticles({ story: results[0].story })).items.length, (await store.getStory(results[0].story!))!.size);
  const page = await store.listArticles({ limit: 2, offset: 1 });
  assert.equal(page.items.length, 2);
  assert.equal(page.items[0].id, all.items[1].id);
  await store.close();
});

test('stories: the two Velmora reports share a story; Brennhavn is another story of the same thread', async () => {
  const store = openSqliteStore(':memory:');
  const [a, b, bridge, copy, c] = await store.putArticles(fixtureCorpus());
  assert.equal(a.story, b.story);
  assert.equal(a.story, copy.story);
  assert.notEqual(a.story, bridge.story);
  assert.notEqual(a.story, c.story);
  const sa = (await store.getStory(a.story!))!;
  const sc = (await store.getStory(c.story!))!;
  assert.equal(sa.thread, sc.thread);
  assert.notEqual(sa.thread, (await store.getStory(bridge.story!))!.thread);
  assert.deepEqual(sa.outlets, ['Coastal Courier', 'The Northern Ledger', 'Wire Digest']);
  assert.ok(sa.topEntities.includes('Velmora'));
  assert.ok(sa.topSpeakers.length >= 1);
  assert.equal(copy.duplicateOf, a.id, 'the lightly edited wire copy is linked as a near-duplicate');
  assert.equal(b.duplicateOf, undefined);
  await store.close();
});

test('speakers merge spelling variants and titles, keep roles, outlets, co-quoted and techniques', async () => {
  const store = openSqliteStore(':memory:');
  await store.putArticles(fixtureCorpus());
  const { items } = await store.listSpeakers();
  const ekvall = items.filter((s) => s.name.includes('Ekval'));
  assert.equal(ekvall.length, 1, 'Minister Tomas Ekvall, Tomas Ekvall and Tomas Ekval are one person');
  const detail = (await store.getSpeaker(ekvall[0].id))!;
  assert.equal(detail.quotes, 4);
  assert.equal(detail.articles, 4);
  assert.ok(detail.roles.includes('fisheries minister') && detail.roles.includes('minister'));
  assert.deepEqual(detail.outlets, ['Coastal Courier', 'The Northern Ledger', 'Wire Digest']);
  // Four days of quotes: one bar per day, the days between included.
  assert.equal(detail.overTimeUnit, 'day');
  assert.equal(detail.overTime.reduce((n, p) => n + p.count, 0), 4);
  assert.equal(detail.overTime[0].value, '2031-03-02');
  assert.ok(detail.overTime.every((p, i) => i === 0 || p.value > detail.overTime[i - 1].value));
  assert.equal(detail.coQuoted[0].value, 'Ilse Varga');
  assert.deepEqual(detail.techniques.map((t) => t.value), ['Loaded_Language', 'Doubt']);
  assert.equal((await store.listSpeakers({ query: 'lindq' })).total, 1);
  await store.close();
});

test('a speaker whose affiliation is misread in one article stays one person; a namesake by surname stays apart', async () => {
  // "Labour economist Dr. Ruth Amadi of Harrowgate University" may be read as of the Labour Party,
  // and the next article as of Harrowgate University: a contradiction that split her in two.
  const pipeline = await Pipeline.build();
  const texts = [
    'Ferry strike ends\n\nThe ferry strike in Castmoor ended on Monday. Labour economist Dr. Ruth Amadi of Harrowgate University said both sides had reasons to settle. The walkout was the longest in a decade, she noted.\n',
    'Ferry deal holds\n\nDr. Ruth Amadi, a labour economist at Harrowgate University, said the gap had been small. “A deal was always close,” she said. “The crews will sail by Friday,” said Daniel Amadi, a ferry captain.\n',
    'Ferry lessons\n\nDr. Ruth Amadi said the agreement could become a model for other harbours. “Castmoor showed how,” she said.\n',
  ];
  const store = openSqliteStore(':memory:');
  await store.putArticles(texts.map((text, i) => pipeline.run({ text, meta: { origin: `amadi-${i}`, format: 'text', outlet: `Outlet ${i}`, published: `2031-04-0${i + 1}` }, notices: [] })));
  const { items } = await store.listSpeakers();
  const ruth = items.filter((s) => s.name.includes('Ruth Amadi'));
  assert.equal(ruth.length, 1, `one Ruth Amadi, got ${JSON.stringify(ruth)}`);
  assert.equal(ruth[0].articles, 3);
  assert.ok(ruth[0].roles.every((r) => !/\bDr\b/.test(r)), `no form of address listed as a role: ${ruth[0].roles}`);
  assert.equal(items.filter((s) => s.name.includes('Daniel Amadi')).length, 1, 'Daniel Amadi is someone else');
  await store.close();
});

test('search: snippets, facets, filters; a bad query is a clear error', async () => {
  const store = openSqliteStore(':memory:');
  await store.putArticles(fixtureCorpus());
  const r = await store.search('quotas');
  assert.equal(r.total, 4);
  assert.match(r.items[0].snippet, /\[quotas\]/i);
  assert.deepEqual(r.facets.outlet.find((f) => f.value === 'The Northern Ledger'), { value: 'The Northern Ledger', count: 2 });
  assert.ok(r.facets.technique.some((f) => f.value === 'Doubt' && f.count === 1));
  assert.ok(r.facets.entity.some((f) => f.value === 'Velmora'));
  assert.ok(r.facets.speaker.some((f) => f.value.includes('Ekvall')));
  assert.equal((await store.search('quotas', { outlet: 'Coastal Courier' })).total, 1);
  assert.equal((await store.search('tram bridge')).total, 1);
  await assert.rejects(store.search('"unclosed'), (e: unknown) => e instanceof SpinscopeError && e.code === 'bad-query');
  // Each prefix term expands over the vocabulary: a query of many is refused in words, not run for seconds.
  assert.equal((await store.search('quot* harb*')).total >= 1, true);
  await assert.rejects(store.search(Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(97 + i)}*`).join(' OR ')),
    (e: unknown) => e instanceof SpinscopeError && e.code === 'bad-query' && /12 prefix terms/.test(e.message));
  assert.equal(countPrefixTerms('harb* "tram* bridge" quota*'), 2, 'a star inside a quoted phrase is no prefix term');
  await store.close();
});

test('stats: counts over time, techniques per outlet, top entities', async () => {
  const store = openSqliteStore(':memory:');
  await store.putArticles(fixtureCorpus());
  const s = await store.stats();
  assert.equal(s.articles, 5);
  assert.equal(s.outlets, 3);
  assert.deepEqual(s.perDay.map((d) => d.value), ['2031-03-02', '2031-03-03', '2031-03-25']);
  assert.equal(s.techniquesByOutlet['The Northern Ledger'].Loaded_Language, 2);
  assert.equal(s.techniquesByOutlet['The Northern Ledger'].Doubt, 1);
  assert.equal(s.articlesByOutlet['Coastal Courier'], 2, 'articles per outlet, to put technique counts on one scale');
  assert.equal(Object.values(s.articlesByOutlet).reduce((n, c) => n + c, 0), s.articles);
  assert.equal(s.attention.points.reduce((n, p) => n + p.count, 0), s.articles);
  assert.ok(s.attention.points.some((p) => p.count === 0), 'days without articles are zeros on the attention curve');
  assert.equal(s.topEntities[0].value, 'Arveland');
  assert.equal((await store.stats({ outlet: 'Coastal Courier' })).articles, 2);
  await store.close();
});

test('reopening keeps everything; stale analysis is found and replaced in place', async () => {
  const dir = tmp();
  const path = join(dir, 'c.db');
  try {
    let store = openSqliteStore(path);
    const put = await store.putArticles(fixtureCorpus());
    await store.close();
    store = openSqliteStore(path);
    assert.equal((await store.info()).articles, 5);
    const fresh = fixtureArticle({ title: 'Oststadt tram bridge opens to passengers', outlet: 'The Northern Ledger', published: '2031-03-03T12:00:00Z', body: ['The new tram bridge over the river in Oststadt opened to passengers after two years of works.'] });
    const more = await store.putArticle(fresh);
    assert.equal(more.story, put[2].story, 'clustering state survives reopening');
    const current = { clean: '1', nlp: '1', quotes: '2', techniques: '1' };
    const stale = await store.staleArticles(current);
    assert.equal(stale.length, 6);
    const old = (await store.getArticle(stale[0]))!;
    const { id: _id, ...rest } = old;
    await store.replaceArticle(stale[0], { ...rest, analysis: current, layers: { ...rest.layers, quotes: [] } });
    assert.equal((await store.staleArticles(current)).length, 5);
    assert.deepEqual((await store.getArticle(stale[0]))!.layers.quotes, []);
    assert.equal((await store.search('quotas')).total, 4, 'full-text index kept after replace');
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a locked database gives a clear error and loses nothing already stored', async () => {
  const dir = tmp();
  const path = join(dir, 'c.db');
  try {
    const store = openSqliteStore(path, { busyTimeoutMs: 50 });
    const [a, b] = fixtureCorpus();
    await store.putArticle(a);
    const other = new Database(path);
    other.exec('BEGIN EXCLUSIVE');
    await assert.rejects(store.putArticle(b), (e: unknown) => e instanceof SpinscopeError && e.code === 'db-locked' && /locked/.test(e.message));
    other.exec('ROLLBACK');
    other.close();
    assert.equal((await store.info()).articles, 1);
    assert.equal((await store.putArticle(b)).created, true, 'works again once the lock is gone');
    assert.ok(await store.getArticle(contentHash(a.text)));
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('export streams every kind', async () => {
  const store = openSqliteStore(':memory:');
  await store.putArticles(fixtureCorpus());
  const rows = async (k: Parameters<typeof store.exportRecords>[0]) => {
    const out = [];
    for await (const r of store.exportRecords(k)) out.push(r);
    return out;
  };
  assert.equal((await rows('articles')).length, 5);
  assert.equal((await rows('quotes')).length, 8);
  assert.ok((await rows('entities')).length >= 15);
  assert.equal((await rows('techniques')).length, 4);
  assert.equal((await rows('stories')).length, 3);
  assert.equal((await rows('speakers')).length, 3);
  await store.close();
});

test('a full disk (simulated with max_page_count) gives a clear error and keeps earlier batches', async () => {
  const dir = tmp();
  const path = join(dir, 'c.db');
  try {
    const store = openSqliteStore(path);
    const [a, b] = fixtureCorpus();
    await store.putArticle(a);
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages + 1}`);
    const big = fixtureArticle({ title: 'A very long report', outlet: 'Wire Digest', published: '2031-03-05', body: Array.from({ length: 400 }, (_, i) => `Paragraph ${i} of a report that will not fit on this disk.`) });
    await assert.rejects(store.putArticles([b, big]), (e: unknown) => e instanceof SpinscopeError && e.code === 'disk-full' && /disk full/.test(e.message));
    store.db.pragma('max_page_count = 1073741823');
    assert.equal((await store.info()).articles, 1, 'the failed batch is rolled back whole; the earlier article is kept');
    assert.equal((await store.putArticles([b])).length, 1, 'the store still works once space is back');
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('stories: online re-clustering moves stored articles and drops emptied stories', async () => {
  const store = openSqliteStore(':memory:');
  // Nothing joins online (threshold 0.99), so each article starts a story until the re-clustering
  // after the sixth arrival groups them into the two events.
  const linker = (store as unknown as { linker: { clusterer: StoryClusterer; df: DocFrequencies } }).linker;
  linker.clusterer = new StoryClusterer(linker.df, { ...STORY_PARAMS, story: 0.99, storyText: 0.99, onlineMerge: 0, onlineMergeText: 0, reclusterEvery: 6 });
  const strike = (title: string, published: string) => fixtureArticle({ title, outlet: 'Coastal Courier', published, body: ['Dockers in Velmora stopped the harbour ferries over pay.'] });
  const tram = (title: string, published: string) => fixtureArticle({ title, outlet: 'The Northern Ledger', published, body: ['Repair crews closed the Oststadt tram line at the bridge.'] });
  const put = await store.putArticles([
    strike('Velmora harbour strike halts ferries', '2031-04-01T08:00:00Z'),
    tram('Oststadt tram line closed for repairs', '2031-04-01T09:00:00Z'),
    strike('Velmora ferries idle as harbour strike spreads', '2031-04-01T10:00:00Z'),
    tram('Repairs shut Oststadt tram line', '2031-04-01T11:00:00Z'),
    strike('Harbour strike in Velmora enters third day', '2031-04-01T12:00:00Z'),
    tram('Oststadt tram repairs to last a week', '2031-04-01T13:00:00Z'),
  ]);
  const row = store.db.prepare('SELECT l.story FROM articles a JOIN article_links l ON l.article = a.n WHERE a.id = ?').pluck();
  const stories = put.map((p) => row.get(p.id) as string);
  assert.equal(new Set([stories[0], stories[2], stories[4]]).size, 1);
  assert.equal(new Set([stories[1], stories[3], stories[5]]).size, 1);
  assert.notEqual(stories[0], stories[1]);
  assert.equal(stories[0], put[0].story, 'the first story keeps its id');
  const ids = store.db.prepare('SELECT id FROM stories ORDER BY id').pluck().all();
  assert.deepEqual(ids, [...new Set(stories)].sort(), 'emptied stories are dropped');
  assert.equal((await store.getStory(stories[0]))!.size, 3);
  await store.close();
});

test('a schema 1 database migrates: its articles re-render exactly, new ones use the new layout', async () => {
  const dir = tmp();
  const path = join(dir, 'v1.db');
  try {
    // A database as schema version 1 wrote it: a row per layer (JSON text, or deflated JSON when long), findings as JSON text.
    const db = new Database(path);
    db.exec(MIGRATIONS[0].sql);
    db.pragma('user_version = 1');
    const old = fixtureCorpus()[0];
    const long = { ...old, layers: { ...old.layers, tokens: Array.from({ length: 400 }, (_, i) => ({ start: i, end: i + 1, label: 'X' })) } };
    const p = prepareArticle(long);
    const { n } = db.prepare(`INSERT INTO articles(id, text, title, outlet, section, author, published, url, meta, findings, notices, analysis, analysis_key, ingested_at)
      VALUES (@id, @text, @title, @outlet, @section, @author, @published, @url, @meta, @findings, @notices, @analysis, @analysis_key, 'then') RETURNING n`)
      .get({ id: p.id, text: p.text, ...p.columns, findings: JSON.stringify(long.findings) }) as { n: number };
    Object.entries(long.layers).forEach(([name, layer], seq) => {
      const text = JSON.stringify(encodeLayer(layer));
      db.prepare('INSERT INTO layers(article, name, seq, spans) VALUES (?, ?, ?, ?)').run(n, name, seq, text.length > 1024 ? deflateRawSync(text) : text);
    });
    db.prepare("INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)").run(n, p.columns.title, p.text);
    db.close();
    const store = openSqliteStore(path);
    assert.equal((await store.info()).schemaVersion, MIGRATIONS[MIGRATIONS.length - 1].version);
    assert.equal(JSON.stringify(await store.getArticle(p.id)), JSON.stringify({ id: p.id, ...long }), 'schema 1 article re-renders exactly');
    const [, second] = fixtureCorpus();
    const put = await store.putArticle(second);
    assert.deepEqual(await store.getArticle(put.id), JSON.parse(JSON.stringify({ ...second, id: put.id })));
    assert.equal((store.db.prepare('SELECT count(*) c FROM layers').get() as { c: number }).c, Object.keys(long.layers).length, 'new articles add no per-layer rows');
    const { id: _id, ...rest } = (await store.getArticle(p.id))!;
    await store.replaceArticle(p.id, { ...rest, layers: { ...rest.layers, quotes: [] } });
    assert.equal((store.db.prepare('SELECT count(*) c FROM layers').get() as { c: number }).c, 0, 'replacing drops the schema 1 rows');
    assert.deepEqual((await store.getArticle(p.id))!.layers.quotes, []);
    assert.equal((await store.search('quotas')).total >= 1, true);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('query rows are stored exactly as deriveRows gives them, speakers linked to their sources', async () => {
  const store = openSqliteStore(':memory:');
  const articles = fixtureCorpus();
  await store.putArticles(articles);
  for (const a of articles) {
    const rows = deriveRows(a);
    const n = (store.db.prepare('SELECT n FROM articles WHERE id = ?').pluck().get(contentHash(a.text))) as number;
    const all = (sql: string) => store.db.prepare(sql).raw().all(n) as unknown[][];
    assert.deepEqual(all('SELECT name, key, type, mentions, typeof(mentions) FROM entities WHERE article = ? ORDER BY rowid'), rows.entities.map((e) => [e.name, e.key, e.type || null, e.mentions, 'integer']));
    assert.deepEqual(all('SELECT technique, count FROM techniques WHERE article = ? ORDER BY rowid'), rows.techniques.map((t) => [t.technique, t.count]));
    assert.deepEqual(all('SELECT seq, name, role, affiliation, place, kind, quotes FROM sources WHERE article = ? ORDER BY rowid'),
      rows.sources.map((s) => [s.seq, s.name, s.role || null, s.affiliation || null, s.place || null, s.kind || null, s.quotes]));
    assert.deepEqual(all(`SELECT q.seq, q.start, q."end", q.kind, q.speaker, ${QUOTE_TEXT}, q.techniques FROM quotes q JOIN articles a ON a.n = q.article WHERE q.article = ? ORDER BY q.rowid`),
      rows.quotes.map((q) => [q.seq, q.start, q.end, q.kind || null, q.speaker || null, q.text, JSON.stringify(q.techniques)]));
    const persons = all('SELECT person FROM sources WHERE article = ? ORDER BY rowid').map((r) => r[0]);
    assert.ok(persons.every((p) => typeof p === 'string'), 'every named source is a person');
    all('SELECT person FROM quotes WHERE article = ? ORDER BY rowid').forEach(([person], i) => {
      const src = sourceOfQuote(rows.quotes[i], rows.sources);
      if (src) assert.equal(person, persons[rows.sources.indexOf(src)], 'a quote is linked to the person of its source');
    });
  }
  await store.close();
});

test('packed rows: a quote is linked to its source, a named speaker without one is looked up, a pronoun is not', () => {
  const source = { seq: 0, name: 'Ilse Varga', role: 'minister', affiliation: '', place: '', kind: 'person', quotes: 1, entity: 'e1' };
  const quote = (speaker: string, speakerEntity = '') => ({ seq: 0, start: 0, end: 5, kind: 'direct', speaker, speakerEntity, text: 'x', techniques: [] });
  const packed = packRows({ entities: [], techniques: [], sources: [source], quotes: [quote('Varga'), quote('', 'e1'), quote('Tomas Ekvall'), quote('She')] });
  assert.deepEqual(packed.people, [['Ilse Varga', 'minister', '', 'person']]);
  assert.deepEqual(packed.speakers, [0, 0, 'Tomas Ekvall', null]);
  assert.deepEqual(JSON.parse(packed.quotes)[0], [0, 0, 5, 'direct', 'Varga', 'x', '[]']);
});

test('a rolled-back batch leaves no person behind: the persons read for matching are read again', async () => {
  const store = openSqliteStore(':memory:');
  const [first, ...rest] = fixtureCorpus().map(prepareArticle);
  const broken = { ...rest[0], columns: { ...rest[0].columns, meta: null as unknown as string } };
  await assert.rejects(store.putPrepared([first, broken]));
  assert.equal((store.db.prepare('SELECT count(*) c FROM persons').get() as { c: number }).c, 0);
  // Persons matched in the failed batch are gone: the sources stored now point to persons that exist.
  await store.putPrepared([first, ...rest]);
  const dangling = store.db.prepare('SELECT count(*) c FROM sources s LEFT JOIN persons p ON p.id = s.person WHERE s.person IS NOT NULL AND p.id IS NULL').get() as { c: number };
  assert.equal(dangling.c, 0);
  assert.ok((store.db.prepare('SELECT count(*) c FROM sources WHERE person IS NOT NULL').get() as { c: number }).c > 0);
  await store.close();
});

test('a schema 3 database (story links on the article row) migrates to its own links table: nothing lost', async () => {
  const dir = tmp();
  const [made, old] = [join(dir, 'made.db'), join(dir, 'v3.db')];
  try {
    // Everything the store answers about stories and links, by every path that reads them.
    const snapshot = async (store: ReturnType<typeof openSqliteStore>) => {
      const stories = await store.listStories({ limit: 100 });
      const records: Record<string, unknown>[] = [];
      for await (const r of store.exportRecords('articles')) records.push(r);
      return {
        articles: await store.listArticles({ limit: 100 }),
        stories,
        storyPages: await Promise.all(stories.items.map((s) => store.getStory(s.id))),
        byStory: await Promise.all(stories.items.map((s) => store.listArticles({ story: s.id, limit: 100 }))),
        byOutlet: await store.listStories({ outlet: 'Wire Digest' }),
        search: await store.search('quotas'),
        stats: await store.stats(),
        records,
        speakers: await store.listSpeakers(),
      };
    };
    let store = openSqliteStore(made);
    const put = await store.putArticles(fixtureCorpus());
    const before = await snapshot(store);
    await store.close();
    // The same database as schema version 3 wrote it: the links are columns of the article row.
    const db = new Database(old);
    for (const m of MIGRATIONS.filter((m) => m.version <= 3)) db.exec(m.sql);
    db.pragma('user_version = 3');
    db.prepare('ATTACH ? AS src').run(made);
    db.exec(`INSERT INTO articles(n, id, text, title, outlet, section, author, published, url, meta, findings, notices, analysis, analysis_key, story, duplicate_of, ingested_at)
      SELECT a.n, a.id, a.text, a.title, a.outlet, a.section, a.author, a.published, a.url, a.meta, a.findings, a.notices, a.analysis, a.analysis_key, l.story, l.duplicate_of, a.ingested_at
      FROM src.articles a LEFT JOIN src.article_links l ON l.article = a.n ORDER BY a.n`);
    // Rows in their stored order (the WITHOUT ROWID tables are ordered by their keys anyway).
    // Persons without the later `generic` column (schema 7).
    db.exec('INSERT INTO main.persons SELECT id, name, key, surname, first, roles, affiliations, variants FROM src.persons ORDER BY rowid');
    for (const t of ['article_layers', 'entities', 'sources', 'quotes', 'techniques', 'fingerprints', 'stories', 'threads']) db.exec(`INSERT INTO main.${t} SELECT * FROM src.${t} ORDER BY rowid`);
    for (const t of ['fingerprint_bands', 'terms', 'kv']) db.exec(`INSERT INTO main.${t} SELECT * FROM src.${t}`);
    db.exec("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')");
    db.exec('DETACH src');
    assert.equal((db.prepare('SELECT count(*) c FROM articles WHERE story IS NOT NULL').get() as { c: number }).c, put.length);
    assert.equal((db.prepare('SELECT count(*) c FROM articles WHERE duplicate_of IS NOT NULL').get() as { c: number }).c, 1);
    db.close();
    store = openSqliteStore(old);
    assert.equal((await store.info()).schemaVersion, MIGRATIONS[MIGRATIONS.length - 1].version);
    const columns = store.db.prepare("SELECT name FROM pragma_table_info('articles')").pluck().all();
    assert.ok(!columns.includes('story') && !columns.includes('duplicate_of'), 'the article row no longer carries the links');
    assert.deepEqual(await snapshot(store), before, 'every story, link, facet and export row is as before');
    // Linking goes on in the migrated database: a new report of the Velmora talks joins their story.
    const more = await store.putArticle(fixtureArticle({ title: 'Velmora fishing quota talks to resume next week', outlet: 'Wire Digest', published: '2031-03-05T09:00:00Z', body: ['Negotiators in Velmora will meet again over fishing quotas.'] }));
    assert.equal((await store.getStory(more.story!))!.articles.some((a) => a.id === more.id), true);
    assert.equal((await store.info()).articles, put.length + 1);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SQLite failures become messages naming the database and what to do', () => {
  const sqliteError = (code: string) => Object.assign(new Error('attempt to write a readonly database'), { code });
  const shm = translateError(sqliteError('SQLITE_READONLY_DIRECTORY'), '/srv/data/corpus.db') as SpinscopeError;
  assert.equal(shm.code, 'db-readonly');
  assert.match(shm.message, /^database \/srv\/data\/corpus\.db cannot be opened: its folder is read-only .*corpus\.db-shm/);
  assert.equal((translateError(sqliteError('SQLITE_READONLY_DBMOVED'), 'c.db') as SpinscopeError).message, 'database c.db is read-only');
  assert.match((translateError(sqliteError('SQLITE_CANTOPEN'), 'c.db') as Error).message, /^cannot open database c\.db \(/);
  const other = new Error('something else');
  assert.equal(translateError(other, 'c.db'), other, 'unknown errors pass through');
});

test('reading a corpus that is not there fails with the path and creates nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-store-'));
  try {
    const path = join(dir, 'absent.db');
    assert.throws(() => openSqliteStore(path, { readonly: true }), (e: unknown) => e instanceof SpinscopeError && e.code === 'db-missing' && e.message.includes(path));
    assert.throws(() => openSqliteStore(join(dir, 'no', 'such', 'folder.db')), (e: unknown) => e instanceof SpinscopeError && e.code === 'db-cantopen');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('quote texts read back exactly: the article text between the offsets is not stored again, any other text is', async () => {
  const store = openSqliteStore(':memory:');
  const text = 'Mayor Ann Lee said: "We will reopen the 🚢 ferry." Critics said "no way".\nÜber "quiet"';
  const [put] = await store.putArticles([{ ...fixtureCorpus()[0], text, layers: {}, findings: [] } as any], { skipLinking: true });
  const n = store.db.prepare('SELECT n FROM articles WHERE id = ?').pluck().get(put.id) as number;
  const at = (s: string) => text.indexOf(s);
  const quote = (seq: number, start: number, end: number, t: string) => [seq, start, end, 'direct', null, t, '[]'];
  const rows = [
    quote(0, at('We'), at('We') + 'We will reopen the 🚢 ferry.'.length, 'We will reopen the 🚢 ferry.'), // astral character inside: lengths differ
    quote(1, at('no way'), at('no way') + 6, 'no way'), // after an astral character: UTF-16 and character offsets differ
    quote(2, at('quiet'), at('quiet') + 5, 'quiet'),
    quote(3, 0, 5, 'Mayor'), // before it: offsets agree
    quote(4, 0, 5, 'Major'), // not the article's text: kept
    quote(5, 3, 3, ''), // empty
    quote(6, 0, 0, 'said'), // text where the offsets give none
  ];
  (store as any).writeQuotes(n, rows.map(() => null), JSON.stringify(rows));
  const back = [];
  for await (const r of store.exportRecords('quotes')) back.push([r.seq, r.start, r.end, r.text]);
  assert.deepEqual(back, rows.map((r) => [r[0], r[1], r[2], r[5]]));
  // Only the quotes whose text is the article's, before any surrogate (where offsets differ), are not stored.
  const stored = store.db.prepare("SELECT seq FROM quotes WHERE typeof(text) = 'blob' ORDER BY seq").pluck().all();
  assert.deepEqual(stored, [3, 5]);
  await store.close();
});

test('unnamed sources ("officials", "a spokesperson") are counted by label, marked generic, never merged with a person or listed as one', async () => {
  const store = openSqliteStore(':memory:');
  const day = (d: number) => `2031-04-0${d}T08:00:00Z`;
  await store.putArticles([
    // "Officials" with no source record (the quotes stage left it unresolved) and "Hospital officials" from an anonymous source.
    fixtureArticle({ title: 'Ferry fares rise in Velmora', outlet: 'Coastal Courier', published: day(1), body: ['Fares rose.'], speakers: [['Officials', '', ''], ['Hospital officials', 'officials', '', 'anonymous'], ['Ilse Varga', 'minister', 'Kostria']] }),
    fixtureArticle({ title: 'Velmora ferry strike called off', outlet: 'Wire Digest', published: day(2), body: ['The strike is off.'], speakers: [['Officials', '', ''], ['A spokesperson for the harbour board', 'board', '', 'anonymous']] }),
    // A person whose surname is a group noun stays a person of their own.
    fixtureArticle({ title: 'Harbour pilots return to work in Velmora', outlet: 'Wire Digest', published: day(3), body: ['Pilots are back.'], speakers: [['Officials', '', ''], ['Ilse Varga', 'minister', 'Kostria']] }),
  ]);
  const all = (await store.listSpeakers({ limit: 50 })).items;
  const byName = new Map(all.map((s) => [s.name, s]));
  assert.equal(byName.get('officials')?.generic, true, '"Officials" is an unnamed source under its label');
  assert.equal(byName.get('officials')?.articles, 3, 'counted in every article that cites them');
  assert.equal(byName.get('hospital officials')?.generic, true);
  assert.equal(byName.get('hospital officials')?.quotes, 1, 'not merged with the other articles\' officials');
  assert.equal(byName.get('spokesperson for the harbour board')?.generic, true);
  assert.equal(byName.get('Ilse Varga')?.generic, false);
  const named = await store.listSpeakers({ generic: false });
  assert.deepEqual(named.items.map((s) => s.name), ['Ilse Varga']);
  assert.ok((await store.listSpeakers({ generic: true })).items.every((s) => s.generic));
  const stats = await store.stats();
  assert.equal(stats.speakers, 1, 'speakers counts named ones');
  assert.deepEqual(stats.topSpeakers.map((s) => s.value), ['Ilse Varga']);
  assert.equal(stats.topUnnamed[0].value, 'officials');
  assert.equal(stats.topUnnamed[0].count, 3);
  const varga = (await store.getSpeaker(byName.get('Ilse Varga')!.id))!;
  assert.ok(varga.coQuoted.every((c) => !['officials', 'hospital officials'].includes(c.value)), 'co-quoted lists named speakers');
  const story = (await store.listStories()).items[0];
  assert.ok(!story.topSpeakers.includes('officials'));
  // Exports say which speakers are unnamed sources.
  const quotes: Record<string, unknown>[] = [];
  for await (const r of store.exportRecords('quotes')) quotes.push(r);
  assert.ok(quotes.filter((q) => q.person_name === 'officials').every((q) => q.person_unnamed === 1));
  assert.ok(quotes.filter((q) => q.person_name === 'Ilse Varga').every((q) => q.person_unnamed === 0));
  const people: Record<string, unknown>[] = [];
  for await (const r of store.exportRecords('speakers')) people.push(r);
  assert.equal(people.find((p) => p.name === 'officials')?.generic, 1);
  await store.close();
});

test('migration 7 marks persons made from anonymous sources as unnamed; new ones never match them', async () => {
  const dir = tmp();
  const path = join(dir, 'old.db');
  try {
    const db = new Database(path);
    for (const m of MIGRATIONS.filter((m) => m.version <= 5)) db.exec(m.sql);
    db.pragma('user_version = 5');
    db.exec(`INSERT INTO articles(n, id, text, meta, findings, notices, analysis, analysis_key, ingested_at) VALUES (1, 'a1', 'x', '{}', '{}', '[]', '{}', 'k', '2031-01-01')`);
    db.exec(`INSERT INTO persons(id, name, key, surname, first, roles, affiliations, variants) VALUES ('p1', 'Analysts', 'analysts', 'analysts', '', '[]', '[]', '["Analysts"]'), ('p2', 'Ilse Varga', 'ilse varga', 'varga', 'ilse', '[]', '[]', '["Ilse Varga"]')`);
    db.exec(`INSERT INTO sources(article, seq, name, kind, quotes, person) VALUES (1, 0, 'Analysts', 'anonymous', 1, 'p1'), (1, 1, 'Ilse Varga', 'person', 1, 'p2')`);
    db.exec("INSERT INTO kv(key, value) VALUES ('persons', '2')");
    db.close();
    const store = openSqliteStore(path);
    const speakers = (await store.listSpeakers()).items;
    assert.deepEqual(speakers.map((s) => [s.name, s.generic]).sort(), [['Analysts', true], ['Ilse Varga', false]]);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
test('search: a prefix query over many articles makes snippets for the page only (was one per match, seconds)', async () => {
  const store = openSqliteStore(':memory:');
  // 150 articles of 400 different words starting with "a" (every article matches "a*"), and one of 50,000 "Ada"s.
  const words = (n: number) => Array.from({ length: 400 }, (_, k) => `a${(n * 400 + k).toString(36)}q`).join(' ');
  const articles = Array.from({ length: 150 }, (_, n) => fixtureArticle({ title: `Report ${n}`, outlet: 'The Northern Ledger', published: '2026-03-01', body: [`${words(n)}.`] }));
  articles.push(fixtureArticle({ title: 'Roll call', outlet: 'The Northern Ledger', published: '2026-03-01', body: [`${'Ada '.repeat(50000)}.`] }));
  await store.putArticles(articles);
  const started = performance.now();
  const r = await store.search('a*', { limit: 5 });
  // A hang guard, not a speed test: a per-row scan of the index took 37 s here (87 s before paging).
  assert.ok(performance.now() - started < 15000, `took ${Math.round(performance.now() - started)} ms`);
  assert.equal(r.total, 151);
  assert.equal(r.items.length, 5);
  for (const item of r.items) assert.match(item.snippet, /\[a[0-9a-z]+q?\]/i);
  await store.close();
});

test('the link input carries its quote rows marked: a quote whose text is the article\'s between its offsets has no text of its own', async () => {
  const { linkInputOf } = await import('./rows.js');
  const pipeline = await Pipeline.build();
  const text = 'Harbour talks stall\n\n“We will not sign this,” said Ilse Varga, the fisheries minister. Tomas Ekvall said the quota was fair.';
  const p = prepareArticle(pipeline.run(text));
  const packed = JSON.parse(p.rows.quotes) as unknown[][];
  const marked = JSON.parse(linkInputOf(p).quotes) as unknown[][];
  assert.ok(packed.length > 0, 'the text has quotes');
  assert.equal(marked.length, packed.length);
  marked.forEach((q, i) => {
    const same = text.slice(packed[i][1] as number, packed[i][2] as number) === packed[i][5];
    assert.deepEqual(q, same ? [...packed[i].slice(0, 5), null, packed[i][6], 1] : packed[i]);
  });
  assert.ok(marked.some((q) => q[7] === 1), 'at least one quote is marked');
});
