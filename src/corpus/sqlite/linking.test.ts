import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { migrate } from './schema.js';
import { centroidJson, StoredFrequencies } from './linking.js';

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
