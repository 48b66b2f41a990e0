import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Span } from '../model/index.js';
import { lowersAlone, tokenText } from './token-text.js';

const spans = (text: string): Span[] => [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, label: 'X' }));

test('tokenText gives each token as written and lower-cased', () => {
  const text = 'The Minister said ÉTÉ was over';
  const { raw, lower } = tokenText(text, spans(text));
  assert.deepEqual(raw, ['The', 'Minister', 'said', 'ÉTÉ', 'was', 'over']);
  assert.deepEqual(lower, ['the', 'minister', 'said', 'été', 'was', 'over']);
});

test('tokenText is made once per tokens array and text', () => {
  const text = 'One Two';
  const tokens = spans(text);
  assert.equal(tokenText(text, tokens), tokenText(text, tokens));
  // the same tokens over another text are sliced again
  assert.deepEqual(tokenText('Six Ten', tokens).lower, ['six', 'ten']);
});

test('lowersAlone flags texts whose lower case depends on context', () => {
  assert.equal(lowersAlone('Plain ASCII and Ünïcödé'), true);
  assert.equal(lowersAlone('ΟΔΟΣ'), false); // final sigma
  assert.equal(lowersAlone('emoji 😀'), false); // surrogates
});
