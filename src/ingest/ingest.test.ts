// Bad input, each with files the test makes in a temporary directory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, truncateSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readSources, readTextFile, readStream, decodeBytes, isReadFailure, DEFAULT_MAX_BYTES, type ReadResult } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'spinscope-ingest-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const TEXT = 'Harbour talks end\n\nThe mayor said the port would stay open. “We will keep talking,” she said.';

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function all(inputs: string[], maxBytes?: number): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readSources(inputs, { maxBytes })) out.push(r);
  return out;
}

function utf16(text: string, order: 'le' | 'be', bom = true): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const bytes = order === 'le' ? le : Buffer.from(le.map((_, i) => le[i ^ 1]));
  return Buffer.concat([bom ? Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), bytes]);
}

test('missing file: one-line error', async () => {
  const [r] = await all([join(dir, 'nope.txt')]);
  assert.ok(isReadFailure(r));
  assert.equal(r.code, 'not-found');
  assert.match(r.error, /nope\.txt: no such file or directory$/);
});

test('directory without articles: one-line error', async () => {
  const empty = join(dir, 'empty-dir');
  mkdirSync(join(empty, 'sub'), { recursive: true });
  writeFileSync(join(empty, 'notes.pdf'), 'x');
  const [r, ...rest] = await all([empty]);
  assert.equal(rest.length, 0);
  assert.ok(isReadFailure(r));
  assert.equal(r.code, 'empty-dir');
  assert.match(r.error, /no article files found/);
});

test('binary file is refused', async () => {
  const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  const [r] = await all([file('image.txt', bytes)]);
  assert.ok(isReadFailure(r));
  assert.equal(r.code, 'binary');
  assert.match(r.error, /binary file/);
});

test('empty and blank files are refused', async () => {
  const [a, b] = await all([file('empty.txt', ''), file('blank.txt', ' \n\n\t\n')]);
  assert.ok(isReadFailure(a) && isReadFailure(b));
  assert.equal(a.code, 'empty');
  assert.match(a.error, /empty/);
  assert.match(b.error, /only white space/);
});

test('invalid UTF-8 is decoded with replacement, and a notice says so', () => {
  const bytes = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' au lait. Bad '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' end.')]);
  const doc = readTextFile(file('latin1.txt', bytes));
  assert.equal(doc.text.slice(0, 5), 'Caf\ufffd ');
  assert.equal(doc.notices[0].code, 'invalid-utf8');
  assert.match(doc.notices[0].message, /invalid UTF-8; \d+ byte sequences? replaced with U\+FFFD/);
  assert.ok(doc.text.endsWith(' end.'));
});

