import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assertArticleConforms } from '../../model/conformance.js';
import type { Stage } from '../../pipeline-types.js';
import { needsShared, seedPath } from '../../testing/shared.js';
import { renderMarkdown } from '../../cli/markdown.js';
import { analyze } from '../../pipeline.js';
import type { Timeline } from './timeline.js';
import { runFacts, textOf } from './testing.js';
import { factsStage } from './index.js';
import { CLAUSE_WINDOW_CHARS } from './constants.js';

// An invented article: caption with a date, then a body with absolute and relative dates.
const ARTICLE = [
  'Harbour talks stall',
  '',
  'Ministers Ana Varga (L) and Tom Reyes meet in Porto, on June 4, 2021. (Photo by Example Agency)',
  '',
  'Ana Varga and Tom Reyes met for six hours on Friday in Porto. The dispute began in May 2019, when Northport closed its quay. Since 2020 the ferry line has lost 400 jobs, according to the Harbour Union.',
].join('\n');

const timelineOf = (a: { findings: Record<string, unknown> }) => a.findings.timeline as Timeline;

test('the facts stage anchors relative dates on a caption date and builds an ordered timeline', async () => {
  const article = await runFacts(ARTICLE);
  assertArticleConforms(article);
  const timeline = timelineOf(article);
  assert.deepEqual(timeline.now, { date: '2021-06-04', from: 'caption', anchored: true });
  assert.deepEqual(timeline.entries.map((e) => e.value), ['2019-05', '2020/2021-06-04', '2021-06-04']);
  const friday = timeline.entries[2];
  assert.equal(friday.text, 'Friday');
  assert.deepEqual(friday.actors.map((a) => a.name), ['Ana Varga', 'Tom Reyes', 'Porto']);
  assert.match(friday.label, /met for six hours in Porto/);
  assert.equal(timeline.nowIndex, 3);
  const may = timeline.entries[0];
  assert.match(may.label, /dispute began/);
  // the caption is not a body statement
  assert.ok(article.layers.statements.every((s) => !textOf(article, s).includes('Photo by')));
  const [jobs] = article.layers.figures.filter((f) => textOf(article, f) === '400');
  assert.deepEqual([jobs.attrs?.unit, jobs.attrs?.source], ['jobs', 'Harbour Union']);
});

test('without an anchor, relative dates stay unresolved and sort after absolute ones', async () => {
  const article = await runFacts('Title\n\nThe envoys met on Friday. The war began in 2011.');
  const timeline = timelineOf(article);
  assert.equal(timeline.now.anchored, false);
  assert.deepEqual(timeline.entries.map((e) => [e.text, e.anchored]), [['2011', true], ['Friday', false]]);
});

test('metadata publication date wins over printed dates', async () => {
  const article = await runFacts('Title\n\nThe envoys met on Friday.', { published: '2020-01-08T10:00:00Z' });
  assert.equal(timelineOf(article).entries[0].value, '2020-01-03');
});

test('entities and quotes layers are used when present', async () => {
  const text = 'Title\n\nSome 500 families fled on Monday, the mayor said. Dana Whit spoke in Lille on Monday.';
  const at = (s: string) => text.indexOf(s);
  const fakeEntities: Stage = {
    name: 'entities', version: 'test', requires: ['tokens'], assigns: ['entities'],
    run: () => ({ layers: { entities: [
      { start: at('Dana Whit'), end: at('Dana Whit') + 9, label: 'PER', attrs: { entity: 'e1' } },
      { start: at('Lille'), end: at('Lille') + 5, label: 'LOC', attrs: { entity: 'e2' } },
    ] } }),
  };
  const fakeQuotes: Stage = {
    name: 'quotes', version: 'test', requires: ['tokens'], assigns: ['quotes'],
    run: () => ({ layers: { quotes: [{ start: at('Some 500'), end: at(', the mayor'), label: 'indirect', attrs: { speakerText: 'Mayor Ilse Brandt', speaker: 'e9', cue: 'said' } }] } }),
  };
  const article = await runFacts(text, {}, [fakeEntities, fakeQuotes]);
  const [figure] = article.layers.figures;
  assert.deepEqual([figure.attrs?.source, figure.attrs?.sourceEntity, figure.attrs?.sourceKind], ['Mayor Ilse Brandt', 'e9', 'quote']);
  const lille = timelineOf(article).entries.find((e) => e.start > at('Dana'))!;
  assert.deepEqual(lille.actors.map((a) => a.entity), ['e1', 'e2']);
});

test('a caption or dateline date given as an attribute by the clean stage anchors relative dates', async () => {
  const text = 'Title\n\nMinisters meet in Porto. (Photo by Example Agency)\n\nThe ministers met on Friday.';
  for (const label of ['caption', 'dateline']) {
    const marker: Stage = {
      name: 'marker', version: 'test', requires: ['structure'], assigns: ['structure'],
      run: (a) => ({ layers: { structure: [...a.layers.structure, { start: text.indexOf('Ministers'), end: text.indexOf('Agency)') + 7, label, attrs: { date: '2021-06-04' } }] } }),
    };
    const article = await runFacts(text, {}, [marker]);
    const timeline = timelineOf(article);
    assert.deepEqual([timeline.now.date, timeline.now.from], ['2021-06-04', label]);
    assert.equal(timeline.entries[0].value, '2021-06-04');
  }
});

