// The CLI end to end: spawns `node bin/spinscope.js` on files the tests write (and on the seeds
// when ../shared is present).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needsShared, seedPath } from '../testing/shared.js';
import { createProgress, countInputs, formatEta, PROGRESS_MIN_ITEMS } from './progress.js';
import { parseSize } from './analyze.js';
import { renderMarkdown } from './markdown.js';
import { createArticle, type Span } from '../model/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'spinscope.js');
const dir = mkdtempSync(join(tmpdir(), 'spinscope-cli-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const ARTICLE = 'Harbour talks end without a deal\n\nThe mayor said the port would stay open. “We will keep talking,” she said.\n\nSHARE THIS ARTICLE';

/** Runs the CLI as a child process; resolves with its exit code and output. */
function spinscope(args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: 120_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Every stderr line is one short line starting with "spinscope:" (no stack traces). */
function assertOneLineErrors(stderr: string) {
  for (const line of stderr.trim().split('\n').filter(Boolean)) {
    assert.match(line, /^spinscope: /, `stderr line: ${line}`);
    assert.doesNotMatch(line, /\bat .+:\d+:\d+/);
  }
}

// Child processes start slowly (tsx, the wink model): run them side by side.
describe('spinscope CLI as a child process', { concurrency: 4 }, () => {
test('analyze --format json on a seed gives section, title, outlet, caption with credit and date', { skip: needsShared('seeds') }, async () => {
  const r = await spinscope(['analyze', seedPath('002'), '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const article = JSON.parse(r.stdout);
  assert.equal(article.meta.section, 'News / Interviews');
  assert.equal(article.meta.outlet, 'Press TV');
  assert.match(article.meta.title, /Syria talks/);
  const caption = article.layers.structure.find((s: { label: string }) => s.label === 'caption');
  assert.deepEqual(caption.attrs, { credit: 'AFP', date: '2016-10-15' });
  assert.ok(article.layers.boilerplate.length >= 2);
});

test('jsonl: one article per line; a bad file is reported and the batch goes on', async () => {
  const batch = join(dir, 'batch');
  mkdirSync(batch);
  writeFileSync(join(batch, 'a.txt'), ARTICLE);
  writeFileSync(join(batch, 'b.txt'), Buffer.from([0, 1, 2, 0, 255]));
  mkdirSync(join(batch, 'sub'));
  const paragraphs = ARTICLE.replace('Harbour', 'Port').split(/\n\s*\n/);
  const page = `<html><head><title>${paragraphs[0]}</title></head><body><article><h1>${paragraphs[0]}</h1>${paragraphs.slice(1).map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  writeFileSync(join(batch, 'sub', 'c.htm'), page);
  const r = await spinscope(['analyze', batch, join(dir, 'missing.txt'), '--format', 'jsonl']);
  assert.equal(r.code, 0);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((a) => a.meta.title), ['Harbour talks end without a deal', 'Port talks end without a deal']);
  for (const a of lines) {
    assert.equal(typeof a.text, 'string');
    for (const layer of ['tokens', 'sentences', 'structure', 'boilerplate']) assert.ok(Array.isArray(a.layers[layer]));
  }
  assertOneLineErrors(r.stderr);
  assert.match(r.stderr, /b\.txt: looks like a binary file/);
  assert.match(r.stderr, /missing\.txt: no such file or directory/);
  assert.match(r.stderr, /analysed 2, failed 2/);
});

test('nothing analysable: non-zero exit and one-line errors', async () => {
  const empty = join(dir, 'nothing');
  mkdirSync(empty);
  const r = await spinscope(['analyze', empty, file('empty.txt', ''), join(dir, 'nope.txt')]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assertOneLineErrors(r.stderr);
  assert.match(r.stderr, /no article files found/);
  assert.match(r.stderr, /empty\.txt: the file is empty/);
  assert.match(r.stderr, /nothing could be analysed \(3 inputs failed\)/);
});

test('ner, cluster and techniques classify refuse binary, empty and missing files with one-line errors (ner used to echo binary with exit 0)', async () => {
  const binary = file('tags.conll', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0, 3]));
  const runs = await Promise.all([
    spinscope(['ner', '--conll', binary]),
    spinscope(['cluster', file('items.jsonl', '   \n')]),
    spinscope(['techniques', 'classify', '--articles', dir, '--spans', join(dir, 'no-template.tsv')]),
  ]);
  for (const r of runs) {
    assert.notEqual(r.code, 0);
    assert.equal(r.stdout, '');
    assertOneLineErrors(r.stderr);
  }
  assert.match(runs[0].stderr, /binary/);
  assert.match(runs[1].stderr, /no text/);
  assert.match(runs[2].stderr, /no-template\.tsv: no such file/);
  const ok = await spinscope(['ner', '--conll', file('two.conll', 'Mayor NNP B-NP O\nAlda NNP I-NP B-PER\n')]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.stdout.trim().split('\n').length, 2);
});

test('--max-bytes refuses larger inputs with a clear message', async () => {
  const r = await spinscope(['analyze', file('small.txt', ARTICLE), '--max-bytes', '100']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /small\.txt: \d+ bytes is over the size limit of 100 bytes \(raise it with --max-bytes\)/);
  assert.equal(parseSize('20MB'), 20 * 1024 * 1024);
  assert.equal(parseSize('500k'), 512_000);
  assert.throws(() => parseSize('lots'));
});

test('a 50 MB file: refused at the default limit, read when --max-bytes allows it', async () => {
  const path = file('huge.txt', '');
  truncateSync(path, 50 * 1024 * 1024); // sparse file of NUL bytes
  const refused = await spinscope(['analyze', path]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /huge\.txt: 50\.0 MB is over the size limit of 20\.0 MB \(raise it with --max-bytes\)/);
  const read = await spinscope(['analyze', path, '--max-bytes', '60MB']);
  assert.equal(read.code, 1);
  assert.match(read.stderr, /huge\.txt: looks like a binary file/); // read this time, then judged
  assertOneLineErrors(read.stderr);
});

test('usage errors exit 2 with a one-line message', async () => {
  const r = await spinscope(['analyze', 'x.txt', '--format', 'pdf']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /pdf/);
});

test('standard input with -, markdown report with every layer', async () => {
  const r = await spinscope(['analyze', '-', '--format', 'md'], ARTICLE);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^# Harbour talks end without a deal$/m);
  assert.match(r.stdout, /\*\*Source:\*\* standard input/);
  assert.match(r.stdout, /## Removed from the body/);
  assert.match(r.stdout, /- \*\*share\*\* “SHARE THIS ARTICLE”/);
  assert.match(r.stdout, /\*\*Sentences:\*\* 4 · \*\*tokens:\*\* \d+/);
  for (const layer of ['boilerplate', 'structure', 'tokens', 'sentences', 'paragraphs']) assert.match(r.stdout, new RegExp(`^### ${layer} \\(\\d+ spans?\\)$`, 'm'));
  assert.match(r.stdout, /Labels: .*NOUN \d+/);
});

test('ingest interrupted with Ctrl-C says what is kept, exits 130, and a re-run goes on where it stopped', async () => {
  const items = file('interrupt.jsonl', Array.from({ length: 400 }, (_, i) => JSON.stringify({ text: `Ferry note ${i}\n\nThe ferry to Lowmere ran ${i} minutes late on Tuesday, the harbour office said.` })).join('\n') + '\n');
  const db = join(dir, 'interrupt.db');
  const child = spawn(process.execPath, [BIN, 'ingest', items, '--db', db, '--workers', '0'], { cwd: ROOT });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  // Interrupt once some articles are committed (the database is readable while it is written).
  const { default: Database } = await import('better-sqlite3');
  const deadline = Date.now() + 90_000;
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    let stored = 0;
    try {
      const reader = new Database(db, { readonly: true, fileMustExist: true });
      stored = (reader.prepare('SELECT count(*) n FROM articles').get() as { n: number }).n;
      reader.close();
    } catch { /* not created yet */ }
    if (stored > 0 || Date.now() > deadline) break;
  }
  child.kill('SIGINT');
  const code = await closed;
  const m = /spinscope: interrupted; the (\d+) articles stored so far are kept in .*interrupt\.db\. Run the same command again to go on/.exec(stderr);
  if (code === 0) return; // finished before the signal arrived (a very fast machine): nothing to check
  assert.equal(code, 130, stderr);
  assert.ok(m, stderr);
  const again = await spinscope(['ingest', items, '--db', db, '--workers', '0']);
  assert.equal(again.code, 0, again.stderr);
  const skipped = Number(/skipped (\d+)/.exec(again.stderr)?.[1]);
  assert.ok(skipped >= Number(m[1]), `the re-run skips what was stored (${skipped} ≥ ${m[1]})`);
  assert.match(again.stderr, new RegExp(`stored ${400 - skipped}, skipped ${skipped} `), 'nothing lost, nothing twice');
});

test('a file of one 10 MB line is analysed in bounded time', async () => {
  const line = 'The minister said talks would resume next week, while analysts warned. '.repeat(Math.ceil(10e6 / 72));
  const path = file('oneline.txt', line);
  const t0 = Date.now();
  const r = await spinscope(['analyze', path, '--format', 'md']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(Date.now() - t0 < 90_000);
  assert.match(r.stdout, /very long paragraph was tokenised in pieces/);
  assert.match(r.stdout, /\*\*tokens:\*\* 1[5-9]\d{5}/);
});
});

test('the markdown report is generic: unknown layers and findings show up', () => {
  const article = { ...createArticle('Kerry met Lavrov in Geneva.'), layers: { entities: [{ start: 0, end: 5, label: 'PER', attrs: { entity: 'e1' }, score: 0.9 }] }, findings: { entities: [{ id: 'e1', name: 'John Kerry' }], summary: { mentions: 1 } } };
  const md = renderMarkdown(article);
  assert.match(md, /### entities \(1 span\)/);
  assert.match(md, /- \*\*PER\*\* “Kerry” \(entity=e1, score=0\.90\)/);
  assert.match(md, /### entities \(1\)\n\n- \{"id":"e1","name":"John Kerry"\}/);
  assert.match(md, /- \*\*mentions:\*\* 1/);
});

test('the markdown report says who speaks and which techniques, with cues and evidence, before the raw layers', () => {
  const text = 'Mill to close\n\n“It is a shameful betrayal,” said Ada Brine. Officials said talks would go on. “Never,” a voice shouted.';
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const quotes: Span[] = [
      { ...at('“It is a shameful betrayal,”'), label: 'quote', attrs: { kind: 'direct', cue: 'said', speakerName: 'Ada Brine', sourceKind: 'person' } },
      { ...at('talks would go on'), label: 'quote', attrs: { kind: 'indirect', cue: 'said', speakerText: 'Officials', sourceKind: 'anonymous' } },
      { ...at('“Never,”'), label: 'quote', attrs: { kind: 'direct' } },
  ];
  const article = { ...createArticle(text), layers: { quotes, techniques: [{ ...at('shameful betrayal'), label: 'Name_Calling,Labeling', score: 0.8, evidence: ["word 'shameful'"] }] } };
  const md = renderMarkdown(article);
  assert.match(md, /## Who speaks\n\n- \*\*Ada Brine\*\* — 1 quote\n  - “It is a shameful betrayal,” \(said\) _direct_/, 'a direct quote keeps its own marks, not doubled');
  assert.match(md, /- \*\*Officials\*\* \(unnamed source\) — 1 quote\n  - “talks would go on” \(said\) _reported_/);
  assert.match(md, /- \*\*no speaker found\*\* — 1 quote\n/, 'unattributed quotes come last, said as such');
  assert.ok(md.indexOf('no speaker found') > md.indexOf('(unnamed source)'));
  assert.match(md, /## Techniques\n\n- \*\*Name Calling \/ Labeling\*\* \(80%\) “shameful betrayal” — word 'shameful'/);
  assert.ok(md.indexOf('## Who speaks') < md.indexOf('## Layers'));
  assert.doesNotMatch(md, /\n\n\n/, 'no doubled blank lines');
});

test('progress bar only on a terminal and for more than a few files', () => {
  let written = '';
  const tty = { isTTY: true, columns: 80, write: (s: string) => ((written += s), true), on() {}, once() {}, removeListener() {} } as unknown as NodeJS.WriteStream;
  const bar = createProgress(PROGRESS_MIN_ITEMS + 3, tty);
  bar.tick();
  bar.log('spinscope: x.txt: bad');
  bar.stop();
  assert.match(written, /analysing \[/);
  assert.match(written, /spinscope: x\.txt: bad\n/);
  written = '';
  const quiet = createProgress(PROGRESS_MIN_ITEMS + 3, { ...tty, isTTY: false } as NodeJS.WriteStream);
  quiet.tick();
  quiet.stop();
  assert.equal(written, '');
  assert.equal(countInputs([dir, '-', join(dir, 'none.txt')])! >= 3, true);
});

test('time left reads in words, "…" before there is a rate (was "ETA NFs" while the first batch was in the workers)', () => {
  assert.equal(formatEta(790, 0), '…');
  assert.equal(formatEta(790, NaN), '…');
  assert.equal(formatEta(45, 1), '45s');
  assert.equal(formatEta(790, 2.2), '6m00s');
  assert.equal(formatEta(365, 1), '6m05s');
  assert.equal(formatEta(3725, 1), '1h02m');
  let written = '';
  const tty = { isTTY: true, columns: 100, write: (s: string) => ((written += s), true), on() {}, once() {}, removeListener() {} } as unknown as NodeJS.WriteStream;
  const bar = createProgress(PROGRESS_MIN_ITEMS + 3, tty);
  bar.tick();
  bar.stop();
  assert.doesNotMatch(written, /NF|NaN|Infinity|NULL/);
});

test('progress counts JSONL items, grows past a short estimate, and counts without a total for crawls', () => {
  const jsonl = file('items-progress.jsonl', '{"text":"a"}\n\n{"text":"b"}\n  \n{"text":"c"}');
  assert.equal(countInputs([jsonl, '-', 'https://example.org/a']), 5);
  assert.equal(countInputs([jsonl, join(dir, 'crawl.warc.gz')]), undefined, 'a crawl makes the count unknown');
  let written = '';
  const tty = { isTTY: true, columns: 100, write: (s: string) => ((written += s), true), on() {}, once() {}, removeListener() {} } as unknown as NodeJS.WriteStream;
  const short = createProgress(PROGRESS_MIN_ITEMS + 1, tty);
  for (let i = 0; i < PROGRESS_MIN_ITEMS + 4; i++) short.tick();
  short.stop();
  assert.doesNotMatch(written, new RegExp(`${PROGRESS_MIN_ITEMS + 4}/${PROGRESS_MIN_ITEMS + 1} `), 'never more done than the total');
  written = '';
  const open = createProgress(undefined, tty);
  open.tick();
  open.tick();
  open.stop();
  assert.match(written, /analysing… 2 articles so far/);
});
