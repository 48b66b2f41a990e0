import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bucketByTime, TIME_BUCKETS } from './time-buckets.js';

const days = (...pairs: Array<[string, number]>) => pairs.map(([value, count]) => ({ value, count }));

test('bucketByTime: a few weeks by day, every day present (an empty day is a zero, not a missing bar)', () => {
  const s = bucketByTime(days(['2026-03-02', 2], ['2026-03-05', 1]));
  assert.equal(s.unit, 'day');
  assert.deepEqual(s.points, days(['2026-03-02', 2], ['2026-03-03', 0], ['2026-03-04', 0], ['2026-03-05', 1]));
});

test('bucketByTime: a few months by week (Mondays), over a year by month, decades by year', () => {
  const weeks = bucketByTime(days(['2026-03-04', 1], ['2026-03-05', 2], ['2026-05-20', 1]));
  assert.equal(weeks.unit, 'week');
  assert.equal(weeks.points[0].value, '2026-03-02', 'a week is named by its Monday');
  assert.equal(weeks.points[0].count, 3);
  assert.equal(weeks.points.at(-1)!.value, '2026-05-18');
  assert.equal(weeks.points.reduce((n, p) => n + p.count, 0), 4);
  const months = bucketByTime(days(['2025-01-14', 1], ['2025-09-01', 3], ['2026-03-09', 1]));
  assert.equal(months.unit, 'month');
  assert.equal(months.points.length, 15);
  assert.deepEqual(months.points.find((p) => p.value === '2025-09'), { value: '2025-09', count: 3 });
  assert.deepEqual(months.points.find((p) => p.value === '2025-08'), { value: '2025-08', count: 0 });
  const years = bucketByTime(days(['2001-06-01', 1], ['2026-01-01', 2]));
  assert.equal(years.unit, 'year');
  assert.equal(years.points.length, 26);
  assert.ok(TIME_BUCKETS.maxMonths < 26 * 12);
});

test('bucketByTime: one day is one bar; no dates, no bars; non-dates are left out; a unit can be forced', () => {
  assert.deepEqual(bucketByTime(days(['2026-03-02', 4])), { unit: 'day', points: days(['2026-03-02', 4]) });
  assert.deepEqual(bucketByTime([]).points, []);
  assert.deepEqual(bucketByTime(days(['soon', 3], ['2026-03-02', 1])).points, days(['2026-03-02', 1]));
  assert.deepEqual(bucketByTime(days(['2026-03-02', 1], ['2026-03-31', 1]), 'month').points, days(['2026-03', 2]));
});
