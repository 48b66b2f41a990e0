import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { WARCRecord, WARCSerializer } from 'warcio';
import { readWarc } from './warc.js';
import { readSources } from './read.js';
import { isReadFailure, type ReadResult } from './types.js';

const enc = new TextEncoder();
const page = (title: string, sentence: string) =>
  `<html><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav><article><p>${sentence}</p><p>${sentence.replace('The', 'A second look: the')}</p></article></body></html>`;

async function record(url: string, body: Uint8Array, contentType: string, extraHeaders: Record<string, string> = {}): Promise<Uint8Array> {
  async function* reader() {
    yield body;
  }
  const rec = WARCRecord.create(
    { url, date: '2024-05-06T07:08:09Z', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': contentType, ...extraHeaders }, statusline: 'HTTP/1.1 200 OK' },
    reader(),
  );
  return WARCSerializer.serialize(rec, { gzip: false });
}

async function buildWarc(trailingGarbage: boolean): Promise<Buffer> {
  const parts = [
    await record('https://news.example/a', enc.encode(page('Ferry strike ends', 'The ferry crews of Port Auden returned to work on Monday after a nine-day strike over rosters and pay.')), 'text/html; charset=utf-8'),
    await record('https://news.example/logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), 'image/png'),
    await record('https://news.example/broken', new Uint8Array(2048).map((_, i) => (i * 31) % 7), 'text/html'),
    await record('https://news.example/b', enc.encode(page('Library reopens', 'The county library reopened its reading room after a year of repairs to the leaking roof and windows.')), 'text/html'),
  ];
  const all = Buffer.concat(parts.map((p) => Buffer.from(p)));
  if (!trailingGarbage) return all;
  // A broken record between good ones: a header with no type and a non-numeric length.
  const broken = Buffer.from('WARC/1.1\r\nContent-Length: notanumber\r\n\r\ngarbage garbage\r\n\r\n');
  const last = Buffer.from(parts[0]);
  return Buffer.concat([all, broken, last]);
}

async function collect(it: AsyncIterable<ReadResult>): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of it) out.push(r);
  return out;
}

test('WARC: HTML responses become articles with target URI and WARC date; other records skipped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-warc-'));
  const path = join(dir, 'crawl.warc');
  writeFileSync(path, await buildWarc(false));
  const results = await collect(readWarc(path));
  const docs = results.filter((r) => !isReadFailure(r));
  assert.equal(docs.length, 2);
  const [a, b] = docs as Exclude<ReadResult, { error: string }>[];
  assert.equal(a.meta.url, 'https://news.example/a');
  assert.equal(a.meta.crawled, '2024-05-06T07:08:09Z');
  assert.equal(a.meta.published, '2024-05-06T07:08:09Z');
  assert.equal(a.meta.format, 'warc');
  assert.equal(a.meta.title, 'Ferry strike ends');
  assert.ok(a.text.includes('nine-day strike') && !a.text.includes('Home'));
  assert.equal(b.meta.title, 'Library reopens');
});

test('WARC: a corrupt record is reported and skipped; .warc.gz reads through readSources', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-warc-'));
  const path = join(dir, 'crawl.warc.gz');
  writeFileSync(path, gzipSync(await buildWarc(true)));
  const results = await collect(readSources([path]));
  const failures = results.filter(isReadFailure);
  const docs = results.filter((r) => !isReadFailure(r));
  assert.equal(docs.length, 3, 'the good pages around the broken records survive');
  assert.ok(failures.some((f) => f.code === 'warc-record' && f.origin.includes('/broken')), 'bad payload reported');
  assert.ok(failures.some((f) => f.code === 'warc-corrupt'), 'broken trailing record reported');
  assert.ok(failures.every((f) => f.error.length < 300));
});

test('WARC: a file ending inside a skipped record (a lying Content-Length) ends the file instead of spinning', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-warc-'));
  const good = Buffer.from(await record('https://news.example/a', enc.encode(page('Ferry strike ends', 'The ferry crews of Port Auden returned to work on Monday after a nine-day strike over rosters and pay.')), 'text/html'));
  const image = Buffer.from(await record('https://news.example/logo.png', new Uint8Array(4000).fill(7), 'image/png'));
  // The image record is cut short: its Content-Length promises bytes the file does not have.
  const path = join(dir, 'cut.warc');
  writeFileSync(path, Buffer.concat([good, image.subarray(0, image.length - 3000)]));
  // warcio's skip of the rest loops on promises forever (timers never fire), so run it in a child.
  const script = `import { readWarc } from ${JSON.stringify(new URL('./warc.ts', import.meta.url).href)};
    let n = 0; for await (const r of readWarc(${JSON.stringify(path)})) n++; console.log('results', n);`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30000 });
  assert.equal(child.signal, null, 'finished before the timeout');
  assert.match(child.stdout, /results 1/);
});

test('WARC: a response record cut short by the end of the file gives its partial page with a truncated notice', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-warc-'));
  const paragraphs = Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i}: the harbour board met again to argue about the cost of dredging the channel.</p>`).join('');
  const whole = Buffer.from(await record('https://news.example/long', enc.encode(`<html><body><article>${paragraphs}</article></body></html>`), 'text/html'));
  const complete = Buffer.from(await record('https://news.example/a', enc.encode(page('Ferry strike ends', 'The ferry crews of Port Auden returned to work on Monday after a nine-day strike over rosters and pay.')), 'text/html'));
  const path = join(dir, 'cut.warc');
  writeFileSync(path, Buffer.concat([complete, whole.subarray(0, whole.length - 1200)]));
  const docs = (await collect(readWarc(path))).filter((r) => !isReadFailure(r)) as Exclude<ReadResult, { error: string }>[];
  assert.equal(docs.length, 2);
  assert.ok(!docs[0].notices.some((n) => n.code === 'truncated'), 'a whole record has no notice');
  const cut = docs[1].notices.find((n) => n.code === 'truncated');
  assert.ok(cut, 'the cut record says so');
  assert.match(cut.message, /\d+ bytes short/);
  assert.ok(docs[1].text.includes('Paragraph 0') && !docs[1].text.includes('Paragraph 39'));
});
