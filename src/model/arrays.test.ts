import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapPacked } from './arrays.js';

test('mapPacked maps like Array.prototype.map', () => {
  const xs = [3, 1, 2];
  assert.deepEqual(mapPacked(xs, (x, i) => x * 10 + i), xs.map((x, i) => x * 10 + i));
  assert.deepEqual(mapPacked([], (x: number) => x), []);
});
