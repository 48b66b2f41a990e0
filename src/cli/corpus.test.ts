import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  // The test runner reports through this same stdout (as Buffers, in --test child processes) while
  // a command awaits: let those through, or results of other tests would be swallowed.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => (typeof chunk === 'string' ? (out.push(chunk), true) : (w1 as (...a: unknown[]) => boolean).call(process.stdout, chunk, ...rest))) as typeof process.stdout.write;
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
    assert.match((await run('search', 'tram', '--db', db)).stdout, /^1 article matches\n[\s\S]*Oststadt/);

    const stories = JSON.parse((await run('stories', '--db', db, '--json')).stdout);
    assert.equal(stories.total, 3);
    assert.equal(stories.items[0].size, 3);
    const one = (await run('stories', stories.items[0].id, '--db', db));
    assert.match(one.stdout, /outlets: Coastal Courier, The Northern Ledger, Wire Digest/);

    const speakers = (await run('speakers', '--db', db));
    assert.match(speakers.stdout, /3 speakers/);
    // A page shorter than the whole says which rows it shows and how to get the next.
    assert.match((await run('speakers', '--db', db, '--limit', '2')).stdout, /^3 speakers \(rows 1–2; --offset 2 for more\)\n/);
    assert.match((await run('speakers', '--db', db, '--limit', '2', '--offset', '2')).stdout, /^3 speakers \(rows 3–3\)\n/);
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
    assert.match(stats, /5 articles, 3 outlets, 3 stories, 3 named speakers/);
    // Columns are the outlet's articles, then techniques in alphabetical order: Doubt, Loaded_Language.
    assert.match(stats, /The Northern Ledger\s+2\s+1\s+2/);
    const bad = (await run('search', 'x', '--db', join(dir, 'nope', 'missing.db')));
    assert.equal(bad.status, 1);
    assert.doesNotMatch(bad.stderr, /at .*\.ts/, 'one line, no stack trace');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('corpus commands: one-line errors that name the path for missing, misplaced or foreign databases and bad searches', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-cli-'));
  try {
    const missing = join(dir, 'missing.db');
    const r = await run('stories', '--db', missing);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, `spinscope: no corpus database at ${missing} (make one with: spinscope ingest <inputs> --db ${missing})\n`);
    assert.equal(existsSync(missing), false, 'a read command creates no database');

    const noFolder = join(dir, 'nope', 'x.db');
    const ing = await run('ingest', join(dir, 'whatever.txt'), '--db', noFolder, '--workers', '0');
    assert.equal(ing.status, 1);
    assert.equal(ing.stderr, `spinscope: cannot open database ${noFolder}: the folder ${join(dir, 'nope')} does not exist\n`);

    const foreign = join(dir, 'notes.txt');
    writeFileSync(foreign, 'not a database at all, just some words in a text file\n'.repeat(40));
    assert.equal((await run('speakers', '--db', foreign)).stderr, `spinscope: ${foreign} is not a spinscope database (or is damaged)\n`);

    const db = join(dir, 'c.db');
    const store = openSqliteStore(db);
    await store.putArticles(fixtureCorpus());
    await store.close();
    assert.equal((await run('search', '  ', '--db', db)).stderr, 'spinscope: give some words to search for\n');
    const syntax = await run('search', 'AND OR', '--db', db);
    assert.equal(syntax.status, 1);
    assert.match(syntax.stderr, /^spinscope: cannot read the search "AND OR": syntax error near "AND" \(quote phrases in pairs; AND, OR and NOT go between words\)\n$/);

    // A bad row count was 'datatype mismatch' from SQLite; a bad date silently matched nothing.
    const limit = await run('search', 'quotas', '--db', db, '--limit', 'abc');
    assert.equal(limit.status, 2);
    assert.match(limit.stderr, /--limit <n>' argument 'abc' is invalid\. expected a whole number/);
    const from = await run('stats', '--db', db, '--from', 'yesterday');
    assert.equal(from.status, 2);
    assert.match(from.stderr, /--from <date>' argument 'yesterday' is invalid\. expected YYYY, YYYY-MM or YYYY-MM-DD/);
    assert.equal((await run('stats', '--db', db, '--from', '2020-01')).status, 0);
    const port = await run('serve', '--port', '99999');
    assert.equal(port.status, 2, 'a bad port is a usage error like the others');
    assert.match(port.stderr, /--port <port>' argument '99999' is invalid\. expected a port from 0 to 65535/);

    const cluster = await run('cluster', join(dir, 'absent.jsonl'));
    assert.equal(cluster.stderr, `spinscope: ${join(dir, 'absent.jsonl')}: no such file or directory\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ingest reports each unreadable input once, with its path said once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-cli-'));
  try {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const binary = join(dir, 'blob.txt');
    writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]));
    const r = await run('ingest', empty, binary, join(dir, 'absent.txt'), '--db', join(dir, 'c.db'), '--workers', '0');
    assert.equal(r.status, 1);
    const lines = r.stderr.trim().split('\n');
    assert.deepEqual(lines.slice(0, 3), [
      `spinscope: ${empty}: the file is empty`,
      `spinscope: ${binary}: looks like a binary file, not text`,
      `spinscope: ${join(dir, 'absent.txt')}: no such file or directory`,
    ]);
    assert.match(lines[3], /^spinscope: stored 0, skipped 0 \(already stored\), failed 3 in /);

    // The size refusal names --max-bytes, so ingest has it too.
    const long = join(dir, 'long.txt');
    writeFileSync(long, 'Ferry returns\n\n' + 'The ferry crossed the sound again on Tuesday. '.repeat(60));
    const refused = await run('ingest', long, '--db', join(dir, 'c.db'), '--workers', '0', '--max-bytes', '1k');
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /long\.txt: 2\.\d KB is over the size limit of 1\.0 KB \(raise it with --max-bytes\)/);
    const taken = await run('ingest', long, '--db', join(dir, 'c.db'), '--workers', '0', '--max-bytes', '10k');
    assert.equal(taken.status, 0, taken.stderr);
    assert.match(taken.stderr, /stored 1,/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
