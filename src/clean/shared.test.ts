// Cleanup on the seeds and on other outlets' article text from ../shared (read in place; the
// tests skip when ../shared is absent).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { needsShared, seedPath, DATA_DIR } from '../testing/shared.js';
import { analyze } from '../pipeline.js';
import { assertArticleConforms } from '../model/conformance.js';
import { offsetMap, overlaps, type Span } from '../model/index.js';
import { cleanText } from './clean.js';
import { nonBlankLines } from './lines.js';
import { bodyRanges } from './body.js';

/** Articles per data set (CLEAN_SAMPLE=all-ish numbers run a wider check locally). */
const SAMPLE = Number(process.env.CLEAN_SAMPLE ?? 50);

/** Labels that may mark part of an other outlet's article besides its title line. */
const ALLOWED_EXTRA = new Set(['dateline', 'credit', 'caption', 'byline', 'copyright', 'related', 'furniture', 'app-promo', 'newsletter', 'follow', 'share']);

/** Beyond the title, cleanup may mark this share of an article (or a few short credit lines). */
const MAX_MARKED_SHARE = 0.1;
const MAX_MARKED_CHARS = 300;

async function seed(prefix: string) {
  const text = readFileSync(seedPath(prefix), 'utf8');
  return { text, article: await analyze({ text, meta: { origin: seedPath(prefix) }, notices: [] }) };
}

/** The lines of the text after the last body paragraph: everything from the first footer line on. */
function tailLines(text: string, from: string) {
  const lines = nonBlankLines(text);
  const k = lines.findIndex((l) => l.text.includes(from));
  return lines.slice(k);
}

for (const prefix of ['000', '002']) {
  test(`seed ${prefix}: section, title, outlet, footer marked, body untouched`, { skip: needsShared('seeds') }, async () => {
    const { text, article } = await seed(prefix);
    assertArticleConforms(article);
    assert.equal(article.text, text);
    assert.equal(article.meta.section, 'News / Interviews');
    assert.equal(article.meta.outlet, 'Press TV');
    const lines = nonBlankLines(text);
    assert.equal(article.meta.title, lines[1].text);
    const structure = article.layers.structure;
    assert.deepEqual(structure.find((s) => s.label === 'title'), { ...structure.find((s) => s.label === 'title'), start: lines[1].start, end: lines[1].end });
    // every line from the mirror notice to the end is boilerplate
    const tail = tailLines(text, 'can also be accessed');
    assert.ok(tail.length >= 2);
    for (const line of tail) {
      assert.ok(article.layers.boilerplate.some((s) => s.start === line.start && s.end === line.end), `footer line not marked: ${line.text}`);
    }
    // the body: every line between the title (and caption) and the footer is outside the marks
    const body = bodyRanges(article);
    const caption = structure.find((s) => s.label === 'caption');
    for (const line of lines.slice(2, lines.findIndex((l) => l.start === tail[0].start))) {
      if (caption && caption.start === line.start) continue;
      assert.ok(body.some((r) => r.start <= line.start && line.end <= r.end), `body line marked: ${line.text.slice(0, 60)}`);
    }
    assert.ok(article.layers.boilerplate.every((s) => typeof s.attrs?.kind === 'string'));
  });
}

test('seed 002: the photo caption with credit AFP and its date', { skip: needsShared('seeds') }, async () => {
  const { text, article } = await seed('002');
  const captions = article.layers.structure.filter((s) => s.label === 'caption');
  assert.equal(captions.length, 1);
  const caption = captions[0];
  assert.equal(caption.attrs?.credit, 'AFP');
  assert.equal(caption.attrs?.date, '2016-10-15');
  assert.equal(caption.start, nonBlankLines(text)[2].start, 'the caption is the line after the title');
  const credit = article.layers.structure.find((s) => s.label === 'credit')!;
  assert.match(text.slice(credit.start, credit.end), /AFP/);
  assert.ok(caption.start <= credit.start && credit.end <= caption.end);
});

