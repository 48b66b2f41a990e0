import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PosTagger, posTagger } from './pos.js';
import { POS_TAGS, trainPos, type PosData } from './train-pos.js';
import { shape, wordFeatures, ROLES } from './pos-features.js';

/** Builds training data from sentences written as "word/TAG word/TAG ...". */
function data(lines: readonly string[]): PosData {
  const words: string[] = [];
  const ids = new Map<string, number>();
  const tokens: number[] = [];
  const gold: number[] = [];
  const bounds = [0];
  for (const line of lines) {
    for (const pair of line.split(' ')) {
      const [w, t] = pair.split('/');
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = words.push(w) - 1));
      tokens.push(id);
      gold.push(POS_TAGS.indexOf(t as (typeof POS_TAGS)[number]));
    }
    bounds.push(tokens.length);
  }
  return { words, tokens: Int32Array.from(tokens), gold: Uint8Array.from(gold), bounds: Int32Array.from(bounds) };
}

// Invented sentences: "book" is a noun after a determiner and a verb after "to".
const TOY = [
  'the/DET clerk/NOUN wants/VERB to/PART book/VERB a/DET room/NOUN ./PUNCT',
  'a/DET book/NOUN fell/VERB ./PUNCT',
  'we/PRON want/VERB to/PART read/VERB the/DET book/NOUN ./PUNCT',
  'they/PRON book/VERB rooms/NOUN ./PUNCT',
];

test('shapes collapse runs of the same character class', () => {
  assert.equal(shape('Obama'), 'Xx');
  assert.equal(shape('U.S.'), 'X.X.');
  assert.equal(shape('1,200'), 'd,d');
  assert.equal(shape('Zürich'), 'Xx');
  assert.equal(wordFeatures('Obama', 18).roles.length, ROLES);
});

test('training learns context (noun after a determiner, verb after "to") and is deterministic', () => {
  const d = data(TOY);
  const a = trainPos(d, { bits: 14, epochs: 8, seed: 3 });
  const b = trainPos(d, { bits: 14, epochs: 8, seed: 3 });
  assert.deepEqual(a, b);
  const tagger = new PosTagger([...POS_TAGS], 14, a);
  assert.deepEqual(tagger.tag(['the', 'book', 'fell', '.']), ['DET', 'NOUN', 'VERB', 'PUNCT']);
  assert.deepEqual(tagger.tag(['we', 'want', 'to', 'book', 'a', 'room', '.']), ['PRON', 'VERB', 'PART', 'VERB', 'DET', 'NOUN', 'PUNCT']);
});

test('the committed tagger tags plain news sentences sensibly', () => {
  const tagger = posTagger();
  const tags = tagger.tag(['The', 'senator', 'said', 'on', 'Tuesday', 'that', 'she', 'would', 'not', 'run', 'again', '.']);
  assert.deepEqual(tags, ['DET', 'NOUN', 'VERB', 'ADP', 'PROPN', 'SCONJ', 'PRON', 'AUX', 'PART', 'VERB', 'ADV', 'PUNCT']);
  const names = tagger.tag(['Maria', 'Lopez', 'visited', 'Lisbon', 'with', '3', 'aides', '.']);
  assert.deepEqual(names, ['PROPN', 'PROPN', 'VERB', 'PROPN', 'ADP', 'NUM', 'NOUN', 'PUNCT']);
  // A word seen once per process is memoised: the same sentence tags the same way twice.
  assert.deepEqual(tagger.tag(['The', 'senator', 'said', 'on', 'Tuesday', 'that', 'she', 'would', 'not', 'run', 'again', '.']), tags);
});
