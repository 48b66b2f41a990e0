import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { migrate } from './schema.js';
import { centroidJson, loadClusterer, StoredFrequencies } from './linking.js';
import { STORY_PARAMS, type StoryParams } from '../stories/clusterer.js';

test('centroidJson writes the same text as JSON.stringify of the rounded pairs', () => {
  const m = new Map<string, number>([
    ['plain', 0.123456], ['quote"d', 1e-7], ['back\\slash', -0.00001], ['ümlaut', 2], ['emoji 🚢', 123456.789012],
    ['new\nline', 0.5], ['tab\t', -3.33335], ['ctrl\u0001', Number.NaN], ['big', 1e21], ['', 0.00005],
  ]);
  const want = JSON.stringify([...m].map(([t, w]) => [t, Math.round(w * 1e4) / 1e4]));
  assert.equal(centroidJson(m), want);
  assert.deepEqual(JSON.parse(centroidJson(m)), JSON.parse(want));
  assert.equal(centroidJson(new Map()), '[]');
});

test('stored frequencies: flushed counts equal the counts in memory; a rolled-back flush is forgotten on reload', () => {
  const db = new Database(':memory:');
  migrate(db);
  const df = new StoredFrequencies(db);
  const table = () => new Map(db.prepare('SELECT term, df FROM terms').raw().all() as [string, number][]);
  df.add(['ferry', 'strike', 'harbour']);
  df.add(['ferry', 'strike']);
  df.flush();
  df.add(['ferry', 'tram']);
  df.flush();
  df.flush(); // nothing new: writes nothing
  assert.deepEqual(table(), new Map([['ferry', 3], ['strike', 2], ['harbour', 1], ['tram', 1]]));
  assert.equal(df.docs, 3);
  assert.equal(df.df('ferry'), 3);
  assert.equal(df.df('unseen'), 0);
  assert.equal((db.prepare("SELECT value FROM kv WHERE key = 'docs'").get() as { value: string }).value, '3');

  // A batch that fails after its flush: the transaction rolls back and the store reloads.
  assert.throws(() => db.transaction(() => {
    df.add(['ferry', 'bridge']);
    df.flush();
    throw new Error('disk full');
  })());
  df.reload();
  assert.equal(df.df('ferry'), 3);
  assert.equal(df.df('bridge'), 0);
  assert.equal(df.docs, 3);
  // Increments made before the failure and not flushed are dropped too; later ones count from the table.
  df.add(['bridge']);
  df.reload();
  df.add(['bridge', 'ferry']);
  df.flush();
  assert.deepEqual(table(), new Map([['ferry', 4], ['strike', 2], ['harbour', 1], ['tram', 1], ['bridge', 1]]));
  db.close();
});

test('a reopened store loads the most recent stories with their threads; its first eviction keeps what a running clusterer keeps', () => {
  const db = new Database(':memory:');
  migrate(db);
  const day = 86_400_000;
  const newest = Date.parse('2031-05-20T00:00:00Z');
  const story = db.prepare("INSERT INTO stories(id, thread, label, size, last_ms, centroid) VALUES (?, ?, 'x', 1, ?, '[[\"ferry\",1]]')");
  const thread = db.prepare("INSERT INTO threads(id, label, size, last_ms, centroid) VALUES (?, 'x', 1, ?, '[[\"ferry\",1]]')");
  story.run('s1', 't1', newest);
  story.run('s2', 't2', newest - (STORY_PARAMS.evictDays - 1) * day);
  story.run('s3', 't3', newest - (STORY_PARAMS.evictDays + 1) * day);
  story.run('s4', 't4', null);
  thread.run('t1', newest);
  thread.run('t2', newest - (STORY_PARAMS.threadEvictDays + 5) * day); // old by its own date, but a kept story's thread
  thread.run('t3', newest - (STORY_PARAMS.evictDays + 1) * day);
  thread.run('t4', null);
  thread.run('t5', newest - (STORY_PARAMS.threadEvictDays + 1) * day);
  const c = loadClusterer(db, new StoredFrequencies(db));
  assert.deepEqual([...c.stories.clusters.keys()].sort(), ['s1', 's2', 's3', 's4']);
  c.evict();
  // Far fewer than `evictDatedAbove`: the day limits do not apply yet, everything stays a candidate.
  assert.deepEqual([...c.stories.clusters.keys()].sort(), ['s1', 's2', 's3', 's4']);
  assert.deepEqual([...c.threads.clusters.keys()].sort(), ['t1', 't2', 't3', 't4', 't5']);
  (c as unknown as { params: StoryParams }).params = { ...STORY_PARAMS, evictDatedAbove: 0 };
  c.evict();
  assert.deepEqual([...c.stories.clusters.keys()].sort(), ['s1', 's2', 's4']);
  assert.deepEqual([...c.threads.clusters.keys()].sort(), ['t1', 't2', 't3', 't4']); // t5: past threadEvictDays, no story kept in it
  // New ids count on from the highest stored, loaded or not.
  assert.equal(c.assign({ id: 'a', title: 'Kolvani tram strike', published: '2031-05-20' }).story, 's5');
});
