import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readSources } from './read.js';
import { encodingByBom, jsonlItem, LineSplitter } from './jsonl.js';
import { isReadFailure, type ReadResult } from './types.js';

test('JSONL: text and html items with metadata; bad lines reported, not fatal', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-jsonl-'));
  const path = join(dir, 'items.jsonl');
  const html = '<html><head><title>Page title</title></head><body><nav>Menu</nav><article><p>The night bus to Orrin will run every twenty minutes from next week, the transport board said on Friday.</p></article></body></html>';
  writeFileSync(path, [
    JSON.stringify({ id: 'a1', text: 'The bridge reopened on Monday.', title: 'Bridge reopens', published: '2024-02-03', outlet: 'Orrin Post', url: 'https://orrin.example/bridge' }),
    '{not json',
    JSON.stringify({ id: 7, html, title: 'Night bus' }),
    JSON.stringify({ url: 'https://orrin.example/x' }),
    '',
    JSON.stringify([1, 2]),
  ].join('\n'));
  const results: ReadResult[] = [];
  for await (const r of readSources([path])) results.push(r);
  assert.equal(results.length, 5);
  const [a, bad, b, none, arr] = results;
  assert.ok(!isReadFailure(a));
  assert.equal(a.text, 'The bridge reopened on Monday.');
  assert.deepEqual([a.id, a.meta.title, a.meta.published, a.meta.outlet, a.meta.url, a.meta.format], ['a1', 'Bridge reopens', '2024-02-03', 'Orrin Post', 'https://orrin.example/bridge', 'jsonl']);
  assert.ok(isReadFailure(bad) && bad.origin.endsWith(':2'));
  assert.match(bad.error, /:2: not a JSON object on this line \(.+\)$/, 'the message says the line is not JSON');
  assert.ok(!isReadFailure(b) && b.text.includes('night bus') && !b.text.includes('Menu') && b.id === '7' && b.meta.title === 'Night bus');
  assert.ok(isReadFailure(none) && /neither "text" nor "html"/.test(none.error));
  assert.ok(isReadFailure(arr));
  const gz = join(dir, 'items.jsonl.gz');
  writeFileSync(gz, gzipSync(JSON.stringify({ text: 'Gzip lines work too.' }) + '\n'));
  const fromGz: ReadResult[] = [];
  for await (const r of readSources([gz])) fromGz.push(r);
  assert.ok(fromGz.length === 1 && !isReadFailure(fromGz[0]) && fromGz[0].text === 'Gzip lines work too.');
});

test('JSONL published dates are stored as ISO dates; a non-date is left out with a notice', () => {
  assert.equal(jsonlItem({ text: 'The ferry is back.', published: '10 March 2026' }, 'x.jsonl:1').meta.published, '2026-03-10');
  assert.equal(jsonlItem({ text: 'The ferry is back.', published: '2026-03-10T08:30:00Z' }, 'x.jsonl:1').meta.published, '2026-03-10T08:30:00Z');
  const bad = jsonlItem({ text: 'The ferry is back.', published: 'yesterday' }, 'x.jsonl:2');
  assert.equal(bad.meta.published, undefined);
  assert.deepEqual(bad.notices.map((n) => n.code), ['bad-date']);
  assert.match(bad.notices[0].message, /"yesterday" is not a date/);
});

test('JSONL lines: an over-long line is dropped as it streams (bounded memory), the next lines keep their numbers', () => {
  const lines = new LineSplitter(50);
  const seen: { n: number; text: string; tooLong: boolean }[] = [];
  let most = 0;
  // A line of 10,000 characters arriving in pieces, as from a file with no newline for megabytes.
  for (let i = 0; i < 100; i++) {
    seen.push(...lines.push('x'.repeat(100)));
    most = Math.max(most, lines.buffered);
  }
  seen.push(...lines.push('\n{"text": "after"}\r'), ...lines.push('\n\r{"a": 1}'), ...lines.end());
  assert.ok(most <= 50, `held ${most} characters of one line`);
  assert.deepEqual(seen.map((l) => [l.n, l.tooLong, l.text]), [[1, true, ''], [2, false, '{"text": "after"}'], [3, false, ''], [4, false, '{"a": 1}']]);
  const bom = new LineSplitter();
  assert.deepEqual(bom.end('\uFEFF{"text": "a"}').map((l) => l.text), ['{"text": "a"}'], 'a byte-order mark at the start goes');
});

test('JSONL saved as UTF-16 (with a byte-order mark, either byte order) reads as UTF-8 does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-jsonl16-'));
  const lines = [JSON.stringify({ id: 'q1', text: 'Café owners in Ørsted met on Tuesday.' }), JSON.stringify({ id: 'q2', text: 'The ferry “Lark” sails again.' })].join('\r\n') + '\r\n';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines, 'utf16le')]);
  const be = Buffer.from(le); // swap each byte pair for big-endian
  for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
  for (const [name, bytes] of [['le.jsonl', le], ['be.jsonl', be]] as const) {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const got: ReadResult[] = [];
    for await (const r of readSources([path])) got.push(r);
    assert.deepEqual(got.map((r) => (isReadFailure(r) ? r.error : [r.id, r.text])), [['q1', 'Café owners in Ørsted met on Tuesday.'], ['q2', 'The ferry “Lark” sails again.']], name);
  }
  assert.equal(encodingByBom(Buffer.from('{"text":"a"}')), 'utf-8');
});
