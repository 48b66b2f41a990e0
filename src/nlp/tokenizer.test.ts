import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newBounds, tokenBounds, tokenizeRange } from './tokenizer.js';
import { splitSentences } from './sentences.js';

/** The tokens of a text as strings. */
function words(text: string): string[] {
  return tokenBounds(text).map(([s, e]) => text.slice(s, e));
}

/** The sentences of a one-paragraph text as strings. */
function sentences(text: string): string[] {
  const b = newBounds(4);
  tokenizeRange(text, 0, text.length, b);
  const out: number[] = [];
  splitSentences(text, b, 0, b.length, out);
  const result: string[] = [];
  for (let k = 0; k < out.length; k += 2) result.push(text.slice(b.starts[out[k]], b.ends[out[k + 1] - 1]));
  return result;
}

test('plain words and trailing punctuation', () => {
  assert.deepEqual(words('The mayor spoke, then left.'), ['The', 'mayor', 'spoke', ',', 'then', 'left', '.']);
  assert.deepEqual(words('  spaced\tout\n words '), ['spaced', 'out', 'words']);
});

test('contractions split as wink splits them', () => {
  assert.deepEqual(words("We can't say it's over; they'll see."), ['We', 'ca', "n't", 'say', 'it', "'s", 'over', ';', 'they', "'ll", 'see', '.']);
  assert.deepEqual(words('She won’t go. Cannot.'), ['She', 'wo', 'n’t', 'go', '.', 'Can', 'not', '.']);
  assert.deepEqual(words("I'm sure I’d go"), ['I', "'m", 'sure', 'I', '’d', 'go']);
  assert.deepEqual(words("the council's plan and the members' vote"), ['the', 'council', "'s", 'plan', 'and', 'the', 'members', "'", 'vote']);
});

test('hyphenated words: split, except with digits or a listed prefix', () => {
  assert.deepEqual(words('a long-awaited anti-fraud plan for COVID-19 and mid-2000s'), ['a', 'long', '-', 'awaited', 'anti-fraud', 'plan', 'for', 'COVID-19', 'and', 'mid-2000s']);
  assert.deepEqual(words('a 12-year-old'), ['a', '12', '-', 'year', '-', 'old']);
});

test('numbers, money, percentages, times and ordinals', () => {
  assert.deepEqual(words('It cost $1,250.75 (up 3.5%) at 5:30 on the 21st, in the 1990s.'), ['It', 'cost', '$', '1,250.75', '(', 'up', '3.5', '%', ')', 'at', '5:30', 'on', 'the', '21st', ',', 'in', 'the', '1990s', '.']);
  assert.deepEqual(words('A 10km run at 6pm, 2016-17.'), ['A', '10', 'km', 'run', 'at', '6pm', ',', '2016-17', '.']);
});

test('abbreviations, initials and short forms keep their stop', () => {
  assert.deepEqual(words('Dr. Ann B. Carter of the U.S. Navy met Gov. Lee at 9 a.m. today.'), ['Dr.', 'Ann', 'B.', 'Carter', 'of', 'the', 'U.S.', 'Navy', 'met', 'Gov.', 'Lee', 'at', '9', 'a.m.', 'today', '.']);
});

test('quotes, brackets, dashes and ellipses', () => {
  assert.deepEqual(words('“Enough,” she said—and left... (Really?)'), ['“', 'Enough', ',', '”', 'she', 'said', '—', 'and', 'left', '...', '(', 'Really', '?', ')']);
  assert.deepEqual(words('"Go!" he said -- twice.'), ['"', 'Go', '!', '"', 'he', 'said', '--', 'twice', '.']);
});

test('web addresses, e-mail, handles stay whole', () => {
  assert.deepEqual(words('See https://example.org/a?b=1 or write to desk@example.org, @newsdesk #vote'), ['See', 'https://example.org/a?b=1', 'or', 'write', 'to', 'desk@example.org', ',', '@newsdesk', '#vote']);
});