test('valid UTF-8 (with or without BOM) has no notice; the BOM is not part of the text', () => {
  const doc = readTextFile(file('bom8.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])));
  assert.equal(doc.text, TEXT);
  assert.deepEqual(doc.notices, []);
});

for (const order of ['le', 'be'] as const) {
  test(`UTF-16 ${order.toUpperCase()} with BOM is decoded`, () => {
    const doc = readTextFile(file(`utf16${order}.txt`, utf16(TEXT, order)));
    assert.equal(doc.text, TEXT);
    assert.equal(doc.notices[0].code, 'encoding');
    assert.match(doc.notices[0].message, new RegExp(`UTF-16${order.toUpperCase()}`));
  });
}

test('UTF-16 without BOM is recognised by its NUL bytes', () => {
  assert.equal(decodeBytes(utf16(TEXT, 'le', false), 'x').text, TEXT);
  assert.equal(decodeBytes(utf16(TEXT, 'be', false), 'x').text, TEXT);
});

test('a 50 MB file is refused by the size limit with a clear message (without reading it)', async () => {
  const path = file('huge.txt', '');
  truncateSync(path, 50 * 1024 * 1024); // sparse: instant, never read
  const [r] = await all([path]);
  assert.ok(isReadFailure(r));
  assert.equal(r.code, 'too-large');
  assert.match(r.error, /huge\.txt: 50\.0 MB is over the size limit of 20\.0 MB \(raise it with --max-bytes\)/);
  assert.equal(DEFAULT_MAX_BYTES, 20 * 1024 * 1024);
  const [small] = await all([file('small.txt', TEXT)], 10);
  assert.ok(isReadFailure(small) && small.code === 'too-large');
});

test('a file of one 10 MB line is read', () => {
  const line = 'The minister said talks would resume next week. '.repeat(Math.ceil(10e6 / 49));
  const doc = readTextFile(file('oneline.txt', line));
  assert.equal(doc.text.length, line.length);
  assert.ok(!doc.text.includes('\n'));
});

test('one bad file does not stop a batch; results keep input order', async () => {
  const batch = join(dir, 'batch');
  mkdirSync(batch);
  writeFileSync(join(batch, 'a.txt'), TEXT);
  writeFileSync(join(batch, 'b.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 9]));
  writeFileSync(join(batch, 'c.txt'), TEXT);
  const results = await all([batch, join(dir, 'missing.txt')]);
  assert.deepEqual(results.map((r) => (isReadFailure(r) ? r.code : 'ok')), ['ok', 'binary', 'ok', 'not-found']);
});

test('standard input is read as a stream, with the same limit and decoding', async () => {
  const doc = await readStream(Readable.from([Buffer.from(TEXT.slice(0, 10)), Buffer.from(TEXT.slice(10))]), 'standard input');
  assert.equal(doc.text, TEXT);
  assert.equal(doc.meta.origin, 'standard input');
  await assert.rejects(readStream(Readable.from([Buffer.alloc(64, 65), Buffer.alloc(64, 65)]), 'standard input', { maxBytes: 100 }), /standard input: more than 128 bytes is over the size limit of 100 bytes/);
});

test('a .gz file that is not gzip says so, not only zlib\'s "incorrect header check"', async () => {
  const [r] = await all([file('items.jsonl.gz', '{"text":"plain, not compressed"}\n')]);
  assert.ok(isReadFailure(r));
  assert.match(r.error, /items\.jsonl\.gz: not valid gzip data \(incorrect header check\)$/);
});

test('a feed given as a plain input is pointed to --feed, not analysed as an article of markup', async () => {
  const rss = file('news.xml', '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Harbour news</title><item><title>Ferry returns</title><description>The ferry is back.</description></item></channel></rss>');
  const json = file('feed.txt', '{"version": "https://jsonfeed.org/version/1.1", "title": "Harbour news", "items": []}');
  for (const path of [rss, json]) {
    const [r] = await all([path]);
    assert.ok(isReadFailure(r), path);
    assert.equal(r.error, `${path}: this is a feed (RSS, Atom or JSON Feed): give it with --feed ${path}`);
  }
  const [prose] = await all([file('about-rss.txt', 'Feeds explained\n\nAn <rss> element starts every RSS feed, the manual said.')]);
  assert.ok(!isReadFailure(prose), 'text that mentions a feed is still an article');
});

test('a text starting with many HTML comments is read at once (the feed sniff does not backtrack)', async () => {
  // Each "<!--x-->" could also be read as part of one longer comment: the old sniff pattern
  // tried every split, exponential in the count (26 comments: seconds; 40: hours).
  const path = file('comments.txt', `<!--p${'--><!--px'.repeat(26)} and then some words of text.`);
  const started = performance.now();
  const [r] = await all([path]);
  assert.ok(performance.now() - started < 1000, `took ${Math.round(performance.now() - started)} ms`);
  assert.ok(!isReadFailure(r), 'read as text, not refused as a feed');
  const feed = file('commented-feed.txt', `<?xml version="1.0"?>\n<!-- a -- b --->\n<!---->\n<rss><channel></channel></rss>`);
  const [f] = await all([feed]);
  assert.ok(isReadFailure(f) && f.code === 'is-feed', 'a feed after comments is still recognised');
});

test('a directory with a broken link, a link loop and a pipe: each is reported, the articles beside them are read', async () => {
  const root = join(dir, 'walk');
  mkdirSync(join(root, 'sub'), { recursive: true });
  writeFileSync(join(root, 'sub', 'a.txt'), TEXT);
  symlinkSync('missing.txt', join(root, 'dangling.txt'));
  symlinkSync('..', join(root, 'sub', 'up'));
  const fifo = spawnSync('mkfifo', [join(root, 'pipe.txt')]).status === 0;
  const results = await all([root]);
  const docs = results.filter((r) => !isReadFailure(r));
  assert.equal(docs.length, 1, 'the article is read (one whole-directory error lost it before)');
  const codes = results.filter(isReadFailure).map((r) => `${r.code} ${r.origin.slice(root.length)}`).sort();
  assert.deepEqual(codes, ['broken-link /dangling.txt', 'link-loop /sub/up', ...(fifo ? ['not-a-file /pipe.txt'] : [])].sort());
});

test('a device given as a file is read up to the limit, not forever: /dev/zero as text, /dev/urandom as a page', { skip: !existsSync('/dev/zero') }, async () => {
  const zero = join(dir, 'zero.txt');
  const random = join(dir, 'random.html');
  symlinkSync('/dev/zero', zero);
  symlinkSync('/dev/urandom', random);
  const [z] = await all([zero], 1024 * 1024);
  assert.ok(isReadFailure(z) && z.code === 'too-large', JSON.stringify(z).slice(0, 200));
  const [r] = await all([random]);
  assert.ok(isReadFailure(r) && r.code === 'binary');
  assert.equal(r.error, `${random}: content is binary, not HTML`, 'the message names the file');
});
