import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates, type DateSpan } from './dates.js';
import { isoWeek } from './calendar.js';

// Sentences written for these tests. Anchor: a Saturday.
const ANCHOR = { y: 2016, m: 10, d: 15 };

function dates(text: string, anchor: typeof ANCHOR | null = ANCHOR): { text: string; span: DateSpan }[] {
  return findDates(text, anchor ?? undefined).map((span) => ({ text: text.slice(span.start, span.end), span }));
}

function only(text: string, anchor: typeof ANCHOR | null = ANCHOR) {
  const found = dates(text, anchor);
  assert.equal(found.length, 1, `one date in "${text}", got ${found.map((f) => f.text).join(' | ')}`);
  return { text: found[0].text, ...found[0].span.attrs! };
}

test('absolute dates in several spellings normalise to ISO with granularity', () => {
  assert.deepEqual([only('The vote was held on October 15, 2016 in Lyon.').value, only('The vote was held on October 15, 2016.').granularity], ['2016-10-15', 'day']);
  assert.equal(only('It ended on 15 October 2016 after a week.').value, '2016-10-15');
  assert.equal(only('The file is dated 2016-10-15.').value, '2016-10-15');
  const month = only('The riots began in March 2011 in the south.');
  assert.deepEqual([month.value, month.granularity, month.relation], ['2011-03', 'month', 'in']);
  const year = only('The party was founded in 1998.');
  assert.deepEqual([year.value, year.granularity], ['1998', 'year']);
});

test('decades, year ranges and "since" ranges', () => {
  const decade = only('Growth was slow in the 1990s and trade fell.');
  assert.deepEqual([decade.text, decade.value, decade.granularity], ['the 1990s', '1990/1999', 'decade']);
  const season = only('The 2016-17 season was his last.');
  assert.deepEqual([season.value, season.granularity], ['2016/2017', 'range']);
  const since = only('The town has been besieged since March 2011.');
  assert.deepEqual([since.text, since.value, since.point, since.granularity], ['since March 2011', '2011-03/2016-10-15', '2011-03', 'range']);
  assert.equal(only('The town has been besieged since March 2011.', null).value, '2011-03/..');
});

test('"May" is a month only with a day, a year or a date preposition', () => {
  assert.deepEqual(dates('Officials may meet again in May.').map((d) => d.text), ['May']);
  assert.deepEqual(dates('May the talks succeed, the envoy said.'), []);
  assert.equal(only('May 2019 was the driest month.').value, '2019-05');
  assert.equal(only('The strike started on May 3.').value, '2016-05-03');
  assert.deepEqual(dates('Protesters march through the city. March is cold.').map((d) => d.text), ['March']);
});

test('"a third" and plain counts are not dates', () => {
  assert.deepEqual(dates('A third of the deputies voted against.'), []);
  assert.deepEqual(dates('He won a third term in office.'), []);
  assert.deepEqual(dates('Police counted 400,000 marchers and 12 arrests.'), []);
});

test('relative dates resolve against the anchor and stay unresolved without one', () => {
  assert.equal(only('The ministers met on Saturday.').value, '2016-10-15');
  assert.equal(only('The ministers met on Friday.').value, '2016-10-14');
  assert.equal(only('The ministers will meet on Monday.').value, '2016-10-17');
  assert.equal(only('The bridge reopened yesterday.').value, '2016-10-14');
  const week = only('Prices rose last week.');
  assert.deepEqual([week.value, week.granularity], [isoWeek({ y: 2016, m: 10, d: 8 }), 'week']);
  assert.equal(week.value, '2016-W40');
  assert.equal(only('Prices rose three years ago.').value, '2013');
  const recent = only('Fighting has grown in recent months.');
  assert.deepEqual([recent.text, recent.granularity, recent.anchored], ['in recent months', 'range', true]);
  const open = only('The ministers met on Friday.', null);
  assert.deepEqual([open.value, open.anchored, open.mode], ['', false, 'relative']);
});

test('durations become ISO 8601 durations with their qualifier', () => {
  const hours = dates('They talked for nearly 10 hours in a hotel.');
  assert.equal(hours.length, 1);
  assert.equal(hours[0].span.label, 'duration');
  assert.deepEqual([hours[0].text, hours[0].span.attrs!.value, hours[0].span.attrs!.approx], ['nearly 10 hours', 'PT10H', true]);
  const talks = dates('The four-hour talks ended without a deal.');
  assert.deepEqual([talks[0].text, talks[0].span.attrs!.value], ['four-hour', 'PT4H']);
  assert.equal(dates('A 10-year-old boy was hurt.').length, 0);
});

test('year ranges without "from", old years beside month names, a day followed by a count', () => {
  assert.equal(only('He was envoy (2009 to 2012) in Rome.').value, '2009/2012');
  assert.equal(only('The city fell on May 29, 1453 after a siege.').value, '1453-05-29');
  const found = dates('Of the 600 cases counted as of October 12, 474 were mild.');
  assert.deepEqual(found.map((d) => [d.text, d.span.attrs!.value]), [['October 12', '2016-10-12']]);
});
