import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, Attrs } from '../../src/model/index.js';
import { figureGloss, figures, findingTip, nameOf, sourcingSummary, techniqueRates, timeline } from './findings.js';

const article = (over: Partial<Article>): Article => ({ text: '', meta: {}, layers: {}, findings: {}, notices: [], analysis: {}, ...over } as Article);

test('the sourcing summary names the dominant voice instead of showing its id', () => {
  const a = article({
    findings: {
      sources: [{ id: 'e7', name: 'Ada Brine' }],
      entities: [{ id: 'e9', name: 'Port Board' }],
      sourcing: { quotes: 3, namedSources: 1, anonymousSources: 0, unresolvedQuotes: 0, quotedShare: 0.414, dominant: 'e7', singleVoice: true, oneSide: true, shareBySource: { e7: 1 } },
    },
  });
  const rows = Object.fromEntries(sourcingSummary(a));
  assert.equal(rows['Dominant voice'], 'Ada Brine');
  assert.equal(rows['Quoted text'], '41% of the article');
  assert.ok(!JSON.stringify(rows).match(/\be7\b/));
  assert.equal(nameOf(a, 'e9'), 'Port Board');
  assert.equal(nameOf(a, 'anon:officials'), 'unnamed officials');
});

test('timeline entries read as dates and durations, never as ISO codes', () => {
  const text = 'The strike has lasted two years. It began in March 2011 and ended on Friday.';
  const a = article({
    text,
    findings: { timeline: { now: { date: '2016-10-15' }, nowIndex: 2, entries: [
      { text: 'two years', value: 'P2Y', start: 22, end: 31, label: 'The strike has lasted' },
      { text: 'March 2011', value: '2011-03', start: 45, end: 55, label: 'It began' },
      { text: 'Friday', value: '2016-10-14', start: 69, end: 75, label: 'ended' },
    ] } },
  });
  const rows = timeline(a);
  assert.deepEqual(rows.map((r) => r.when), ['2 years', 'March 2011', 'Friday 14 Oct 2016']);
  assert.equal(rows[2].written, 'Friday');
  assert.equal(rows[1].written, undefined);
  assert.equal(rows[2].afterNow, true);
  const since = timeline(article({ text, findings: { timeline: { nowIndex: 1, entries: [{ text: 'since 2021', value: '2021/2026-03-08', relation: 'since', start: 0, end: 10, label: 'talks' }] } } }));
  assert.equal(since[0].when, 'since 2021');
});

test('a timeline entry whose "what" is only its date word ("Tuesday", "Tuesday") leaves the repetition out', () => {
  const text = 'The bridge closed on Tuesday.';
  const rows = timeline(article({ text, findings: { timeline: { nowIndex: 1, entries: [{ text: 'Tuesday', value: '2025-01-14', start: 21, end: 28, label: '', clauseStart: 21, clauseEnd: 28 }] } } }));
  assert.equal(rows[0].when, 'Tuesday 14 Jan 2025');
  assert.equal(rows[0].written, 'Tuesday');
  assert.equal(rows[0].what, '');
});

test('a figure gloss says what is counted, and is left out when it only repeats the text', () => {
  assert.equal(figureGloss('hundreds of thousands', { value: 200000, kind: 'count', counted: 'people killed', qualifier: '' }), '200,000 people killed');
  assert.equal(figureGloss('over 400,000', { value: 400000, qualifier: 'over', unit: 'people' }), 'over 400,000 people');
  assert.equal(figureGloss('10 percent', { value: 10, kind: 'percent', unit: '', counted: '' }), undefined);
  assert.equal(figureGloss('at least 55 percent', { value: 55, kind: 'percent', counted: 'oska river', qualifier: 'at least' }), undefined);
  assert.equal(figureGloss('a dozen', { value: 12 }), '12');
  assert.equal(figureGloss('x', {}), undefined);
});

test('tooltips of figures, dates and statements speak in words: no entity ids, no zero scores, no attribute names', () => {
  const text = 'The mill employs about 340 people, the union said on Monday. It has run for six years.';
  const span = (words: string, label: string, attrs: Attrs) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, label, attrs });
  const a = article({
    text,
    layers: {
      figures: [span('about 340', 'count', { value: 340, kind: 'count', qualifier: 'about', counted: 'people', source: 'unnamed', sourceKind: 'reporting-verb', sourceEntity: '' })],
      dates: [span('Monday', 'date', { value: '', anchored: false, relation: 'on' }), span('six years', 'duration', { value: 'P6Y', anchored: true })],
      statements: [span('The mill employs about 340 people, the union said on Monday.', 'attributed-claim', { source: 'the union', sourceEntity: 'e4', cue: 'said', opinion: 0, checkable: true })],
    },
  });
  const fig = findingTip(a, 'figures', a.layers.figures[0])!;
  assert.equal(fig.title, 'Figure · about 340');
  assert.deepEqual(fig.lines, ['means about 340 people', 'from an unnamed source']);
  assert.equal(figures(a)[0].source, 'an unnamed source', 'the side panel says it the same way');
  const monday = findingTip(a, 'dates', a.layers.dates[0])!;
  assert.equal(monday.title, 'Date · Monday');
  assert.match(monday.lines.join(), /not placed on a calendar/);
  assert.deepEqual(findingTip(a, 'dates', a.layers.dates[1]), { title: 'Duration · six years', lines: ['lasting 6 years'] });
  const stmt = findingTip(a, 'statements', a.layers.statements[0])!;
  assert.equal(stmt.title, 'Statement · attributed claim');
  assert.deepEqual(stmt.lines, ['from the union (“said”)', 'states something that can be checked']);
  for (const tip of [fig, monday, stmt]) assert.doesNotMatch(JSON.stringify(tip), /\be4\b|sourceEntity|opinion: 0|value:/);
  assert.equal(findingTip(a, 'quotes', a.layers.figures[0]), undefined);
});

test('a vague amount is not given a precise meaning', () => {
  const text = 'Hundreds of families left the valley.';
  const a = article({ text, layers: { figures: [{ start: 0, end: 8, label: 'count', attrs: { value: 200, vague: true, counted: 'families', source: '' } }] } });
  assert.equal(figures(a)[0].gloss, 'a vague amount of families');
  assert.deepEqual(findingTip(a, 'figures', a.layers.figures[0])!.lines, ['a vague amount of families', 'source not stated']);
});

test('an article without named sources is not called one-sided', () => {
  const a = article({ findings: { sourcing: { quotes: 0, namedSources: 0, anonymousSources: 0, unresolvedQuotes: 0, quotedShare: 0, oneSide: true } } });
  assert.equal(Object.fromEntries(sourcingSummary(a))['One side'], undefined);
  const b = article({ findings: { sourcing: { quotes: 3, namedSources: 2, anonymousSources: 0, unresolvedQuotes: 0, quotedShare: 0.3, oneSide: true } } });
  assert.match(Object.fromEntries(sourcingSummary(b))['One side'], /share one affiliation/);
});

test('technique rates per article make outlets of different sizes comparable', () => {
  const rates = techniqueRates({ '': { Doubt: 300 }, Politico: { Doubt: 6, Loaded_Language: 3 } }, { '': 600, Politico: 12 });
  assert.deepEqual(rates, { '(no outlet) · 600 articles': { Doubt: 0.5 }, 'Politico · 12 articles': { Doubt: 0.5, Loaded_Language: 0.25 } });
  assert.deepEqual(techniqueRates({ Gone: { Doubt: 1 } }, {}), {}, 'no articles, no rate');
});