test('analyze runs the facts stage and the markdown report shows its sections', async () => {
  const article = await analyze('Title\n\nThe port closed in March 2011, and 40 workers lost their jobs.');
  assert.equal(article.analysis.facts, factsStage.version);
  const md = renderMarkdown(article);
  assert.match(md, /## Timeline/);
  assert.match(md, /## Figures/);
  assert.match(md, /## Statements/);
});

test('a timeline line without a label ends at the date, not with a dangling colon', () => {
  const md = renderMarkdown({
    text: 'Closed on Monday.', meta: {}, layers: {}, notices: [], analysis: {},
    findings: { timeline: { now: { date: '2025-03-02', from: 'published' }, nowIndex: 1, entries: [{ text: 'Monday', value: '2025-02-24', start: 10, end: 16, label: '', actors: [] }] } },
  });
  assert.match(md, /^- \*\*2025-02-24\*\* \(Monday\)$/m);
  assert.doesNotMatch(md, /\(Monday\): *$/m);
});

// ---- Seeds (read in place from ../shared; skipped in a fresh clone) ----

const seed = (prefix: string) => runFacts(readFileSync(seedPath(prefix), 'utf8'));

test('seed 000: timeline, the 400,000 figure and Preston\'s sentences', { skip: needsShared('seeds') }, async () => {
  const article = await seed('000');
  assertArticleConforms(article);
  const timeline = timelineOf(article);
  const find = (s: string) => timeline.entries.findIndex((e) => e.text.includes(s));
  const order = ['March 2011', 'September 2014', 'September 2015', 'Friday'].map(find);
  assert.ok(order.every((i) => i >= 0), `all four dates on the timeline: ${order}`);
  assert.deepEqual([...order].sort((a, b) => a - b), order, 'in chronological order');
  assert.equal(timeline.entries[order[0]].value.split('/')[0], '2011-03');
  assert.equal(timeline.entries[order[1]].value, '2014-09');
  assert.equal(timeline.entries[order[2]].value, '2015-09');
  const actors = (i: number) => timeline.entries[i].actors.map((a) => a.name).join('; ');
  assert.match(actors(order[1]), /\bUS\b/);
  assert.match(actors(order[2]), /Russia/);
  assert.match(actors(order[3]), /Kerry/);
  assert.match(actors(order[3]), /Lavrov/);
  assert.match(actors(order[3]), /Geneva/);

  const figure = article.layers.figures.find((f) => textOf(article, f).includes('400,000'))!;
  assert.ok(figure, 'the 400,000 figure');
  assert.deepEqual([figure.attrs?.qualifier, figure.attrs?.value, figure.attrs?.counted], ['over', 400000, 'people killed']);
  assert.equal(figure.attrs?.source, 'Staffan de Mistura');

  // Preston's sentences: the ones naming him, and the quotations and "he said" lines after them
  const prestons = article.layers.statements.filter((s) => {
    const t = textOf(article, s);
    return /Preston|^[“"]|\bhe (?:said|added|continued)\b|The analyst said/.test(t);
  });
  assert.ok(prestons.length >= 8, `found ${prestons.length} of Preston's sentences`);
  for (const s of prestons) assert.notEqual(s.label, 'factual', textOf(article, s).slice(0, 60));
  // and the reporter's own dated sentences are factual
  const march = article.layers.statements.find((s) => textOf(article, s).includes('since March 2011'))!;
  assert.equal(march.label, 'factual');
});

test('seed 002: the caption date anchors "on Saturday"; 400,000 from de Mistura; 2011 dates', { skip: needsShared('seeds') }, async () => {
  const article = await seed('002');
  assertArticleConforms(article);
  const timeline = timelineOf(article);
  assert.equal(timeline.now.date, '2016-10-15');
  const saturday = timeline.entries.find((e) => e.text === 'Saturday')!;
  assert.equal(saturday.value, '2016-10-15');
  const figure = article.layers.figures.find((f) => textOf(article, f).includes('400,000'))!;
  assert.deepEqual([textOf(article, figure), figure.attrs?.unit], ['more than 400,000', 'people']);
  assert.match(String(figure.attrs?.source), /de Mistura/);
  const march = timeline.entries.find((e) => e.text === 'March 2011')!;
  assert.equal(march.value, '2011-03');
  assert.equal(march.relation, 'in');
  const erupted = timeline.entries.find((e) => e.value === '2011')!;
  assert.match(erupted.label, /erupted/);
  assert.ok(timeline.entries.indexOf(erupted) < timeline.entries.indexOf(saturday));
});

test('timeline: in a "sentence" of thousands of dates each clause stays near its date (linear time)', async () => {
  const article = await runFacts(`Listing\n\n${'March 1, 2026 '.repeat(1500)}`);
  const timeline = article.findings.timeline as { entries: { start: number; end: number; clauseStart: number; clauseEnd: number }[] };
  assert.ok(timeline.entries.length > 1000);
  for (const e of timeline.entries) {
    assert.ok(e.clauseStart <= e.start && e.end <= e.clauseEnd, 'the clause holds its date');
    assert.ok(e.start - e.clauseStart <= CLAUSE_WINDOW_CHARS && e.clauseEnd - e.end <= CLAUSE_WINDOW_CHARS, `clause [${e.clauseStart}, ${e.clauseEnd}) of date at ${e.start}`);
  }
});
