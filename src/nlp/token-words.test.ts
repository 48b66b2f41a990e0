import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, tokenWords } from './index.js';

test('tokenWords: each token its word id and offsets; nothing for copied tokens or another text', () => {
  const text = 'The minister met the minister.\n\nThen the talks ended.';
  const { tokens } = tokenize(text);
  const words = tokenWords(text, tokens);
  assert.ok(words);
  assert.equal(words.ids.length, tokens.length);
  tokens.forEach((t, i) => {
    assert.equal(words.table.word(words.ids[i]), text.slice(t.start, t.end));
    assert.equal(words.starts[i], t.start);
    assert.equal(words.ends[i], t.end);
  });
  // The same word has the same id ("minister" twice, "the" twice).
  assert.equal(words.ids[1], words.ids[4]);
  assert.equal(words.ids[3], words.ids[7]);
  assert.equal(tokenWords(text, tokens.slice()), undefined);
  assert.equal(tokenWords(`${text} `, tokens), undefined);
});

test('tokenWords: ids go stale when their word table starts afresh', async () => {
  const { WordTable } = await import('./word-table.js');
  const { recordTokenWords } = await import('./token-words.js');
  const text = 'a b';
  const tokens = [{ start: 0, end: 1, label: 'X' }, { start: 2, end: 3, label: 'X' }];
  const table = new WordTable();
  const ids = Int32Array.of(table.add('a'), table.add('b'));
  recordTokenWords(text, tokens, ids, Int32Array.of(0, 2), Int32Array.of(1, 3), table, table.generation);
  assert.deepEqual([...tokenWords(text, tokens)!.ids], [0, 1]);
  table.clear();
  assert.equal(tokenWords(text, tokens), undefined);
});
