import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from './segments.js';

test('segments cut at every boundary and list covering marks', () => {
  const segs = segment(10, [{ start: 2, end: 6 }, { start: 4, end: 8 }]);
  assert.deepEqual(segs.map((s) => [s.start, s.end, s.marks]), [[0, 2, []], [2, 4, [0]], [4, 6, [0, 1]], [6, 8, [1]], [8, 10, []]]);
});

test('segments cover the text exactly once, with clipped and empty marks ignored', () => {
  const segs = segment(5, [{ start: 3, end: 3 }, { start: -2, end: 2 }, { start: 4, end: 99 }]);
  assert.deepEqual(segs.map((s) => [s.start, s.end, s.marks]), [[0, 2, [1]], [2, 4, []], [4, 5, [2]]]);
  assert.deepEqual(segment(0, []), []);
});
