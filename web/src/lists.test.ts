import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fewOf, plural, shortLabel, shownOf, speakerOrder } from './lists.js';

test('long lists are cut with a count of the rest; short ones are whole', () => {
  assert.equal(fewOf(['candidate', 'senator', 'nominee', 'governor', 'leader'], 3), 'candidate, senator, nominee +2 more');
  assert.equal(fewOf(['chair'], 3), 'chair');
  assert.equal(fewOf([], 3), '');
});

test('a list cut short says so; counts agree in number', () => {
  assert.equal(shownOf(200, 2199, 'most quoted'), ' Showing the 200 most quoted of 2,199.');
  assert.equal(shownOf(17, 17, 'biggest'), '');
  assert.equal(plural(1, 'article'), '1 article');
  assert.equal(plural(7, 'article'), '7 articles');
  assert.equal(plural(1, 'story', 'stories'), '1 story');
  assert.equal(plural(0, 'story', 'stories'), '0 stories');
});

test('named speakers first by quotes, then unnamed sources, then unattributed quotes', () => {
  assert.deepEqual(speakerOrder([['unnamed: officials', 9], ['Ada Brine', 2], ['unattributed', 5], ['Ilse Varga', 4]]),
    ['Ilse Varga', 'Ada Brine', 'unnamed: officials', 'unattributed']);
});

test('long chart labels are cut, keeping the article count at their end', () => {
  assert.equal(shortLabel('Meridian Wire · 6 articles'), 'Meridian Wire · 6 articles');
  const cut = shortLabel('The Norland Observer and Evening Post Gazette · 4 articles');
  assert.ok(cut.length <= 30, cut);
  assert.match(cut, /^The Norland .*… · 4 articles$/);
  assert.equal(shortLabel('An outlet with a very long name indeed and no count', 20).length, 20);
});
