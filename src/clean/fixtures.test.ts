import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanText } from './clean.js';
import { createArticle } from '../model/index.js';
import { assertLayerConforms } from '../model/conformance.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

for (const name of readdirSync(FIXTURES).filter((f) => !f.includes('.')).sort()) {
  test(`golden fixture ${name}`, () => {
    const text = readFileSync(join(FIXTURES, name, 'source.txt'), 'utf8');
    const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8'));
    const { structure, boilerplate, meta } = cleanText(text);
    const marks = [...structure, ...boilerplate].sort((a, b) => a.start - b.start || b.end - a.end).map((s) => [s.label, text.slice(s.start, s.end)]);
    assert.deepEqual(marks, expected.marks);
    for (const [label, attrs] of Object.entries(expected.attrs ?? {})) {
      assert.deepEqual([...structure, ...boilerplate].find((s) => s.label === label)?.attrs, attrs, `attrs of the first ${label}`);
    }
    for (const [key, value] of Object.entries(expected.meta)) assert.equal(meta[key], value, `meta.${key}`);
    const article = { ...createArticle(text), layers: { structure, boilerplate } };
    assertLayerConforms(article, 'structure');
    assertLayerConforms(article, 'boilerplate');
  });
}
