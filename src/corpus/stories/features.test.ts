import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leadOf, storyTerms } from './features.js';

/** The lead as storyTerms used to make it: split the whole text, keep the first words. */
const splitLead = (text: string, words: number) => text.split(/\s+/).filter(Boolean).slice(0, words).join(' ');

test('leadOf gives the first words as splitting the whole text did, Unicode spaces included', () => {
  const texts = [
    '',
    '   ',
    'one',
    '  Harbour\tworkers\n\nwalk out\u00a0at dawn\u2003(Velmora)\u3000— talks\u2028stall\ufeff again  ',
    Array.from({ length: 90 }, (_, i) => `w${i}${i % 7 ? ' ' : '\n \t'}`).join(''),
    'ends with a space ',
  ];
  for (const t of texts) for (const n of [0, 1, 3, 60]) assert.equal(leadOf(t, n), splitLead(t, n), JSON.stringify([t.slice(0, 30), n]));
  // Stateless between calls (the pattern is global).
  assert.equal(leadOf('a b c', 2), 'a b');
  assert.equal(leadOf('x y', 5), 'x y');
});

test('storyTerms weighs the lead: only the first 60 words of the body count', () => {
  const body = Array.from({ length: 80 }, (_, i) => `q${String(i).padStart(3, '0')}`).join(' \n');
  const terms = storyTerms({ id: 'x', title: 'Quay strike', text: `Quay strike\n\n${body}` });
  assert.equal(terms.get('q000'), 1);
  assert.equal(terms.get('q059'), 1);
  assert.equal(terms.has('q060'), false);
  assert.equal([...terms.keys()].filter((k) => /^q\d+$/.test(k)).length, 60);
});
