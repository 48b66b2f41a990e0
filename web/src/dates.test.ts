import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateSpan, humanDate, humanDuration, timeLabels } from './dates.js';

test('ISO points read as dates people write', () => {
  assert.equal(humanDate('2016-10-14'), 'Friday 14 Oct 2016');
  assert.equal(humanDate('2011-03'), 'March 2011');
  assert.equal(humanDate('2016'), '2016');
  assert.equal(humanDate('2016-W40'), 'week 40 of 2016');
  assert.equal(humanDate('199X'), 'the 1990s');
});

test('durations and ranges are not shown as codes', () => {
  assert.equal(humanDate('P2Y'), '2 years');
  assert.equal(humanDate('P1D'), '1 day');
  assert.equal(humanDate('PT10H'), '10 hours');
  assert.equal(humanDuration('P1Y6M'), '1 year 6 months');
  assert.equal(humanDate('PXY'), 'some years');
  assert.equal(humanDate('1990/1999'), '1990 – 1999');
  assert.equal(humanDate('2011-03/2016-10-15'), 'March 2011 – Saturday 15 Oct 2016');
  assert.equal(humanDate('2011-03/..'), 'since March 2011');
});

test('unknown shapes pass through; empty stays empty', () => {
  assert.equal(humanDate(''), '');
  assert.equal(humanDate('someday'), 'someday');
  assert.equal(humanDate('2016-13'), '2016-13');
});

test('a span of one day is one date; no dates, no dashes', () => {
  assert.equal(dateSpan('2026-03-11', '2026-03-11'), '2026-03-11');
  assert.equal(dateSpan('2026-03-02T08:00:00Z', '2026-03-14'), '2026-03-02 – 2026-03-14');
  assert.equal(dateSpan(undefined, undefined), '');
  assert.equal(dateSpan('2026-03-11', '2026-03-11', humanDate), 'Wednesday 11 Mar 2026');
});

test('chart labels by bar width: days, weeks, months, years; years only when the chart spans several', () => {
  assert.deepEqual(timeLabels(['2026-03-02', '2026-03-03'], 'day'), ['2 Mar', '3 Mar']);
  assert.deepEqual(timeLabels(['2025-12-29', '2026-01-05'], 'week'), ['week of 29 Dec 2025', 'week of 5 Jan 2026']);
  assert.deepEqual(timeLabels(['2025-12', '2026-01'], 'month'), ['Dec 2025', 'Jan 2026']);
  assert.deepEqual(timeLabels(['2024', '2025'], 'year'), ['2024', '2025']);
});
