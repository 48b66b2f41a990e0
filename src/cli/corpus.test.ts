import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../corpus/sqlite/store.js';
import { fixtureCorpus } from '../corpus/fixtures.js';
import { parseCsv } from '../corpus/csv.js';

import { main } from './index.js';

/** Runs the CLI in this process, capturing stdout and stderr (much faster than spawning). */
async function run(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const [w1, w2] = [process.stdout.write, process.stderr.write];
  process.stdout.write = ((chunk: string) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    process.exitCode = undefined;
    const status = await main(['node', 'spinscope', ...args]);
    return { status, stdout: out.join(''), stderr: err.join('') };
  } finally {
    [process.stdout.write, process.stderr.write] = [w1, w2];
    process.exitCode = undefined;
  }
}

test('search, stories, speakers, export and cluster commands on a small corpus', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-cli-'));
  try {
    const db = join(dir, 'c.db');
    const store = openSqliteStore(db);
    await store.putArticles(fixtureCorpus());
    await store.close();

    const search = (await run('search', 'quotas', '--db', db, '--outlet', 'Coastal Courier', '--json'));
    assert.equal(search.status, 0, search.stderr);
    const found = JSON.parse(search.stdout);
    assert.equal(found.total, 1);
    assert.match(found.items[0].snippet, /\[quotas\]/);
    assert.match((await run('search', 'tram', '--db', db)).stdout, /1 articles match[\s\S]*Oststadt/);

    const stories = JSON.parse((await run('stories', '--db', db, '--json')).stdout);
    assert.equal(stories.total, 3);
    assert.equal(stories.items[0].size, 3);
    const one = (await run('stories', stories.items[0].id, '--db', db));
    assert.match(one.stdout, /outlets: Coastal Courier, The Northern Ledger, Wire Digest/);

    const speakers = (await run('speakers', '--db', db));
    assert.match(speakers.stdout, /3 speakers/);
    assert.match(speakers.stdout, /Ekvall/);
    assert.match((await run('speakers', 'p1', '--db', db)).stdout, /techniques in quotes: Loaded_Language \(3\), Doubt \(1\)/);

    const csv = parseCsv((await run('export', '--db', db, '--what', 'quotes', '--format', 'csv')).stdout);
    assert.equal(csv[0][0], 'article');
    assert.equal(csv.length - 1, 8);
    const jsonl = (await run('export', '--db', db, '--what', 'articles')).stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(jsonl.length, 5);
    assert.ok(jsonl.every((a) => a.story && a.thread));

    const items = join(dir, 'items.jsonl');
    writeFileSync(items, [
      { id: 'a', title: 'Velmora harbour talks collapse over fishing quotas' },
      { id: 'b', title: 'Fishing quota talks in Velmora end without a deal' },
      { id: 'c', title: 'Oststadt opens new tram bridge' },
    ].map((x) => JSON.stringify(x)).join('\n') + '\n');
    const lines = (await run('cluster', items)).stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.id), ['a', 'b', 'c']);
    assert.equal(lines[0].story, lines[1].story);
    assert.notEqual(lines[0].story, lines[2].story);
    assert.ok(lines.every((l) => typeof l.thread === 'string'));

    const stats = (await run('stats', '--db', db)).stdout;
    assert.match(stats, /5 articles, 3 outlets, 3 stories, 3 speakers/);
    // Columns are techniques in alphabetical order: Doubt, Loaded_Language.
    assert.match(stats, /The Northern Ledger\s+1\s+2/);
    const bad = (await run('search', 'x', '--db', join(dir, 'nope', 'missing.db')));
    assert.equal(bad.status, 1);
    assert.doesNotMatch(bad.stderr, /at .*\.ts/, 'one line, no stack trace');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
