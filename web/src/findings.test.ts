import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../../src/model/index.js';
import { figureGloss, nameOf, sourcingSummary, timeline } from './findings.js';

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

test('a figure gloss says what is counted, and is left out when it only repeats the text', () => {
  assert.equal(figureGloss('hundreds of thousands', { value: 200000, kind: 'count', counted: 'people killed', qualifier: '' }), '200,000 people killed');
  assert.equal(figureGloss('over 400,000', { value: 400000, qualifier: 'over', unit: 'people' }), 'over 400,000 people');
  assert.equal(figureGloss('10 percent', { value: 10, kind: 'percent', unit: '', counted: '' }), undefined);
  assert.equal(figureGloss('at least 55 percent', { value: 55, kind: 'percent', counted: 'oska river', qualifier: 'at least' }), undefined);
  assert.equal(figureGloss('a dozen', { value: 12 }), '12');
  assert.equal(figureGloss('x', {}), undefined);
});
