import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createArticle } from '../../model/index.js';
import { openSqliteStore, type SqliteStore } from './store.js';
import { SCHEMA_VERSION } from './schema.js';
import { searchBodyStart } from './search-text.js';

// Invented texts: a crawled file with a front-matter header, and one without.
const HEADED = 'Title: Pilots strike at Orsk harbour\nOutlet: Quillby Wire\nPublished: 2031-04-02\n---\nHarbour pilots in Orsk stopped work on Tuesday, and the ferries stayed at their moorings.\n\nThe union said talks would resume next week.\n';
const PLAIN = 'Ferry timetable\n\nThe Quillby ferry leaves the harbour twice a day, weather allowing.\n';

const headed = () => createArticle(HEADED, { title: 'Pilots strike at Orsk harbour', outlet: 'Quillby Wire', published: '2031-04-02' });
const plain = () => createArticle(PLAIN, { title: 'Ferry timetable', outlet: 'Harbour Notes', published: '2031-04-03' });

/** FTS5's own check that the index holds exactly what its content (the view) gives, row by row. */
function indexMatchesContent(store: SqliteStore): void {
  store.db.prepare("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)").run();
}

const hits = async (store: SqliteStore, q: string) => (await store.search(q)).items.map((h) => h.id);

test('searchBodyStart: just after a front-matter header; 0 without one, or when offsets could part', () => {
  assert.equal(HEADED.slice(searchBodyStart(HEADED)).startsWith('Harbour pilots'), true);
  assert.equal(searchBodyStart(PLAIN), 0);
  assert.equal(searchBodyStart('Title: A 𝔸 title\n---\nBody.'), 0, 'an astral character in the header: the whole text');
  assert.equal(searchBodyStart('Not: a header\nbecause this line is prose.\n---\n'), 0);
});

test('search indexes the text a reader sees: a front-matter header is neither found nor shown in snippets', async () => {
  const store = openSqliteStore(':memory:');
  const [a, b] = await store.putArticles([headed(), plain()]);
  assert.deepEqual(await hits(store, 'Quillby'), [b.id], 'a word of the header only is not found in the headed article');
  assert.deepEqual(await hits(store, 'Published'), []);
  const r = await store.search('pilots');
  assert.deepEqual(r.items.map((h) => h.id), [a.id]);
  assert.doesNotMatch(r.items[0].snippet, /---|Outlet:|Title:|Published:/);
  assert.match(r.items[0].snippet, /\[pilots\]/i);
  assert.deepEqual(await hits(store, 'strike'), [a.id], 'the title is searched');
  indexMatchesContent(store);
  await store.close();
});

test('re-analysis keeps the index exact: the old entry is deleted with what was indexed, the new one added', async () => {
  const store = openSqliteStore(':memory:');
  const [a] = await store.putArticles([headed(), plain()]);
  const again = { ...headed(), meta: { ...headed().meta, title: 'Orsk pilots walk out' } };
  await store.replaceArticle(a.id, again);
  assert.deepEqual(await hits(store, 'strike'), [], 'the old title is gone from the index');
  assert.deepEqual(await hits(store, 'walk'), [a.id]);
  assert.deepEqual(await hits(store, 'Published'), [], 'the header stays out');
  assert.deepEqual(await hits(store, 'moorings'), [a.id]);
  indexMatchesContent(store);
  await store.close();
});

// Schema 7's declaration (the fast path: entries of headed articles moved, the declaration edited)
// and another one (the index rebuilt from the view): the same index either way.
for (const declared of ["tokenize='unicode61 remove_diacritics 2'", "tokenize = 'unicode61 remove_diacritics 2'"]) test(`migration 8: a schema 7 store (header indexed, ${declared}) is re-indexed from the view; nothing else changes`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-fts-'));
  const path = join(dir, 'v7.db');
  try {
    let store = openSqliteStore(path);
    const [a, b] = await store.putArticles([headed(), plain()]);
    await store.close();
    // The same file as schema 7 left it: the index's content is the article row, whole text.
    const db = new Database(path);
    db.exec(`DROP TABLE articles_fts; DROP VIEW articles_search; ALTER TABLE articles DROP COLUMN body_start;
      CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='n', ${declared});
      INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')`);
    db.pragma('user_version = 7');
    db.close();
    store = openSqliteStore(path, { readonly: true });
    assert.deepEqual((await hits(store, 'Quillby')).sort(), [a.id, b.id].sort(), 'schema 7 indexed the header (the bug)');
    await store.close();
    store = openSqliteStore(path);
    assert.equal(store.db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.deepEqual(await hits(store, 'Quillby'), [b.id]);
    assert.deepEqual(await hits(store, 'Published'), []);
    assert.deepEqual(await hits(store, 'moorings'), [a.id]);
    assert.equal(store.db.prepare('SELECT count(*) FROM articles WHERE body_start > 0').pluck().get(), 1);
    indexMatchesContent(store);
    assert.deepEqual((await store.getArticle(a.id))!.text, HEADED, 'the stored text is untouched');
    assert.match(store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").pluck().get() as string, /content='articles_search'/);
    await store.close();
    // Another connection (a new process) reads the new declaration.
    const again = openSqliteStore(path, { readonly: true });
    assert.deepEqual(await hits(again, 'Quillby'), [b.id]);
    assert.doesNotMatch((await again.search('pilots')).items[0].snippet, /---|Outlet:/);
    await again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