/** Gold annotated spans (UTF-16) per PTC article: technique spans lie in body sentences. */
function ptcGold(): Map<string, [number, number][]> {
  const gold = new Map<string, [number, number][]>();
  for (const row of readFileSync(join(DATA_DIR, 'ptc', 'train-task1-SI.labels'), 'utf8').split('\n')) {
    const [id, start, end] = row.split('\t');
    if (!end) continue;
    if (!gold.has(id)) gold.set(id, []);
    gold.get(id)!.push([Number(start), Number(end)]);
  }
  return gold;
}

/** Gold attribution spans (code points) of a PolNeAR article: the first annotator's file. */
function polnearGold(dir: string, name: string): [number, number][] {
  const base = name.replace(/\.txt$/, '');
  const ann = readdirSync(join(dir, 'attributions')).filter((f) => f.startsWith(base + '_')).sort()[0];
  if (!ann) return [];
  const spans: [number, number][] = [];
  for (const row of readFileSync(join(dir, 'attributions', ann), 'utf8').split('\n')) {
    if (!row.startsWith('T') || (row.split('\t')[1] ?? 'Discard').startsWith('Discard')) continue; // Discard: annotators' non-article text
    for (const part of row.split('\t')[1].split(' ').slice(1).join(' ').split(';')) {
      const [a, b] = part.split(' ').map(Number);
      if (Number.isFinite(a) && Number.isFinite(b)) spans.push([a, b]);
    }
  }
  return spans;
}

/** Checks one other-outlet article; returns the number of non-title marks. */
function checkOtherOutlet(name: string, text: string, goldCodePoints: [number, number][]): number {
  const { structure, boilerplate } = cleanText(text);
  const first = nonBlankLines(text)[0];
  const title = structure.find((s) => s.label === 'title');
  if (title) assert.deepEqual([title.start, title.end], [first.start, first.end], `${name}: title is not the first line`);
  const extra = [...structure, ...boilerplate].filter((s) => s.label !== 'title');
  const map = offsetMap(text);
  const gold = goldCodePoints.map(([a, b]) => ({ start: map.toUtf16(a), end: map.toUtf16(b) }));
  let chars = 0;
  for (const span of extra as Span[]) {
    const where = `${name}: ${span.label} "${text.slice(span.start, span.end).slice(0, 60)}"`;
    assert.ok(ALLOWED_EXTRA.has(span.label), `${where}: unexpected label`);
    // PTC annotators also labelled a few photo captions; a caption is never body text
    if (span.label !== 'caption') assert.ok(!gold.some((g) => overlaps(g, span)), `${where}: overlaps an annotated body span`);
    if (span.label === 'dateline') assert.ok(span.end - span.start <= 40, `${where}: dateline too long`);
    chars += span.end - span.start;
  }
  assert.ok(chars <= Math.max(MAX_MARKED_SHARE * text.length, MAX_MARKED_CHARS), `${name}: cleanup marked ${chars} of ${text.length} characters`);
  return extra.length;
}

test(`${SAMPLE} PTC training articles: only the title line, no annotated body text`, { skip: needsShared('data/ptc') }, () => {
  const dir = join(DATA_DIR, 'ptc', 'train-articles');
  const gold = ptcGold();
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, SAMPLE);
  assert.equal(files.length, SAMPLE);
  let titles = 0;
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    checkOtherOutlet(f, text, gold.get(f.replace(/^article|\.txt$/g, '')) ?? []);
    if (cleanText(text).meta.title) titles++;
  }
  assert.equal(titles, SAMPLE, 'every PTC article has its title line found');
});

test(`${SAMPLE} PolNeAR articles: only the title line (and wire datelines, credits), no annotated body text`, { skip: needsShared('data/polnear/train') }, () => {
  const dir = join(DATA_DIR, 'polnear', 'train');
  const files = readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort();
  // a spread sample over the outlets (the list is sorted by outlet)
  const step = Math.floor(files.length / SAMPLE);
  const sample = Array.from({ length: SAMPLE }, (_, i) => files[i * step]);
  let extras = 0;
  for (const f of sample) {
    const text = readFileSync(join(dir, 'text', f), 'utf8');
    extras += checkOtherOutlet(f, text, existsSync(join(dir, 'attributions')) ? polnearGold(dir, f) : []);
  }
  assert.ok(extras <= SAMPLE, `at most one mark beyond the title per article on average (got ${extras})`);
});
