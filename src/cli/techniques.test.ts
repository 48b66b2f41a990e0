import test from 'node:test';
import assert from 'node:assert/strict';
import { mergeOverlapping } from './techniques.js';

test('semeval lines: overlapping technique spans are joined and take the label of the longest', () => {
  const merged = mergeOverlapping([
    { start: 30, end: 34, label: 'Loaded_Language' },
    { start: 10, end: 40, label: 'Doubt' },
    { start: 12, end: 18, label: 'Name_Calling,Labeling' },
    { start: 50, end: 60, label: 'Flag-Waving' },
    { start: 60, end: 62, label: 'Repetition' },
  ]);
  assert.deepEqual(merged, [
    { start: 10, end: 40, label: 'Doubt' },
    { start: 50, end: 60, label: 'Flag-Waving' },
    { start: 60, end: 62, label: 'Repetition' },
  ]);
});
