import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createArticle } from '../model/index.js';
import { assertLayerConforms } from '../model/conformance.js';
import { nlpStage, tokenize, guessLanguage, chunkParagraph, MAX_CHUNK_CHARS, MAX_WORD_CHARS } from './index.js';

const ENGLISH = 'The minister said on Monday that the talks would resume next week, but analysts in the capital warned that the ceasefire was fragile and that neither side had moved.';
// Invented paragraphs in French and German.
const FRENCH = 'Le ministre a déclaré lundi que les négociations reprendraient la semaine prochaine, mais les analystes de la capitale ont averti que le cessez-le-feu restait fragile et que personne ne voulait céder.';
const GERMAN = 'Der Minister sagte am Montag, die Gespräche würden nächste Woche fortgesetzt, aber Fachleute in der Hauptstadt warnten, dass die Waffenruhe brüchig sei und keine Seite nachgeben wolle.';

function run(text: string) {
  const article = createArticle(text);
  return { article, out: nlpStage.run(article, undefined) };
}

test('English text: tokens with POS, sentences, paragraphs; no notice', () => {
  const { article, out } = run(`${ENGLISH}\n\nHe left. She stayed.`);
  const a = { ...article, layers: out.layers! };
  for (const layer of ['tokens', 'sentences', 'paragraphs']) assertLayerConforms(a, layer);
  assert.equal(out.layers!.paragraphs.length, 2);
  assert.equal(out.layers!.sentences.length, 3);
  assert.equal(a.text.slice(out.layers!.tokens[1].start, out.layers!.tokens[1].end), 'minister');
  assert.equal(out.layers!.tokens[1].label, 'NOUN');
  assert.deepEqual(out.notices, []);
  assert.equal(out.meta?.language, 'en');
});

for (const [name, text] of [['French', FRENCH], ['German', GERMAN]]) {
  test(`${name} text gets a clear not-English notice, not a crash`, () => {
    const { out } = run(text);
    assert.equal(guessLanguage(text), 'other');
    assert.equal(out.notices?.[0].code, 'not-english');
    assert.match(out.notices![0].message, /not look like English/);
    assert.ok(out.layers!.tokens.length > 20);
  });
}

test('a very short text is not judged (language undetermined)', () => {
  assert.equal(guessLanguage('Bonjour.'), 'und');
  assert.deepEqual(run('Bonjour.').out.notices, []);
});

test('overlong runs without spaces are one X token, fast (wink is superlinear on them)', () => {
  const text = `Before ${'ab'.repeat(50_000)} after it.`;
  const t0 = performance.now();
  const { tokens, sentences } = tokenize(text);
  assert.ok(performance.now() - t0 < 2000, 'bounded time');
  const long = tokens.find((t) => t.label === 'X')!;
  assert.equal(long.end - long.start, 100_000);
  assert.deepEqual(tokens.map((t) => text.slice(t.start, t.end)).filter((w) => w.length < 10), ['Before', 'after', 'it', '.']);
  assert.ok(sentences.length >= 1);
});

test('very long paragraphs are cut into chunks at sentence ends; offsets stay exact', () => {
  const sentence = 'The council met again today. ';
  const text = sentence.repeat(Math.ceil((MAX_CHUNK_CHARS * 2.5) / sentence.length));
  const chunks = chunkParagraph(text, 0, text.length);
  assert.ok(chunks.length >= 3);
  for (const c of chunks) {
    assert.ok(c.end - c.start <= MAX_CHUNK_CHARS);
    assert.ok(text.slice(c.start, c.end).trimEnd().endsWith('.'));
  }
  assert.equal(chunks.at(-1)!.end, text.length);
  const { out, article } = run(text);
  assert.equal(out.notices?.find((n) => n.code === 'long-paragraph')?.code, 'long-paragraph');
  assert.equal(out.layers!.sentences.length, text.length / sentence.length);
  assertLayerConforms({ ...article, layers: out.layers! }, 'tokens');
  assert.ok(MAX_WORD_CHARS < MAX_CHUNK_CHARS);
});

test('paragraphs are tagged together but sentences never cross a paragraph', () => {
  const text = 'A title without a full stop\n\nthe first line of the body goes on\n\nAnd a last one.';
  const { sentences, paragraphs } = tokenize(text);
  assert.equal(paragraphs.length, 3);
  assert.deepEqual(sentences.map((s) => text.slice(s.start, s.end)), ['A title without a full stop', 'the first line of the body goes on', 'And a last one.']);
});

test('the rule tokenizer, splitter and distilled tagger agree closely with wink (their teacher)', async () => {
  const { winkTokenize } = await import('./wink-layers.js');
  // An invented news paragraph.
  const text = 'The city council voted 7-2 on Tuesday to approve a $4.5 million budget for road repairs. "We can\'t wait any longer," said Mayor Ellen Park, who has pushed for the plan since 2019.\n\nCritics, including two council members, argued that the money would be better spent on public transport. The vote followed a three-hour debate.';
  const ours = tokenize(text);
  const theirs = winkTokenize(text);
  const key = (t: { start: number; end: number }) => `${t.start}:${t.end}`;
  assert.deepEqual(ours.tokens.map(key), theirs.tokens.map(key));
  assert.deepEqual(ours.sentences.map(key), theirs.sentences.map(key));
  const same = ours.tokens.filter((t, i) => t.label === theirs.tokens[i].label).length;
  assert.ok(same / ours.tokens.length >= 0.95, `POS agreement ${same}/${ours.tokens.length}`);
});
