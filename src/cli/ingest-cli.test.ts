import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'spinscope.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
const PAGE = '<html><head><title>Dam inspection | Fenmoor Gazette</title><meta name="author" content="Lio Marsh"><meta property="article:published_time" content="2024-04-01T08:00:00Z"></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Dam inspection</h1><p>Engineers began a two-week inspection of the Fenmoor dam on Monday, the first since the spillway was widened in the spring.</p><p>The reservoir will stay open to sailing boats, the water board said, but the footpath across the crest will be closed.</p></article><footer>Contact the newsroom</footer></body></html>';

test('extract --format jsonl prints {path, title, author, published, text} per page, .html.gz included', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-cli-'));
  writeFileSync(join(dir, 'a.html'), PAGE);
  writeFileSync(join(dir, 'b.html.gz'), gzipSync(PAGE));
  const r = run(['extract', join(dir, 'a.html'), join(dir, 'b.html.gz'), '--format', 'jsonl']);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 2);
  assert.deepEqual(Object.keys(lines[0]), ['path', 'title', 'author', 'published', 'text']);
  assert.equal(lines[1].title, 'Dam inspection');
  assert.equal(lines[1].author, 'Lio Marsh');
  assert.equal(lines[1].published, '2024-04-01T08:00:00Z');
  assert.ok(lines[1].text.startsWith('Engineers began') && !lines[1].text.includes('newsroom'));
});

test('analyze takes text, HTML, gzip HTML, JSONL and --feed in one call', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-cli-'));
  writeFileSync(join(dir, 'a.txt'), 'Plain text article about the dam.\n\nIt is short.');
  writeFileSync(join(dir, 'b.html'), PAGE);
  writeFileSync(join(dir, 'c.html.gz'), gzipSync(PAGE));
  writeFileSync(join(dir, 'd.jsonl'), JSON.stringify({ id: 'x', text: 'The ferry runs late on Sundays.' }) + '\n{bad\n');
  const feed = join(dir, 'feed.json');
  writeFileSync(feed, JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'f1', title: 'Feed item', content_text: 'Snow closed the mountain pass overnight.' }] }));
  const r = run(['analyze', join(dir, 'a.txt'), join(dir, 'b.html'), join(dir, 'c.html.gz'), join(dir, 'd.jsonl'), '--feed', feed, '--format', 'jsonl']);
  assert.equal(r.status, 0, r.stderr);
  const arts = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(arts.length, 5);
  assert.deepEqual(arts.map((a) => a.meta.format), ['text', 'html', 'html', 'jsonl', 'feed']);
  assert.match(r.stderr, /d\.jsonl:2/);
});

test('ingest and reanalyze refuse bad --workers, --batch and --db values with a usage error, and reanalyze never creates a corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-cli-'));
  writeFileSync(join(dir, 'a.txt'), 'Dam inspection\n\nEngineers began an inspection of the dam on Monday.');
  const db = join(dir, 'c.db');
  // "1.5" failed with "Invalid array length", "1000" started a thousand threads, "" opened a throwaway database.
  for (const bad of [['--workers', '1.5'], ['--workers', '1000'], ['--workers', 'abc'], ['--batch', '0'], ['--batch', 'x']]) {
    const r = run(['ingest', join(dir, 'a.txt'), '--db', db, ...bad]);
    assert.equal(r.status, 2, `${bad.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /is invalid\. expected a whole number/);
  }
  const empty = run(['ingest', join(dir, 'a.txt'), '--db', '']);
  assert.equal(empty.status, 2, empty.stderr);
  const missing = join(dir, 'typo.db');
  const re = run(['reanalyze', '--db', missing, '--workers', '0']);
  assert.equal(re.status, 1);
  assert.match(re.stderr, /no corpus database at /);
  assert.equal(existsSync(missing), false, 'no empty corpus made at a mistyped path');
});