test('non-Latin letters are words; offsets are exact', () => {
  const text = 'Ελλάδα and Москва, café.';
  assert.deepEqual(words(text), ['Ελλάδα', 'and', 'Москва', ',', 'café', '.']);
  for (const [s, e] of tokenBounds(text)) assert.ok(text.slice(s, e).trim().length === e - s);
});

test('sentences end at marks with their closing quotes, not at abbreviations', () => {
  assert.deepEqual(sentences('Mr. Smith went to Washington. He said: "It works." Then he left!'), ['Mr. Smith went to Washington.', 'He said: "It works."', 'Then he left!']);
  assert.deepEqual(sentences('The U.S. Army replied. It was 9 p.m. on Friday.'), ['The U.S. Army replied.', 'It was 9 p.m. on Friday.']);
  assert.deepEqual(sentences('Wait!!! Is it true?! Yes.'), ['Wait!!!', 'Is it true?!', 'Yes.']);
});

test('an ellipsis ends a sentence only before a capital; a line break after an abbreviation ends one', () => {
  assert.deepEqual(sentences('It was fine... until it was not. Then... Nothing.'), ['It was fine... until it was not.', 'Then...', 'Nothing.']);
  assert.deepEqual(sentences('They met in Washington, D.C.\nThe talks went on.'), ['They met in Washington, D.C.', 'The talks went on.']);
});

test('word table: ids for text ranges without slicing, growing past its first capacity', async () => {
  const { WordTable } = await import('./word-table.js');
  const table = new WordTable(4);
  const text = 'alpha beta gamma beta alpha';
  const ids = tokenBounds(text).map(([s, e]) => {
    const id = table.find(text, s, e);
    return id >= 0 ? id : table.add(text.slice(s, e));
  });
  assert.deepEqual(ids, [0, 1, 2, 1, 0]);
  for (let k = 0; k < 100; k++) table.add(`w${k}`);
  assert.equal(table.find('x w57 y', 2, 5), 60);
  assert.equal(table.find('beta', 0, 4), 1);
  assert.equal(table.find('delta', 0, 5), -1);
  assert.equal(table.word(2), 'gamma');
});

test('on random text, tokens are ordered, non-empty, free of white space and cover every other character', async () => {
  const { seededRandom } = await import('../learn/index.js');
  const random = seededRandom(42);
  const alphabet = [...'abcXYZ019 .,;:!?\'"’“”()[]-–—/&@#$%_…\n\t'];
  alphabet.push('é', 'Ж', '😀', '\u00a0', 'U.S.', 'Mr.', "n't", 'https://a.io/x', 'x@y.org', '...');
  for (let round = 0; round < 300; round++) {
    let text = '';
    const n = Math.floor(random() * 60);
    for (let k = 0; k < n; k++) text += alphabet[Math.floor(random() * alphabet.length)];
    const bounds = tokenBounds(text);
    const covered = new Uint8Array(text.length);
    let last = 0;
    for (const [s, e] of bounds) {
      assert.ok(s >= last && e > s, `order in ${JSON.stringify(text)}`);
      assert.ok(!/\s/.test(text.slice(s, e)), `white space in a token of ${JSON.stringify(text)}`);
      covered.fill(1, s, e);
      last = e;
    }
    for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i])) assert.equal(covered[i], 1, `character ${i} of ${JSON.stringify(text)} in no token`);
    // Sentences cover the tokens in order, none empty.
    const b = newBounds(2);
    tokenizeRange(text, 0, text.length, b);
    const out: number[] = [];
    splitSentences(text, b, 0, b.length, out);
    for (let k = 0; k < out.length; k += 2) assert.ok(out[k] < out[k + 1] && (k === 0 ? out[k] === 0 : out[k] === out[k - 1]));
    if (b.length) assert.equal(out[out.length - 1], b.length);
  }
});
