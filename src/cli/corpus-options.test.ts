import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from './corpus-options.js';

test('date options take real dates only: an impossible month or day is a usage error, not an empty result', () => {
  assert.equal(isoDate('2024'), '2024');
  assert.equal(isoDate(' 2024-02 '), '2024-02');
  assert.equal(isoDate('2024-02-29'), '2024-02-29', 'a leap day');
  assert.throws(() => isoDate('2023-02-29'), /no day 29 in 2023-02/);
  assert.throws(() => isoDate('2026-13-45'), /no month 13/);
  assert.throws(() => isoDate('2026-00'), /no month 00/);
  assert.throws(() => isoDate('2026-04-31'), /no day 31/);
  assert.throws(() => isoDate('yesterday'), /expected YYYY, YYYY-MM or YYYY-MM-DD/);
});
